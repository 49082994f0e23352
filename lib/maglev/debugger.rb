# maglev/debugger.rb -- Maglev::Debugger: an uncaught exception saved in the
# ObjectLog, with its backtrace and each Ruby frame's method, file, line and
# local variables, for inspection from another process (MAGLEV-API.md
# section 9; docs/libraries.md).
#
#   require 'maglev/debugger'
#   Maglev::Debugger.debug { handle(request) }   # an exception is logged, committed, re-raised
#
#   # later, in maglev-irb or any process:
#   e = Maglev::Debugger.entries.last            # a DebuggerLogEntry
#   puts e.report                                # the error, frames and their locals
#   e.frames[0][:locals]                         # { "order" => "#<Order 17>", ... }
#   e.frames[0][:self]                           # the receiver, inspected
#
# GemStone saved the live, resumable stack (a continuation) in the log; this
# cannot: a frame's state is C stack and interpreter registers, which do not
# persist. What is saved is a snapshot: the exception's class, message and
# backtrace, and for every Ruby frame from the raise outwards its label,
# file, line, receiver and locals, each as its inspect String (so any value can
# be shown, whether or not it could persist). The snapshot is taken when the
# exception is raised (the VM keeps one while Debugger.debug runs:
# Maglev.__capture_frames, vm/raise.c), before the frames unwind.
#
# Saving commits the current transaction, so the program's uncommitted
# changes are committed with the entry; when that commit fails (a conflict,
# or a TransactionError for a change that cannot persist), the transaction is
# aborted and the entry alone committed.
require 'maglev/objectlog'

class DebuggerLogEntry < ObjectLogEntry
  MAX_INSPECT = 2000  # characters kept of one local's inspect

  # exception: the exception; frames: Maglev.__frames_of(exception) or nil.
  def initialize(exception, frames = nil)
    super(DebuggerLogEntry.describe(exception), nil, ERROR)
    @exception_class = exception.class.name || exception.class.inspect
    @exception_message = DebuggerLogEntry.safely { exception.message.to_s } || ""
    @backtrace = (exception.backtrace || []).map(&:to_s)
    @frames = (frames || []).map do |label, file, line, locals, receiver|
      { method: label.to_s, file: file.to_s, line: line, self: DebuggerLogEntry.inspect_value(receiver),
        locals: locals.to_h { |k, v| [k.to_s, DebuggerLogEntry.inspect_value(v)] } }
    end
  end

  attr_reader :exception_class, :exception_message, :backtrace, :frames

  # The locals of frame i (0 is where the exception was raised): name => inspect.
  def locals(i = 0) = (@frames[i] || {})[:locals]

  def report
    out = +"#{label}\n"
    out << "  raised in process #{pid} at #{stamp}\n"
    @frames.each_with_index do |f, i|
      out << format("  #%-2d %s:%s:in `%s' (self: %s)\n", i, f[:file], f[:line], f[:method], f[:self])
      f[:locals].each { |name, value| out << "        #{name} = #{value}\n" }
    end
    out
  end

  def self.describe(exception)
    msg = safely { exception.message.to_s }
    "#{exception.class}: #{msg}"
  end

  def self.inspect_value(v)
    s = safely { v.inspect.to_s } || "#<#{safely { v.class }} (inspect failed)>"
    s.size > MAX_INSPECT ? s[0, MAX_INSPECT] + "..." : s
  end

  def self.safely
    yield
  rescue Exception
    nil
  end
end

module Maglev
  module Debugger
    LIB = __FILE__

    # Runs the block and answers its value. An exception that leaves the
    # block (other than SystemExit) is saved as a DebuggerLogEntry in the
    # ObjectLog -- committed unless commit is false -- and raised again.
    def self.debug(commit = true)
      Maglev.__capture_frames(true)
      begin
        yield
      rescue SystemExit
        raise
      rescue Exception => e
        save_or_warn(e, commit)
        raise
      end
    ensure
      Maglev.__capture_frames(false)
    end

    # For the rest of the process: frames are captured and an exception
    # that ends the program is saved (committed) before it exits.
    def self.debug_on_error
      return true if $__maglev_debug_on_error       # a global: never persisted, unlike a module's ivar
      $__maglev_debug_on_error = true
      Maglev.__capture_frames(true)
      at_exit do
        e = $!
        save_or_warn(e, true) if e && !e.is_a?(SystemExit)
      end
      true
    end

    # Saves exception as a DebuggerLogEntry; answers the entry.
    def self.save(exception, commit = true)
      entry = DebuggerLogEntry.new(exception, frames_of(exception))
      entry.add_to_log
      return entry unless commit
      begin
        Maglev.commit_transaction
      rescue Maglev::CommitFailedException, TransactionError
        Maglev.abort_transaction                   # the program's changes cannot commit: the entry alone
        entry.add_to_log
        Maglev.commit_transaction
      end
      entry
    end

    # MagLev's save_exception: the transaction is aborted first (with a
    # warning when that discards uncommitted changes), so only the entry is
    # committed; a commit that fails is reported on stderr. Answers the entry.
    def self.save_exception(exception)
      warn("Saving exception to ObjectLog, discarding transaction") if Maglev::System.needs_commit
      Maglev.abort_transaction
      entry = DebuggerLogEntry.new(exception, frames_of(exception))
      entry.add_to_log
      begin
        Maglev.commit_transaction
      rescue Exception => e
        warn "Error trying to save the exception in the ObjectLog: #{e.message}"
      end
      entry
    end

    # Saving must not hide the exception being saved: a failure is reported on stderr.
    def self.save_or_warn(exception, commit)
      save(exception, commit)
    rescue Exception => failure
      $stderr.puts "maglev/debugger: could not save #{exception.class} in the ObjectLog: #{failure.class}: #{failure.message}"
      nil
    end

    # The saved entries, oldest first; abort = true refreshes the view first.
    def self.entries(abort = false) = ObjectLog.to_a(abort).grep(DebuggerLogEntry)
    def self.last(abort = false) = entries(abort).last

    # The snapshot without this file's own frames (debug and its block's caller).
    def self.frames_of(exception)
      (Maglev.__frames_of(exception) || []).reject { |f| f[1] == LIB }
    end
    private_class_method :frames_of, :save_or_warn
  end
end
