# Helper of the core differential sweep: t(src) evals src and prints "src => inspect"
# or "src !! Class: message"; DUMP=1 prints the calls instead (for bisecting a crash)
$stdout.sync = true
$n = 0
def show(v)
  case v
  when Float then v.nan? ? "NaN" : v.inspect
  when Enumerator::Lazy then "#<Lazy>"
  when Enumerator then "#<Enum size=#{(v.size rescue 'err').inspect}>"
  else v.inspect
  end
rescue Exception => e
  "inspect-raised #{e.class}"
end
def t(src)
  $n += 1
  return puts("t #{src.inspect}") if ENV['DUMP']
  r = begin
    v = eval(src, TOPLEVEL_BINDING)
    "=> " + show(v)
  rescue Exception => e
    m = e.message.to_s.split("\n").first.to_s
    m = m.sub(/ for #<.*?>/, " for #<obj>").gsub(/0x[0-9a-f]+/, "0x")
    "!! #{e.class}: #{m}"
  end
  puts "#{src} #{r}"
end
