# strftime's # flag (names up, %p and %Z down), %::z and %:::z, and a
# fractional microsecond argument kept to the nanosecond, as in CRuby 3.1
t = Time.utc(2024, 2, 29, 13, 5, 9, 123456.789r)
p t.strftime("%#p|%#P|%#Z|%#a|%#A|%#b|%#B|%#h|%^#b|%#^p")   # expect: "pm|PM|utc|THU|THURSDAY|FEB|FEBRUARY|FEB|FEB|pm"
p t.strftime("%::z|%:::z")                                  # expect: "+00:00:00|+00"
l = Time.new(2024, 1, 1, 0, 0, 0, "+05:30:15")
p l.strftime("%::z|%:z|%z|%:::z")                           # expect: "+05:30:15|+05:30|+0530|+05:30:15"
p Time.new(2024, 1, 1, 0, 0, 0, "-03:30").strftime("%:::z|%^a|%^p")   # expect: "-03:30|MON|AM"
p t.nsec, t.strftime("%N"), t.subsec                         # expect: 123456789
# expect: "123456789"
# expect: (123456789/1000000000)
p Time.utc(2000, 1, 1, 0, 0, 0, 1.5).nsec                    # expect: 1500
