module Logging
  def run(x)
    "before " + super(x) + " after"
  end
end
class Job
  prepend Logging
  def run(x) = "run #{x}"
end
p Job.new.run(1)  # expect: "before run 1 after"
p Job.ancestors.take(3)  # expect: [Logging, Job, Object]
