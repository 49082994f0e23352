/* file_ops.c -- the File operations on modes, owners and links that RubyGems'
 * installer and fileutils use: File.umask, chmod, lchmod, chown, lchown,
 * symlink, link, readlink, mkfifo, truncate, File#chmod / #chown, IO.binread /
 * binwrite, and the deprecated File.exists?. Installed at
 * start-up by mg_init_ext (ext.c) only where the core (io.c) has not defined them. */
#include "ext.h"
#include "../core/core.h"
#include "../core/io_int.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static Value
path_of(Value v)
{
    if (!MG_IS_STRING(v) && mg_respond_to(v, mg_intern_cstr("to_path"), false))
        v = mg_funcall(v, mg_intern_cstr("to_path"), 0, NULL);
    return mg_to_str(v);
}

/* umask -> the mask; umask(m) sets it and answers the old one */
static Value
f_umask(Value self, int argc, const Value *argv, Value blk)
{
    mode_t old;
    if (argc == 0) { old = umask(0); umask(old); }
    else old = umask((mode_t)mg_num2long(argv[0]));
    return MG_FIX(old);
}

/* an owner id argument: nil or -1 leaves it unchanged */
static long
owner_id(Value v)
{
    return v == MG_NIL ? -1 : mg_num2long(v);
}

/* chmod(mode, path...), lchmod: the number of files changed */
static Value
chmod_files(int argc, const Value *argv, bool nofollow)
{
    mode_t mode = (mode_t)mg_num2long(argv[0]);
    for (int i = 1; i < argc; i++) {
        Value p = path_of(argv[i]);
        int r = nofollow ? fchmodat(AT_FDCWD, mg_str_cstr(p), mode, AT_SYMLINK_NOFOLLOW)
                         : chmod(mg_str_cstr(p), mode);
        if (r != 0) mg_raise_syserr(errno, "apply2files", mg_str_cstr(p));
    }
    return MG_FIX(argc - 1);
}

static Value f_chmod(Value self, int argc, const Value *argv, Value blk) { return chmod_files(argc, argv, false); }
static Value f_lchmod(Value self, int argc, const Value *argv, Value blk) { return chmod_files(argc, argv, true); }

/* chown(uid, gid, path...), lchown */
static Value
chown_files(int argc, const Value *argv, bool nofollow)
{
    uid_t uid = (uid_t)owner_id(argv[0]);
    gid_t gid = (gid_t)owner_id(argv[1]);
    for (int i = 2; i < argc; i++) {
        Value p = path_of(argv[i]);
        int r = nofollow ? lchown(mg_str_cstr(p), uid, gid) : chown(mg_str_cstr(p), uid, gid);
        if (r != 0) mg_raise_syserr(errno, "apply2files", mg_str_cstr(p));
    }
    return MG_FIX(argc - 2);
}

static Value f_chown(Value self, int argc, const Value *argv, Value blk) { return chown_files(argc, argv, false); }
static Value f_lchown(Value self, int argc, const Value *argv, Value blk) { return chown_files(argc, argv, true); }

/* the "(from, to)" detail CRuby's two-path errors carry */
NORETURN static void
raise_two(int err, const char *func, Value a, Value b)
{
    Value d = mg_str_new_cstr("(");
    mg_str_append(d, a);
    mg_str_cat_cstr(d, ", ");
    mg_str_append(d, b);
    mg_str_cat_cstr(d, ")");
    mg_raise_syserr(err, func, mg_str_cstr(d));
}

static Value
f_symlink(Value self, int argc, const Value *argv, Value blk)
{
    Value a = path_of(argv[0]), b = path_of(argv[1]);
    if (symlink(mg_str_cstr(a), mg_str_cstr(b)) != 0) raise_two(errno, "rb_file_s_symlink", a, b);
    return MG_FIX(0);
}

static Value
f_link(Value self, int argc, const Value *argv, Value blk)
{
    Value a = path_of(argv[0]), b = path_of(argv[1]);
    if (link(mg_str_cstr(a), mg_str_cstr(b)) != 0) raise_two(errno, "rb_file_s_link", a, b);
    return MG_FIX(0);
}

static Value
f_readlink(Value self, int argc, const Value *argv, Value blk)
{
    Value p = path_of(argv[0]);
    char buf[PATH_MAX];
    ssize_t n = readlink(mg_str_cstr(p), buf, sizeof buf);
    if (n < 0) mg_raise_syserr(errno, "rb_readlink", mg_str_cstr(p));
    return mg_str_new(buf, (size_t)n);
}

