# minitest (Debian's ruby-minitest, found in RubyGems' directories): a run with passes, a failure, an error and a skip
require "minitest"
require "stringio"
class ArithTest < Minitest::Test
  def test_add = assert_equal(4, 2 + 2)
  def test_fail = assert_equal([1, 2], [1, 3])
  def test_raise = assert_raises(ZeroDivisionError) { 1 / 0 }
  def test_skip = skip("later")
  def test_error = raise(ArgumentError, "boom")
  def test_predicates
    assert_nil nil
    assert_includes [1, 2], 2
    refute_empty [1]
    assert_match(/b/, "abc")
    assert_in_delta 1.0, 1.05, 0.1
  end
end
out = StringIO.new
saved, $stdout = $stdout, out
ok = Minitest.run(["--seed", "42"])
$stdout = saved
p ok
text = out.string
puts text[/^\d+ runs.*$/]
puts text.scan(/^ArithTest#\w+/).sort
puts text[/Expected: .*\n  Actual: .*/]
puts text[/ArgumentError: boom/]

# expect: false
# expect: 6 runs, 11 assertions, 1 failures, 1 errors, 1 skips
# expect: ArithTest#test_error
# expect: ArithTest#test_fail
# expect: Expected: [1, 2]
# expect:   Actual: [1, 3]
# expect: ArgumentError: boom
