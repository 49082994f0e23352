require_relative 'h'
# String methods over encodings: justification, tr family, succ/upto,
# casecmp?, unicode_normalize, scrub, encode with options, byte/char indexing
srcs = ['"héllo wörld"', '"abc"', '"aaabbb  cc"', '"\u3042\u3044\u3046"', '"e\u0301a\u0308"', '"Straße"', '"ǅungla"', '"zz99"', '"a\xffb"', '"\xe3\x81"', '""', '"ÀÉÎ"']
encs = %w[UTF-8 BINARY US-ASCII UTF-16LE EUC-JP Shift_JIS ISO-8859-1 Windows-1252]
srcs.each do |s|
  encs.each do |e|
    x = "(#{s}.encode(#{e.inspect}) rescue #{s}.dup.force_encoding(#{e.inspect}))"
    %w[size bytesize valid_encoding? ascii_only? encoding succ reverse upcase downcase capitalize swapcase chars.size bytes.size].each { |m| t "#{x}.#{m}" }
    t "#{x}.center(15, '*')"; t "#{x}.ljust(12)"; t "#{x}.rjust(12, 'ab')"
    t "#{x}.tr('a-z', 'A-Z')"; t "#{x}.tr_s('a', 'b')"; t "#{x}.squeeze"; t "#{x}.delete('a')"; t "#{x}.count('a-z')"; t "#{x}.count('^a')"
    t "#{x}.casecmp?('ABC')"; t "#{x}.casecmp('abc')"; t "#{x}.scrub"; t "#{x}.scrub('?')"; t "#{x}.scrub { |b| b.unpack1('H*') }"
    t "#{x}[1]"; t "#{x}[1, 2]"; t "#{x}[-1]"; t "#{x}.byteslice(1, 2)"; t "#{x}.index('b')"; t "#{x}.each_char.first(2)"
    t "#{x}.encode('UTF-8')"; t "#{x}.encode('US-ASCII', undef: :replace)"; t "#{x}.encode('US-ASCII', invalid: :replace, undef: :replace, replace: '*')"
    t "#{x}.encode('ISO-8859-1', fallback: { 'ö' => 'o' })"; t "#{x}.encode('UTF-8', xml: :text)"; t "#{x}.encode('UTF-8', xml: :attr)"; t "#{x}.encode(universal_newline: true)"
    t "#{x}.unicode_normalize"; t "#{x}.unicode_normalize(:nfd)"; t "#{x}.unicode_normalize(:nfkc)"; t "#{x}.unicode_normalized?"
    t "#{x}.upto(#{x}.succ).to_a.size"; t "#{x} + 'a'"; t "#{x}.force_encoding('BINARY').inspect"; t "#{x}.inspect"; t "#{x}.dump"
  end
end
%w[a az zz a9 Zz 9 Az09 a-z].each { |s| t "#{s.inspect}.upto(#{s.succ.succ.inspect}).to_a"; t "#{s.inspect}.upto(#{s.inspect}, true).to_a" }
t '"a".upto("e", true).to_a'; t '"9".upto("11").to_a'; t '"25".upto("5").to_a'; t '"07".upto("11").to_a'; t '"a".upto("\u3042").first(3)'
t '"\u3042".encode("EUC-JP").upto("\u3046".encode("EUC-JP")).to_a'; t '"ab".casecmp?("AB".encode("UTF-16LE"))'; t '"\u00e9".casecmp?("\u00c9")'; t '"ß".casecmp?("SS")'; t '"ﬃ".casecmp?("FFI")'
