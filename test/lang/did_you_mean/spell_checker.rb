# DidYouMean::SpellChecker on its own
checker = DidYouMean::SpellChecker.new(dictionary: %w[first_name last_name email])
p checker.correct("frist_name")
p checker.correct("emial")
p checker.correct("zzz")
p DidYouMean::SpellChecker.new(dictionary: %i[upcase upcase! downcase]).correct(:upcse)
# expect: ["first_name"]
# expect: ["email"]
# expect: []
# expect: [:upcase, :upcase!]
