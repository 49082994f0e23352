p 1 / 0
# expect error: divided by 0 (ZeroDivisionError)
