# Ripper::Lexer#scan gives Elem objects (pos, event, tok, state; [] and to_a);
# irb's RubyLex and IRB::Color lex with it; a nil line number is line 1
require 'ripper'
require 'irb'
require 'irb/color'

elems = Ripper::Lexer.new("foo(1, :a) # c\n", 'x.rb', nil).scan
elems.each { |e| puts "#{e.pos.inspect} #{e.event} #{e.tok.inspect} #{e.state.inspect}" }
e = elems.first
p e, e[0], e[:event], e[2], e[:state].to_i, e[4], e.to_a
p Ripper::Lexer.new("a\nb", '-', 5).parse.map(&:pos)
["def f(a)\n  a + 1\nend\n", "x = {a: 1,\n  b: [2, 3]}\n", "puts \"hi \#{name}\"\n"].each do |s|
  p RubyLex.ripper_lex_without_warning(s).map { |t| [t.pos, t.event, t.tok, t.state.to_i] }
  p IRB::Color.colorize_code(s, complete: true, colorable: true)
end

# expect: [1, 0] on_ident "foo" CMDARG
# expect: [1, 3] on_lparen "(" BEG|LABEL
# expect: [1, 4] on_int "1" END
# expect: [1, 5] on_comma "," BEG|LABEL
# expect: [1, 6] on_sp " " BEG|LABEL
# expect: [1, 7] on_symbeg ":" FNAME
# expect: [1, 8] on_ident "a" ENDFN
# expect: [1, 9] on_rparen ")" ENDFN
# expect: [1, 10] on_sp " " ENDFN
# expect: [1, 11] on_comment "# c\n" ENDFN
# expect: #<Ripper::Lexer::Elem: on_ident@1:0:CMDARG: "foo">
# expect: [1, 0]
# expect: :on_ident
# expect: "foo"
# expect: 32
# expect: nil
# expect: [[1, 0], :on_ident, "foo", CMDARG]
# expect: [[5, 0], [5, 1], [6, 0]]
# expect: [[[1, 0], :on_kw, "def", 128], [[1, 3], :on_sp, " ", 128], [[1, 4], :on_ident, "f", 8], [[1, 5], :on_lparen, "(", 1025], [[1, 6], :on_ident, "a", 16], [[1, 7], :on_rparen, ")", 8], [[1, 8], :on_ignored_nl, "\n", 1], [[2, 0], :on_sp, "  ", 1], [[2, 2], :on_ident, "a", 1026], [[2, 3], :on_sp, " ", 1026], [[2, 4], :on_op, "+", 1], [[2, 5], :on_sp, " ", 1], [[2, 6], :on_int, "1", 2], [[2, 7], :on_nl, "\n", 1], [[3, 0], :on_kw, "end", 2], [[3, 3], :on_nl, "\n", 1]]
# expect: "\e[32mdef\e[0m \e[34m\e[1mf\e[0m(a)\n  a + \e[34m\e[1m1\e[0m\n\e[32mend\e[0m\n"
# expect: [[[1, 0], :on_ident, "x", 32], [[1, 1], :on_sp, " ", 32], [[1, 2], :on_op, "=", 1], [[1, 3], :on_sp, " ", 1], [[1, 4], :on_lbrace, "{", 1025], [[1, 5], :on_label, "a:", 2064], [[1, 7], :on_sp, " ", 2064], [[1, 8], :on_int, "1", 2], [[1, 9], :on_comma, ",", 1025], [[1, 10], :on_ignored_nl, "\n", 1025], [[2, 0], :on_sp, "  ", 1025], [[2, 2], :on_label, "b:", 2064], [[2, 4], :on_sp, " ", 2064], [[2, 5], :on_lbracket, "[", 1025], [[2, 6], :on_int, "2", 2], [[2, 7], :on_comma, ",", 1025], [[2, 8], :on_sp, " ", 1025], [[2, 9], :on_int, "3", 2], [[2, 10], :on_rbracket, "]", 2], [[2, 11], :on_rbrace, "}", 2], [[2, 12], :on_nl, "\n", 1]]
# expect: "x = {\e[35ma:\e[0m \e[34m\e[1m1\e[0m,\n  \e[35mb:\e[0m [\e[34m\e[1m2\e[0m, \e[34m\e[1m3\e[0m]}\n"
# expect: [[[1, 0], :on_ident, "puts", 32], [[1, 4], :on_sp, " ", 32], [[1, 5], :on_tstring_beg, "\"", 32], [[1, 6], :on_tstring_content, "hi ", 32], [[1, 9], :on_embexpr_beg, "\#{", 32], [[1, 11], :on_ident, "name", 32], [[1, 15], :on_embexpr_end, "}", 32], [[1, 16], :on_tstring_end, "\"", 2], [[1, 17], :on_nl, "\n", 1]]
# expect: "puts \e[31m\e[1m\"\e[0m\e[31mhi \e[0m\e[31m\#{\e[0mname\e[31m}\e[0m\e[31m\e[1m\"\e[0m\n"
