# deltablue: an incremental dataflow constraint solver in the style of the
# DeltaBlue algorithm (Freeman-Benson, Maloney and Borning), written from
# the algorithm's description. Constraints have strengths; adding or removing
# one re-plans incrementally by walking strengths through the constraint
# graph; a plan is then extracted and executed repeatedly. Measures method
# calls, polymorphism, Array iteration and many small objects.

class Strength
  attr_reader :level, :name

  def initialize(level, name)
    @level = level
    @name = name
  end

  def stronger?(other)
    @level < other.level
  end

  def weaker?(other)
    @level > other.level
  end

  def weakest_of(other)
    weaker?(other) ? self : other
  end

  def next_weaker
    ALL[@level + 1]
  end

  REQUIRED         = new(0, :required)
  STRONG_PREFERRED = new(1, :strong_preferred)
  PREFERRED        = new(2, :preferred)
  STRONG_DEFAULT   = new(3, :strong_default)
  NORMAL           = new(4, :normal)
  WEAK_DEFAULT     = new(5, :weak_default)
  WEAKEST          = new(6, :weakest)
  ALL = [REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT,
         NORMAL, WEAK_DEFAULT, WEAKEST]
end

class Variable
  attr_accessor :value, :determined_by, :mark, :walk_strength, :stay
  attr_reader :name, :constraints

  def initialize(name, value)
    @name = name
    @value = value
    @constraints = []
    @determined_by = nil
    @mark = 0
    @walk_strength = Strength::WEAKEST
    @stay = true
  end

  def attach(constraint)
    @constraints << constraint
  end

  def detach(constraint)
    @constraints.delete(constraint)
    @determined_by = nil if @determined_by.equal?(constraint)
  end
end

class Constraint
  attr_reader :strength

  def initialize(planner, strength)
    @planner = planner
    @strength = strength
  end

  def add
    add_to_graph
    @planner.incremental_add(self)
    self
  end

  def input?
    false
  end

  # Tries to enforce this constraint during the walk identified by `mark`.
  # Returns the constraint it overrode (now unsatisfied), or nil.
  def satisfy(mark)
    choose_method(mark)
    unless satisfied?
      raise "could not satisfy a required constraint" if @strength.equal?(Strength::REQUIRED)
      return nil
    end
    mark_inputs(mark)
    out = output
    overridden = out.determined_by
    overridden.mark_unsatisfied if overridden
    out.determined_by = self
    raise "cycle encountered" unless @planner.add_propagate(self, mark)
    out.mark = mark
    overridden
  end

  def destroy
    if satisfied?
      @planner.incremental_remove(self)
    else
      remove_from_graph
    end
  end
end

class UnaryConstraint < Constraint
  def initialize(planner, variable, strength)
    super(planner, strength)
    @output = variable
    @satisfied = false
    add
  end

  def add_to_graph
    @output.attach(self)
    @satisfied = false
  end

  def remove_from_graph
    @output.detach(self)
    @satisfied = false
  end

  def choose_method(mark)
    @satisfied = @output.mark != mark && @strength.stronger?(@output.walk_strength)
  end

  def satisfied?
    @satisfied
  end

  def mark_unsatisfied
    @satisfied = false
  end

  def mark_inputs(_mark)
  end

  def inputs_known?(_mark)
    true
  end

  def output
    @output
  end

  def recalculate
    @output.walk_strength = @strength
    @output.stay = !input?
    execute if @output.stay
  end
end

# Keeps a variable where it is unless something stronger moves it.
class StayConstraint < UnaryConstraint
  def execute
  end
end

# Marks a variable as an input the program is about to change.
class EditConstraint < UnaryConstraint
  def input?
    true
  end

  def execute
  end
end

