1 + "2"
# expect error: String can't be coerced into Integer (TypeError)
