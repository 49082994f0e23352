# Ripper.sexp / Ripper.sexp_raw: CRuby's trees for everyday code (parser
# events with the scanner tokens' positions), nil on a syntax error, the
# filename/lineno arguments; Ripper#parse dispatching parser and scanner events
# to a subclass's on_XXX methods; Ripper::SexpBuilder with raise_errors
require 'ripper'

p Ripper.sexp("a = 1 + foo(2)")
p Ripper.sexp_raw("a = 1 + foo(2)")
p Ripper.sexp("def m(a, b = 1, *r, k:, **o, &blk) = a")
p Ripper.sexp("x.each { |y| p y if y > 1 }")
p Ripper.sexp("class A < B; def self.f; super; end; end")
p Ripper.sexp("case v\nwhen 1, 2 then :low\nin [Integer => n, *] then n\nend") rescue p $!.class
p Ripper.sexp("case v\nin [Integer => n, *rest] if n > 0 then n\nin {name: String => s} then s\nelse nil\nend")
p Ripper.sexp("h = {a: 1, 'b' => [2, *c]}; h[:a] ||= 3")
p Ripper.sexp("\"x\#{y}z\" 'q' + %w[a b].join + `ls` + /r\#{1}/i.source")
p Ripper.sexp("begin\n  a\nrescue A, B => e\n  retry\nelse\n  b\nensure\n  c\nend")
p Ripper.sexp("s = <<~EOS\n  one\n    two \#{x}\nEOS\n")
p Ripper.sexp("a, (b, *c), d = *e; f&.g(**h, &i)")
p Ripper.sexp("-> (x, y = 2) { x * y }.(1)")
p Ripper.sexp("def f(") # a syntax error
p Ripper.sexp("x = 1", "file.rb", 10)

class Counter < Ripper
  attr_reader :seen
  def initialize(*)
    super
    @seen = Hash.new(0)
  end
  PARSER_EVENTS.each do |e|
    define_method(:"on_#{e}") { |*args| @seen[e] += 1; [e, *args] }
  end
  def on_ident(tok)
    @seen[:ident] += 1
    [:ident, tok, lineno, column]
  end
  def on_comment(tok)
    @seen[:comment] += 1
    tok
  end
end
c = Counter.new("def add(a, b) # sum\n  a + b\nend\nadd(1, 2)\n")
tree = c.parse
p tree
p c.seen.sort_by { |k, _| k.to_s }
p c.error?

begin
  Ripper.sexp("1 +", raise_errors: true)
rescue SyntaxError => e
  p e.class
end
p Ripper::SexpBuilderPP.new("foo(1)").parse
p Ripper::PARSER_EVENTS.size, Ripper::SCANNER_EVENTS.size

