case [nil, 2]
in [nil, _]
  puts "starts with nil"  # expect: starts with nil
end
case { x: nil }
in { x: nil }
  puts "nil value matched"  # expect: nil value matched
end
