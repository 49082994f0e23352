X ||= 5
p X  # expect: 5
module M
  Y ||= "m"
end
p M::Y  # expect: "m"
