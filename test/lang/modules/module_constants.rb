module Colors
  RED = "#f00"
  GREEN = "#0f0"
end
p Colors::RED  # expect: "#f00"
p Colors.constants.sort  # expect: [:GREEN, :RED]
p Colors.const_get(:GREEN)  # expect: "#0f0"
