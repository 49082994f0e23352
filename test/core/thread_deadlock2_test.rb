# fatal from a deadlock can be rescued as an Exception
q = Queue.new
begin
  q.pop
rescue Exception => e
  p e.class.to_s, e.message.lines.first.chomp
end
# expect: "fatal"
# expect: "No live threads left. Deadlock?"
