def maybe
  block_given? ? yield : "no block"
end
p maybe  # expect: "no block"
p maybe { "block" }  # expect: "block"
