/* io.c -- IO and File basics (Dir is dir.c, path names and predicates file_path.c,
 * pread / sysseek / ioctl ... io_sys.c), the standard streams ($stdout/$stderr/$stdin
 * as virtual globals), Kernel's output functions (puts, print, p, printf, putc,
 * gets, warn, display). Processes, ENV and $? live in process.c.
 *
 * Buffering: every writable IO owns a write buffer; it is flushed when full,
 * on flush/close, when the IO is sync (STDERR), at each newline on a tty, before
 * anything is written to stderr or read from stdin, before fork, and at exit
 * (mg_io_flush_all, also registered with atexit). */
#include "core.h"
#include "string_int.h"
#include "io_int.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <fnmatch.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <poll.h>

enum { FM_READ = 1, FM_WRITE = 2, FM_APPEND = 4, FM_BINARY = 8 };

#define WBUF_SIZE 8192
#define RBUF_SIZE 8192

typedef struct IoData {
    int fd;                 /* -1 once closed */
    int mode;               /* FM_* */
    bool sync, tty;
    bool autoclose;
    char *wbuf;
    size_t wlen, wcap;
    char *rbuf;
    size_t rpos, rlen, rcap;
    Value path;             /* String or nil */
    int64_t lineno;
    int pid;                /* IO.popen's child, waited for on close; 0 otherwise */
    int ext_enc, int_enc;   /* external / internal Encoding + 1; 0 = not set */
    bool bom;               /* "BOM|UTF-8": a byte order mark is skipped at the start */
    struct IoData *next, *prev;   /* the list of open writable streams (flush_all) */
} IoData;

static IoData *open_list;
static IoData *stdout_io, *stderr_io, *stdin_io;
static Value stdout_obj, stderr_obj, stdin_obj;   /* STDOUT, STDERR, STDIN */
static Value cur_stdout, cur_stderr, cur_stdin;   /* $stdout, $stderr, $stdin */

/* ---- raw fd operations ---- */

static void io_flush(IoData *io);

/* Writes all of p or raises the errno as SystemCallError. */
static void
write_fully(IoData *io, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(io->fd, p, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {   /* a non-blocking fd (sockets) */
                struct pollfd pf = { io->fd, POLLOUT, 0 };
                mg_thread_poll(&pf, 1, -1);
                continue;
            }
            int e = errno;
            mg_raise_syserr(e, NULL, io->path != MG_NIL ? mg_str_cstr(io->path) : NULL);
        }
        p += n;
        len -= (size_t)n;
    }
}

static void
io_flush(IoData *io)
{
    if (io->wlen == 0 || io->fd < 0) return;
    size_t len = io->wlen;
    io->wlen = 0;          /* a failed write drops the data rather than looping on it */
    write_fully(io, io->wbuf, len);
}

void
mg_io_flush_all(void)
{
    for (IoData *io = open_list; io; io = io->next) {
        if (io->wlen == 0 || io->fd < 0) continue;
        size_t len = io->wlen;
        io->wlen = 0;
        const char *p = io->wbuf;
        while (len > 0) {         /* never raises: called at exit */
            ssize_t n = write(io->fd, p, len);
            if (n < 0) {
                if (errno == EINTR) continue;
                break;
            }
            p += n;
            len -= (size_t)n;
        }
    }
}

static void
flush_all_atexit(void)
{
    mg_io_flush_all();
}

static void
list_add(IoData *io)
{
    io->prev = NULL;
    io->next = open_list;
    if (open_list) open_list->prev = io;
    open_list = io;
}

static void
list_remove(IoData *io)
{
    if (io->prev) io->prev->next = io->next;
    else if (open_list == io) open_list = io->next;
    if (io->next) io->next->prev = io->prev;
    io->next = io->prev = NULL;
}

/* ---- the IO data type ---- */

static void
io_mark(void *p)
{
    IoData *io = p;
    mg_gc_mark(io->path);
}

static void
io_release(IoData *io)
{
    if (io->fd >= 0) {
        if (io->mode & FM_WRITE) {
            size_t len = io->wlen;
            io->wlen = 0;
            if (len) {
                ssize_t n = write(io->fd, io->wbuf, len);
                UNUSED(n);
            }
        }
        if (io->autoclose && io->fd > 2) close(io->fd);
        io->fd = -1;
    }
    list_remove(io);
}

static void
io_free(void *p)
{
    IoData *io = p;
    io_release(io);
    mg_free(io->wbuf, io->wcap);
    mg_free(io->rbuf, io->rcap);
    mg_free(io, sizeof *io);
}

static size_t
io_memsize(const void *p)
{
    const IoData *io = p;
    return sizeof *io + io->wcap + io->rcap;
}

static const DataType io_type = { "IO", io_mark, io_free, io_memsize };

static Value
io_alloc(RClass *klass)
{
    IoData *io = mg_calloc(1, sizeof *io);
    io->fd = -1;
    io->path = MG_NIL;
    return mg_data_new(klass, &io_type, io);
}

static void
io_setup(IoData *io, int fd, int mode, Value path)
{
    io->fd = fd;
    io->mode = mode;
    io->path = path;
    io->autoclose = true;
    io->tty = isatty(fd);
    if (mode & FM_WRITE) list_add(io);
}

static IoData *
get_io(Value v)
{
    return mg_data_get(v, &io_type);
}

static IoData *
check_io(Value v)
{
    return mg_data_check(v, &io_type);
}

static IoData *
open_io(Value self)
{
    IoData *io = check_io(self);
    if (io->fd < 0) mg_raise(mg_eIOError, "closed stream");
    return io;
}

static IoData *
writable_io(Value self)
{
    IoData *io = open_io(self);
    if (!(io->mode & FM_WRITE)) mg_raise(mg_eIOError, "not opened for writing");
    return io;
}

static IoData *
readable_io(Value self)
{
    IoData *io = open_io(self);
    if (!(io->mode & FM_READ)) mg_raise(mg_eIOError, "not opened for reading");
    return io;
}

/* ---- external / internal encodings ---- */

static bool fill_rbuf(IoData *io);

/* The encoding text read from io is in (its external one; BINARY for "b"). */
static Encoding
io_ext(IoData *io)
{
    if (io->ext_enc) return (Encoding)(io->ext_enc - 1);
    return (io->mode & FM_BINARY) ? ENC_BINARY : mg_enc_default_external();
}

/* The encoding reads are converted to: the internal one, else Encoding.default_internal; -1 none. */
static int
io_int(IoData *io)
{
    if (io->int_enc) return io->int_enc - 1;
    if (io->mode & FM_BINARY) return -1;
    return mg_enc_default_internal();
}

/* Text just read: tagged with the external encoding, converted to the internal one when set. */
static Value
io_text(IoData *io, Value s)
{
    if (s == MG_NIL) return s;
    Encoding ext = io_ext(io);
    if (mg_str_enc(s) != ext) { mg_str_modify(s); MG_OBJ(s)->extra = ext; }
    if (io_int(io) >= 0 && (Encoding)io_int(io) != ext) {
        Encoding in = (Encoding)io_int(io);
        s = mg_transcode(s, ext, in, MG_NIL);
        MG_OBJ(s)->extra = in;
    }
    return s;
}

/* A String about to be written: in the external encoding when one is set (CRuby converts). */
static Value
io_out_text(IoData *io, Value s)
{
    if (!io || !io->ext_enc) return s;
    Encoding ext = (Encoding)(io->ext_enc - 1), se = mg_str_enc(s);
    if (ext == ENC_BINARY || se == ext || se == ENC_BINARY) return s;
    if (mg_enc_ascii_compat(se) && mg_enc_ascii_compat(ext) && mg_str_ascii_only(s)) return s;
    return mg_transcode(s, se, ext, MG_NIL);
}

/* "EXT", "EXT:INT", "BOM|UTF-8" (names, any case) */
static void
io_set_enc_spec(IoData *io, const char *spec, size_t len)
{
    char buf[128];
    if (len >= sizeof buf) mg_raise(mg_eArgumentError, "unknown encoding name - %.*s", (int)len, spec);
    memcpy(buf, spec, len);
    buf[len] = '\0';
    char *ext = buf, *in = strchr(buf, ':');
    if (in) *in++ = '\0';
    io->bom = false;
    if (strncasecmp(ext, "BOM|", 4) == 0) { io->bom = true; ext += 4; }
    Encoding e;
    if (*ext && strcmp(ext, "-") != 0) {
        if (!mg_enc_find_name(ext, strlen(ext), &e)) mg_raise(mg_eArgumentError, "unknown encoding name - %s", ext);
        io->ext_enc = (int)e + 1;
    }
    io->int_enc = 0;
    if (in && *in && strcmp(in, "-") != 0) {
        if (!mg_enc_find_name(in, strlen(in), &e)) mg_raise(mg_eArgumentError, "unknown encoding name - %s", in);
        io->int_enc = (int)e + 1;
        if (io->int_enc == io->ext_enc) io->int_enc = 0;
    }
}

static void
io_set_enc_value(IoData *io, Value v, bool internal)
{
    if (v == MG_NIL) { if (internal) io->int_enc = 0; else io->ext_enc = 0; return; }
    if (internal && MG_IS_STRING(v) && mg_str_len(v) == 1 && mg_str_ptr(v)[0] == '-') { io->int_enc = 0; return; }   /* "-": none */
    Encoding e;
    if (!mg_enc_of_value(v, &e)) {
        Value sv = mg_to_str(v);
        if (!internal && memchr(mg_str_ptr(sv), ':', (size_t)mg_str_len(sv))) { io_set_enc_spec(io, mg_str_ptr(sv), (size_t)mg_str_len(sv)); return; }
        if (!internal && mg_str_len(sv) > 4 && strncasecmp(mg_str_ptr(sv), "BOM|", 4) == 0) { io_set_enc_spec(io, mg_str_ptr(sv), (size_t)mg_str_len(sv)); return; }
        e = mg_to_encoding(sv);
    }
    if (internal) io->int_enc = io->ext_enc == (int)e + 1 ? 0 : (int)e + 1;
    else io->ext_enc = (int)e + 1;
}

/* The encoding part of a mode String ("r:ISO-8859-1:UTF-8") and the
 * encoding:, external_encoding:, internal_encoding: keywords. */
static void
io_apply_encodings(IoData *io, Value modev, Value kw)
{
    if (modev != MG_NIL && MG_IS_STRING(modev)) {
        const char *m = mg_str_ptr(modev), *c = memchr(m, ':', (size_t)mg_str_len(modev));
        if (c) io_set_enc_spec(io, c + 1, (size_t)(m + mg_str_len(modev) - c - 1));
    }
    if (kw != MG_NIL && MG_IS_HASH(kw)) {
        Value v = mg_hash_lookup(kw, mg_sym("encoding"));
        if (v != MG_UNDEF) io_set_enc_value(io, v, false);
        v = mg_hash_lookup(kw, mg_sym("external_encoding"));
        if (v != MG_UNDEF) io_set_enc_value(io, v, false);
        v = mg_hash_lookup(kw, mg_sym("internal_encoding"));
        if (v != MG_UNDEF) io_set_enc_value(io, v, true);
        v = mg_hash_lookup(kw, mg_sym("binmode"));
        if (v != MG_UNDEF && MG_TEST(v)) io->mode |= FM_BINARY;
    }
    if (io->ext_enc && (io->mode & FM_READ) && !(io->mode & FM_BINARY) && !io->bom &&
        !mg_enc_ascii_compat((Encoding)(io->ext_enc - 1)))
        mg_raise(mg_eArgumentError, "ASCII incompatible encoding needs binmode");
    if (io->bom && (io->mode & FM_READ) && io->fd >= 0 && fill_rbuf(io)) {
        const unsigned char *b = (const unsigned char *)io->rbuf + io->rpos;
        size_t n = io->rlen - io->rpos;
        const char *found = NULL;
        size_t skip = 0;
        if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) { found = "UTF-8"; skip = 3; }
        else if (n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) { found = "UTF-32LE"; skip = 4; }
        else if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) { found = "UTF-32BE"; skip = 4; }
        else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) { found = "UTF-16LE"; skip = 2; }
        else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) { found = "UTF-16BE"; skip = 2; }
        Encoding e;
        if (found && mg_enc_find_name(found, strlen(found), &e)) { io->ext_enc = (int)e + 1; io->rpos += skip; }
    }
}

