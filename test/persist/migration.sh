#!/usr/bin/env bash
# Module#maglev_redefine: a new class version, every committed instance
# migrated in place in batches (commit per batch); a migration killed half way
# (kill -9) resumes when the same call runs again, through the old version or
# the new one's name; references held elsewhere see the new version.
. "$(dirname "$0")/lib.sh"
ex="$ROOT/examples/persistence/migration_million"
expect "version 1" "$("$MRUBY" "$ex/create.rb" 30000)" "30000 points of version 1 committed"
cat >"$MAGLEV_DATA/v2.rb" <<'RB'
progress = ARGV[0]
Point.maglev_redefine(batch: 1000, on_batch: ->(n) { File.write(progress, n.to_s) if progress; sleep 0.05 if progress }) do
  attr_reader :r, :theta
  def migrate_from(old) = (@r = Math.hypot(old.x, old.y); @theta = Math.atan2(old.y, old.x))
  def x = (@r * Math.cos(@theta)).round
end
RB
"$MRUBY" "$MAGLEV_DATA/v2.rb" "$MAGLEV_DATA/progress" &
mig=$!
i=0
progress() { local n; n=$(cat "$MAGLEV_DATA/progress" 2>/dev/null); echo "${n:-0}"; }
while [ "$(progress)" -lt 5000 ] && [ $i -lt 3000 ]; do sleep 0.01; i=$((i + 1)); done
kill -9 "$mig"; wait "$mig" 2>/dev/null
half=$(mrb 'require "maglev/repository"; v = Maglev::Migration.pending.first; puts "#{v[1].all_instances.size} #{v[0].all_instances.size}"')
set -- $half
expect "killed half way: some migrated, some not, none lost" \
	"$([ "$1" -ge 5000 ] && [ "$2" -gt 0 ] && [ $(($1 + $2)) -eq 30000 ] && echo yes || echo "no: $half")" yes
expect "the new version already has the name" "$(mrb 'p Point.method_defined?(:theta), Maglev::Migration.pending.size')" 'true
1'
"$MRUBY" "$MAGLEV_DATA/v2.rb"
expect "run again, it finishes: every point is version 2, the old version has none" "$(mrb '
require "maglev/repository"
pts = Maglev[:points]
p pts.all? { |q| q.class.equal?(Point) }, Point.all_instances.size, Maglev::Migration.pending
p pts[12345].x == 12345 % 1000, Maglev[:origin_ref][:last].equal?(pts[-1])')" 'true
30000
{}
true
true'
expect "commit: false migrates every instance in this transaction; an abort undoes it" "$(mrb '
Maglev.persistent { class Item; attr_reader :v; def initialize(v) = @v = v; end }
Maglev[:items] = [Item.new(1), Item.new(2)]
Maglev.commit_transaction
Item.maglev_redefine(commit: false) { def double = @v * 2 }
p Maglev[:items].map(&:double), Maglev::Migration.pending.size
Maglev.abort_transaction
p Maglev[:items][0].respond_to?(:double)')" '[2, 4]
0
false'
expect "what cannot be redefined" "$(mrb '
begin; Comparable.maglev_redefine { }; rescue TypeError => e; puts e.message; end
class Local; end
begin; Local.maglev_redefine { }; rescue Maglev::NotPersistableException => e; puts e.message; end
begin; Point.maglev_redefine; rescue ArgumentError => e; puts e.message; end
begin; Object.maglev_redefine(commit: false) { }; rescue ArgumentError => e; puts e.message; end
begin; String.maglev_redefine { def x = 1 }; rescue ArgumentError => e; puts e.message; end
Maglev.commit_transaction')" 'Comparable is a module: only a class has instances to migrate
Local is not persistable
maglev_redefine needs a block: the new version'"'"'s definition
Object is a base-image class (every repository has it): it cannot be redefined
String is a base-image class (every repository has it): it cannot be redefined'
# (Object.maglev_redefine replaced Object by a class without Kernel: every
# later process failed in its prelude)
expect "a later process starts, with the core classes it had" "$(mrb 'p Object.include?(Kernel), "s".respond_to?(:x), 1.frozen?')" 'true
false
true'
finish
