class Counter
  @@count = 0
  def initialize = @@count += 1
  def self.count = @@count
end
3.times { Counter.new }
p Counter.count  # expect: 3
