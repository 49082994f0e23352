class Gadget; end
p Object.const_get(:Gadget) == Gadget  # expect: true
g = Gadget
p g.new.class  # expect: Gadget
p defined?(Gadget)  # expect: "constant"
