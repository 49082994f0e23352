begin
  begin
    raise "first"
  rescue => e
    raise ArgumentError, "second"
  end
rescue => e
  p e.message  # expect: "second"
  p e.cause.message  # expect: "first"
end
