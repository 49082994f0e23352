# openssl.rb -- the part of the openssl library maglev provides: OpenSSL::Digest
# and OpenSSL::HMAC (over digest.so, libcrypto's hashes), OpenSSL::Random,
# OpenSSL::Cipher (openssl.so: src/ext/openssl_cipher.c) and secure_compare.
# There is no SSL/TLS, X509 or PKey: OpenSSL::SSL is not defined, so code that
# checks defined?(OpenSSL::SSL) (RubyGems, net/http) sees no TLS support.
# Shadows CRuby's openssl.rb, whose C part maglev does not have.
require 'digest'
require 'digest/sha2'

module OpenSSL
  class OpenSSLError < StandardError; end
  VERSION = "3.0.1"
  OPENSSL_VERSION = "OpenSSL (maglev subset: Digest, HMAC, Cipher, Random)"
  OPENSSL_LIBRARY_VERSION = OPENSSL_VERSION

  def self.fixed_length_secure_compare(a, b)
    raise ArgumentError, "inputs must be of equal length" unless a.bytesize == b.bytesize
    r = 0
    a.bytes.zip(b.bytes) { |x, y| r |= x ^ y }
    r == 0
  end

  def self.secure_compare(a, b)
    ha = ::Digest::SHA256.digest(a)
    hb = ::Digest::SHA256.digest(b)
    fixed_length_secure_compare(ha, hb) && a == b
  end

  class Digest
    class DigestError < OpenSSLError; end
    ALGORITHMS = { "MD5" => ::Digest::MD5, "SHA1" => ::Digest::SHA1, "SHA256" => ::Digest::SHA256,
                   "SHA384" => ::Digest::SHA384, "SHA512" => ::Digest::SHA512 }.freeze
    private_constant :ALGORITHMS

    def initialize(name = nil, data = nil)
      name ||= self.class.name.split("::").last
      name = name.name if name.is_a?(OpenSSL::Digest)
      key = name.to_s.upcase.delete("-")
      impl = ALGORITHMS[key] or raise RuntimeError, "Unsupported digest algorithm (#{name}).: unknown object name"
      @name = key
      @impl = impl.new
      @impl.update(data) if data
    end

    attr_reader :name

    def update(data)
      @impl.update(data)
      self
    end
    alias << update

    def digest(data = nil)
      return self.class.new(@name, data).digest if data
      @impl.digest
    end

    def hexdigest(data = nil)
      return self.class.new(@name, data).hexdigest if data
      @impl.hexdigest
    end

    def base64digest = [digest].pack("m0")
    def reset = (@impl.reset; self)
    def initialize_copy(other) = (super; @impl = @impl.dup)
    # a fresh digest of the same algorithm (Digest::Instance#new; RubyGems calls it)
    def new = clone.reset
    def digest_length = @impl.digest_length
    def block_length = @impl.block_length
    def to_s = hexdigest

    def self.digest(name, data) = new(name, data).digest
    def self.hexdigest(name, data) = new(name, data).hexdigest

    %w[MD5 SHA1 SHA256 SHA384 SHA512].each do |alg|
      klass = Class.new(self) do
        define_method(:initialize) { |data = nil| super(alg, data) }
        define_singleton_method(:digest) { |data| new(data).digest }
        define_singleton_method(:hexdigest) { |data| new(data).hexdigest }
        define_singleton_method(:base64digest) { |data| new(data).base64digest }
      end
      const_set(alg, klass)
    end
  end

  class HMACError < OpenSSLError; end

  # HMAC (RFC 2104) over OpenSSL::Digest
  class HMAC
    def initialize(key, digest)
      digest = OpenSSL::Digest.new(digest) unless digest.is_a?(OpenSSL::Digest)
      @digest_name = digest.name
      block = digest.block_length
      key = key.to_s.b
      key = OpenSSL::Digest.new(@digest_name, key).digest if key.bytesize > block
      key = key.ljust(block, "\0".b)
      @okey = key.bytes.map { |b| b ^ 0x5c }.pack("C*")
      @ikey = key.bytes.map { |b| b ^ 0x36 }.pack("C*")
      reset
    end

    def reset
      @inner = OpenSSL::Digest.new(@digest_name)
      @inner.update(@ikey)
      self
    end

    def update(data)
      @inner.update(data.to_s)
      self
    end
    alias << update

    def digest
      outer = OpenSSL::Digest.new(@digest_name)
      outer.update(@okey)
      outer.update(@inner.digest)
      outer.digest
    end

    def hexdigest = digest.unpack1("H*")
    def base64digest = [digest].pack("m0")
    alias to_s hexdigest
    alias inspect hexdigest

    def ==(other)
      other.is_a?(HMAC) && OpenSSL.fixed_length_secure_compare(digest, other.digest)
    end

    def self.digest(digest, key, data) = new(key, digest).update(data).digest
    def self.hexdigest(digest, key, data) = new(key, digest).update(data).hexdigest
    def self.base64digest(digest, key, data) = new(key, digest).update(data).base64digest
  end

  module Random
    def self.random_bytes(n) = ::Random.urandom(n)
  end
end

require 'openssl.so'

class OpenSSL::Cipher
  def random_key
    k = OpenSSL::Random.random_bytes(key_len)
    self.key = k
    k
  end

  def random_iv
    iv = OpenSSL::Random.random_bytes(iv_len)
    self.iv = iv
    iv
  end

  def authenticated? = name.to_s.downcase.match?(/gcm|ccm|ocb|chacha20-poly1305/)
end
