def process(x)
  r = 10 / x
rescue ZeroDivisionError => e
  puts "rescued #{e.message}"
  :error
else
  puts "else #{r}"
  :ok
ensure
  puts "ensure"
end
p process(2)
p process(0)

# expect: else 5
# expect: ensure
# expect: :ok
# expect: rescued divided by 0
# expect: ensure
# expect: :error