static void
io_write_bytes(IoData *io, const char *p, size_t len)
{
    if (io == stderr_io && stdout_io) io_flush(stdout_io);
    if (io->sync) {
        io_flush(io);
        write_fully(io, p, len);
        return;
    }
    if (io->wlen + len > WBUF_SIZE) {
        io_flush(io);
        if (len >= WBUF_SIZE) {
            write_fully(io, p, len);
            return;
        }
    }
    if (!io->wbuf) {
        io->wbuf = mg_malloc(WBUF_SIZE);
        io->wcap = WBUF_SIZE;
    }
    memcpy(io->wbuf + io->wlen, p, len);
    io->wlen += len;
    if (io->tty && memchr(p, '\n', len)) io_flush(io);
}

/* ---- writing through an IO or any object with #write ---- */

void
mg_io_write(Value io, const char *p, size_t len)
{
    IoData *d = get_io(io);
    if (d) {
        if (d->fd < 0) mg_raise(mg_eIOError, "closed stream");
        if (!(d->mode & FM_WRITE)) mg_raise(mg_eIOError, "not opened for writing");
        io_write_bytes(d, p, len);
        return;
    }
    Value s = mg_str_new(p, len);
    mg_funcall(io, mg_id_write, 1, &s);
}

static void
write_str(Value io, Value s)
{
    IoData *d = get_io(io);
    if (d) {
        if (d->fd < 0) mg_raise(mg_eIOError, "closed stream");
        if (!(d->mode & FM_WRITE)) mg_raise(mg_eIOError, "not opened for writing");
        s = io_out_text(d, s);
        io_write_bytes(d, mg_str_ptr(s), (size_t)mg_str_len(s));
        return;
    }
    mg_funcall(io, mg_id_write, 1, &s);
}

/* s followed by a newline, as one write call (CRuby passes both to #write) */
static void
write_line(Value io, Value s, bool nl)
{
    IoData *d = get_io(io);
    if (d) {
        write_str(io, s);
        if (nl) io_write_bytes(d, "\n", 1);
        return;
    }
    Value args[2] = { s, mg_str_new("\n", 1) };
    if (nl) {
        /* an old-style write(str) taking one argument gets the pieces one by one */
        Value m = mg_funcall(io, mg_intern_cstr("method"), 1, (Value[]){ MG_SYM(mg_id_write) });
        if (mg_funcall(m, mg_intern_cstr("arity"), 0, NULL) == MG_FIX(1)) {
            mg_funcall(io, mg_id_write, 1, &args[0]);
            mg_funcall(io, mg_id_write, 1, &args[1]);
            return;
        }
    }
    mg_funcall(io, mg_id_write, nl ? 2 : 1, args);
}

Value
mg_stdout(void)
{
    return cur_stdout;
}

Value
mg_stderr(void)
{
    return cur_stderr;
}

static Value
puts_ary_body(Value ary, Value io, bool recursive)
{
    if (recursive) {
        write_line(io, mg_str_new("[...]", 5), true);
        return MG_NIL;
    }
    for (int64_t i = 0; i < mg_ary_len(ary); i++) mg_puts_value(io, mg_ary_entry(ary, i));
    return MG_NIL;
}

void
mg_puts_value(Value io, Value v)
{
    Value s;
    if (MG_IS_STRING(v)) {
        s = v;
    } else {
        Value a = MG_IS_ARRAY(v) ? v : mg_check_array(v);
        if (a != MG_NIL) {
            mg_exec_recursive(puts_ary_body, a, io, mg_id_puts);
            return;
        }
        s = mg_to_s(v);
    }
    int64_t n = mg_str_len(s);
    write_line(io, s, n == 0 || mg_str_ptr(s)[n - 1] != '\n');
}

static void
io_puts_args(Value io, int argc, const Value *argv)
{
    if (argc == 0) {
        mg_io_write(io, "\n", 1);
        return;
    }
    for (int i = 0; i < argc; i++) mg_puts_value(io, argv[i]);
}

/* ---- Kernel output functions ---- */

static bool
is_std_target(Value self, Value out)
{
    return self == out || get_io(out) != NULL;
}

static Value
kernel_puts(Value self, int argc, const Value *argv, Value blk)
{
    Value out = cur_stdout;
    if (is_std_target(self, out)) io_puts_args(out, argc, argv);
    else mg_funcall(out, mg_id_puts, argc, argv);
    return MG_NIL;
}

/* print: the arguments ($_ when there are none), $, between them, $\ after */
static void
print_args(Value out, int argc, const Value *argv)
{
    Value underscore;
    if (argc == 0) {
        underscore = mg_gvar_get(mg_intern_cstr("$_"));
        argc = 1;
        argv = &underscore;
    }
    Value ofs = mg_gvar_get(mg_intern_cstr("$,")), ors = mg_gvar_get(mg_intern_cstr("$\\"));
    for (int i = 0; i < argc; i++) {
        if (i > 0 && ofs != MG_NIL) write_str(out, mg_to_s(ofs));
        write_str(out, mg_to_s(argv[i]));
    }
    if (ors != MG_NIL) write_str(out, mg_to_s(ors));
}

static Value
kernel_print(Value self, int argc, const Value *argv, Value blk)
{
    print_args(cur_stdout, argc, argv);
    return MG_NIL;
}

/* p also flushes $stdout when it is an IO (so `p` output is seen at once); pp does not */
static Value
p_common(int argc, const Value *argv, bool flush)
{
    Value out = cur_stdout;
    for (int i = 0; i < argc; i++) write_line(out, mg_inspect(argv[i]), true);
    IoData *d = get_io(out);
    if (flush && d && d->fd >= 0 && (d->mode & FM_WRITE)) io_flush(d);
    if (argc == 0) return MG_NIL;
    if (argc == 1) return argv[0];
    return mg_ary_new_from(argc, argv);
}

static Value
kernel_p(Value self, int argc, const Value *argv, Value blk)
{
    return p_common(argc, argv, true);
}

static Value
kernel_pp(Value self, int argc, const Value *argv, Value blk)
{
    return p_common(argc, argv, false);
}

static Value
kernel_printf(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 0) return MG_NIL;
    Value out = cur_stdout;
    if (!MG_IS_STRING(argv[0])) {
        out = argv[0];
        argc--;
        argv++;
        if (argc == 0) return MG_NIL;
    }
    write_str(out, mg_str_format(argc, argv));
    return MG_NIL;
}

static Value
putc_value(Value io, Value ch)
{
    if (MG_IS_STRING(ch)) {
        int64_t n = mg_str_len(ch);
        if (n > 0) {
            const unsigned char *p = (const unsigned char *)mg_str_ptr(ch);
            size_t clen = 1;
            if (mg_str_enc(ch) == ENC_UTF8) {
                if (p[0] >= 0xf0) clen = 4;
                else if (p[0] >= 0xe0) clen = 3;
                else if (p[0] >= 0xc0) clen = 2;
                if ((int64_t)clen > n) clen = (size_t)n;
            }
            mg_io_write(io, (const char *)p, clen);
        }
    } else {
        char c = (char)(mg_num2long(ch) & 0xff);
        mg_io_write(io, &c, 1);
    }
    return ch;
}

static Value
kernel_putc(Value self, int argc, const Value *argv, Value blk)
{
    Value out = cur_stdout;
    if (is_std_target(self, out)) return putc_value(out, argv[0]);
    return mg_funcall(out, mg_intern_cstr("putc"), 1, argv);
}

static Value
kernel_display(Value self, int argc, const Value *argv, Value blk)
{
    Value out = argc > 0 ? argv[0] : cur_stdout;
    write_str(out, mg_to_s(self));
    return MG_NIL;
}

static Value
warn_lines_body(Value ary, Value buf, bool recursive);

static void
warn_collect(Value buf, Value v)
{
    Value a = MG_IS_ARRAY(v) ? v : (MG_IS_STRING(v) ? MG_NIL : mg_check_array(v));
    if (a != MG_NIL) {
        mg_exec_recursive(warn_lines_body, a, buf, mg_intern_cstr("warn"));
        return;
    }
    Value s = MG_IS_STRING(v) ? v : mg_to_s(v);
    mg_str_append(buf, s);
    int64_t n = mg_str_len(s);
    if (n == 0 || mg_str_ptr(s)[n - 1] != '\n') mg_str_cat(buf, "\n", 1);
}

static Value
warn_lines_body(Value ary, Value buf, bool recursive)
{
    if (recursive) {
        mg_str_cat_cstr(buf, "[...]\n");
        return MG_NIL;
    }
    for (int64_t i = 0; i < mg_ary_len(ary); i++) warn_collect(buf, mg_ary_entry(ary, i));
    return MG_NIL;
}

/* warn(*msgs, uplevel: nil, category: nil) */
static Value
kernel_warn(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    static const char *const names[] = { "uplevel", "category" };
    Value opt[2];
    mg_kwargs_get(kw, names, 2, opt);
    if (argc == 0 || mg_verbose_nil()) return MG_NIL;     /* warnings off (-W0) */
    Value buf = mg_str_buf_new(64);
    if (opt[0] != MG_UNDEF && opt[0] != MG_NIL) {
        int64_t up = mg_num2long(opt[0]);
        if (up < 0) mg_raise(mg_eArgumentError, "negative level (%lld)", (long long)up);
        Value bt = mg_backtrace(0);
        Value loc = MG_IS_ARRAY(bt) ? mg_ary_entry(bt, up + 1) : MG_NIL;
        if (MG_IS_STRING(loc)) {
            const char *p = mg_str_ptr(loc);
            const char *in = strstr(p, ":in `");
            mg_str_cat(buf, p, in ? (size_t)(in - p) : (size_t)mg_str_len(loc));
            mg_str_cat_cstr(buf, ": warning: ");
        } else {
            mg_str_cat_cstr(buf, "warning: ");
        }
    }
    for (int i = 0; i < argc; i++) warn_collect(buf, argv[i]);
    write_str(cur_stderr, buf);
    return MG_NIL;
}

/* ---- reading ---- */

