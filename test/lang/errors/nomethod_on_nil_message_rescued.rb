begin
  nil.upcase
rescue NoMethodError => e
  p e.class  # expect: NoMethodError
  p e.name  # expect: :upcase
  p e.receiver  # expect: nil
end
