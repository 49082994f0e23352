# rspec-mocks doubles and message expectations, around hooks, aggregate_failures,
# composed matchers and shared examples, run by `rspec` under this interpreter
require "rbconfig"
require "tmpdir"

SPEC = <<~'RUBY'
  RSpec.configure { |c| c.max_displayed_failure_line_count = 1 }
  RSpec.shared_examples "a collection" do
    it("responds to each") { expect(subject).to respond_to(:each) }
  end
  RSpec.describe "mocks and more" do
    let(:calc) { double("calc", add: 3) }
    it "uses a double" do
      expect(calc.add(1, 2)).to eq(3)
    end
    it "expects a message" do
      d = double("svc")
      expect(d).to receive(:call).with(5).and_return(:ok)
      expect(d.call(5)).to eq(:ok)
    end
    it "fails a message expectation" do
      d = double("svc")
      expect(d).to receive(:call).once
    end
    it "stubs a real object" do
      s = "hello"
      allow(s).to receive(:upcase).and_return("STUB")
      expect(s.upcase).to eq("STUB")
    end
    around { |ex| ex.run }
    it "aggregates" do
      aggregate_failures do
        expect(1).to eq(2)
        expect(:a).to be_a(String)
      end
    end
    it "matches" do
      expect("maglev").to start_with("mag").and end_with("lev")
      expect([1, 2]).to all(be_positive)
      expect { |b| [1, 2].each(&b) }.to yield_successive_args(1, 2)
      expect(5).to be_between(1, 10)
      expect(nil).to be_nil
      expect { raise KeyError }.to raise_error(KeyError)
      expect(1.0).to be_within(0.1).of(1.05)
      expect({ a: { b: 1 } }).to match(a: hash_including(b: 1))
    end
    it "changes" do
      a = []
      expect { a << 1 }.to change { a.size }.from(0).to(1)
    end
    describe Array do
      subject { [1] }
      it_behaves_like "a collection"
    end
  end
RUBY

Dir.mktmpdir do |dir|
  Dir.chdir(dir) do
    File.write("m_spec.rb", SPEC)
    out = IO.popen([RbConfig.ruby, "-S", "rspec", "--no-color", "./m_spec.rb", err: [:child, :out]], &:read)
    puts out.gsub(/Finished in [\d.]+ seconds \(files took [\d.]+ seconds to load\)/,
                  "Finished in T seconds (files took T seconds to load)")
    puts "exit status #{$?.exitstatus}"
  end
end
# expect: ..F.F...
# expect:
# expect: Failures:
# expect:
# expect:   1) mocks and more fails a message expectation
# expect:      Failure/Error: expect(d).to receive(:call).once
# expect:
# expect:        (Double "svc").call(*(any args))
# expect:            expected: 1 time with any arguments
# expect:            received: 0 times with any arguments
# expect:      # ./m_spec.rb:17:in `block (2 levels) in <top (required)>'
# expect:      # ./m_spec.rb:24:in `block (2 levels) in <top (required)>'
# expect:
# expect:   2) mocks and more aggregates
# expect:      Got 2 failures from failure aggregation block.
# expect:      # ./m_spec.rb:26:in `block (2 levels) in <top (required)>'
# expect:      # ./m_spec.rb:24:in `block (2 levels) in <top (required)>'
# expect:
# expect:      2.1) Failure/Error: expect(1).to eq(2)
# expect:
# expect:             expected: 2
# expect:                  got: 1
# expect:
# expect:             (compared using ==)
# expect:           # ./m_spec.rb:27:in `block (3 levels) in <top (required)>'
# expect:
# expect:      2.2) Failure/Error: expect(:a).to be_a(String)
# expect:             expected :a to be a kind of String
# expect:           # ./m_spec.rb:28:in `block (3 levels) in <top (required)>'
# expect:
# expect: Finished in T seconds (files took T seconds to load)
# expect: 8 examples, 2 failures
# expect:
# expect: Failed examples:
# expect:
# expect: rspec ./m_spec.rb:15 # mocks and more fails a message expectation
# expect: rspec ./m_spec.rb:25 # mocks and more aggregates
# expect:
# expect: exit status 1
