def connect(host:, port:)
  "#{host}:#{port}"
end
p connect(host: "x", port: 1)  # expect: "x:1"
p connect(port: 2, host: "y")  # expect: "y:2"
