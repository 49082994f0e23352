# bench/index/sqlite.rb -- the indexed-query workload on CRuby + SQLite (bench/index.sh),
# the same data as maglev.rb: N rows (id, k) with k a permutation of 0...N and an index on k.
#   ruby sqlite.rb FILE build N
#   ruby sqlite.rb FILE query N    "name - ms count idsum" lines, then "pages EQ RANGE SCAN INDEX":
#                                  pages read, estimated from the B-tree shapes (dbstat)
require "sqlite3"
file, mode, n = ARGV[0], ARGV[1], Integer(ARGV[2])
now = -> { Process.clock_gettime(Process::CLOCK_MONOTONIC) }
case mode
when "build"
  File.delete(file) if File.exist?(file)
  db = SQLite3::Database.new(file)
  t0 = now.()
  db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, k INTEGER NOT NULL)")
  db.transaction do
    st = db.prepare("INSERT INTO items (id, k) VALUES (?, ?)")
    n.times { |i| st.execute(i, (i * 2654435761) % n) }
    st.close
  end
  t1 = now.()
  db.execute("CREATE INDEX items_k ON items (k)")
  t2 = now.()
  db.close
  printf("build %d %.0f %.0f %.0f\n", n, (t1 - t0) * 1000, (t2 - t1) * 1000, 0)
when "query"
  db = SQLite3::Database.new(file)
  run = lambda do |name, sql, *args|
    t0 = now.()
    rows = db.execute(sql, args)
    t1 = now.()
    printf("%s - %.3f %d %d\n", name, (t1 - t0) * 1000, rows.size, rows.sum { |r| r[0] })
  end
  k = n / 3 + 17
  run.("eq_cold", "SELECT id FROM items WHERE k = ?", k)
  run.("eq_warm", "SELECT id FROM items WHERE k = ?", k + 1)
  run.("range1000", "SELECT id FROM items WHERE k BETWEEN ? AND ?", 2 * k, 2 * k + 999)
  run.("scan_eq", "SELECT id FROM items NOT INDEXED WHERE k = ?", k + 2)
  run.("scan_range1000", "SELECT id FROM items NOT INDEXED WHERE k BETWEEN ? AND ?", 2 * k, 2 * k + 999)
  # pages a query reads, from the B-tree shapes (dbstat): the index's height,
  # plus its leaves for a range; a scan reads the table's pages
  begin
    ipages, height = db.execute("SELECT count(*), max(length(path) - length(replace(path, '/', ''))) FROM dbstat WHERE name = 'items_k'")[0]
    tpages = db.execute("SELECT count(*) FROM dbstat WHERE name = 'items'")[0][0]
    puts "pages #{height} #{height + (1000.0 * ipages / n).ceil} #{tpages} #{ipages}"
  rescue SQLite3::Exception
    puts "pages - - - -"
  end
  plan = db.execute("EXPLAIN QUERY PLAN SELECT id FROM items WHERE k = ?", [k]).map(&:last).join("; ")
  puts "plan - - - #{plan.tr(' ', '_')}"
end
