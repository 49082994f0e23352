#!/usr/bin/env bash
# examples/persistence: each demo's scripts, each in a process of its own.
. "$(dirname "$0")/lib.sh"
EX=$ROOT/examples/persistence
D=$MAGLEV_DATA
run() { "$MRUBY" "$@" 2>&1; }

cd "$EX/blog"
expect "blog: the model is installed" "$(run -Mcommit blog.rb)" "installed The MagLev blog"
expect "blog: a process that loads no source posts" "$(run post.rb Hello 'First post')" "posted #1 Hello: First post"
for i in 1 2 3; do run post.rb "Post $i" "body $i" >/dev/null & done
wait
expect "blog: concurrent posters all get in" "$(run -e 'p Blog.instance.posts.map(&:number)')" "[1, 2, 3, 4]"
for i in 1 2 3 4; do "$MRUBY" list.rb >"$D/list$i" 2>"$D/list$i.err" & done
wait
expect "blog: the four concurrent readers warn of nothing" "$(cat "$D"/list?.err)" ""
expect "blog: four concurrent readers list the posts" \
	"$(for i in 1 2 3 4; do sed -n 2p "$D/list$i"; grep -c '^  #' "$D/list$i"; done | sort | uniq -c | sed 's/^ *//')" \
	"4   #1 Hello: First post
4 4"
expect "blog: and none of their view counts is lost" "$(run -e 'p Blog.instance.views.value')" 4

cd "$EX/hat_trick"
id=$(run -Mcommit hat.rb | sed 's/.* hat //')
expect "hat trick: a process that loads no source pulls the rabbit" "$(run trick.rb)" "the hat $id holds [:rabbit]
pulled a rabbit out of hat $id (a Hat)
the hat $id holds []"
expect "hat trick: and the next one finds the hat empty" "$(run -e 'p Maglev[:hat].contents, Maglev[:peek].lambda?')" "[]
false"

cd "$EX/kvstore"
run kv.rb set color blue
for k in a b c d; do run kv.rb set "$k" "v$k" & done
wait
expect "kvstore: get" "$(run kv.rb get color)" blue
expect "kvstore: concurrent sets of different keys all stay" "$(run kv.rb list)" "a=va
b=vb
c=vc
color=blue
d=vd"
expect "kvstore: delete answers the value" "$(run kv.rb delete a)" va
expect "kvstore: count" "$(run kv.rb count)" 4
expect "kvstore: a missing key" "$(run kv.rb get a; echo "exit $?")" "a: not found
exit 1"

cd "$EX/migrations"
expect "migrations: version 1" "$(run -Mcommit v1.rb && run show.rb)" "3 v1 points
v1 (3.0, 4.0)
v1 (0.0, 2.0)
v1 (-1.0, 0.0)
neighbour: v1 (-1.0, 0.0) (the same object: true)"
expect "migrations: version 2 migrates every instance" "$(run -Mcommit v2.rb && run show.rb)" "migrated 3 points to v2
v2 (3.0, 4.0) r=5.0
v2 (0.0, 2.0) r=2.0
v2 (-1.0, 0.0) r=1.0
neighbour: v2 (-1.0, 0.0) r=1.0 (the same object: true)"
expect "migrations: the old class is not used any more" "$(run -e 'require "maglev/repository"; p Maglev[:points].map { _1.class::VERSION }, Point.all_instances.size')" "[2, 2, 2]
3"
finish