/* Fills the read buffer; returns false at end of file. */
static bool
fill_rbuf(IoData *io)
{
    if (io->rpos < io->rlen) return true;
    if (io == stdin_io && stdout_io) io_flush(stdout_io);
    if (io->mode & FM_WRITE) io_flush(io);
    if (!io->rbuf) {
        io->rbuf = mg_malloc(RBUF_SIZE);
        io->rcap = RBUF_SIZE;
    }
    io->rpos = io->rlen = 0;
    for (;;) {
        mg_thread_wait_fd(io->fd, false);    /* other green threads run while this one waits */
        ssize_t n = read(io->fd, io->rbuf, io->rcap);
        if (n < 0) {
            if (errno == EINTR) {
                mg_vm_checkpoint();
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {   /* a non-blocking fd (sockets) */
                struct pollfd pf = { io->fd, POLLIN, 0 };
                mg_thread_poll(&pf, 1, -1);
                continue;
            }
            int e = errno;
            mg_raise_syserr(e, "io_fread", io->path != MG_NIL ? mg_str_cstr(io->path) : NULL);
        }
        io->rlen = (size_t)n;
        return n > 0;
    }
}

/* Reads up to `limit` bytes (-1 = all) appending to a new String. */
static Value
read_bytes(IoData *io, int64_t limit, Encoding enc)
{
    Value s = mg_str_new_enc("", 0, enc);
    while (limit != 0 && fill_rbuf(io)) {
        size_t avail = io->rlen - io->rpos;
        size_t take = (limit < 0 || (uint64_t)limit > avail) ? avail : (size_t)limit;
        mg_str_cat(s, io->rbuf + io->rpos, take);
        io->rpos += take;
        if (limit > 0) limit -= (int64_t)take;
    }
    return s;
}

/* $.: the line number of the last line read by gets/each_line/readline/
 * readlines of any IO (or StringIO, or ARGF), process-wide as in CRuby. */
static int64_t last_lineno;

void
mg_io_set_last_lineno(int64_t n)
{
    last_lineno = n;
}

static Value
gv_lineno_get(ID id)
{
    UNUSED(id);
    return mg_int_new(last_lineno);
}

/* $. = n also sets ARGF.lineno (lib/prelude/argf.rb keeps it in @lineno) */
static void
gv_lineno_set(ID id, Value v)
{
    UNUSED(id);
    last_lineno = mg_num2long(v);
    Value argf = mg_const_lookup(mg_cObject, mg_intern_cstr("ARGF"), false);
    if (argf != MG_UNDEF && MG_IS_PTR(argf) && MG_OBJ(argf)->type == T_OBJECT)
        mg_ivar_set(argf, mg_intern_cstr("@lineno"), mg_int_new(last_lineno));
}

/* A growable C buffer for building lines before they become a String. */
typedef struct { char *p; size_t len, cap; } LineBuf;

static void
lb_add(LineBuf *b, const char *p, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        while (cap < b->len + n) cap *= 2;
        b->p = mg_realloc(b->p, b->cap, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

/* One line ending with sep (nil sep = everything, "" = paragraph), at most
 * `limit` bytes when limit > 0; nil at EOF. */
static Value
read_line(IoData *io, Value sep, int64_t limit, bool chomp)
{
    if (sep == MG_NIL) {
        if (!fill_rbuf(io)) return MG_NIL;
        Value s = io_text(io, read_bytes(io, limit, (io->mode & FM_BINARY) ? ENC_BINARY : ENC_UTF8));
        last_lineno = ++io->lineno;
        return s;
    }
    const char *sp = mg_str_ptr(sep);
    size_t slen = (size_t)mg_str_len(sep);
    bool para = slen == 0;
    if (para) {
        sp = "\n\n";
        slen = 2;
        while (fill_rbuf(io) && io->rbuf[io->rpos] == '\n') io->rpos++;
    }
    if (!fill_rbuf(io)) return MG_NIL;
    LineBuf b = { NULL, 0, 0 };
    char last = sp[slen - 1];
    bool found = false;
    while (!found && fill_rbuf(io)) {
        const char *start = io->rbuf + io->rpos;
        size_t avail = io->rlen - io->rpos;
        if (limit > 0 && (int64_t)(b.len + avail) > limit) avail = (size_t)(limit - (int64_t)b.len);
        const char *hit = memchr(start, last, avail);
        size_t take = hit ? (size_t)(hit - start) + 1 : avail;
        lb_add(&b, start, take);
        io->rpos += take;
        if (hit && b.len >= slen && memcmp(b.p + b.len - slen, sp, slen) == 0) found = true;
        if (limit > 0 && (int64_t)b.len >= limit) break;
    }
    if (para && found) {
        while (fill_rbuf(io) && io->rbuf[io->rpos] == '\n') io->rpos++;
    }
    size_t len = b.len;
    if (chomp && found) {
        len -= slen;
        if (slen == 1 && sp[0] == '\n' && len > 0 && b.p[len - 1] == '\r') len--;
    }
    Value s = (io->mode & FM_BINARY) ? mg_str_new_enc(b.p ? b.p : "", len, ENC_BINARY) : mg_str_new(b.p ? b.p : "", len);
    mg_free(b.p, b.cap);
    s = io_text(io, s);
    last_lineno = ++io->lineno;
    return s;
}

/* Parses gets-style arguments: (sep = "\n", limit = nil, chomp: false) */
static void
line_args_kw(int argc, const Value *argv, Value kw, Value *sep, int64_t *limit, bool *chomp)
{
    static const char *const names[] = { "chomp" };
    Value ch;
    mg_kwargs_get(kw, names, 1, &ch);
    *chomp = ch != MG_UNDEF && MG_TEST(ch);
    *sep = mg_gvar_get(mg_intern_cstr("$/"));        /* the input record separator: nil reads it all */
    if (*sep != MG_NIL) *sep = mg_to_str(*sep);
    *limit = -1;
    if (argc > 2) mg_raise_argc(argc, 0, 2);
    if (argc >= 1) {
        if (argv[0] == MG_NIL) *sep = MG_NIL;
        else if (MG_IS_INTEGER(argv[0]) && argc == 1) *limit = mg_num2long(argv[0]);
        else *sep = mg_to_str(argv[0]);
    }
    if (argc == 2 && argv[1] != MG_NIL) *limit = mg_num2long(argv[1]);
    if (*limit == 0) *limit = -2;   /* gets(0) returns "" */
}

/* Call first thing in a method: keywords are only visible before any other call. */
static void
line_args(int argc, const Value *argv, Value *sep, int64_t *limit, bool *chomp)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (kw == MG_NIL && argc > 0 && MG_IS_HASH(argv[argc - 1])) kw = argv[--argc];   /* from an enumerator */
    line_args_kw(argc, argv, kw, sep, limit, chomp);
}

static Value
io_gets_common(Value self, int argc, const Value *argv)
{
    IoData *io = readable_io(self);
    Value sep;
    int64_t limit;
    bool chomp;
    line_args(argc, argv, &sep, &limit, &chomp);
    if (limit == -2) return mg_str_new("", 0);
    return read_line(io, sep, limit, chomp);
}

static Value
io_gets(Value self, int argc, const Value *argv, Value blk)
{
    Value line = io_gets_common(self, argc, argv);
    mg_gvar_set(mg_intern_cstr("$_"), line);
    return line;
}

static Value
io_readline(Value self, int argc, const Value *argv, Value blk)
{
    Value line = io_gets_common(self, argc, argv);
    if (line == MG_NIL) mg_raise(mg_eEOFError, "end of file reached");
    return line;
}

static Value
each_line_kw(Value self, int argc, const Value *argv, Value kw, Value blk)
{
    IoData *io = readable_io(self);
    Value sep;
    int64_t limit;
    bool chomp;
    line_args_kw(argc, argv, kw, &sep, &limit, &chomp);
    if (limit == -2) mg_raise(mg_eArgumentError, "invalid limit: 0 for each_line");
    Value line;
    size_t level = mg_gc_arena_save();   /* each line leaves the arena after its yield */
    while ((line = read_line(io, sep, limit, chomp)) != MG_NIL) {
        mg_yield1(blk, line);
        mg_gc_arena_restore(level);
    }
    return self;
}

static Value
io_each_line(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (kw == MG_NIL && argc > 0 && MG_IS_HASH(argv[argc - 1])) kw = argv[--argc];
    if (!mg_block_given(blk)) {
        /* the enumerator needs the keywords back as a trailing Hash */
        if (kw == MG_NIL) return mg_enumerator_new(self, mg_intern_cstr("each_line"), argc, argv);
        Value args = mg_ary_new_from(argc, argv);
        mg_ary_push(args, kw);
        return mg_enumerator_new(self, mg_intern_cstr("each_line"), argc + 1, mg_ary_ptr(args));
    }
    return each_line_kw(self, argc, argv, kw, blk);
}

static Value
readlines_kw(Value self, int argc, const Value *argv, Value kw)
{
    IoData *io = readable_io(self);
    Value sep;
    int64_t limit;
    bool chomp;
    line_args_kw(argc, argv, kw, &sep, &limit, &chomp);
    if (limit == -2) mg_raise(mg_eArgumentError, "invalid limit: 0 for readlines");
    Value ary = mg_ary_new();
    Value line;
    while ((line = read_line(io, sep, limit, chomp)) != MG_NIL) mg_ary_push(ary, line);
    return ary;
}

static Value
io_readlines(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (kw == MG_NIL && argc > 0 && MG_IS_HASH(argv[argc - 1])) kw = argv[--argc];
    return readlines_kw(self, argc, argv, kw);
}

static Value
io_read(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = readable_io(self);
    if (argc == 0 || argv[0] == MG_NIL) {
        Value s = io_text(io, read_bytes(io, -1, (io->mode & FM_BINARY) ? ENC_BINARY : ENC_UTF8));
        if (argc > 1 && argv[1] != MG_NIL) {
            Value buf = mg_to_str(argv[1]);
            mg_funcall(buf, mg_intern_cstr("replace"), 1, &s);
            return buf;
        }
        return s;
    }
    int64_t n = mg_num2long(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "negative length %lld given", (long long)n);
    if (n == 0) return mg_str_new_enc("", 0, ENC_BINARY);
    if (!fill_rbuf(io)) return MG_NIL;
    Value s = read_bytes(io, n, ENC_BINARY);
    if (argc > 1 && argv[1] != MG_NIL) {
        Value buf = mg_to_str(argv[1]);
        mg_funcall(buf, mg_intern_cstr("replace"), 1, &s);
        return buf;
    }
    return s;
}

static Value
io_getc(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = readable_io(self);
    if (!fill_rbuf(io)) return MG_NIL;
    unsigned char c = (unsigned char)io->rbuf[io->rpos];
    size_t clen = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    Encoding ext = io_ext(io);
    if (ext != ENC_UTF8) {
        /* one character of the external encoding (a character cut by the end
         * of the buffer comes in pieces) */
        clen = (size_t)mg_enc_mbclen(io->rbuf + io->rpos, io->rbuf + io->rlen, ext);
    }
    return io_text(io, read_bytes(io, (int64_t)clen, ext));
}

static Value
io_readchar(Value self, int argc, const Value *argv, Value blk)
{
    Value c = io_getc(self, argc, argv, blk);
    if (c == MG_NIL) mg_raise(mg_eEOFError, "end of file reached");
    return c;
}

static Value
io_getbyte(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = readable_io(self);
    if (!fill_rbuf(io)) return MG_NIL;
    return MG_FIX((unsigned char)io->rbuf[io->rpos++]);
}

static Value
io_each_char(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_char", 0, NULL, blk);
    Value c;
    size_t level = mg_gc_arena_save();
    while ((c = io_getc(self, 0, NULL, MG_NIL)) != MG_NIL) {
        mg_yield1(blk, c);
        mg_gc_arena_restore(level);
    }
    return self;
}

static Value
io_each_byte(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_byte", 0, NULL, blk);
    Value c;
    while ((c = io_getbyte(self, 0, NULL, MG_NIL)) != MG_NIL) mg_yield1_discard(blk, c);
    return self;
}

static Value
io_readbyte(Value self, int argc, const Value *argv, Value blk)
{
    Value b = io_getbyte(self, 0, NULL, MG_NIL);
    if (b == MG_NIL) mg_raise(mg_eEOFError, "end of file reached");
    return b;
}

static Value
io_each_codepoint(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_codepoint", 0, NULL, blk);
    Value c;
    size_t level = mg_gc_arena_save();
    while ((c = io_getc(self, 0, NULL, MG_NIL)) != MG_NIL) {
        mg_yield1(blk, mg_funcall(c, mg_intern_cstr("ord"), 0, NULL));
        mg_gc_arena_restore(level);
    }
    return self;
}

/* Puts p[0..n) back in front of the unread bytes: the next read returns them
 * first. They must fit in the read buffer with what is unread, as in CRuby (whose
 * buffer is made big enough for a first ungetc before any read). */
static void
unread_bytes(IoData *io, const char *p, size_t n)
{
    if (!io->rbuf) {
        io->rcap = n > RBUF_SIZE ? n : RBUF_SIZE;
        io->rbuf = mg_malloc(io->rcap);
        io->rpos = io->rlen = 0;
    }
    size_t left = io->rlen - io->rpos;
    if (left + n > io->rcap) mg_raise(mg_eIOError, "ungetbyte failed");
    if (n == 0) return;
    if (io->rpos >= n) {
        io->rpos -= n;
        memcpy(io->rbuf + io->rpos, p, n);
        return;
    }
    memmove(io->rbuf + n, io->rbuf + io->rpos, left);
    memcpy(io->rbuf, p, n);
    io->rpos = 0;
    io->rlen = left + n;
}

/* ungetc(str or codepoint): the codepoint is a character of the external encoding */
static Value
io_ungetc(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = readable_io(self);
    Value s = argv[0];
    if (MG_IS_INTEGER(s)) s = mg_enc_chr(mg_num2long(s), mg_enc_value(io_ext(io)));
    else s = mg_to_str(s);
    unread_bytes(io, mg_str_ptr(s), (size_t)mg_str_len(s));
    return MG_NIL;
}

/* ungetbyte(str or byte): an Integer is taken modulo 256; nil does nothing */
static Value
io_ungetbyte(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = readable_io(self);
    Value b = argv[0];
    if (b == MG_NIL) return MG_NIL;
    if (MG_IS_INTEGER(b)) {
        char c = (char)(mg_num2long(mg_funcall(b, mg_intern_cstr("&"), 1, (Value[]){ MG_FIX(0xff) })));
        unread_bytes(io, &c, 1);
        return MG_NIL;
    }
    b = mg_to_str(b);
    unread_bytes(io, mg_str_ptr(b), (size_t)mg_str_len(b));
    return MG_NIL;
}

static Value
io_eof_p(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = readable_io(self);
    return MG_BOOL(!fill_rbuf(io));
}

/* ---- encodings ---- */

/* set_encoding(ext, int = nil) / set_encoding("EXT:INT") / set_encoding(nil) */
static Value
io_set_encoding(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    UNUSED(kw);
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    IoData *io = open_io(self);
    io->int_enc = 0;
    if (argv[0] == MG_NIL && (argc == 1 || argv[1] == MG_NIL)) { io->ext_enc = 0; return self; }
    io_set_enc_value(io, argv[0], false);
    if (argc == 2) io_set_enc_value(io, argv[1], true);
    return self;
}

static Value
io_set_encoding_by_bom(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    io->bom = true;
    int before = io->ext_enc;
    io->ext_enc = 0;
    io_apply_encodings(io, MG_NIL, MG_NIL);
    io->bom = false;
    if (!io->ext_enc) { io->ext_enc = before; return MG_NIL; }
    return mg_enc_value((Encoding)(io->ext_enc - 1));
}

static Value
io_external_encoding(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    if (io->ext_enc) return mg_enc_value((Encoding)(io->ext_enc - 1));
    if (io->mode & FM_BINARY) return mg_enc_value(ENC_BINARY);
    if (io->mode & FM_READ) return mg_enc_value(mg_enc_default_external());
    return MG_NIL;
}

static Value
io_internal_encoding(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    int in = io_int(io);
    return in >= 0 && (Encoding)in != io_ext(io) ? mg_enc_value((Encoding)in) : MG_NIL;
}

/* ---- IO writing methods ---- */

static Value
io_write_m(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = writable_io(self);
    int64_t total = 0;
    for (int i = 0; i < argc; i++) {
        Value s = MG_IS_STRING(argv[i]) ? argv[i] : mg_to_s(argv[i]);
        s = io_out_text(io, s);
        io_write_bytes(io, mg_str_ptr(s), (size_t)mg_str_len(s));
        total += mg_str_len(s);
    }
    return MG_FIX(total);
}

static Value
io_syswrite(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = writable_io(self);
    Value s = MG_IS_STRING(argv[0]) ? argv[0] : mg_to_s(argv[0]);
    io_flush(io);
    write_fully(io, mg_str_ptr(s), (size_t)mg_str_len(s));
    return MG_FIX(mg_str_len(s));
}

static Value
io_print(Value self, int argc, const Value *argv, Value blk)
{
    print_args(self, argc, argv);
    return MG_NIL;
}

static Value
io_puts(Value self, int argc, const Value *argv, Value blk)
{
    io_puts_args(self, argc, argv);
    return MG_NIL;
}

static Value
io_printf(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 0) return MG_NIL;
    write_str(self, mg_str_format(argc, argv));
    return MG_NIL;
}

static Value
io_putc(Value self, int argc, const Value *argv, Value blk)
{
    return putc_value(self, argv[0]);
}

static Value
io_lshift(Value self, int argc, const Value *argv, Value blk)
{
    write_str(self, mg_to_s(argv[0]));
    return self;
}

static Value
io_flush_m(Value self, int argc, const Value *argv, Value blk)
{
    io_flush(open_io(self));
    return self;
}

static Value
io_sync(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(open_io(self)->sync);
}

static Value
io_set_sync(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    io->sync = MG_TEST(argv[0]);
    if (io->sync) io_flush(io);
    return argv[0];
}

static Value
io_fileno(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(open_io(self)->fd);
}

static Value
io_tty_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(isatty(open_io(self)->fd));
}

