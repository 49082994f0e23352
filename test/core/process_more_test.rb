# Process.clock_getres / getrlimit / setrlimit / getpriority / setpriority /
# groups / maxgroups / argv0 / setproctitle / last_status / exit / abort / uid= ...,
# Process::Status#& / #>> / Process::Status.wait
p Process.clock_getres(Process::CLOCK_MONOTONIC).class, Process.clock_getres(Process::CLOCK_MONOTONIC, :nanosecond).class
p Process.clock_getres(Process::CLOCK_REALTIME, :float_millisecond).class
begin; Process.clock_getres(Process::CLOCK_MONOTONIC, :bogus); rescue => e; p e; end
begin; Process.clock_getres(:CLOCK_REALTIME); rescue => e; p e.class; end
p Process.getrlimit(:NOFILE).size, Process.getrlimit(Process::RLIMIT_NOFILE) == Process.getrlimit("NOFILE")
begin; Process.getrlimit(:BOGUS); rescue => e; p e; end
begin; Process.getrlimit(:nofile); rescue => e; p e; end
begin; Process.getrlimit(nil); rescue => e; p e; end
begin; Process.getrlimit(:NOFILE, 1); rescue => e; p e; end
cur, max = Process.getrlimit(:NOFILE)
p Process.setrlimit(:NOFILE, cur, max), Process.getrlimit(:NOFILE) == [cur, max]
begin; Process.setrlimit(:NOFILE, "x"); rescue => e; p e; end
p Process::RLIM_INFINITY, Process::RLIMIT_NOFILE, Process::RLIMIT_CORE, Process::RLIMIT_STACK, Process::RLIMIT_AS, Process::RLIMIT_CPU
p Process.groups.class, Process.maxgroups.class
p((Process.maxgroups = 32), Process.maxgroups)
begin; Process.maxgroups = 0; rescue => e; p e; end
prio = Process.getpriority(Process::PRIO_PROCESS, 0)
p prio.class, Process::PRIO_PROCESS, Process::PRIO_PGRP, Process::PRIO_USER
p Process.setpriority(Process::PRIO_PROCESS, 0, prio)
p Process.argv0 == $0
p Process.setproctitle("maglevtest"), $0 == Process.argv0
begin; Process.setproctitle(1); rescue => e; p e; end
system("exit 3")
p Process.last_status.exitstatus, Process.last_status.equal?($?)
st = $?
p st & 0xff00, st >> 8
pid = spawn("exit 5")
s = Process::Status.wait(pid)
p s.class, s.exitstatus, s.pid == pid, $?.equal?(s)
p((Process.uid = Process.uid) == Process.uid, (Process.gid = Process.gid) == Process.gid)
p((Process.euid = Process.euid) == Process.euid, (Process.egid = Process.egid) == Process.egid)
pid = fork { Process.exit(4) }
Process.wait(pid)
p $?.exitstatus
pid = fork { $stderr.reopen(File::NULL); Process.abort("bye") }
Process.wait(pid)
p $?.exitstatus
pid = fork { Process.exit(true) }
Process.wait(pid)
p $?.exitstatus
# expect: Float
# expect: Integer
# expect: Float
# expect: #<ArgumentError: unexpected unit: bogus>
# expect: Errno::EINVAL
# expect: 2
# expect: true
# expect: #<ArgumentError: invalid resource name: BOGUS>
# expect: #<ArgumentError: invalid resource name: nofile>
# expect: #<TypeError: no implicit conversion from nil to integer>
# expect: #<ArgumentError: wrong number of arguments (given 2, expected 1)>
# expect: nil
# expect: true
# expect: #<ArgumentError: invalid resource value: x>
# expect: 18446744073709551615
# expect: 7
# expect: 4
# expect: 3
# expect: 9
# expect: 0
# expect: Array
# expect: Integer
# expect: 32
# expect: 32
# expect: #<ArgumentError: maxgroups 0 should be positive>
# expect: Integer
# expect: 0
# expect: 1
# expect: 2
# expect: 0
# expect: true
# expect: "maglevtest"
# expect: true
# expect: #<TypeError: no implicit conversion of Integer into String>
# expect: 3
# expect: true
# expect: 768
# expect: 3
# expect: Process::Status
# expect: 5
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: 4
# expect: 1
# expect: 0
