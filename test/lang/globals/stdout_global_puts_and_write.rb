$stdout.puts "via $stdout"  # expect: via $stdout
STDOUT.puts "via STDOUT"  # expect: via STDOUT
$stdout.print "a", "b", "\n"  # expect: ab
$stdout.write("written\n")  # expect: written
p $stdout == STDOUT  # expect: true
