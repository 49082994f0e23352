def m
  defined?(yield)
end
p m  # expect: nil
p m { }  # expect: "yield"
class A; def f; defined?(super); end; end
class B < A; def f; defined?(super); end; end
p A.new.f  # expect: nil
p B.new.f  # expect: "super"
