p Object.ancestors.include?(Kernel)  # expect: true
p Class.superclass  # expect: Module
p Module.superclass  # expect: Object
p BasicObject.superclass  # expect: nil
