def twice
  yield
  yield
end
twice { puts "hi" }

# expect: hi
# expect: hi
