def even?(n) = n == 0 ? true : odd?(n - 1)
def odd?(n) = n == 0 ? false : even?(n - 1)
p even?(10)  # expect: true
p odd?(7)  # expect: true
