# encoding: us-ascii
# In a us-ascii source bytes made by \x or octal escapes are ASCII-8BIT even
# when they spell UTF-8, and interpolations start from an empty US-ASCII
# String (CRuby 3.1)
p "\xC3\xA9".encoding, "\303\251".encoding, "\u00e9".encoding   # expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:UTF-8>
p "a#{1}".encoding, "#{1}".encoding, "a#{"\u00e9"}".encoding   # expect: #<Encoding:US-ASCII>
# expect: #<Encoding:US-ASCII>
# expect: #<Encoding:UTF-8>
x = "\u00e9"
p "a#{x}b".encoding, <<~E.encoding   # expect: #<Encoding:UTF-8>
  h#{1}
E
# expect: #<Encoding:US-ASCII>
begin
  eval('"\u00e9\xff"')
rescue SyntaxError => e
  puts e.message[/UTF-8 mixed within \S+ source/]   # expect: UTF-8 mixed within US-ASCII source
end
