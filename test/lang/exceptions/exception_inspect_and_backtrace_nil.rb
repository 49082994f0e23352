e = RuntimeError.new("msg")
p e.message  # expect: "msg"
p e.inspect  # expect: "#<RuntimeError: msg>"
p e.backtrace  # expect: nil
p ArgumentError.new.inspect  # expect: "#<ArgumentError: ArgumentError>"
