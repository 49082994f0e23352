err = IndexError.new("custom index")
begin
  raise err
rescue IndexError => e
  p e.equal?(err)  # expect: true
  p e.message  # expect: "custom index"
end
