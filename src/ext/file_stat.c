/* file_stat.c -- File::Stat and File.stat / lstat / File#stat / #lstat, plus the
 * File predicates and times the standard library reads (tmpdir, fileutils,
 * tempfile, pstore, pathname): File.mtime / atime / ctime, ftype,
 * world_writable?, sticky?, setuid?, setgid?, owned?, pipe?, socket?,
 * chardev?, blockdev?, the _real? predicates, File.birthtime / File#birthtime
 * (statx), File#mtime / atime / ctime, File.lutime. Installed at start-up by mg_init_ext (ext.c) only where
 * the core (io.c) has not defined them. */
#include "ext.h"
#include "../core/core.h"
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static RClass *cStat;

typedef struct { struct stat st; bool set; } StatData;

static const DataType stat_type = { "File::Stat", NULL, NULL, NULL };

static Value
stat_alloc(RClass *klass)
{
    void *p;
    return mg_data_new_inline(klass, &stat_type, sizeof(StatData), &p);
}

static struct stat *
sget(Value self)
{
    StatData *d = mg_data_check(self, &stat_type);
    if (!d->set) mg_raise(mg_eTypeError, "uninitialized File::Stat");
    return &d->st;
}

static Value
stat_new(const struct stat *st)
{
    Value v = stat_alloc(cStat);
    StatData *d = mg_data_check(v, &stat_type);
    d->st = *st;
    d->set = true;
    return v;
}

static Value
path_of(Value v)
{
    if (!MG_IS_STRING(v) && mg_respond_to(v, mg_intern_cstr("to_path"), false))
        v = mg_funcall(v, mg_intern_cstr("to_path"), 0, NULL);
    return mg_to_str(v);
}

static void
do_stat(Value path, struct stat *st, bool link, const char *func)
{
    Value p = path_of(path);
    int r = link ? lstat(mg_str_cstr(p), st) : stat(mg_str_cstr(p), st);
    if (r != 0) mg_raise_syserr(errno, func, mg_str_cstr(p));
}

static Value
stat_initialize(Value self, int argc, const Value *argv, Value blk)
{
    StatData *d = mg_data_check(self, &stat_type);
    do_stat(argv[0], &d->st, false, "rb_file_s_stat");
    d->set = true;
    return self;
}

static Value
file_s_stat(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    do_stat(argv[0], &st, false, "rb_file_s_stat");
    return stat_new(&st);
}

static Value
file_s_lstat(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    do_stat(argv[0], &st, true, "rb_file_s_lstat");
    return stat_new(&st);
}

static Value
file_stat(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    int fd = (int)mg_num2long(mg_funcall(self, mg_intern_cstr("fileno"), 0, NULL));
    if (fstat(fd, &st) != 0) mg_raise_syserr(errno, "rb_file_stat", NULL);
    return stat_new(&st);
}

static Value
file_lstat(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    do_stat(mg_funcall(self, mg_intern_cstr("path"), 0, NULL), &st, true, "rb_file_lstat");
    return stat_new(&st);
}

static Value
time_at(const struct timespec *ts)
{
    Value t = mg_const_get_at(mg_cObject, mg_intern_cstr("Time"));
    Value a[3] = { mg_int_new(ts->tv_sec), mg_int_new(ts->tv_nsec), mg_sym("nsec") };
    return mg_funcall(t, mg_intern_cstr("at"), 3, a);
}

#define STAT_INT(name, field) \
    static Value st_##name(Value self, int argc, const Value *argv, Value blk) { return mg_int_new((int64_t)sget(self)->field); }
STAT_INT(size, st_size)
STAT_INT(mode, st_mode)
STAT_INT(uid, st_uid)
STAT_INT(gid, st_gid)
STAT_INT(nlink, st_nlink)
STAT_INT(ino, st_ino)
STAT_INT(dev, st_dev)
STAT_INT(rdev, st_rdev)
STAT_INT(blksize, st_blksize)
STAT_INT(blocks, st_blocks)

#define STAT_PRED(name, expr) \
    static Value st_##name(Value self, int argc, const Value *argv, Value blk) { struct stat *s = sget(self); return MG_BOOL(expr); }
