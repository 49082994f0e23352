h = { "a" => 1, :b => 2, c: 3 }
p h  # expect: {"a"=>1, :b=>2, :c=>3}
p h[:c]  # expect: 3
p h["a"]  # expect: 1
p({ "quoted key": 4 })  # expect: {:"quoted key"=>4}
p({})  # expect: {}
