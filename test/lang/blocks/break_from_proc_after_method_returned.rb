def make
  proc { break 1 }
end
begin
  make.call
rescue LocalJumpError => e
  p e.class  # expect: LocalJumpError
  puts e.message  # expect: break from proc-closure
end
