# Timeout.timeout: the block's value, Timeout::Error after the time (and a
# custom class and message), nesting, nil/0 meaning no limit
require "timeout"
p Timeout.timeout(1) { :done }
begin
  Timeout.timeout(0.05) { sleep 5 }
rescue Timeout::Error => e
  p e.class, e.message, e.is_a?(RuntimeError)
end
class MyTimeout < StandardError; end
begin
  Timeout.timeout(0.05, MyTimeout, "too slow") { sleep 5 }
rescue MyTimeout => e
  p e.class, e.message
end
p Timeout.timeout(nil) { 1 + 1 }, Timeout.timeout(0) { 2 + 2 }
r = Timeout.timeout(2) { Timeout.timeout(1) { :inner } }
p r
begin
  Timeout.timeout(0.05) { Timeout.timeout(2) { sleep 5 } }
rescue Timeout::Error => e
  p :outer_fired
end
p Timeout::Error.ancestors.include?(RuntimeError)
# expect: :done
# expect: Timeout::Error
# expect: "execution expired"
# expect: true
# expect: MyTimeout
# expect: "too slow"
# expect: 2
# expect: 4
# expect: :inner
# expect: :outer_fired
# expect: true
