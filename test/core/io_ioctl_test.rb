# IO#ioctl: TIOCGWINSZ / TIOCSWINSZ on a pseudo-terminal, a String buffer filled in place
require "pty"
m, s = PTY.open
buf = [0, 0, 0, 0].pack("S4")
p s.ioctl(0x5413, buf), buf.unpack("S4").class   # TIOCGWINSZ
p s.ioctl(0x5414, [30, 100, 0, 0].pack("S4"))    # TIOCSWINSZ
buf = [0, 0, 0, 0].pack("S4")
s.ioctl(0x5413, buf); p buf.unpack("S4")[0, 2]
begin; s.ioctl(0x5413, "x".freeze); rescue FrozenError => e; p e.class; end
# expect: 0
# expect: Array
# expect: 0
# expect: [30, 100]
# expect: FrozenError
