def with_ensure
  return :returned
ensure
  puts "ensure ran"  # expect: ensure ran
end
p with_ensure  # expect: :returned
