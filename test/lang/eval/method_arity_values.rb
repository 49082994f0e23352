def a0; end
def a1(x); end
def a2(x, y = 1); end
def a3(*r); end
def a4(x, k:); end
def a5(x, k: 1); end
def a6(**kw); end
p [method(:a0).arity, method(:a1).arity, method(:a2).arity, method(:a3).arity]  # expect: [0, 1, -2, -1]
p [method(:a4).arity, method(:a5).arity, method(:a6).arity]  # expect: [2, -2, -1]
