s = "orig"
def s.extra = :singleton
s.freeze
d = s.dup
c = s.clone
p d.frozen?  # expect: false
p c.frozen?  # expect: true
p d.respond_to?(:extra)  # expect: false
p c.respond_to?(:extra)  # expect: true
