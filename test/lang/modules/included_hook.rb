module Tracked
  def self.included(base)
    puts "included in #{base}"  # expect: included in T1
  end
  def self.extended(obj)
    puts "extended #{obj.class}"  # expect: extended Object
  end
end
class T1
  include Tracked
end
Object.new.extend(Tracked)
