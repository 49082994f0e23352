# Coverage in oneshot_lines mode: each line once, in the order lines first ran;
# clear: lets them be reported again; Coverage.line_stub; setup without resume
require "coverage"
require "tmpdir"

SOURCE = <<~'RUBY'
  def grade(n)
    if n >= 90
      "A"
    elsif n >= 80
      "B"
    else
      "C"
    end
  end

  def twice
    yield
    yield
  end
  x = 0
  twice { x += 1 }
RUBY

Dir.mktmpdir do |dir|
  path = File.join(dir, "grade.rb")
  File.write(path, SOURCE)
  p Coverage.line_stub(path)
  Coverage.setup(oneshot_lines: true)
  p Coverage.running?
  require path
  p Coverage.peek_result[path]
  Coverage.resume
  grade(95)
  p Coverage.peek_result[path]
  grade(85)
  grade(95)
  grade(85)
  p Coverage.result(stop: false, clear: true)[path][:oneshot_lines]
  grade(50)
  grade(95)
  p Coverage.result(stop: false, clear: true)[path][:oneshot_lines]
  grade(95)
  p Coverage.result[path][:oneshot_lines]
  p Coverage.running?
end
# expect: [0, 0, 0, 0, 0, nil, 0, nil, nil, nil, 0, 0, 0, nil, 0, 0]
# expect: false
# expect: {:oneshot_lines=>[]}
# expect: {:oneshot_lines=>[2, 3]}
# expect: [2, 3, 4, 5]
# expect: [7]
# expect: []
# expect: false
