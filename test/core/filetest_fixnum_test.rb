# FileTest's module functions, and the deprecated Fixnum and Bignum, as in CRuby 3.1
p FileTest.exist?("/"), FileTest.directory?("/"), FileTest.file?("/")   # expect: true
# expect: true
# expect: false
p FileTest.size?("/nonexistent/x"), FileTest.zero?("/dev/null")        # expect: nil
# expect: true
p FileTest.singleton_methods.sort == FileTest.private_instance_methods(false).sort   # expect: true
p FileTest.singleton_methods.size                                      # expect: 27
class Probe; include FileTest; def root? = directory?("/"); end
p Probe.new.root?                                                      # expect: true
p Fixnum.equal?(Integer), Bignum.equal?(Integer), (2**70).is_a?(Fixnum) # expect: true
# expect: true
# expect: true
