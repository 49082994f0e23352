# maglev_standin.rb -- for bench/blog.sh only: lets CRuby run examples/blog
# unchanged by standing in for the few Maglev calls the blog makes, in memory
# (no repository, no transactions, nothing durable): PERSISTENT_ROOT is a Hash,
# RCHash is Hash, commit and abort do nothing, the persistent counter is an
# Integer. CRuby has no Maglev module; maglev never loads this file.
raise "maglev_standin.rb is for CRuby" if defined?(Maglev)

module Maglev
  PERSISTENT_ROOT = {}
  class CommitFailedException < StandardError; end

  def self.persistent = yield
  def self.commit_transaction = true
  def self.abort_transaction = true

  module System
    @counters = Hash.new(0)
    def self.increment_pcounter(n) = @counters[n] += 1
  end
end
RCHash = Hash unless defined?(RCHash)
