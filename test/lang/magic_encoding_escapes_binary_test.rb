# encoding: binary
# In a binary source a \u escape makes its literal UTF-8, and an
# interpolation starts from an empty ASCII-8BIT String (CRuby 3.1)
p "\u00e9".encoding, "a\u00e9#{1}".encoding, "\u00e9" "x".encoding   # expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
p "#{1}".encoding, "\xff#{1}".encoding, "#{"\u00e9"}".encoding   # expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:UTF-8>
p "\u{e9 41}", ?\u00e9.encoding, :"\u00e9".encoding   # expect: "éA"
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
begin
  eval('"\u00e9\xff"')
rescue SyntaxError => e
  puts e.message[/UTF-8 mixed within \S+ source/]   # expect: UTF-8 mixed within ASCII-8BIT source
end