class BinaryConstraint < Constraint
  NONE = 0
  FORWARD = 1
  BACKWARD = 2

  def initialize(planner, v1, v2, strength)
    super(planner, strength)
    @v1 = v1
    @v2 = v2
    @direction = NONE
  end

  def add_to_graph
    @v1.attach(self)
    @v2.attach(self)
    @direction = NONE
  end

  def remove_from_graph
    @v1.detach(self)
    @v2.detach(self)
    @direction = NONE
  end

  def choose_method(mark)
    if @v1.mark == mark
      @direction = @v2.mark != mark && @strength.stronger?(@v2.walk_strength) ? FORWARD : NONE
    elsif @v2.mark == mark
      @direction = @v1.mark != mark && @strength.stronger?(@v1.walk_strength) ? BACKWARD : NONE
    elsif @v1.walk_strength.weaker?(@v2.walk_strength)
      @direction = @strength.stronger?(@v1.walk_strength) ? BACKWARD : NONE
    else
      @direction = @strength.stronger?(@v2.walk_strength) ? FORWARD : BACKWARD
    end
  end

  def satisfied?
    @direction != NONE
  end

  def mark_unsatisfied
    @direction = NONE
  end

  def input
    @direction == FORWARD ? @v1 : @v2
  end

  def output
    @direction == FORWARD ? @v2 : @v1
  end

  def mark_inputs(mark)
    input.mark = mark
  end

  def inputs_known?(mark)
    i = input
    i.mark == mark || i.stay || i.determined_by.nil?
  end

  def recalculate
    i = input
    o = output
    o.walk_strength = @strength.weakest_of(i.walk_strength)
    o.stay = i.stay
    execute if o.stay
  end
end

# v1 == v2
class EqualityConstraint < BinaryConstraint
  def initialize(planner, v1, v2, strength)
    super
    add
  end

  def execute
    output.value = input.value
  end
end

# dest == src * scale + offset
class ScaleConstraint < BinaryConstraint
  def initialize(planner, src, scale, offset, dest, strength)
    super(planner, src, dest, strength)
    @scale = scale
    @offset = offset
    add
  end

  def add_to_graph
    super
    @scale.attach(self)
    @offset.attach(self)
  end

  def remove_from_graph
    super
    @scale.detach(self)
    @offset.detach(self)
  end

  def mark_inputs(mark)
    super
    @scale.mark = mark
    @offset.mark = mark
  end

  def execute
    if @direction == FORWARD
      @v2.value = @v1.value * @scale.value + @offset.value
    else
      @v1.value = (@v2.value - @offset.value) / @scale.value
    end
  end

  def recalculate
    i = input
    o = output
    o.walk_strength = @strength.weakest_of(i.walk_strength)
    o.stay = i.stay && @scale.stay && @offset.stay
    execute if o.stay
  end
end

class Plan
  def initialize
    @steps = []
  end

  def <<(constraint)
    @steps << constraint
  end

  def size
    @steps.size
  end

  def execute
    @steps.each { |c| c.execute }
  end
end

class Planner
  def initialize
    @current_mark = 0
  end

  def new_mark
    @current_mark += 1
  end

  def incremental_add(constraint)
    mark = new_mark
    overridden = constraint.satisfy(mark)
    overridden = overridden.satisfy(mark) while overridden
  end

  def incremental_remove(constraint)
    out = constraint.output
    constraint.mark_unsatisfied
    constraint.remove_from_graph
    unsatisfied = remove_propagate_from(out)
    strength = Strength::REQUIRED
    until strength.equal?(Strength::WEAKEST)
      unsatisfied.each { |u| incremental_add(u) if u.strength.equal?(strength) }
      strength = strength.next_weaker
    end
  end

  # Recomputes walk strengths downstream of `constraint`'s output; returns
  # false (after undoing the addition) when a cycle is found.
  def add_propagate(constraint, mark)
    todo = [constraint]
    until todo.empty?
      c = todo.shift
      if c.output.mark == mark
        incremental_remove(constraint)
        return false
      end
      c.recalculate
      add_consumers(c.output, todo)
    end
    true
  end

  # `out` lost its determining constraint: recompute everything downstream
  # and collect the constraints left unsatisfied.
  def remove_propagate_from(out)
    out.determined_by = nil
    out.walk_strength = Strength::WEAKEST
    out.stay = true
    unsatisfied = []
    todo = [out]
    until todo.empty?
      v = todo.shift
      v.constraints.each { |c| unsatisfied << c unless c.satisfied? }
      determining = v.determined_by
      v.constraints.each do |c|
        if !c.equal?(determining) && c.satisfied?
          c.recalculate
          todo << c.output
        end
      end
    end
    unsatisfied
  end

  def add_consumers(variable, list)
    determining = variable.determined_by
    variable.constraints.each do |c|
      list << c if !c.equal?(determining) && c.satisfied?
    end
  end

  def make_plan(sources)
    mark = new_mark
    plan = Plan.new
    todo = sources
    until todo.empty?
      c = todo.shift
      out = c.output
      if out.mark != mark && c.inputs_known?(mark)
        plan << c
        out.mark = mark
        add_consumers(out, todo)
      end
    end
    plan
  end

  def extract_plan(constraints)
    make_plan(constraints.select { |c| c.input? && c.satisfied? })
  end
