i = 0
begin
  i += 2
end until i > 5
p i  # expect: 6
