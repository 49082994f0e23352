# Process._fork: fork and Kernel#fork go through it, so a prepended module sees every fork
module ForkHook
  def _fork
    pid = super
    $hooked = pid == 0 ? :child : :parent
    pid
  end
end
Process.singleton_class.prepend(ForkHook)
pid = fork { exit!($hooked == :child ? 7 : 1) }
Process.wait(pid)
p $hooked, $?.exitstatus
$hooked = nil
pid = Process.fork { exit!($hooked == :child ? 8 : 1) }
Process.wait(pid)
p $hooked, $?.exitstatus
$hooked = nil
r = Process._fork
exit!($hooked == :child ? 9 : 1) if r == 0
Process.wait(r)
p $hooked, $?.exitstatus, r.class, Process.method(:_fork).arity
# expect: :parent
# expect: 7
# expect: :parent
# expect: 8
# expect: :parent
# expect: 9
# expect: Integer
# expect: 0
