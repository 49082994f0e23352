# Kernel#Array, String, Hash and to_enum
p Array(nil), Array([1, 2]), Array(1..3), Array(a: 1), Array("str"), Array(5)
class ToA; def to_a; [:converted]; end; end
p Array(ToA.new)
class ToAry; def to_ary; [:ary]; end; end
p Array(ToAry.new)
p String(12), String(:sym), String(nil), String([1]), String("s")
class Str; def to_str; "via to_str"; end; end
p String(Str.new)
p Hash(nil), Hash([]), Hash({b: 2})
begin
  Hash([[1, 2]])
rescue TypeError => e
  p e.message
end
begin
  Hash(3)
rescue TypeError => e
  p e.message
end
e = [1, 2, 3].to_enum
p e.class, e.to_a
e2 = [1, 2, 3].enum_for(:each_slice, 2)
p e2.to_a
p "ab".to_enum(:each_char).to_a

# expect: []
# expect: [1, 2]
# expect: [1, 2, 3]
# expect: [[:a, 1]]
# expect: ["str"]
# expect: [5]
# expect: [:converted]
# expect: [:ary]
# expect: "12"
# expect: "sym"
# expect: ""
# expect: "[1]"
# expect: "s"
# expect: "via to_str"
# expect: {}
# expect: {}
# expect: {:b=>2}
# expect: "can't convert Array into Hash"
# expect: "can't convert Integer into Hash"
# expect: Enumerator
# expect: [1, 2, 3]
# expect: [[1, 2], [3]]
# expect: ["a", "b"]
