/* io_int.h -- what io.c, file_path.c and io_sys.c lend each other and dir.c (and
 * ext/file_ops.c): path arguments, stat of a path, the current directory, the
 * glob flag, checked descriptors of IOs, warnings at the caller's line. */
#ifndef MG_IO_INT_H
#define MG_IO_INT_H

#include "core.h"
#include <sys/stat.h>

/* File::FNM_DOTMATCH, also Dir.glob's flag */
#define GLOB_DOTMATCH 4

/* A path argument as a String: String, to_path, to_str; TypeError otherwise. */
Value mg_io_path_arg(Value v);
/* stat(2) of a path String; false (errno set) when it fails. No allocation. */
bool  mg_io_stat_path(Value path, struct stat *st);
/* The current directory as a String; SystemCallError when getcwd fails. */
Value mg_io_cwd(void);
/* file_path.c: File.basename, dirname, join, expand_path ... (io.c registers them) */
extern const MgMethodDef mg_file_path_methods[];
/* io_sys.c: IO#pread, pwrite, sysseek, advise, fdatasync, ioctl, IO.sysopen, try_convert */
extern const MgMethodDef mg_io_sys_methods[];
extern const MgMethodDef mg_io_sys_singleton_methods[];
/* The descriptor of an open IO checked for need: 0 any, 1 readable, 2 writable
 * (IOError "closed stream" / "not opened for reading|writing"). */
int   mg_io_fd_for(Value io, int need);
const char *mg_io_path_cstr(Value io);         /* io's path, NULL when it has none */
int   mg_io_oflags(Value mode);                   /* open(2) flags of a mode ("r+", Integer, nil = "r") */
size_t mg_io_wbuffered(Value io);                 /* bytes waiting in io's write buffer */
void  mg_io_flush(Value io);                      /* writes out io's write buffer */
int   mg_io_whence(Value v);                      /* IO::SEEK_* or :SET / :CUR / :END */
/* Warning.warn("FILE:LINE: warning: msg\n") for the Ruby caller of the running C method;
 * nothing under -W0; a deprecated one (category: :deprecated) only when Warning[:deprecated]. */
void  mg_io_warn(const char *msg, bool deprecated);
/* File.directory?(path). */
bool  mg_io_directory_p(Value path);

#endif
