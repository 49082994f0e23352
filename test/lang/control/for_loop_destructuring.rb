for a, b in [[1, 2], [3, 4]]
  puts "#{a}-#{b}"
end
for k, v in { x: 1, y: 2 }
  puts "#{k}=#{v}"
end

# expect: 1-2
# expect: 3-4
# expect: x=1
# expect: y=2