STAT_PRED(directory_p, S_ISDIR(s->st_mode))
STAT_PRED(file_p, S_ISREG(s->st_mode))
STAT_PRED(symlink_p, S_ISLNK(s->st_mode))
STAT_PRED(pipe_p, S_ISFIFO(s->st_mode))
STAT_PRED(socket_p, S_ISSOCK(s->st_mode))
STAT_PRED(chardev_p, S_ISCHR(s->st_mode))
STAT_PRED(blockdev_p, S_ISBLK(s->st_mode))
STAT_PRED(sticky_p, s->st_mode & S_ISVTX)
STAT_PRED(setuid_p, s->st_mode & S_ISUID)
STAT_PRED(setgid_p, s->st_mode & S_ISGID)
STAT_PRED(zero_p, s->st_size == 0)
STAT_PRED(owned_p, s->st_uid == geteuid())
STAT_PRED(grpowned_p, s->st_gid == getegid())

/* permission bits for the effective user (root reads and writes anything) */
static bool
can(const struct stat *s, int r_bit)
{
    uid_t u = geteuid();
    if (u == 0) return r_bit != 1 || (s->st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) || S_ISDIR(s->st_mode);
    int shift = s->st_uid == u ? 6 : s->st_gid == getegid() ? 3 : 0;
    return (s->st_mode >> shift) & r_bit;
}

STAT_PRED(readable_p, can(s, 4))
STAT_PRED(writable_p, can(s, 2))
STAT_PRED(executable_p, can(s, 1))

static Value
st_world_writable_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat *s = sget(self);
    return (s->st_mode & S_IWOTH) ? MG_FIX(s->st_mode & 0777) : MG_NIL;
}

static Value
st_world_readable_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat *s = sget(self);
    return (s->st_mode & S_IROTH) ? MG_FIX(s->st_mode & 0777) : MG_NIL;
}

static Value
st_size_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat *s = sget(self);
    return s->st_size == 0 ? MG_NIL : mg_int_new((int64_t)s->st_size);
}

static const char *
ftype_of(mode_t m)
{
    if (S_ISREG(m)) return "file";
    if (S_ISDIR(m)) return "directory";
    if (S_ISLNK(m)) return "link";
    if (S_ISCHR(m)) return "characterSpecial";
    if (S_ISBLK(m)) return "blockSpecial";
    if (S_ISFIFO(m)) return "fifo";
    if (S_ISSOCK(m)) return "socket";
    return "unknown";
}

static Value
st_ftype(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_new_cstr(ftype_of(sget(self)->st_mode));
}

static Value st_dev_major(Value self, int argc, const Value *argv, Value blk) { return mg_int_new((int64_t)major(sget(self)->st_dev)); }
static Value st_dev_minor(Value self, int argc, const Value *argv, Value blk) { return mg_int_new((int64_t)minor(sget(self)->st_dev)); }
static Value st_rdev_major(Value self, int argc, const Value *argv, Value blk) { return mg_int_new((int64_t)major(sget(self)->st_rdev)); }
static Value st_rdev_minor(Value self, int argc, const Value *argv, Value blk) { return mg_int_new((int64_t)minor(sget(self)->st_rdev)); }

/* struct stat has no birth time on Linux: CRuby 3.1 says so */
static Value
stat_birthtime(Value self, int argc, const Value *argv, Value blk)
{
    sget(self);
    mg_raise(mg_eNotImplementedError, "birthtime() function is unimplemented on this machine");
}

/* The birth time through statx(2) of path (relative to fd; "" with AT_EMPTY_PATH: fd itself). */
static Value
statx_birthtime(int fd, const char *path, int flags, const char *func)
{
    struct statx stx;
    if (statx(fd, path, flags, STATX_BTIME, &stx) != 0) mg_raise_syserr(errno, func, *path ? path : NULL);
    if (!(stx.stx_mask & STATX_BTIME)) mg_raise(mg_eNotImplementedError, "birthtime is unimplemented on this filesystem");
    struct timespec ts = { (time_t)stx.stx_btime.tv_sec, (long)stx.stx_btime.tv_nsec };
    return time_at(&ts);
}

static Value
f_birthtime(Value self, int argc, const Value *argv, Value blk)
{
    Value p = path_of(argv[0]);
    return statx_birthtime(AT_FDCWD, mg_str_cstr(p), 0, "rb_file_s_birthtime");
}

static int
file_fd(Value self)
{
    return (int)mg_num2long(mg_funcall(self, mg_intern_cstr("fileno"), 0, NULL));
}

