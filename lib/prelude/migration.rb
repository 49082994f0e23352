# Module#maglev_redefine: a new version of a persistent class and the
# migration of every committed instance of the old version to it, in batches
# of bounded size, committing as it goes; safe to resume after a crash.
#
#   Point.maglev_redefine(batch: 10_000) do
#     attr_reader :r, :t
#     def migrate_from(old)          # optional: else instance variables are copied by name
#       @r = Math.hypot(old.x, old.y)
#       @t = Math.atan2(old.y, old.x)
#     end
#   end
#
# The new version is a new class with the same superclass, named as the old
# one (the old version keeps living for the instances not migrated yet), or
# named new_name when given (the old name then stays with the old version).
# Each instance is migrated in place with become: every reference to it, in
# memory and in the repository, sees the new version. The migration in
# progress is recorded in the repository (the system table's :migrations,
# old version => new version), so a process killed half way leaves a state
# where running the same call again -- on the old version or, by its name,
# the new one -- finishes the migration instead of making a third version.
# With commit: false nothing is committed and every instance is migrated in
# this transaction. on_batch is called with the number migrated so far after
# each batch.
class Module
  def maglev_redefine(commit: true, new_name: nil, batch: 1000, on_batch: nil, &body)
    raise ArgumentError, "maglev_redefine needs a block: the new version's definition" unless body
    raise TypeError, "#{self} is a module: only a class has instances to migrate" unless is_a?(Class)
    raise Maglev::NotPersistableException, "#{self} is not persistable" unless maglev_persistable?
    # a core or library class is the same object in every repository, found
    # under its fixed object id: a new version would replace Object, String...
    # for every later process, without what C code gives them
    if Maglev.__base_image?(self)
      raise ArgumentError, "#{self} is a base-image class (every repository has it): it cannot be redefined"
    end
    raise ArgumentError, "batch must be a positive Integer" unless batch.is_a?(Integer) && batch > 0
    pending = (Maglev.__system_table[:migrations] ||= {})
    old, target = if pending.key?(self) then [self, pending[self]]
                  elsif pending.value?(self) then [pending.key(self), self]
                  end
    if target
      Maglev.persistent { target.class_eval(&body) }     # the definition again, as the program says it
    else
      old = self
      target = Maglev::Migration.new_version(self, new_name, body)
      pending[old] = target
      Maglev.commit_transaction if commit
    end
    Maglev::Migration.run(old, target, batch, commit, on_batch)
    pending.delete(old)
    Maglev.commit_transaction if commit
    target
  end
end

module Maglev
  module Migration
    module_function

    def new_version(old, new_name, body)
      name = old.name or raise ArgumentError, "an anonymous class cannot be redefined"
      parts = name.split("::")
      parent = parts.size > 1 ? Object.const_get(parts[0..-2].join("::")) : Object
      Maglev.persistent do
        target = Class.new(old.superclass)
        if new_name
          parent.const_set(new_name, target)
        else
          parent.send(:remove_const, parts.last)
          parent.const_set(parts.last, target)
        end
        target.class_eval(&body)
        target
      end
    end

    # One instance: a fresh one of the new version built from it, then the
    # two swap (old.become), so every reference to old sees the new version.
    def migrate(obj, target)
      fresh = target.allocate
      if fresh.respond_to?(:migrate_from, true)
        fresh.send(:migrate_from, obj)
      else
        obj.instance_variables.each { |iv| fresh.instance_variable_set(iv, obj.instance_variable_get(iv)) }
      end
      obj.become(fresh)
    end

    def run(old, target, batch, commit, on_batch)
      done = 0
      unless commit
        Maglev.__list_instances([old])[0].each { |o| migrate(o, target); done += 1 }
        on_batch&.call(done)
        return done
      end
      loop do
        objs = Maglev.__list_instances([old], batch)[0]
        break if objs.empty?
        attempts = 0
        begin
          objs.each { |o| migrate(o, target) }
          Maglev.commit_transaction
        rescue Maglev::CommitFailedException
          # another process changed one of them meanwhile: the batch again, on its new state
          Maglev.abort_transaction
          attempts += 1
          raise if attempts > 20
          objs = Maglev.__list_instances([old], batch)[0]
          retry
        end
        done += objs.size
        on_batch&.call(done)
      end
      done
    end

    # The migrations recorded in the repository and not finished: {old version => new version}.
    def pending = (Maglev.__system_table[:migrations] || {}).dup
  end
end
