# TOPLEVEL_BINDING is the main script's top-level scope, as in CRuby: its
# locals (those assigned later too, nil until then), and locals an eval on
# it defines, which the script's own scope does not see
require 'erb'
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message}"; end
t { TOPLEVEL_BINDING.local_variable_get(:later) }
x = 5
def m = eval("x", TOPLEVEL_BINDING)
t { m }
t { TOPLEVEL_BINDING.source_location }
t { TOPLEVEL_BINDING.local_variables.sort }
t { TOPLEVEL_BINDING.eval("z = 9"); TOPLEVEL_BINDING.local_variable_get(:z) }
t { defined?(z) }
t { binding.local_variable_defined?(:z) }
t { TOPLEVEL_BINDING.local_variable_set(:x, 6); x }
t { ERB.new("<%= x * 2 %>").result }
t { TOPLEVEL_BINDING.eval("self") }
later = 1
t { later }
# expect: nil
# expect: 5
# expect: ["<main>", 0]
# expect: [:later, :x]
# expect: 9
# expect: nil
# expect: false
# expect: 6
# expect: "12"
# expect: main
# expect: 1
