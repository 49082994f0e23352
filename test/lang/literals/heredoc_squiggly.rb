text = <<~EOS
  first
    indented
  last
EOS
print text

# expect: first
# expect:   indented
# expect: last
