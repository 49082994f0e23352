# an autoload in an inner lexical scope wins over a constant of the same name
# further out (Bundler::Plugin's Index against Bundler::Index)
require "tmpdir"
Dir.mktmpdir do |dir|
  $dir = dir
  File.write(File.join(dir, "index.rb"), "module Outer; module Inner; class Index; def who = :inner; end; end; end\n")
  module Outer
    class Index; def who = :outer; end
    module Inner
      autoload :Index, File.join($dir, "index.rb")
      p defined?(Index)
      p $LOADED_FEATURES.grep(/index\.rb/).size   # defined? loads nothing
      def self.get = Index.new.who
    end
    def self.get = Index.new.who
  end
  p Outer::Inner.get
  p Outer.get
  p Outer::Inner::Index.new.who
  p Outer::Inner.autoload?(:Index)
end
# expect: "constant"
# expect: 0
# expect: :inner
# expect: :outer
# expect: :inner
# expect: nil
