# RbConfig::CONFIG, Etc, io/console (src/ext/rbconfig.c, etc.c, io_console.c)
require "rbconfig"
c = RbConfig::CONFIG
p c["ruby_version"], c["MAJOR"], c["MINOR"], c["host_os"], c["EXEEXT"], c["DLEXT"], c["rubylibdir"]
p RbConfig.ruby.class, File.exist?(c["bindir"])
require "etc"
p Etc.getpwuid.class, Etc.getpwuid(0).name, Etc.getpwuid(0).uid, Etc.getgrgid(0).name
p Etc.nprocessors > 0, Etc.uname.key?(:sysname), Etc.sysconfdir
begin
  Etc.getpwnam("no-such-user-zz")
rescue ArgumentError => e
  p e.message
end
require "io/console"
p IO.method_defined?(:winsize), IO.method_defined?(:raw), IO.method_defined?(:noecho)

# expect: "3.1.0"
# expect: "3"
# expect: "1"
# expect: "linux-gnu"
# expect: ""
# expect: "so"
# expect: "/usr/lib/ruby/3.1.0"
# expect: String
# expect: true
# expect: Etc::Passwd
# expect: "root"
# expect: 0
# expect: "root"
# expect: true
# expect: true
# expect: "/etc"
# expect: "can't find user for no-such-user-zz"
# expect: true
# expect: true
# expect: true
