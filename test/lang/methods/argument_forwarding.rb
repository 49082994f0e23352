def target(*args, **kw, &blk)
  "#{args} #{kw} #{blk.call}"
end
def forward(...)
  target(...)
end
puts forward(1, 2, k: 3) { "block" }  # expect: [1, 2] {:k=>3} block
