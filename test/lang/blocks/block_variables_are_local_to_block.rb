[1].each { |v| inner = v }
p defined?(inner)  # expect: nil
p defined?(v)  # expect: nil
