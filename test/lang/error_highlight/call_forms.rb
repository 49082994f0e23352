# error_highlight: the ^^^ line under the failing call, for each call form
def show
  yield
rescue NameError => e
  puts e.message
end
x = nil
show { x.zork(1, 2) }
show { x&.zork; x.blarg }
show { x + 1 }
show { x[0] }
show { x[0] = 1 }
show { x.quux = 5 }
show { x.zork { } }
show { x.zork; x.zork }
show { zorkzork(1) }
show { Zork::Quux }
show { ::Zork }
show { Comparable::Zork }
# expect: undefined method `zork' for nil:NilClass
# expect:
# expect: show { x.zork(1, 2) }
# expect:         ^^^^^
# expect: undefined method `blarg' for nil:NilClass
# expect:
# expect: show { x&.zork; x.blarg }
# expect:                  ^^^^^^
# expect: undefined method `+' for nil:NilClass
# expect:
# expect: show { x + 1 }
# expect:          ^
# expect: undefined method `[]' for nil:NilClass
# expect:
# expect: show { x[0] }
# expect:         ^^^
# expect: undefined method `[]=' for nil:NilClass
# expect:
# expect: show { x[0] = 1 }
# expect:         ^^^^^
# expect: undefined method `quux=' for nil:NilClass
# expect:
# expect: show { x.quux = 5 }
# expect:         ^^^^^^^
# expect: undefined method `zork' for nil:NilClass
# expect:
# expect: show { x.zork { } }
# expect:         ^^^^^
# expect: undefined method `zork' for nil:NilClass
# expect:
# expect: show { x.zork; x.zork }
# expect:         ^^^^^
# expect: undefined method `zorkzork' for main:Object
# expect:
# expect: show { zorkzork(1) }
# expect:        ^^^^^^^^
# expect: uninitialized constant Zork
# expect:
# expect: show { Zork::Quux }
# expect:        ^^^^
# expect: uninitialized constant Zork
# expect:
# expect: show { ::Zork }
# expect:        ^^^^^^
# expect: uninitialized constant Comparable::Zork
# expect:
# expect: show { Comparable::Zork }
# expect:                  ^^^^^^
