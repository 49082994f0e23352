/* pty.c -- require 'pty': PTY.open, PTY.spawn (getpty), PTY.check and
 * PTY::ChildExited. C gives the pseudo-terminal pair (posix_openpt); the rest
 * is Ruby over Process.fork, Process.setsid and IO#reopen: the child opens
 * the slave again after setsid, which makes it its controlling terminal, and
 * reports a failed exec through a close-on-exec pipe, so the parent raises
 * it ("fork failed"), as CRuby does. */
#include "ext.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

/* PTY.__openpt -> [master fd, slave path] */
static Value
pty_openpt(Value self, int argc, const Value *argv, Value blk)
{
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) mg_raise_syserr(errno, "posix_openpt", NULL);
    char path[128];
    if (grantpt(m) != 0 || unlockpt(m) != 0 || ptsname_r(m, path, sizeof path) != 0) {
        int e = errno;
        close(m);
        mg_raise_syserr(e, "grantpt", NULL);
    }
    fcntl(m, F_SETFD, FD_CLOEXEC);
    Value out = mg_ary_new();
    mg_ary_push(out, MG_FIX(m));
    mg_ary_push(out, mg_str_new_cstr(path));
    return out;
}

static const char pty_rb[] =
    "module PTY\n"
    "  class ChildExited < RuntimeError\n"
    "    attr_reader :status\n"
    "    def initialize(status)\n"
    "      @status = status\n"
    "      super(\"pty - #{status.stopped? ? 'stopped' : 'exited'}: #{status.pid}\")\n"
    "    end\n"
    "  end\n"
    "  def self.open\n"
    "    fd, path = __openpt\n"
    "    master = IO.new(fd, 'r+')\n"
    "    slave = File.open(path, File::RDWR | File::NOCTTY)\n"
    "    master.sync = true\n"
    "    slave.sync = true\n"
    "    master.close_on_exec = true\n"
    "    slave.close_on_exec = true\n"
    "    pair = [master, slave]\n"
    "    return pair unless block_given?\n"
    "    begin\n"
    "      yield pair\n"
    "    ensure\n"
    "      master.close unless master.closed?\n"
    "      slave.close unless slave.closed?\n"
    "    end\n"
    "  end\n"
    "  def self.spawn(*cmd)\n"
    "    cmd = [ENV['SHELL'] || '/bin/sh'] if cmd.empty?\n"
    "    master, slave = open\n"
    "    er, ew = IO.pipe\n"
    "    pid = fork do\n"
    "      er.close\n"
    "      master.close\n"
    "      Process.setsid\n"
    "      tty = File.open(slave.path, File::RDWR)\n"
    "      slave.close\n"
    "      $stdin.reopen(tty)\n"
    "      $stdout.reopen(tty)\n"
    "      $stderr.reopen(tty)\n"
    "      tty.close\n"
    "      begin\n"
    "        exec(*cmd)\n"
    "      rescue SystemCallError => e\n"
    "        ew.write(e.errno.to_s)\n"
    "        exit!(127)\n"
    "      end\n"
    "    end\n"
    "    ew.close\n"
    "    slave.close\n"
    "    err = er.read\n"
    "    er.close\n"
    "    unless err.empty?\n"
    "      Process.wait(pid)\n"
    "      master.close\n"
    "      raise SystemCallError.new('fork failed', err.to_i)\n"
    "    end\n"
    "    r = master\n"
    "    w = master.dup\n"              /* a descriptor of its own */
    "    r.sync = w.sync = true\n"
    "    res = [r, w, pid]\n"
    "    return res unless block_given?\n"
    "    begin\n"
    "      yield res\n"
    "    ensure\n"
    "      r.close unless r.closed?\n"
    "      w.close unless w.closed?\n"
    "    end\n"
    "  end\n"
    "  class << self\n"
    "    alias getpty spawn\n"
    "  end\n"
    "  def self.check(pid, raise_on_exit = false)\n"
    "    got = Process.waitpid(pid, Process::WNOHANG | Process::WUNTRACED)\n"
    "    return nil unless got\n"
    "    raise ChildExited.new($?) if raise_on_exit\n"
    "    $?\n"
    "  end\n"
    "end\n";

void
mg_ext_init_pty(void)
{
    RClass *m = mg_define_module("PTY");
    mg_define_module_function(m, "__openpt", pty_openpt, 0, 0);
    mg_eval_string(pty_rb, sizeof pty_rb - 1, "pty.so", 1);
}
