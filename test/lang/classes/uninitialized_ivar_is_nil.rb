class Lazy
  def peek = @never_set
end
p Lazy.new.peek  # expect: nil
