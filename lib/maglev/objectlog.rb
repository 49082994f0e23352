# maglev/objectlog.rb -- ObjectLog and ObjectLogEntry, GemStone's persistent
# log with MagLev's Ruby names (MAGLEV-API.md section 9, issue 12;
# docs/libraries.md).
#
#   ObjectLogEntry.error("payment failed", order).add_to_log
#   Maglev.commit_transaction                 # the entry is in the log now
#   ObjectLog.errors(true).each { |e| puts e }   # (another process) refresh, list
#   ObjectLog.delete(entry)                    # removes it and commits
#
# The log is an OrderedCollection filed in Maglev::PERSISTENT_ROOT under
# :ObjectLog, oldest entry first. Appending is a reduced-conflict operation
# (maglev/orderedcollection): processes that append at the same time all
# commit, none loses an entry. An entry is committed with the next commit of
# the process that added it.
#
# The log is created the first time a process asks for it. When that
# process has nothing uncommitted (Maglev::System.needs_commit is false), it
# commits the empty log at once, retrying if another process created it
# first, so creating it never conflicts; otherwise the new log goes with the
# process's next commit, which can then meet another process's creation as an
# ordinary conflict.
#
# ObjectLogEntry is a base-image library class (LIB_CLASS in
# src/object/coreclasses.def): its instances persist in any mode and a
# process that faults one loads this file.
require 'maglev/orderedcollection'
require 'maglev/dateandtime'

class ObjectLogEntry
  FATAL = 1
  ERROR = 2
  WARN = 3
  INFO = 4
  DEBUG = 5
  TRACE = 6
  PRIORITY_NAMES = { FATAL => :fatal, ERROR => :error, WARN => :warn, INFO => :info,
                     DEBUG => :debug, TRACE => :trace }.freeze
  ROOT_KEY = :ObjectLog

  # label: the message (a String); object: anything persistable, kept with
  # the entry; tag: any marker the application wants (tagged? answers whether
  # there is one). pid and timestamp are this process's and now.
  def initialize(label, object = nil, priority = INFO, tag = nil)
    raise ArgumentError, "priority #{priority.inspect} is not one of 1..6" unless PRIORITY_NAMES.key?(priority)
    @label = label
    @object = object
    @priority = priority
    @tag = tag
    @pid = Process.pid
    @stamp = DateAndTime.now
  end

  attr_reader :label, :object, :priority, :pid, :tag
  attr_writer :tag
  alias_method :message, :label

  # When the entry was made: a Time (stamp answers the DateAndTime kept).
  def timestamp = @stamp.as_time
  def stamp = @stamp
  def tagged? = !@tag.nil?
  def priority_name = PRIORITY_NAMES[@priority]

  def trace? = @priority == TRACE
  def debug? = @priority == DEBUG
  def info? = @priority == INFO
  def warn? = @priority == WARN
  def error? = @priority == ERROR
  def fatal? = @priority == FATAL

  # Appends this entry to the persistent log; answers self. Committed with
  # the process's next commit.
  def add_to_log
    ObjectLogEntry.object_log << self
    self
  end

  def to_s = "#{@stamp} #{priority_name} [#{@pid}] #{@label}"

  def inspect
    obj = @object.nil? ? "" : " object=#{@object.inspect}"
    tag = @tag.nil? ? "" : " tag=#{@tag.inspect}"
    "#<#{self.class} #{priority_name} #{@label.inspect} pid=#{@pid} #{@stamp}#{obj}#{tag}>"
  end

  class << self
    # ObjectLogEntry.error(label, object = nil): a new entry (not yet in the log).
    def trace(label, object = nil) = new(label, object, TRACE)
    def debug(label, object = nil) = new(label, object, DEBUG)
    def info(label, object = nil) = new(label, object, INFO)
    def warn(label, object = nil) = new(label, object, WARN)
    def error(label, object = nil) = new(label, object, ERROR)
    def fatal(label, object = nil) = new(label, object, FATAL)

    # MagLev's name for GemStone's `ObjectLogEntry debug`: the debug priority.
    def debug_level = DEBUG

    # The persistent log, an OrderedCollection, oldest first (made if missing).
    def object_log
      Maglev::PERSISTENT_ROOT[ROOT_KEY] || create_log
    end

    private

    def create_log
      if Maglev::System.needs_commit || Maglev.transaction_level > 1
        return Maglev::PERSISTENT_ROOT[ROOT_KEY] = OrderedCollection.new
      end
      loop do
        Maglev::PERSISTENT_ROOT[ROOT_KEY] = log = OrderedCollection.new
        return log if Maglev::System.commit_transaction
        Maglev.abort_transaction                   # another process made it first
        existing = Maglev::PERSISTENT_ROOT[ROOT_KEY]
        return existing if existing
      end
    end
  end
end

# The log as a whole. Readers that take abort = true abort the current
# transaction first (dropping uncommitted changes) so they see the newest
# committed entries.
module ObjectLog
  extend Enumerable

  def self.log(abort = false)
    Maglev.abort_transaction if abort
    ObjectLogEntry.object_log
  end

  def self.to_a(abort = false) = log(abort).to_a
  def self.size(abort = false) = log(abort).size
  def self.each(&block)
    return enum_for(:each) { size } unless block
    log.each(&block)
    self
  end

  # ObjectLog.errors(abort = false): the entries of that priority, oldest first.
  def self.traces(abort = false) = at_level(ObjectLogEntry::TRACE, abort)
  def self.debugs(abort = false) = at_level(ObjectLogEntry::DEBUG, abort)
  def self.infos(abort = false) = at_level(ObjectLogEntry::INFO, abort)
  def self.warns(abort = false) = at_level(ObjectLogEntry::WARN, abort)
  def self.errors(abort = false) = at_level(ObjectLogEntry::ERROR, abort)
  def self.fatals(abort = false) = at_level(ObjectLogEntry::FATAL, abort)
  def self.at_level(priority, abort = false) = log(abort).select { |e| e.priority == priority }

  def self.tagged(abort = false) = log(abort).select(&:tagged?)

  # Removes entry from the log; commits unless commit is false. Answers the
  # entry, or nil when it was not in the log.
  def self.delete(entry, commit = true)
    removed = log.remove(entry) { nil }
    Maglev.commit_transaction if commit
    removed
  end

  # Trims the log to its newest keep entries; commits unless commit is
  # false. Answers the entries removed. Entries other processes append
  # meanwhile stay (removing from the front commutes with appending).
  def self.trim(keep, commit = true)
    l = log
    removed = []
    removed << l.remove_first while l.size > keep
    Maglev.commit_transaction if commit
    removed
  end

  # Removes every entry (trim(0)).
  def self.delete_all(commit = true) = trim(0, commit)
  def self.clear(commit = true) = trim(0, commit)
end
