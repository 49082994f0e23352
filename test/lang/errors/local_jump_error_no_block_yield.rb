def needs_block
  yield
end
needs_block
# expect error: no block given (yield) (LocalJumpError)
