# Kernel#taint family (no-ops), open / select / test / global_variables / syscall,
# trace_var / untrace_var, and Kernel's module functions
o = Object.new
p o.taint.equal?(o), o.untaint.equal?(o), o.tainted?, o.trust.equal?(o), o.untrust.equal?(o), o.untrusted?
p 1.taint, nil.tainted?, "x".freeze.taint
p Kernel.instance_method(:taint).owner, Object.new.public_methods.include?(:untrusted?)
p global_variables.include?(:$stdout), Kernel.global_variables.include?(:$0)
$brand_new_global = 1
p global_variables.include?(:$brand_new_global)
p test(?e, "/"), test(?d, "/"), test("f", "/"), test(?e, "/nonexistent/x"), test(?e.ord, "/")
p test(?s, "/nonexistent/x"), test(?M, "/").class, test(?=, "/", "/"), test(?-, "/", "/"), test(?<, "/", "/")
begin; test(?Q, "/"); rescue => e; p e; end
begin; test(?e); rescue => e; p e; end
begin; test(?=, "/"); rescue => e; p e; end
begin; test(?e, "/", "/"); rescue => e; p e; end
p Kernel.test(?d, "/")
p select(nil, nil, nil, 0), Kernel.select(nil, nil, nil, 0)
r, w = IO.pipe
w << "x"
p select([r], nil, nil, 1)[0].size
path = "/tmp/maglev_kernel_open_#{Process.pid}.txt"
open(path, "w") { |f| f.puts "line" }
p open(path, &:read), Kernel.open(path) { |f| f.class }
File.delete(path)
opener = Object.new
def opener.to_open(*a) = [:opened, a]
p open(opener, 1, 2)
p open("|echo piped", &:read)
p syscall(39) == Process.pid
begin; syscall; rescue => e; p e; end
begin; syscall(39, 1, 2, 3, 4, 5, 6, 7, 8); rescue => e; p e; end
p Kernel.respond_to?(:autoload), Kernel.respond_to?(:autoload?), Kernel.respond_to?(:open)
Kernel.autoload(:KernelMiscAutoThing, "/nonexistent/kernel_misc_auto_thing")
p Kernel.autoload?(:KernelMiscAutoThing), autoload?(:KernelMiscAutoThing), Object.autoload?(:KernelMiscAutoThing)
$tv = 1
trace_var(:$tv) { |v| puts "block sees #{v}" }
$tv = 2
tracer = proc { |v| puts "proc sees #{v}" }
trace_var(:$tv, tracer)
$tv = 3
p untrace_var(:$tv, tracer).size
$tv = 4
p untrace_var(:$tv).size
$tv = 5
p untrace_var(:$tv)
begin; untrace_var(:$never_ever_set); rescue NameError => e; p e.class, e.name; end
begin; trace_var(:$tv); rescue => e; p e; end
def Warning.warn(msg, category: nil)
  ($seen ||= []) << [msg.sub(/\A.*?:\d+: /, ""), category]
end
Object.new.taint
p $seen
Warning[:deprecated] = true
Object.new.taint
Object.new.untrusted?
p $seen
Thread.current.fetch(:nope, 1) { 2 }
p $seen.last
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: 1
# expect: false
# expect: "x"
# expect: Kernel
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: false
# expect: true
# expect: nil
# expect: Time
# expect: true
# expect: true
# expect: false
# expect: #<ArgumentError: unknown command 'Q'>
# expect: #<ArgumentError: wrong number of arguments (given 1, expected 2)>
# expect: #<ArgumentError: wrong number of arguments (given 2, expected 3)>
# expect: #<ArgumentError: wrong number of arguments (given 3, expected 2)>
# expect: true
# expect: nil
# expect: nil
# expect: 1
# expect: "line\n"
# expect: File
# expect: [:opened, [1, 2]]
# expect: "piped\n"
# expect: true
# expect: #<ArgumentError: too few arguments for syscall>
# expect: #<ArgumentError: too many arguments for syscall>
# expect: true
# expect: true
# expect: true
# expect: "/nonexistent/kernel_misc_auto_thing"
# expect: "/nonexistent/kernel_misc_auto_thing"
# expect: "/nonexistent/kernel_misc_auto_thing"
# expect: block sees 2
# expect: proc sees 3
# expect: block sees 3
# expect: 1
# expect: block sees 4
# expect: 1
# expect: []
# expect: NameError
# expect: :$never_ever_set
# expect: #<ArgumentError: tried to create Proc object without a block>
# expect: nil
# expect: [["warning: Object#taint is deprecated and will be removed in Ruby 3.2\n", :deprecated], ["warning: Object#untrusted? is deprecated and will be removed in Ruby 3.2\n", :deprecated]]
# expect: ["warning: block supersedes default value argument\n", nil]
