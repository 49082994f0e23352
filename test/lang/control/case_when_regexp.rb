def cls(s)
  case s
  when /\A\d+\z/ then :number
  when /\A[a-z]+\z/ then :word
  else :mixed
  end
end
p cls("123")  # expect: :number
p cls("abc")  # expect: :word
p cls("a1")  # expect: :mixed
