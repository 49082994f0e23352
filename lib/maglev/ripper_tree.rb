# ripper_tree.rb -- the parser events of Ripper (Ripper#parse, and through it
# Ripper.sexp and Ripper.sexp_raw) from maglev's own parser. Loaded by
# src/ext/ripper.c on require 'ripper'.
#
# Ripper.__tree (C) gives the syntax tree maglev's parser builds, as nested
# arrays [kind, line, col, flags, a, b, c, d, list, sym, ival, fval, str, off,
# len] (see src/parse/ast.def); Ripper.__lex gives the scanner tokens with their
# positions and states. Ripper#parse first dispatches every scanner event in
# source order (on_ident, on_sp ...: their results are the leaves; lineno,
# column, state and token are set for each), then walks the tree dispatching
# the parser events (on_stmts_add, on_call ...) bottom-up, each leaf taking the
# next unused token of its kind from a cursor that moves through the tokens as
# the walk does (the tree is mostly in source order; heredoc bodies, which sit
# after their line, are a stream of their own). Where the tree lost what Ripper
# shows (if or unless, modifier or ternary, && or `and`, parentheses, string
# juxtaposition), the tokens tell. The walk runs twice: a dry pass without
# events records how far each node's tokens go, so that the real one knows
# whether a `(` before a node closes after all of it.
#
# A construct the walk does not know raises NotImplementedError naming it:
# never a wrong tree. CRuby's own ripper/sexp.rb and filter.rb then load
# unchanged on top (SexpBuilder, SexpBuilderPP, Ripper.sexp, Ripper::Filter);
# the builders here are for when they are not installed.
#
# Measured (tools/ripper_diff.sh, test/stdlib/ripper_diff.sh): every snippet of
# test/parse/{snippets,error_snippets,ripper_snippets}.rb but the 28 listed in
# test/parse/ripper_unsupported.txt (code maglev's parser rejects) gives CRuby's
# trees; so do 1,801 of the 1,802 files of CRuby's standard library and gems
# (the other raises NotImplementedError).
class Ripper
  PARSER_EVENT_TABLE = {}
  %w[BEGIN:1 END:1 alias:2 alias_error:2 aref:2 aref_field:2 arg_ambiguous:1 arg_paren:1 args_add:2
     args_add_block:2 args_add_star:2 args_forward:0 args_new:0 array:1 aryptn:4 assign:2 assign_error:2
     assoc_new:2 assoc_splat:1 assoclist_from_args:1 bare_assoc_hash:1 begin:1 binary:3 block_var:2
     blockarg:1 bodystmt:4 brace_block:2 break:1 call:3 case:2 class:3 class_name_error:2 command:2
     command_call:4 const_path_field:2 const_path_ref:2 const_ref:1 def:3 defined:1 defs:5 do_block:2
     dot2:2 dot3:2 dyna_symbol:1 else:1 elsif:3 ensure:1 excessed_comma:0 fcall:1 field:3 fndptn:4 for:3
     hash:1 heredoc_dedent:2 hshptn:3 if:3 if_mod:2 ifop:3 in:3 kwrest_param:1 lambda:2 magic_comment:2
     massign:2 method_add_arg:2 method_add_block:2 mlhs_add:2 mlhs_add_post:2 mlhs_add_star:2 mlhs_new:0
     mlhs_paren:1 module:2 mrhs_add:2 mrhs_add_star:2 mrhs_new:0 mrhs_new_from_args:1 next:1 nokw_param:1
     opassign:3 operator_ambiguous:2 param_error:2 params:7 paren:1 parse_error:1 program:1 qsymbols_add:2
     qsymbols_new:0 qwords_add:2 qwords_new:0 redo:0 regexp_add:2 regexp_literal:2 regexp_new:0 rescue:4
     rescue_mod:2 rest_param:1 retry:0 return:1 return0:0 sclass:2 stmts_add:2 stmts_new:0 string_add:2
     string_concat:2 string_content:0 string_dvar:1 string_embexpr:1 string_literal:1 super:1 symbol:1
     symbol_literal:1 symbols_add:2 symbols_new:0 top_const_field:1 top_const_ref:1 unary:2 undef:1
     unless:3 unless_mod:2 until:2 until_mod:2 var_alias:2 var_field:1 var_ref:1 vcall:1 void_stmt:0
     when:3 while:2 while_mod:2 word_add:2 word_new:0 words_add:2 words_new:0 xstring_add:2
     xstring_literal:1 xstring_new:0 yield:1 yield0:0 zsuper:0].each do |e|
    name, arity = e.split(':')
    PARSER_EVENT_TABLE[name.to_sym] = arity.to_i
  end
  PARSER_EVENT_TABLE.freeze
  SCANNER_EVENT_TABLE = {}
  %w[CHAR __end__ backref backtick comma comment const cvar embdoc embdoc_beg embdoc_end embexpr_beg
     embexpr_end embvar float gvar heredoc_beg heredoc_end ident ignored_nl imaginary int ivar kw label
     label_end lbrace lbracket lparen nl op period qsymbols_beg qwords_beg rational rbrace rbracket
     regexp_beg regexp_end rparen semicolon sp symbeg symbols_beg tlambda tlambeg tstring_beg
     tstring_content tstring_end words_beg words_sep ignored_sp].each { |e| SCANNER_EVENT_TABLE[e.to_sym] = 1 }
  SCANNER_EVENT_TABLE.freeze
  PARSER_EVENTS = PARSER_EVENT_TABLE.keys
  SCANNER_EVENTS = SCANNER_EVENT_TABLE.keys
  EVENTS = PARSER_EVENTS + SCANNER_EVENTS
  Version = '0.1.0'

  def self.parse(src, filename = '(ripper)', lineno = 1) = new(src, filename, lineno).parse

  def initialize(src, filename = '(ripper)', lineno = 1)
    src = src.respond_to?(:gets) ? src.read : src.to_str
    @__src, @__filename, @__lineno0 = src, filename.to_s, lineno.nil? ? 1 : lineno.to_i
    @__lineno = @__column = @__state = @__token = nil
    @__error = false
    @__parsed = false
  end

  def filename = @__filename
  def lineno = @__lineno
  def column = @__column
  def error? = @__error
  def end_seen? = @__end_seen
  def encoding = @__src.encoding
  def yydebug = false
  def yydebug=(v); end
  def debug_output = $stderr
  def debug_output=(v); end
  def state = @__state         # while a scanner event is dispatched: the lexer's state after its token
  def token = @__token

  def parse
    if @__parsed
      # CRuby's parser goes on from where it stopped: nothing is left but an empty program
      return __send__(:on_program, __send__(:on_stmts_add, __send__(:on_stmts_new), __send__(:on_void_stmt)))
    end
    @__parsed = true
    tree, err, data = Ripper.__tree(@__src, @__filename, @__lineno0)
    @__end_seen = !data.nil?
    toks = __squiggly(Ripper.__lex(@__src, @__filename, @__lineno0))
    vals = toks.map do |(pos, ev, tok, st)|
      @__lineno, @__column = pos
      @__state, @__token = st.to_i, tok
      __send__(ev, tok)
    end
    @__token = nil
    if tree.nil?
      @__error = true
      @__lineno, @__column = toks.empty? ? [@__lineno0, 0] : toks.last[0]
      msg = err.to_s.lines.first.to_s.chomp.sub(/\A.*?:\d+: /, '')
      compile_error(msg)
      return nil
    end
    # a subclass that handles no parser event (Ripper::Lexer) gets nil, as from CRuby's
    # default handlers, without the walk
    return nil unless self.class.__parser_events?
    Walker.new(self, toks, vals).run(tree)
  end

  def self.__parser_events?
    return @__parser_events unless @__parser_events.nil?
    @__parser_events = PARSER_EVENTS.any? { |e| instance_method(:"on_#{e}").owner != ::Ripper }
  end

  private

  # Ripper.lex shows a <<~ heredoc's indentation as on_ignored_sp; the parser
  # events see each line's content with it (the builder's on_heredoc_dedent
  # takes it off), as CRuby's do.
  def __squiggly(toks)
    out = []
    queue = []      # squiggly? for each heredoc whose body is still to come
    body = nil      # squiggly? of the body being read
    pending = []
    toks.each_with_index do |t, i|
      ev = t[1]
      if body.nil?
        queue << t[2].start_with?('<<~') if ev == :on_heredoc_beg
        if !queue.empty? && (ev == :on_nl || ev == :on_ignored_nl || (ev == :on_comment && t[2].end_with?("\n")))
          out << t
          body = queue.shift
          next
        end
        out << t
        next
      end
      if ev == :on_heredoc_end
        out << t
        body = queue.empty? ? nil : queue.shift
        next
      end
      if body && ev == :on_ignored_sp
        nx = toks[i + 1]
        if nx && nx[1] == :on_tstring_content && nx[0][0] == t[0][0]
          pending << t
        else
          out << [t[0], :on_tstring_content, t[2], t[3]]
        end
        next
      end
      if body && ev == :on_tstring_content && !pending.empty?
        sp = pending.pop
        out << [sp[0], :on_tstring_content, sp[2] + t[2], t[3]]
        next
      end
      out << t
    end
    out
  end

  def __compile_error(msg)
    @__error = true
    compile_error(msg)
  end

  def warn(fmt, *args); end
  def warning(fmt, *args); end
  def compile_error(msg); end

  PARSER_EVENT_TABLE.each do |ev, arity|
    if arity == 0
      define_method(:"on_#{ev}") { nil }
    else
      define_method(:"on_#{ev}") { |a = nil, *| a }
    end
  end
  SCANNER_EVENTS.each { |ev| define_method(:"on_#{ev}") { |tok| tok } }

  def dedent_string(str, width)
    col = 0
    n = 0
    str.each_char do |c|
      break if col >= width
      if c == ' '
        col += 1
      elsif c == "\t"
        w = 8 * (col / 8 + 1)
        break if w > width
        col = w
      else
        break
      end
      n += 1
    end
    str.slice!(0, n)
    n
  end

  # The walk: one per parse.
  class Walker
    OPS = %w[+ - * / % ** == != === =~ !~ < > <= >= <=> << >> & | ^ ! ~ +@ -@ [] []= `].map(&:to_sym)
    FILLER_KW = %w[then do end].freeze   # never the first token of a node
    SKIP = %i[on_sp on_nl on_ignored_nl on_comment on_embdoc_beg on_embdoc on_embdoc_end on_ignored_sp on___end__ on_words_sep]

    def initialize(r, toks, vals)
      @r, @vals = r, vals
      @ev = toks.map { |t| t[1] }
      @tx = toks.map { |t| t[2] }
      @pos = toks.map { |t| t[0] }
      @st = toks.map { |t| t[3].to_i }
      @at = {}
      toks.each_with_index { |t, i| @at[t[0]] ||= i }
      @used = Array.new(toks.size, false)
      @cur = 0
      @hdcur = 0
      # heredoc bodies: from the end of the line of a heredoc_beg to its heredoc_end
      @hd = Array.new(toks.size, false)
      pending = 0
      inbody = false
      toks.each_with_index do |t, i|
        if inbody
          @hd[i] = true
          if t[1] == :on_heredoc_end
            pending -= 1
            inbody = pending > 0
          end
          next
        end
        pending += 1 if t[1] == :on_heredoc_beg
        if pending > 0 && (t[1] == :on_nl || t[1] == :on_ignored_nl || (t[1] == :on_comment && t[2].end_with?("\n")))
          inbody = true
        end
      end
      @inhd = false
    end

    def nyi(what)
      $stderr.puts "ripper nyi at #{@pos[[@cur, @pos.size - 1].min].inspect}" if ENV['MAGLEV_RIPPER_DEBUG']
      raise(NotImplementedError, "maglev's Ripper parser events do not cover #{what}")
    end

    def ev(name, *args) = @dry ? nil : @r.__send__(:"on_#{name}", *args)

    # Two passes: a dry one (no events) records the last token each node's walk
    # takes, so that the real one knows whether a `(` before a node closes
    # after all of it (paren) or inside it (a parenthesized left operand).
    def run(tree)
      @dry = true
      @ext = {}
      program(tree)
      @dry = false
      @used.fill(false)
      @cur = @hdcur = 0
      @inhd = false
      program(tree)
    end

    # `foo (1)`, `def (a).b`: a parenthesized argument (tLPAREN_ARG), paren(expr)
    def paren_arg?(i)
      i >= 2 && @ev[i - 1] == :on_sp && (%i[on_ident on_const].include?(@ev[i - 2]) ||
                                        (@ev[i - 2] == :on_kw && %w[def yield super not].include?(@tx[i - 2])))
    end

    # `()`: a NIL node of its own
    def empty_parens?(n, i)
      n[0] == :NIL && (j = peek_sig(i + 1, false)) && @ev[j] == :on_rparen
    end

    def match_paren(i)
      depth = 0
      j = i
      while j < @ev.size
        if @hd[j] == @hd[i]
          depth += 1 if @ev[j] == :on_lparen
          if @ev[j] == :on_rparen
            depth -= 1
            return j if depth == 0
          end
        end
        j += 1
      end
      nil
    end

    def expr(n)
      return nil if n.nil?
      if @dry
        # a `(` before the node: its own or a descendant's wrapper; out of the way of peeks
        i = peek_sig
        if i && @ev[i] == :on_lparen && n[0] != :SEQ && !empty_parens?(n, i) && ((@pos[i] <=> [n[1], n[2]]) <= 0) && (j = match_paren(i))
          @used[i] = @used[j] = true
          adv(i)
        end
        v = expr0(n)
        last = (@inhd ? @hdcur : @cur) - 1
        @ext[n.__id__] = last if (@ext[n.__id__] || -1) < last
        return v
      end
      i = peek_sig
      if i && @ev[i] == :on_lparen && n[0] != :SEQ && !empty_parens?(n, i) && ((@pos[i] <=> [n[1], n[2]]) <= 0) &&
         (j = match_paren(i)) && (@ext[n.__id__] || j) < j
        @used[i] = true
        if @inhd then @hdcur = i + 1 else @cur = i + 1 end
        x = expr(n)
        take(:on_rparen)
        return ev(:paren, x) if paren_arg?(i)
        return ev(:paren, ev(:stmts_add, ev(:stmts_new), x))
      end
      expr0(n)
    end

    # the index of the next unused token from the cursor with this event (and text)
    def find(event, text = nil)
      i = @inhd ? @hdcur : @cur
      n = @ev.size
      while i < n
        if !@used[i] && @hd[i] == @inhd && @ev[i] == event && (text.nil? || @tx[i] == text)
          return i
        end
        i += 1
      end
      nil
    end

    def take(event, text = nil)
      i = find(event, text) or (@dry ? (return nil) : nil) or nyi("this code (no #{event.to_s.sub('on_', '')}#{text ? " #{text.inspect}" : ''} token where the tree has one)")
      if ENV['MAGLEV_RIPPER_DEBUG']
        from = @inhd ? @hdcur : @cur
        skipped = (from...i).count { |k| !@used[k] && !SKIP.include?(@ev[k]) && @hd[k] == @inhd && !(@ev[k] == :on_kw || %i[on_comma on_semicolon on_rparen on_rbracket on_rbrace on_nl on_lparen on_period on_op].include?(@ev[k])) }
        $stderr.puts "ripper: take #{event} #{text.inspect} at #{@pos[i].inspect} skipped #{skipped} from #{@pos[from].inspect}" if skipped > 0
      end
      @used[i] = true
      if @inhd then @hdcur = i + 1 else @cur = i + 1 end
      @last_lparen = i if event == :on_lparen
      @vals[i]
    end

    # the token index at a node's position
    def tok_at(n) = @at[[n[1], n[2]]]
    def tok_ev(n) = (i = tok_at(n)) && @ev[i]
    def tok_tx(n) = (i = tok_at(n)) && @tx[i]

    # the next significant token index from the cursor (not used)
    def peek_sig(from = @inhd ? @hdcur : @cur, commas = true)
      i = from
      i += 1 while i < @ev.size && (SKIP.include?(@ev[i]) || @hd[i] != @inhd || @used[i] ||
                                   (commas && (@ev[i] == :on_comma || @ev[i] == :on_semicolon ||
                                               (@ev[i] == :on_kw && FILLER_KW.include?(@tx[i])))))
      i < @ev.size ? i : nil
    end

    def before?(x, y) = ((x[1] <=> y[1]).nonzero? || (x[2] <=> y[2])) < 0

    def program(tree)
      @tree = tree
      ev(:program, stmts(tree))
    end

    def stmts_of(n)
      return [] if n.nil?
      n[0] == :SEQ ? n[8] || [] : [n]
    end

    # a statement list; void_stmt when empty, or when it starts with `;`
    def stmts(n, lead = false)
      list = stmts_of(n)
      s = ev(:stmts_new)
      if list.empty?
        return ev(:stmts_add, s, ev(:void_stmt))
      end
      if lead
        i = @inhd ? @hdcur : @cur
        i += 1 while i < @ev.size && (%i[on_sp on_ignored_nl on_comment on_embdoc_beg on_embdoc on_embdoc_end on_ignored_sp].include?(@ev[i]) || @hd[i] != @inhd || @used[i])
        term = i < @ev.size && (@ev[i] == :on_semicolon || @ev[i] == :on_nl)
        # a comment takes the line's newline: a term unless the lexer's state ignores it
        k = @inhd ? @hdcur : @cur
        while k < i
          if @ev[k] == :on_comment && @tx[k].end_with?("\n") && !@used[k]
            term = true if @st[k] & (1 | 128 | 256 | 512) == 0
            break
          end
          k += 1
        end
        s = ev(:stmts_add, s, ev(:void_stmt)) if term
      end
      list.each { |x| s = ev(:stmts_add, s, expr(x)) }
      s
    end

    def bodystmt(n, lead = false)
      if n && n[0] == :BEGIN && (n[8]&.any? || n[5] || n[6])
        body = stmts(n[4], lead)
        resc = n[8]&.any? ? rescues(n[8]) : nil
        els = n[5] ? (skip_kw('else'); stmts(n[5], true)) : nil
        ens = n[6] ? (skip_kw('ensure'); ev(:ensure, stmts(n[6], true))) : nil
        ev(:bodystmt, body, resc, els, ens)
      else
        ev(:bodystmt, stmts(n, lead), nil, nil, nil)
      end
    end

    # moves the cursor past the next keyword `kw`
    def skip_kw(kw)
      i = find(:on_kw, kw)
      @cur = i + 1 if i && !@inhd
      @hdcur = i + 1 if i && @inhd
    end

    def rescues(list)
      r = list.first
      skip_kw('rescue')
      excs = r[8] || []
      ex = if excs.empty? then nil
           elsif excs.size == 1 && excs[0][0] != :SPLAT then [expr(excs[0])]
           else mrhs(excs)
           end
      var = r[4] ? target(r[4]) : nil
      ev(:rescue, ex, var, stmts(r[5]), list.size > 1 ? rescues(list[1..]) : nil)
    end

    # the values of `x = a, *b, c` (and rescue lists): every one but the last as args
    def mrhs(list)
      if list.size == 1 && list[0][0] == :SPLAT
        return ev(:mrhs_add_star, ev(:mrhs_new), splat_val(list[0]))
      end
      m = ev(:mrhs_new_from_args, args_list(list[0...-1]))
      last = list[-1]
      last[0] == :SPLAT ? ev(:mrhs_add_star, m, splat_val(last)) : ev(:mrhs_add, m, expr(last))
    end

    def splat_val(x)
      take(:on_op, '*')
      x[4] ? expr(x[4]) : nil
    end

    # args_new / args_add / args_add_star over plain values
    def args_list(list)
      a = ev(:args_new)
      list.each do |x|
        case x[0]
        when :SPLAT then a = ev(:args_add_star, a, splat_val(x))
        when :HASH
          a = ev(:args_add, a, x[3] & 2 != 0 ? ev(:bare_assoc_hash, assocs(x[8] || [])) : expr(x))
        when :BLOCK_PASS then nyi('a block argument here')
        else a = ev(:args_add, a, expr(x))
        end
      end
      a
    end

    # call arguments: args_add_block(args, block or false); nil when there are none and parens
    def call_args(list)
      list ||= []
      return ev(:args_forward) if list.size == 1 && list[0][0] == :FORWARD_ARGS
      if list.last && list.last[0] == :FORWARD_ARGS
        a = args_list(list[0...-1])
        take(:on_op, '...')
        return ev(:args_add, a, ev(:args_forward))
      end
      if list.size == 1 && command?(list[0]) && !((i = peek_sig) && @ev[i] == :on_lparen && (@pos[i] <=> [list[0][1], list[0][2]]) <= 0)
        return ev(:args_add, ev(:args_new), expr(list[0]))
      end
      blk = list.last && list.last[0] == :BLOCK_PASS ? list.last : nil
      list = list[0...-1] if blk
      a = args_list(list)
      b = false
      if blk
        take(:on_op, '&')
        b = blk[4] ? expr(blk[4]) : nil
      end
      ev(:args_add_block, a, b)
    end

    # a command call: f 1, a.f 1 (arguments without parentheses)
    def command?(x)
      x[0] == :CALL && x[3] & 64 == 0 && x[3] & 32 == 0 && !(x[8] || []).empty? && !OPS.include?(x[9]) ||
        ((x[0] == :SUPER || x[0] == :YIELD) && x[3] & 64 == 0 && !(x[8] || []).empty? && !paren_follows_kw?(x)) ||
        (%i[RETURN BREAK NEXT].include?(x[0]) && x[4])
    end

    def paren_follows_kw?(x)
      i = tok_at(x)
      i && @ev[i + 1] == :on_lparen
    end

    # the arguments in f(...) (its `(` taken): arg_paren, taking the `)`
    def paren_args(list)
      if list.nil? || list.empty?
        take(:on_rparen)
        return ev(:arg_paren, nil)
      end
      if @last_lparen && (j = match_paren(@last_lparen))
        k = j - 1
        k -= 1 while k > 0 && SKIP.include?(@ev[k])
        if @ev[k] == :on_comma && list.last[0] != :BLOCK_PASS
          a = args_list(list)
          take(:on_rparen)
          return ev(:arg_paren, a)
        end
      end
      a = call_args(list)
      take(:on_rparen)
      ev(:arg_paren, a)
    end

    def assocs(list)
      list.map do |p|
        if p[0] == :DSPLAT
          take(:on_op, '**')
          ev(:assoc_splat, p[4] ? expr(p[4]) : nil)
        else
          k = p[4]
          key = if k[0] == :SYM && tok_ev(k) == :on_label then take(:on_label)
                elsif k[0] == :DSYM || (k[0] == :SYM && tok_ev(k) == :on_tstring_beg) then label_string(k)
                else
                  x = expr(k)
                  take(:on_op, '=>')
                  x
                end
          ev(:assoc_new, key, p[5] ? expr(p[5]) : nil)
        end
      end
    end

    # "x": v
    def label_string(k)
      take(:on_tstring_beg)
      parts = k[0] == :SYM ? [[:STR, k[1], k[2] + 1, 0, nil, nil, nil, nil, nil, nil, 0, 0.0, k[9].to_s]] : k[8]
      c = string_parts(ev(:string_content), parts, :string_add)
      take(:on_label_end)
      ev(:dyna_symbol, c)
    end

    def name_tok(sym)
      s = sym.to_s
      if s =~ /\A[A-Z]\w*\z/ then :on_const
      elsif s.start_with?('@@') then :on_cvar
      elsif s.start_with?('@') then :on_ivar
      elsif s.start_with?('$') then (s =~ /\A\$[1-9&`'+]/ ? :on_backref : :on_gvar)
      else :on_ident
      end
    end

    def var_leaf(sym)
      t = name_tok(sym)
      t == :on_ident && %w[nil self true false __FILE__ __LINE__ __ENCODING__].include?(sym.to_s) ? take(:on_kw, sym.to_s) : take(t, sym.to_s)
    end

    # an assignment target (var_field, field, aref_field, const_path_field ...)
    def target(t)
      case t[0]
      when :LASGN, :IASGN, :GASGN, :CVASGN then ev(:var_field, take(name_tok(t[9]), t[9].to_s))
      when :CDECL then const_field(t[4])
      when :CALL
        if t[9] == :[]=
          recv = expr(t[4])
          take(:on_lbracket)
          a = (t[8] || []).empty? ? nil : call_args(t[8])
          ev(:aref_field, recv, a)
        else
          recv = expr(t[4])
          per = period(t)
          ev(:field, recv, per, take(:on_ident, t[9].to_s.chomp('=')) || nil)
        end
      when :MLHS
        i = peek_sig
        list = t[8] || []
        if i && @ev[i] == :on_lparen
          @used[i] = true
          adv(i)
          j = match_paren(i)
          k = j && j - 1
          k -= 1 while k && k > i && SKIP.include?(@ev[k])
          if list.size == 1 && list[0][0] == :MLHS && !(k && @ev[k] == :on_comma)
            m = target(list[0])         # ((a, b)): the inner list's mlhs_paren, in another
          else
            m = mlhs(list)
          end
          take(:on_rparen)
          return ev(:mlhs_paren, m)
        end
        ev(:mlhs_paren, mlhs(list))
      when :SPLAT then nyi('a splat target here')
      else nyi("assignment to #{t[0]}")
      end
    end

    def const_field(c)
      case c[0]
      when :CONST then ev(:var_field, take(:on_const, c[9].to_s))
      when :COLON2
        r = expr(c[4])
        take(:on_op, '::')
        return ev(:field, r, :"::", take(:on_ident, c[9].to_s)) if c[9].to_s !~ /\A[A-Z]/
        ev(:const_path_field, r, take(:on_const, c[9].to_s))
      when :COLON3 then ev(:top_const_field, take(:on_const, c[9].to_s))
      end
    end

    def mlhs(list)
      m = ev(:mlhs_new)
      star = false
      post = nil
      list.each do |t|
        if t[0] == :SPLAT
          take(:on_op, '*')
          m = ev(:mlhs_add_star, m, t[4] ? target(t[4]) : nil)
          star = true
          post = ev(:mlhs_new)
        elsif star
          post = ev(:mlhs_add, post, target(t))
        else
          m = ev(:mlhs_add, m, target(t))
        end
      end
      m = ev(:mlhs_add_post, m, post) if star && list.last[0] != :SPLAT
      m
    end

    def period(c)
      return :"::" if (i = find_period) && @tx[i] == '::' && (@used[i] = true)
      if c[3] & 4 != 0 then take(:on_op, '&.') else take(:on_period) end
    end

    def find_period
      i = peek_sig
      i && @ev[i] == :on_op && @tx[i] == '::' ? i : nil
    end

    def sym_leaf(sym)
      s = sym.to_s
      i = peek_sig
      i = peek_sig(pos_cur, false) if i.nil? || @tx[i] != s    # alias then with
      i = peek_sig(i + 1, false) if i && @ev[i] == :on_symbeg
      nyi("symbol #{s}") unless i && @tx[i] == s
      @used[i] = true
      adv(i)
      @vals[i]
    end

    def symbol_node(n)
      i = peek_sig
      if i && @ev[i] == :on_symbeg && @tx[i] == ':'
        @used[i] = true
        adv(i)
        j = peek_sig(i + 1, false)
        nyi("symbol #{n[9]}") unless j && @tx[j] == n[9].to_s
        @used[j] = true
        adv(j)
        ev(:symbol_literal, ev(:symbol, @vals[j]))
      elsif i && @ev[i] == :on_symbeg
        take(:on_symbeg)
        parts = n[0] == :SYM ? [[:STR, 0, 0, 0, nil, nil, nil, nil, nil, nil, 0, 0.0, n[9].to_s]] : n[8]
        c = string_parts(ev(:string_content), parts, :string_add)
        take(:on_tstring_end)
        ev(:dyna_symbol, c)
      else
        ev(:symbol_literal, sym_leaf(n[9]))  # alias/undef bare names
      end
    end

    # the parts of a string literal (str or dstr list) added to acc with add_ev
    STR_ENDS = %i[on_tstring_end on_regexp_end on_label_end on_heredoc_end on_words_sep].freeze

    # The parts of a literal added to acc with add_ev, driven by its tokens up to
    # (not taking) its closing token: tstring_content, #{...} (the next
    # interpolated expression of parts), #@x.
    def string_parts(acc, parts, add_ev)
      exprs = parts.reject { |x| x[0] == :STR || x[0] == :XSTR }
      loop do
        i = @inhd ? @hdcur : @cur
        i += 1 while i < @ev.size && (@used[i] || @hd[i] != @inhd)
        break if i >= @ev.size || STR_ENDS.include?(@ev[i])
        case @ev[i]
        when :on_tstring_content
          acc = ev(add_ev, acc, take(:on_tstring_content))
        when :on_embvar
          @used[i] = true
          if @inhd then @hdcur = i + 1 else @cur = i + 1 end
          e = exprs.shift or nyi('a literal interpolated into a string (the parser folded it)')
          acc = ev(add_ev, acc, ev(:string_dvar, expr(e)))
        when :on_embexpr_beg
          @used[i] = true
          if @inhd then @hdcur = i + 1 else @cur = i + 1 end
          e = folded_literal(i) || exprs.shift or nyi('a literal interpolated into a string (the parser folded it)')
          body = e[0] == :SEQ && (e[8] || []).empty? ? stmts(nil) : stmts(e)
          take(:on_embexpr_end)
          acc = ev(add_ev, acc, ev(:string_embexpr, body))
        else
          break
        end
      end
      nyi('a literal interpolated into a string (the parser folded it)') unless exprs.empty?
      acc
    end

    # "#{"x"}", "#{<<A}": the parser folded the literal into the string around it; a
    # node for it from its tokens when it is all the interpolation holds (and has
    # no interpolation of its own)
    def folded_literal(i)
      depth = 0
      j = i
      while (j += 1) < @ev.size
        next if @hd[j] != @hd[i]
        case @ev[j]
        when :on_embexpr_beg then depth += 1
        when :on_embexpr_end
          break if depth == 0
          depth -= 1
        end
      end
      return nil if j >= @ev.size
      inner = ((i + 1)...j).reject { |k| SKIP.include?(@ev[k]) || @hd[k] != @hd[i] }
      return nil if inner.empty?
      k = inner.first
      if @ev[k] == :on_tstring_beg && @tx[k] =~ /\A(["']|%[qQ]?\W)/
        return nil unless @ev[inner.last] == :on_tstring_end
        return nil unless inner[1..-2].all? { |x| @ev[x] == :on_tstring_content }
        return nil unless closing_of(k) == inner.last
        return [:STR, @pos[k][0], @pos[k][1], 0, nil, nil, nil, nil, nil, nil, 0, 0.0, '', 0, 0]
      end
      if @ev[k] == :on_kw && @tx[k] == '__FILE__' && inner.size == 1
        return [:STR, @pos[k][0], @pos[k][1], 0, nil, nil, nil, nil, nil, nil, 0, 0.0, '', 0, 0]
      end
      if @ev[k] == :on_heredoc_beg && inner.size == 1 && @ev.each_index.none? { |x| @hd[x] && %i[on_embexpr_beg on_embvar].include?(@ev[x]) }
        return [:STR, @pos[k][0], @pos[k][1], 0, nil, nil, nil, nil, nil, nil, 0, 0.0, '', 0, 0]
      end
      nil
    end

    def str_parts_of(n)
      case n[0]
      when :STR, :XSTR then n[12].empty? ? [] : [n]
      else n[8] || []
      end
    end

    def string(n)
      i = peek_sig
      nyi('a string literal here') unless i
      case @ev[i]
      when :on_CHAR then return take(:on_CHAR)
      when :on_heredoc_beg then return heredoc(n, i)
      when :on_tstring_beg, :on_backtick then nil
      else nyi("a string starting with #{@ev[i]}")
      end
      # adjacent literals "a" "b" (string_concat): one node in the tree
      parts = str_parts_of(n)
      exprs = parts.reject { |x| x[0] == :STR }
      lits = []
      loop do
        @used[i] = true
        adv(i)
        j = closing_of(i)
        mine = exprs.take_while { |x| j.nil? || (@pos[j] <=> [x[1], x[2]]) > 0 }
        exprs = exprs.drop(mine.size)
        c = string_parts(ev(:string_content), mine, :string_add)
        take(:on_tstring_end)
        lits << ev(:string_literal, c)
        k = pos_cur
        k += 1 while k < @ev.size && @ev[k] == :on_sp
        break unless k < @ev.size && @ev[k] == :on_tstring_beg && !@used[k]
        i = k
      end
      nyi('a literal interpolated into a string (the parser folded it)') unless exprs.empty?
      lits.reduce { |x, y| ev(:string_concat, x, y) }
    end

    def closing_of(i)
      depth = 0
      j = i
      while j < @ev.size
        case @ev[j]
        when :on_tstring_beg, :on_backtick then depth += 1 unless @hd[j] != @hd[i]
        when :on_tstring_end then (depth -= 1; return j if depth == 0) unless @hd[j] != @hd[i]
        end
        j += 1
      end
      nil
    end

    def heredoc(n, i, x = false)
      squiggly = @tx[i].start_with?('<<~')
      @used[i] = true
      adv(i)
      saved, @inhd = @inhd, true
      first = find_any
      c = string_parts(x ? ev(:xstring_new) : ev(:string_content), str_parts_of(n), x ? :xstring_add : :string_add)
      last = find_any
      take(:on_heredoc_end)
      @inhd = saved
      ev(:heredoc_dedent, c, dedent_width(first, last)) if squiggly
      ev(x ? :xstring_literal : :string_literal, c)
    end

    def find_any
      i = @inhd ? @hdcur : @cur
      i += 1 while i < @ev.size && (@used[i] || @hd[i] != @inhd)
      i
    end

    # the indentation a <<~ heredoc's body loses: the least of its lines' (blank lines aside)
    def dedent_width(first, last)
      w = nil
      (first...last).each do |k|
        next unless @pos[k][1] == 0 && @hd[k]
        t = @tx[k]
        if @ev[k] == :on_tstring_content
          next if t =~ /\A[ \t]*\r?\n?\z/ && (t.end_with?("\n") || @ev[k + 1] == :on_heredoc_end)
          col = 0
          t.each_char do |ch|
            if ch == ' ' then col += 1
            elsif ch == "\t" then col = 8 * (col / 8 + 1)
            else break
            end
          end
          w = col if w.nil? || col < w
        elsif @ev[k] == :on_embexpr_beg || @ev[k] == :on_embvar
          w = 0
        end
      end
      w || 0
    end

    def xstring(n)
      i = peek_sig
      return heredoc(n, i, true) if i && @ev[i] == :on_heredoc_beg
      nyi('a command string here') unless i && @ev[i] == :on_backtick
      @used[i] = true
      adv(i)
      c = string_parts(ev(:xstring_new), str_parts_of(n), :xstring_add)
      take(:on_tstring_end)
      ev(:xstring_literal, c)
    end

    def regexp(n)
      i = peek_sig
      nyi('a regexp here') unless i && @ev[i] == :on_regexp_beg
      @used[i] = true
      adv(i)
      parts = n[0] == :REGEX ? (n[12].empty? ? [] : [[:STR, 0, 0, 0, nil, nil, nil, nil, nil, nil, 0, 0.0, n[12]]]) : n[8]
      c = string_parts(ev(:regexp_new), parts, :regexp_add)
      # an invalid regexp is an error (sexp nil), as CRuby's parser finds; only plain
      # ASCII patterns are checked (byte escapes depend on the encoding options)
      if n[0] == :REGEX && !@dry && n[3] & ((1 << 17) | (1 << 18)) == 0 && n[12].ascii_only? && n[12] !~ /\\[xuMCc0-7]/
        begin
          Regexp.new(n[12], n[3] & 7)
        rescue RegexpError => e
          @r.__send__(:__compile_error, "#{e.message}: /#{n[12]}/")
        end
      end
      ev(:regexp_literal, c, take(:on_regexp_end))
    end

    # %w %W %i %I
    def words(n, i)
      kind = { on_qwords_beg: :qwords, on_words_beg: :words, on_qsymbols_beg: :qsymbols, on_symbols_beg: :symbols }[@ev[i]]
      @used[i] = true
      adv(i)
      w = ev(:"#{kind}_new")
      (n[8] || []).each do |e|
        k = pos_cur
        k += 1 while k < @ev.size && @used[k]
        if k < @ev.size && @ev[k] == :on_words_sep
          @used[k] = true
          adv(k)
        end
        if kind == :qwords || kind == :qsymbols
          w = ev(:"#{kind}_add", w, take(:on_tstring_content))
        else
          parts = case e[0]
                  when :STR then [e]
                  when :SYM then [[:STR, 0, 0, 0, nil, nil, nil, nil, nil, nil, 0, 0.0, e[9].to_s]]
                  else e[8] || []
                  end
          w = ev(:"#{kind}_add", w, string_parts(ev(:word_new), parts, :word_add))
        end
        k = pos_cur
        k += 1 while k < @ev.size && @used[k]
        if k < @ev.size && @ev[k] == :on_words_sep
          @used[k] = true
          adv(k)
        end
      end
      take(:on_tstring_end)
      ev(:array, w)
    end

    def literal_num(n, kind)
      i = peek_sig
      if i && @ev[i] == :on_op && @tx[i] == '-' && !@used[i]
        @used[i] = true
        adv(i)
        return ev(:unary, :-@, take(kind))
      end
      take(kind)
    end

    def block(b, call)
      return call unless b
      if b[3] & 128 != 0
        skip_kw('do')
        bv = b[4] ? block_var(b[4]) : nil
        ev(:method_add_block, call, ev(:do_block, bv, bodystmt(b[5], true)))
      else
        take(:on_lbrace)
        bv = b[4] ? block_var(b[4]) : nil
        body = stmts(b[5], true)
        take(:on_rbrace)
        ev(:method_add_block, call, ev(:brace_block, bv, body))
      end
    end

    def block_var(p)
      locals = (p[8] || []).select { |x| x[0] == :PARAM_LOCAL }
      bar = take_op_if('||') ? nil : take_op_if('|')
      prm = params(p)
      lv = locals.empty? ? false : locals.map { |x| take(:on_ident, x[9].to_s) }
      take_op_if('|') if bar
      ev(:block_var, prm, lv)
    end

    def pos_cur = @inhd ? @hdcur : @cur

    # moves the cursor of the stream being read past token i
    def adv(i)
      if @inhd then @hdcur = i + 1 else @cur = i + 1 end
    end

    def take_op_if(op)
      i = peek_sig
      return nil unless i && @ev[i] == :on_op && @tx[i] == op
      @used[i] = true
      adv(i)
      @hdcur = i + 1 if @inhd
      true
    end

    def params(p)
      req = opt = rest = post = kw = kwrest = blk = nil
      (p[8] || []).each do |x|
        case x[0]
        when :PARAM_REQ
          if opt || rest then (post ||= []) << param_name(x) else (req ||= []) << param_name(x) end
        when :PARAM_POST then (post ||= []) << param_name(x)
        when :PARAM_OPT
          nm = take(:on_ident, x[9].to_s)
          take(:on_op, '=')
          (opt ||= []) << [nm, expr(x[4])]
        when :PARAM_REST
          take(:on_op, '*')
          rest = ev(:rest_param, x[9] ? take(:on_ident, x[9].to_s) : nil)
        when :PARAM_KW
          nm = take(:on_label, "#{x[9]}:")
          (kw ||= []) << [nm, x[4] ? expr(x[4]) : false]
        when :PARAM_KWREST
          take(:on_op, '**')
          kwrest = ev(:kwrest_param, x[9] ? take(:on_ident, x[9].to_s) : nil)
        when :PARAM_NOKW
          take(:on_op, '**')
          take(:on_kw, 'nil')
          kwrest = :nil
        when :PARAM_BLOCK
          take(:on_op, '&')
          blk = ev(:blockarg, x[9] ? take(:on_ident, x[9].to_s) : nil)
        when :PARAM_FWD
          take(:on_op, '...')
          kwrest = ev(:args_forward)
          blk = :&
        when :PARAM_LOCAL then nil
        else nyi("parameter #{x[0]}")
        end
      end
      rest = ev(:excessed_comma) if p[3] & 1024 != 0
      ev(:params, req, opt, rest, post, kw, kwrest, blk)
    end

    def param_name(x)
      return take(:on_ident, x[9].to_s) unless x[4]
      take(:on_lparen)
      m = param_mlhs(x[4][8] || [])
      take(:on_rparen)
      ev(:mlhs_paren, m)
    end

    def param_mlhs(list)
      m = ev(:mlhs_new)
      star = false
      post = nil
      list.each do |t|
        if t[0] == :PARAM_REST
          take(:on_op, '*')
          m = ev(:mlhs_add_star, m, t[9] ? take(:on_ident, t[9].to_s) : nil)
          star = true
          post = ev(:mlhs_new)
        elsif star
          post = ev(:mlhs_add, post, param_name(t))
        else
          m = ev(:mlhs_add, m, param_name(t))
        end
      end
      m = ev(:mlhs_add_post, m, post) if star && list.last[0] != :PARAM_REST
      m
    end

    def def_params(p)
      i = pos_cur
      i += 1 while i < @ev.size && %i[on_sp on_ignored_sp].include?(@ev[i])   # `def f (a)`, not a paren on the next line
      @def_paren = i && @ev[i] == :on_lparen
      if i && (@ev[i] == :on_lparen)
        @used[i] = true
        adv(i)
        pr = p ? params(p) : ev(:params, nil, nil, nil, nil, nil, nil, nil)
        take(:on_rparen)
        ev(:paren, pr)
      else
        p ? params(p) : ev(:params, nil, nil, nil, nil, nil, nil, nil)
      end
    end

    def def_name(sym)
      s = sym.to_s
      i = peek_sig(pos_cur, false)
      nyi("def #{s}") unless i
      @used[i] = true
      adv(i)
      @vals[i]
    end

    def cpath(c)
      case c[0]
      when :CONST then ev(:const_ref, take(:on_const, c[9].to_s))
      when :COLON2 then (r = expr(c[4]); ev(:const_path_ref, r, take(:on_const, c[9].to_s)))
      when :COLON3 then ev(:top_const_ref, take(:on_const, c[9].to_s))
      end
    end

    def args_value(a)
      # return / break / next values
      return nil unless a
      if a[0] == :ARRAY && !literal_array?(a)
        call_args(a[8])
      else
        call_args([a])
      end
    end

    def when_chain(list, els)
      w = list.first
      skip_kw('when')
      vals = args_list(w[8] || [])
      body = stmts(w[4])
      rest = list.size > 1 ? when_chain(list[1..], els) : (els ? (skip_kw('else'); ev(:else, stmts(els, true))) : nil)
      ev(:when, vals, body, rest)
    end

    def call(n)
      recv, name, args, blk, fl = n[4], n[9], n[8] || [], n[5], n[3]
      s = name.to_s
      if recv.nil?
        if fl & 8 != 0 && s =~ /[?!]\z/
          return ev(:method_add_arg, ev(:fcall, take(:on_ident, s)), ev(:args_new))
        end
        if fl & 8 != 0 # vcall
          return ev(:vcall, take(name_tok(name) == :on_const ? :on_const : :on_ident, s))
        end
        nm = take(s =~ /\A[A-Z]\w*\z/ ? :on_const : :on_ident, s)
        f = ev(:fcall, nm)
        if fl & 64 != 0
          take(:on_lparen)
          c = ev(:method_add_arg, f, paren_args(args))
          return block(blk, c)
        end
        if args.empty?
          return block(blk, ev(:method_add_arg, f, ev(:args_new))) if blk
          return f
        end
        c = ev(:command, nm, call_args(args))
        return block(blk, c)
      end
      if fl & 32 != 0
        nyi('attribute assignment in this position')
      end
      if name == :=~ && args.size == 1 && args[0][0] == :GVAR && args[0][9] == :$_ && !find(:on_op, '=~')
        return expr(recv)     # `if /re/`: a match against $_ the parser made
      end
      if name == :== && args.size == 1 && args[0][0] == :GVAR && args[0][9] == :$. && args[0][1] == recv[1] && args[0][2] == recv[2]
        return expr(recv)     # `if 3..5`: a comparison with $. the parser made
      end
      r = nil
      walked = false
      if OPS.include?(name)
        r_first = before?(recv, n) || (recv[1] == n[1] && recv[2] == n[2])
        if args.empty? && %i[-@ +@ ! ~].include?(name) && !r_first
          take(:on_op, s.chomp('@'))
          return ev(:unary, name == :! ? :! : name, expr(recv))
        end
        r = expr(recv)
        walked = true
        j = peek_sig
        dotted = j && (@ev[j] == :on_period || (@ev[j] == :on_op && %w[&. ::].include?(@tx[j])))
      end
      if walked && !dotted
        if name == :[] && fl & 64 == 0
          take(:on_lbracket)
          a = args.empty? ? nil : call_args(args)
          take(:on_rbracket)
          return block(blk, ev(:aref, r, a))
        end
        if args.size == 1 && fl & 64 == 0
          l = r
          take(:on_op, s)
          return ev(:binary, l, name, expr(args[0]))
        end
      end
      r = expr(recv) unless walked
      per = period(n)
      if s == 'call' && (j = peek_sig) && @ev[j] == :on_lparen
        m = :call
      else
        m = take(s =~ /\A[A-Z]\w*\z/ ? :on_const : (OPS.include?(name) ? :on_op : :on_ident), s)
      end
      c = ev(:call, r, per, m)
      if fl & 64 != 0
        take(:on_lparen)
        c = ev(:method_add_arg, c, paren_args(args))
      elsif !args.empty?
        c = ev(:command_call, r, per, m, call_args(args))
      elsif blk
        # a.b { } is method_add_block(call, block)
      end
      block(blk, c)
    end

    # whether the expression after recv continues with a `.`
    def dotted_after?(_recv) = false

    def expr0(n)
      return scoped(n) if SCOPES.include?(n[0]) && !@in_scope_node
      @in_scope_node = false
      case n[0]
      when :SEQ
        list = n[8] || []
        i = peek_sig
        # one statement: the statement (a `(` before it is its own, or a part's)
        return expr(list[0]) if list.size == 1 && !(i && @ev[i] == :on_kw && @tx[i] == 'begin')
        if i && @ev[i] == :on_lparen
          @used[i] = true
          adv(i)
          s = list.empty? ? stmts(nil) : stmts(n, true)
          take(:on_rparen)
          return ev(:paren, s)
        end
        if i && @ev[i] == :on_kw && @tx[i] == 'begin'
          adv(i)
          return ev(:begin, bodystmt(n, true))
        end
        return expr(list[0]) if list.size == 1
        return stmts(n) if @dry    # its `(` went to the node it begins (the real pass finds it here)
        nyi('a statement sequence here')
      when :BEGIN
        i = peek_sig
        if i && @ev[i] == :on_kw && @tx[i] == 'begin'
          adv(i)
          return ev(:begin, bodystmt(n, true))
        end
        if n[8]&.size == 1 && (n[8][0][8] || []).empty? && n[8][0][4].nil? && !n[5] && !n[6]
          body = expr(n[4])
          skip_kw('rescue')
          return ev(:rescue_mod, body, expr(n[8][0][5]))
        end
        nyi('rescue in this position')
      when :NIL, :TRUE, :FALSE, :SELF
        i = peek_sig
        if n[0] == :NIL && i && @ev[i] == :on_lparen && (j = peek_sig(i + 1, false)) && @ev[j] == :on_rparen
          @used[i] = @used[j] = true
          adv(j)
          return ev(:paren, false) if paren_arg?(i)
          return ev(:paren, stmts(nil))
        end
        ev(:var_ref, take(:on_kw, n[0].to_s.downcase))
      when :INT, :BIGNUM
        i = peek_sig
        return ev(:var_ref, take(:on_kw, '__LINE__')) if i && @ev[i] == :on_kw && @tx[i] == '__LINE__'
        literal_num(n, :on_int)
      when :FLOAT then literal_num(n, :on_float)
      when :RATIONAL then literal_num(n, :on_rational)
      when :IMAGINARY then literal_num(n, :on_imaginary)
      when :STR, :DSTR
        i = peek_sig
        if i && @ev[i] == :on_kw && @tx[i] == '__FILE__'
          return ev(:var_ref, take(:on_kw, '__FILE__'))
        end
        string(n)
      when :XSTR, :DXSTR then xstring(n)
      when :SYM, :DSYM then symbol_node(n)
      when :REGEX, :DREGEX then regexp(n)
      when :ENCODING then ev(:var_ref, take(:on_kw, '__ENCODING__'))
      when :ARRAY
        i = peek_sig
        if i && %i[on_qwords_beg on_words_beg on_qsymbols_beg on_symbols_beg].include?(@ev[i])
          return words(n, i)
        end
        if i && @ev[i] == :on_lbracket
          @used[i] = true
          adv(i)
          a = (n[8] || []).empty? ? nil : args_list(n[8])
          take(:on_rbracket)
          return ev(:array, a)
        end
        nyi('an array without brackets here')
      when :HASH
        i = peek_sig
        if n[3] & 2 != 0 || !(i && @ev[i] == :on_lbrace)
          return ev(:bare_assoc_hash, assocs(n[8] || []))
        end
        take(:on_lbrace)
        h = (n[8] || []).empty? ? nil : ev(:assoclist_from_args, assocs(n[8]))
        take(:on_rbrace)
        ev(:hash, h)
      when :RANGE
        l = n[4] ? expr(n[4]) : nil
        take(:on_op, n[3] & 1 != 0 ? '...' : '..')
        r = n[5] ? expr(n[5]) : nil
        ev(n[3] & 1 != 0 ? :dot3 : :dot2, l, r)
      when :LVAR
        if captured_only?(n[9])
          ev(:vcall, take(:on_ident, n[9].to_s))
        else
          ev(:var_ref, var_leaf(n[9]))
        end
      when :IVAR, :GVAR, :CVAR, :CONST then ev(:var_ref, var_leaf(n[9]))
      when :NTH_REF, :BACK_REF then take(:on_backref)
      when :COLON2
        r = expr(n[4])
        if n[3] & 16384 != 0
          take(:on_op, '::')
          return ev(:call, r, :"::", take(:on_ident, n[9].to_s))
        end
        take(:on_op, '::')
        ev(:const_path_ref, r, take(:on_const, n[9].to_s))
      when :COLON3
        take(:on_op, '::')
        ev(:top_const_ref, take(:on_const, n[9].to_s))
      when :LASGN, :IASGN, :GASGN, :CVASGN
        t = target(n)
        take(:on_op, '=')
        ev(:assign, t, rhs(n[4]))
      when :CDECL
        t = const_field(n[4])
        take(:on_op, '=')
        ev(:assign, t, rhs(n[5]))
      when :OP_ASGN
        t = op_target(n[4])
        op = take(:on_op, "#{n[9]}=")
        ev(:opassign, t, op, rhs(n[5]))
      when :MASGN
        list = n[8] || []
        i = peek_sig
        j = i && @ev[i] == :on_lparen && list.first && ((@pos[i] <=> [list.first[1], list.first[2]]) < 0) && match_paren(i)
        k = j && peek_sig(j + 1, false)
        if k && @ev[k] == :on_op && @tx[k] == '='
          # (a, b) = v: the whole left side in parentheses
          @used[i] = true
          adv(i)
          lhs = ev(:mlhs_paren, mlhs(list))
          take(:on_rparen)
        else
          lhs = mlhs(list)
        end
        take(:on_op, '=')
        v = n[4]
        val = if v && v[0] == :ARRAY && !literal_array?(v) then mrhs(v[8] || [])
              elsif v && v[0] == :SPLAT then mrhs([v])
              else expr(v)
              end
        ev(:massign, lhs, val)
      when :CALL
        return attrasgn(n) if n[3] & 32 != 0
        call(n)
      when :SUPER
        skip_kw('super')
        if n[3] & 64 != 0 || ((i = peek_sig) && @ev[i] == :on_lparen)
          take(:on_lparen)
          c = ev(:super, paren_args(n[8]))
        else
          c = ev(:super, call_args(n[8]))
        end
        block(n[5], c)
      when :ZSUPER
        skip_kw('super')
        n[5] ? block(n[5], ev(:zsuper)) : ev(:zsuper)
      when :YIELD
        skip_kw('yield')
        args = n[8] || []
        i = peek_sig
        if i && @ev[i] == :on_lparen && @pos[i] == next_pos_after_kw
          @used[i] = true
          adv(i)
          a = args.empty? ? ev(:args_new) : call_args(args)
          take(:on_rparen)
          return ev(:yield, ev(:paren, a))
        end
        args.empty? ? ev(:yield0) : ev(:yield, call_args(args))
      when :NOT
        i = peek_sig
        if i && @ev[i] == :on_kw && @tx[i] == 'not'
          adv(i)
          j = peek_sig
          if j && @ev[j] == :on_lparen && @ev[j - 1] == :on_kw
            @used[j] = true
            adv(j)
            v = n[4] && n[4][0] == :NIL && (k = peek_sig) && @ev[k] == :on_rparen ? nil : expr(n[4])
            take(:on_rparen)
            return ev(:unary, :not, v)
          end
          return ev(:unary, :not, expr(n[4]))
        end
        take(:on_op, '!')
        ev(:unary, :!, expr(n[4]))
      when :AND, :OR
        l = expr(n[4])
        word = n[0] == :AND ? 'and' : 'or'
        sym = n[0] == :AND ? '&&' : '||'
        i = peek_sig
        op = if i && @ev[i] == :on_kw && @tx[i] == word then (adv(i); word.to_sym)
             else (take(:on_op, sym); sym.to_sym)
             end
        ev(:binary, l, op, expr(n[5]))
      when :DEFINED
        skip_kw('defined?')
        i = peek_sig
        if i && @ev[i] == :on_lparen
          @used[i] = true
          adv(i)
          v = expr(n[4])
          take(:on_rparen)
          return ev(:defined, v)
        end
        ev(:defined, expr(n[4]))
      when :IF then if_node(n)
      when :WHILE, :UNTIL then loop_node(n)
      when :FOR
        skip_kw('for')
        t = n[4][0] == :MLHS ? mlhs(n[4][8]) : target(n[4])
        skip_kw('in')
        it = expr(n[5])
        ev(:for, t, it, stmts(n[6]))
      when :CASE
        skip_kw('case')
        subj = n[4] ? expr(n[4]) : nil
        ev(:case, subj, when_chain(n[8], n[5]))
      when :CASE_IN then case_in(n)
      when :RETURN, :BREAK, :NEXT
        kw = n[0].to_s.downcase
        skip_kw(kw)
        v = args_value(n[4])
        if n[0] == :RETURN
          v ? ev(:return, v) : ev(:return0)
        else
          ev(n[0].to_s.downcase.to_sym, v || ev(:args_new))
        end
      when :REDO then (skip_kw('redo'); ev(:redo))
      when :RETRY then (skip_kw('retry'); ev(:retry))
      when :DEF
        skip_kw('def')
        nm = def_name(n[9])
        pr = def_params(n[4])
        if n[3] & 512 != 0
          take(:on_op, '=')
          body = n[5]
          b = if body && body[0] == :BEGIN && n[5][8]&.size == 1
                ev(:bodystmt, expr(body), nil, nil, nil)
              else
                ev(:bodystmt, expr(body), nil, nil, nil)
              end
          return ev(:def, nm, pr, b)
        end
        ev(:def, nm, pr, bodystmt(n[5], @def_paren))
      when :DEFS
        skip_kw('def')
        tgt = n[6]
        t = tgt[0] == :SELF ? ev(:var_ref, take(:on_kw, 'self')) : expr(tgt)
        per = (i = peek_sig) && @ev[i] == :on_op ? take(:on_op) : take(:on_period)
        nm = def_name(n[9])
        pr = def_params(n[4])
        if n[3] & 512 != 0
          take(:on_op, '=')
          return ev(:defs, t, per, nm, pr, ev(:bodystmt, expr(n[5]), nil, nil, nil))
        end
        ev(:defs, t, per, nm, pr, bodystmt(n[5], @def_paren))
      when :CLASS
        skip_kw('class')
        c = cpath(n[4])
        sup = n[5] ? (take(:on_op, '<'); expr(n[5])) : nil
        ev(:class, c, sup, bodystmt(n[6], sup.nil? && !n[5]))
      when :SCLASS
        skip_kw('class')
        take(:on_op, '<<')
        t = expr(n[4])
        ev(:sclass, t, bodystmt(n[6]))
      when :MODULE
        skip_kw('module')
        c = cpath(n[4])
        ev(:module, c, bodystmt(n[6], true))
      when :ALIAS
        skip_kw('alias')
        a = symbol_node(n[4])
        b = symbol_node(n[5])
        ev(:alias, a, b)
      when :VALIAS
        skip_kw('alias')
        a = take(name_tok(n[4][9]), n[4][9].to_s)
        b = take(name_tok(n[5][9]), n[5][9].to_s)
        ev(:var_alias, a, b)
      when :UNDEF
        skip_kw('undef')
        ev(:undef, (n[8] || []).map { |s| symbol_node(s) })
      when :LAMBDA then lambda_node(n)
      when :MATCH_ASGN
        re = expr(n[4])
        take(:on_op, '=~')
        ev(:binary, re, :=~, expr(n[5]))
      when :PREEXE, :POSTEXE
        kw = n[0] == :PREEXE ? 'BEGIN' : 'END'
        skip_kw(kw)
        take(:on_lbrace)
        s = stmts(n[4], true)
        take(:on_rbrace)
        ev(kw.to_sym, s)
      when :FLIP2, :FLIP3
        l = expr(n[4])
        take(:on_op, n[0] == :FLIP3 ? '...' : '..')
        ev(n[0] == :FLIP3 ? :dot3 : :dot2, l, expr(n[5]))
      when :PAT_MATCH
        v = expr(n[4])
        i = peek_sig
        if i && ((@ev[i] == :on_op && @tx[i] == '=>') || (@ev[i] == :on_kw && @tx[i] == 'in'))
          @used[i] = true
          adv(i)
        end
        ev(:case, v, ev(:in, pattern_top(n[5]), nil, nil))
      else nyi("the node #{n[0]}")
      end
    end

    # a local only a named capture (/(?<x>.)/ =~ s) assigns: Ripper does not know it
    SCOPES = %i[DEF DEFS CLASS MODULE SCLASS].freeze

    # a local only a named capture (/(?<x>.)/ =~ s) assigns in its scope (a def,
    # class, module or the program; blocks share it): Ripper does not know it
    def captured_only?(sym)
      scope = (@scopes ||= [@tree]).last
      @scope_info ||= {}.compare_by_identity
      info = @scope_info[scope] ||= begin
        captures = {}
        assigned = {}
        scan = lambda do |x, top|
          next unless x.is_a?(Array) && x[0].is_a?(Symbol)
          next if !top && SCOPES.include?(x[0])
          (x[8] || []).each { |c| captures[c[9]] = true if c.is_a?(Array) && c[0] == :SYM } if x[0] == :MATCH_ASGN
          # locals CRuby's Ripper does not see either: pattern rests (*r, **r) and `in {k:}` keys
          captures[x[9]] = true if x[0] == :PAT_REST && x[9]
          (x[8] || []).each { |c| captures[c[4][9]] = true if c.is_a?(Array) && c[0] == :PAIR && c[5].nil? && c[4] } if x[0] == :PAT_HASH
          assigned[x[9]] = true if %i[LASGN PARAM_REQ PARAM_OPT PARAM_REST PARAM_POST PARAM_KW PARAM_KWREST PARAM_BLOCK PARAM_LOCAL PAT_BIND].include?(x[0])
          x[4..8].each do |c|
            if c.is_a?(Array) && c[0].is_a?(Symbol) then scan.call(c, false)
            elsif c.is_a?(Array) then c.each { |y| scan.call(y, false) }
            end
          end
        end
        scan.call(scope, true)
        [captures, assigned]
      end
      return false unless info[0][sym]
      nyi("the local #{sym} assigned both where Ripper sees it and where it does not (a named capture, a pattern)") if info[1][sym]
      true
    end

    # an ARRAY node written as a literal ([...], %w...), not the values of `x = 1, 2` / `return 1, 2`
    def literal_array?(v)
      i = tok_at(v)
      return false unless i
      close = case @ev[i]
              when :on_lbracket then :on_rbracket
              when :on_qwords_beg, :on_words_beg, :on_qsymbols_beg, :on_symbols_beg then :on_tstring_end
              else return false
              end
      depth = 0
      j = i
      while j < @ev.size
        if @hd[j] == @hd[i]
          depth += 1 if @ev[j] == @ev[i] || (close == :on_rbracket && @ev[j] == :on_lbracket)
          if @ev[j] == close
            depth -= 1
            break if depth == 0
          end
        end
        j += 1
      end
      return true if j >= @ev.size
      k = j + 1
      k += 1 while k < @ev.size && SKIP.include?(@ev[k]) && @ev[k] != :on_nl
      !(k < @ev.size && @ev[k] == :on_comma)
    end

    def scoped(n)
      (@scopes ||= [@tree]) << n
      @in_scope_node = true
      expr0(n)
    ensure
      @scopes.pop
    end

    def next_pos_after_kw
      i = pos_cur
      i < @pos.size ? @pos[i] : nil
    end

    # the value of an assignment: x = 1, 2 is an mrhs; x = *a too
    def rhs(v)
      return nil if v.nil?
      if v[0] == :ARRAY && !literal_array?(v)
        return mrhs(v[8] || [])
      end
      return mrhs([v]) if v[0] == :SPLAT
      expr(v)
    end

    def op_target(t)
      case t[0]
      when :LVAR, :IVAR, :GVAR, :CVAR then ev(:var_field, take(name_tok(t[9]), t[9].to_s))
      when :CONST, :COLON2, :COLON3 then const_field(t)
      when :CALL
        recv = expr(t[4])
        if t[9] == :[]
          take(:on_lbracket)
          a = (t[8] || []).empty? ? nil : call_args(t[8])
          ev(:aref_field, recv, a)
        else
          per = period(t)
          ev(:field, recv, per, take(name_tok(t[9]) == :on_const ? :on_const : :on_ident, t[9].to_s))
        end
      else nyi("op-assignment to #{t[0]}")
      end
    end

    def attrasgn(n)
      args = n[8] || []
      val = args.last
      recv = n[4]
      if n[9] == :[]=
        r = expr(recv)
        take(:on_lbracket)
        a = args.size > 1 ? call_args(args[0...-1]) : nil
        take(:on_rbracket)
        f = ev(:aref_field, r, a)
      else
        r = expr(recv)
        per = period(n)
        f = ev(:field, r, per, take(n[9].to_s =~ /\A[A-Z]/ ? :on_const : :on_ident, n[9].to_s.chomp('=')))
      end
      take(:on_op, '=')
      ev(:assign, f, rhs(val))
    end

    def if_node(n, kw = nil)
      cond, thn, els = n[4], n[5], n[6]
      i = kw ? pos_cur - 1 : tok_at(n)
      kw ||= i && @ev[i] == :on_kw ? @tx[i] : nil
      body_node = thn || els
      kw = nil if kw != 'elsif' && body_node && cond && before?(body_node, cond)   # `if a; b; end if c`: a modifier
      if kw == 'if' || kw == 'unless' || kw == 'elsif'
        adv(i) if i >= pos_cur
        c = expr(cond)
        if kw == 'unless'
          body = stmts(els)
          e = thn ? (skip_kw('else'); ev(:else, stmts(thn, true))) : nil
          return ev(:unless, c, body, e)
        end
        body = stmts(thn)
        e = else_part(els)
        return ev(kw == 'elsif' ? :elsif : :if, c, body, e)
      end
      # modifier or ternary
      if thn && els && before?(cond, thn) && !before?(thn, cond)
        c = expr(cond)
        take(:on_op, '?')
        a = expr(thn)
        take(:on_op, ':')
        return ev(:ifop, c, a, expr(els))
      end
      if thn && els.nil?
        body = expr(thn)
        skip_kw('if')
        return ev(:if_mod, expr(cond), body)
      end
      if thn.nil? && els
        body = expr(els)
        skip_kw('unless')
        return ev(:unless_mod, expr(cond), body)
      end
      nyi('this if')
    end

    def else_part(els)
      return nil unless els
      i = peek_sig
      if els[0] == :IF && i && @ev[i] == :on_kw && @tx[i] == 'elsif'
        adv(i)
        return if_node(els, 'elsif')
      end
      skip_kw('else')
      ev(:else, stmts(els, true))
    end

    def loop_node(n)
      w = n[0] == :WHILE ? 'while' : 'until'
      i = tok_at(n)
      if i && @ev[i] == :on_kw && @tx[i] == w && !(n[5] && n[4] && before?(n[5], n[4]))
        adv(i) if i >= pos_cur
        c = expr(n[4])
        return ev(w.to_sym, c, stmts(n[5]))
      end
      body = expr(n[5])
      skip_kw(w)
      ev(:"#{w}_mod", expr(n[4]), body)
    end

    def lambda_node(n)
      take(:on_tlambda)
      i = peek_sig
      pr = nil
      if i && @ev[i] == :on_lparen
        @used[i] = true
        adv(i)
        pr = ev(:paren, n[4] ? params(n[4]) : ev(:params, nil, nil, nil, nil, nil, nil, nil))
        take(:on_rparen)
      elsif n[4]
        pr = params(n[4])
      else
        pr = ev(:params, nil, nil, nil, nil, nil, nil, nil)
      end
      i = peek_sig
      if i && (@ev[i] == :on_tlambeg || @ev[i] == :on_lbrace)
        @used[i] = true
        adv(i)
        s = stmts(n[5], true)
        take(:on_rbrace)
        ev(:lambda, pr, s)
      else
        skip_kw('do')
        ev(:lambda, pr, bodystmt(n[5], true))
      end
    end

    def case_in(n)
      skip_kw('case')
      subj = expr(n[4])
      ev(:case, subj, in_chain(n[8], n[5]))
    end

    def in_chain(list, els)
      c = list.first
      skip_kw('in')
      pat = guarded(c)
      body = stmts(c[5])
      rest = list.size > 1 ? in_chain(list[1..], els) : (els ? (skip_kw('else'); ev(:else, stmts(els, true))) : nil)
      ev(:in, pat, body, rest)
    end

    def guarded(c)
      pat = pattern_top(c[4])
      return pat unless c[6]
      kw = c[3] & 2048 != 0 ? 'unless' : 'if'
      skip_kw(kw)
      ev(kw == 'if' ? :if_mod : :unless_mod, expr(c[6]), pat)
    end

    # a top-level pattern: `in a, *b` is an array pattern without brackets
    def pattern_top(p) = pattern(p)

    def pat_rest(r)
      take(:on_op, r[0] == :PAT_REST && @tx[find(:on_op, '**') || find(:on_op, '*') || 0] == '**' ? '**' : '*') if false
      ev(:var_field, r[9] ? take(:on_ident, r[9].to_s) : nil)
    end

    def pattern(p)
      case p[0]
      when :PAT_VALUE then expr(p[4])
      when :PAT_PIN
        take(:on_op, '^')
        v = p[4]
        if %i[LVAR IVAR GVAR CVAR].include?(v[0])
          return ev(:var_ref, var_leaf(v[9]))
        end
        take(:on_lparen)
        x = expr(v)
        take(:on_rparen)
        ev(:begin, x)
      when :PAT_BIND
        if p[4]
          sub = pattern(p[4])
          take(:on_op, '=>')
          return ev(:binary, sub, :"=>", ev(:var_field, take(:on_ident, p[9].to_s)))
        end
        ev(:var_field, take(:on_ident, p[9].to_s))
      when :PAT_ALT
        l = pattern(p[4])
        take(:on_op, '|')
        ev(:binary, l, :|, pattern(p[5]))
      when :PAT_ARRAY
        const = p[4] ? expr(p[4]) : nil
        open_pat
        pre = (p[8] || []).empty? ? nil : p[8].map { |x| pattern(x) }
        rest = nil
        if p[5]
          i = peek_sig
          take(:on_op, '*') if i && @ev[i] == :on_op && @tx[i] == '*'
          rest = pat_rest(p[5])
        end
        post = p[6] && !(p[6][8] || []).empty? ? p[6][8].map { |x| pattern(x) } : nil
        close_pat
        ev(:aryptn, const, pre, rest, post)
      when :PAT_FIND
        const = p[4] ? expr(p[4]) : nil
        open_pat
        take(:on_op, '*')
        pre = pat_rest(p[5])
        mid = (p[8] || []).map { |x| pattern(x) }
        take(:on_op, '*')
        post = pat_rest(p[6])
        close_pat
        ev(:fndptn, const, pre, mid, post)
      when :PAT_HASH
        const = p[4] ? expr(p[4]) : nil
        open_pat
        pairs = (p[8] || []).map do |pr|
          k = pr[4]
          key = if tok_ev(k) == :on_label then take(:on_label)
                else
                  take(:on_tstring_beg)
                  c = string_parts(ev(:string_content), [], :string_add)
                  take(:on_label_end)
                  c
                end
          [key, pr[5] ? pattern(pr[5]) : nil]
        end
        rest = if p[3] & 4096 != 0 then (take(:on_op, '**'); take(:on_kw, 'nil'); ev(:var_field, :nil))
               elsif p[5] then (take(:on_op, '**'); pat_rest(p[5]))
               end
        close_pat
        ev(:hshptn, const, pairs.empty? ? nil : pairs, rest)
      else nyi("pattern #{p[0]}")
      end
    end

    # the bracket of an array/hash/find pattern, if written
    def open_pat
      i = peek_sig
      @pat_open ||= []
      if i && %i[on_lbracket on_lparen on_lbrace].include?(@ev[i])
        @used[i] = true
        adv(i)
        @pat_open << { on_lbracket: :on_rbracket, on_lparen: :on_rparen, on_lbrace: :on_rbrace }[@ev[i]]
      else
        @pat_open << nil
      end
    end

    def close_pat
      c = @pat_open.pop
      take(c) if c
    end
  end

  class SexpBuilder < Ripper
    attr_reader :error

    private

    PARSER_EVENTS.each do |ev|
      define_method(:"on_#{ev}") { |*args| [ev, *args] }
    end
    SCANNER_EVENTS.each do |ev|
      tag = :"@#{ev}"
      define_method(:"on_#{ev}") { |tok| [tag, tok, [lineno, column]] }
    end

    def on_error(msg)
      @error = msg
    end
    alias on_parse_error on_error
    alias compile_error on_error

    def __dedent_leaf(e, width)
      n = dedent_string(e[1], width)
      e[2][1] += n if n > 0
      e
    end

    # the nested string_add events: the last part of each level, and the level below's own first child
    def on_heredoc_dedent(val, width)
      walk = lambda do |list|
        list.map! do |e|
          if e.is_a?(Array)
            if e[0] == :@tstring_content
              __dedent_leaf(e, width)
            elsif e[0].to_s.end_with?('_add')
              e[1] = walk.call(e[1])
            end
          elsif e.is_a?(String)
            dedent_string(e, width)
          end
          e
        end
      end
      walk.call(val)
      val
    end
  end

  class SexpBuilderPP < SexpBuilder
    private

    PARSER_EVENT_TABLE.each do |ev, arity|
      s = ev.to_s
      if s.end_with?('_new') && arity == 0
        define_method(:"on_#{ev}") { [] }
      elsif s.end_with?('_add')
        define_method(:"on_#{ev}") { |list, item| list.push(item) }
      end
    end

    def on_heredoc_dedent(val, width)
      val.map! do |e|
        if e.is_a?(Array) && e[0] == :@tstring_content
          __dedent_leaf(e, width)
        elsif e.is_a?(String)
          dedent_string(e, width)
        end
        e
      end
      val
    end

    def on_mlhs_paren(list) = [:mlhs, *list]
    def on_mlhs_add_star(list, star) = list.push([:rest_param, star])
    def on_mlhs_add_post(list, post) = list.concat(post)
  end

  # CRuby's own ripper/filter.rb and sexp.rb (the pure-Ruby part of its ripper)
  # load unchanged on this Ripper: Ripper::Filter, SexpBuilder, SexpBuilderPP,
  # Ripper.sexp and Ripper.sexp_raw are then CRuby's. Loaded when found on
  # $LOAD_PATH; else the ones here stay. (Its lexer.rb loads too and lexes as
  # Ripper.lex on whole files, but it wants heredoc_dedent dispatched among the
  # scanner events, and a construct the walk does not cover would make Ripper.lex
  # raise: Ripper::Lexer stays ext/ripper.c's.)
  def self.__load_cruby_parts
    %w[filter sexp].each do |f|
      path = $LOAD_PATH.map { |d| File.join(d.to_s, "ripper/#{f}.rb") }.find { |x| File.file?(x) }
      next unless path
      if f == 'filter'
        remove_const(:Filter)
      else
        remove_const(:SexpBuilderPP)
        remove_const(:SexpBuilder)
        singleton_class.send(:remove_method, :sexp, :sexp_raw)
      end
      load path
    end
  end

  def self.sexp(src, filename = '-', lineno = 1, raise_errors: false)
    b = SexpBuilderPP.new(src, filename, lineno)
    t = b.parse
    return t unless b.error?
    raise SyntaxError, b.error if raise_errors
    nil
  end

  def self.sexp_raw(src, filename = '-', lineno = 1, raise_errors: false)
    b = SexpBuilder.new(src, filename, lineno)
    t = b.parse
    return t unless b.error?
    raise SyntaxError, b.error if raise_errors
    nil
  end
end
