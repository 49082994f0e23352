# abort_on_exception: an exception that ends a thread is raised in the main thread
Thread.abort_on_exception = true
t = Thread.new { raise IndexError, "from worker" }
puts "main waits"
sleep
puts "not reached"
# expect: main waits
# expect error: from worker (IndexError)
