p :sym  # expect: :sym
p :"quoted sym"  # expect: :"quoted sym"
p :"with#{1 + 1}interp"  # expect: :with2interp
p :a?  # expect: :a?
p :b!  # expect: :b!
p :c=  # expect: :c=
p :+  # expect: :+
p :[]  # expect: :[]
p %s(psym)  # expect: :psym
