begin
  Missing::Thing
rescue NameError => e
  p e.class  # expect: NameError
  p e.name  # expect: :Missing
end
