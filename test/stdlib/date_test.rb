# date.rb over maglev's lib/date_core.rb: Date/DateTime arithmetic, parsing, strftime
require "date"
d = Date.new(2020, 1, 31)
p d, d.to_s, d.year, d.mon, d.mday, d.wday, d.yday, d.jd, d.leap?
p d + 1, d - 31, d >> 1, d << 2, d.next_month, d.prev_day
p Date.new(2021, 3, 1) - Date.new(2021, 2, 1)
p Date.valid_date?(2021, 2, 29), Date.valid_date?(2020, 2, 29), Date.leap?(1900)
p d.strftime("%Y/%m/%d %a %b %j"), d.cwday, d.cweek, d.saturday?, d.friday?
p Date.parse("2021-05-06"), Date.parse("May 6 2021"), Date.parse("6 May 2021"), Date.strptime("03/04/2020", "%m/%d/%Y")
p Date.new(2020, 1, -1), Date.jd(2459000), Date.ordinal(2020, 60)
p (Date.new(2020,1,1)..Date.new(2020,1,4)).map(&:day), Date.new(2020, 1, 1).step(Date.new(2020, 1, 10), 3).map(&:to_s)
p Date.new(2020,1,1) < Date.new(2020,1,2), Date.new(2020,1,1) == Date.new(2020,1,1), Date.new(2020,1,1).eql?(Date.new(2020,1,1))
begin
  Date.new(2021, 2, 30)
rescue Date::Error => e
  p e.class, e.message
end
p Date._parse("2020-01-02 03:04:05 UTC").sort, Date._parse("Thu, 01 Jan 1970 00:00:00 +0000").sort
p Date._strptime("2001-02-03", "%Y-%m-%d").sort, Date._iso8601("2021-05-06T07:08:09Z").sort
dt = DateTime.new(2001, 2, 3, 4, 5, 6)
p dt.hour, dt.min, dt.sec, dt.to_s, dt.zone, dt.offset
p Time.at(0).utc.to_date

# expect: #<Date: 2020-01-31 ((2458880j,0s,0n),+0s,2299161j)>
# expect: "2020-01-31"
# expect: 2020
# expect: 1
# expect: 31
# expect: 5
# expect: 31
# expect: 2458880
# expect: true
# expect: #<Date: 2020-02-01 ((2458881j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2019-12-31 ((2458849j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2020-02-29 ((2458909j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2019-11-30 ((2458818j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2020-02-29 ((2458909j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2020-01-30 ((2458879j,0s,0n),+0s,2299161j)>
# expect: (28/1)
# expect: false
# expect: true
# expect: false
# expect: "2020/01/31 Fri Jan 031"
# expect: 5
# expect: 5
# expect: false
# expect: true
# expect: #<Date: 2021-05-06 ((2459341j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2021-05-06 ((2459341j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2021-05-06 ((2459341j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2020-03-04 ((2458913j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2020-01-31 ((2458880j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2020-05-30 ((2459000j,0s,0n),+0s,2299161j)>
# expect: #<Date: 2020-02-29 ((2458909j,0s,0n),+0s,2299161j)>
# expect: [1, 2, 3, 4]
# expect: ["2020-01-01", "2020-01-04", "2020-01-07", "2020-01-10"]
# expect: true
# expect: true
# expect: true
# expect: Date::Error
# expect: "invalid date"
# expect: [[:hour, 3], [:mday, 2], [:min, 4], [:mon, 1], [:offset, 0], [:sec, 5], [:year, 2020], [:zone, "UTC"]]
# expect: [[:hour, 0], [:mday, 1], [:min, 0], [:mon, 1], [:offset, 0], [:sec, 0], [:wday, 4], [:year, 1970], [:zone, "+0000"]]
# expect: [[:mday, 3], [:mon, 2], [:year, 2001]]
# expect: [[:hour, 7], [:mday, 6], [:min, 8], [:mon, 5], [:offset, 0], [:sec, 9], [:year, 2021], [:zone, "Z"]]
# expect: 4
# expect: 5
# expect: 6
# expect: "2001-02-03T04:05:06+00:00"
# expect: "+00:00"
# expect: (0/1)
# expect: #<Date: 1970-01-01 ((2440588j,0s,0n),+0s,2299161j)>
