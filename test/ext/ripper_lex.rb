# require 'ripper': Ripper.lex (position, event, token, lexer state) and
# Ripper.tokenize on everyday code: calls, defs, classes, literals, strings
# with interpolation, %w lists, symbols, regexps, blocks, lambdas, comments,
# heredocs, =begin/=end
require "ripper"
srcs = [
  "a = 1 + foo(2) # hi\nputs a\n",
  "def add(x, y = 2)\n  x + y\nend\n\nadd 1, 2\n",
  "class Foo < Bar\n  attr_reader :name\n  def initialize(name) = @name = name\nend\n",
  "x = [1, 2.5, :sym, \"str\", 'q', nil, true, 1r, 2i]\nh = { a: 1, \"b\" => 2 }\n",
  "puts \"hello \#{name}!\"\nfoo(\"\#{x}y\", %w[a b\n  c], %i[d e])\n",
  "if a > 1\n  b\nelsif c\n  d\nelse\n  e\nend\n",
  "list.each do |x|\n  p x\nend\n[1,2].map { |y| y * 2 }\n",
  "foo.bar&.baz(1)\nFoo::Bar.new\n@iv = $gv + @@cv\n",
  "x = -1\ny = !x\nz = a ? b : c\nw ||= 3\n",
  "return if x\nwhile i < 10\n  i += 1\nend\n",
  "f = ->(a) { a + 1 }\n",
  "case x\nwhen 1 then :one\nend\n",
  "a = b\n  # a comment\n  .c\n",
  "# only a comment\n\n\nx = 1\n",
  "s = :\"quoted\"\nr = /ab+c/i\nt = %r{x\#{y}z}m\nq = %q{a b}\n",
  "[:+, :Foo, :if, :@a, :$b, :a?]\n",
  "x = <<-EOS + y\n  body \#{z}\n  two\n  EOS\nputs <<~T\n  a\n    b\nT\nz = <<X\nraw\nX\n",
  "=begin\ndoc\n=end\ndef self.f # :nodoc:\nend\n",
]
srcs.each do |s|
  Ripper.lex(s).each { |pos, ev, tok, st| puts "#{pos.inspect} #{ev} #{tok.inspect} #{st.inspect}" }
  p Ripper.tokenize(s).join == s
