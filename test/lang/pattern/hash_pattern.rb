config = { name: "app", port: 8080, env: { debug: true } }
case config
in { name: String => name, port: Integer => port }
  puts "#{name} on #{port}"  # expect: app on 8080
end
case config
in { env: { debug: } }
  p debug  # expect: true
end
