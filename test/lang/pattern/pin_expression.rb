base = 10
case 11
in ^(base + 1)
  puts "pinned expression"  # expect: pinned expression
end
