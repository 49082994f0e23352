/* io_sys.c -- IO's methods that go straight to the descriptor, around the
 * buffers of io.c: pread / pwrite (positioned, the file offset stays), sysseek,
 * advise, fdatasync, fsync, ioctl, and IO.sysopen / IO.try_convert. io.c
 * registers them (io_int.h). */
#include "io_int.h"
#include "string_int.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

static NORETURN void
fail(int e, const char *func, Value io)
{
    mg_raise_syserr(e, func, mg_io_path_cstr(io));
}

/* pread(maxlen, offset [, outbuf]): ASCII-8BIT bytes; EOFError at or past the end */
static Value
io_pread(Value self, int argc, const Value *argv, Value blk)
{
    int64_t n = mg_num2long(argv[0]);
    off_t off = (off_t)mg_num2long(argv[1]);
    Value buf = argc > 2 && argv[2] != MG_NIL ? mg_to_str(argv[2]) : MG_NIL;
    if (n < 0) mg_raise(mg_eArgumentError, "negative string size (or size too big)");
    int fd = mg_io_fd_for(self, 1);
    Value s = mg_str_new_enc("", 0, ENC_BINARY);
    if (n > 0) {
        char *tmp = mg_malloc((size_t)n);
        ssize_t got;
        while ((got = pread(fd, tmp, (size_t)n, off)) < 0 && errno == EINTR) mg_vm_checkpoint();
        int e = errno;
        if (got > 0) s = mg_str_new_enc(tmp, (size_t)got, ENC_BINARY);
        mg_free(tmp, (size_t)n);
        if (got < 0) fail(e, "rb_io_pread", self);
        if (got == 0) mg_raise(mg_eEOFError, "end of file reached");
    }
    if (buf == MG_NIL) return s;
    mg_str_modify(buf);   /* the buffer keeps its encoding */
    mg_str_replace_bytes(buf, 0, mg_str_len(buf), mg_str_ptr(s), mg_str_len(s));
    return buf;
}

/* pwrite(string, offset) -> bytes written; the write buffer is left as it is */
static Value
io_pwrite(Value self, int argc, const Value *argv, Value blk)
{
    Value s = MG_IS_STRING(argv[0]) ? argv[0] : mg_to_s(argv[0]);
    off_t off = (off_t)mg_num2long(argv[1]);
    int fd = mg_io_fd_for(self, 2);
    ssize_t got;
    while ((got = pwrite(fd, mg_str_ptr(s), (size_t)mg_str_len(s), off)) < 0 && errno == EINTR) mg_vm_checkpoint();
    if (got < 0) fail(errno, "rb_io_pwrite", self);
    return mg_int_new(got);
}

/* sysseek(offset, whence = SEEK_SET) -> the new offset; refused while reads are buffered */
static Value
io_sysseek(Value self, int argc, const Value *argv, Value blk)
{
    off_t off = (off_t)mg_num2long(argv[0]);
    int whence = argc > 1 ? mg_io_whence(argv[1]) : SEEK_SET;
    int fd = mg_io_fd_for(self, 0);
    if (mg_io_buffered(self) > 0) mg_raise(mg_eIOError, "sysseek for buffered IO");
    if (mg_io_wbuffered(self) > 0) mg_io_warn("sysseek for buffered IO", false);
    off_t r = lseek(fd, off, whence);
    if (r < 0) fail(errno, "rb_io_sysseek", self);
    return mg_int_new((int64_t)r);
}

/* advise(advice, offset = 0, len = 0): posix_fadvise; nil */
static Value
io_advise(Value self, int argc, const Value *argv, Value blk)
{
    static const struct { const char *name; int advice; } advices[] = {
        {"normal", POSIX_FADV_NORMAL}, {"sequential", POSIX_FADV_SEQUENTIAL},
        {"random", POSIX_FADV_RANDOM}, {"willneed", POSIX_FADV_WILLNEED},
        {"dontneed", POSIX_FADV_DONTNEED}, {"noreuse", POSIX_FADV_NOREUSE},
    };
    if (!MG_IS_SYMBOL(argv[0])) mg_raise(mg_eTypeError, "advice must be a Symbol");
    const char *name = mg_id_name(MG_SYM2ID(argv[0]), NULL);
    int advice = -1;
    for (size_t i = 0; i < ARRAY_LEN(advices); i++)
        if (!strcmp(name, advices[i].name)) advice = advices[i].advice;
    if (advice < 0) mg_raise(mg_eNotImplementedError, "Unsupported advice: %s", mg_str_cstr(mg_inspect(argv[0])));
    off_t off = argc > 1 ? (off_t)mg_num2long(argv[1]) : 0;
    off_t len = argc > 2 ? (off_t)mg_num2long(argv[2]) : 0;
    int fd = mg_io_fd_for(self, 0);
    int e = posix_fadvise(fd, off, len, advice);
    if (e != 0 && e != ENOSYS) {
        const char *p = mg_io_path_cstr(self);
        Value d = mg_sprintf("%s (%lld, %lld, %s)", p ? p : "", (long long)off, (long long)len,
                             mg_str_cstr(mg_inspect(argv[0])));
        mg_raise_syserr(e, NULL, mg_str_cstr(d));
    }
    return MG_NIL;
}

