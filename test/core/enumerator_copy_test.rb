# dup of an enumerator: a fresh one copies, a started one cannot
e = [1, 2].each
d = e.dup
p d.next, e.next, d.next
begin
  e.dup
rescue TypeError => x
  p x.message
end
e.rewind
p e.dup.next
# expect: 1
# expect: 1
# expect: 2
# expect: "can't copy execution context"
# expect: 1
