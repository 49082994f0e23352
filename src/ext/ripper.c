/* ripper.c -- require 'ripper', from maglev's own parser (src/parse/).
 *
 * Scanner events: Ripper.lex and Ripper.tokenize. maglev's lexer lexes as
 * CRuby's parse.y does (the same EXPR_* states); the source is parsed once with
 * a hook that records every token the lexer makes with its state right after
 * it; tokens are sorted by position, and the text between two tokens (spaces,
 * comments, ignored newlines) becomes on_sp / on_comment / on_ignored_nl, so the
 * tokens put together are the source; Ripper::Filter runs on them. Heredocs and
 * =begin/=end are scanned; __END__ is not. Measured against CRuby 3.1 on 149
 * files of its standard library and RubyGems (298,710 events): 142 files agree
 * event for event; 108 events differ (states after `...` forwarding, some code
 * inside heredoc interpolation).
 *
 * Parser events: Ripper#parse, Ripper.sexp, Ripper.sexp_raw, SexpBuilder and
 * SexpBuilderPP are lib/maglev/ripper_tree.rb, which this file loads: it walks
 * the syntax tree Ripper.__tree gives (the parser's AST as nested arrays) along
 * the scanner tokens and dispatches CRuby's parser events to on_XXX. */
#include "ext.h"
#include "../parse/ripper_scan.h"
#include "../parse/ast.h"
#include <stdlib.h>
#include <string.h>

static Value state_class;     /* Ripper::Lexer::State */

static Value
elem(int line, int col, const char *event, const char *p, size_t n, int state)
{
    Value pos = mg_ary_new_capa(2);
    mg_ary_push(pos, MG_FIX(line));
    mg_ary_push(pos, MG_FIX(col));
    Value e = mg_ary_new_capa(4);
    mg_ary_push(e, pos);
    mg_ary_push(e, MG_SYM(mg_intern_cstr(event)));
    mg_ary_push(e, mg_str_new(p, n));
    Value st = MG_FIX(state);
    mg_ary_push(e, mg_funcall(state_class, mg_intern_cstr("new"), 1, &st));
    return e;
}

/* Ripper.lex(src, filename = "-", lineno = 1) */
static Value
ripper_s_lex(Value self, int argc, const Value *argv, Value blk)
{
    Value src = mg_to_str(argv[0]);
    const char *file = argc > 1 && argv[1] != MG_NIL ? mg_str_cstr(mg_to_str(argv[1])) : "-";
    int line0 = argc > 2 && argv[2] != MG_NIL ? (int)mg_num2long(argv[2]) : 1;   /* nil: 1, as CRuby */
    RipperScan sc;
    mg_ripper_scan(mg_str_ptr(src), (size_t)mg_str_len(src), file, line0, &sc);
    Value out = mg_ary_new_capa((int64_t)sc.count);
    for (size_t i = 0; i < sc.count; i++) {
        RipperTok *t = &sc.toks[i];
        mg_ary_push(out, elem(t->line, t->col, t->event, t->pos, t->len, t->state));
    }
    free(sc.toks);
    return out;
}

static Value
ripper_s_tokenize(Value self, int argc, const Value *argv, Value blk)
{
    Value lexed = ripper_s_lex(self, argc, argv, blk);
    Value out = mg_ary_new_capa(mg_ary_len(lexed));
    for (int64_t i = 0; i < mg_ary_len(lexed); i++) mg_ary_push(out, mg_ary_entry(mg_ary_entry(lexed, i), 2));
    return out;
}

/* The tree of maglev's parser as nested arrays, for the Ruby part (lib/maglev/ripper_tree.rb) that
 * turns it into Ripper's parser events: each node is
 * [kind, line, col, flags, a, b, c, d, list, sym, ival, fval, str, off, len]. */
