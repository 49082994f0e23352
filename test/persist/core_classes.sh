#!/usr/bin/env bash
# Every core data class persists: Time, Rational, Complex, and the library
# classes Set, Date and DateTime (their library is loaded by the process
# that faults an instance). Values, identity, hashing and mutation survive.
. "$(dirname "$0")/lib.sh"
mrb '
  require "set"; require "date"
  t = Time.at(1_000_000, 123_456_789, :nsec).utc
  Maglev[:times] = [t, t, Time.at(99, in: "+09:00"), Time.at(5).localtime("-03:30")]
  Maglev[:nums] = [3r, Rational(2**70, 3), Complex(1, 2), Complex(1r, 2.5), Complex(2**65, -1)]
  Maglev[:keys] = { Time.at(5) => :t, 3r => :r, Complex(0, 1) => :c, Set[1, 2] => :s, Date.new(2000, 1, 1) => :d }
  Maglev[:set] = Set[1, "two", :three, [4]]
  Maglev[:dates] = [Date.new(2026, 12, 1), DateTime.new(2026, 1, 2, 3, 4, 5)]
  Maglev.commit' >/dev/null
expect "Time values and zones" "$(mrb 'x = Maglev[:times]; p x; p x.map(&:nsec), x.map(&:utc_offset)')" \
  $'[1970-01-12 13:46:40.123456789 UTC, 1970-01-12 13:46:40.123456789 UTC, 1970-01-01 09:01:39 +0900, 1969-12-31 20:30:05 -0330]\n[123456789, 123456789, 0, 0]\n[0, 0, 32400, -12600]'
expect "shared Time stays one object" "$(mrb 'x = Maglev[:times]; p x[0].equal?(x[1]), x[0].object_id == Maglev[:times][1].object_id')" $'true\ntrue'
expect "Rational and Complex" "$(mrb 'x = Maglev[:nums]; p x; p x.map(&:frozen?).uniq, x[1] * 3 == 2**70')" \
  $'[(3/1), (1180591620717411303424/3), (1+2i), ((1/1)+2.5i), (36893488147419103232-1i)]\n[true]\ntrue'
expect "keys hash the same in a later process" "$(mrb 'require "set"; require "date"; h = Maglev[:keys]; p [h[Time.at(5)], h[3r], h[Complex(0, 1)], h[Set[1, 2]], h[Date.new(2000, 1, 1)]]')" '[:t, :r, :c, :s, :d]'
expect "Set loads its library on first touch" "$(mrb 's = Maglev[:set]; p s.class, s.include?("two"), s.size, s')" \
  $'Set\ntrue\n4\n#<Set: {1, "two", :three, [4]}>'
expect "Date and DateTime" "$(mrb 'd = Maglev[:dates]; p d[0] + 1, d[1].hour, (d[0] >> 1).to_s')" \
  $'#<Date: 2026-12-02 ((2461377j,0s,0n),+0s,2299161j)>\n3\n"2027-01-01"'
mrb 't = Maglev[:times][0]; t.localtime("+01:00"); Maglev[:set] << 5; Maglev.commit' >/dev/null
expect "mutating a Time and a Set commits" "$(mrb 'p Maglev[:times][0].utc_offset, Maglev[:set].include?(5)')" $'3600\ntrue'
expect "a Time read in one process is a Time in the next" "$(mrb 'p Maglev[:times][2].class, Maglev[:times][2].year')" $'Time\n1970'
mrb 'Maglev[:errs] = [Errno::ENOENT.new("x"), Errno::ECONNREFUSED.new("connect(2)"), Errno::EWOULDBLOCK.new, Errno::NOERROR.new, (raise Errno::ETIMEDOUT rescue $!)]
Maglev.commit' >/dev/null
expect "exceptions of every Errno class persist (each class has a well-known OOP)" "$(mrb 'e = Maglev[:errs]; p e, e.map(&:errno), e.map(&:class), e[4].message')" \
  '[#<Errno::ENOENT: No such file or directory - x>, #<Errno::ECONNREFUSED: Connection refused - connect(2)>, #<Errno::EAGAIN: Resource temporarily unavailable>, #<Errno::NOERROR: Success>, #<Errno::ETIMEDOUT: Connection timed out>]
[2, 111, 11, 0, 110]
[Errno::ENOENT, Errno::ECONNREFUSED, Errno::EAGAIN, Errno::NOERROR, Errno::ETIMEDOUT]
"Connection timed out"'
mrb 'r, w = IO.pipe; Maglev[:errs2] = [(r.read_nonblock(1) rescue $!), ("\xff".encode("UTF-16") rescue $!)]
Maglev[:errs3] = [Maglev::NotPersistableException.new("n"), LockError.new("l")]; Maglev.commit' >/dev/null
expect "exceptions the core raises from C or the prelude persist (IO::EAGAINWaitReadable, Encoding errors, MagLev's)" \
  "$(mrb 'p Maglev[:errs2], Maglev[:errs2][0].is_a?(IO::WaitReadable), Maglev[:errs3].map(&:class)')" \
  '[#<IO::EAGAINWaitReadable: Resource temporarily unavailable - read would block>, #<Encoding::InvalidByteSequenceError: "\xFF" on UTF-8>]
true
[Maglev::NotPersistableException, LockError]'
mrb 'Maglev.persistent { class Errno::EHOSTUNREACH; def hint = "check the route"; end }; Maglev.commit' >/dev/null
expect "a method defined in persistent mode on an Errno class persists" "$(mrb 'p Errno::EHOSTUNREACH.new.hint')" '"check the route"'
finish
