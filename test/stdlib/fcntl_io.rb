# require 'fcntl' and IO#fcntl: the descriptor flags of a pipe, set and read back.
require 'fcntl'
r, w = IO.pipe
p Fcntl::O_NONBLOCK.class, Fcntl::F_GETFL, Fcntl::F_SETFL, Fcntl::FD_CLOEXEC
fl = r.fcntl(Fcntl::F_GETFL)
r.fcntl(Fcntl::F_SETFL, fl | Fcntl::O_NONBLOCK)
p r.fcntl(Fcntl::F_GETFL) & Fcntl::O_NONBLOCK != 0
r.fcntl(Fcntl::F_SETFL, fl & ~Fcntl::O_NONBLOCK)
p r.fcntl(Fcntl::F_GETFL) & Fcntl::O_NONBLOCK
p w.fcntl(Fcntl::F_GETFD) & Fcntl::FD_CLOEXEC
p (Fcntl::O_ACCMODE & w.fcntl(Fcntl::F_GETFL)) == Fcntl::O_WRONLY
begin
  r.fcntl(99999)
rescue SystemCallError => e
  p e.class
end
# expect: Integer
# expect: 3
# expect: 4
# expect: 1
# expect: true
# expect: 0
# expect: 1
# expect: true
# expect: Errno::EINVAL
