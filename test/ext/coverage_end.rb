# Coverage counts a file's lines up to its __END__ line; a last line without a
# newline counts; a file loaded twice gets a fresh record
require "coverage"
require "tmpdir"
Dir.mktmpdir do |dir|
  a = File.join(dir, "with_end.rb")
  File.write(a, "x = 1\nif x > 0\n  x += 1\nend\n__END__\ndata\nmore\n")
  b = File.join(dir, "no_newline.rb")
  File.write(b, "a = 1\nb = 2")
  Coverage.start
  load a
  load b
  load b
  r = Coverage.result
  p r[a], r[b]
  p r.keys.map { |f| File.basename(f) }
end
# expect: [1, 1, 1, nil, nil]
# expect: [1, 1]
# expect: ["with_end.rb", "no_newline.rb"]
