#!/usr/bin/env bash
# IdentitySet indexes kept in the repository: queries through an index read
# a few records where a scan reads them all; indexed values changed by later
# processes (one- and two-step paths) move at commit and stay put on abort;
# two processes changing one member conflict as usual, while a member moving
# in one process and adds in another both commit; indexes can be removed;
# bad arguments raise clear errors.
. "$(dirname "$0")/lib.sh"
D=$MAGLEV_DATA
mrb '
Maglev.persistent do
  class Person
    attr_accessor :name, :age, :address
    def initialize(name, age, address) = (@name = name; @age = age; @address = address)
  end
  class Address
    attr_accessor :city
    def initialize(city) = @city = city
  end
end
cities = (0...10).map { |i| Address.new("city#{i}") }
people = IdentitySet.new
2000.times { |i| people << Person.new("p#{i}", i % 100, cities[i % 10]) }
people.create_equality_index("age", Integer)
people.create_index([:address, :city], String)
people.create_identity_index(:address)
Maglev[:people] = people
Maglev[:cities] = cities
Maglev.commit_transaction'
expect "another process sees the indexes" "$(mrb 'p Maglev[:people].indexes')" \
	'[["age", :equality, Integer], ["address.city", :equality, String], ["address", :identity, nil]]'
expect "an indexed query reads a few records, a scan reads every member" "$(mrb '
  people = Maglev[:people]
  st = -> { Maglev::System.my_cache_statistics[:objects_read] }
  n0 = st.(); r = people.search(:age, :eql, 42); n1 = st.()
  p r.size, n1 - n0 < 60
  n0 = st.(); r2 = people.search_by_scan(:age, :eql, 42); n1 = st.()
  p r2 == r, n1 - n0 >= 2000
  p people.search("address.city", :eql, "city3").size, people.search(:address, :equal, Maglev[:cities][3]).size
  p people.search_between(:age, 10, 19).size, people.search_range("age", 10...20).size, people.search(:age, :gte, 95).size')" '20
true
true
true
200
200
200
200
100'
mrb 'p = Maglev[:people].search(:name, :eql, "p7").first; p.age = 1000; Maglev[:p7] = p; Maglev.commit_transaction'
expect "a changed indexed value moves at commit (seen by a later process)" \
	"$(mrb 'ps = Maglev[:people]; p ps.search(:age, :eql, 1000).map(&:name), ps.search(:age, :eql, 7).size, ps.search(:age, :gt, 99).size')" '["p7"]
19
1'
mrb 'Maglev[:p7].age = 2000; Maglev[:people].search(:age, :eql, 8).first.age = 2000; Maglev.abort_transaction'
expect "an aborted change leaves the index as committed" \
	"$(mrb 'ps = Maglev[:people]; p ps.search(:age, :eql, 2000).size, ps.search(:age, :eql, 1000).size, ps.search(:age, :eql, 8).size, ps.__verify')" '0
1
20
[]'
mrb 'Maglev[:p7].age = 1001; Maglev.commit_transaction'
expect "a process that never touches the set still moves a member it changes" \
	"$(mrb 'ps = Maglev[:people]; p ps.search(:age, :eql, 1001).map(&:name), ps.search(:age, :eql, 1000).size')" '["p7"]
0'
mrb 'Maglev[:cities][3].city = "Lyon"; Maglev.commit_transaction'
expect "a change two steps down the path moves every member that goes through it" \
	"$(mrb 'ps = Maglev[:people]; p ps.search("address.city", :eql, "Lyon").size, ps.search("address.city", :eql, "city3").size, ps.search("address.city", :lt, "city5").size')" '200
0
1000'
mrb 'ps = Maglev[:people]; x = ps.search(:name, :eql, "p8").first; x.address = Maglev[:cities][4]; Maglev.commit_transaction'
expect "a member whose path runs through another object moves in both indexes" \
	"$(mrb 'ps = Maglev[:people]; c = Maglev[:cities]; p ps.search(:address, :equal, c[4]).size, ps.search(:address, :equal, c[8]).size, ps.search("address.city", :eql, "city4").size')" '201
199
201'
mrb 'Maglev[:cities][4].city = "Oslo"; Maglev.commit_transaction'
expect "... and then follows the new object" \
	"$(mrb 'ps = Maglev[:people]; p ps.search("address.city", :eql, "Oslo").map(&:name).include?("p8"), ps.__verify')" 'true
