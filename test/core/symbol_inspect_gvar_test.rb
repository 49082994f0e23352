# Symbol#inspect of global-variable names: $0 is punctuation, so $00 and $01
# are not names and are quoted; $10 and $1 are (CRuby 3.1)
p :"$00", :"$01", :"$0", :"$10", :"$1", :"$0a", :"$-w", :"$-ww", :"$_", :"$__"
# expect: :"$00"
# expect: :"$01"
# expect: :$0
# expect: :$10
# expect: :$1
# expect: :"$0a"
# expect: :$-w
# expect: :"$-ww"
# expect: :$_
# expect: :$__
