# An RSpec file with passing, failing and pending examples, run by `rspec` (-S
# finds Debian's /usr/bin/rspec on PATH) under this interpreter; the report is
# printed with the timings normalised.
require "rbconfig"
require "tmpdir"

# (one source line per failure: more needs Ripper, a C extension maglev lacks)
SPEC = <<~'RUBY'
  RSpec.configure { |c| c.max_displayed_failure_line_count = 1 }

  class Stack
    def initialize = @items = []
    def push(x) = @items.push(x) && self
    def pop = @items.pop
    def size = @items.size
    def empty? = @items.empty?
  end

  RSpec.describe Stack do
    subject(:stack) { Stack.new }

    it "starts empty" do
      expect(stack).to be_empty
    end

    context "after two pushes" do
      before { stack.push(1).push(2) }

      it "has two items" do
        expect(stack.size).to eq(2)
      end

      it "pops the last one" do
        expect(stack.pop).to eq(2)
      end

      it "is wrong on purpose" do
        expect(stack.pop).to eq(1)
      end
    end

    it "raises as expected" do
      expect { Integer("x") }.to raise_error(ArgumentError, /invalid value/)
    end

    it "matches collections" do
      expect([3, 1, 2].sort).to contain_exactly(1, 2, 3)
      expect({ a: 1, b: 2 }).to include(a: 1)
    end

    it "fails a collection match" do
      expect([1, 2, 3]).to include(4)
    end

    it "is pending" do
      pending "not implemented"
      expect(stack.pop).to eq(:nothing)
    end

    it "is skipped", skip: "later" do
    end

    xit "is disabled" do
    end
  end
RUBY

Dir.mktmpdir do |dir|
  Dir.chdir(dir) do
    File.write("stack_spec.rb", SPEC)
    out = IO.popen([RbConfig.ruby, "-S", "rspec", "--no-color", "./stack_spec.rb", err: [:child, :out]], &:read)
    puts out.gsub(/Finished in [\d.]+ seconds \(files took [\d.]+ seconds to load\)/,
                  "Finished in T seconds (files took T seconds to load)")
    puts "exit status #{$?.exitstatus}"
  end
end
# expect: ...F***..F
# expect:
# expect: Pending: (Failures listed here are expected and do not affect your suite's status)
# expect:
# expect:   1) Stack is pending
# expect:      # not implemented
# expect:      Failure/Error: expect(stack.pop).to eq(:nothing)
# expect:
# expect:        expected: :nothing
# expect:             got: nil
# expect:
# expect:        (compared using ==)
# expect:      # ./stack_spec.rb:49:in `block (2 levels) in <top (required)>'
# expect:
# expect:   2) Stack is skipped
# expect:      # later
# expect:      # ./stack_spec.rb:52
# expect:
# expect:   3) Stack is disabled
# expect:      # Temporarily skipped with xit
# expect:      # ./stack_spec.rb:55
# expect:
# expect: Failures:
# expect:
# expect:   1) Stack fails a collection match
# expect:      Failure/Error: expect([1, 2, 3]).to include(4)
# expect:        expected [1, 2, 3] to include 4
# expect:      # ./stack_spec.rb:44:in `block (2 levels) in <top (required)>'
# expect:
# expect:   2) Stack after two pushes is wrong on purpose
# expect:      Failure/Error: expect(stack.pop).to eq(1)
# expect:
# expect:        expected: 1
# expect:             got: 2
# expect:
# expect:        (compared using ==)
# expect:      # ./stack_spec.rb:30:in `block (3 levels) in <top (required)>'
# expect:
# expect: Finished in T seconds (files took T seconds to load)
# expect: 10 examples, 2 failures, 3 pending
# expect:
# expect: Failed examples:
# expect:
# expect: rspec ./stack_spec.rb:43 # Stack fails a collection match
# expect: rspec ./stack_spec.rb:29 # Stack after two pushes is wrong on purpose
# expect:
# expect: exit status 1
