class Collector
  attr_reader :buf
  def initialize = @buf = +""
  def write(*s)
    s.each { |x| @buf << x.to_s }
    s.size
  end
end
c = Collector.new
$stdout = c
puts "captured"
print "more"
$stdout = STDOUT
p c.buf  # expect: "captured\nmore"
