def overriding
  return 1
ensure
  return 2
end
p overriding  # expect: 2
def swallow
  raise "lost"
ensure
  return :swallowed
end
p swallow  # expect: :swallowed
