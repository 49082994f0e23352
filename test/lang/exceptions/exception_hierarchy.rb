p ZeroDivisionError.ancestors.take(4)  # expect: [ZeroDivisionError, StandardError, Exception, Object]
p NoMethodError.superclass  # expect: NameError
p KeyError.superclass  # expect: IndexError
p StopIteration.superclass  # expect: IndexError
p RuntimeError.superclass  # expect: StandardError
