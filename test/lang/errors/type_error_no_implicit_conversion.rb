"a" + 1
# expect error: no implicit conversion of Integer into String (TypeError)
