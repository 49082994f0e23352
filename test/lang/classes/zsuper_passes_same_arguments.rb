class Base
  def info(a, b = 2, *rest, k: 0)
    [a, b, rest, k]
  end
end
class Child < Base
  def info(a, b = 5, *rest, k: 1)
    super
  end
end
p Child.new.info(1)  # expect: [1, 5, [], 1]
p Child.new.info(1, 2, 3, k: 4)  # expect: [1, 2, [3], 4]
