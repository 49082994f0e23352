class Dyn
  def respond_to_missing?(name, include_private = false)
    name.to_s.start_with?("dyn_") || super
  end
  def method_missing(name, *args)
    name.to_s.start_with?("dyn_") ? name : super
  end
end
d = Dyn.new
p d.respond_to?(:dyn_a)  # expect: true
p d.respond_to?(:other)  # expect: false
p d.dyn_b  # expect: :dyn_b
p d.method(:dyn_c).call  # expect: :dyn_c
