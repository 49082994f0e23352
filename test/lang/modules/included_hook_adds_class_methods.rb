module Plugin
  def self.included(base)
    base.extend(ClassMethods)
  end
  module ClassMethods
    def plugin_name = "plugin for #{name}"
  end
end
class Host
  include Plugin
end
p Host.plugin_name  # expect: "plugin for Host"
