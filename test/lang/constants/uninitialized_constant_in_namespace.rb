module Space; end
Space::Missing
# expect error: uninitialized constant Space::Missing (NameError)
