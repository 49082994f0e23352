class Dyn
  [:alpha, :beta].each_with_index do |name, i|
    define_method(name) { |x = 0| "#{name}:#{i + x}" }
  end
  define_method(:with_kw) { |a, k: 1| a * k }
end
d = Dyn.new
p d.alpha  # expect: "alpha:0"
p d.beta(10)  # expect: "beta:11"
p d.with_kw(3, k: 4)  # expect: 12
