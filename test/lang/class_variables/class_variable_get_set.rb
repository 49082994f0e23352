class Cfg; end
Cfg.class_variable_set(:@@mode, :fast)
p Cfg.class_variable_get(:@@mode)  # expect: :fast
p Cfg.class_variables  # expect: [:@@mode]
p Cfg.class_variable_defined?(:@@mode)  # expect: true