static Value
f_mkfifo(Value self, int argc, const Value *argv, Value blk)
{
    Value p = path_of(argv[0]);
    mode_t mode = argc > 1 ? (mode_t)mg_num2long(argv[1]) : 0666;
    if (mkfifo(mg_str_cstr(p), mode) != 0) mg_raise_syserr(errno, "rb_file_s_mkfifo", mg_str_cstr(p));
    return MG_FIX(0);
}

/* File#chmod(mode), File#chown(uid, gid): on the open descriptor */
static Value
file_chmod(Value self, int argc, const Value *argv, Value blk)
{
    if (fchmod(mg_io_fd(self), (mode_t)mg_num2long(argv[0])) != 0) mg_raise_syserr(errno, "rb_file_chmod", NULL);
    return MG_FIX(0);
}

static Value
file_chown(Value self, int argc, const Value *argv, Value blk)
{
    if (fchown(mg_io_fd(self), (uid_t)owner_id(argv[0]), (gid_t)owner_id(argv[1])) != 0)
        mg_raise_syserr(errno, "rb_file_chown", NULL);
    return MG_FIX(0);
}

/* IO.binread(path, length = nil, offset = nil): File.read's bytes as ASCII-8BIT */
static Value
io_s_binread(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_funcall(MG_VAL(mg_cFile), mg_intern_cstr("read"), argc, argv);
    if (s == MG_NIL) return s;
    Value enc = mg_const_get_at(mg_cObject, mg_intern_cstr("Encoding"));
    Value bin = mg_funcall(enc, mg_intern_cstr("const_get"), 1, (Value[]){ MG_SYM(mg_intern_cstr("BINARY")) });
    return mg_funcall(s, mg_intern_cstr("force_encoding"), 1, &bin);
}

/* IO.binwrite(path, string, offset = nil, mode: ...): File.write (no newline
 * conversion on Linux), its keywords passed on as keywords */
static Value
io_s_binwrite(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (kw == MG_NIL) return mg_funcall(MG_VAL(mg_cFile), mg_intern_cstr("write"), argc, argv);
    Value args[argc + 1];
    memcpy(args, argv, (size_t)argc * sizeof *args);
    args[argc] = kw;
    return mg_funcall_kw(MG_VAL(mg_cFile), mg_intern_cstr("write"), argc + 1, args, MG_NIL);
}

static void
single_if_missing(const char *name, MgCFunc fn, int min, int max)
{
    if (!mg_respond_to(MG_VAL(mg_cFile), mg_intern_cstr(name), true))
        mg_define_singleton_method(MG_VAL(mg_cFile), name, fn, min, max);
}

/* IO#fcntl(cmd, arg = 0): an Integer (true 1, false/nil 0) is passed as is;
 * a String as a buffer the call may fill (F_GETLK's struct flock). */
