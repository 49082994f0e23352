/* io_int.h -- what io.c lends dir.c and file_path.c: path arguments, stat of
 * a path, the current directory, the glob flag. */
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
/* File.directory?(path). */
bool  mg_io_directory_p(Value path);

#endif
