s = "hello"
def s.shout = upcase + "!"
p s.shout  # expect: "HELLO!"
p s.singleton_methods  # expect: [:shout]
t = "other"
p t.respond_to?(:shout)  # expect: false
