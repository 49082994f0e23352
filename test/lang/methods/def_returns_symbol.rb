r = def foo; end
p r  # expect: :foo
