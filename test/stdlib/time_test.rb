# time.rb over date (lib/date_core.rb): Time.parse, iso8601, xmlschema, httpdate, rfc2822, strptime
require "time"
t = Time.parse("2020-01-02 03:04:05 UTC")
p t.year, t.month, t.hour, t.utc?
p Time.iso8601("2021-05-06T07:08:09Z").to_i
p Time.at(0).utc.iso8601, Time.at(0).utc.xmlschema(3)
p Time.at(0).utc.httpdate, Time.at(0).utc.rfc2822
p Time.strptime("2001-02-03", "%Y-%m-%d").day
p Time.rfc2822("Thu, 01 Jan 1970 00:00:00 +0000").to_i
p Time.httpdate("Thu, 01 Jan 1970 00:00:00 GMT").to_i
t2 = Time.parse("Thu Nov 29 14:33:20 +0900 2001")
p t2.utc_offset, t2.day, t2.hour
p Time.parse("12:30", Time.utc(2000, 5, 6)).hour, Time.parse("2010-10-31").day
begin
  Time.parse("nothing here")
rescue ArgumentError => e
  p e.message
end
p Time.strptime("2020-03-04 05:06:07 +0100", "%Y-%m-%d %H:%M:%S %z").utc_offset
p Time.utc(2020, 1, 2, 3, 4, 5).iso8601, Time.utc(2020, 1, 2).to_date.to_s

# expect: 2020
# expect: 1
# expect: 3
# expect: true
# expect: 1620284889
# expect: "1970-01-01T00:00:00Z"
# expect: "1970-01-01T00:00:00.000Z"
# expect: "Thu, 01 Jan 1970 00:00:00 GMT"
# expect: "Thu, 01 Jan 1970 00:00:00 -0000"
# expect: 3
# expect: 0
# expect: 0
# expect: 32400
# expect: 29
# expect: 14
# expect: 12
# expect: 31
# expect: "no time information in \"nothing here\""
# expect: 3600
# expect: "2020-01-02T03:04:05Z"
# expect: "2020-01-02"
