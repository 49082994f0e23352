class Factory
  def self.build = new_instance
  def self.new_instance = :built
  private_class_method :new_instance
end
p Factory.build  # expect: :built
begin
  Factory.new_instance
rescue NoMethodError
  puts "private class method"  # expect: private class method
end
