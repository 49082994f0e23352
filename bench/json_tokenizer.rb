# json_tokenizer: generates a pseudo-random JSON document (deterministic
# linear congruential generator), then tokenizes it several times with a
# hand-written byte-level scanner. The generator counts what it emits; the
# tokenizer's counts must agree. Measures String#getbyte/byteslice, case/when
# on integers and ranges, integer parsing and a long-running while loop.

LBRACE = 0
RBRACE = 1
LBRACKET = 2
RBRACKET = 3
COLON = 4
COMMA = 5
STRING = 6
NUMBER = 7
TRUE_LIT = 8
FALSE_LIT = 9
NULL_LIT = 10
NUM_KINDS = 11

# [fragment as it appears in the document, its length in characters once
#  decoded]; multi-byte UTF-8 characters count once
FRAGMENTS = [
  ["alpha", 5], ["beta", 4], ["gamma_", 6], ["x", 1], ["Zeta42", 6],
  [" ", 1], ["\\n", 1], ["\\\"", 1], ["\\\\", 1], ["\\/", 1], ["\\t", 1],
  ["\\u00e9", 1], ["\\u20AC", 1], ["\u00e9", 1], ["\u20ac", 1], ["caf\u00e9", 4]
]
WHITESPACE = ["", " ", "", "\n  ", "", "\t", ""]

class Generator
  attr_reader :out, :counts, :number_sum, :string_chars

  def initialize(seed)
    @seed = seed
    @out = String.new
    @counts = Array.new(NUM_KINDS, 0)
    @number_sum = 0
    @string_chars = 0
  end

  def rand(n)
    @seed = (@seed * 1_103_515_245 + 12_345) & 0x7fffffff
    (@seed >> 8) % n
  end

  def emit(kind, text)
    @counts[kind] += 1
    @out << text
  end

  def space
    @out << WHITESPACE[rand(WHITESPACE.size)]
  end

  def value(depth)
    r = depth >= 6 ? 2 + rand(6) : rand(8)
    case r
    when 0 then object(depth)
    when 1 then array(depth)
    when 2, 3 then string
    when 4, 5 then number
    else literal
    end
  end

  def object(depth)
    emit(LBRACE, "{")
    rand(7).times do |i|
      if i > 0
        emit(COMMA, ",")
        space
      end
      string
      space
      emit(COLON, ":")
      space
      value(depth + 1)
    end
    emit(RBRACE, "}")
  end

  def array(depth)
    emit(LBRACKET, "[")
    space
    rand(9).times do |i|
      if i > 0
        emit(COMMA, ",")
        space
      end
      value(depth + 1)
    end
    emit(RBRACKET, "]")
  end

  def string
    @counts[STRING] += 1
    @out << '"'
    rand(5).times do
      frag, len = FRAGMENTS[rand(FRAGMENTS.size)]
      @out << frag
      @string_chars += len
    end
    @out << '"'
  end

  def number
    @counts[NUMBER] += 1
    v = rand(100_000)
    if rand(3) == 0
      @out << "-"
      @number_sum -= v
    else
      @number_sum += v
    end
    @out << v.to_s
    @out << "." << rand(1000).to_s if rand(2) == 0
    @out << (rand(2) == 0 ? "e" : "E-") << rand(20).to_s if rand(4) == 0
  end

  def literal
    case rand(3)
    when 0 then emit(TRUE_LIT, "true")
    when 1 then emit(FALSE_LIT, "false")
    else emit(NULL_LIT, "null")
    end
  end
end

