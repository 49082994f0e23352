# an autoload registered in an enclosing module fires for a reference made
# inside a nested class (RSpec's formatters are found this way)
require "tmpdir"
Dir.mktmpdir do |dir|
  File.write(File.join(dir, "pf.rb"), "module Outer; class Pf; def hi = :hi; end; end\n")
  module Outer; end
  Outer.autoload(:Pf, File.join(dir, "pf.rb"))
  module Outer
    class Loader
      def get = Pf
    end
  end
  p Outer.autoload?(:Pf).nil?
  p Outer::Loader.new.get
  p Outer::Pf.new.hi
  p Outer.autoload?(:Pf)
end
# expect: false
# expect: Outer::Pf
# expect: :hi
# expect: nil
