class Host
  X = :host_x
end
p Host.class_eval("X")  # expect: :host_x
p Host.class_eval { self }  # expect: Host
