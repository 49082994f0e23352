class Base
  def run = yield(1)
end
class Child < Base
  def run
    super { |x| x + 100 }
  end
end
p Child.new.run { |x| x }  # expect: 101
