def pair(a, b)
  a + b
end
s = pair(<<~A, <<~B)
  from a
A
  from b
B
print s

# expect: from a
# expect: from b
