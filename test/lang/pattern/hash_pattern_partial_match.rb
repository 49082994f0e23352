case { status: "ok", data: [1, 2] }
in { status: "ok" }
  puts "partial match ok"  # expect: partial match ok
end
