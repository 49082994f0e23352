class Spy
  def deconstruct_keys(keys)
    p keys
    { a: 1, b: 2 }
  end
end
case Spy.new
in { a:, b: }
  p [a, b]
end
case Spy.new
in { a:, **rest }
  p rest
end

# expect: [:a, :b]
# expect: [1, 2]
# expect: nil
# expect: {:b=>2}
