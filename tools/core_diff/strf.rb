require_relative 'h'
ENV['TZ'] = 'UTC'
# Time#strftime: every directive with every flag and widths; Time.at/Time.new
# with Rationals and huge values; exact sub-second arithmetic
times = ['Time.utc(2024, 2, 29, 13, 5, 9, 123456.789r)', 'Time.at(0).utc', 'Time.new(1999, 12, 31, 23, 59, 59, "-08:00")', 'Time.utc(-1, 1, 1)', 'Time.utc(12345, 6, 7, 8, 9, 10)', 'Time.at(1.25, in: "+05:30")']
dirs = %w[Y C y m B b h d e j H k I l M S L N P p A a u w U W G g V Z z s Q c x X D F T R r v + n t %]
flags = ['', '-', '_', '0', '^', '#', '10', '-10', '_5', '03', '^10', '#10', ':', '::', '3', '12']
times.each do |tm|
  dirs.each { |d| flags.each { |f| t "#{tm}.strftime(#{('%' + f + d).inspect})" } }
  t "#{tm}.strftime('%E%O%Ey%Oy%EC%Od')"; t "#{tm}.strftime('%5%|%-%|%')"; t "#{tm}.strftime('%10N|%1N|%0N|%-N')"; t "#{tm}.strftime('%:::z|%::::z|%_:z|%-:z|%010:z')"
end
['1r/3', '2**70', '-(2**70)', '2**62', '1.5r', '-1r/7', '10**10 + 1r/10**12', '2**40 + 0.5', 'Float::MAX', '1e20'].each do |a|
  t "Time.at(#{a}).utc.inspect"; t "Time.at(#{a}).utc.to_r"; t "Time.at(#{a}).utc.subsec"; t "Time.at(#{a}).utc.year"; t "Time.at(#{a}, 1r/3).utc.nsec"; t "Time.at(#{a}, 500, :usec).utc.usec"
  t "(Time.at(0).utc + #{a}).inspect"; t "(Time.at(0).utc - #{a}).to_r"
end
t 'Time.utc(2000, 1, 1, 0, 0, 1r/3).inspect'; t 'Time.utc(2000, 1, 1, 0, 0, 59.999999999r).nsec'; t 'Time.new(2000, 1, 1, 0, 0, 10r/3, "+00:00").subsec'
t '(Time.at(1r/3) - Time.at(0)).class'; t 'Time.at(1r/3) - Time.at(0)'; t 'Time.at(1r/3).to_f'; t '(Time.at(1r/3) + 2r/3).to_i'; t 'Time.at(1r/3).round(5).subsec'; t 'Time.at(10r/3).floor(2).to_r'
t 'Time.at(0, 1r/3, :nsec).subsec'; t 'Time.at(0, 1.5, :nsec).subsec'; t 'Time.at(0, 123456789, :nsec).subsec'; t 'Time.at(0.1).subsec'; t 'Time.at(0.1r).subsec'
t 'Time.utc(2**40)'; t 'Time.utc(2000, 1, 1, 0, 0, 61)'; t 'Time.utc(2000, 2, 30)'; t 'Time.new(2000, 1, 1, 0, 0, 0, "+23:59").utc_offset'; t 'Time.new(2000, 1, 1, 0, 0, 0, "+24:00")'