end

def check(ok, what)
  raise "bad result: #{what}" unless ok
end

# A chain v0 == v1 == ... == vN; editing v0 must drag vN along.
def chain_test(n)
  planner = Planner.new
  first = last = prev = nil
  (0..n).each do |i|
    v = Variable.new("v#{i}", 0)
    EqualityConstraint.new(planner, prev, v, Strength::REQUIRED) if prev
    first = v if i == 0
    last = v if i == n
    prev = v
  end
  StayConstraint.new(planner, last, Strength::STRONG_DEFAULT)
  edit = EditConstraint.new(planner, first, Strength::PREFERRED)
  plan = planner.extract_plan([edit])
  check(plan.size == n + 1, "chain plan size #{plan.size}")
  sum = 0
  100.times do |i|
    first.value = i
    plan.execute
    check(last.value == i, "chain #{last.value} != #{i}")
    sum += last.value
  end
  edit.destroy
  sum
end

# Sets `variable` to `value` through a temporary edit constraint.
def change(planner, variable, value)
  edit = EditConstraint.new(planner, variable, Strength::PREFERRED)
  plan = planner.extract_plan([edit])
  10.times do
    variable.value = value
    plan.execute
  end
  edit.destroy
end

# N pairs dst_i == src_i * scale + offset, with stays on the sources.
def projection_test(n)
  planner = Planner.new
  scale = Variable.new("scale", 10)
  offset = Variable.new("offset", 1000)
  src = dst = nil
  dests = []
  n.times do |i|
    src = Variable.new("src#{i}", i)
    dst = Variable.new("dst#{i}", i)
    dests << dst
    StayConstraint.new(planner, src, Strength::NORMAL)
    ScaleConstraint.new(planner, src, scale, offset, dst, Strength::REQUIRED)
  end
  change(planner, src, 17)
  check(dst.value == 1170, "projection 1: #{dst.value}")
  change(planner, dst, 1050)
  check(src.value == 5, "projection 2: #{src.value}")
  # the last source now stays at 5; every other one still holds its index
  change(planner, scale, 5)
  (0...n - 1).each { |i| check(dests[i].value == i * 5 + 1000, "projection 3: #{i}") }
  check(dst.value == 5 * 5 + 1000, "projection 3: last #{dst.value}")
  change(planner, offset, 2000)
  (0...n - 1).each { |i| check(dests[i].value == i * 5 + 2000, "projection 4: #{i}") }
  check(dst.value == 5 * 5 + 2000, "projection 4: last #{dst.value}")
  dests.sum { |d| d.value }
end

N = 100
REPEAT = 500
total = 0
REPEAT.times do
  total += chain_test(N)
  total += projection_test(N)
end
# per round: chain 0+1+...+99 = 4950;
# projection (5*0 + 2000) + ... + (5*98 + 2000) + (5*5 + 2000) = 224280
raise "bad result: #{total}" unless total == REPEAT * (4950 + 224_280)
puts "deltablue #{N} x#{REPEAT} = #{total}"
