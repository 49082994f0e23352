# singleton.rb: instance, new is private, dup raises
require "singleton"
class Conf
  include Singleton
  attr_accessor :v
end
a = Conf.instance
a.v = 3
p Conf.instance.v, Conf.instance.equal?(a)
begin
  Conf.new
rescue NoMethodError => e
  p e.class
end
begin
  a.dup
rescue TypeError => e
  p e.message
end

# expect: 3
# expect: true
# expect: NoMethodError
# expect: "can't dup instance of singleton Conf"
