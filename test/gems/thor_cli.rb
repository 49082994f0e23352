# A Thor CLI with two commands and options, driven through Thor's start(argv)
require "thor"
ENV["THOR_COLUMNS"] = "80"   # help lines are cut to the terminal width

class Greeter < Thor
  def self.exit_on_failure? = false

  desc "hello NAME", "say hello to NAME"
  option :shout, type: :boolean, aliases: "-s"
  option :times, type: :numeric, default: 1
  def hello(name)
    msg = "Hello, #{name}!"
    msg = msg.upcase if options[:shout]
    options[:times].times { puts msg }
  end

  desc "add A B", "print A + B"
  method_option :float, type: :boolean
  def add(a, b)
    r = options[:float] ? a.to_f + b.to_f : a.to_i + b.to_i
    puts "#{a} + #{b} = #{r}"
  end
end

Greeter.start(%w[hello World])
Greeter.start(%w[hello Ruby --shout --times 2])
Greeter.start(%w[hello -s maglev])
Greeter.start(%w[add 2 3])
Greeter.start(%w[add 1.5 2 --float])
Greeter.start(%w[help])
$stderr = $stdout
Greeter.start(%w[nope])
Greeter.start(%w[add 1])
# expect: Hello, World!
# expect: HELLO, RUBY!
# expect: HELLO, RUBY!
# expect: HELLO, MAGLEV!
# expect: 2 + 3 = 5
# expect: 1.5 + 2 = 3.5
# expect: Commands:
# expect:   thor_cli.rb add A B         # print A + B
# expect:   thor_cli.rb hello NAME      # say hello to NAME
# expect:   thor_cli.rb help [COMMAND]  # Describe available commands or one specific c...
# expect:
# expect: Could not find command "nope".
# expect: ERROR: "thor_cli.rb add" was called with arguments ["1"]
# expect: Usage: "thor_cli.rb add A B"
