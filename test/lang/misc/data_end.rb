# The main script's DATA is its own file, read from just after __END__.
p DATA.class                 # expect: File
p DATA.gets                  # expect: "first line\n"
p DATA.read                  # expect: "second line\n  third\n"
p DATA.eof?                  # expect: true
DATA.rewind
p DATA.gets                  # expect: "# The main script's DATA is its own file, read from just after __END__.\n"
p __FILE__ == DATA.path      # expect: true
__END__
first line
second line
  third
