"key=value" =~ /(\w+)=(\w+)/
p $~[0]  # expect: "key=value"
p $1  # expect: "key"
p $2  # expect: "value"
"none" =~ /zzz/
p $1  # expect: nil
