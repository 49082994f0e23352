s = "abc" "def" 'ghi'
p s  # expect: "abcdefghi"
t = "one " \
    "two"
p t  # expect: "one two"
