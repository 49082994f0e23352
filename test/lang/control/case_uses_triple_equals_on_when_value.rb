class Matcher
  def ===(other)
    puts "=== called with #{other}"  # expect: === called with 42
    other == 42
  end
end
case 42
when Matcher.new then puts "matched"  # expect: matched
end
