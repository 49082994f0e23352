# YAML (Debian's psych Ruby files over src/ext/psych.c on libyaml): load, dump, to_yaml, safe_load, streams, errors, structs
require "yaml"
doc = YAML.load("a: 1\nb: [x, y]\nc:\n  d: true\n  e: 1.5\n  f: ~\n  g: '2020'\n")
p doc
puts({ "name" => "x", "list" => [1, 2, { "k" => "v" }], "n" => nil, "f" => 1.5, "t" => true, "s" => "multi\nline" }.to_yaml)
p YAML.load("- 1\n- two\n- :sym\n- 2021-01-02", permitted_classes: [Symbol, Date]) rescue p $!.class
p YAML.safe_load("x: [1, 2]")
p YAML.load_stream("--- 1\n--- 2\n")
begin
  YAML.load("a: [1, 2")
rescue Psych::SyntaxError => e
  p e.class, e.message
end
p YAML.dump("plain"), YAML.dump(:sym), YAML.dump([]), [1, [2, 3]].to_yaml
p YAML.load("&a [1, *a]") rescue p $!.class
p YAML.load_file("/nonexistent") rescue p $!.class
S = Struct.new(:a, :b)
y = YAML.dump(S.new(1, "x"))
puts y
p YAML.unsafe_load(y)

# expect: {"a"=>1, "b"=>["x", "y"], "c"=>{"d"=>true, "e"=>1.5, "f"=>nil, "g"=>"2020"}}
# expect: ---
# expect: name: x
# expect: list:
# expect: - 1
# expect: - 2
# expect: - k: v
# expect: "n":
# expect: f: 1.5
# expect: t: true
# expect: s: |-
# expect:   multi
# expect:   line
# expect: NameError
# expect: {"x"=>[1, 2]}
# expect: [1, 2]
# expect: Psych::SyntaxError
# expect: "(<unknown>): did not find expected ',' or ']' while parsing a flow sequence at line 1 column 4"
# expect: "--- plain\n"
# expect: "--- :sym\n"
# expect: "--- []\n"
# expect: "---\n- 1\n- - 2\n  - 3\n"
# expect: Psych::BadAlias
# expect: Errno::ENOENT
# expect: --- !ruby/struct:S
# expect: a: 1
# expect: b: x
# expect: #<struct S a=1, b="x">
