# after ':' the lexer reads "&." as the safe-navigation operator, so :&.x is a
# syntax error as in CRuby; :& on its own, :& .x and &:sym are fine
begin
  eval(':&.inspect')
rescue SyntaxError => e
  puts e.message[/unexpected &\./]  # expect: unexpected &.
end
p :&  # expect: :&
p(:& .to_s)  # expect: "&"
p [1].map(&:to_s)  # expect: ["1"]
p %i[& |]  # expect: [:&, :|]
