# fingerprint.rb -- print a structural fingerprint of CRuby's AST for a file:
# one line per call / local read / literal, tagged with the name of the
# nearest enclosing call. test/parse/fingerprint.c prints the same for
# maglev's parser; `diff` of the sorted outputs shows misparses.
CALLS = %i[CALL FCALL VCALL OPCALL QCALL ATTRASGN]
SCOPES = %i[DEFN DEFS CLASS MODULE SCLASS]
def hex(s) = s.b.unpack1('H*')
def lit(v, parent, out)
  case v
  when Integer then out << "l:#{v}^#{parent}"
  when Symbol then out << "l::#{v}^#{parent}"
  when Float then out << "l:f^#{parent}"
  when String then out << "s:#{hex(v)}^#{parent}"
  when Array then v.each { |x| lit(x, parent, out) }
  when Hash then v.each { |k, x| lit(k, parent, out); lit(x, parent, out) }
  when Regexp then out << "l:re^#{parent}"
  end
end
def walk(n, parent, out, ctx = nil)
  return unless n.is_a?(RubyVM::AbstractSyntaxTree::Node)
  t = n.type
  c = n.children
  case t
  when :ITER
    call = c[0]
    if call.is_a?(RubyVM::AbstractSyntaxTree::Node) && CALLS.include?(call.type)
      name = call.type == :FCALL || call.type == :VCALL ? call.children[0] : call.children[1]
      out << "c:#{name}^#{parent}"
      call.children.each { |x| walk(x, name, out) }
      walk(c[1], name, out)
    else
      c.each { |x| walk(x, parent, out) }
    end
    return
  when *CALLS
    name = (t == :FCALL || t == :VCALL) ? c[0] : c[1]
    if name == :=~ && (c[0]&.type == :DREGX || (c[0]&.type == :LIT && c[0].children[0].is_a?(Regexp)))
      c.each { |x| walk(x, parent, out) }
      return
    end
    out << "c:#{name}^#{parent}"
    c.each { |x| walk(x, name, out) }
    return
  when :LASGN, :DASGN, :DASGN_CURR, :IASGN, :GASGN, :CVASGN
    out << "a:#{c[0]}^#{parent}" unless c[0].to_s.empty? || ctx == :args
    walk(c[1], parent, out)
    return
  when :CDECL
    out << "a:#{c[0].is_a?(Symbol) ? c[0] : "::"}^#{parent}"
    c[1..].each { |x| walk(x, parent, out) }
    return
  when :CONST
    out << "k:#{c[0]}^#{parent}"
    return
  when :DEFN, :DEFS
    out << "d:#{t == :DEFN ? c[0] : c[1]}^#{parent}"
    c.each { |x| walk(x, "", out) }
    return
  when :MATCH2, :MATCH3
    c.each { |x| walk(x, parent, out) }
    return
  when :LVAR, :DVAR
    out << "v:#{c[0]}^#{parent}" if c[0] && !c[0].to_s.empty? && c[0].to_s !~ /\A[*&]|\A\.\.\.\z/
    return
  when :LIT
    v = c[0]
    s = case v
        when Integer then v.to_s
        when Symbol then ":#{v}"
        when Float then "f"
        when Regexp then "re"
        when String, Array, Hash then (lit(v, parent, out); return)
        when Range then (v.begin.is_a?(Integer) ? "#{v.begin}#{v.exclude_end? ? '...' : '..'}#{v.end}" : "range")
        else v.class.to_s
        end
    out << "l:#{s}^#{parent}"
    return
  when :STR
    out << "s:#{hex(c[0])}^#{parent}" unless ctx == :dstr
    return
  when :DSTR, :DSYM, :DXSTR, :DREGX
    c.each { |x| walk(x, parent, out, :dstr) }
    return
  when :OP_ASGN1, :OP_ASGN2
    c.each { |x| walk(x, parent, out) unless x.is_a?(Symbol) }
    return
  when :ARGS
    c.each { |x| walk(x, parent, out, :args) unless x.is_a?(RubyVM::AbstractSyntaxTree::Node) && %i[LVAR DVAR].include?(x.type) }
    return
  when *SCOPES
    c.each { |x| walk(x, "", out) }
    return
  end
  c.each { |x| walk(x, parent, out, (ctx == :dstr && t == :LIST) ? :dstr : (ctx == :args && %i[OPT_ARG KW_ARG].include?(t)) ? :args : nil) }
end
ARGV.each do |f|
  ast = RubyVM::AbstractSyntaxTree.parse_file(f) rescue next
  out = []
  walk(ast, "", out)
  puts out.sort
end
