begin
  begin
    raise "original"
  ensure
    raise "from ensure"
  end
rescue => e
  p e.message  # expect: "from ensure"
end
