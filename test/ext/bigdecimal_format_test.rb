# to_s with every kind of format argument (groups, signs, E/F, Integers)
require 'bigdecimal'
fmts = ["", "E", "e", "F", "f", "3", "+", " ", "+3F", " 10E", "0", "2 F", "1F", "x", "5x", "+F3", "F5", " +F", "++F", "12", 1, 3, 10] 
nums = %w[0 -0 1 -1.5 1234567.891 0.000123456 -98765432109876543210.0123456789 1e-20 1e20 NaN Infinity -Infinity 123456789 0.1]
nums.each { |n| fmts.each { |f| r = begin; BigDecimal(n).to_s(f); rescue => e; "#{e.class}: #{e.message}"; end; puts "#{n} #{f.inspect} #{r}" } }
# expect: 0 "" 0.0
# expect: 0 "E" 0.0
# expect: 0 "e" 0.0
# expect: 0 "F" 0.0
# expect: 0 "f" 0.0
# expect: 0 "3" 0.0
# expect: 0 "+" +0.0
# expect: 0 " "  0.0
# expect: 0 "+3F" +0.0
# expect: 0 " 10E"  0.0
# expect: 0 "0" 0.0
# expect: 0 "2 F" 0.0
# expect: 0 "1F" 0.0
# expect: 0 "x" 0.0
# expect: 0 "5x" 0.0
# expect: 0 "+F3" +0.0
# expect: 0 "F5" 0.0
# expect: 0 " +F"  0.0
# expect: 0 "++F" +0.0
# expect: 0 "12" 0.0
# expect: 0 1 0.0
# expect: 0 3 0.0
# expect: 0 10 0.0
# expect: -0 "" -0.0
# expect: -0 "E" -0.0
# expect: -0 "e" -0.0
# expect: -0 "F" -0.0
# expect: -0 "f" -0.0
# expect: -0 "3" -0.0
# expect: -0 "+" -0.0
# expect: -0 " " -0.0
# expect: -0 "+3F" -0.0
# expect: -0 " 10E" -0.0
# expect: -0 "0" -0.0
# expect: -0 "2 F" -0.0
# expect: -0 "1F" -0.0
# expect: -0 "x" -0.0
# expect: -0 "5x" -0.0
# expect: -0 "+F3" -0.0
# expect: -0 "F5" -0.0
# expect: -0 " +F" -0.0
# expect: -0 "++F" -0.0
# expect: -0 "12" -0.0
# expect: -0 1 -0.0
# expect: -0 3 -0.0
# expect: -0 10 -0.0
# expect: 1 "" 0.1e1
# expect: 1 "E" 0.1e1
# expect: 1 "e" 0.1e1
# expect: 1 "F" 1.0
# expect: 1 "f" 1.0
# expect: 1 "3" 0.1e1
# expect: 1 "+" +0.1e1
# expect: 1 " "  0.1e1
# expect: 1 "+3F" +1.0
# expect: 1 " 10E"  0.1e1
# expect: 1 "0" 0.1e1
# expect: 1 "2 F" 1.0
# expect: 1 "1F" 1.0
# expect: 1 "x" 0.1e1
# expect: 1 "5x" 0.1e1
# expect: 1 "+F3" +1.0
# expect: 1 "F5" 1.0
# expect: 1 " +F"  0.1e1
# expect: 1 "++F" +0.1e1
# expect: 1 "12" 0.1e1
# expect: 1 1 0.1e1
# expect: 1 3 0.1e1
# expect: 1 10 0.1e1
# expect: -1.5 "" -0.15e1
# expect: -1.5 "E" -0.15e1
# expect: -1.5 "e" -0.15e1
# expect: -1.5 "F" -1.5
# expect: -1.5 "f" -1.5
# expect: -1.5 "3" -0.15e1
# expect: -1.5 "+" -0.15e1
# expect: -1.5 " " -0.15e1
# expect: -1.5 "+3F" -1.5
# expect: -1.5 " 10E" -0.15e1
# expect: -1.5 "0" -0.15e1
# expect: -1.5 "2 F" -1.5
# expect: -1.5 "1F" -1.5
# expect: -1.5 "x" -0.15e1
# expect: -1.5 "5x" -0.15e1
# expect: -1.5 "+F3" -1.5
# expect: -1.5 "F5" -1.5
# expect: -1.5 " +F" -0.15e1
# expect: -1.5 "++F" -0.15e1
# expect: -1.5 "12" -0.15e1
# expect: -1.5 1 -0.1 5e1
# expect: -1.5 3 -0.15e1
# expect: -1.5 10 -0.15e1
# expect: 1234567.891 "" 0.1234567891e7
# expect: 1234567.891 "E" 0.1234567891e7
# expect: 1234567.891 "e" 0.1234567891e7
# expect: 1234567.891 "F" 1234567.891
# expect: 1234567.891 "f" 1234567.891
# expect: 1234567.891 "3" 0.123 456 789 1e7
# expect: 1234567.891 "+" +0.1234567891e7
# expect: 1234567.891 " "  0.1234567891e7
# expect: 1234567.891 "+3F" +123 456 7.891
# expect: 1234567.891 " 10E"  0.1234567891e7
# expect: 1234567.891 "0" 0.1234567891e7
# expect: 1234567.891 "2 F" 12 34 56 7.89 1
# expect: 1234567.891 "1F" 1 2 3 4 5 6 7.8 9 1
# expect: 1234567.891 "x" 0.1234567891e7
# expect: 1234567.891 "5x" 0.12345 67891e7
# expect: 1234567.891 "+F3" +1234567.891
# expect: 1234567.891 "F5" 1234567.891
# expect: 1234567.891 " +F"  0.1234567891e7
# expect: 1234567.891 "++F" +0.1234567891e7
# expect: 1234567.891 "12" 0.1234567891e7
# expect: 1234567.891 1 0.1 2 3 4 5 6 7 8 9 1e7
# expect: 1234567.891 3 0.123 456 789 1e7
# expect: 1234567.891 10 0.1234567891e7
# expect: 0.000123456 "" 0.123456e-3
# expect: 0.000123456 "E" 0.123456e-3
# expect: 0.000123456 "e" 0.123456e-3
# expect: 0.000123456 "F" 0.000123456
# expect: 0.000123456 "f" 0.000123456
# expect: 0.000123456 "3" 0.123 456e-3
# expect: 0.000123456 "+" +0.123456e-3
# expect: 0.000123456 " "  0.123456e-3
# expect: 0.000123456 "+3F" +0.000 123 456
# expect: 0.000123456 " 10E"  0.123456e-3
# expect: 0.000123456 "0" 0.123456e-3
# expect: 0.000123456 "2 F" 0.00 01 23 45 6
# expect: 0.000123456 "1F" 0.0 0 0 1 2 3 4 5 6
# expect: 0.000123456 "x" 0.123456e-3
# expect: 0.000123456 "5x" 0.12345 6e-3
# expect: 0.000123456 "+F3" +0.000123456
# expect: 0.000123456 "F5" 0.000123456
# expect: 0.000123456 " +F"  0.123456e-3
# expect: 0.000123456 "++F" +0.123456e-3
# expect: 0.000123456 "12" 0.123456e-3
# expect: 0.000123456 1 0.1 2 3 4 5 6e-3
# expect: 0.000123456 3 0.123 456e-3
# expect: 0.000123456 10 0.123456e-3
# expect: -98765432109876543210.0123456789 "" -0.987654321098765432100123456789e20
# expect: -98765432109876543210.0123456789 "E" -0.987654321098765432100123456789e20
# expect: -98765432109876543210.0123456789 "e" -0.987654321098765432100123456789e20
# expect: -98765432109876543210.0123456789 "F" -98765432109876543210.0123456789
# expect: -98765432109876543210.0123456789 "f" -98765432109876543210.0123456789
# expect: -98765432109876543210.0123456789 "3" -0.987 654 321 098 765 432 100 123 456 789e20
# expect: -98765432109876543210.0123456789 "+" -0.987654321098765432100123456789e20
# expect: -98765432109876543210.0123456789 " " -0.987654321098765432100123456789e20
# expect: -98765432109876543210.0123456789 "+3F" -987 654 321 098 765 432 10.012 345 678 9
# expect: -98765432109876543210.0123456789 " 10E" -0.9876543210 9876543210 0123456789e20
# expect: -98765432109876543210.0123456789 "0" -0.987654321098765432100123456789e20
# expect: -98765432109876543210.0123456789 "2 F" -98 76 54 32 10 98 76 54 32 10.01 23 45 67 89
# expect: -98765432109876543210.0123456789 "1F" -9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 4 3 2 1 0.0 1 2 3 4 5 6 7 8 9
# expect: -98765432109876543210.0123456789 "x" -0.987654321098765432100123456789e20
# expect: -98765432109876543210.0123456789 "5x" -0.98765 43210 98765 43210 01234 56789e20
# expect: -98765432109876543210.0123456789 "+F3" -98765432109876543210.0123456789
# expect: -98765432109876543210.0123456789 "F5" -98765432109876543210.0123456789
# expect: -98765432109876543210.0123456789 " +F" -0.987654321098765432100123456789e20
# expect: -98765432109876543210.0123456789 "++F" -0.987654321098765432100123456789e20
# expect: -98765432109876543210.0123456789 "12" -0.987654321098 765432100123 456789e20
# expect: -98765432109876543210.0123456789 1 -0.9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 4 3 2 1 0 0 1 2 3 4 5 6 7 8 9e20
# expect: -98765432109876543210.0123456789 3 -0.987 654 321 098 765 432 100 123 456 789e20
# expect: -98765432109876543210.0123456789 10 -0.9876543210 9876543210 0123456789e20
# expect: 1e-20 "" 0.1e-19
# expect: 1e-20 "E" 0.1e-19
# expect: 1e-20 "e" 0.1e-19
# expect: 1e-20 "F" 0.00000000000000000001
# expect: 1e-20 "f" 0.00000000000000000001
# expect: 1e-20 "3" 0.1e-19
# expect: 1e-20 "+" +0.1e-19
# expect: 1e-20 " "  0.1e-19
# expect: 1e-20 "+3F" +0.000 000 000 000 000 000 01
# expect: 1e-20 " 10E"  0.1e-19
# expect: 1e-20 "0" 0.1e-19
# expect: 1e-20 "2 F" 0.00 00 00 00 00 00 00 00 00 01
# expect: 1e-20 "1F" 0.0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1
# expect: 1e-20 "x" 0.1e-19
# expect: 1e-20 "5x" 0.1e-19
# expect: 1e-20 "+F3" +0.00000000000000000001
# expect: 1e-20 "F5" 0.00000000000000000001
# expect: 1e-20 " +F"  0.1e-19
# expect: 1e-20 "++F" +0.1e-19
# expect: 1e-20 "12" 0.1e-19
# expect: 1e-20 1 0.1e-19
# expect: 1e-20 3 0.1e-19
# expect: 1e-20 10 0.1e-19
# expect: 1e20 "" 0.1e21
# expect: 1e20 "E" 0.1e21
# expect: 1e20 "e" 0.1e21
# expect: 1e20 "F" 100000000000000000000.0
# expect: 1e20 "f" 100000000000000000000.0
# expect: 1e20 "3" 0.1e21
# expect: 1e20 "+" +0.1e21
# expect: 1e20 " "  0.1e21
# expect: 1e20 "+3F" +100 000 000 000 000 000 000.0
# expect: 1e20 " 10E"  0.1e21
# expect: 1e20 "0" 0.1e21
# expect: 1e20 "2 F" 10 00 00 00 00 00 00 00 00 00 0.0
# expect: 1e20 "1F" 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0.0
# expect: 1e20 "x" 0.1e21
# expect: 1e20 "5x" 0.1e21
# expect: 1e20 "+F3" +100000000000000000000.0
# expect: 1e20 "F5" 100000000000000000000.0
# expect: 1e20 " +F"  0.1e21
# expect: 1e20 "++F" +0.1e21
# expect: 1e20 "12" 0.1e21
# expect: 1e20 1 0.1e21
# expect: 1e20 3 0.1e21
# expect: 1e20 10 0.1e21
# expect: NaN "" NaN
# expect: NaN "E" NaN
# expect: NaN "e" NaN
# expect: NaN "F" NaN
# expect: NaN "f" NaN
# expect: NaN "3" NaN
# expect: NaN "+" NaN
# expect: NaN " " NaN
# expect: NaN "+3F" NaN
# expect: NaN " 10E" NaN
# expect: NaN "0" NaN
# expect: NaN "2 F" NaN
# expect: NaN "1F" NaN
# expect: NaN "x" NaN
# expect: NaN "5x" NaN
# expect: NaN "+F3" NaN
# expect: NaN "F5" NaN
# expect: NaN " +F" NaN
# expect: NaN "++F" NaN
# expect: NaN "12" NaN
# expect: NaN 1 NaN
# expect: NaN 3 NaN
# expect: NaN 10 NaN
# expect: Infinity "" Infinity
# expect: Infinity "E" Infinity
# expect: Infinity "e" Infinity
# expect: Infinity "F" Infinity
# expect: Infinity "f" Infinity
# expect: Infinity "3" Infinity
# expect: Infinity "+" +Infinity
# expect: Infinity " "  Infinity
# expect: Infinity "+3F" +Infinity
# expect: Infinity " 10E"  Infinity
# expect: Infinity "0" Infinity
# expect: Infinity "2 F" Infinity
# expect: Infinity "1F" Infinity
# expect: Infinity "x" Infinity
# expect: Infinity "5x" Infinity
# expect: Infinity "+F3" +Infinity
# expect: Infinity "F5" Infinity
# expect: Infinity " +F"  Infinity
# expect: Infinity "++F" +Infinity
# expect: Infinity "12" Infinity
# expect: Infinity 1 Infinity
# expect: Infinity 3 Infinity
# expect: Infinity 10 Infinity
# expect: -Infinity "" -Infinity
# expect: -Infinity "E" -Infinity
# expect: -Infinity "e" -Infinity
# expect: -Infinity "F" -Infinity
# expect: -Infinity "f" -Infinity
# expect: -Infinity "3" -Infinity
# expect: -Infinity "+" -Infinity
# expect: -Infinity " " -Infinity
# expect: -Infinity "+3F" -Infinity
# expect: -Infinity " 10E" -Infinity
# expect: -Infinity "0" -Infinity
# expect: -Infinity "2 F" -Infinity
# expect: -Infinity "1F" -Infinity
# expect: -Infinity "x" -Infinity
# expect: -Infinity "5x" -Infinity
# expect: -Infinity "+F3" -Infinity
# expect: -Infinity "F5" -Infinity
# expect: -Infinity " +F" -Infinity
# expect: -Infinity "++F" -Infinity
# expect: -Infinity "12" -Infinity
# expect: -Infinity 1 -Infinity
# expect: -Infinity 3 -Infinity
# expect: -Infinity 10 -Infinity
# expect: 123456789 "" 0.123456789e9
# expect: 123456789 "E" 0.123456789e9
# expect: 123456789 "e" 0.123456789e9
# expect: 123456789 "F" 123456789.0
# expect: 123456789 "f" 123456789.0
# expect: 123456789 "3" 0.123 456 789e9
# expect: 123456789 "+" +0.123456789e9
# expect: 123456789 " "  0.123456789e9
# expect: 123456789 "+3F" +123 456 789.0
# expect: 123456789 " 10E"  0.123456789e9
# expect: 123456789 "0" 0.123456789e9
# expect: 123456789 "2 F" 12 34 56 78 9.0
# expect: 123456789 "1F" 1 2 3 4 5 6 7 8 9.0
# expect: 123456789 "x" 0.123456789e9
# expect: 123456789 "5x" 0.12345 6789e9
# expect: 123456789 "+F3" +123456789.0
# expect: 123456789 "F5" 123456789.0
# expect: 123456789 " +F"  0.123456789e9
# expect: 123456789 "++F" +0.123456789e9
# expect: 123456789 "12" 0.123456789e9
# expect: 123456789 1 0.1 2 3 4 5 6 7 8 9e9
# expect: 123456789 3 0.123 456 789e9
# expect: 123456789 10 0.123456789e9
# expect: 0.1 "" 0.1e0
# expect: 0.1 "E" 0.1e0
# expect: 0.1 "e" 0.1e0
# expect: 0.1 "F" 0.1
# expect: 0.1 "f" 0.1
# expect: 0.1 "3" 0.1e0
# expect: 0.1 "+" +0.1e0
# expect: 0.1 " "  0.1e0
# expect: 0.1 "+3F" +0.1
# expect: 0.1 " 10E"  0.1e0
# expect: 0.1 "0" 0.1e0
# expect: 0.1 "2 F" 0.1
# expect: 0.1 "1F" 0.1
# expect: 0.1 "x" 0.1e0
# expect: 0.1 "5x" 0.1e0
# expect: 0.1 "+F3" +0.1
# expect: 0.1 "F5" 0.1
# expect: 0.1 " +F"  0.1e0
# expect: 0.1 "++F" +0.1e0
# expect: 0.1 "12" 0.1e0
# expect: 0.1 1 0.1e0
# expect: 0.1 3 0.1e0
# expect: 0.1 10 0.1e0