static Value
io_close(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = check_io(self);
    if (io->fd < 0) return MG_NIL;
    int fd = io->fd;
    if (io->mode & FM_WRITE) io_flush(io);
    io->fd = -1;
    list_remove(io);
    io->rpos = io->rlen = 0;
    if (fd > 2 && io->autoclose) close(fd);
    if (io->pid > 0) {
        int pid = io->pid;
        io->pid = 0;
        mg_process_wait(pid);
    }
    return MG_NIL;
}

static Value
io_closed_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(check_io(self)->fd < 0);
}

static Value
io_lineno(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(readable_io(self)->lineno);
}

static Value
io_set_lineno(Value self, int argc, const Value *argv, Value blk)
{
    readable_io(self)->lineno = mg_num2long(argv[0]);
    return argv[0];
}

static Value
io_rewind(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    if (io->mode & FM_WRITE) io_flush(io);
    if (lseek(io->fd, 0, SEEK_SET) < 0) mg_raise_syserr(errno, NULL, NULL);
    io->rpos = io->rlen = 0;
    io->lineno = 0;
    return MG_FIX(0);
}

/* seek's whence: IO::SEEK_* or :SET, :CUR, :END */
int
mg_io_whence(Value v)
{
    if (MG_IS_SYMBOL(v)) {
        const char *n = mg_id_name(MG_SYM2ID(v), NULL);
        if (!strcmp(n, "SET")) return SEEK_SET;
        if (!strcmp(n, "CUR")) return SEEK_CUR;
        if (!strcmp(n, "END")) return SEEK_END;
        mg_raise(mg_eTypeError, "no implicit conversion of Symbol into Integer");
    }
    return (int)mg_num2long(v);
}

static Value
io_seek(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    int whence = argc > 1 ? mg_io_whence(argv[1]) : SEEK_SET;
    off_t off = (off_t)mg_num2long(argv[0]);
    if (io->mode & FM_WRITE) io_flush(io);
    if (whence == SEEK_CUR) off -= (off_t)(io->rlen - io->rpos);
    if (lseek(io->fd, off, whence) < 0) mg_raise_syserr(errno, NULL, NULL);
    io->rpos = io->rlen = 0;
    return MG_FIX(0);
}

static Value
io_pos(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    if (io->mode & FM_WRITE) io_flush(io);
    off_t p = lseek(io->fd, 0, SEEK_CUR);
    if (p < 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX((int64_t)p - (int64_t)(io->rlen - io->rpos));
}

/* pos = n: seek to n from the start; the value is n */
static Value
io_set_pos(Value self, int argc, const Value *argv, Value blk)
{
    io_seek(self, 1, argv, MG_NIL);
    return argv[0];
}

static Value
io_self(Value self, int argc, const Value *argv, Value blk)
{
    return self;
}

/* binmode: no newline or encoding conversion; reads give ASCII-8BIT strings */
static Value
io_binmode(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    io->mode |= FM_BINARY;
    io->ext_enc = io->int_enc = 0;
    io->bom = false;
    return self;
}

static Value
io_binmode_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(open_io(self)->mode & FM_BINARY);
}

static Value
io_inspect(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = check_io(self);
    Value s = mg_str_new("#<", 2);
    mg_str_append(s, mg_class_path(mg_obj_class(self)));
    mg_str_cat(s, ":", 1);
    if (io->path != MG_NIL) mg_str_append(s, io->path);
    else if (io == stdout_io) mg_str_cat_cstr(s, "<STDOUT>");
    else if (io == stderr_io) mg_str_cat_cstr(s, "<STDERR>");
    else if (io == stdin_io) mg_str_cat_cstr(s, "<STDIN>");
    else mg_str_catf(s, "fd %d", io->fd);
    if (io->fd < 0) mg_str_cat_cstr(s, " (closed)");
    mg_str_cat(s, ">", 1);
    return s;
}

/* IO.new(fd, mode = "r") */
static int parse_mode(Value mode, int *oflags);

static Value
io_initialize(Value self, int argc, const Value *argv, Value blk)
{
    /* IO.new(fd, mode = "r", mode:, autoclose:, encoding options...) */
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    IoData *io = check_io(self);
    int fd = (int)mg_num2long(argv[0]);
    Value modev = argc > 1 ? argv[1] : MG_NIL;
    Value autoclose = MG_UNDEF;
    if (kw != MG_NIL) {
        Value km = mg_hash_lookup(kw, mg_sym("mode"));
        if (km != MG_UNDEF) {
            if (modev != MG_NIL) mg_raise(mg_eArgumentError, "mode specified twice");
            modev = km;
        }
        autoclose = mg_hash_lookup(kw, mg_sym("autoclose"));
    }
    int oflags;
    int mode = parse_mode(modev, &oflags);
    if (fcntl(fd, F_GETFL) < 0) mg_raise_syserr(errno, NULL, NULL);
    io_setup(io, fd, mode, MG_NIL);
    if (autoclose != MG_UNDEF) io->autoclose = MG_TEST(autoclose);
    io_apply_encodings(io, modev, kw);
    return MG_NIL;
}

