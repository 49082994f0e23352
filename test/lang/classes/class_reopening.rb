class Str
  def a = "a"
end
class Str
  def b = "b"
end
s = Str.new
p [s.a, s.b]  # expect: ["a", "b"]
class Integer
  def double = self * 2
end
p 21.double  # expect: 42
