def nothing; end
p nothing  # expect: nil
def nothing_too
end
p nothing_too  # expect: nil
