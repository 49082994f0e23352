# Time#round / #floor / #ceil / #to_r / #asctime / #ctime
t = Time.at(1, 123456789, :nsec).utc
p t.round, t.round(3), t.round(9), t.round(12)
p t.floor, t.floor(2), t.floor(5)
p t.ceil, t.ceil(4), t.ceil(9)
p t.round(nil), t.round(1.9)
p Time.at(1, 500000000, :nsec).utc.round
p Time.at(-1, 500000000, :nsec).utc.round
p Time.at(2, 0, :nsec).utc.ceil, Time.at(2, 0, :nsec).utc.floor(3)
p Time.at(1, 999999999, :nsec).utc.round(3)
begin; t.round(-1); rescue => e; p e; end
begin; t.floor("1"); rescue => e; p e; end
begin; t.ceil(1, 2); rescue => e; p e; end
f = Time.at(1, 123456789, :nsec).localtime("+09:00")
r = f.round(1)
p r, r.utc_offset, f.floor.utc_offset
class MyTime < Time; end
p MyTime.at(1.5).round.class, (MyTime.at(0) + 1).class, (MyTime.at(5) - 1).class
p t.to_r, Time.at(3).to_r, Time.at(-1, 250000000, :nsec).to_r
p t.asctime, t.ctime, Time.at(0).utc.ctime
p Time.utc(2024, 2, 29, 13, 5, 9).asctime, Time.utc(2024, 12, 10).ctime
p t.round.equal?(t)
# expect: 1970-01-01 00:00:01 UTC
# expect: 1970-01-01 00:00:01.123 UTC
# expect: 1970-01-01 00:00:01.123456789 UTC
# expect: 1970-01-01 00:00:01.123456789 UTC
# expect: 1970-01-01 00:00:01 UTC
# expect: 1970-01-01 00:00:01.12 UTC
# expect: 1970-01-01 00:00:01.12345 UTC
# expect: 1970-01-01 00:00:02 UTC
# expect: 1970-01-01 00:00:01.1235 UTC
# expect: 1970-01-01 00:00:01.123456789 UTC
# expect: 1970-01-01 00:00:01 UTC
# expect: 1970-01-01 00:00:01.1 UTC
# expect: 1970-01-01 00:00:02 UTC
# expect: 1970-01-01 00:00:00 UTC
# expect: 1970-01-01 00:00:02 UTC
# expect: 1970-01-01 00:00:02 UTC
# expect: 1970-01-01 00:00:02 UTC
# expect: #<ArgumentError: negative ndigits given>
# expect: #<TypeError: no implicit conversion of String into Integer>
# expect: #<ArgumentError: wrong number of arguments (given 2, expected 0..1)>
# expect: 1970-01-01 09:00:01.1 +0900
# expect: 32400
# expect: 32400
# expect: Time
# expect: Time
# expect: Time
# expect: (1123456789/1000000000)
# expect: (3/1)
# expect: (-3/4)
# expect: "Thu Jan  1 00:00:01 1970"
# expect: "Thu Jan  1 00:00:01 1970"
# expect: "Thu Jan  1 00:00:00 1970"
# expect: "Thu Feb 29 13:05:09 2024"
# expect: "Tue Dec 10 00:00:00 2024"
# expect: false
