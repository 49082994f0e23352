# `class Outer::Name` / `module` with an autoload registered for Name loads the
# file first and reopens the loaded class (Sinatra's `class Rack::Builder`)
require 'tmpdir'
Dir.mktmpdir do |dir|
  File.write(File.join(dir, "reopen_fixture.rb"), "module RoFix\n  class Builder\n    def use = :real\n  end\n  module Helpers\n    def self.h = :helper\n  end\nend\n")
  $LOAD_PATH.unshift dir
  module RoFix
    autoload :Builder, "reopen_fixture"
    autoload :Helpers, "reopen_fixture"
  end
  class RoFix::Builder
    def extra = :extra
  end
  module RoFix::Helpers
    def self.more = :more
  end
  b = RoFix::Builder.new
  p b.use, b.extra, RoFix::Helpers.h, RoFix::Helpers.more
  p RoFix::Builder.public_method_defined?(:use)
end

# expect: :real
# expect: :extra
# expect: :helper
# expect: :more
# expect: true
