# error: dynamic constant assignment
def f; A = 1; end
