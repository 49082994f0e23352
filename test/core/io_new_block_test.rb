# IO.new passes its block on to initialize (after the warning, silenced here)
class MyIO < IO
  def initialize(fd, &b)
    super(fd, autoclose: false)
    b&.call(:got_block)
  end
end
$VERBOSE = nil
MyIO.new(1) { |x| p x }
p MyIO.new(1, &nil).class
# expect: :got_block
# expect: MyIO