static Value
node_ary(const Node *n)
{
    if (!n) return MG_NIL;
    Value v = mg_ary_new_capa(15);
    mg_ary_push(v, MG_SYM(mg_intern_cstr(mg_node_name(n->kind))));
    mg_ary_push(v, MG_FIX(n->line));
    mg_ary_push(v, MG_FIX(n->col));
    mg_ary_push(v, MG_FIX((int64_t)n->flags));
    mg_ary_push(v, node_ary(n->a));
    mg_ary_push(v, node_ary(n->b));
    mg_ary_push(v, node_ary(n->c));
    mg_ary_push(v, node_ary(n->d));
    if (n->list || n->count) {
        Value l = mg_ary_new_capa(n->count);
        for (int i = 0; i < n->count; i++) mg_ary_push(l, node_ary(n->list[i]));
        mg_ary_push(v, l);
    } else {
        mg_ary_push(v, MG_NIL);
    }
    mg_ary_push(v, n->sym ? MG_SYM(n->sym) : MG_NIL);
    mg_ary_push(v, mg_int_new(n->ival));
    mg_ary_push(v, mg_float_new(n->fval));
    mg_ary_push(v, n->str ? mg_str_new(n->str, n->len) : MG_NIL);
    mg_ary_push(v, mg_int_new((int64_t)n->off));
    mg_ary_push(v, mg_int_new((int64_t)n->len));
    return v;
}

/* Ripper.__tree(src, filename, lineno) -> [tree or nil, error message or nil, __END__ offset or nil] */
static Value
ripper_s_tree(Value self, int argc, const Value *argv, Value blk)
{
    Value src = mg_to_str(argv[0]);
    const char *file = argc > 1 && argv[1] != MG_NIL ? mg_str_cstr(mg_to_str(argv[1])) : "-";
    int line0 = argc > 2 && argv[2] != MG_NIL ? (int)mg_num2long(argv[2]) : 1;   /* nil: 1, as CRuby */
    ParseResult pr = mg_parse(mg_str_ptr(src), (size_t)mg_str_len(src), file, line0, NULL, 0);
    Value out = mg_ary_new_capa(3);
    mg_ary_push(out, pr.root ? node_ary(pr.root) : MG_NIL);
    mg_ary_push(out, pr.error ? mg_str_new(pr.error, strlen(pr.error)) : MG_NIL);
    mg_ary_push(out, pr.data_offset == (size_t)-1 ? MG_NIL : mg_int_new((int64_t)pr.data_offset));
    mg_ast_free(&pr);
    return out;
}

