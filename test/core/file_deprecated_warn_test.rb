# File.exists? / Dir.exists? warn only when Warning[:deprecated] is on (as with -W);
# IO.new with a block warns unless $VERBOSE is nil. Warnings go through Warning.warn.
module Warning
  def self.warn(msg, category: nil)
    puts "W[#{category.inspect}] #{msg.sub(/\A.*?:(\d+): /, "L\\1 ")}"
  end
end
p File.exists?("/"), Dir.exists?("/")
Warning[:deprecated] = true
p File.exists?("/"), Dir.exists?("/"), File.exists?("/nonexistent/x"), Dir.exists?("/nonexistent/x")
def where = File.exists?(__FILE__)
p where
r, w = IO.pipe
io = IO.new(w.fileno, autoclose: false) { }
p io.class
f = File.new(__FILE__) { }
p f.class
f.close
$VERBOSE = nil
p File.exists?("/")
IO.new(w.fileno, autoclose: false) { }
$VERBOSE = false
Warning[:deprecated] = false
p File.exists?("/")
r.close
w.close
# expect: true
# expect: true
# expect: W[:deprecated] L10 warning: File.exists? is deprecated; use File.exist? instead
# expect: W[:deprecated] L10 warning: Dir.exists? is deprecated; use Dir.exist? instead
# expect: W[:deprecated] L10 warning: File.exists? is deprecated; use File.exist? instead
# expect: W[:deprecated] L10 warning: Dir.exists? is deprecated; use Dir.exist? instead
# expect: true
# expect: true
# expect: false
# expect: false
# expect: W[:deprecated] L11 warning: File.exists? is deprecated; use File.exist? instead
# expect: true
# expect: W[nil] L14 warning: IO::new() does not take block; use IO::open() instead
# expect: IO
# expect: W[nil] L16 warning: File::new() does not take block; use File::open() instead
# expect: File
# expect: true
# expect: true