static Value
file_birthtime(Value self, int argc, const Value *argv, Value blk)
{
    return statx_birthtime(file_fd(self), "", AT_EMPTY_PATH, "rb_file_birthtime");
}

/* File#mtime / atime / ctime: of the open file (fstat) */
static struct stat
file_fstat(Value self, const char *func)
{
    struct stat st;
    int fd = file_fd(self);
    if (fstat(fd, &st) != 0) mg_raise_syserr(errno, func, NULL);
    return st;
}

static Value file_mtime(Value self, int argc, const Value *argv, Value blk) { struct stat st = file_fstat(self, "rb_file_mtime"); return time_at(&st.st_mtim); }
static Value file_atime(Value self, int argc, const Value *argv, Value blk) { struct stat st = file_fstat(self, "rb_file_atime"); return time_at(&st.st_atim); }
static Value file_ctime(Value self, int argc, const Value *argv, Value blk) { struct stat st = file_fstat(self, "rb_file_ctime"); return time_at(&st.st_ctim); }

/* File.readable_real? etc.: access(2) checks with the real user and group ids */
static Value f_readable_real_p(Value self, int argc, const Value *argv, Value blk) { return MG_BOOL(access(mg_str_cstr(path_of(argv[0])), R_OK) == 0); }
static Value f_writable_real_p(Value self, int argc, const Value *argv, Value blk) { return MG_BOOL(access(mg_str_cstr(path_of(argv[0])), W_OK) == 0); }
static Value f_executable_real_p(Value self, int argc, const Value *argv, Value blk) { return MG_BOOL(access(mg_str_cstr(path_of(argv[0])), X_OK) == 0); }

static Value stat_mtime(Value self, int argc, const Value *argv, Value blk) { return time_at(&sget(self)->st_mtim); }
static Value stat_atime(Value self, int argc, const Value *argv, Value blk) { return time_at(&sget(self)->st_atim); }
static Value stat_ctime(Value self, int argc, const Value *argv, Value blk) { return time_at(&sget(self)->st_ctim); }

static Value
st_cmp(Value self, int argc, const Value *argv, Value blk)
{
    StatData *o = mg_data_get(argv[0], &stat_type);
    if (!o || !o->set) return MG_NIL;
    struct stat *s = sget(self);
    struct timespec a = s->st_mtim, b = o->st.st_mtim;
    if (a.tv_sec != b.tv_sec) return MG_FIX(a.tv_sec < b.tv_sec ? -1 : 1);
    if (a.tv_nsec != b.tv_nsec) return MG_FIX(a.tv_nsec < b.tv_nsec ? -1 : 1);
    return MG_FIX(0);
}

static Value
st_inspect(Value self, int argc, const Value *argv, Value blk)
{
    struct stat *s = sget(self);
    return mg_sprintf("#<File::Stat dev=0x%llx, ino=%llu, mode=0%llo, nlink=%llu, uid=%u, gid=%u, size=%lld>",
                      (unsigned long long)s->st_dev, (unsigned long long)s->st_ino, (unsigned long long)s->st_mode,
                      (unsigned long long)s->st_nlink, (unsigned)s->st_uid, (unsigned)s->st_gid, (long long)s->st_size);
}

