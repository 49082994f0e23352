# require 'readline' on libedit: Readline::HISTORY, the completion variables and
# procs, and the calls libedit lacks (NotImplementedError, as Debian's CRuby says).
require 'readline'
h = Readline::HISTORY
h << "a" << "b"
h.push("c", "d")
p h.to_a, h[0], h[-1], (h[10] rescue $!), h.pop, h.shift, h.to_a
h << "e"
p h.delete_at(0), h.to_a, h.delete_at(-1), h.to_a, (h.delete_at(9) rescue $!), h.empty?, h.clear.equal?(h), h.size
p h.to_s, h.class, h.singleton_class.include?(Enumerable), h.map(&:upcase)
p Readline.completion_proc, Readline.completion_append_character, Readline.basic_word_break_characters, Readline.completer_word_break_characters, Readline.completion_case_fold
begin; Readline.completion_proc = 1; rescue => e; p e; end
Readline.completion_proc = proc { |w| %w[apple apricot].grep(/\A#{w}/) }
p Readline.completion_proc.call("ap")
Readline.completion_append_character = "x"
p Readline.completion_append_character
Readline.completion_append_character = nil
p Readline.completion_append_character
p Readline::FILENAME_COMPLETION_PROC.call("/usr/li").sort, Readline::USERNAME_COMPLETION_PROC.call("roo").include?("root")
%i[emacs_editing_mode? vi_editing_mode? get_screen_size line_buffer point special_prefixes basic_quote_characters completer_quote_characters filename_quote_characters refresh_line pre_input_hook completion_quote_character quoting_detection_proc emacs_editing_mode vi_editing_mode].each { |m| begin; p [m, Readline.send(m)]; rescue Exception => e; p [m, e.class, e.message]; end }
p Readline::VERSION
# expect: ["a", "b", "c", "d"]
# expect: "a"
# expect: "d"
# expect: #<IndexError: invalid index>
# expect: "d"
# expect: "a"
# expect: ["b", "c"]
# expect: "b"
# expect: ["c", "e"]
# expect: "e"
# expect: ["c"]
# expect: #<IndexError: invalid index>
# expect: false
# expect: true
# expect: 0
# expect: "HISTORY"
# expect: Object
# expect: true
# expect: []
# expect: nil
# expect: " "
# expect: " \t\n\"\\'`@$><=;|&{("
# expect: nil
# expect: nil
# expect: #<ArgumentError: argument must respond to `call'>
# expect: ["apple", "apricot"]
# expect: "x"
# expect: nil
# expect: ["/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/libexec"]
# expect: true
# expect: [:emacs_editing_mode?, NotImplementedError, "emacs_editing_mode?() function is unimplemented on this machine"]
# expect: [:vi_editing_mode?, NotImplementedError, "vi_editing_mode?() function is unimplemented on this machine"]
# expect: [:get_screen_size, [24, 80]]
# expect: [:line_buffer, ""]
# expect: [:point, 0]
# expect: [:special_prefixes, nil]
# expect: [:basic_quote_characters, "\"'"]
# expect: [:completer_quote_characters, nil]
# expect: [:filename_quote_characters, NotImplementedError, "filename_quote_characters() function is unimplemented on this machine"]
# expect: [:refresh_line, NotImplementedError, "refresh_line() function is unimplemented on this machine"]
# expect: [:pre_input_hook, nil]
# expect: [:completion_quote_character, NotImplementedError, "completion_quote_character() function is unimplemented on this machine"]
# expect: [:quoting_detection_proc, NotImplementedError, "quoting_detection_proc() function is unimplemented on this machine"]
# expect: [:emacs_editing_mode, NotImplementedError, "emacs_editing_mode() function is unimplemented on this machine"]
# expect: [:vi_editing_mode, NotImplementedError, "vi_editing_mode() function is unimplemented on this machine"]
# expect: "EditLine wrapper"
