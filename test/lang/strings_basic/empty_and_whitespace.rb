p "".empty?  # expect: true
p " ".empty?  # expect: false
p "".length  # expect: 0
puts ""  # expect:
puts  # expect:
p [].join  # expect: ""
p "a" "" "b"  # expect: "ab"
