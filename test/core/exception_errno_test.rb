# SystemCallError and Errno::*
e = SystemCallError.new("foo", 2)
p e.class, e.errno, e.message
p SystemCallError.new(2).message, SystemCallError.new("x").message, SystemCallError.new(nil).message
p SystemCallError.new("x", 99999).class
p Errno::ENOENT.new.message, Errno::ENOENT.new("path").message, Errno::ENOENT.new("a", "b").message
p Errno::ENOENT::Errno, Errno::EACCES::Errno, Errno::ENOENT.new.errno
p Errno::EEXIST.new("d").message, Errno::EISDIR.new.message, Errno::ENOTDIR.new.message
p Errno::EPIPE.new.message, Errno::EINVAL.new.message, Errno::EAGAIN.new.message
p Errno::EWOULDBLOCK, Errno::EDEADLOCK, Errno::ENOENT.superclass, Errno::ENOENT.ancestors.include?(StandardError)
p SystemCallError === Errno::ENOENT.new, Errno::ENOENT === Errno::EACCES.new
p Errno::EAGAIN === Errno::EWOULDBLOCK.new
begin
  File.read("/nonexistent/file.txt")
rescue Errno::ENOENT => err
  p err.class, err.message, err.errno
end
begin
  raise Errno::EACCES, "secret"
rescue SystemCallError => err
  p err.message
end

# expect: Errno::ENOENT
# expect: 2
# expect: "No such file or directory - foo"
# expect: "No such file or directory"
# expect: "unknown error - x"
# expect: "unknown error"
# expect: SystemCallError
# expect: "No such file or directory"
# expect: "No such file or directory - path"
# expect: "No such file or directory @ b - a"
# expect: 2
# expect: 13
# expect: 2
# expect: "File exists - d"
# expect: "Is a directory"
# expect: "Not a directory"
# expect: "Broken pipe"
# expect: "Invalid argument"
# expect: "Resource temporarily unavailable"
# expect: Errno::EAGAIN
# expect: Errno::EDEADLK
# expect: SystemCallError
# expect: true
# expect: true
# expect: false
# expect: true
# expect: Errno::ENOENT
# expect: "No such file or directory @ rb_sysopen - /nonexistent/file.txt"
# expect: 2
# expect: "Permission denied - secret"
