class Thing
  def to_s = "a thing"
end
puts "#{Thing.new}"  # expect: a thing
puts "#{nil}|#{true}|#{1.5}|#{:sym}|#{[1, "a"]}|#{{ k: 1 }}"  # expect: |true|1.5|sym|[1, "a"]|{:k=>1}
