# bench/index/maglev.rb -- the indexed-query workload on maglev (bench/index.sh).
#   maglev-ruby maglev.rb build N     N Items in one IdentitySet with an equality index on @k, one commit
#   maglev-ruby maglev.rb query N     the queries, in a fresh process: "name records_by_the_query
#                                     records_with_the_answers_read ms count idsum" lines
mode, n = ARGV[0], Integer(ARGV[1])
now = -> { Process.clock_gettime(Process::CLOCK_MONOTONIC) }
case mode
when "build"
  Maglev.persistent do
    class Item
      attr_accessor :k, :id
      def initialize(id, k) = (@id = id; @k = k)
    end
  end
  t0 = now.()
  set = IdentitySet.new
  # k: a permutation of 0...n (the same data as sqlite.rb)
  n.times { |i| set << Item.new(i, (i * 2654435761) % n) }
  t1 = now.()
  set.create_equality_index(:k, Integer)
  t2 = now.()
  Maglev[:bench_items] = set
  Maglev.commit_transaction
  t3 = now.()
  printf("build %d %.0f %.0f %.0f\n", set.size, (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000)
when "query"
  reads = -> { Maglev::System.my_cache_statistics[:objects_read] }
  run = lambda do |name, &blk|
    r0 = reads.(); t0 = now.()
    res = blk.call
    rq = reads.()
    cnt = res.size
    ids = res.map(&:id).sum     # read what was found, as the SQL side reads its column
    t1 = now.(); r1 = reads.()
    printf("%s %d %d %.3f %d %d\n", name, rq - r0, r1 - r0, (t1 - t0) * 1000, cnt, ids)
  end
  set = nil
  run.("open") { set = Maglev[:bench_items]; [] }
  k = n / 3 + 17
  run.("eq_cold") { set.search(:k, :eql, k) }
  run.("eq_warm") { set.search(:k, :eql, k + 1) }
  run.("range1000") { set.search_between(:k, 2 * k, 2 * k + 999) }
  run.("scan_eq") { set.search_by_scan(:k, :eql, k + 2) }
  run.("scan_range1000") { set.search_by_scan(:k, :gte, 2 * k) & set.search_by_scan(:k, :lte, 2 * k + 999) }
end
