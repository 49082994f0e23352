# maglev/repository.rb -- Maglev::Repository, the repository as an object
# (MAGLEV-API.md section 8): instances by class, backup and restore.
#
#   repo = Maglev::Repository.instance
#   posts, users = repo.list_instances([Post, User])
#   repo.full_backup_to("/backups/monday.mdb")
#   Post.all_instances                  # the same as list_instances([Post])[0]
#
# list_instances scans every record of the repository and answers, per class,
# the committed instances of exactly that class (not of its subclasses) as
# this transaction's view has them; objects not committed yet are not listed.
#
# full_backup_to and restore_from_backup are `maglev backup` and `maglev
# restore` (docs/cli.md) on this process's repository. A backup is taken
# online while other processes commit. A restore replaces the repository
# under every object this process holds, so it refuses while any other
# process has the repository open, aborts this process's transaction and
# closes the repository first, and, once the restore is done, ends the
# process (exit status 0), as GemStone ends the session that restored.
module Maglev
  class Repository
    class << self
      def instance = (@instance ||= new)
      private :new
    end

    def list_instances(classes)
      list = Array.try_convert(classes)
      raise TypeError, "no implicit conversion of #{classes.nil? ? "nil" : classes.class} into Array" unless list
      Maglev.__list_instances(list)
    end

    def full_backup_to(path)
      out = admin("backup", File.expand_path(path))    # a path: a String or to_path (TypeError else)
      raise RuntimeError, out.strip unless $?.success?
      true
    end

    def restore_from_backup(path)
      file = File.expand_path(path)
      raise ArgumentError, "no backup file #{file}" unless File.file?(file)
      pid = Maglev.__other_session_pid
      if pid != 0
        raise RuntimeError, "cannot restore: the repository is in use by process #{pid}; " \
                            "stop every other process using it first"
      end
      Maglev.abort_transaction
      Maglev.__store_close
      out = admin("restore", file)
      raise RuntimeError, out.strip unless $?.success?    # the old repository is still in place
      $stdout.print out
      $stdout.flush
      exit 0
    end

    private

    # Runs bin/maglev on this process's stone; answers its output (stdout and stderr).
    def admin(command, file)
      dir, bin = Maglev.__store_paths
      env = { "MAGLEV_DATA" => File.dirname(dir), "MAGLEV_STONE" => File.basename(dir) }
      # beside this executable (bin/, a build directory), else the installation's bin/
      dirs = [bin, ENV["MAGLEV_HOME"] && File.join(ENV["MAGLEV_HOME"], "bin"), File.join(bin, "../../bin")]
      cli = dirs.compact.map { |d| File.join(d, "maglev") }.find { |f| File.executable?(f) }
      raise RuntimeError, "the maglev command (bin/maglev), which runs backups and restores, is not found" unless cli
      IO.popen([env, "sh", "-c", '"$0" "$@" 2>&1', cli, command, File.basename(dir), file], &:read)
    end
  end
end

class Class
  # The committed instances of exactly this class (maglev/repository).
  def all_instances = Maglev::Repository.instance.list_instances([self])[0]
end
