# NilClass, TrueClass, FalseClass
p nil.to_s, nil.to_a, nil.to_h, nil.to_i, nil.to_f, nil.inspect
p nil.to_s.frozen?, nil.to_s.equal?(nil.to_s)
p nil & true, nil | 1, nil | nil, nil ^ 1, nil ^ nil
p true & 1, true & nil, true | nil, true ^ true, true ^ nil
p false & true, false | 3, false ^ false, false ^ :x
p true.to_s, false.to_s, true.inspect, false.inspect, true.to_s.frozen?
p !true, !false, !nil, true == true, false != true
p nil.nil?, false.nil?, true === true, false === false
p NilClass, nil.class, true.class.ancestors.include?(Comparable)
begin
  NilClass.new
rescue NoMethodError => e
  p e.class
end
p "#{nil}|#{true}|#{false}"

# expect: ""
# expect: []
# expect: {}
# expect: 0
# expect: 0.0
# expect: "nil"
# expect: true
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: "true"
# expect: "false"
# expect: "true"
# expect: "false"
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: NilClass
# expect: NilClass
# expect: false
# expect: NoMethodError
# expect: "|true|false"
