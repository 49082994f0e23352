case 42
in String then puts "no"
end
# expect error: 42: String === 42 does not return true (NoMatchingPatternError)