# expect: [:program, [[:assign, [:var_field, [:@ident, "a", [1, 0]]], [:binary, [:@int, "1", [1, 4]], :+, [:method_add_arg, [:fcall, [:@ident, "foo", [1, 8]]], [:arg_paren, [:args_add_block, [[:@int, "2", [1, 12]]], false]]]]]]]
# expect: [:program, [:stmts_add, [:stmts_new], [:assign, [:var_field, [:@ident, "a", [1, 0]]], [:binary, [:@int, "1", [1, 4]], :+, [:method_add_arg, [:fcall, [:@ident, "foo", [1, 8]]], [:arg_paren, [:args_add_block, [:args_add, [:args_new], [:@int, "2", [1, 12]]], false]]]]]]]
# expect: [:program, [[:def, [:@ident, "m", [1, 4]], [:paren, [:params, [[:@ident, "a", [1, 6]]], [[[:@ident, "b", [1, 9]], [:@int, "1", [1, 13]]]], [:rest_param, [:@ident, "r", [1, 17]]], nil, [[[:@label, "k:", [1, 20]], false]], [:kwrest_param, [:@ident, "o", [1, 26]]], [:blockarg, [:@ident, "blk", [1, 30]]]]], [:bodystmt, [:var_ref, [:@ident, "a", [1, 37]]], nil, nil, nil]]]]
# expect: [:program, [[:method_add_block, [:call, [:vcall, [:@ident, "x", [1, 0]]], [:@period, ".", [1, 1]], [:@ident, "each", [1, 2]]], [:brace_block, [:block_var, [:params, [[:@ident, "y", [1, 10]]], nil, nil, nil, nil, nil, nil], false], [[:if_mod, [:binary, [:var_ref, [:@ident, "y", [1, 20]]], :>, [:@int, "1", [1, 24]]], [:command, [:@ident, "p", [1, 13]], [:args_add_block, [[:var_ref, [:@ident, "y", [1, 15]]]], false]]]]]]]]
# expect: [:program, [[:class, [:const_ref, [:@const, "A", [1, 6]]], [:var_ref, [:@const, "B", [1, 10]]], [:bodystmt, [[:defs, [:var_ref, [:@kw, "self", [1, 17]]], [:@period, ".", [1, 21]], [:@ident, "f", [1, 22]], [:params, nil, nil, nil, nil, nil, nil, nil], [:bodystmt, [[:zsuper]], nil, nil, nil]]], nil, nil, nil]]]]
# expect: nil
# expect: [:program, [[:case, [:vcall, [:@ident, "v", [1, 5]]], [:in, [:if_mod, [:binary, [:var_ref, [:@ident, "n", [2, 28]]], :>, [:@int, "0", [2, 32]]], [:aryptn, nil, [[:binary, [:var_ref, [:@const, "Integer", [2, 4]]], :"=>", [:var_field, [:@ident, "n", [2, 15]]]]], [:var_field, [:@ident, "rest", [2, 19]]], nil]], [[:var_ref, [:@ident, "n", [2, 39]]]], [:in, [:hshptn, nil, [[[:@label, "name:", [3, 4]], [:binary, [:var_ref, [:@const, "String", [3, 10]]], :"=>", [:var_field, [:@ident, "s", [3, 20]]]]]], nil], [[:var_ref, [:@ident, "s", [3, 28]]]], [:else, [[:var_ref, [:@kw, "nil", [4, 5]]]]]]]]]]
# expect: [:program, [[:assign, [:var_field, [:@ident, "h", [1, 0]]], [:hash, [:assoclist_from_args, [[:assoc_new, [:@label, "a:", [1, 5]], [:@int, "1", [1, 8]]], [:assoc_new, [:string_literal, [:string_content, [:@tstring_content, "b", [1, 12]]]], [:array, [:args_add_star, [[:@int, "2", [1, 19]]], [:vcall, [:@ident, "c", [1, 23]]]]]]]]]], [:opassign, [:aref_field, [:var_ref, [:@ident, "h", [1, 28]]], [:args_add_block, [[:symbol_literal, [:symbol, [:@ident, "a", [1, 31]]]]], false]], [:@op, "||=", [1, 34]], [:@int, "3", [1, 38]]]]]
# expect: [:program, [[:binary, [:binary, [:binary, [:string_concat, [:string_literal, [:string_content, [:@tstring_content, "x", [1, 1]], [:string_embexpr, [[:vcall, [:@ident, "y", [1, 4]]]]], [:@tstring_content, "z", [1, 6]]]], [:string_literal, [:string_content, [:@tstring_content, "q", [1, 10]]]]], :+, [:call, [:array, [[:@tstring_content, "a", [1, 18]], [:@tstring_content, "b", [1, 20]]]], [:@period, ".", [1, 22]], [:@ident, "join", [1, 23]]]], :+, [:xstring_literal, [[:@tstring_content, "ls", [1, 31]]]]], :+, [:call, [:regexp_literal, [[:@tstring_content, "r", [1, 38]], [:string_embexpr, [[:@int, "1", [1, 41]]]]], [:@regexp_end, "/i", [1, 43]]], [:@period, ".", [1, 45]], [:@ident, "source", [1, 46]]]]]]
# expect: [:program, [[:begin, [:bodystmt, [[:vcall, [:@ident, "a", [2, 2]]]], [:rescue, [:mrhs_new_from_args, [[:var_ref, [:@const, "A", [3, 7]]]], [:var_ref, [:@const, "B", [3, 10]]]], [:var_field, [:@ident, "e", [3, 15]]], [[:retry]], nil], [[:vcall, [:@ident, "b", [6, 2]]]], [:ensure, [[:vcall, [:@ident, "c", [8, 2]]]]]]]]]
# expect: [:program, [[:assign, [:var_field, [:@ident, "s", [1, 0]]], [:string_literal, [:string_content, [:@tstring_content, "one\n", [2, 2]], [:@tstring_content, "  two ", [3, 2]], [:string_embexpr, [[:vcall, [:@ident, "x", [3, 10]]]]], [:@tstring_content, "\n", [3, 12]]]]]]]
# expect: [:program, [[:massign, [[:var_field, [:@ident, "a", [1, 0]]], [:mlhs, [:var_field, [:@ident, "b", [1, 4]]], [:rest_param, [:var_field, [:@ident, "c", [1, 8]]]]], [:var_field, [:@ident, "d", [1, 12]]]], [:mrhs_add_star, [], [:vcall, [:@ident, "e", [1, 17]]]]], [:method_add_arg, [:call, [:vcall, [:@ident, "f", [1, 20]]], [:@op, "&.", [1, 21]], [:@ident, "g", [1, 23]]], [:arg_paren, [:args_add_block, [[:bare_assoc_hash, [[:assoc_splat, [:vcall, [:@ident, "h", [1, 27]]]]]]], [:vcall, [:@ident, "i", [1, 31]]]]]]]]
# expect: [:program, [[:method_add_arg, [:call, [:lambda, [:paren, [:params, [[:@ident, "x", [1, 4]]], [[[:@ident, "y", [1, 7]], [:@int, "2", [1, 11]]]], nil, nil, nil, nil, nil]], [[:binary, [:var_ref, [:@ident, "x", [1, 16]]], :*, [:var_ref, [:@ident, "y", [1, 20]]]]]], [:@period, ".", [1, 23]], :call], [:arg_paren, [:args_add_block, [[:@int, "1", [1, 25]]], false]]]]]
# expect: nil
# expect: [:program, [[:assign, [:var_field, [:@ident, "x", [10, 0]]], [:@int, "1", [10, 4]]]]]
# expect: [:program, [:stmts_add, [:stmts_add, [:stmts_new], [:def, [:ident, "add", 1, 4], [:paren, [:params, [[:ident, "a", 1, 8], [:ident, "b", 1, 11]], nil, nil, nil, nil, nil, nil]], [:bodystmt, [:stmts_add, [:stmts_new], [:binary, [:var_ref, [:ident, "a", 2, 2]], :+, [:var_ref, [:ident, "b", 2, 6]]]], nil, nil, nil]]], [:method_add_arg, [:fcall, [:ident, "add", 4, 0]], [:arg_paren, [:args_add_block, [:args_add, [:args_add, [:args_new], "1"], "2"], false]]]]]
# expect: [[:arg_paren, 1], [:args_add, 2], [:args_add_block, 1], [:args_new, 1], [:binary, 1], [:bodystmt, 1], [:comment, 1], [:def, 1], [:fcall, 1], [:ident, 6], [:method_add_arg, 1], [:params, 1], [:paren, 1], [:program, 1], [:stmts_add, 3], [:stmts_new, 2], [:var_ref, 2]]
# expect: false
# expect: SyntaxError
# expect: [:program, [[:method_add_arg, [:fcall, [:@ident, "foo", [1, 0]]], [:arg_paren, [:args_add_block, [[:@int, "1", [1, 4]]], false]]]]]
# expect: 138
# expect: 52
