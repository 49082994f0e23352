#!/usr/bin/env bash
# maglev/dateandtime: DateAndTime's API, and one committed by one process
# read by another with the same fields, instant and offset.
. "$(dirname "$0")/lib.sh"
dt() { mrb "require 'maglev/dateandtime'; $1"; }
expect "fields, ISO 8601, arithmetic, comparison" "$(dt '
  d = DateAndTime.new(2026, 12, 1, 13, 51, 6, "+01:00")
  p d, d.to_s, [d.year, d.month, d.day, d.hour, d.minute, d.second], d.utc_offset, d.to_i
  p d + 3600, d - 60, (d + 90) - d, d < d + 1, d == d.utc, d.utc, d.utc.hour, [d + 1, d].max == d + 1
  p DateAndTime.new(2026, 1, 2, 3, 4, 5.25r), DateAndTime.at(0), DateAndTime.at(1.5, -18000)
  p DateAndTime.parse("2026-12-01T13:51:06+01:00") == d, DateAndTime.parse(d.to_s).utc_offset, DateAndTime.parse("2026-12-01T12:51:06Z") == d
  p d.day_of_week, d.day_of_year, d.frozen?, d.to_time == Time.at(1796129466), d.as_time.utc_offset
  t = Time.at(1700000000, 5, :nsec)
  p t.as_date_and_time.as_time == t, DateAndTime.from_time(t).nanoseconds, DateAndTime.now.is_a?(Comparable)
  [-> { d + "1" }, -> { DateAndTime.parse("yesterday") }, -> { d < 3 }].each do |f|
    begin f.call; rescue => e; puts "#{e.class}: #{e.message}"; end
  end')" '#<DateAndTime 2026-12-01T13:51:06+01:00>
"2026-12-01T13:51:06+01:00"
[2026, 12, 1, 13, 51, 6]
3600
1796129466
#<DateAndTime 2026-12-01T14:51:06+01:00>
#<DateAndTime 2026-12-01T13:50:06+01:00>
(90/1)
true
true
#<DateAndTime 2026-12-01T12:51:06+00:00>
12
true
#<DateAndTime 2026-01-02T03:04:05.25+00:00>
#<DateAndTime 1970-01-01T00:00:00+00:00>
#<DateAndTime 1969-12-31T19:00:01.5-05:00>
true
3600
true
2
335
true
true
3600
true
5
true
TypeError: DateAndTime + String: add a number of seconds
ArgumentError: not an ISO 8601 date and time: "yesterday"
ArgumentError: comparison of DateAndTime with 3 failed'
dt 'Maglev::PERSISTENT_ROOT[:when] = [DateAndTime.new(2026, 12, 1, 13, 51, 6.5r, "-03:30"), Time.at(1000).as_date_and_time]
    Maglev.commit_transaction'
expect "a second process that requires nothing reads the committed DateAndTimes" \
	"$(mrb 'a, b = Maglev::PERSISTENT_ROOT[:when]; p a.class, a, a.utc_offset, a.hour, a.minute, a.second, a.nanoseconds, b.to_i, b < a, a - b')" 'DateAndTime
#<DateAndTime 2026-12-01T13:51:06.5-03:30>
-12600
13
51
6
500000000
1000
true
(3592289333/2)'
# MagLev's as_posix_seconds (GemStone's asPosixSeconds): exact seconds since
# the epoch, in this process and the next
mrb 'require "maglev/dateandtime"; Maglev::PERSISTENT_ROOT[:posix] = DateAndTime.at(Rational(3, 2), "+02:00"); Maglev.commit_transaction'
expect "as_posix_seconds" "$(mrb 'require "maglev/dateandtime"; d = Maglev::PERSISTENT_ROOT[:posix]; p d.as_posix_seconds, DateAndTime.at(0).as_posix_seconds.zero?')" '(3/2)
true'
finish
