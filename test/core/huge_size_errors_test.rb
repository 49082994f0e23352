# Sizes past what can be allocated: NoMemoryError when the size fits a
# long (CRuby tries, and fails), ArgumentError past that, RangeError for a
# width or digits count outside int -- never an attempt that runs the
# machine out of memory
def try
  r = yield
  puts "ok #{r.size}"
rescue NoMemoryError, ArgumentError, RangeError => e
  puts "#{e.class}: #{e.message}"
end
try { "a" * (2**40) }              # expect: NoMemoryError: failed to allocate memory
try { "ab" * (2**62) }             # expect: ArgumentError: argument too big
try { "a".center(2**62) }          # expect: NoMemoryError: failed to allocate memory
try { "a".ljust(2**63 - 1) }       # expect: ArgumentError: argument too big
try { "é".ljust(2**62, "é") }      # expect: ArgumentError: argument too big
try { "a".rjust(2**40, "ab") }     # expect: NoMemoryError: failed to allocate memory
try { "%*d" % [2**40, 1] }         # expect: RangeError: integer 1099511627776 too big to convert to `int'
try { "%.*f" % [2**31, 1.0] }      # expect: RangeError: integer 2147483648 too big to convert to `int'
try { "%*d" % [-2**31 - 1, 1] }    # expect: RangeError: integer -2147483649 too small to convert to `int'
try { 1.round(2**31) }             # expect: RangeError: integer 2147483648 too big to convert to `int'
