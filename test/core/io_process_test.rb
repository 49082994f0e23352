# system, backticks, $?, gets at end of input, warn
p gets, $stdin.gets, $stdin.read, $stdin.eof?
p system("true"), $?.success?, $?.exitstatus, $?.class
p system("exit 3"), $?.exitstatus, $?.success?
p system("nonexistent_command_for_maglev_test"), $?.exitstatus
p `echo hi`, $?.to_i, `printf 'a\nb'`.lines
begin
  `nonexistent_command_for_maglev_test`
rescue SystemCallError => e
  p e.class
end
$stdout.flush
p system("echo", "two", "args")
p system({"MG_TEST_VAR" => "set"}, "test \"$MG_TEST_VAR\" = set")
puts `echo from child`
warn "to stderr"
p $?.inspect =~ /\A#<Process::Status: pid \d+ exit 0>\z/, $?.to_s =~ /\Apid \d+ exit 0\z/
p sleep(0)
begin
  sleep(-1)
rescue ArgumentError => e
  p e.message
end
begin
  sleep("x")
rescue TypeError => e
  p e.message
end

# expect: nil
# expect: nil
# expect: ""
# expect: true
# expect: true
# expect: true
# expect: 0
# expect: Process::Status
# expect: false
# expect: 3
# expect: false
# expect: nil
# expect: 127
# expect: "hi\n"
# expect: 0
# expect: ["a\n", "b"]
# expect: Errno::ENOENT
# expect: two args
# expect: true
# expect: true
# expect: from child
# expect: 0
# expect: 0
# expect: 0
# expect: "time interval must not be negative"
# expect: "can't convert String into time interval"
