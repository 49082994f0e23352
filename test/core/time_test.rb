# Time in UTC and fixed offsets (never the local zone, so the test is TZ independent)
t = Time.utc(2024, 2, 29, 13, 5, 9)
p t, t.to_s, t.inspect
p t.year, t.month, t.mon, t.day, t.mday, t.hour, t.min, t.sec, t.wday, t.yday
p t.zone, t.utc?, t.utc_offset, t.to_i, t.to_f, t.usec, t.nsec
p t + 1.5, (t + 1.5).usec, t - 60, t - Time.utc(2024, 2, 29), (t - 0.25).usec
p t.strftime("%Y-%m-%d %H:%M:%S %z %Z|%a %A %b %B %h|%j %e %l %p %P %I|%y %C %u %w %s %%")
p t.strftime("%F %T %D %R %r|%L %N %3N|%-m/%-d %^a %^B %05Y %10A|%-10A|%_5d|%#p")
p t.strftime("%c|%x|%X|%n|%t|%-H|%_m|%v|%G|%V|%U|%W|%k|%:z")
p Time.at(0).utc, Time.at(1.5).utc.inspect, Time.at(1, 500, :millisecond).utc.inspect
p Time.at(1700000000).utc.to_a
p Time.utc(2000), Time.gm(2000, 1, 2), Time.utc(2000, "jan", 1), Time.utc(2000, "Dec", 31, 23, 59, 59)
p t <=> Time.utc(2025), t == Time.utc(2024, 2, 29, 13, 5, 9), t.eql?(t + 0), t.hash == Time.utc(2024, 2, 29, 13, 5, 9).hash
p t < Time.utc(2025), [Time.utc(2003), Time.utc(2001), Time.utc(2002)].sort.map(&:year), [Time.utc(2003), Time.utc(2001)].max.year
p Time.now.class, (Time.now - Time.now).class, Time.now.year > 2000
f = Time.new(2020, 1, 2, 3, 4, 5, "+09:00")
p f, f.utc_offset, f.zone, f.utc, f.utc?
p Time.new(2020, 1, 2, 3, 4, 5, "Z"), Time.new(2020, 1, 2, 3, 4, 5, "-02:30").to_s
begin
  Time.utc(2024, 13, 1)
rescue ArgumentError => e
  p e.message
end
begin
  Time.utc(2024) + "1"
rescue TypeError => e
  p e.message
end
p Time.utc(2024, 1, 1).getlocal("+05:30"), Time.utc(2024, 1, 1).localtime("-02:00").to_s
p Time.at(0, in: "+01:00").to_s, Time.utc(2024, 1, 1).monday?, Time.utc(2024, 1, 1).sunday?
p Time.utc(1969, 12, 31, 23, 59, 59).to_i, Time.at(-1).utc, Time.utc(1900, 3, 1).wday, Time.utc(2100, 2, 28).yday
p Time.utc(2021, 1, 3).strftime("%G-%V %U %W"), Time.utc(2020, 12, 31).strftime("%G-%V"), Time.utc(2026, 1, 1).strftime("%G-%V")
u = Time.utc(2024, 5, 6, 7, 8, 9)
p u.dup == u, u.dup.utc?, Time.at(u).utc?, Time.at(u) == u

# expect: 2024-02-29 13:05:09 UTC
# expect: "2024-02-29 13:05:09 UTC"
# expect: "2024-02-29 13:05:09 UTC"
# expect: 2024
# expect: 2
# expect: 2
# expect: 29
# expect: 29
# expect: 13
# expect: 5
# expect: 9
# expect: 4
# expect: 60
# expect: "UTC"
# expect: true
# expect: 0
# expect: 1709211909
# expect: 1709211909.0
# expect: 0
# expect: 0
# expect: 2024-02-29 13:05:10.5 UTC
# expect: 500000
# expect: 2024-02-29 13:04:09 UTC
# expect: 47109.0
# expect: 750000
# expect: "2024-02-29 13:05:09 +0000 UTC|Thu Thursday Feb February Feb|060 29  1 PM pm 01|24 20 4 4 1709211909 %"
# expect: "2024-02-29 13:05:09 02/29/24 13:05 01:05:09 PM|000 000000000 000|2/29 THU FEBRUARY 02024   Thursday|Thursday|   29|pm"
# expect: "Thu Feb 29 13:05:09 2024|02/29/24|13:05:09|\n|\t|13| 2|29-FEB-2024|2024|09|08|09|13|+00:00"
# expect: 1970-01-01 00:00:00 UTC
# expect: "1970-01-01 00:00:01.5 UTC"
# expect: "1970-01-01 00:00:01.5 UTC"
# expect: [20, 13, 22, 14, 11, 2023, 2, 318, false, "UTC"]
# expect: 2000-01-01 00:00:00 UTC
# expect: 2000-01-02 00:00:00 UTC
# expect: 2000-01-01 00:00:00 UTC
# expect: 2000-12-31 23:59:59 UTC
# expect: -1
# expect: true
# expect: true
# expect: true
# expect: true
# expect: [2001, 2002, 2003]
# expect: 2003
# expect: Time
# expect: Float
# expect: true
# expect: 2020-01-01 18:04:05 UTC
# expect: 32400
# expect: nil
# expect: 2020-01-01 18:04:05 UTC
# expect: true
# expect: 2020-01-02 03:04:05 UTC
# expect: "2020-01-02 03:04:05 -0230"
# expect: "mon out of range"
# expect: "can't convert String into an exact number"
# expect: 2024-01-01 05:30:00 +0530
# expect: "2023-12-31 22:00:00 -0200"
# expect: "1970-01-01 01:00:00 +0100"
# expect: true
# expect: false
# expect: -1
# expect: 1969-12-31 23:59:59 UTC
# expect: 4
# expect: 59
# expect: "2020-53 01 00"
# expect: "2020-53"
# expect: "2026-01"
# expect: true
# expect: true
# expect: true
# expect: true
