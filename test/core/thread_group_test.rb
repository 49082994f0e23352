# ThreadGroup: Default, add, list, Thread#group
p ThreadGroup::Default.class, Thread.current.group == ThreadGroup::Default, ThreadGroup::Default.list.size
g = ThreadGroup.new
t = Thread.new { sleep }
g.add(t)
p t.group == g, g.list == [t], ThreadGroup::Default.list.include?(t)
t.kill; t.join
p g.list, g.enclosed?
t2 = Thread.new { Thread.current.group }
p t2.value == ThreadGroup::Default
# expect: ThreadGroup
# expect: true
# expect: 1
# expect: true
# expect: true
# expect: false
# expect: []
# expect: false
# expect: true
