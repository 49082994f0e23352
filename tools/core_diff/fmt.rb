require_relative 'h'
vals = %w[0 1 -1 42 -42 255 3.14159 -2.5 0.0 -0.0 1e20 1.5e-7 2**70 -(2**70) Float::INFINITY -Float::INFINITY Float::NAN "'str'" nil :sym 1r/3 true]
dirs = %w[d i u x X o b B e E f g G a A s p c %]
flags = ["", "-", "+", " ", "0", "#", "-+", "#0", "+0", " 0"]
widths = ["", "8", "1", ".3", "10.2", ".0", "*", "-12"]
dirs.each do |d|
  flags.each do |f|
    widths.each do |w|
      vals.each_with_index do |v, i|
        next if (i + f.size + w.size) % 3 != 0 && !%w[d x e f g s].include?(d)
        if w == "*"
          t "format('%#{f}*#{d}', 7, #{v})"
        else
          t "format('%#{f}#{w}#{d}', #{v})"
        end
      end
    end
  end
end
["%s %s", "%1$s %2$s %1$s", "%<a>s-%<b>d", "%{a}|%{b}", "%-5{a}|", "%*d", "%-*d", "%.*f", "%c", "%5c", "%c%c", "%", "%z", "abc%", "%1$s %s", "%s %1$s", "%<a>s %s", "%08.3f", "%+x", "% x", "%#b", "%#o", "%#x", "%.0e", "%#.0e", "%#.0f", "%.10g", "%#g", "%-+08d", "%.3s", "%5.1s", "%x", "%.3x", "%08.3x", "%+.3d"].each do |f|
  [[1, 2], [-5, 3.5], [{a: 1, b: 2}], ["ab", "cd"], [65], [-255], [3], [1.5, 2]].each do |a|
    t "format(#{f.inspect}, *#{a.inspect})"
    t "#{f.inspect} % #{a.size == 1 ? a[0].inspect : a.inspect}"
  end
end
t "format('%d', '12')"; t "format('%d', '0x1f')"; t "format('%d', '1_000')"; t "format('%d', 'x')"; t "format('%f', '1.5')"; t "format('%d', 1.9)"; t "format('%d', -1.9)"; t "format('%d', nil)"
t "format('%x', -255)"; t "format('%o', -8)"; t "format('%b', -5)"; t "format('%.5x', -255)"; t "format('% x', -255)"; t "format('%#x', 0)"; t "format('%#o', 0)"
t "format('%s')"; t "format('%d %d', 1)"; t "format('%d', 1, 2)"; t "format('%c', '')"; t "format('%c', 'hello')"; t "format('%c', -1)"; t "format('%c', 0x110000)"
t "format('%e', 0)"; t "format('%g', 100000)"; t "format('%g', 1000000)"; t "format('%g', 1e-5)"; t "format('%g', 1e-4)"; t "format('%a', 1.0)"; t "format('%a', 0.1)"; t "format('%A', -3.75)"
t "format('%f', 2**70)"; t "format('%.2f', 1r/3)"; t "format('%f', 10**25)"; t "format('%.30f', 0.1)"; t "format('%.60e', 1)"; t "format('%500d', 1).size"
