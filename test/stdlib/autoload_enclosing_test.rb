# An autoload registered in an outer module is found from code in a nested
# module (lexical scope), as Rack's Utils from Rack::Request::Helpers.
require 'tmpdir'
Dir.mktmpdir do |dir|
  File.write(File.join(dir, "al_utils_fixture.rb"), "module ALFix\n  module Utils\n    def self.hi = :hi\n  end\nend\n")
  $LOAD_PATH.unshift dir
  module ALFix
    autoload :Utils, "al_utils_fixture"
    class Request
      module Helpers
        def self.go = Utils.hi
      end
    end
  end
  p ALFix.autoload?(:Utils)
  p ALFix::Request::Helpers.go
  p ALFix.autoload?(:Utils)
  File.write(File.join(dir, "al_gen_fixture.rb"), "module ALFix\n  class Gen\n    def self.dump = :dumped\n  end\nend\n")
  module ALFix
    autoload :Gen, "al_gen_fixture"
    class << self
      def build = Gen.dump   # looked up from the singleton class
    end
  end
  p ALFix.build
  begin
    ALFix::Request::Helpers.module_eval { Nope }
  rescue NameError => e
    p e.class
  end
end

# expect: "al_utils_fixture"
# expect: :hi
# expect: nil
# expect: :dumped
# expect: NameError
