# Warning: warn writes to $stderr, categories, and overriding Warning.warn with super
require "stringio"
$stderr = StringIO.new
Warning.warn("custom warning\n")
p $stderr.string
p Warning[:deprecated], Warning[:experimental]
Warning[:deprecated] = true
p Warning[:deprecated]
p((Warning[:nope] rescue $!.class))
p((Warning.warn(1) rescue $!.message))
module Warning
  def self.warn(msg, category: nil) = super("wrapped " + msg)
end
Warning.warn("y\n")
p $stderr.string
p Warning.singleton_class.include?(Warning)
$stderr = STDERR
# expect: "custom warning\n"
# expect: false
# expect: true
# expect: true
# expect: ArgumentError
# expect: "wrong argument type Integer (expected String)"
# expect: "custom warning\nwrapped y\n"
# expect: true
