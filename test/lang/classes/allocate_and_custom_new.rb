class Widget
  def self.new(*args)
    obj = super
    obj.instance_variable_set(:@made_by, :custom_new)
    obj
  end
  def initialize(n) = @n = n
  attr_reader :n, :made_by
end
w = Widget.new(5)
p [w.n, w.made_by]  # expect: [5, :custom_new]
