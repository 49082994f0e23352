def needs_block = yield
begin
  needs_block
rescue LocalJumpError => e
  p e.class  # expect: LocalJumpError
  puts e.message  # expect: no block given (yield)
end
