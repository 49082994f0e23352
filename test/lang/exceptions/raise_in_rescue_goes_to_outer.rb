begin
  begin
    raise "a"
  rescue
    raise "b"
  end
rescue => e
  p e.message  # expect: "b"
end
