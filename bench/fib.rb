# fib: naive doubly-recursive Fibonacci.
# Measures method call and return, argument passing, Integer < + -.
def fib(n)
  if n < 2
    n
  else
    fib(n - 1) + fib(n - 2)
  end
end

N = 36
x = fib(N)
raise "bad result: #{x}" unless x == 14930352
puts "fib #{N} = #{x}"
