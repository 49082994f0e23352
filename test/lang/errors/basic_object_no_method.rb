# A receiver without inspect (a BasicObject) is described by its class and
# address in a NoMethodError message (asking it for inspect would raise again).
class Bare < BasicObject; end
class Shown < BasicObject
  def inspect = "shown"
end
class Passes < BasicObject
  def method_missing(name, *args) = super
end
[BasicObject.new, Bare.new, Shown.new, Passes.new].each do |o|
  begin
    o.nothing_here
  rescue NoMethodError => e
    puts e.message.lines.first.chomp.sub(/0x\h+/, "0x...")   # (error_highlight adds lines)
    p e.name
  end
end
# expect: undefined method `nothing_here' for #<BasicObject:0x...>
# expect: :nothing_here
# expect: undefined method `nothing_here' for #<Bare:0x...>
# expect: :nothing_here
# expect: undefined method `nothing_here' for shown:Shown
# expect: :nothing_here
# expect: undefined method `nothing_here' for #<Passes:0x...>
# expect: :nothing_here
