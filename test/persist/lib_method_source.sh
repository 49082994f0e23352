#!/usr/bin/env bash
# maglev/method_source: the source of methods one process committed, read in
# another that loads nothing; set_method_source there recompiles the method,
# commits it and rewrites the file.
. "$(dirname "$0")/lib.sh"
D=$MAGLEV_DATA
cat >"$D/account.rb" <<'RUBY'
class Account
  attr_accessor :owner
  attr_reader :balance

  def initialize(owner)
    @owner = owner
    @balance = 0
  end

  def deposit(n)
    @balance += n
  end

  def self.open(owner) = new(owner)

  define_method(:twice) { |n| deposit(n); deposit(n) }
end
RUBY
"$MRUBY" -Mcommit "$D/account.rb"
ms() { mrb "require 'maglev/method_source'; $1"; }
expect "a second process reads the committed methods' source, file and line" "$(ms '
  p Account.method_source(:deposit)
  p Account.method_source(:open, false)
  p Account.method_source(:twice)
  p Account.method_source(:owner=), Account.method_source(:balance)
  p Account.instance_method(:deposit).source == Account.method_source(:deposit)[0], Account.new("a").method(:twice).source')" "[\"def deposit(n)\\n    @balance += n\\n  end\", \"$D/account.rb\", 10]
[\"def self.open(owner) = new(owner)\", \"$D/account.rb\", 14]
[\"{ |n| deposit(n); deposit(n) }\", \"$D/account.rb\", 16]
[\"def owner=(value)\\n  @owner = value\\nend\", \"(attr_writer)\", 1]
[\"def balance\\n  @balance\\nend\", \"(attr_reader)\", 1]
true
\"{ |n| deposit(n); deposit(n) }\""
expect "errors: no such method, a primitive, a file that cannot be written" "$(ms '
  [-> { Account.method_source(:withdraw) },
   -> { Integer.method_source(:+) },
   -> { Account.set_method_source(:owner, "def owner\n  :x\nend") },
   -> { Account.set_method_source(:deposit, "def other(n) = n") },
   -> { Account.set_method_source(:deposit, 42) }].each do |f|
    begin f.call; rescue => e; puts "#{e.class}: #{e.message.lines.first.chomp}"; end
  end
  p 1.method(:+).source, Account.new("b").deposit(5)')" "NameError: undefined method \`withdraw' for class \`Account'
ArgumentError: Integer#+ is a primitive: it has no Ruby source
ArgumentError: cannot write the source of this method to \"(attr_reader)\": not a writable file
ArgumentError: the new source of deposit must be \`def deposit ... end\`
TypeError: no implicit conversion of Integer into String
nil
5"
ms 'Maglev.persistent { Account.set_method_source(:deposit, "def deposit(n)\n    @balance += 2 * n\n  end") }
    Maglev.commit_transaction'
expect "the file holds the new text in place of the old" "$(sed -n 9,14p "$D/account.rb")" '
  def deposit(n)
    @balance += 2 * n
  end

  def self.open(owner) = new(owner)'
expect "a third process runs the new committed method and reads its source" \
	"$(ms 'p Account.new("c").deposit(5), Account.method_source(:deposit)')" "10
[\"def deposit(n)\\n    @balance += 2 * n\\n  end\", \"$D/account.rb\", 10]"
ms 'Maglev.persistent { Account.set_method_source(:twice, "{ |n| deposit(n * 10) }", false) }; Maglev.commit_transaction'
expect "a define_method body replaced by a new block (file left alone)" \
	"$(ms 'p Account.new("d").twice(1), Account.method_source(:twice)[0]'; grep -c 'deposit(n); deposit(n)' "$D/account.rb")" '20
"{ |n| deposit(n * 10) }"
1'
ms 'Account.set_method_source(:open, "def self.open(owner) = :transient", false, false); p Account.open(1)' >"$D/tr"
expect "in transient mode the new definition stays in its process" "$(cat "$D/tr"; ms 'p Account.open("e").class')" ':transient
Account'
echo "# edited by hand" >"$D/account.rb"
expect "the file no longer holds the old text: ArgumentError and nothing changes" "$(ms '
  begin; Account.set_method_source(:deposit, "def deposit(n) = 0"); rescue ArgumentError => e; puts e.message; end
  p Account.new("f").deposit(1)')" "$D/account.rb no longer holds the method's source
2"
finish
