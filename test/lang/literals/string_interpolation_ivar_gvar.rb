@name = "ivar"
$gname = "gvar"
puts "#@name and #$gname"  # expect: ivar and gvar
puts "\#{not} \#@name"  # expect: #{not} #@name
