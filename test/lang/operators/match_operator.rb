p "hello" =~ /ll/  # expect: 2
p "hello" =~ /z/  # expect: nil
p /(\d+)/ =~ "abc 123"  # expect: 4
p $~[1]  # expect: "123"
p "hello" !~ /z/  # expect: true
