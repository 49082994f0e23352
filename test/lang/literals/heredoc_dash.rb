def show
  <<-EOS
    keeps indentation
    EOS
end
print show  # expect:     keeps indentation
