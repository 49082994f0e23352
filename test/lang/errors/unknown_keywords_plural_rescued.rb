def kw(a: 1); end
begin
  kw(b: 1, c: 2)
rescue ArgumentError => e
  puts e.message  # expect: unknown keywords: :b, :c
end
