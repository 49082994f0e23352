# Range#step with a Float or Rational step on a non-numeric range: CRuby yields
# only the first element (a String range with a Float step raises TypeError);
# a Float step 0.5 used to be truncated to 0 and crashed with SIGFPE
def t
  p yield
rescue => e
  p [e.class, e.message]
end
t { ('a'..'e').step(0.5).first(3) }
t { ('a'..'e').step(2.0).to_a }
t { ('a'..).step(0.5).first(2) }
t { ('a'..'e').step(1r / 2).to_a }
t { ('a'..'e').step(5r / 2).to_a }
t { (:a..:e).step(0.5).to_a }
t { (:a..:e).step(2r).to_a }
t { ('a'..'e').step(2**70).to_a }
t { ('a'..'e').step(2).to_a }
t { ('a'..'e').step(0).to_a }

# expect: [TypeError, "no implicit conversion to float from string"]
# expect: [TypeError, "no implicit conversion to float from string"]
# expect: [TypeError, "no implicit conversion to float from string"]
# expect: ["a"]
# expect: ["a"]
# expect: [:a]
# expect: [:a]
# expect: ["a"]
# expect: ["a", "c", "e"]
# expect: [ArgumentError, "step can't be 0"]
