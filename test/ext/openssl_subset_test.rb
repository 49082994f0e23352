# The openssl subset maglev provides: Digest, HMAC, Cipher (AES-GCM/CBC), Random
require 'openssl'
p OpenSSL::Digest.new("SHA256").hexdigest("abc")
d = OpenSSL::Digest::SHA1.new
d << "a" << "b"
p d.hexdigest, d.name, d.digest_length, d.block_length
p OpenSSL::Digest::SHA256.hexdigest("x"), OpenSSL::Digest.hexdigest("MD5", "x")
p OpenSSL::HMAC.hexdigest("SHA256", "key", "The quick brown fox jumps over the lazy dog")
p OpenSSL::HMAC.hexdigest(OpenSSL::Digest.new("SHA1"), "k" * 100, "data")
p OpenSSL::HMAC.digest(OpenSSL::Digest::SHA512.new, "key", "msg").bytesize
h = OpenSSL::HMAC.new("key", "SHA256")
h << "The quick brown fox " << "jumps over the lazy dog"
p h.hexdigest
p OpenSSL::Random.random_bytes(16).bytesize
key = "k" * 32
iv = "i" * 12
c = OpenSSL::Cipher.new("aes-256-gcm")
c.encrypt
c.key = key
c.iv = iv
c.auth_data = "ad"
ct = c.update("secret message") + c.final
tag = c.auth_tag
p ct.unpack1("H*"), tag.unpack1("H*"), c.key_len, c.iv_len
dc = OpenSSL::Cipher.new("aes-256-gcm")
dc.decrypt
dc.key = key
dc.iv = iv
dc.auth_tag = tag
dc.auth_data = "ad"
p dc.update(ct) + dc.final
bad = OpenSSL::Cipher.new("aes-256-gcm")
bad.decrypt
bad.key = key
bad.iv = iv
bad.auth_tag = "x" * 16
bad.auth_data = "ad"
bad.update(ct)
begin
  bad.final
rescue OpenSSL::Cipher::CipherError => e
  p e.class, e.class.ancestors.include?(OpenSSL::OpenSSLError)
end
cbc = OpenSSL::Cipher.new("AES-128-CBC")
cbc.encrypt
cbc.key = "0" * 16
cbc.iv = "1" * 16
enc = cbc.update("hello world, sixteen+") + cbc.final
p enc.bytesize, enc.unpack1("H*")
dcbc = OpenSSL::Cipher.new("AES-128-CBC").tap(&:decrypt)
dcbc.key = "0" * 16
dcbc.iv = "1" * 16
p dcbc.update(enc) + dcbc.final
p OpenSSL.fixed_length_secure_compare("abc", "abc"), OpenSSL.secure_compare("a", "b")

# expect: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
# expect: "da23614e02469a0d7c7bd1bdab5c9c474b1904dc"
# expect: "SHA1"
# expect: 20
# expect: 64
# expect: "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
# expect: "9dd4e461268c8034f5c8564e155c67a6"
# expect: "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
# expect: "e3dc391a03c12663fd33148b959da47d0c5b8c66"
# expect: 64
# expect: "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
# expect: 16
# expect: "a9e19b06578c81699e279219fc72"
# expect: "89b7e0bf21fa79fc38f30e5bc23a7b0b"
# expect: 32
# expect: 12
# expect: "secret message"
# expect: OpenSSL::Cipher::CipherError
# expect: true
# expect: 32
# expect: "4385a811db7d27153bc57e2626901acd697f4eba36510896e9abe7ebfc8b57a8"
# expect: "hello world, sixteen+"
# expect: true
# expect: false
