# Integer#** whose result would pass 32 Mbit is a Float, with CRuby's warning
# (through Warning.warn, unless $VERBOSE is nil); smaller ones stay exact.
module Warning
  def self.warn(msg, category: nil)
    puts "W #{msg.sub(/\A.*?:(\d+): /, "L\\1 ")}"
  end
end
p 2**(2**40)
p((-2)**(2**25 + 1))
p 3**(10**8)
p((2**64)**(2**64))
p (10**400).bit_length
p 2**-(2**40)
$VERBOSE = nil
p 2**(2**40)
# expect: W L8 warning: in a**b, b may be too big
# expect: Infinity
# expect: W L9 warning: in a**b, b may be too big
# expect: Infinity
# expect: W L10 warning: in a**b, b may be too big
# expect: Infinity
# expect: W L11 warning: in a**b, b may be too big
# expect: Infinity
# expect: 1329
# expect: W L13 warning: in a**b, b may be too big
# expect: 0.0
# expect: Infinity
