puts "puts", 1, [2, [3]], nil
print "print", 1, nil, "\n"
p "p", 1
x = p
p x
r = p 5
p r

# expect: puts
# expect: 1
# expect: 2
# expect: 3
# expect:
# expect: print1
# expect: "p"
# expect: 1
# expect: nil
# expect: 5
# expect: 5
