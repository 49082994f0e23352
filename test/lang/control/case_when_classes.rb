def what(x)
  case x
  when Integer then "int"
  when String, Symbol then "stringish"
  when nil then "nil"
  when Array then "array of #{x.size}"
  end
end
p what(1)  # expect: "int"
p what("s")  # expect: "stringish"
p what(:s)  # expect: "stringish"
p what(nil)  # expect: "nil"
p what([1, 2])  # expect: "array of 2"
p what(1.5)  # expect: nil
