# SecureRandom: the shapes and ranges of what it answers (the values are random)
require "securerandom"
p SecureRandom.hex.size, SecureRandom.hex(8).size, SecureRandom.hex(8).match?(/\A\h{16}\z/)
p SecureRandom.random_bytes(10).bytesize, SecureRandom.random_bytes.encoding
p SecureRandom.base64(12).size, SecureRandom.urlsafe_base64(12).match?(/\A[A-Za-z0-9_-]+\z/)
p SecureRandom.uuid.match?(/\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/)
p 100.times.all? { (0...10).cover?(SecureRandom.random_number(10)) }, SecureRandom.random_number.between?(0, 1)
p 50.times.all? { (5..7).cover?(SecureRandom.random_number(5..7)) }
p SecureRandom.alphanumeric(20).match?(/\A[A-Za-z0-9]{20}\z/), SecureRandom.alphanumeric.size
p SecureRandom.hex(4) != SecureRandom.hex(4)
# expect: 32
# expect: 16
# expect: true
# expect: 10
# expect: #<Encoding:ASCII-8BIT>
# expect: 16
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: 16
# expect: true
