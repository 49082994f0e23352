class A1; def who = "A1"; end
class B1 < A1; end
class C1 < B1; end
p C1.new.who  # expect: "A1"
p C1.ancestors.take(3)  # expect: [C1, B1, A1]
p C1.instance_method(:who).owner  # expect: A1
