# Exception#full_message formatting (highlight and order)
def fm(e, **kw)
  e.set_backtrace(["f.rb:1:in `a'", "f.rb:2:in `b'"]) unless e.backtrace
  p e.full_message(highlight: false, **kw)
end
fm RuntimeError.new("boom")
fm RuntimeError.new("")
fm TypeError.new("")
fm ArgumentError.new("line1\nline2")
fm ArgumentError.new("line1\nline2\n")
fm RuntimeError.new("a\n")
fm RuntimeError.new("boom"), order: :bottom
fm RuntimeError.new("two\nlines"), order: :top
fm Class.new(StandardError).new("anon")
e = RuntimeError.new("hl")
e.set_backtrace(["x.rb:3"])
p e.full_message(highlight: true)
e = RuntimeError.new("m1\nm2")
e.set_backtrace(["x.rb:3", "x.rb:4"])
p e.full_message(highlight: true)
p e.full_message(highlight: true, order: :bottom)
e = RuntimeError.new("")
e.set_backtrace(["x.rb:3"])
p e.full_message(highlight: true)
begin
  e.full_message(order: :middle)
rescue ArgumentError => ae
  p ae.message
end
begin
  e.full_message(highlight: 1)
rescue ArgumentError => ae
  p ae.message
end
begin
  e.full_message(bogus: 1)
rescue ArgumentError => ae
  p ae.message
end
outer = nil
begin
  begin
    raise "inner"
  rescue
    raise TypeError, "outer"
  end
rescue => err
  outer = err
end
outer.set_backtrace(["o.rb:1", "o.rb:2"])
outer.cause.set_backtrace(["i.rb:1", "i.rb:2"])
p outer.full_message(highlight: false)
p outer.full_message(highlight: false, order: :bottom)

# expect: "f.rb:1:in `a': boom (RuntimeError)\n\tfrom f.rb:2:in `b'\n"
# expect: "f.rb:1:in `a': unhandled exception\n\tfrom f.rb:2:in `b'\n"
# expect: "f.rb:1:in `a': TypeError\n\tfrom f.rb:2:in `b'\n"
# expect: "f.rb:1:in `a': line1 (ArgumentError)\nline2\n\tfrom f.rb:2:in `b'\n"
# expect: "f.rb:1:in `a': line1 (ArgumentError)\nline2\n\tfrom f.rb:2:in `b'\n"
# expect: "f.rb:1:in `a': a (RuntimeError)\n\tfrom f.rb:2:in `b'\n"
# expect: "Traceback (most recent call last):\n\t1: from f.rb:2:in `b'\nf.rb:1:in `a': boom (RuntimeError)\n"
# expect: "f.rb:1:in `a': two (RuntimeError)\nlines\n\tfrom f.rb:2:in `b'\n"
# expect: "f.rb:1:in `a': anon\n\tfrom f.rb:2:in `b'\n"
# expect: "x.rb:3: \e[1mhl (\e[1;4mRuntimeError\e[m\e[1m)\e[m\n"
# expect: "x.rb:3: \e[1mm1 (\e[1;4mRuntimeError\e[m\e[1m)\e[m\n\e[1mm2\e[m\n\tfrom x.rb:4\n"
# expect: "\e[1mTraceback\e[m (most recent call last):\n\t1: from x.rb:4\nx.rb:3: \e[1mm1 (\e[1;4mRuntimeError\e[m\e[1m)\e[m\n\e[1mm2\e[m\n"
# expect: "x.rb:3: \e[1;4munhandled exception\e[m\n"
# expect: "expected :top or :bottom as order: :middle"
# expect: "expected true or false as highlight: 1"
# expect: "unknown keyword: :bogus"
# expect: "o.rb:1: outer (TypeError)\n\tfrom o.rb:2\ni.rb:1: inner (RuntimeError)\n\tfrom i.rb:2\n"
# expect: "Traceback (most recent call last):\n\t1: from i.rb:2\ni.rb:1: inner (RuntimeError)\n\t1: from o.rb:2\no.rb:1: outer (TypeError)\n"
