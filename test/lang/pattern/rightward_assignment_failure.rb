[1, 2] => [x]
# expect error: [1, 2]: [1, 2] length mismatch (given 2, expected 1) (NoMatchingPatternError)
