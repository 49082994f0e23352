# An uncaught exception whose backtrace is empty is reported at the script,
# as CRuby's error printer does ("script: message (Class)")
e = RuntimeError.new("no frames")
e.set_backtrace([])
raise e
# expect error: uncaught_without_backtrace.rb: no frames (RuntimeError)
