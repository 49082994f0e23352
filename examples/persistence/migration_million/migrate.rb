# Version 2: polar coordinates. Every committed Point of version 1 becomes a
# version 2 point in place (every reference sees it), 10,000 per commit. Run
# it again after a crash: it finishes the migration it started.
#   bin/maglev-ruby examples/persistence/migration_million/migrate.rb [BATCH]
batch = (ARGV[0] || 10_000).to_i
t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
Point.maglev_redefine(batch: batch, on_batch: ->(n) { $stderr.print "\rmigrated #{n}" if n % 100_000 == 0 }) do
  attr_reader :r, :theta
  def migrate_from(old)
    @r = Math.hypot(old.x, old.y)
    @theta = Math.atan2(old.y, old.x)
  end
  def x = (@r * Math.cos(@theta)).round
  def y = (@r * Math.sin(@theta)).round
end
secs = Process.clock_gettime(Process::CLOCK_MONOTONIC) - t
$stderr.puts
pts = Maglev[:points]
puts "#{pts.size} points are version 2: #{pts.all? { |p| p.respond_to?(:theta) }} (#{secs.round(1)} s)"
puts "the references held elsewhere see it: #{Maglev[:origin_ref][:last].equal?(pts[-1]) && pts[-1].x == 999}"
