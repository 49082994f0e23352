# CRuby 3.1 has no Data constant (3.0 removed it; 3.2 brings a new one), so
# a program may define its own
p defined?(Data)                       # expect: nil
p Object.const_defined?(:Data)         # expect: false
module Data
  def self.load = :mine
end
p Data.load, Data.class                # expect: :mine
# expect: Module
