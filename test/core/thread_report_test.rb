# report_on_exception (default true) prints the report on stderr; join re-raises
t = Thread.new { raise ArgumentError, "from the thread" }
t.join
# expect error: terminated with exception (report_on_exception is true):
# expect error: from the thread (ArgumentError)
