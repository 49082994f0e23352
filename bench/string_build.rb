# string_build: builds strings by appending (<<), by + and by interpolation,
# then rewrites them with gsub (a String pattern, a Regexp with a
# replacement string, and a Regexp with a block). Measures String allocation,
# growth, Integer#to_s, and the regexp engine.

WORDS = %w[apple banana cherry date elder fig grape]

def build_report(rows)
  out = String.new
  i = 0
  while i < rows
    word = WORDS[i % WORDS.size]
    out << "row " << i.to_s << ": "
    out << "#{word} x#{i % 13} = #{i * 7 % 1000}\n"
    i += 1
  end
  out
end

def build_with_plus(n)
  s = ""
  acc = 0
  i = 0
  while i < n
    s = "<" + WORDS[i % WORDS.size] + ":" + i.to_s + ">"
    acc += s.length
    i += 1
  end
  acc
end

def rewrite(text)
  a = text.gsub("row", "line")                     # String pattern
  b = a.gsub(/x(\d+)/, 'times \1')                # Regexp, replacement string
  c = b.gsub(/= (\d+)/) { "=> #{$1.to_i * 2}" }   # Regexp with a block
  c
end

ROWS = 20_000
REPEAT = 24
lengths = 0
digits = 0
last = nil
REPEAT.times do
  text = build_report(ROWS)
  last = rewrite(text)
  lengths += text.length + last.length
  digits += last.count("0-9")
  lengths += build_with_plus(ROWS)
end

first_line = last[0, last.index("\n")]
raise "bad result: #{first_line}" unless first_line == "line 0: apple times 0 => 0"
check = [lengths, digits, last.length]
raise "bad result: #{check.inspect}" unless check == [33_936_648, 4_377_696, 659_547]
puts "string_build #{ROWS} x#{REPEAT} = #{lengths} #{digits}"
