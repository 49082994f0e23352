# error: unexpected end-of-input
def foo
