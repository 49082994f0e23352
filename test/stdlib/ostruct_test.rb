# ostruct.rb: accessors, [] / []=, to_h, delete_field, ==, inspect
require "ostruct"
o = OpenStruct.new(name: "x", age: 3)
p o.name, o.age, o[:name], o["age"]
o.email = "e@x"
p o.email, o.respond_to?(:email), o.to_h
p o
o[:zip] = 1
p o.zip, o.dig(:zip)
o.delete_field(:zip)
p o.zip
p o == OpenStruct.new(name: "x", age: 3, email: "e@x")
p o.each_pair.to_a

# expect: "x"
# expect: 3
# expect: "x"
# expect: 3
# expect: "e@x"
# expect: true
# expect: {:name=>"x", :age=>3, :email=>"e@x"}
# expect: #<OpenStruct name="x", age=3, email="e@x">
# expect: 1
# expect: 1
# expect: nil
# expect: true
# expect: [[:name, "x"], [:age, 3], [:email, "e@x"]]
