[nil, false, 0, "", [], {}, :sym].each do |v|
  puts "#{v.inspect} is #{v ? "truthy" : "falsy"}"
end

# expect: nil is falsy
# expect: false is falsy
# expect: 0 is truthy
# expect: "" is truthy
# expect: [] is truthy
# expect: {} is truthy
# expect: :sym is truthy
