def find_first_even(list)
  list.each do |x|
    return x if x.even?
  end
  nil
end
p find_first_even([1, 3, 4, 6])  # expect: 4
p find_first_even([1, 3])  # expect: nil