[]'
# conflicts
gem_start g1
gem_start g2
gem g1 '$p = Maglev[:people].search(:name, :eql, "p9").first; nil' >/dev/null
gem g2 '$p = Maglev[:people].search(:name, :eql, "p9").first; nil' >/dev/null
gem g1 '$p.age = 500; Maglev.commit_transaction' >/dev/null
expect "two processes changing the same indexed member: the second commit conflicts" \
	"$(gem g2 'begin; $p.age = 600; Maglev.commit_transaction; rescue Maglev::CommitFailedException => e; Maglev.abort_transaction; e.class; end')" 'Maglev::CommitFailedException'
expect "after the abort the index has the first commit's value" \
	"$(gem g2 'ps = Maglev[:people]; [ps.search(:age, :eql, 500).size, ps.search(:age, :eql, 600).size, $p.age]')" '[1, 0, 500]'
gem g1 '$q = Maglev[:people].search(:name, :eql, "p10").first; $q.age = 7; nil' >/dev/null
gem g2 '40.times { |i| Maglev[:people] << Person.new("new#{i}", 7, Maglev[:cities][0]) }; Maglev.commit_transaction' >/dev/null
expect "a member moving in one process and adds in the other both commit" \
	"$(gem g1 'Maglev.commit_transaction; ps = Maglev[:people]; [ps.size, ps.search(:age, :eql, 7).size, ps.search(:age, :eql, 10).size, ps.__verify]')" '[2040, 60, 19, []]'
gem_stop g1
gem_stop g2
# concurrent adds and an index created meanwhile
for w in 1 2; do
	mrb "File.write('$D/ready$w', '')
	    sleep 0.01 until File.exist?('$D/go')
	    ps = Maglev[:people]
	    100.times { |i| ps << Person.new(\"w$w-#{i}\", 200 + $w, Maglev[:cities][$w]); Maglev.commit_transaction if i.odd? }
	    ps.create_equality_index(:name, String) if $w == 2
	    Maglev.commit_transaction
	    puts 'done'" >"$D/out$w" &
done
while [ ! -e "$D/ready1" ] || [ ! -e "$D/ready2" ]; do sleep 0.01; done
touch "$D/go"
wait
expect "two processes adding to one indexed set do not conflict" "$(cat "$D/out1" "$D/out2")" 'done
done'
expect "every add is in every index, and in the one created meanwhile" "$(mrb '
  ps = Maglev[:people]
  p ps.size, ps.search(:age, :eql, 201).size, ps.search(:age, :eql, 202).size, ps.search(:name, :gte, "w").size, ps.__verify')" '2240
100
100
200
[]'
expect "removing indexes: the same answers by scanning" "$(mrb '
  ps = Maglev[:people]
  before = ps.search(:age, :lt, 30)
  p ps.remove_index("age"), ps.remove_index("age"), ps.index?(:age)
  Maglev.commit_transaction
  p ps.search(:age, :lt, 30) == before, ps.indexes.size
  ps.remove_all_indexes; Maglev.commit_transaction
  p ps.indexes, ps.search("address.city", :eql, "Lyon").size')" 'true
false
false
true
3
[]
200'
expect "bad arguments raise clear errors" "$(mrb '
  s = IdentitySet.new; s << Person.new("x", "old", nil)
  [-> { s.search(:age, :older, 3) }, -> { s.create_equality_index(:age, Integer) }, -> { s.search(42, :eql, 1) },
   -> { s.create_index("", Integer) }, -> { s.search_range(:age, 3) }, -> { s.create_equality_index(:age, 5) }].each do |f|
    begin f.call; puts "no error"; rescue => e; puts "#{e.class}: #{e.message}"; end
  end')" 'ArgumentError: unsupported query operator :older (one of :equal, :not_equal, :eql, :not_eql, :lt, :lte, :gt, :gte)
ArgumentError: the equality index on '"'age'"' takes Integer values, not String ("old")
TypeError: an index path is a String or an Array of Symbols, not Integer
ArgumentError: empty index path
TypeError: search_range takes a Range, not Integer
TypeError: 5 is not a class'
# the library first loaded in persistent mode (its methods then come from the repository)
mrb 'Maglev.persistent { Maglev[:pm] = s = IdentitySet.new; s << Address.new("a"); s.create_index(:city, String) }; Maglev.commit_transaction'
mrb 'Maglev.persistent { s = Maglev[:pm]; s.first.city = "b"; s << Address.new("c") }; Maglev.commit_transaction'
expect "with the library loaded in persistent mode, members still move" \
	"$(mrb 's = Maglev[:pm]; p s.search(:city, :lte, "b").map(&:city), s.search(:city, :eql, "a").size, s.__verify')" '["b"]
0
[]'
finish
