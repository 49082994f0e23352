puts "partial output"  # expect: partial output
raise "fatal problem"
# expect error: fatal problem (RuntimeError)
