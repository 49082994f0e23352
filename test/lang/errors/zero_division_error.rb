def divide(a, b) = a / b
divide(10, 0)
# expect error: divided by 0 (ZeroDivisionError)
