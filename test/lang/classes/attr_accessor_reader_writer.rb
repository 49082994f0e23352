class Person
  attr_accessor :name
  attr_reader :age
  attr_writer :secret
  def initialize(name, age)
    @name, @age = name, age
  end
  def reveal = @secret
end
pr = Person.new("Ann", 30)
pr.name = "Bea"
pr.secret = "s3"
p pr.name  # expect: "Bea"
p pr.age  # expect: 30
p pr.reveal  # expect: "s3"
p pr.respond_to?(:age=)  # expect: false
p pr.respond_to?(:secret)  # expect: false
