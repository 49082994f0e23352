class Parent
  def inherited_m = :from_parent
end
class Child < Parent
  undef_method :inherited_m
end
p Parent.new.inherited_m  # expect: :from_parent
begin
  Child.new.inherited_m
rescue NoMethodError => e
  p e.name  # expect: :inherited_m
end
