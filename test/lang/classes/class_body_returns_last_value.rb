r = class Foo
  42
end
p r  # expect: 42
r = class Foo
  def bar; end
end
p r  # expect: :bar
