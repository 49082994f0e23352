# error: class/module name must be CONSTANT
class foo; end
