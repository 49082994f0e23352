# observer.rb: add_observer with a method name, notify_observers, changed
require "observer"
class Tick
  include Observable
  def tick(n)
    changed
    notify_observers(:tick, n)
  end
end
class W
  def update(*a) = p(a)
end
t = Tick.new
w = W.new
t.add_observer(w)
t.tick(1)
p t.count_observers
t.add_observer(proc { |*a| p [:proc, *a] }, :call)
t.tick(2)
t.delete_observer(w)
t.tick(3)
p t.changed?

# expect: [:tick, 1]
# expect: 1
# expect: [:tick, 2]
# expect: [:proc, :tick, 2]
# expect: [:proc, :tick, 3]
# expect: false
