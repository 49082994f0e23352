# ENV's Hash-like methods (Bundler saves the environment and restores it with ENV.replace)
saved = ENV.to_hash
ENV["MG_T1"] = "a"
ENV.update("MG_T2" => "b", "MG_T3" => "c")
p ENV.values_at("MG_T1", "MG_T2", "MG_NONE")
p ENV.select { |k, _| k.start_with?("MG_T") }.sort
p ENV.filter { |k, _| k == "MG_T1" }
p ENV.reject { |k, _| !k.start_with?("MG_T") }.size
p ENV.slice("MG_T3", "MG_NONE")
p ENV.assoc("MG_T2"), ENV.assoc("MG_NONE")
p ENV.key("c")
ENV.merge!("MG_T1" => "z") { |_k, old, new| old + new }
p ENV["MG_T1"]
p ENV.delete_if { |k, _| k == "MG_T3" }.equal?(ENV)
p ENV.key?("MG_T3")
p ENV.reject! { |k, _| k == "MG_NONE" }
ENV.each_key.select { |k| k.start_with?("MG_T") }.sort.then { p _1 }
ENV.replace(saved.merge("MG_T9" => "9"))
p ENV.keys.grep(/\AMG_T/)
ENV.replace(saved)
p ENV.to_hash == saved
begin
  ENV.replace("MG_X" => 1)
rescue TypeError => e
  puts e.message
end
p ENV.to_hash == saved
# expect: ["a", "b", nil]
# expect: [["MG_T1", "a"], ["MG_T2", "b"], ["MG_T3", "c"]]
# expect: {"MG_T1"=>"a"}
# expect: 3
# expect: {"MG_T3"=>"c"}
# expect: ["MG_T2", "b"]
# expect: nil
# expect: "MG_T3"
# expect: "az"
# expect: true
# expect: false
# expect: nil
# expect: ["MG_T1", "MG_T2"]
# expect: ["MG_T9"]
# expect: true
# expect: no implicit conversion of Integer into String
# expect: true
