# DateTime.parse / Date._parse of ISO 8601 date-T-time strings (the T kept the
# date from being seen: the year fell back to the current one)
require "date"
["2020-01-02T03:04:05+01:00", "2020-01-02T03:04:05Z", "2020-01-02t03:04", "20200102T030405", "2020-01-02T03:04:05.123-05:30"].each do |s|
  puts DateTime.parse(s).to_s
end
p Date._parse("2020-01-02T03:04:05+01:00").sort
p Date.parse("1999-12-31T23:59:59").to_s
# expect: 2020-01-02T03:04:05+01:00
# expect: 2020-01-02T03:04:05+00:00
# expect: 2020-01-02T03:04:00+00:00
# expect: 2020-01-02T03:04:05+00:00
# expect: 2020-01-02T03:04:05-05:30
# expect: [[:hour, 3], [:mday, 2], [:min, 4], [:mon, 1], [:offset, 3600], [:sec, 5], [:year, 2020], [:zone, "+01:00"]]
# expect: "1999-12-31"