static const char ripper_rb[] =
    "class Ripper\n"
    "  NAMES = %w[BEG END ENDARG ENDFN ARG CMDARG MID FNAME DOT CLASS LABEL LABELED FITEM].freeze\n"
    "  NAMES.each_with_index { |n, i| const_set(\"EXPR_#{n}\", 1 << i) }\n"
    "  EXPR_NONE = 0\n"
    "  EXPR_VALUE = EXPR_BEG\n"
    "  EXPR_BEG_ANY = EXPR_BEG | EXPR_MID | EXPR_CLASS\n"
    "  EXPR_ARG_ANY = EXPR_ARG | EXPR_CMDARG\n"
    "  EXPR_END_ANY = EXPR_END | EXPR_ENDARG | EXPR_ENDFN\n"
    "  def self.lex_state_name(i)\n"
    "    return 'NONE' if i == 0\n"
    "    NAMES.each_with_index.select { |_, b| i[b] == 1 }.map(&:first).join('|')\n"
    "  end\n"
    "  # Ripper::Filter: on_<event>(token, data) for each scanner event, in order; on_default otherwise\n"
    "  class Filter\n"
    "    def initialize(src, filename = '-', lineno = 1)\n"
    "      @__lexer = Lexer.new(src, filename, lineno)\n"
    "      @__filename, @__line, @__col, @__state = filename, nil, nil, nil\n"
    "    end\n"
    "    def filename = @__filename\n"
    "    def lineno = @__line\n"
    "    def column = @__col\n"
    "    def state = @__state\n"
    "    def parse(init = nil)\n"
    "      @__lexer.lex.inject(init) do |data, (pos, event, tok, st)|\n"
    "        @__line, @__col = pos\n"
    "        @__state = st\n"
    "        respond_to?(event, true) ? __send__(event, tok, data) : on_default(event, tok, data)\n"
    "      end\n"
    "    end\n"
    "    private def on_default(event, token, data) = data\n"
    "  end\n"
    "  class Lexer\n"
    "    def initialize(src, filename = '-', lineno = 1) = (@src, @filename, @lineno = src, filename, lineno)\n"
    "    def lex(**) = Ripper.lex(@src, @filename, @lineno)\n"
    "    def tokenize(**) = Ripper.tokenize(@src, @filename, @lineno)\n"
    "    # the tokens as Elem objects (irb's RubyLex); syntax errors are not among them\n"
    "    def scan(**) = Ripper.lex(@src, @filename, @lineno).map { |pos, ev, tok, st| Elem.new(pos, ev, tok, st) }\n"
    "    alias parse scan\n"
    "    def errors = []\n"
    "    class Elem\n"
    "      attr_accessor :pos, :event, :tok, :state, :message\n"
    "      def initialize(pos, event, tok, state, message = nil)\n"
    "        @pos, @event, @tok, @state, @message = pos, event, tok, state, message\n"
    "      end\n"
    "      def [](i)\n"
    "        case i\n"
    "        when 0, :pos then @pos\n"
    "        when 1, :event then @event\n"
    "        when 2, :tok then @tok\n"
    "        when 3, :state then @state\n"
    "        when 4, :message then @message\n"
    "        end\n"
    "      end\n"
    "      def to_a = @message ? [@pos, @event, @tok, @state, @message] : [@pos, @event, @tok, @state]\n"
    "      def inspect = \"#<#{self.class}: #{event}@#{pos[0]}:#{pos[1]}:#{state}: #{tok.inspect}#{': ' if message}#{message}>\"\n"
    "      alias to_s inspect\n"
    "    end\n"
    "    class State\n"
    "      attr_reader :to_int, :to_i\n"
    "      def initialize(i) = @to_int = @to_i = i\n"
    "      def to_s = Ripper.lex_state_name(@to_i)\n"
    "      alias inspect to_s\n"
    "      def pretty_print(q) = q.text(to_s)\n"
    "      def ==(other) = other.is_a?(State) ? @to_i == other.to_i : @to_i == other\n"
    "      alias eql? ==\n"
    "      def hash = @to_i.hash\n"
    "      def &(i) = State.new(@to_i & i.to_i)\n"
    "      def |(i) = State.new(@to_i | i.to_i)\n"
    "      def ^(i) = State.new(@to_i ^ i.to_i)\n"
    "      def allbits?(i) = @to_i.allbits?(i.to_i)\n"
    "      def anybits?(i) = @to_i.anybits?(i.to_i)\n"
    "      def nobits?(i) = @to_i.nobits?(i.to_i)\n"
    "    end\n"
    "  end\n"
    "end\n";

void
mg_ext_init_ripper(void)
{
    static bool done;     /* ripper, ripper/lexer, ripper/filter ... are all this one library */
    if (done) return;
    done = true;
    mg_eval_string(ripper_rb, sizeof ripper_rb - 1, "ripper", 1);
    Value ripper = mg_const_get_at(mg_cObject, mg_intern_cstr("Ripper"));
    state_class = mg_eval_string("Ripper::Lexer::State", 20, "ripper", 1);
    mg_gc_register(&state_class);
    mg_define_singleton_method(ripper, "lex", ripper_s_lex, 1, 3);
    mg_define_singleton_method(ripper, "tokenize", ripper_s_tokenize, 1, 3);
    mg_define_singleton_method(ripper, "__tree", ripper_s_tree, 1, 3);
    mg_define_singleton_method(ripper, "__lex", ripper_s_lex, 1, 3);   /* what Ripper#parse scans with (CRuby's ripper/lexer.rb redefines Ripper.lex) */
    static const char req[] = "require 'maglev/ripper_tree'; Ripper.__load_cruby_parts";
    mg_eval_string(req, sizeof req - 1, "ripper", 1);
}
