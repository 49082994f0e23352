puts "main"
END { puts "END block" }
BEGIN { puts "BEGIN block" }

# expect: BEGIN block
# expect: main
# expect: END block
