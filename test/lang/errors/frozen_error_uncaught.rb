CONFIG = "locked".freeze
CONFIG << "x"
# expect error: can't modify frozen String: "locked" (FrozenError)
