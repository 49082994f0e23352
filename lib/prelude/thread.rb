# thread.rb -- ThreadGroup and Thread#group on top of the green threads of
# src/core/thread.c. A thread belongs to its creator's group; the group is
# kept as a thread variable under a name no program uses.
class ThreadGroup
  def list = Thread.list.select { |t| t.group.equal?(self) }

  def add(thread)
    raise ThreadError, "can't move from the enclosed thread group" if thread.group&.enclosed?
    raise ThreadError, "can't move to the enclosed thread group" if enclosed?
    thread.thread_variable_set(:__maglev_thread_group__, self)
    self
  end

  def enclose
    @enclosed = true
    self
  end

  def enclosed? = @enclosed ? true : false

  Default = new
end

class Thread
  def group
    return nil unless alive?
    thread_variable_get(:__maglev_thread_group__) || ThreadGroup::Default
  end

  class << self
    alias_method :__new_without_group, :new
    alias_method :__start_without_group, :start

    def new(*args, &blk)
      g = Thread.current.group
      t = __new_without_group(*args, &blk)
      t.thread_variable_set(:__maglev_thread_group__, g) unless g.equal?(ThreadGroup::Default)
      t
    end

    def start(*args, &blk)
      g = Thread.current.group
      t = __start_without_group(*args, &blk)
      t.thread_variable_set(:__maglev_thread_group__, g) unless g.equal?(ThreadGroup::Default)
      t
    end
    alias_method :fork, :start
  end
end
