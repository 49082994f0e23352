A_CONST = 1
$VERBOSE = nil
A_CONST = 2
p A_CONST  # expect: 2
