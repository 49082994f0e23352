# test-unit's assert { } (power_assert): a failing block shows each call's value
# under it, found with Ripper.sexp on the line and a TracePoint on the calls
require 'test/unit'
require 'stringio'
require 'test/unit/ui/console/testrunner'
Test::Unit::AutoRunner.need_auto_run = false

class PowerAssertDiagramTest < Test::Unit::TestCase
  def test_include
    a = [1, 2]
    assert { a.include?(3) }
  end

  def test_chain
    s = "abc"
    assert { s.upcase.start_with?("x") }
  end

  def test_operators
    x = 3
    y = [4, 5]
    assert { x + y.first == y.last * 2 }
  end

  def test_passes
    assert { [1, 2].include?(2) }
  end
end

out = StringIO.new
runner = Test::Unit::UI::Console::TestRunner.new(PowerAssertDiagramTest.suite, output: out, use_color: false)
result = runner.start
out.string.each_line do |l|
  next if l =~ /Finished in|tests\/s|^Loaded suite|^Started/
  puts l.gsub(__FILE__, File.basename(__FILE__)).rstrip
end
p result.passed?

# expect: F
# expect: ===============================================================================
# expect: Failure: test_chain(PowerAssertDiagramTest):
# expect:       assert { s.upcase.start_with?("x") }
# expect:                | |      |
# expect:                | |      false
# expect:                | "ABC"
# expect:                "abc"
# expect: power_assert_diagram_test.rb:16:in `test_chain'
# expect:      13:
# expect:      14:   def test_chain
# expect:      15:     s = "abc"
# expect:   => 16:     assert { s.upcase.start_with?("x") }
# expect:      17:   end
# expect:      18:
# expect:      19:   def test_operators
# expect: ===============================================================================
# expect: F
# expect: ===============================================================================
# expect: Failure: test_include(PowerAssertDiagramTest):
# expect:       assert { a.include?(3) }
# expect:                | |
# expect:                | false
# expect:                [1, 2]
# expect: power_assert_diagram_test.rb:11:in `test_include'
# expect:       8: class PowerAssertDiagramTest < Test::Unit::TestCase
# expect:       9:   def test_include
# expect:      10:     a = [1, 2]
# expect:   => 11:     assert { a.include?(3) }
# expect:      12:   end
# expect:      13:
# expect:      14:   def test_chain
# expect: ===============================================================================
# expect: F
# expect: ===============================================================================
# expect: Failure: test_operators(PowerAssertDiagramTest):
# expect:       assert { x + y.first == y.last * 2 }
# expect:                | | | |     |  | |    |
# expect:                | | | |     |  | |    10
# expect:                | | | |     |  | 5
# expect:                | | | |     |  [4, 5]
# expect:                | | | |     false
# expect:                | | | 4
# expect:                | | [4, 5]
# expect:                | 7
# expect:                3
# expect: power_assert_diagram_test.rb:22:in `test_operators'
# expect:      19:   def test_operators
# expect:      20:     x = 3
# expect:      21:     y = [4, 5]
# expect:   => 22:     assert { x + y.first == y.last * 2 }
# expect:      23:   end
# expect:      24:
# expect:      25:   def test_passes
# expect: ===============================================================================
# expect: .
# expect: -------------------------------------------------------------------------------
# expect: 4 tests, 4 assertions, 3 failures, 0 errors, 0 pendings, 0 omissions, 0 notifications
# expect: 25% passed
# expect: -------------------------------------------------------------------------------
# expect: false
