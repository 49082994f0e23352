#!/usr/bin/env bash
# Object#become: the two objects swap what they are while each keeps its
# place, object id and OOP, so references in memory and in the repository
# see the swap (the migration idiom); Object#find_references_in_memory.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev.persistent do
  class PointV1; attr_reader :x, :y; def initialize(x, y) = (@x, @y = x, y); end
  class PointV2; attr_reader :r, :t; def initialize(r, t) = (@r, @t = r, t); end
end
pt = PointV1.new(3, 4)
Maglev[:pts] = [pt, {home: pt}]
Maglev.commit_transaction'
expect "become swaps state and class, identities stay" "$(mrb '
pt = Maglev[:pts][0]
id = pt.object_id
v2 = PointV2.new(5, 0.93)
pt.become(v2)
p pt.class, pt.r, pt.object_id == id, v2.class, v2.x, Maglev[:pts][1][:home].equal?(pt)
Maglev.commit_transaction')" 'PointV2
5
true
PointV1
3
true'
expect "another process sees the new version under the old references" \
	"$(mrb 'p Maglev[:pts][0].class, Maglev[:pts][0].r, Maglev[:pts][1][:home].equal?(Maglev[:pts][0])')" 'PointV2
5
true'
expect "an abort undoes a become of persistent objects" "$(mrb '
pt = Maglev[:pts][0]
pt.become(PointV1.new(1, 1))
p pt.class
Maglev.abort_transaction
p pt.class, pt.r')" 'PointV1
PointV2
5'
expect "strings and arrays swap too" "$(ruby_like=$(mrb 's1 = "one"; s2 = "two"; s1.become(s2); a = [1]; b = [2, 3]; a.become(b); p [s1, s2, a, b]'); echo "$ruby_like")" '["two", "one", [2, 3], [1]]'
expect "what cannot become" "$(mrb '
begin; 1.become(2); rescue ArgumentError => e; puts e.message; end
begin; "s".become(Object.new); rescue ArgumentError => e; puts e.message; end
begin; String.become(Array); rescue ArgumentError => e; puts e.message; end')" '1 is an immediate value: it cannot become another object
a String cannot become a Object: their slots differ in size
a Class cannot become another object (only plain objects, Strings, Arrays, Hashes and Ranges can)'
expect "find_references_in_memory" "$(mrb '
class Holder; def initialize(v) = @v = v; end
def probe
  x = Object.new
  keep = [[x], {k: x}, {x => 1}, Holder.new(x), [1]]
  x.find_references_in_memory.map { |o| o.class.name }.sort
end
p probe')" '["Array", "Hash", "Hash", "Holder"]'
finish
