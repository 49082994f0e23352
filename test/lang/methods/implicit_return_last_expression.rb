def pick(flag)
  if flag
    :yes
  else
    :no
  end
end
p pick(true)  # expect: :yes
p pick(nil)  # expect: :no
