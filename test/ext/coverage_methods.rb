# Coverage methods: (with lines:) -- each method defined in a covered file,
# keyed [class, name, start line, start column, end line, end column], and its
# calls; a def that has not run yet is not listed; endless defs, singleton
# methods, reopened classes, result(clear:) and methods: alone
require "coverage"
require "tmpdir"
SRC = <<~'RUBY'
  class A
    def f(x)
      x
    end
    def g = 1
    def self.s(a = 1)
      a
    end
  end
  A.new.f(1)
  A.new.f(2)
  A.s
  def top; end
  module M
    def m; end
  end
  class A
    def f(x) = x * 2
  end
  A.new.f(3)
  def later
    def inner = 1
  end
RUBY
Dir.mktmpdir do |dir|
  path = File.join(dir, "m.rb")
  File.write(path, SRC)
  Coverage.start(methods: true, lines: true)
  load path
  r = Coverage.peek_result[path]
  p r.keys
  r[:methods].sort_by { |k, _| [k[2], k[3]] }.each { |k, v| p [k, v] }
  p r[:lines]
  later
  r = Coverage.result(stop: false, clear: true)[path]
  r[:methods].sort_by { |k, _| [k[2], k[3]] }.each { |k, v| p [k, v] }
  A.new.f(1)
  p Coverage.result[path][:methods].select { |_, v| v > 0 }
  Coverage.start(methods: true)
  load path
  p Coverage.result[path].keys
end
# expect: [:lines, :methods]
# expect: [[A, :f, 2, 2, 4, 5], 2]
# expect: [[A, :g, 5, 2, 5, 11], 0]
# expect: [[#<Class:A>, :s, 6, 2, 8, 5], 1]
# expect: [[Object, :top, 13, 0, 13, 12], 0]
# expect: [[M, :m, 15, 2, 15, 12], 0]
# expect: [[A, :f, 18, 2, 18, 18], 1]
# expect: [[Object, :later, 21, 0, 23, 3], 0]
# expect: [1, 1, 2, nil, 1, 1, 1, nil, nil, 1, 1, 1, 1, 1, 1, nil, 1, 1, nil, 1, 1, 0, nil]
# expect: [[A, :f, 2, 2, 4, 5], 2]
# expect: [[A, :g, 5, 2, 5, 11], 0]
# expect: [[#<Class:A>, :s, 6, 2, 8, 5], 1]
# expect: [[Object, :top, 13, 0, 13, 12], 0]
# expect: [[M, :m, 15, 2, 15, 12], 0]
# expect: [[A, :f, 18, 2, 18, 18], 1]
# expect: [[Object, :later, 21, 0, 23, 3], 1]
# expect: [[Object, :inner, 22, 2, 22, 15], 0]
# expect: {[A, :f, 18, 2, 18, 18]=>1}
# expect: [:methods]
