module NoNew; end
p NoNew.respond_to?(:new)  # expect: false
p NoNew.class  # expect: Module
p NoNew.is_a?(Class)  # expect: false