/* IO#dup / #clone: the copy has a descriptor of its own (dup(2)), the
 * original's mode, path, encodings and sync; buffered writes of the
 * original go out first, unread input stays with the original. */
static Value
io_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    IoData *orig = open_io(argv[0]);
    if (orig->mode & FM_WRITE) io_flush(orig);
    int fd = fcntl(orig->fd, F_DUPFD_CLOEXEC, 3);
    if (fd < 0) mg_raise_syserr(errno, NULL, NULL);
    IoData *io = check_io(self);
    io_setup(io, fd, orig->mode, orig->path);
    io->sync = orig->sync;
    io->ext_enc = orig->ext_enc;
    io->int_enc = orig->int_enc;
    io->lineno = orig->lineno;
    return self;
}

/* ---- File ---- */

/* "r", "w", "a", "r+", "w+", "a+" with optional b/t and ":enc"; or Integer flags */
static int
parse_mode(Value mode, int *oflags)
{
    if (mode == MG_NIL) {
        *oflags = O_RDONLY;
        return FM_READ;
    }
    if (MG_IS_INTEGER(mode)) {
        int f = (int)mg_num2long(mode);
        *oflags = f;
        int acc = f & O_ACCMODE;
        int m = acc == O_RDONLY ? FM_READ : acc == O_WRONLY ? FM_WRITE : FM_READ | FM_WRITE;
        if (f & O_APPEND) m |= FM_APPEND;
        return m;
    }
    Value ms = mg_to_str(mode);
    const char *s = mg_str_cstr(ms);
    const char *p = s;
    int m, f;
    switch (*p++) {
    case 'r': m = FM_READ; f = O_RDONLY; break;
    case 'w': m = FM_WRITE; f = O_WRONLY | O_CREAT | O_TRUNC; break;
    case 'a': m = FM_WRITE | FM_APPEND; f = O_WRONLY | O_CREAT | O_APPEND; break;
    default: mg_raise(mg_eArgumentError, "invalid access mode %s", s);
    }
    for (; *p && *p != ':'; p++) {
        if (*p == '+') {
            m |= FM_READ | FM_WRITE;
            f = (f & ~O_ACCMODE) | O_RDWR;
        } else if (*p == 'b') {
            m |= FM_BINARY;
        } else if (*p == 't') {
        } else if (*p == 'x' && (f & O_CREAT)) {
            f |= O_EXCL;
        } else {
            mg_raise(mg_eArgumentError, "invalid access mode %s", s);
        }
    }
    *oflags = f;
    return m;
}

static Value
path_arg(Value v)
{
    if (MG_IS_STRING(v)) return v;
    if (!MG_IS_STRING(v) && mg_respond_to(v, mg_intern_cstr("to_path"), true)) {
        Value p = mg_funcall(v, mg_intern_cstr("to_path"), 0, NULL);
        return mg_to_str(p);
    }
    return mg_to_str(v);
}

/* File.new(path, mode = "r", perm = 0666, mode: ...) */
static Value
file_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc < 1 || argc > 3) mg_raise_argc(argc, 1, 3);
    IoData *io = check_io(self);
    Value path = path_arg(argv[0]);
    Value modev = argc > 1 ? argv[1] : MG_NIL;
    if (kw != MG_NIL) {
        Value km = mg_hash_lookup(kw, mg_sym("mode"));
        if (km != MG_UNDEF) modev = km;
    }
    int oflags;
    int mode = parse_mode(modev, &oflags);
    int perm = argc > 2 && argv[2] != MG_NIL ? (int)mg_num2long(argv[2]) : 0666;
    const char *cpath = mg_str_cstr(path);
    if (strlen(cpath) != (size_t)mg_str_len(path)) mg_raise(mg_eArgumentError, "string contains null byte");
    int fd = open(cpath, oflags | O_CLOEXEC, perm);
    if (fd < 0 && errno == EINTR) {
        /* a signal while a FIFO's open waited for its other end: as CRuby, a
         * handler that raises (SIGTERM's default) ends it; else Errno::EINTR */
        mg_vm_checkpoint();
        errno = EINTR;
    }
    if (fd < 0) mg_raise_syserr(errno, "rb_sysopen", cpath);
    io_setup(io, fd, mode, mg_str_freeze(mg_str_dup(path)));
    io_apply_encodings(io, modev, kw);
    return MG_NIL;
}

typedef struct { Value io; Value blk; } OpenBlock;

static Value
open_block_body(Value p)
{
    OpenBlock *ob = (OpenBlock *)(uintptr_t)MG_FIX2LONG(p);
    return mg_yield1(ob->blk, ob->io);
}

static void
open_block_ensure(Value io)
{
    IoData *d = get_io(io);
    if (d && d->fd >= 0) io_close(io, 0, NULL, MG_NIL);
}

static Value
with_block_close(Value io, Value blk)
{
    OpenBlock ob = { io, blk };
    return mg_ensure(open_block_body, MG_FIX((int64_t)(uintptr_t)&ob), open_block_ensure, io);
}

static Value
open_path(Value path, const char *mode)
{
    Value args[2] = { path, mg_str_new_cstr(mode) };
    return mg_class_new_instance(mg_cFile, 2, args, MG_NIL);
}

static Value
file_s_read(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc < 1 || argc > 3) mg_raise_argc(argc, 1, 3);
    Value path = path_arg(argv[0]);
    Value f = open_path(path, "r");
    IoData *io = get_io(f);
    if (kw != MG_NIL) {
        Value km = mg_hash_lookup(kw, mg_sym("mode"));
        if (km != MG_UNDEF && MG_IS_STRING(km) && memchr(mg_str_ptr(km), 'b', (size_t)mg_str_len(km))) io->mode |= FM_BINARY;
        io_apply_encodings(io, km != MG_UNDEF ? km : MG_NIL, kw);
    }
    struct stat st;
    if (fstat(io->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        io_close(f, 0, NULL, MG_NIL);
        mg_raise_syserr(EISDIR, "io_fread", mg_str_cstr(path));
    }
    if (argc > 2 && argv[2] != MG_NIL) {
        off_t off = (off_t)mg_num2long(argv[2]);
        lseek(io->fd, off, SEEK_SET);
    }
    Value s;
    if (argc > 1 && argv[1] != MG_NIL) {
        int64_t n = mg_num2long(argv[1]);
        if (n < 0) mg_raise(mg_eArgumentError, "negative length %lld given", (long long)n);
        s = fill_rbuf(io) ? read_bytes(io, n, ENC_BINARY) : MG_NIL;
    } else {
        s = io_text(io, read_bytes(io, -1, ENC_UTF8));
    }
    io_close(f, 0, NULL, MG_NIL);
    return s;
}

/* File.write(path, string, offset = nil, mode: "w") */
static Value
file_s_write(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc < 2 || argc > 3) mg_raise_argc(argc, 2, 3);
    Value path = path_arg(argv[0]);
    const char *mode = argc > 2 && argv[2] != MG_NIL ? "r+" : "w";
    Value modev = mg_str_new_cstr(mode);
    if (kw != MG_NIL) {
        Value km = mg_hash_lookup(kw, mg_sym("mode"));
        if (km != MG_UNDEF) modev = km;
    }
    Value args[2] = { path, modev };
    Value f = mg_class_new_instance(mg_cFile, 2, args, MG_NIL);
    IoData *io = get_io(f);
    if (argc > 2 && argv[2] != MG_NIL) lseek(io->fd, (off_t)mg_num2long(argv[2]), SEEK_SET);
    Value s = MG_IS_STRING(argv[1]) ? argv[1] : mg_to_s(argv[1]);
    io_apply_encodings(io, modev, kw);
    s = io_out_text(io, s);
    io_write_bytes(io, mg_str_ptr(s), (size_t)mg_str_len(s));
    io_close(f, 0, NULL, MG_NIL);
    return MG_FIX(mg_str_len(s));
}

/* File.readlines / foreach: the open keywords (mode:, encoding:, ...) are
 * applied to io; the rest (chomp:) is returned for the line reading. */
static Value
open_kw_apply(IoData *io, Value kw)
{
    if (kw == MG_NIL || !MG_IS_HASH(kw)) return kw;
    Value km = mg_hash_lookup(kw, mg_sym("mode"));
    if (km != MG_UNDEF && MG_IS_STRING(km) && memchr(mg_str_ptr(km), 'b', (size_t)mg_str_len(km))) io->mode |= FM_BINARY;
    io_apply_encodings(io, km != MG_UNDEF ? km : MG_NIL, kw);
    Value rest = mg_hash_new();
    Value ch = mg_hash_lookup(kw, mg_sym("chomp"));
    if (ch != MG_UNDEF) mg_hash_aset(rest, mg_sym("chomp"), ch);
    return rest;
}

static Value
file_s_readlines(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc < 1) mg_raise_argc(argc, 1, 3);
    Value f = open_path(path_arg(argv[0]), "r");
    kw = open_kw_apply(get_io(f), kw);
    Value r = readlines_kw(f, argc - 1, argv + 1, kw);
    io_close(f, 0, NULL, MG_NIL);
    return r;
}

typedef struct { Value io; int argc; const Value *argv; Value kw; Value blk; } ForeachCall;

static Value
foreach_body(Value p)
{
    ForeachCall *c = (ForeachCall *)(uintptr_t)MG_FIX2LONG(p);
    return each_line_kw(c->io, c->argc, c->argv, c->kw, c->blk);
}

static Value
file_s_foreach(Value self, int argc, const Value *argv, Value blk)
{
    if (!mg_block_given(blk)) return mg_enumerator_new(self, mg_intern_cstr("foreach"), argc, argv);
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc < 1) mg_raise_argc(argc, 1, 3);
    Value f = open_path(path_arg(argv[0]), "r");
    kw = open_kw_apply(get_io(f), kw);
    ForeachCall c = { f, argc - 1, argv + 1, kw, blk };
    mg_ensure(foreach_body, MG_FIX((int64_t)(uintptr_t)&c), open_block_ensure, f);
    return MG_NIL;
}