class Tokenizer
  attr_reader :counts, :number_sum, :string_chars

  def initialize(src)
    @src = src
    @counts = Array.new(NUM_KINDS, 0)
    @number_sum = 0
    @string_chars = 0
  end

  def run
    src = @src
    n = src.bytesize
    counts = @counts
    i = 0
    while i < n
      c = src.getbyte(i)
      case c
      when 32, 9, 10, 13
        i += 1
      when 123 # {
        counts[LBRACE] += 1
        i += 1
      when 125 # }
        counts[RBRACE] += 1
        i += 1
      when 91 # [
        counts[LBRACKET] += 1
        i += 1
      when 93 # ]
        counts[RBRACKET] += 1
        i += 1
      when 58 # :
        counts[COLON] += 1
        i += 1
      when 44 # ,
        counts[COMMA] += 1
        i += 1
      when 34 # "
        counts[STRING] += 1
        i = scan_string(src, i + 1)
      when 45, 48..57 # - 0-9
        counts[NUMBER] += 1
        i = scan_number(src, i)
      when 116 # t
        expect(src, i, "true")
        counts[TRUE_LIT] += 1
        i += 4
      when 102 # f
        expect(src, i, "false")
        counts[FALSE_LIT] += 1
        i += 5
      when 110 # n
        expect(src, i, "null")
        counts[NULL_LIT] += 1
        i += 4
      else
        raise "unexpected byte #{c} at #{i}"
      end
    end
    self
  end

  def expect(src, i, word)
    raise "bad literal at #{i}" unless src.byteslice(i, word.bytesize) == word
  end

  # i is just past the opening quote; returns the index past the closing one
  def scan_string(src, i)
    chars = 0
    while true
      c = src.getbyte(i)
      if c == 34
        @string_chars += chars
        return i + 1
      elsif c == 92 # backslash
        e = src.getbyte(i + 1)
        if e == 117 # \uXXXX
          j = i + 2
          while j < i + 6
            h = src.getbyte(j)
            unless (48..57).include?(h) || (65..70).include?(h) || (97..102).include?(h)
              raise "bad \\u escape at #{i}"
            end
            j += 1
          end
          i += 6
        else
          i += 2
        end
        chars += 1
      elsif c.nil?
        raise "unterminated string"
      else
        # count characters, not UTF-8 continuation bytes
        chars += 1 if c < 0x80 || c >= 0xC0
        i += 1
      end
    end
  end

  def scan_number(src, i)
    negative = false
    if src.getbyte(i) == 45
      negative = true
      i += 1
    end
    v = 0
    c = src.getbyte(i)
    raise "bad number at #{i}" unless c && c >= 48 && c <= 57
    while c && c >= 48 && c <= 57
      v = v * 10 + (c - 48)
      i += 1
      c = src.getbyte(i)
    end
    if c == 46 # .
      i += 1
      c = src.getbyte(i)
      while c && c >= 48 && c <= 57
        i += 1
        c = src.getbyte(i)
      end
    end
    if c == 101 || c == 69 # e E
      i += 1
      c = src.getbyte(i)
      if c == 43 || c == 45
        i += 1
        c = src.getbyte(i)
      end
      while c && c >= 48 && c <= 57
        i += 1
        c = src.getbyte(i)
      end
    end
    @number_sum += negative ? -v : v
    i
  end
end

# the document: a top-level array of random values, about SIZE bytes
SIZE = 1_000_000
gen = Generator.new(42)
gen.emit(LBRACKET, "[")
gen.value(0)
while gen.out.bytesize < SIZE
  gen.emit(COMMA, ",")
  gen.space
  gen.value(0)
end
gen.emit(RBRACKET, "]")
doc = gen.out

REPEAT = 12
tokens = 0
REPEAT.times do
  t = Tokenizer.new(doc).run
  unless t.counts == gen.counts && t.number_sum == gen.number_sum &&
         t.string_chars == gen.string_chars
    raise "bad result: #{t.counts.inspect} #{t.number_sum} #{t.string_chars}"
  end
  tokens = t.counts.sum
end
raise "bad result: #{doc.bytesize} #{tokens} #{gen.number_sum} #{gen.string_chars}" unless
  [doc.bytesize, tokens, gen.number_sum, gen.string_chars] == [1_000_271, 240_095, 372_849_401, 243_813]
puts "json_tokenizer #{doc.bytesize} bytes x#{REPEAT} = #{tokens} tokens"