end
p Ripper.tokenize("def f = 1")
st = Ripper.lex("x")[0][3]
p st.class
p st.to_i == Ripper::EXPR_CMDARG
p st == Ripper::EXPR_CMDARG
p (st | Ripper::EXPR_LABEL).to_s
p st.anybits?(Ripper::EXPR_ARG_ANY), st.allbits?(Ripper::EXPR_ARG_ANY), st.nobits?(Ripper::EXPR_BEG)
p [Ripper::EXPR_BEG, Ripper::EXPR_END, Ripper::EXPR_ARG, Ripper::EXPR_LABEL, Ripper::EXPR_NONE]
# expect: [1, 0] on_ident "a" CMDARG
# expect: [1, 1] on_sp " " CMDARG
# expect: [1, 2] on_op "=" BEG
# expect: [1, 3] on_sp " " BEG
# expect: [1, 4] on_int "1" END
# expect: [1, 5] on_sp " " END
# expect: [1, 6] on_op "+" BEG
# expect: [1, 7] on_sp " " BEG
# expect: [1, 8] on_ident "foo" ARG
# expect: [1, 11] on_lparen "(" BEG|LABEL
# expect: [1, 12] on_int "2" END
# expect: [1, 13] on_rparen ")" ENDFN
# expect: [1, 14] on_sp " " ENDFN
# expect: [1, 15] on_comment "# hi\n" ENDFN
# expect: [2, 0] on_ident "puts" CMDARG
# expect: [2, 4] on_sp " " CMDARG
# expect: [2, 5] on_ident "a" END|LABEL
# expect: [2, 6] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_kw "def" FNAME
# expect: [1, 3] on_sp " " FNAME
# expect: [1, 4] on_ident "add" ENDFN
# expect: [1, 7] on_lparen "(" BEG|LABEL
# expect: [1, 8] on_ident "x" ARG
# expect: [1, 9] on_comma "," BEG|LABEL
# expect: [1, 10] on_sp " " BEG|LABEL
# expect: [1, 11] on_ident "y" ARG
# expect: [1, 12] on_sp " " ARG
# expect: [1, 13] on_op "=" BEG
# expect: [1, 14] on_sp " " BEG
# expect: [1, 15] on_int "2" END
# expect: [1, 16] on_rparen ")" ENDFN
# expect: [1, 17] on_ignored_nl "\n" BEG
# expect: [2, 0] on_sp "  " BEG
# expect: [2, 2] on_ident "x" END|LABEL
# expect: [2, 3] on_sp " " END|LABEL
# expect: [2, 4] on_op "+" BEG
# expect: [2, 5] on_sp " " BEG
# expect: [2, 6] on_ident "y" END|LABEL
# expect: [2, 7] on_nl "\n" BEG
# expect: [3, 0] on_kw "end" END
# expect: [3, 3] on_nl "\n" BEG
# expect: [4, 0] on_ignored_nl "\n" BEG
# expect: [5, 0] on_ident "add" CMDARG
# expect: [5, 3] on_sp " " CMDARG
# expect: [5, 4] on_int "1" END
# expect: [5, 5] on_comma "," BEG|LABEL
# expect: [5, 6] on_sp " " BEG|LABEL
# expect: [5, 7] on_int "2" END
# expect: [5, 8] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_kw "class" CLASS
# expect: [1, 5] on_sp " " CLASS
# expect: [1, 6] on_const "Foo" ARG
# expect: [1, 9] on_sp " " ARG
# expect: [1, 10] on_op "<" BEG
# expect: [1, 11] on_sp " " BEG
# expect: [1, 12] on_const "Bar" CMDARG
# expect: [1, 15] on_nl "\n" BEG
# expect: [2, 0] on_sp "  " BEG
# expect: [2, 2] on_ident "attr_reader" CMDARG
# expect: [2, 13] on_sp " " CMDARG
# expect: [2, 14] on_symbeg ":" FNAME
# expect: [2, 15] on_ident "name" ENDFN
# expect: [2, 19] on_nl "\n" BEG
# expect: [3, 0] on_sp "  " BEG
# expect: [3, 2] on_kw "def" FNAME
# expect: [3, 5] on_sp " " FNAME
# expect: [3, 6] on_ident "initialize" ENDFN
# expect: [3, 16] on_lparen "(" BEG|LABEL
# expect: [3, 17] on_ident "name" ARG
# expect: [3, 21] on_rparen ")" ENDFN
# expect: [3, 22] on_sp " " BEG
# expect: [3, 23] on_op "=" BEG
# expect: [3, 24] on_sp " " BEG
# expect: [3, 25] on_ivar "@name" END
# expect: [3, 30] on_sp " " END
# expect: [3, 31] on_op "=" BEG
# expect: [3, 32] on_sp " " BEG
# expect: [3, 33] on_ident "name" END|LABEL
# expect: [3, 37] on_nl "\n" BEG
# expect: [4, 0] on_kw "end" END
# expect: [4, 3] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_ident "x" CMDARG
# expect: [1, 1] on_sp " " CMDARG
# expect: [1, 2] on_op "=" BEG
# expect: [1, 3] on_sp " " BEG
# expect: [1, 4] on_lbracket "[" BEG|LABEL
# expect: [1, 5] on_int "1" END
# expect: [1, 6] on_comma "," BEG|LABEL
# expect: [1, 7] on_sp " " BEG|LABEL
# expect: [1, 8] on_float "2.5" END
# expect: [1, 11] on_comma "," BEG|LABEL
# expect: [1, 12] on_sp " " BEG|LABEL
# expect: [1, 13] on_symbeg ":" FNAME
# expect: [1, 14] on_ident "sym" ENDFN
# expect: [1, 17] on_comma "," BEG|LABEL
# expect: [1, 18] on_sp " " BEG|LABEL
# expect: [1, 19] on_tstring_beg "\"" BEG|LABEL
# expect: [1, 20] on_tstring_content "str" BEG|LABEL
# expect: [1, 23] on_tstring_end "\"" END
# expect: [1, 24] on_comma "," BEG|LABEL
# expect: [1, 25] on_sp " " BEG|LABEL
# expect: [1, 26] on_tstring_beg "'" BEG|LABEL
# expect: [1, 27] on_tstring_content "q" BEG|LABEL
# expect: [1, 28] on_tstring_end "'" END
# expect: [1, 29] on_comma "," BEG|LABEL
# expect: [1, 30] on_sp " " BEG|LABEL
# expect: [1, 31] on_kw "nil" END
# expect: [1, 34] on_comma "," BEG|LABEL
# expect: [1, 35] on_sp " " BEG|LABEL
# expect: [1, 36] on_kw "true" END
# expect: [1, 40] on_comma "," BEG|LABEL
# expect: [1, 41] on_sp " " BEG|LABEL
# expect: [1, 42] on_rational "1r" END
# expect: [1, 44] on_comma "," BEG|LABEL
# expect: [1, 45] on_sp " " BEG|LABEL
# expect: [1, 46] on_imaginary "2i" END
# expect: [1, 48] on_rbracket "]" END
# expect: [1, 49] on_nl "\n" BEG
# expect: [2, 0] on_ident "h" CMDARG
# expect: [2, 1] on_sp " " CMDARG
# expect: [2, 2] on_op "=" BEG
# expect: [2, 3] on_sp " " BEG
# expect: [2, 4] on_lbrace "{" BEG|LABEL
# expect: [2, 5] on_sp " " BEG|LABEL
# expect: [2, 6] on_label "a:" ARG|LABELED
# expect: [2, 8] on_sp " " ARG|LABELED
# expect: [2, 9] on_int "1" END
# expect: [2, 10] on_comma "," BEG|LABEL
# expect: [2, 11] on_sp " " BEG|LABEL
# expect: [2, 12] on_tstring_beg "\"" BEG|LABEL
# expect: [2, 13] on_tstring_content "b" BEG|LABEL
# expect: [2, 14] on_tstring_end "\"" END
# expect: [2, 15] on_sp " " END
# expect: [2, 16] on_op "=>" BEG
# expect: [2, 18] on_sp " " BEG
# expect: [2, 19] on_int "2" END
# expect: [2, 20] on_sp " " END
# expect: [2, 21] on_rbrace "}" END
# expect: [2, 22] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_ident "puts" CMDARG
# expect: [1, 4] on_sp " " CMDARG
# expect: [1, 5] on_tstring_beg "\"" CMDARG
# expect: [1, 6] on_tstring_content "hello " CMDARG
# expect: [1, 12] on_embexpr_beg "\#{" CMDARG
# expect: [1, 14] on_ident "name" CMDARG
# expect: [1, 18] on_embexpr_end "}" CMDARG
# expect: [1, 19] on_tstring_content "!" CMDARG
# expect: [1, 20] on_tstring_end "\"" END
# expect: [1, 21] on_nl "\n" BEG
# expect: [2, 0] on_ident "foo" CMDARG
# expect: [2, 3] on_lparen "(" BEG|LABEL
# expect: [2, 4] on_tstring_beg "\"" BEG|LABEL
# expect: [2, 5] on_embexpr_beg "\#{" BEG|LABEL
# expect: [2, 7] on_ident "x" CMDARG
# expect: [2, 8] on_embexpr_end "}" CMDARG
# expect: [2, 9] on_tstring_content "y" BEG|LABEL
# expect: [2, 10] on_tstring_end "\"" END
# expect: [2, 11] on_comma "," BEG|LABEL
# expect: [2, 12] on_sp " " BEG|LABEL
# expect: [2, 13] on_qwords_beg "%w[" BEG|LABEL
# expect: [2, 16] on_tstring_content "a" BEG|LABEL
# expect: [2, 17] on_words_sep " " BEG|LABEL
# expect: [2, 18] on_tstring_content "b" BEG|LABEL
# expect: [2, 19] on_words_sep "\n  " BEG|LABEL
# expect: [3, 2] on_tstring_content "c" BEG|LABEL
# expect: [3, 3] on_tstring_end "]" END
# expect: [3, 4] on_comma "," BEG|LABEL
# expect: [3, 5] on_sp " " BEG|LABEL
# expect: [3, 6] on_qsymbols_beg "%i[" BEG|LABEL
# expect: [3, 9] on_tstring_content "d" BEG|LABEL
# expect: [3, 10] on_words_sep " " BEG|LABEL
# expect: [3, 11] on_tstring_content "e" BEG|LABEL
# expect: [3, 12] on_tstring_end "]" END
# expect: [3, 13] on_rparen ")" ENDFN
# expect: [3, 14] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_kw "if" BEG
# expect: [1, 2] on_sp " " BEG
# expect: [1, 3] on_ident "a" CMDARG
# expect: [1, 4] on_sp " " CMDARG
# expect: [1, 5] on_op ">" BEG
# expect: [1, 6] on_sp " " BEG
# expect: [1, 7] on_int "1" END
# expect: [1, 8] on_nl "\n" BEG
# expect: [2, 0] on_sp "  " BEG
# expect: [2, 2] on_ident "b" CMDARG
# expect: [2, 3] on_nl "\n" BEG
# expect: [3, 0] on_kw "elsif" BEG
# expect: [3, 5] on_sp " " BEG
# expect: [3, 6] on_ident "c" CMDARG
# expect: [3, 7] on_nl "\n" BEG
# expect: [4, 0] on_sp "  " BEG
# expect: [4, 2] on_ident "d" CMDARG
# expect: [4, 3] on_nl "\n" BEG
# expect: [5, 0] on_kw "else" BEG
# expect: [5, 4] on_ignored_nl "\n" BEG
# expect: [6, 0] on_sp "  " BEG
# expect: [6, 2] on_ident "e" CMDARG
# expect: [6, 3] on_nl "\n" BEG
# expect: [7, 0] on_kw "end" END
# expect: [7, 3] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_ident "list" CMDARG
# expect: [1, 4] on_period "." DOT
# expect: [1, 5] on_ident "each" ARG
# expect: [1, 9] on_sp " " ARG
# expect: [1, 10] on_kw "do" BEG
# expect: [1, 12] on_sp " " BEG
# expect: [1, 13] on_op "|" BEG|LABEL
# expect: [1, 14] on_ident "x" ARG
# expect: [1, 15] on_op "|" BEG|LABEL
# expect: [1, 16] on_ignored_nl "\n" BEG|LABEL
# expect: [2, 0] on_sp "  " BEG|LABEL
# expect: [2, 2] on_ident "p" CMDARG
# expect: [2, 3] on_sp " " CMDARG
# expect: [2, 4] on_ident "x" END|LABEL
# expect: [2, 5] on_nl "\n" BEG
# expect: [3, 0] on_kw "end" END
# expect: [3, 3] on_nl "\n" BEG
# expect: [4, 0] on_lbracket "[" BEG|LABEL
# expect: [4, 1] on_int "1" END
# expect: [4, 2] on_comma "," BEG|LABEL
# expect: [4, 3] on_int "2" END
# expect: [4, 4] on_rbracket "]" END
# expect: [4, 5] on_period "." DOT
# expect: [4, 6] on_ident "map" ARG
# expect: [4, 9] on_sp " " ARG
# expect: [4, 10] on_lbrace "{" BEG
# expect: [4, 11] on_sp " " BEG
# expect: [4, 12] on_op "|" BEG|LABEL
# expect: [4, 13] on_ident "y" ARG
# expect: [4, 14] on_op "|" BEG|LABEL
# expect: [4, 15] on_sp " " BEG|LABEL
# expect: [4, 16] on_ident "y" END|LABEL
# expect: [4, 17] on_sp " " END|LABEL
# expect: [4, 18] on_op "*" BEG
# expect: [4, 19] on_sp " " BEG
# expect: [4, 20] on_int "2" END
# expect: [4, 21] on_sp " " END
# expect: [4, 22] on_rbrace "}" END
# expect: [4, 23] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_ident "foo" CMDARG
# expect: [1, 3] on_period "." DOT
# expect: [1, 4] on_ident "bar" ARG
# expect: [1, 7] on_op "&." DOT
# expect: [1, 9] on_ident "baz" ARG
# expect: [1, 12] on_lparen "(" BEG|LABEL
# expect: [1, 13] on_int "1" END
# expect: [1, 14] on_rparen ")" ENDFN
# expect: [1, 15] on_nl "\n" BEG
# expect: [2, 0] on_const "Foo" CMDARG
# expect: [2, 3] on_op "::" DOT
# expect: [2, 5] on_const "Bar" ARG
# expect: [2, 8] on_period "." DOT
# expect: [2, 9] on_ident "new" ARG
# expect: [2, 12] on_nl "\n" BEG
# expect: [3, 0] on_ivar "@iv" END
# expect: [3, 3] on_sp " " END
# expect: [3, 4] on_op "=" BEG
# expect: [3, 5] on_sp " " BEG
# expect: [3, 6] on_gvar "$gv" END
# expect: [3, 9] on_sp " " END
# expect: [3, 10] on_op "+" BEG
# expect: [3, 11] on_sp " " BEG
# expect: [3, 12] on_cvar "@@cv" END
# expect: [3, 16] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_ident "x" CMDARG
# expect: [1, 1] on_sp " " CMDARG
# expect: [1, 2] on_op "=" BEG
# expect: [1, 3] on_sp " " BEG
# expect: [1, 4] on_op "-" BEG
# expect: [1, 5] on_int "1" END
# expect: [1, 6] on_nl "\n" BEG
# expect: [2, 0] on_ident "y" CMDARG
# expect: [2, 1] on_sp " " CMDARG
# expect: [2, 2] on_op "=" BEG
# expect: [2, 3] on_sp " " BEG
# expect: [2, 4] on_op "!" BEG
# expect: [2, 5] on_ident "x" END|LABEL
# expect: [2, 6] on_nl "\n" BEG
# expect: [3, 0] on_ident "z" CMDARG
# expect: [3, 1] on_sp " " CMDARG
# expect: [3, 2] on_op "=" BEG
# expect: [3, 3] on_sp " " BEG
# expect: [3, 4] on_ident "a" ARG
# expect: [3, 5] on_sp " " ARG
# expect: [3, 6] on_op "?" BEG
# expect: [3, 7] on_sp " " BEG
# expect: [3, 8] on_ident "b" ARG
# expect: [3, 9] on_sp " " ARG
# expect: [3, 10] on_op ":" BEG
# expect: [3, 11] on_sp " " BEG
# expect: [3, 12] on_ident "c" ARG
# expect: [3, 13] on_nl "\n" BEG
# expect: [4, 0] on_ident "w" CMDARG
# expect: [4, 1] on_sp " " CMDARG
# expect: [4, 2] on_op "||=" BEG
# expect: [4, 5] on_sp " " BEG
# expect: [4, 6] on_int "3" END
# expect: [4, 7] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_kw "return" MID
# expect: [1, 6] on_sp " " MID
# expect: [1, 7] on_kw "if" BEG|LABEL
# expect: [1, 9] on_sp " " BEG|LABEL
# expect: [1, 10] on_ident "x" CMDARG
# expect: [1, 11] on_nl "\n" BEG
# expect: [2, 0] on_kw "while" BEG
# expect: [2, 5] on_sp " " BEG
# expect: [2, 6] on_ident "i" CMDARG
# expect: [2, 7] on_sp " " CMDARG
# expect: [2, 8] on_op "<" BEG
# expect: [2, 9] on_sp " " BEG
# expect: [2, 10] on_int "10" END
# expect: [2, 12] on_nl "\n" BEG
# expect: [3, 0] on_sp "  " BEG
# expect: [3, 2] on_ident "i" CMDARG
# expect: [3, 3] on_sp " " CMDARG
# expect: [3, 4] on_op "+=" BEG
# expect: [3, 6] on_sp " " BEG
# expect: [3, 7] on_int "1" END
# expect: [3, 8] on_nl "\n" BEG
# expect: [4, 0] on_kw "end" END
# expect: [4, 3] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_ident "f" CMDARG
# expect: [1, 1] on_sp " " CMDARG
# expect: [1, 2] on_op "=" BEG
# expect: [1, 3] on_sp " " BEG
# expect: [1, 4] on_tlambda "->" ENDFN
# expect: [1, 6] on_lparen "(" BEG|LABEL
# expect: [1, 7] on_ident "a" ARG
# expect: [1, 8] on_rparen ")" ENDFN
# expect: [1, 9] on_sp " " ENDFN
# expect: [1, 10] on_tlambeg "{" BEG
# expect: [1, 11] on_sp " " BEG
# expect: [1, 12] on_ident "a" END|LABEL
# expect: [1, 13] on_sp " " END|LABEL
# expect: [1, 14] on_op "+" BEG
# expect: [1, 15] on_sp " " BEG
# expect: [1, 16] on_int "1" END
# expect: [1, 17] on_sp " " END
# expect: [1, 18] on_rbrace "}" END
# expect: [1, 19] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_kw "case" BEG
# expect: [1, 4] on_sp " " BEG
# expect: [1, 5] on_ident "x" CMDARG
# expect: [1, 6] on_nl "\n" BEG
# expect: [2, 0] on_kw "when" BEG
# expect: [2, 4] on_sp " " BEG
# expect: [2, 5] on_int "1" END
# expect: [2, 6] on_sp " " END
# expect: [2, 7] on_kw "then" BEG
# expect: [2, 11] on_sp " " BEG
# expect: [2, 12] on_symbeg ":" FNAME
# expect: [2, 13] on_ident "one" ENDFN
# expect: [2, 16] on_nl "\n" BEG
# expect: [3, 0] on_kw "end" END
# expect: [3, 3] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_ident "a" CMDARG
# expect: [1, 1] on_sp " " CMDARG
# expect: [1, 2] on_op "=" BEG
# expect: [1, 3] on_sp " " BEG
# expect: [1, 4] on_ident "b" ARG
# expect: [1, 5] on_ignored_nl "\n" ARG
# expect: [2, 0] on_sp "  " ARG
# expect: [2, 2] on_comment "# a comment\n" ARG
# expect: [3, 0] on_sp "  " ARG
# expect: [3, 2] on_period "." DOT
# expect: [3, 3] on_ident "c" ARG
# expect: [3, 4] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_comment "# only a comment\n" BEG
# expect: [2, 0] on_ignored_nl "\n" BEG
# expect: [3, 0] on_ignored_nl "\n" BEG
# expect: [4, 0] on_ident "x" CMDARG
# expect: [4, 1] on_sp " " CMDARG
# expect: [4, 2] on_op "=" BEG
# expect: [4, 3] on_sp " " BEG
# expect: [4, 4] on_int "1" END
# expect: [4, 5] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_ident "s" CMDARG
# expect: [1, 1] on_sp " " CMDARG
# expect: [1, 2] on_op "=" BEG
# expect: [1, 3] on_sp " " BEG
# expect: [1, 4] on_symbeg ":\"" FNAME
# expect: [1, 6] on_tstring_content "quoted" FNAME
# expect: [1, 12] on_tstring_end "\"" END
# expect: [1, 13] on_nl "\n" BEG
# expect: [2, 0] on_ident "r" CMDARG
# expect: [2, 1] on_sp " " CMDARG
# expect: [2, 2] on_op "=" BEG
# expect: [2, 3] on_sp " " BEG
# expect: [2, 4] on_regexp_beg "/" BEG
# expect: [2, 5] on_tstring_content "ab+c" BEG
# expect: [2, 9] on_regexp_end "/i" BEG
# expect: [2, 11] on_nl "\n" BEG
# expect: [3, 0] on_ident "t" CMDARG
# expect: [3, 1] on_sp " " CMDARG
# expect: [3, 2] on_op "=" BEG
# expect: [3, 3] on_sp " " BEG
# expect: [3, 4] on_regexp_beg "%r{" BEG
# expect: [3, 7] on_tstring_content "x" BEG
# expect: [3, 8] on_embexpr_beg "\#{" BEG
# expect: [3, 10] on_ident "y" CMDARG
# expect: [3, 11] on_embexpr_end "}" CMDARG
# expect: [3, 12] on_tstring_content "z" BEG
# expect: [3, 13] on_regexp_end "}m" BEG
# expect: [3, 15] on_nl "\n" BEG
# expect: [4, 0] on_ident "q" CMDARG
# expect: [4, 1] on_sp " " CMDARG
# expect: [4, 2] on_op "=" BEG
# expect: [4, 3] on_sp " " BEG
# expect: [4, 4] on_tstring_beg "%q{" BEG
# expect: [4, 7] on_tstring_content "a b" BEG
# expect: [4, 10] on_tstring_end "}" END
# expect: [4, 11] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_lbracket "[" BEG|LABEL
# expect: [1, 1] on_symbeg ":" FNAME
# expect: [1, 2] on_op "+" ARG
# expect: [1, 3] on_comma "," BEG|LABEL
# expect: [1, 4] on_sp " " BEG|LABEL
# expect: [1, 5] on_symbeg ":" FNAME
# expect: [1, 6] on_const "Foo" ENDFN
# expect: [1, 9] on_comma "," BEG|LABEL
# expect: [1, 10] on_sp " " BEG|LABEL
# expect: [1, 11] on_symbeg ":" FNAME
# expect: [1, 12] on_kw "if" ENDFN
# expect: [1, 14] on_comma "," BEG|LABEL
# expect: [1, 15] on_sp " " BEG|LABEL
# expect: [1, 16] on_symbeg ":" FNAME
# expect: [1, 17] on_ivar "@a" ENDFN
# expect: [1, 19] on_comma "," BEG|LABEL
# expect: [1, 20] on_sp " " BEG|LABEL
# expect: [1, 21] on_symbeg ":" FNAME
# expect: [1, 22] on_gvar "$b" END
# expect: [1, 24] on_comma "," BEG|LABEL
# expect: [1, 25] on_sp " " BEG|LABEL
# expect: [1, 26] on_symbeg ":" FNAME
# expect: [1, 27] on_ident "a?" ENDFN
# expect: [1, 29] on_rbracket "]" END
# expect: [1, 30] on_nl "\n" BEG
# expect: true
# expect: [1, 0] on_ident "x" CMDARG
# expect: [1, 1] on_sp " " CMDARG
# expect: [1, 2] on_op "=" BEG
# expect: [1, 3] on_sp " " BEG
# expect: [1, 4] on_heredoc_beg "<<-EOS" BEG
# expect: [1, 10] on_sp " " END
# expect: [1, 11] on_op "+" BEG
# expect: [1, 12] on_sp " " BEG
# expect: [1, 13] on_ident "y" ARG
# expect: [1, 14] on_nl "\n" BEG
# expect: [2, 0] on_tstring_content "  body " BEG
# expect: [2, 7] on_embexpr_beg "\#{" BEG
# expect: [2, 9] on_ident "z" CMDARG
# expect: [2, 10] on_embexpr_end "}" CMDARG
# expect: [2, 11] on_tstring_content "\n  two\n" BEG
# expect: [4, 0] on_heredoc_end "  EOS\n" BEG
# expect: [5, 0] on_ident "puts" CMDARG
# expect: [5, 4] on_sp " " CMDARG
# expect: [5, 5] on_heredoc_beg "<<~T" CMDARG
# expect: [5, 9] on_nl "\n" BEG
# expect: [6, 0] on_ignored_sp "  " CMDARG
# expect: [6, 2] on_tstring_content "a\n" CMDARG
# expect: [7, 0] on_ignored_sp "  " CMDARG
# expect: [7, 2] on_tstring_content "  b\n" CMDARG
# expect: [8, 0] on_heredoc_end "T\n" CMDARG
# expect: [9, 0] on_ident "z" CMDARG
# expect: [9, 1] on_sp " " CMDARG
# expect: [9, 2] on_op "=" BEG
# expect: [9, 3] on_sp " " BEG
# expect: [9, 4] on_heredoc_beg "<<X" BEG
# expect: [9, 7] on_nl "\n" BEG
# expect: [10, 0] on_tstring_content "raw\n" BEG
# expect: [11, 0] on_heredoc_end "X\n" BEG
# expect: true
# expect: [1, 0] on_embdoc_beg "=begin\n" BEG
# expect: [2, 0] on_embdoc "doc\n" BEG
# expect: [3, 0] on_embdoc_end "=end\n" BEG
# expect: [4, 0] on_kw "def" FNAME
# expect: [4, 3] on_sp " " FNAME
# expect: [4, 4] on_kw "self" ENDFN
# expect: [4, 8] on_period "." DOT
# expect: [4, 9] on_ident "f" ENDFN
# expect: [4, 10] on_sp " " ENDFN|LABEL
# expect: [4, 11] on_comment "# :nodoc:\n" ENDFN|LABEL
# expect: [5, 0] on_kw "end" END
# expect: [5, 3] on_nl "\n" BEG
# expect: true
# expect: ["def", " ", "f", " ", "=", " ", "1"]
# expect: Ripper::Lexer::State
# expect: true
# expect: true
# expect: "CMDARG|LABEL"
# expect: true
# expect: false
# expect: true
# expect: [1, 2, 16, 1024, 0]
