class Bag; end
b = Bag.new
b.instance_variable_set(:@apples, 3)
p b.instance_variable_get(:@apples)  # expect: 3
p b.instance_variable_get(:@pears)  # expect: nil
p b.instance_variables  # expect: [:@apples]
p b.instance_variable_defined?(:@apples)  # expect: true
