class Box
  def initialize = @v = 7
end
p Box.new.instance_eval("@v * 6")  # expect: 42