static const MgMethodDef stat_methods[] = {
    {"initialize", stat_initialize, 1, 1},
    {"size", st_size, 0, 0}, {"mode", st_mode, 0, 0}, {"uid", st_uid, 0, 0}, {"gid", st_gid, 0, 0},
    {"nlink", st_nlink, 0, 0}, {"ino", st_ino, 0, 0}, {"dev", st_dev, 0, 0}, {"rdev", st_rdev, 0, 0},
    {"blksize", st_blksize, 0, 0}, {"blocks", st_blocks, 0, 0},
    {"directory?", st_directory_p, 0, 0}, {"file?", st_file_p, 0, 0}, {"symlink?", st_symlink_p, 0, 0},
    {"pipe?", st_pipe_p, 0, 0}, {"socket?", st_socket_p, 0, 0}, {"chardev?", st_chardev_p, 0, 0},
    {"blockdev?", st_blockdev_p, 0, 0}, {"sticky?", st_sticky_p, 0, 0}, {"setuid?", st_setuid_p, 0, 0},
    {"setgid?", st_setgid_p, 0, 0}, {"zero?", st_zero_p, 0, 0}, {"owned?", st_owned_p, 0, 0},
    {"grpowned?", st_grpowned_p, 0, 0}, {"readable?", st_readable_p, 0, 0}, {"writable?", st_writable_p, 0, 0},
    {"executable?", st_executable_p, 0, 0}, {"readable_real?", st_readable_p, 0, 0},
    {"writable_real?", st_writable_p, 0, 0}, {"executable_real?", st_executable_p, 0, 0},
    {"world_writable?", st_world_writable_p, 0, 0}, {"world_readable?", st_world_readable_p, 0, 0},
    {"size?", st_size_p, 0, 0}, {"ftype", st_ftype, 0, 0},
    {"mtime", stat_mtime, 0, 0}, {"atime", stat_atime, 0, 0}, {"ctime", stat_ctime, 0, 0},
    {"<=>", st_cmp, 1, 1}, {"inspect", st_inspect, 0, 0}, {"birthtime", stat_birthtime, 0, 0},
    {"dev_major", st_dev_major, 0, 0}, {"dev_minor", st_dev_minor, 0, 0},
    {"rdev_major", st_rdev_major, 0, 0}, {"rdev_minor", st_rdev_minor, 0, 0},
    {NULL, NULL, 0, 0}
};

/* File.<pred>(path) for the predicates the core lacks: stat, then ask the Stat (false if absent) */
#define FILE_PRED(name, fn, link) \
    static Value f_##name(Value self, int argc, const Value *argv, Value blk) { \
        struct stat st; Value p = path_of(argv[0]); \
        if ((link ? lstat(mg_str_cstr(p), &st) : stat(mg_str_cstr(p), &st)) != 0) return MG_FALSE; \
        Value s = stat_new(&st); return fn(s, 0, NULL, MG_NIL); }
FILE_PRED(sticky_p, st_sticky_p, false)
FILE_PRED(setuid_p, st_setuid_p, false)
FILE_PRED(setgid_p, st_setgid_p, false)
FILE_PRED(owned_p, st_owned_p, false)
FILE_PRED(grpowned_p, st_grpowned_p, false)
FILE_PRED(pipe_p, st_pipe_p, false)
FILE_PRED(socket_p, st_socket_p, false)
FILE_PRED(chardev_p, st_chardev_p, false)
FILE_PRED(blockdev_p, st_blockdev_p, false)

static Value
f_world_writable_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    Value p = path_of(argv[0]);
    if (stat(mg_str_cstr(p), &st) != 0) return MG_NIL;
    return st_world_writable_p(stat_new(&st), 0, NULL, MG_NIL);
}

static Value
f_world_readable_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    Value p = path_of(argv[0]);
    if (stat(mg_str_cstr(p), &st) != 0) return MG_NIL;
    return st_world_readable_p(stat_new(&st), 0, NULL, MG_NIL);
}

#define FILE_TIME(name, field, func) \
    static Value f_##name(Value self, int argc, const Value *argv, Value blk) { \
        struct stat st; do_stat(argv[0], &st, false, func); return time_at(&st.field); }
FILE_TIME(mtime, st_mtim, "rb_file_s_mtime")
FILE_TIME(atime, st_atim, "rb_file_s_atime")
FILE_TIME(ctime, st_ctim, "rb_file_s_ctime")

static Value
f_ftype(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    do_stat(argv[0], &st, true, "rb_file_s_ftype");
    return mg_str_new_cstr(ftype_of(st.st_mode));
}

static Value
f_identical_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat a, b;
    Value p = path_of(argv[0]), q = path_of(argv[1]);
    if (stat(mg_str_cstr(p), &a) != 0 || stat(mg_str_cstr(q), &b) != 0) return MG_FALSE;
    return MG_BOOL(a.st_dev == b.st_dev && a.st_ino == b.st_ino);
}

/* a Time (or nil: now) as a timespec, through Time#to_r */
static struct timespec
timespec_of(Value t)
{
    struct timespec ts = { 0, UTIME_NOW };
    if (t == MG_NIL) return ts;
    double d = mg_num2dbl(mg_funcall(t, mg_intern_cstr("to_f"), 0, NULL));
    ts.tv_sec = (time_t)d;
    ts.tv_nsec = (long)((d - (double)ts.tv_sec) * 1e9);
    if (ts.tv_nsec < 0) { ts.tv_sec--; ts.tv_nsec += 1000000000L; }
    return ts;
}

