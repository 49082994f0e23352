# BigDecimal through json/add/bigdecimal and YAML (both use _dump/_load)
require 'bigdecimal'
require 'json'
require 'json/add/bigdecimal'
x = BigDecimal("3.14159")
s = x.to_json
puts s
p JSON.parse(s, create_additions: true)
p JSON.generate([BigDecimal("1.5")]) rescue p $!
require 'yaml'
y = YAML.dump(x)
puts y
p YAML.unsafe_load(y) rescue p $!
p YAML.load("--- !ruby/object:BigDecimal 18:0.15e1\n", permitted_classes: [BigDecimal]) rescue p $!
# expect: {"json_class":"BigDecimal","b":"18:0.314159e1"}
# expect: 0.314159e1
# expect: "[{\"json_class\":\"BigDecimal\",\"b\":\"18:0.15e1\"}]"
# expect: --- !ruby/object:BigDecimal 18:0.314159e1
# expect: 0.314159e1
# expect: 0.15e1