static Value
file_size(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    if (io->mode & FM_WRITE) io_flush(io);
    struct stat st;
    if (fstat(io->fd, &st) < 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX((int64_t)st.st_size);
}

static Value
file_path(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = check_io(self);
    return io->path == MG_NIL ? MG_NIL : mg_str_dup(io->path);
}

/* Dir is in dir.c; what it uses from here (io_int.h) */

int
mg_io_fd_for(Value v, int need)
{
    IoData *io = need == 1 ? readable_io(v) : need == 2 ? writable_io(v) : open_io(v);
    return io->fd;
}

const char *
mg_io_path_cstr(Value v)
{
    IoData *io = check_io(v);
    return io->path != MG_NIL ? mg_str_cstr(io->path) : NULL;
}

int
mg_io_oflags(Value mode)
{
    int oflags;
    parse_mode(mode, &oflags);
    return oflags;
}

size_t
mg_io_wbuffered(Value v)
{
    IoData *io = open_io(v);
    return io->wlen;
}

void
mg_io_flush(Value v)
{
    IoData *io = open_io(v);
    if (io->mode & FM_WRITE) io_flush(io);
}

void
mg_io_warn(const char *msg, bool deprecated)
{
    if (mg_verbose_nil()) return;
    Value w = mg_const_get_at(mg_cObject, mg_intern_cstr("Warning"));
    Value dep = mg_sym("deprecated");
    if (deprecated && !MG_TEST(mg_funcall(w, mg_intern_cstr("[]"), 1, &dep))) return;
    Value buf = mg_str_buf_new(64);
    Value bt = mg_backtrace(0);
    Value loc = MG_IS_ARRAY(bt) ? mg_ary_entry(bt, 1) : MG_NIL;
    if (MG_IS_STRING(loc)) {
        const char *p = mg_str_ptr(loc);
        const char *in = strstr(p, ":in `");
        mg_str_cat(buf, p, in ? (size_t)(in - p) : (size_t)mg_str_len(loc));
        mg_str_cat_cstr(buf, ": ");
    }
    mg_str_catf(buf, "warning: %s\n", msg);
    if (!deprecated) {
        mg_funcall(w, mg_intern_cstr("warn"), 1, &buf);
        return;
    }
    Value kw = mg_hash_new();
    mg_hash_aset(kw, mg_sym("category"), dep);
    mg_funcall_kw(w, mg_intern_cstr("warn"), 2, (Value[]){ buf, kw }, MG_NIL);
}

Value
mg_io_path_arg(Value v)
{
    return path_arg(v);
}


/* ---- $stdout and friends ---- */

static Value
gv_stdout_get(ID id)
{
    return cur_stdout;
}

static void
check_writer(ID id, Value v)
{
    if (!mg_respond_to(v, mg_id_write, true))
        mg_raise(mg_eTypeError, "%s must have write method, %s given", mg_id_name(id, NULL),
                 mg_class_cname(mg_obj_class(v)));
}

static void
gv_stdout_set(ID id, Value v)
{
    check_writer(id, v);
    cur_stdout = v;
}

static Value
gv_stderr_get(ID id)
{
    return cur_stderr;
}

static void
gv_stderr_set(ID id, Value v)
{
    check_writer(id, v);
    cur_stderr = v;
}

static Value
gv_stdin_get(ID id)
{
    return cur_stdin;
}

static void
gv_stdin_set(ID id, Value v)
{
    cur_stdin = v;
}

/* ARGF (lib/prelude/argf.rb), or MG_UNDEF before the prelude defined it */
static Value
argf_object(void)
{
    return mg_const_lookup(mg_cObject, mg_intern_cstr("ARGF"), false);
}

/* ARGF.name(*args), passing keywords on as keywords */
static Value
argf_call(const char *name, int argc, const Value *argv)
{
    Value argf = argf_object();
    if (mg_kw_given()) return mg_funcall_kw(argf, mg_intern_cstr(name), argc, argv, MG_NIL);
    return mg_funcall(argf, mg_intern_cstr(name), argc, argv);
}

/* ARGF.gets while ARGF reads an IO $stdin for good (ARGV was empty at its
 * first read): the loop `while gets` stays in C. MG_UNDEF when ARGF is in
 * another state (lib/prelude/argf.rb's @init/@next_p/@lineno/@file). */
static Value
argf_stdin_gets(int argc, const Value *argv, Value blk)
{
    static ID id_init, id_next_p, id_lineno, id_file;
    if (!id_init) {
        id_init = mg_intern_cstr("@init");
        id_next_p = mg_intern_cstr("@next_p");
        id_lineno = mg_intern_cstr("@lineno");
        id_file = mg_intern_cstr("@file");
    }
    Value argf = argf_object();
    if (!MG_IS_PTR(argf) || MG_OBJ(argf)->type != T_OBJECT || !get_io(cur_stdin)) return MG_UNDEF;
    if (mg_ivar_get(argf, id_init) != MG_TRUE) {
        Value av = mg_const_lookup(mg_cObject, mg_intern_cstr("ARGV"), false);
        if (!MG_IS_ARRAY(av) || mg_ary_len(av) != 0) return MG_UNDEF;
        mg_ivar_set(argf, id_init, MG_TRUE);
        mg_ivar_set(argf, id_next_p, MG_FIX(-1));
    } else if (mg_ivar_get(argf, id_next_p) != MG_FIX(-1)) {
        return MG_UNDEF;
    }
    mg_ivar_set(argf, id_file, cur_stdin);
    Value line = io_gets(cur_stdin, argc, argv, blk);
    if (line != MG_NIL) {
        Value n = mg_ivar_get(argf, id_lineno);
        int64_t lineno = (MG_IS_FIXNUM(n) ? MG_FIX2LONG(n) : 0) + 1;
        mg_ivar_set(argf, id_lineno, MG_FIX(lineno));
        last_lineno = lineno;
    }
    return line;
}

/* Kernel#gets(sep = $/, limit = nil, chomp: false): ARGF.gets (the files in
 * ARGV, else $stdin); sets $_ */
static Value
kernel_gets(Value self, int argc, const Value *argv, Value blk)
{
    if (argf_object() == MG_UNDEF) {
        if (get_io(cur_stdin)) return io_gets(cur_stdin, argc, argv, blk);
        Value line = mg_funcall(cur_stdin, mg_intern_cstr("gets"), argc, argv);
        mg_gvar_set(mg_intern_cstr("$_"), line);
        return line;
    }
    Value line = argf_stdin_gets(argc, argv, blk);
    if (line != MG_UNDEF) return line;
    line = argf_call("gets", argc, argv);
    mg_gvar_set(mg_intern_cstr("$_"), line);
    return line;
}

static Value
kernel_readline(Value self, int argc, const Value *argv, Value blk)
{
    Value line = kernel_gets(self, argc, argv, blk);
    if (line == MG_NIL) mg_raise(mg_eEOFError, "end of file reached");
    return line;
}

static Value
kernel_readlines(Value self, int argc, const Value *argv, Value blk)
{
    if (argf_object() != MG_UNDEF) return argf_call("readlines", argc, argv);
    if (get_io(cur_stdin)) return io_readlines(cur_stdin, argc, argv, blk);
    return mg_funcall(cur_stdin, mg_intern_cstr("readlines"), argc, argv);
}

/* $< is ARGF, $FILENAME its current file name */
static Value
gv_argf_get(ID id)
{
    UNUSED(id);
    Value argf = argf_object();
    return argf == MG_UNDEF ? MG_NIL : argf;
}

static Value
gv_filename_get(ID id)
{
    UNUSED(id);
    Value argf = argf_object();
    return argf == MG_UNDEF ? mg_str_new("-", 1) : mg_funcall(argf, mg_intern_cstr("filename"), 0, NULL);
}

/* ---- pipes, partial and non-blocking reads, popen, select ---- */

static Value
new_fd_io(RClass *klass, int fd, int mode)
{
    Value v = io_alloc(klass);
    io_setup(get_io(v), fd, mode, MG_NIL);
    return v;
}

static Value
pipe_block_body(Value pair)
{
    Value blk = mg_ary_entry(pair, 2);
    return mg_yield(blk, 2, (Value[]){ mg_ary_entry(pair, 0), mg_ary_entry(pair, 1) });
}

static void
pipe_block_ensure(Value pair)
{
    for (int i = 0; i < 2; i++) {
        Value io = mg_ary_entry(pair, i);
        if (get_io(io)->fd >= 0) io_close(io, 0, NULL, MG_NIL);
    }
}

/* IO.pipe -> [reader, writer]; with a block yields them and closes both after */
static Value
io_s_pipe(Value self, int argc, const Value *argv, Value blk)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) mg_raise_syserr(errno, NULL, NULL);
    RClass *klass = MG_RCLASS(self);
    Value r = new_fd_io(klass, fds[0], FM_READ);
    mg_gc_protect(r);
    Value w = new_fd_io(klass, fds[1], FM_WRITE);
    get_io(w)->sync = true;
    Value pair = mg_ary_new_from(2, (Value[]){ r, w });
    if (!mg_block_given(blk)) return pair;
    mg_ary_push(pair, blk);
    return mg_ensure(pipe_block_body, pair, pipe_block_ensure, pair);
}

static Value
into_buffer(int argc, const Value *argv, Value s)
{
    if (argc > 1 && argv[1] != MG_NIL) {
        Value buf = mg_to_str(argv[1]);
        mg_funcall(buf, mg_intern_cstr("replace"), 1, &s);
        return buf;
    }
    return s;
}

static NORETURN void
raise_eof(void)
{
    mg_raise(mg_eEOFError, "end of file reached");
}

static Value
take_buffered(IoData *io, int64_t n)
{
    size_t avail = io->rlen - io->rpos;
    size_t take = (uint64_t)n < avail ? (size_t)n : avail;
    Value s = mg_str_new_enc(io->rbuf + io->rpos, take, ENC_BINARY);
    io->rpos += take;
    return s;
}

static int64_t
read_len_arg(Value v)
{
    int64_t n = mg_num2long(v);
    if (n < 0) mg_raise(mg_eArgumentError, "negative length %lld given", (long long)n);
    return n;
}

/* IO#readpartial(maxlen [, buf]) and sysread: what one read(2) gives; EOFError at the end */
static Value
io_readpartial(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = readable_io(self);
    int64_t n = read_len_arg(argv[0]);
    if (n == 0) return into_buffer(argc, argv, mg_str_new_enc("", 0, ENC_BINARY));
    if (!fill_rbuf(io)) raise_eof();
    return into_buffer(argc, argv, take_buffered(io, n));
}

static Value
nonblock_exc(const char *cname, const char *what)
{
    Value cls = mg_const_get_at(mg_cIO, mg_intern_cstr(cname));
    return mg_funcall(cls, mg_id_new, 1, (Value[]){ mg_str_new_cstr(what) });
}

/* IO#read_nonblock(maxlen [, buf], exception: true) */
static Value
io_read_nonblock(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    static const char *const names[] = { "exception" };
    Value exc;
    mg_kwargs_get(kw, names, 1, &exc);
    bool raise = exc == MG_UNDEF || MG_TEST(exc);
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    IoData *io = readable_io(self);
    int64_t n = read_len_arg(argv[0]);
    if (n == 0) return into_buffer(argc, argv, mg_str_new_enc("", 0, ENC_BINARY));
    if (io->rpos < io->rlen) return into_buffer(argc, argv, take_buffered(io, n));
    if (io->mode & FM_WRITE) io_flush(io);
    if (!io->rbuf) {
        io->rbuf = mg_malloc(RBUF_SIZE);
        io->rcap = RBUF_SIZE;
    }
    int fl = fcntl(io->fd, F_GETFL);
    if (!(fl & O_NONBLOCK)) fcntl(io->fd, F_SETFL, fl | O_NONBLOCK);
    ssize_t got;
    while ((got = read(io->fd, io->rbuf, io->rcap)) < 0 && errno == EINTR) mg_vm_checkpoint();
    int e = errno;
    if (!(fl & O_NONBLOCK)) fcntl(io->fd, F_SETFL, fl);
    if (got < 0) {
        if (e == EAGAIN || e == EWOULDBLOCK) {
            if (!raise) return MG_SYM(mg_intern_cstr("wait_readable"));
            mg_raise_exc(nonblock_exc("EAGAINWaitReadable", "read would block"));
        }
        mg_raise_syserr(e, "read", NULL);
    }
    if (got == 0) {
        if (!raise) return MG_NIL;
        raise_eof();
    }
    io->rpos = 0;
    io->rlen = (size_t)got;
    return into_buffer(argc, argv, take_buffered(io, n));
}