static Value
utime_files(int argc, const Value *argv, int flags, const char *func)
{
    if (argc < 2) mg_raise(mg_eArgumentError, "wrong number of arguments (given %d, expected 2+)", argc);
    struct timespec ts[2] = { timespec_of(argv[0]), timespec_of(argv[1]) };
    for (int i = 2; i < argc; i++) {
        Value p = path_of(argv[i]);
        if (utimensat(AT_FDCWD, mg_str_cstr(p), ts, flags) != 0) mg_raise_syserr(errno, func, mg_str_cstr(p));
    }
    return MG_FIX(argc - 2);
}

static Value f_utime(Value self, int argc, const Value *argv, Value blk) { return utime_files(argc, argv, 0, "apply2files"); }
/* lutime: a symbolic link's own times */
static Value f_lutime(Value self, int argc, const Value *argv, Value blk) { return utime_files(argc, argv, AT_SYMLINK_NOFOLLOW, "apply2files"); }

static void
single_if_missing(const char *name, MgCFunc fn, int min, int max)
{
    if (!mg_respond_to(MG_VAL(mg_cFile), mg_intern_cstr(name), true))
        mg_define_singleton_method(MG_VAL(mg_cFile), name, fn, min, max);
}

void
mg_ext_boot_file_stat(void)
{
    cStat = mg_cFileStat;   /* a core class (coreclasses.def): what persistent mode adds to it persists */
    if (!mg_method_lookup(cStat, mg_intern_cstr("size"))) {
        mg_define_alloc_func(cStat, stat_alloc);
        mg_define_methods(cStat, stat_methods);
        mg_include_module(cStat, mg_mComparable);
        single_if_missing("stat", file_s_stat, 1, 1);
        single_if_missing("lstat", file_s_lstat, 1, 1);
        if (!mg_method_lookup(mg_cIO, mg_intern_cstr("stat"))) mg_define_method(mg_cIO, "stat", file_stat, 0, 0);
        if (!mg_method_lookup(mg_cFile, mg_intern_cstr("lstat"))) mg_define_method(mg_cFile, "lstat", file_lstat, 0, 0);
    }
    single_if_missing("sticky?", f_sticky_p, 1, 1);
    single_if_missing("setuid?", f_setuid_p, 1, 1);
    single_if_missing("setgid?", f_setgid_p, 1, 1);
    single_if_missing("owned?", f_owned_p, 1, 1);
    single_if_missing("grpowned?", f_grpowned_p, 1, 1);
    single_if_missing("pipe?", f_pipe_p, 1, 1);
    single_if_missing("socket?", f_socket_p, 1, 1);
    single_if_missing("chardev?", f_chardev_p, 1, 1);
    single_if_missing("blockdev?", f_blockdev_p, 1, 1);
    single_if_missing("world_writable?", f_world_writable_p, 1, 1);
    single_if_missing("world_readable?", f_world_readable_p, 1, 1);
    single_if_missing("mtime", f_mtime, 1, 1);
    single_if_missing("atime", f_atime, 1, 1);
    single_if_missing("ctime", f_ctime, 1, 1);
    single_if_missing("ftype", f_ftype, 1, 1);
    single_if_missing("identical?", f_identical_p, 2, 2);
    single_if_missing("utime", f_utime, 0, -1);
    single_if_missing("lutime", f_lutime, 0, -1);
    single_if_missing("birthtime", f_birthtime, 1, 1);
    single_if_missing("readable_real?", f_readable_real_p, 1, 1);
    single_if_missing("writable_real?", f_writable_real_p, 1, 1);
    single_if_missing("executable_real?", f_executable_real_p, 1, 1);
    static const MgMethodDef file_times[] = {
        {"mtime", file_mtime, 0, 0}, {"atime", file_atime, 0, 0}, {"ctime", file_ctime, 0, 0},
        {"birthtime", file_birthtime, 0, 0}, {NULL, NULL, 0, 0}
    };
    for (const MgMethodDef *d = file_times; d->name; d++)
        if (!mg_method_lookup(mg_cFile, mg_intern_cstr(d->name))) mg_define_method(mg_cFile, d->name, d->fn, d->min_args, d->max_args);
}
