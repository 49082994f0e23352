def kw(name:, age:); end
begin
  kw
rescue ArgumentError => e
  puts e.message  # expect: missing keywords: :name, :age
end