/* IO#write_nonblock(str, exception: true) -> bytes written */
static Value
io_write_nonblock(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    static const char *const names[] = { "exception" };
    Value exc;
    mg_kwargs_get(kw, names, 1, &exc);
    if (argc != 1) mg_raise_argc(argc, 1, 1);
    IoData *io = writable_io(self);
    Value s = MG_IS_STRING(argv[0]) ? argv[0] : mg_to_s(argv[0]);
    io_flush(io);
    int fl = fcntl(io->fd, F_GETFL);
    if (!(fl & O_NONBLOCK)) fcntl(io->fd, F_SETFL, fl | O_NONBLOCK);
    ssize_t n;
    while ((n = write(io->fd, mg_str_ptr(s), (size_t)mg_str_len(s))) < 0 && errno == EINTR) mg_vm_checkpoint();
    int e = errno;
    if (!(fl & O_NONBLOCK)) fcntl(io->fd, F_SETFL, fl);
    if (n < 0) {
        if (e == EAGAIN || e == EWOULDBLOCK) {
            if (exc != MG_UNDEF && !MG_TEST(exc)) return MG_SYM(mg_intern_cstr("wait_writable"));
            mg_raise_exc(nonblock_exc("EAGAINWaitWritable", "write would block"));
        }
        mg_raise_syserr(e, "write", NULL);
    }
    return MG_FIX(n);
}

/* IO#close_write / close_read: half-closes a duplex IO (popen "r+"), closes a simplex one */
static Value
half_close(Value self, int keep, const char *what)
{
    IoData *io = check_io(self);
    if (io->fd < 0) return MG_NIL;
    if ((io->mode & (FM_READ | FM_WRITE)) == (FM_READ | FM_WRITE)) {
        if (io->mode & FM_WRITE) io_flush(io);
        shutdown(io->fd, keep == FM_READ ? SHUT_WR : SHUT_RD);
        if (keep == FM_READ) list_remove(io);
        io->mode &= ~(FM_READ | FM_WRITE);
        io->mode |= keep;
        return MG_NIL;
    }
    if (!(io->mode & keep)) return io_close(self, 0, NULL, MG_NIL);
    mg_raise(mg_eIOError, "closing non-duplex IO for %s", what);
}

static Value
io_close_write(Value self, int argc, const Value *argv, Value blk)
{
    return half_close(self, FM_READ, "writing");
}

static Value
io_close_read(Value self, int argc, const Value *argv, Value blk)
{
    return half_close(self, FM_WRITE, "reading");
}

static Value
io_pid(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = open_io(self);
    return io->pid > 0 ? MG_FIX(io->pid) : MG_NIL;
}

typedef struct { Value env; int argc; const Value *argv; int in_fd, out_fd, pid; Value opts; } PopenSpawn;

static Value
popen_spawn_body(Value p)
{
    PopenSpawn *ps = (PopenSpawn *)(uintptr_t)MG_FIX2LONG(p);
    ps->pid = mg_process_spawn_opts(ps->env, ps->argc, ps->argv, ps->in_fd, ps->out_fd, ps->opts);
    return MG_NIL;
}

/* IO#reopen(other_io) / reopen(path, mode = "r"): this IO's descriptor now refers
 * to what the other IO or the opened file refers to (dup2) */
static Value
io_reopen(Value self, int argc, const Value *argv, Value blk)
{
    IoData *io = check_io(self);
    IoData *other = mg_data_get(argv[0], &io_type);
    if (!other && mg_respond_to(argv[0], mg_intern_cstr("to_io"), false))
        other = mg_data_get(mg_funcall(argv[0], mg_intern_cstr("to_io"), 0, NULL), &io_type);
    int src, mode;
    Value path = MG_NIL;
    if (other) {
        if (other->fd < 0) mg_raise(mg_eIOError, "closed stream");
        if (other->mode & FM_WRITE) io_flush(other);
        src = other->fd;
        mode = other->mode;
        path = other->path;
    } else {
        path = path_arg(argv[0]);
        int oflags;
        mode = parse_mode(argc > 1 ? argv[1] : (io->mode & FM_WRITE ? mg_str_new_cstr("w") : MG_NIL), &oflags);
        src = open(mg_str_cstr(path), oflags | O_CLOEXEC, 0666);
        if (src < 0) mg_raise_syserr(errno, NULL, mg_str_cstr(path));
    }
    if (io->fd >= 0 && (io->mode & FM_WRITE)) io_flush(io);
    io->rpos = io->rlen = 0;
    if (io->fd < 0) {
        int fd = fcntl(src, F_DUPFD_CLOEXEC, 3);
        if (fd < 0) mg_raise_syserr(errno, NULL, NULL);
        io_setup(io, fd, mode, path);
    } else if (src != io->fd) {
        if (dup2(src, io->fd) < 0) mg_raise_syserr(errno, NULL, NULL);
        list_remove(io);
        io->mode = mode;
        io->path = path;
        io->tty = isatty(io->fd);
        if (mode & FM_WRITE) list_add(io);
    }
    if (!other) close(src);
    return self;
}

/* IO.popen([env,] cmd, mode = "r" [, opts]) [{ |io| }]: cmd is a shell string or an
 * Array (argv, optionally starting with an env Hash). "r+" uses a socket pair. */
static Value
io_s_popen(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    Value env = MG_NIL;
    if (argc > 0 && MG_IS_HASH(argv[0])) { env = argv[0]; argc--; argv++; }
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    Value cmd = argv[0];
    Value modev = argc > 1 ? argv[1] : MG_NIL;
    if (modev == MG_NIL && kw != MG_NIL) {
        Value m = mg_hash_aref(kw, MG_SYM(mg_intern_cstr("mode")));
        if (m != MG_NIL) modev = m;
    }
    int oflags;
    int mode = parse_mode(modev, &oflags);
    int cargc;
    const Value *cargv;
    if (MG_IS_ARRAY(cmd)) {
        cargc = (int)mg_ary_len(cmd);
        cargv = mg_ary_ptr(cmd);
        if (cargc > 0 && MG_IS_HASH(cargv[0])) { env = cargv[0]; cargc--; cargv++; }
        if (cargc > 0 && MG_IS_HASH(cargv[cargc - 1])) { if (kw == MG_NIL) kw = cargv[cargc - 1]; cargc--; }
        if (cargc < 1) mg_raise(mg_eArgumentError, "wrong number of arguments");
        if (cargc == 1) {
            /* a one-element array is a program name, never a shell line */
            cmd = mg_ary_new_from(1, (Value[]){ mg_ary_new_from(2, (Value[]){ cargv[0], cargv[0] }) });
            cargv = mg_ary_ptr(cmd);
        }
    } else {
        cmd = mg_to_str(cmd);
        cargc = 1;
        cargv = &cmd;
    }
    mg_gc_protect(cmd);
    int parent = -1, in_fd = -1, out_fd = -1, other = -1;
    bool rw = (mode & FM_READ) && (mode & FM_WRITE);
    if (rw) {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) mg_raise_syserr(errno, NULL, NULL);
        parent = sv[0];
        in_fd = out_fd = other = sv[1];
    } else {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) < 0) mg_raise_syserr(errno, NULL, NULL);
        if (mode & FM_WRITE) { parent = fds[1]; in_fd = other = fds[0]; }
        else { parent = fds[0]; out_fd = other = fds[1]; }
    }
    PopenSpawn ps = { env, cargc, cargv, in_fd, out_fd, 0, kw };   /* kw: err: [:child, :out], chdir: ... */
    Value exc = MG_NIL;
    mg_protect(popen_spawn_body, MG_FIX((int64_t)(uintptr_t)&ps), &exc);
    close(other);
    if (exc != MG_NIL && exc != MG_UNDEF) {
        close(parent);
        mg_raise_exc(exc);
    }
    int pid = ps.pid;
    Value io = new_fd_io(MG_RCLASS(self), parent, mode & (FM_READ | FM_WRITE | FM_BINARY));
    IoData *d = get_io(io);
    d->pid = pid;
    if (mode & FM_WRITE) d->sync = true;
    if (!mg_block_given(blk)) return io;
    return with_block_close(io, blk);
}

/* IO.select(reads, writes = nil, errors = nil, timeout = nil) -> [[r], [w], [e]] or nil */
static Value
io_s_select(Value self, int argc, const Value *argv, Value blk)
{
    Value sets[3];
    for (int i = 0; i < 3; i++) sets[i] = i < argc && argv[i] != MG_NIL ? mg_to_ary(argv[i]) : mg_ary_new();
    double timeout = -1;
    if (argc > 3 && argv[3] != MG_NIL) {
        timeout = mg_num2dbl(argv[3]);
        if (timeout < 0) mg_raise(mg_eArgumentError, "time interval must not be negative");
    }
    int64_t total = mg_ary_len(sets[0]) + mg_ary_len(sets[1]) + mg_ary_len(sets[2]);
    struct pollfd small[16];
    struct pollfd *pf = total <= 16 ? small : mg_malloc(sizeof *pf * (size_t)total);
    bool buffered = false;
    int64_t k = 0;
    for (int i = 0; i < 3; i++) {
        for (int64_t j = 0; j < mg_ary_len(sets[i]); j++, k++) {
            Value v = mg_ary_entry(sets[i], j);
            Value iov = mg_data_get(v, &io_type) ? v : mg_funcall(v, mg_intern_cstr("to_io"), 0, NULL);
            IoData *io = open_io(iov);
            pf[k].fd = io->fd;
            pf[k].events = i == 0 ? POLLIN : i == 1 ? POLLOUT : POLLPRI;
            pf[k].revents = 0;
            if (i == 0 && io->rpos < io->rlen) { buffered = true; pf[k].revents = POLLIN; }
        }
    }
    int r;
    if (buffered) {
        r = 1;
    } else {
        /* other threads run meanwhile (a Thread#raise here leaks a large pf) */
        r = mg_thread_poll(pf, (int)total, timeout) ? 1 : 0;
    }
    Value out = MG_NIL;
    if (r > 0) {
        out = mg_ary_new_from(3, (Value[]){ mg_ary_new(), mg_ary_new(), mg_ary_new() });
        k = 0;
        for (int i = 0; i < 3; i++) {
            for (int64_t j = 0; j < mg_ary_len(sets[i]); j++, k++) {
                short want = i == 0 ? (POLLIN | POLLHUP | POLLERR) : i == 1 ? (POLLOUT | POLLERR) : POLLPRI;
                if (pf[k].revents & want) mg_ary_push(mg_ary_entry(out, i), mg_ary_entry(sets[i], j));
            }
        }
    }
    if (pf != small) mg_free(pf, sizeof *pf * (size_t)total);
    return out;
}

/* IO.new / File.new: Class#new, with a warning for a block (IO.open takes it) */
static Value
io_s_new(Value self, int argc, const Value *argv, Value blk)
{
    bool kw = mg_kw_given();
    if (mg_block_given(blk)) {
        const char *c = mg_str_cstr(mg_class_path(MG_RCLASS(self)));
        char msg[512];
        snprintf(msg, sizeof msg, "%s::new() does not take block; use %s::open() instead", c, c);
        mg_io_warn(msg, false);
    }
    RClass *k = MG_RCLASS(self);
    if (k->hdr.flags & OF_SINGLETON) mg_raise(mg_eTypeError, "can't create instance of singleton class");
    Value obj = mg_get_alloc_func(k)(k);
    /* initialize still gets the block, as in CRuby */
    if (kw) mg_funcall_kw(obj, mg_id_initialize, argc, argv, blk);
    else mg_funcall_block(obj, mg_id_initialize, argc, argv, blk);
    return obj;
}

