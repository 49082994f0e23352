# $_ and $~ set in an eval are those of the frame it runs in (its caller's,
# or the binding's), as in CRuby 3.1
eval("$_ = 1"); p $_                      # expect: 1
eval(%q{"ab" =~ /b/}); p $~[0]            # expect: "b"
def m; eval("$_ = 2"); p $_; end; m       # expect: 2
def n; eval(%q{"xy" =~ /y/}); p $~[0], $`; end; n   # expect: "y"
# expect: "x"
b = binding; b.eval("$_ = 3"); p $_       # expect: 3
def k; [1].each { eval("$_ = 4") }; p $_; end; k   # expect: 4
def keep; binding; end
keep.eval("$_ = 5"); p $_                 # expect: 3
p eval("$_")                              # expect: 3
