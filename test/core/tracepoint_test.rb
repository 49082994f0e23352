# TracePoint: :call/:return, :c_call/:c_return, :b_call/:b_return,
# :class/:end, :raise; enable with and without a block, TracePoint.trace,
# access from outside, unknown events
class Shape
  def area(w, h) = w * h
  def areas = [[1, 2], [3, 4]].map { |w, h| area(w, h) }
end
log = []
tp = TracePoint.new(:call, :return, :b_call, :b_return, :class, :end) do |t|
  next unless t.path == __FILE__
  log << case t.event
         when :call then [:call, t.method_id, t.defined_class, t.self.class, t.lineno]
         when :return then [:return, t.method_id, t.return_value]
         when :b_call then [:b_call, t.lineno]
         when :b_return then [:b_return, t.return_value]
         else [t.event, t.self, t.lineno]
         end
end
p tp.enabled?
r = tp.enable { Shape.new.areas }
p r, tp.enabled?
class Shape; end
tp.enable
module Tagged; end
tp.disable
module Untraced; end
log.each { |e| p e }
c = []
tp2 = TracePoint.new(:c_call, :c_return) { |t| c << [t.event, t.method_id, t.defined_class] if t.path == __FILE__ && [:size, :upcase, :+].include?(t.method_id) }
tp2.enable { [1, 2].size; "ab".upcase; 1 + 2 }
c.each { |e| p e }
raised = []
TracePoint.new(:raise) { |t| raised << [t.raised_exception.class, t.raised_exception.message] }.enable do
  begin; Integer("zz"); rescue ArgumentError; end
  begin; raise KeyError, "k"; rescue KeyError; end
end
p raised
t3 = TracePoint.trace(:class) { |t| p [:traced, t.self] }
class Later; end
t3.disable
class NotLater; end
begin; tp.event; rescue RuntimeError => e; puts e.message; end
begin; TracePoint.new(:nope) { }; rescue ArgumentError => e; puts e.message; end
begin; TracePoint.new(:call); rescue ArgumentError => e; puts e.message; end
p TracePoint.new(:call) { }.enable, TracePoint.new(:return) { }.disable
# expect: false
# expect: [2, 12]
# expect: false
# expect: [:b_call, 20]
# expect: [:call, :areas, Shape, Shape, 6]
# expect: [:b_call, 6]
# expect: [:call, :area, Shape, Shape, 5]
# expect: [:return, :area, 2]
# expect: [:b_return, 2]
# expect: [:b_call, 6]
# expect: [:call, :area, Shape, Shape, 5]
# expect: [:return, :area, 12]
# expect: [:b_return, 12]
# expect: [:return, :areas, [2, 12]]
# expect: [:b_return, [2, 12]]
# expect: [:class, Tagged, 24]
# expect: [:end, Tagged, 24]
# expect: [:c_call, :size, Array]
# expect: [:c_return, :size, Array]
# expect: [:c_call, :upcase, String]
# expect: [:c_return, :upcase, String]
# expect: [:c_call, :+, Integer]
# expect: [:c_return, :+, Integer]
# expect: [[ArgumentError, "invalid value for Integer(): \"zz\""], [KeyError, "k"]]
# expect: [:traced, Later]
# expect: access from outside
# expect: unknown event: nope
# expect: must be called with a block
# expect: false
# expect: false