static Value
io_fcntl(Value self, int argc, const Value *argv, Value blk)
{
    int cmd = (int)mg_num2long(argv[0]);
    Value a = argc > 1 ? argv[1] : MG_FIX(0);
    int r;
    if (MG_IS_STRING(a)) {
        mg_str_modify(a);
        r = fcntl(mg_io_fd(self), cmd, mg_str_ptr(a));
    } else {
        long n = a == MG_TRUE ? 1 : (a == MG_FALSE || a == MG_NIL) ? 0 : mg_num2long(a);
        r = fcntl(mg_io_fd(self), cmd, n);
    }
    if (r < 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(r);
}

/* IO#close_on_exec = bool, IO#close_on_exec? (FD_CLOEXEC) */
static Value
io_set_cloexec(Value self, int argc, const Value *argv, Value blk)
{
    int fd = mg_io_fd(self), fl = fcntl(fd, F_GETFD);
    if (fl < 0) mg_raise_syserr(errno, NULL, NULL);
    int nfl = MG_TEST(argv[0]) ? fl | FD_CLOEXEC : fl & ~FD_CLOEXEC;
    if (nfl != fl && fcntl(fd, F_SETFD, nfl) < 0) mg_raise_syserr(errno, NULL, NULL);
    return argv[0];
}

static Value
io_cloexec_p(Value self, int argc, const Value *argv, Value blk)
{
    int fl = fcntl(mg_io_fd(self), F_GETFD);
    if (fl < 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_BOOL(fl & FD_CLOEXEC);
}

/* IO.open(fd, mode = "r", **opts) { |io| }: IO.new, and with a block the
 * block's value, the IO closed after it */
typedef struct { Value io, blk; } OpenBlock;

static Value
io_open_body(Value p)
{
    OpenBlock *b = (OpenBlock *)(uintptr_t)MG_FIX2LONG(p);
    return mg_yield(b->blk, 1, &b->io);
}

static void
io_open_ensure(Value io)
{
    if (!MG_TEST(mg_funcall(io, mg_intern_cstr("closed?"), 0, NULL))) mg_funcall(io, mg_intern_cstr("close"), 0, NULL);
}

static Value
io_s_open(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    Value io;
    if (kw == MG_NIL) {
        io = mg_funcall(self, mg_intern_cstr("new"), argc, argv);
    } else {
        Value args[argc + 1];
        memcpy(args, argv, (size_t)argc * sizeof *args);
        args[argc] = kw;
        io = mg_funcall_kw(self, mg_intern_cstr("new"), argc + 1, args, MG_NIL);
    }
    if (blk == MG_NIL) return io;
    OpenBlock b = { io, blk };
    return mg_ensure(io_open_body, MG_FIX((intptr_t)(uintptr_t)&b), io_open_ensure, io);
}

/* File.truncate(path, length) -> 0 */
static Value
f_truncate(Value self, int argc, const Value *argv, Value blk)
{
    Value p = path_of(argv[0]);
    off_t len = (off_t)mg_num2long(argv[1]);
    if (truncate(mg_str_cstr(p), len) != 0) mg_raise_syserr(errno, "rb_file_s_truncate", mg_str_cstr(p));
    return MG_FIX(0);
}

/* File.exists?: deprecated (a warning under Warning[:deprecated]) */
static Value
f_exists_p(Value self, int argc, const Value *argv, Value blk)
{
    mg_io_warn("File.exists? is deprecated; use File.exist? instead", true);
    return mg_funcall(self, mg_intern_cstr("exist?"), 1, argv);
}

void
mg_ext_boot_file_ops(void)
{
    mg_define_singleton_method(MG_VAL(mg_cIO), "open", io_s_open, 1, -1);   /* File.open too */
    if (!mg_method_lookup(mg_cIO, mg_intern_cstr("close_on_exec="))) {
        mg_define_method(mg_cIO, "close_on_exec=", io_set_cloexec, 1, 1);
        mg_define_method(mg_cIO, "close_on_exec?", io_cloexec_p, 0, 0);
    }
    if (!mg_method_lookup(mg_cIO, mg_intern_cstr("fcntl"))) mg_define_method(mg_cIO, "fcntl", io_fcntl, 1, 2);
    single_if_missing("umask", f_umask, 0, 1);
    single_if_missing("chmod", f_chmod, 1, -1);
    single_if_missing("lchmod", f_lchmod, 1, -1);
    single_if_missing("chown", f_chown, 2, -1);
    single_if_missing("lchown", f_lchown, 2, -1);
    single_if_missing("symlink", f_symlink, 2, 2);
    single_if_missing("link", f_link, 2, 2);
    single_if_missing("readlink", f_readlink, 1, 1);
    single_if_missing("mkfifo", f_mkfifo, 1, 2);
    single_if_missing("truncate", f_truncate, 2, 2);
    single_if_missing("exists?", f_exists_p, 1, 1);
    if (!mg_respond_to(MG_VAL(mg_cIO), mg_intern_cstr("binread"), true))
        mg_define_singleton_method(MG_VAL(mg_cIO), "binread", io_s_binread, 1, 3);
    if (!mg_respond_to(MG_VAL(mg_cIO), mg_intern_cstr("binwrite"), true))
        mg_define_singleton_method(MG_VAL(mg_cIO), "binwrite", io_s_binwrite, 2, 3);
    if (!mg_method_lookup(mg_cFile, mg_intern_cstr("chmod"))) mg_define_method(mg_cFile, "chmod", file_chmod, 1, 1);
    if (!mg_method_lookup(mg_cFile, mg_intern_cstr("chown"))) mg_define_method(mg_cFile, "chown", file_chown, 2, 2);
}
