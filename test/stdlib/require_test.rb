# require: $LOAD_PATH holds CRuby's library directory; LoadError; builtin features in $LOADED_FEATURES
p $LOAD_PATH.include?("/usr/lib/ruby/3.1.0")
begin
  require "no_such_library_xyz"
rescue LoadError => e
  p e.class, e.message, e.path
end
p require("set"), require("set")
p $LOADED_FEATURES.any? { |f| f.end_with?("/set.rb") }
require "strscan"
p $LOADED_FEATURES.any? { |f| f.end_with?("strscan.so") }, require("strscan")
require "no_such_file_abc"
# expect error: cannot load such file -- no_such_file_abc (LoadError)
# expect: true
# expect: LoadError
# expect: "cannot load such file -- no_such_library_xyz"
# expect: "no_such_library_xyz"
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
