# Encoding.locale_charmap: the codeset of the environment's locale
require "rbconfig"
p Encoding.locale_charmap.class, Encoding.find(Encoding.locale_charmap).class
out = IO.popen({ "LC_ALL" => "C", "LANG" => nil, "LC_CTYPE" => nil }, [RbConfig.ruby, "-e", "print Encoding.locale_charmap"], &:read)
p out, Encoding.find(out)
out = IO.popen({ "LC_ALL" => "C.UTF-8" }, [RbConfig.ruby, "-e", "print Encoding.locale_charmap"], &:read)
p out
# expect: String
# expect: Encoding
# expect: "ANSI_X3.4-1968"
# expect: #<Encoding:US-ASCII>
# expect: "UTF-8"
