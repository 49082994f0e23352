# the uncaught-exception report carries the highlight and the suggestion
def compute_total = 42
compute_totl
# expect error: undefined local variable or method `compute_totl' for main:Object (NameError)
# expect error: compute_totl
# expect error: ^^^^^^^^^^^^
# expect error: Did you mean?  compute_total