static Value
io_s_for_fd(Value self, int argc, const Value *argv, Value blk)
{
    return mg_funcall(self, mg_id_new, argc, argv);
}

static Value
io_autoclose_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(open_io(self)->autoclose);
}

static Value
io_set_autoclose(Value self, int argc, const Value *argv, Value blk)
{
    open_io(self)->autoclose = MG_TEST(argv[0]);
    return argv[0];
}

/* ---- for other IO classes in C (ext/socket.c) ---- */

void
mg_io_attach_fd(Value self, int fd)
{
    IoData *io = check_io(self);
    if (io->fd >= 0) mg_raise(mg_eIOError, "already initialized");
    io_setup(io, fd, FM_READ | FM_WRITE | FM_BINARY, MG_NIL);
    io->sync = true;
}

int
mg_io_fd(Value self)
{
    return open_io(self)->fd;
}

int64_t
mg_io_buffered(Value self)
{
    IoData *io = get_io(self);
    return io && io->fd >= 0 ? (int64_t)(io->rlen - io->rpos) : 0;
}

/* ---- method tables ---- */

static const MgMethodDef kernel_io_functions[] = {
    {"puts", kernel_puts, 0, -1},
    {"print", kernel_print, 0, -1},
    {"p", kernel_p, 0, -1},
    {"pp", kernel_pp, 0, -1},
    {"printf", kernel_printf, 0, -1},
    {"putc", kernel_putc, 1, 1},
    {"gets", kernel_gets, 0, 3, MEF_KW},
    {"readline", kernel_readline, 0, 3},
    {"readlines", kernel_readlines, 0, 3, MEF_KW},
    {"warn", kernel_warn, 0, -1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef io_methods[] = {
    {"initialize", io_initialize, 1, -1},
    {"initialize_copy", io_initialize_copy, 1, 1},
    {"write", io_write_m, 0, -1},
    {"syswrite", io_syswrite, 1, 1},
    {"readpartial", io_readpartial, 1, 2},
    {"sysread", io_readpartial, 1, 2},
    {"read_nonblock", io_read_nonblock, 1, -1},
    {"write_nonblock", io_write_nonblock, 1, -1},
    {"close_write", io_close_write, 0, 0},
    {"close_read", io_close_read, 0, 0},
    {"pid", io_pid, 0, 0},
    {"autoclose?", io_autoclose_p, 0, 0},
    {"autoclose=", io_set_autoclose, 1, 1},
    {"reopen", io_reopen, 1, 2},
    {"print", io_print, 0, -1},
    {"puts", io_puts, 0, -1},
    {"printf", io_printf, 0, -1},
    {"putc", io_putc, 1, 1},
    {"<<", io_lshift, 1, 1},
    {"flush", io_flush_m, 0, 0},
    {"sync", io_sync, 0, 0},
    {"sync=", io_set_sync, 1, 1},
    {"fileno", io_fileno, 0, 0},
    {"to_i", io_fileno, 0, 0},
    {"tty?", io_tty_p, 0, 0},
    {"isatty", io_tty_p, 0, 0},
    {"read", io_read, 0, 2},
    {"gets", io_gets, 0, 3, MEF_KW},
    {"readline", io_readline, 0, 3, MEF_KW},
    {"each_line", io_each_line, 0, 3, MEF_KW},
    {"each", io_each_line, 0, 3, MEF_KW},
    {"readlines", io_readlines, 0, 3, MEF_KW},
    {"getc", io_getc, 0, 0},
    {"readchar", io_readchar, 0, 0},
    {"getbyte", io_getbyte, 0, 0},
    {"readbyte", io_readbyte, 0, 0},
    {"ungetc", io_ungetc, 1, 1},
    {"ungetbyte", io_ungetbyte, 1, 1},
    {"each_codepoint", io_each_codepoint, 0, 0},
    {"each_char", io_each_char, 0, 0},
    {"each_byte", io_each_byte, 0, 0},
    {"eof?", io_eof_p, 0, 0},
    {"eof", io_eof_p, 0, 0},
    {"close", io_close, 0, 0},
    {"closed?", io_closed_p, 0, 0},
    {"lineno", io_lineno, 0, 0},
    {"lineno=", io_set_lineno, 1, 1},
    {"rewind", io_rewind, 0, 0},
    {"seek", io_seek, 1, 2},
    {"pos", io_pos, 0, 0},
    {"pos=", io_set_pos, 1, 1},
    {"tell", io_pos, 0, 0},
    {"binmode", io_binmode, 0, 0},
    {"binmode?", io_binmode_p, 0, 0},
    {"set_encoding", io_set_encoding, 1, -1},
    {"set_encoding_by_bom", io_set_encoding_by_bom, 0, 0},
    {"external_encoding", io_external_encoding, 0, 0},
    {"internal_encoding", io_internal_encoding, 0, 0},
    {"to_io", io_self, 0, 0},
    {"inspect", io_inspect, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef file_methods[] = {
    {"initialize", file_initialize, 0, -1},
    {"path", file_path, 0, 0},
    {"to_path", file_path, 0, 0},
    {"size", file_size, 0, 0},
    {NULL, NULL, 0, 0}
};

/* File.read / write / readlines / foreach are IO's (as in CRuby); so is open (ext/file_ops.c) */
static const MgMethodDef file_singleton_methods[] = {
    {NULL, NULL, 0, 0}
};

static Value
std_stream(int fd, int mode, IoData **out)
{
    Value v = io_alloc(mg_cIO);
    IoData *io = get_io(v);
    io_setup(io, fd, mode, MG_NIL);
    io->autoclose = false;
    *out = io;
    return v;
}

void
mg_init_io(void)
{
    mg_define_alloc_func(mg_cIO, io_alloc);
    mg_define_methods(mg_cIO, io_methods);
    mg_define_methods(mg_cFile, file_methods);
    mg_define_singleton_methods(MG_VAL(mg_cFile), file_singleton_methods);
    mg_define_singleton_methods(MG_VAL(mg_cFile), mg_file_path_methods);   /* file_path.c */
    /* IO.read etc. behave as File's for paths */
    mg_define_singleton_method(MG_VAL(mg_cIO), "read", file_s_read, 1, 4);
    mg_define_singleton_method(MG_VAL(mg_cIO), "write", file_s_write, 2, 4);
    mg_define_singleton_method(MG_VAL(mg_cIO), "readlines", file_s_readlines, 1, 4);
    mg_define_singleton_method(MG_VAL(mg_cIO), "foreach", file_s_foreach, 1, 4);
    mg_define_singleton_method(MG_VAL(mg_cIO), "pipe", io_s_pipe, 0, -1);
    mg_define_singleton_method(MG_VAL(mg_cIO), "popen", io_s_popen, 1, -1);
    mg_define_singleton_method(MG_VAL(mg_cIO), "select", io_s_select, 1, 4);
    mg_define_singleton_method(MG_VAL(mg_cIO), "for_fd", io_s_for_fd, 1, 3);
    mg_define_singleton_method(MG_VAL(mg_cIO), "new", io_s_new, 0, -1);
    mg_define_methods(mg_cIO, mg_io_sys_methods);   /* io_sys.c */
    mg_define_singleton_methods(MG_VAL(mg_cIO), mg_io_sys_singleton_methods);

    mg_define_const(mg_cIO, "SEEK_SET", MG_FIX(SEEK_SET));
    mg_define_const(mg_cIO, "SEEK_CUR", MG_FIX(SEEK_CUR));
    mg_define_const(mg_cIO, "SEEK_END", MG_FIX(SEEK_END));
    mg_define_const(mg_cFile, "SEPARATOR", mg_str_freeze(mg_str_new("/", 1)));
    mg_define_const(mg_cFile, "Separator", mg_const_get_at(mg_cFile, mg_intern_cstr("SEPARATOR")));
    mg_define_const(mg_cFile, "ALT_SEPARATOR", MG_NIL);
    mg_define_const(mg_cFile, "PATH_SEPARATOR", mg_str_freeze(mg_str_new(":", 1)));
    static const struct { const char *n; int v; } fconsts[] = {
        {"RDONLY", O_RDONLY}, {"WRONLY", O_WRONLY}, {"RDWR", O_RDWR}, {"APPEND", O_APPEND},
        {"CREAT", O_CREAT}, {"EXCL", O_EXCL}, {"TRUNC", O_TRUNC}, {"NONBLOCK", O_NONBLOCK},
        {"NOCTTY", O_NOCTTY}, {"NOFOLLOW", O_NOFOLLOW}, {"SYNC", O_SYNC}, {"DSYNC", O_DSYNC},
        {"DIRECT", O_DIRECT}, {"RSYNC", O_RSYNC}, {"NOATIME", O_NOATIME}, {"TMPFILE", O_TMPFILE}, {"SHARE_DELETE", 0},
        {"BINARY", 0}, {"FNM_PATHNAME", 2}, {"FNM_DOTMATCH", GLOB_DOTMATCH},
        {"FNM_NOESCAPE", 1}, {"FNM_CASEFOLD", 8}, {"FNM_EXTGLOB", 16},
    };
    /* in File::Constants, which IO includes (as CRuby: File::RDONLY, IO::RDONLY) */
    RClass *fc = mg_define_module_under(mg_cFile, "Constants");
    for (size_t i = 0; i < ARRAY_LEN(fconsts); i++) mg_define_const(fc, fconsts[i].n, MG_FIX(fconsts[i].v));
    mg_include_module(mg_cIO, mg_mEnumerable);
    mg_include_module(mg_cIO, fc);

    for (const MgMethodDef *d = kernel_io_functions; d->name; d++)
        mg_define_module_function(mg_mKernel, d->name, d->fn, d->min_args, d->max_args);
    mg_define_method(mg_mKernel, "display", kernel_display, 0, 1);

    stdin_obj = std_stream(0, FM_READ, &stdin_io);
    stdout_obj = std_stream(1, FM_WRITE, &stdout_io);
    stderr_obj = std_stream(2, FM_WRITE, &stderr_io);
    stderr_io->sync = true;
    cur_stdin = stdin_obj;
    cur_stdout = stdout_obj;
    cur_stderr = stderr_obj;
    mg_gc_register(&stdin_obj);
    mg_gc_register(&stdout_obj);
    mg_gc_register(&stderr_obj);
    mg_gc_register(&cur_stdin);
    mg_gc_register(&cur_stdout);
    mg_gc_register(&cur_stderr);
    mg_define_global_const("STDIN", stdin_obj);
    mg_define_global_const("STDOUT", stdout_obj);
    mg_define_global_const("STDERR", stderr_obj);
    mg_define_virtual_gvar("$stdout", gv_stdout_get, gv_stdout_set);
    mg_define_virtual_gvar("$>", gv_stdout_get, gv_stdout_set);
    mg_define_virtual_gvar("$stderr", gv_stderr_get, gv_stderr_set);
    mg_define_virtual_gvar("$stdin", gv_stdin_get, gv_stdin_set);
    mg_define_virtual_gvar("$.", gv_lineno_get, gv_lineno_set);
    mg_define_virtual_gvar("$<", gv_argf_get, NULL);
    mg_define_virtual_gvar("$FILENAME", gv_filename_get, NULL);



    atexit(flush_all_atexit);
}