/* fsync / fdatasync: write the buffer out, then ask the kernel to put it on disk; 0 */
static Value
io_fsync(Value self, int argc, const Value *argv, Value blk)
{
    int fd = mg_io_fd_for(self, 0);
    mg_io_flush(self);
    if (fsync(fd) < 0) fail(errno, "rb_io_fsync", self);
    return MG_FIX(0);
}

static Value
io_fdatasync(Value self, int argc, const Value *argv, Value blk)
{
    int fd = mg_io_fd_for(self, 0);
    mg_io_flush(self);
    if (fdatasync(fd) < 0) fail(errno, "rb_io_fdatasync", self);
    return MG_FIX(0);
}

/* ioctl(cmd, arg = 0): arg is an Integer, true/false/nil (1/0/0), or a String the
 * call may read and fill; returns ioctl's result */
static Value
io_ioctl(Value self, int argc, const Value *argv, Value blk)
{
    unsigned long cmd = (unsigned long)mg_num2long(argv[0]);
    Value arg = argc > 1 ? argv[1] : MG_FIX(0);
    int fd = mg_io_fd_for(self, 0);
    long r;
    if (MG_IS_STRING(arg)) {
        /* the string's bytes are the buffer: the kernel may write up to the size the
         * command names (256 bytes when it names none), so it gets room for that and
         * the string its own length back */
        mg_str_modify(arg);
        size_t len = (size_t)mg_str_len(arg), want = _IOC_SIZE(cmd) ? _IOC_SIZE(cmd) : 256;
        size_t cap = len > want ? len : want;
        char *tmp = mg_calloc(1, cap);
        memcpy(tmp, mg_str_ptr(arg), len);
        r = ioctl(fd, cmd, tmp);
        int e = errno;
        if (r >= 0) memcpy(MG_RSTRING(arg)->ptr, tmp, len);
        mg_free(tmp, cap);
        errno = e;
    } else {
        long n = arg == MG_NIL || arg == MG_FALSE ? 0 : arg == MG_TRUE ? 1 : (long)mg_num2long(arg);
        r = ioctl(fd, cmd, n);
    }
    if (r < 0) fail(errno, "finish_narg", self);
    return mg_int_new(r);
}

/* IO.sysopen(path, mode = "r", perm = 0666) -> a new descriptor (not an IO) */
static Value
io_s_sysopen(Value self, int argc, const Value *argv, Value blk)
{
    Value path = mg_io_path_arg(argv[0]);
    int oflags = mg_io_oflags(argc > 1 ? argv[1] : MG_NIL);
    int perm = argc > 2 && argv[2] != MG_NIL ? (int)mg_num2long(argv[2]) : 0666;
    const char *cpath = mg_str_cstr(path);
    if (strlen(cpath) != (size_t)mg_str_len(path)) mg_raise(mg_eArgumentError, "string contains null byte");
    int fd;
    while ((fd = open(cpath, oflags | O_CLOEXEC, perm)) < 0 && errno == EINTR) mg_vm_checkpoint();
    if (fd < 0) mg_raise_syserr(errno, "rb_sysopen", cpath);
    return MG_FIX(fd);
}

/* IO.try_convert(obj): obj if an IO, obj.to_io if it has one (which must be an IO), else nil */
static Value
io_s_try_convert(Value self, int argc, const Value *argv, Value blk)
{
    Value v = argv[0];
    if (mg_obj_is_kind_of(v, mg_cIO)) return v;
    if (!mg_respond_to(v, mg_intern_cstr("to_io"), true)) return MG_NIL;
    Value r = mg_funcall(v, mg_intern_cstr("to_io"), 0, NULL);
    if (r != MG_NIL && !mg_obj_is_kind_of(r, mg_cIO)) {
        const char *c = mg_class_cname(mg_obj_class(v));
        mg_raise(mg_eTypeError, "can't convert %s to IO (%s#to_io gives %s)", c, c, mg_class_cname(mg_obj_class(r)));
    }
    return r;
}

const MgMethodDef mg_io_sys_methods[] = {
    {"pread", io_pread, 2, 3},
    {"pwrite", io_pwrite, 2, 2},
    {"sysseek", io_sysseek, 1, 2},
    {"advise", io_advise, 1, 3},
    {"fsync", io_fsync, 0, 0},
    {"fdatasync", io_fdatasync, 0, 0},
    {"ioctl", io_ioctl, 1, 2},
    {NULL, NULL, 0, 0}
};

const MgMethodDef mg_io_sys_singleton_methods[] = {
    {"sysopen", io_s_sysopen, 1, 3},
    {"try_convert", io_s_try_convert, 1, 1},
    {NULL, NULL, 0, 0}
};
