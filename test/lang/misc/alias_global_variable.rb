$original = 5
alias $copy $original
$copy = 9
p $original  # expect: 9
