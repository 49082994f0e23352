module Reg; end
Reg.const_set(:ANSWER, 42)
p Reg::ANSWER  # expect: 42
p Reg.const_get(:ANSWER)  # expect: 42
p Object.const_get("Reg::ANSWER")  # expect: 42
p Reg.const_defined?(:ANSWER)  # expect: true
p Reg.const_defined?(:NOPE)  # expect: false
