p $never_assigned  # expect: nil
p defined?($never_assigned)  # expect: nil
