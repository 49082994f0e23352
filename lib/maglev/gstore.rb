# maglev/gstore.rb -- GStore, PStore's API over the repository (MAGLEV-API.md
# section 9). A store is a Hash filed under its name in
# Maglev::PERSISTENT_ROOT[:GStore] (an RCHash, so processes that create
# different stores do not conflict); no file is read or written.
#
#   store = GStore.new("accounts")
#   store.transaction { |s| s[:alice] = 100 }          # commits
#   store.transaction(true) { |s| s[:alice] }           # read-only
#
# A transaction that ends normally (or by GStore#commit) commits the
# repository transaction; one that ends by GStore#abort or an exception
# aborts it; a commit that meets a conflict aborts and raises
# Maglev::CommitFailedException, so a transaction either commits all of its
# changes or none, and the caller may run it again.
#
# Transactions nest when the VM has Maglev.begin_nested_transaction: an inner
# transaction's abort rolls back only its own block, its commit folds into
# the enclosing one, and only the outermost commit reaches the repository.
# Without nested transactions a nested call raises PStore::Error, as PStore
# does, and an abort drops every uncommitted change of the process (the same
# as Maglev.abort_transaction). At the start of an outermost transaction the
# view is refreshed when the process has nothing uncommitted to lose
# (Maglev::System.needs_commit), so the block sees the newest commits.
require 'pstore'

class GStore < PStore
  ROOT_KEY = :GStore

  def initialize(file_name, thread_safe = false)
    @filename = File.path(file_name)     # a String or to_path, as PStore takes (TypeError else)
    @thread_safe = thread_safe
    @depth = 0
    @rdonly = false
    @table = nil
  end

  def path = @filename

  def [](name)
    in_transaction
    @table[name]
  end

  def fetch(name, default = PStore::Error)
    in_transaction
    unless @table.key?(name)
      raise PStore::Error, format("undefined root name `%s'", name) if default == PStore::Error
      return default
    end
    @table[name]
  end

  def []=(name, value)
    in_transaction_wr
    @table[name] = value
  end

  def delete(name)
    in_transaction_wr
    @table.delete(name)
  end

  def roots
    in_transaction
    @table.keys
  end
  alias_method :keys, :roots

  def root?(name)
    in_transaction
    @table.key?(name)
  end
  alias_method :key?, :root?

  def commit
    in_transaction
    throw @tag, :commit
  end

  def abort
    in_transaction
    throw @tag, :abort
  end

  def transaction(read_only = false)
    nested = @depth > 0
    raise PStore::Error, "nested transaction" if nested && !GStore.nesting?
    raise PStore::Error, "read-write transaction inside a read-only one" if nested && @rdonly && !read_only
    outer = [@tag, @rdonly, @table]
    refresh_view unless nested
    Maglev.begin_nested_transaction if GStore.nesting?
    @depth += 1
    @tag = Object.new
    @rdonly = read_only
    how = :abort
    value = nil
    begin
      @table = table_for(read_only)
      how = catch(@tag) do
        value = yield self
        :commit
      end
    ensure
      @depth -= 1
      @tag, @rdonly, @table = outer
      finish(read_only && how == :commit ? :read : how)
    end
    value
  end

  # Whether transactions nest (the VM has Maglev's nested transactions).
  def self.nesting? = Maglev.respond_to?(:begin_nested_transaction)

  private

  def in_transaction
    raise PStore::Error, "not in transaction" if @depth == 0
  end

  def in_transaction_wr
    in_transaction
    raise PStore::Error, "in read-only transaction" if @rdonly
  end

  def refresh_view
    sys = defined?(Maglev::System) && Maglev::System
    return unless sys && sys.respond_to?(:needs_commit)
    return if Maglev.respond_to?(:transaction_level) && Maglev.transaction_level > 1
    Maglev.abort_transaction unless sys.needs_commit
  end

  # The store's Hash; a read-only transaction of a store nobody made yet sees
  # an empty one and creates nothing.
  def table_for(read_only)
    stores = Maglev::PERSISTENT_ROOT[ROOT_KEY]
    if stores.nil?
      return {} if read_only
      stores = Maglev::PERSISTENT_ROOT[ROOT_KEY] = RCHash.new
    end
    table = stores[@filename]
    if table.nil?
      return {} if read_only
      table = stores[@filename] = {}
    end
    table
  end

  def finish(how)
    nesting = GStore.nesting?
    case how
    when :commit
      Maglev.commit_transaction                       # nested: folds into the enclosing level
      Maglev.commit_transaction if nesting && @depth == 0 && top_level?
    when :abort
      Maglev.abort_transaction                        # nested: back to the level's start
    else                                              # read-only: nothing to save
      Maglev.abort_transaction if nesting
    end
  rescue Maglev::CommitFailedException
    Maglev.abort_transaction
    raise
  end

  def top_level? = !Maglev.respond_to?(:transaction_level) || Maglev.transaction_level <= 1
end
