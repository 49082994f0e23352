def whoami
  __method__
end
p whoami  # expect: :whoami
p __method__  # expect: nil
