# Time#strftime flags, widths, colons and modifiers as CRuby 3.1 formats them (time.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# a colon belongs to z only; E and O modifiers are dropped before their directives
t { Time.utc(2024, 2, 29, 13, 5, 9).strftime("%:Y|%::m|%:") }  # expect: "%:Y|%::m|%:"
t { Time.utc(2024, 2, 29, 13, 5, 9).strftime("%E%O%Ey%Oy%EC%Od%OY") }  # expect: "%E%O24242029%OY"
# z: CRuby's widths and padding, -0000 for UTC with -
t { Time.utc(2024, 2, 29).strftime("%-z|%_z|%10z|%-10z|%_5z|%12z") }  # expect: "-0000| +000|+000000000|-000000000| +000|+00000000000"
t { Time.new(2000, 1, 1, 0, 0, 0, "-00:30").strftime("%z|%-z|%_z|%_10z|%:z|%_:z|%-:z|%::z|%:::z|%_::z") }  # expect: "-0030|-0030| -030|      -030|-00:30| -0:30|-00:30|-00:30:00|-00:30| -0:30:00"
t { Time.new(2000, 1, 1, 0, 0, 0, "+05:30:15").strftime("%z|%:::z|%-:::z|%_:::z|%10:::z|%10:z") }  # expect: "+0530|+05:30:15|+05:30:15| +5:30:15|+005:30:15|+000005:30"
t { Time.new(2000, 1, 1, 0, 0, 0, "+00:00").strftime("%-z") }  # expect: "+0000"
# composite directives pad to the width (- too) and upcase with ^
t { Time.utc(2024, 2, 29, 13, 5, 9).strftime("%^c|%12x|%-10X|%010D|%12F|%10T|%10R|%12r|%12v") }  # expect: "THU FEB 29 13:05:09 2024|    02/29/24|  13:05:09|0002/29/24|  2024-02-29|  13:05:09|     13:05| 01:05:09 PM| 29-FEB-2024"
# n t and % pad too; text pads with its flag, an empty zone not at all
t { Time.utc(2024, 2, 29, 13, 5, 9).strftime("%3n|%03t|%10%|%-10%") }  # expect: "  \n|00\t|         %|%"
t { Time.utc(2024, 2, 29, 13, 5, 9).strftime("%010A|%-5A|%#b|%^#A|%#p|%^P|%#Z") }  # expect: "00Thursday|Thursday|FEB|THURSDAY|pm|PM|utc"
t { Time.new(1999, 12, 31, 23, 59, 59, "-08:00").strftime("[%10Z|%03Z]") }  # expect: "[|]"
# negative years: Y and G are 5 wide with the sign, g is the year mod 100
t { Time.utc(-1, 1, 1).strftime("%Y|%_Y|%G|%_G|%g|%10g|%-g|%C|%y") }  # expect: "-0001|   -1|-0002|   -2|98|0000000098|98|-1|99"
t { Time.utc(12345, 6, 7).strftime("%Y|%10Y|%-Y|%C") }  # expect: "12345|0000012345|12345|123"
# a format that ends inside a directive is invalid
t { Time.utc(2024).strftime("%") }  # expect: ArgumentError: invalid format: %
t { Time.utc(2024).strftime("%5") }  # expect: ArgumentError: invalid format: %5
t { Time.utc(2024).strftime("%-") }  # expect: ArgumentError: invalid format: %-
t { Time.utc(2024).strftime("%E%") }  # expect: ArgumentError: invalid format: %E%
t { Time.utc(2024).strftime("%5%|%-%|%Q|%+") }  # expect: "    %|%|%Q|%+"
