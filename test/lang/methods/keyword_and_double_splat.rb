def cfg(name:, **extra)
  "#{name} #{extra}"
end
puts cfg(name: "n", debug: true)  # expect: n {:debug=>true}
