i = 0
r = while true
  i += 1
  break "done at #{i}" if i == 4
end
p r  # expect: "done at 4"
