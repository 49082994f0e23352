begin
  raise ArgumentError, "bad arg"
ensure
  puts "cleanup"  # expect: cleanup
end
# expect error: bad arg (ArgumentError)
