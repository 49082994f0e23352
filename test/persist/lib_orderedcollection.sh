#!/usr/bin/env bash
# maglev/orderedcollection: an OrderedCollection committed by one process is
# read and changed by others; concurrent appends from three processes all
# commit and none is lost.
. "$(dirname "$0")/lib.sh"
D=$MAGLEV_DATA
oc() { mrb "require 'maglev/orderedcollection'; $1"; }
expect "the API on a fresh collection" "$(oc '
  o = OrderedCollection.new
  o << :b; o.add(:c); o.add_first(:a); o.add_last(:d)
  p o, o.size, o.first, o.last, o[1], o[-1], o.include?(:c), o.include?(:z), o.index(:c), o.empty?
  p o.remove_first, o.remove_last, o.to_a
  o.insert(1, :x, :y); o[0] = :B
  p o.to_a, o.remove(:x), o.remove(:zz) { :absent }, o.to_a
  p o.map(&:to_s), o.select { |s| s != :y }, o.sort, o.each_with_index.to_a, o.count, o.min
  p o == OrderedCollection[:B, :y, :c], o == [:B, :y, :c], OrderedCollection.new.empty?
  [-> { o.remove(:none) }, -> { OrderedCollection.new.remove_first }, -> { OrderedCollection.new.remove_last }].each do |f|
    begin f.call; rescue => e; puts "#{e.class}: #{e.message}"; end
  end')" '#<OrderedCollection [:a, :b, :c, :d]>
4
:a
:d
:b
:d
true
false
2
false
:a
:d
[:b, :c]
[:B, :x, :y, :c]
:x
:absent
[:B, :y, :c]
["B", "y", "c"]
[:B, :c]
[:B, :c, :y]
[[:B, 0], [:y, 1], [:c, 2]]
3
:B
true
false
true
ArgumentError: remove: :none is not in the OrderedCollection
IndexError: remove_first: the OrderedCollection is empty
IndexError: remove_last: the OrderedCollection is empty'
oc 'Maglev::PERSISTENT_ROOT[:oc] = OrderedCollection[1, "two", [3]]; Maglev.commit_transaction'
expect "a second process that requires nothing reads it (the library loads when faulted)" \
	"$(mrb 'o = Maglev::PERSISTENT_ROOT[:oc]; p o.class, o, o.size, o.include?("two")')" 'OrderedCollection
#<OrderedCollection [1, "two", [3]]>
3
true'
mrb 'o = Maglev::PERSISTENT_ROOT[:oc]; o.remove_first; o << 4; o.add_first(0); Maglev.commit_transaction'
expect "changes committed by the second process are seen by a third" "$(oc 'p Maglev::PERSISTENT_ROOT[:oc].to_a')" '[0, "two", [3], 4]'
mrb 'Maglev::PERSISTENT_ROOT[:oc].clear; Maglev.commit_transaction'
expect "clear persists" "$(oc 'p Maglev::PERSISTENT_ROOT[:oc]')" '#<OrderedCollection []>'
# three processes append to the same committed collection at the same time
for w in 1 2 3; do
	oc "File.write('$D/ready$w', '')
	    sleep 0.01 until File.exist?('$D/go')
	    o = Maglev::PERSISTENT_ROOT[:oc]
	    20.times { |i| o << [$w, i]; Maglev.commit_transaction }
	    puts 'done'" >"$D/out$w" &
done
while [ ! -e "$D/ready1" ] || [ ! -e "$D/ready2" ] || [ ! -e "$D/ready3" ]; do sleep 0.01; done
touch "$D/go"
wait
expect "every appender committed every time" "$(cat "$D/out1" "$D/out2" "$D/out3")" 'done
done
done'
expect "no append was lost, each process's in its own order" "$(oc '
  o = Maglev::PERSISTENT_ROOT[:oc]
  p o.size
  p (1..3).map { |w| o.select { |x| x[0] == w }.map { |x| x[1] } == (0...20).to_a }')" '60
[true, true, true]'
# a removal that another commit made impossible is a conflict, not silently lost
oc 'Maglev::PERSISTENT_ROOT[:q] = OrderedCollection[:a, :b]; Maglev.commit_transaction'
expect "two processes removing the same first element: the second commit fails" "$(oc '
  o = Maglev::PERSISTENT_ROOT[:q]
  p o.remove_first
  system(ENV["MAGLEV_RUBY"] || "'"$MRUBY"'", "-e", "Maglev::PERSISTENT_ROOT[:q].remove_first; Maglev.commit_transaction")
  begin; Maglev.commit_transaction; p :committed; rescue Maglev::CommitFailedException; p :conflict; end
  Maglev.abort_transaction
  p Maglev::PERSISTENT_ROOT[:q].to_a')" ':a
:conflict
[:b]'
# MagLev's size= (Smalltalk's size:) and reverse_each_with_index
oc 'Maglev::PERSISTENT_ROOT[:sz] = OrderedCollection[:a, :b, :c]; Maglev.commit_transaction'
expect "reverse_each_with_index: last to first, with indexes" \
  "$(oc 'o = Maglev::PERSISTENT_ROOT[:sz]; r = []; p o.reverse_each_with_index { |x, i| r << [x, i] }.equal?(o), r, o.reverse_each_with_index.to_a.size')" 'true
[[:c, 2], [:b, 1], [:a, 0]]
3'
expect "size= truncates and grows with nils; a negative or non-Integer size raises" \
  "$(oc 'o = Maglev::PERSISTENT_ROOT[:sz]; o.size = 1; p o.to_a; o.size = 3; p o.to_a
  p [(begin; o.size = -1; rescue ArgumentError => e; e.message; end), (begin; o.size = "2"; rescue TypeError => e; e.message; end)]
  o.size = 2; Maglev.commit_transaction')" '[:a]
[:a, nil, nil]
["negative size (-1)", "no implicit conversion of String into Integer"]'
expect "and the committed size= is what the next process reads" "$(oc 'p Maglev::PERSISTENT_ROOT[:sz].to_a')" '[:a, nil]'
expect "a size= that meets another commit's append conflicts" "$(oc '
  o = Maglev::PERSISTENT_ROOT[:sz]; o.size = 0
  system(ENV["MAGLEV_RUBY"] || "'"$MRUBY"'", "-e", "Maglev::PERSISTENT_ROOT[:sz] << :x; Maglev.commit_transaction")
  begin; Maglev.commit_transaction; p :committed; rescue Maglev::CommitFailedException; p :conflict; end
  Maglev.abort_transaction
  p Maglev::PERSISTENT_ROOT[:sz].to_a')" ':conflict
[:a, nil, :x]'
finish
