p NotDefinedAnywhere
# expect error: uninitialized constant NotDefinedAnywhere (NameError)
