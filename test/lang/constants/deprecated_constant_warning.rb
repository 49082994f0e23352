# A deprecated constant warns (when Warning[:deprecated] is on) wherever it
# is referenced -- lexically, through ::, or scoped -- once per site, in
# CRuby's words; defined? does not warn
def Warning.warn(msg, **) = print(msg.sub(/\A.*?:\d+: /, ""))
Warning[:deprecated] = true
Fixnum; Object::Bignum; x = ::Fixnum
# expect: warning: constant ::Fixnum is deprecated
# expect: warning: constant ::Bignum is deprecated
# expect: warning: constant ::Fixnum is deprecated
3.times { Fixnum }
# expect: warning: constant ::Fixnum is deprecated
module M; X = 1; deprecate_constant :X; end
module M; 2.times { X }; end
# expect: warning: constant M::X is deprecated
class C; include M; def self.g = X; end
C.g
# expect: warning: constant M::X is deprecated
p defined?(Fixnum), defined?(M::X)
# expect: "constant"
# expect: "constant"
Warning[:deprecated] = false
Fixnum
puts :quiet   # expect: quiet
