/* stringio.c -- StringIO (require "stringio"): an IO-like object over a String.
 * The scanner-like state is the String, a byte position and a line number; reads
 * and writes work on the String's bytes in place, so a caller holding the String
 * sees every write (as in CRuby). puts/print/printf/<< go through #write with the
 * core's IO#puts rules (core.h mg_puts_value). */
#include "ext.h"
#include "../core/string_int.h"
#include <errno.h>
#include <string.h>

enum { SIO_READ = 1, SIO_WRITE = 2, SIO_APPEND = 4 };

typedef struct {
    Value str;            /* nil once finalized */
    int64_t pos;
    int64_t lineno;
    int mode;             /* SIO_* it was opened with */
    int closed;           /* SIO_READ / SIO_WRITE bits closed */
    int enc;              /* set_encoding's Encoding for a frozen string; -1: the string's own */
} StrIO;

static RClass *cStringIO;

static void
sio_mark(void *p)
{
    mg_gc_mark(((StrIO *)p)->str);
}

static const DataType sio_type = { "StringIO", sio_mark, NULL, NULL };

static Value
sio_alloc(RClass *klass)
{
    void *p;
    Value v = mg_data_new_inline(klass, &sio_type, sizeof(StrIO), &p);
    ((StrIO *)p)->str = MG_NIL;
    ((StrIO *)p)->enc = -1;
    return v;
}

static StrIO *
get(Value self)
{
    StrIO *d = mg_data_check(self, &sio_type);
    if (d->str == MG_NIL) mg_raise(mg_eIOError, "uninitialized stream");
    return d;
}

static StrIO *
readable(Value self)
{
    StrIO *d = get(self);
    if (!(d->mode & SIO_READ) || (d->closed & SIO_READ)) mg_raise(mg_eIOError, "not opened for reading");
    return d;
}

static StrIO *
writable(Value self)
{
    StrIO *d = get(self);
    if (!(d->mode & SIO_WRITE) || (d->closed & SIO_WRITE)) mg_raise(mg_eIOError, "not opened for writing");
    return d;
}

static int64_t
dlen(StrIO *d)
{
    return mg_str_len(d->str);
}

/* "r", "w+", "ab", "r:UTF-8", or File::RDONLY-style integers */
static int
parse_mode(Value m, bool *truncate)
{
    *truncate = false;
    if (MG_IS_FIXNUM(m)) {
        int64_t f = MG_FIX2LONG(m);
        int acc = (int)(f & 3);
        int mode = acc == 0 ? SIO_READ : acc == 1 ? SIO_WRITE : SIO_READ | SIO_WRITE;
        if (f & 01000) *truncate = true;    /* O_TRUNC */
        if (f & 02000) mode |= SIO_APPEND;  /* O_APPEND */
        return mode;
    }
    Value s = mg_to_str(m);
    const char *p = mg_str_cstr(s);
    int mode;
    switch (*p) {
    case 'r': mode = SIO_READ; break;
    case 'w': mode = SIO_WRITE; *truncate = true; break;
    case 'a': mode = SIO_WRITE | SIO_APPEND; break;
    default: mg_raise(mg_eArgumentError, "invalid access mode %s", p);
    }
    for (p++; *p && *p != ':'; p++) {
        if (*p == '+') mode |= SIO_READ | SIO_WRITE;
        else if (*p != 'b' && *p != 't') mg_raise(mg_eArgumentError, "invalid access mode %s", mg_str_cstr(s));
    }
    return mode;
}

static Value
sio_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    (void)kw;   /* encoding options are accepted and ignored */
    if (argc > 2) mg_raise(mg_eArgumentError, "wrong number of arguments (given %d, expected 0..2)", argc);
    StrIO *d = mg_data_check(self, &sio_type);
    Value str;
    int mode;
    bool trunc = false;
    if (argc == 0) {
        str = mg_str_new("", 0);
        mode = SIO_READ | SIO_WRITE;
    } else {
        str = mg_to_str(argv[0]);
        if (argc == 2 && argv[1] != MG_NIL) mode = parse_mode(argv[1], &trunc);
        else mode = mg_frozen_p(str) ? SIO_READ : SIO_READ | SIO_WRITE;
    }
    if ((mode & SIO_WRITE) && mg_frozen_p(str)) mg_raise_syserr(EACCES, NULL, NULL);
    if (trunc) { mg_str_modify(str); mg_str_set_len(str, 0); }
    d = mg_data_check(self, &sio_type);
    d->str = str;
    d->mode = mode;
    d->pos = 0;
    d->lineno = 0;
    d->closed = 0;
    d->enc = -1;
    return self;
}

static Value
sio_s_open(Value self, int argc, const Value *argv, Value blk)
{
    Value io = mg_funcall_kw(self, mg_intern_cstr("new"), argc, argv, MG_NIL);
    if (!mg_block_given(blk)) return io;
    mg_gc_protect(io);
    Value r = mg_yield1(blk, io);
    StrIO *d = mg_data_check(io, &sio_type);
    d->closed = SIO_READ | SIO_WRITE;
    return r;
}

static Value
sio_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = mg_data_check(self, &sio_type), *o = get(argv[0]);
    *d = *o;
    return self;
}

/* ---- the string and position ---- */

static Value
sio_string(Value self, int argc, const Value *argv, Value blk)
{
    return ((StrIO *)mg_data_check(self, &sio_type))->str;
}

static Value
sio_set_string(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = mg_data_check(self, &sio_type);
    Value s = mg_to_str(argv[0]);
    d->str = s;
    d->mode = mg_frozen_p(s) ? SIO_READ : SIO_READ | SIO_WRITE;
    d->pos = d->lineno = 0;
    d->closed = 0;
    d->enc = -1;
    return s;
}

static Value
sio_pos(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(get(self)->pos);
}

static Value
sio_set_pos(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = get(self);
    int64_t p = mg_num2long(argv[0]);
    if (p < 0) mg_raise_syserr(EINVAL, NULL, NULL);
    d->pos = p;
    return argv[0];
}

static Value
sio_seek(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = get(self);
    if (d->closed == (SIO_READ | SIO_WRITE)) mg_raise(mg_eIOError, "closed stream");
    int64_t off = mg_num2long(argv[0]);
    int whence = 0;
    if (argc > 1) {
        Value w = argv[1];
        if (MG_IS_SYMBOL(w)) {
            const char *n = mg_id_name(MG_SYM2ID(w), NULL);
            whence = !strcmp(n, "CUR") ? 1 : !strcmp(n, "END") ? 2 : !strcmp(n, "SET") ? 0 : -1;
            if (whence < 0) mg_raise(mg_eArgumentError, "unknown whence: %s", n);
        } else {
            whence = (int)mg_num2long(w);
        }
    }
    if (whence == 1) off += d->pos;
    else if (whence == 2) off += dlen(d);
    else if (whence != 0) mg_raise_syserr(EINVAL, NULL, "invalid whence");
    if (off < 0) mg_raise_syserr(EINVAL, NULL, NULL);
    d->pos = off;
    return MG_FIX(0);
}

static Value
sio_rewind(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = get(self);
    d->pos = 0;
    d->lineno = 0;
    return MG_FIX(0);
}

static Value
sio_eof_p(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = readable(self);
    return MG_BOOL(d->pos >= dlen(d));
}

static Value
sio_size(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = mg_data_check(self, &sio_type);
    if (d->str == MG_NIL) mg_raise(mg_eIOError, "not opened");
    return MG_FIX(dlen(d));
}

static Value
sio_lineno(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(get(self)->lineno);
}

static Value
sio_set_lineno(Value self, int argc, const Value *argv, Value blk)
{
    get(self)->lineno = mg_num2long(argv[0]);
    return argv[0];
}

static Value
sio_truncate(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = writable(self);
    int64_t n = mg_num2long(argv[0]);
    if (n < 0) mg_raise_syserr(EINVAL, NULL, "negative length");
    int64_t len = dlen(d);
    mg_str_modify(d->str);
    if (n > len) {
        mg_str_reserve(d->str, n);
        memset(MG_RSTRING(d->str)->ptr + len, 0, (size_t)(n - len));
    }
    mg_str_set_len(d->str, n);
    return MG_FIX(0);
}

/* ---- closing ---- */

static Value
sio_close(Value self, int argc, const Value *argv, Value blk)
{
    get(self)->closed = SIO_READ | SIO_WRITE;
    return MG_NIL;
}

static Value
sio_close_read(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = get(self);
    if (!(d->mode & SIO_READ)) mg_raise(mg_eIOError, "closing non-duplex IO for reading");
    d->closed |= SIO_READ;
    return MG_NIL;
}

static Value
sio_close_write(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = get(self);
    if (!(d->mode & SIO_WRITE)) mg_raise(mg_eIOError, "closing non-duplex IO for writing");
    d->closed |= SIO_WRITE;
    return MG_NIL;
}

static bool
closed_for(StrIO *d, int what)
{
    return !(d->mode & what) || (d->closed & what);
}

static Value
sio_closed_p(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = get(self);
    return MG_BOOL(closed_for(d, SIO_READ) && closed_for(d, SIO_WRITE));
}

static Value
sio_closed_read_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(closed_for(get(self), SIO_READ));
}

static Value
sio_closed_write_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(closed_for(get(self), SIO_WRITE));
}

/* ---- writing ---- */

static int64_t
write_bytes(StrIO *d, const char *p, int64_t n)
{
    Value s = d->str;
    mg_str_modify(s);
    int64_t len = mg_str_len(s);
    if (d->mode & SIO_APPEND) d->pos = len;
    if (d->pos > len) {
        mg_str_reserve(s, d->pos);
        memset(MG_RSTRING(s)->ptr + len, 0, (size_t)(d->pos - len));
        mg_str_set_len(s, d->pos);
        len = d->pos;
    }
    int64_t over = len - d->pos < n ? len - d->pos : n;
    mg_str_replace_bytes(s, d->pos, over, p, n);
    d->pos += n;
    return n;
}

static Value
sio_write(Value self, int argc, const Value *argv, Value blk)
{
    int64_t total = 0;
    for (int i = 0; i < argc; i++) {
        Value s = mg_to_s(argv[i]);
        StrIO *d = writable(self);
        int64_t n = mg_str_len(s);
        if (n == 0) continue;
        /* a binary buffer takes any bytes; otherwise the buffer keeps its encoding */
        total += write_bytes(d, mg_str_ptr(s), n);
    }
    return MG_FIX(total);
}

static Value
sio_lshift(Value self, int argc, const Value *argv, Value blk)
{
    sio_write(self, 1, argv, MG_NIL);
    return self;
}

static Value
sio_print(Value self, int argc, const Value *argv, Value blk)
{
    Value sep = mg_gvar_get(mg_intern_cstr("$,"));
    if (argc == 0) {
        Value line = mg_lastline_get();
        if (line != MG_NIL) sio_write(self, 1, &line, MG_NIL);
    }
    for (int i = 0; i < argc; i++) {
        if (i > 0 && sep != MG_NIL) sio_write(self, 1, &sep, MG_NIL);
        sio_write(self, 1, &argv[i], MG_NIL);
    }
    Value rs = mg_gvar_get(mg_intern_cstr("$\\"));
    if (rs != MG_NIL) sio_write(self, 1, &rs, MG_NIL);
    return MG_NIL;
}

static Value
sio_puts(Value self, int argc, const Value *argv, Value blk)
{
    writable(self);
    if (argc == 0) {
        Value nl = mg_str_new("\n", 1);
        sio_write(self, 1, &nl, MG_NIL);
    }
    for (int i = 0; i < argc; i++) mg_puts_value(self, argv[i]);
    return MG_NIL;
}

static Value
sio_printf(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 0) return MG_NIL;
    Value s = mg_str_format(argc, argv);
    sio_write(self, 1, &s, MG_NIL);
    return MG_NIL;
}

static Value
sio_putc(Value self, int argc, const Value *argv, Value blk)
{
    Value c = argv[0];
    Value s;
    if (MG_IS_STRING(c)) s = mg_str_subseq(c, 0, mg_str_len(c) ? mg_enc_mbclen(mg_str_ptr(c), mg_str_ptr(c) + mg_str_len(c), mg_str_enc(c)) : 0);
    else { char b = (char)(mg_num2long(c) & 0xff); s = mg_str_new(&b, 1); }
    sio_write(self, 1, &s, MG_NIL);
    return c;
}

/* ---- reading ---- */

static Value
sio_read(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = readable(self);
    int64_t len = dlen(d);
    Value buf = argc > 1 && argv[1] != MG_NIL ? mg_to_str(argv[1]) : MG_NIL;
    int64_t avail = d->pos < len ? len - d->pos : 0;
    Value out;
    if (argc == 0 || argv[0] == MG_NIL) {
        out = mg_str_subseq(d->str, d->pos < len ? d->pos : len, avail);
        if (d->enc >= 0) MG_OBJ(out)->extra = (Encoding)d->enc;   /* a fresh copy: its encoding is ours */
        d->pos += avail;
    } else {
        int64_t n = mg_num2long(argv[0]);
        if (n < 0) mg_raise(mg_eArgumentError, "negative length %lld given", (long long)n);
        if (n > 0 && avail == 0) {
            if (buf != MG_NIL) { mg_str_modify(buf); mg_str_set_len(buf, 0); }
            return MG_NIL;
        }
        if (n > avail) n = avail;
        d = readable(self);
        out = mg_str_new_enc(mg_str_ptr(d->str) + d->pos, (size_t)n, ENC_BINARY);
        d->pos += n;
    }
    if (buf != MG_NIL) {
        mg_str_modify(buf);
        mg_str_replace_bytes(buf, 0, mg_str_len(buf), mg_str_ptr(out), mg_str_len(out));
        return buf;
    }
    return out;
}

static Value
sio_readpartial(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    (void)kw;
    Value r = sio_read(self, argc, argv, MG_NIL);
    if (r == MG_NIL) mg_raise(mg_eEOFError, "end of file reached");
    return r;
}

static Value
sio_getc(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = readable(self);
    int64_t len = dlen(d);
    if (d->pos >= len) return MG_NIL;
    const char *p = mg_str_ptr(d->str);
    int n = mg_enc_mbclen(p + d->pos, p + len, mg_str_enc(d->str));
    if (d->pos + n > len) n = (int)(len - d->pos);
    Value c = mg_str_subseq(d->str, d->pos, n);
    d->pos += n;
    return c;
}

static Value
sio_getbyte(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = readable(self);
    if (d->pos >= dlen(d)) return MG_NIL;
    return MG_FIX((unsigned char)mg_str_ptr(d->str)[d->pos++]);
}

static Value
sio_readchar(Value self, int argc, const Value *argv, Value blk)
{
    Value c = sio_getc(self, 0, NULL, MG_NIL);
    if (c == MG_NIL) mg_raise(mg_eEOFError, "end of file reached");
    return c;
}

static Value
sio_readbyte(Value self, int argc, const Value *argv, Value blk)
{
    Value c = sio_getbyte(self, 0, NULL, MG_NIL);
    if (c == MG_NIL) mg_raise(mg_eEOFError, "end of file reached");
    return c;
}

static void
unget_bytes(StrIO *d, const char *p, int64_t n)
{
    if (n == 0) return;
    Value s = d->str;
    mg_str_modify(s);
    int64_t len = mg_str_len(s);
    if (d->pos > len) {
        mg_str_reserve(s, d->pos);
        memset(MG_RSTRING(s)->ptr + len, 0, (size_t)(d->pos - len));
        mg_str_set_len(s, d->pos);
    }
    if (n <= d->pos) {
        d->pos -= n;
        mg_str_replace_bytes(s, d->pos, n, p, n);
    } else {
        mg_str_replace_bytes(s, 0, d->pos, p, n);
        d->pos = 0;
    }
}

static Value
sio_ungetc(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = readable(self);
    Value c = argv[0];
    if (c == MG_NIL) return MG_NIL;
    if (MG_IS_FIXNUM(c)) {
        char buf[8];
        int64_t cp = MG_FIX2LONG(c);
        int n;
        if (mg_str_enc(d->str) == ENC_UTF8 && cp >= 0x80 && cp < 0x110000) n = mg_utf8_encode((uint32_t)cp, buf);
        else { buf[0] = (char)(cp & 0xff); n = 1; }
        unget_bytes(d, buf, n);
    } else {
        Value s = mg_to_str(c);
        d = readable(self);
        unget_bytes(d, mg_str_ptr(s), mg_str_len(s));
    }
    return MG_NIL;
}

static Value
sio_ungetbyte(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = readable(self);
    Value c = argv[0];
    if (c == MG_NIL) return MG_NIL;
    if (MG_IS_FIXNUM(c)) {
        char b = (char)(MG_FIX2LONG(c) & 0xff);
        unget_bytes(d, &b, 1);
    } else {
        Value s = mg_to_str(c);
        d = readable(self);
        unget_bytes(d, mg_str_ptr(s), mg_str_len(s));
    }
    return MG_NIL;
}

/* gets' arguments: (), (sep), (limit), (sep, limit), with chomp: */
typedef struct { Value sep; int64_t limit; bool chomp; } LineArgs;

static LineArgs
line_args(int argc, const Value *argv)
{
    LineArgs la = { mg_gvar_get(mg_intern_cstr("$/")), -1, false };
    Value kw = mg_kwargs_split(&argc, argv);
    if (kw != MG_NIL) {
        Value c = MG_UNDEF;
        static const char *const names[] = { "chomp" };
        mg_kwargs_get(kw, names, 1, &c);
        la.chomp = c != MG_UNDEF && MG_TEST(c);
    }
    if (argc > 2) mg_raise(mg_eArgumentError, "wrong number of arguments (given %d, expected 0..2)", argc);
    if (argc == 1) {
        if (argv[0] == MG_NIL) la.sep = MG_NIL;
        else if (MG_IS_STRING(argv[0])) la.sep = argv[0];
        else {
            Value s = mg_check_string(argv[0]);
            if (s != MG_NIL) la.sep = s;
            else la.limit = mg_num2long(argv[0]);
        }
    } else if (argc == 2) {
        la.sep = argv[0] == MG_NIL ? MG_NIL : mg_to_str(argv[0]);
        if (argv[1] != MG_NIL) la.limit = mg_num2long(argv[1]);
    }
    return la;
}

static Value
read_line(StrIO *d, LineArgs *la)
{
    int64_t len = dlen(d);
    if (d->pos >= len) return MG_NIL;
    if (la->limit == 0) return mg_str_new_enc("", 0, mg_str_enc(d->str));
    const char *p = mg_str_ptr(d->str);
    int64_t start = d->pos, end = len, cut = -1;   /* cut: where chomp ends the line */
    bool paragraph = false;
    if (la->sep != MG_NIL) {
        const char *sp = mg_str_ptr(la->sep);
        int64_t sn = mg_str_len(la->sep);
        if (sn == 0) {      /* paragraph mode: lines up to a blank line */
            paragraph = true;
            while (start < len && p[start] == '\n') start++;
            if (start >= len) { d->pos = len; return MG_NIL; }
            const char *hit = memmem(p + start, (size_t)(len - start), "\n\n", 2);
            if (hit) { cut = hit - p + 1; end = hit - p + 2; }
        } else {
            const char *hit = memmem(p + start, (size_t)(len - start), sp, (size_t)sn);
            if (hit) { cut = hit - p; end = hit - p + sn; }
        }
    }
    if (la->limit > 0 && end - start > la->limit) {
        int64_t e = start + la->limit;
        /* do not split a character */
        Encoding enc = mg_str_enc(d->str);
        if (enc == ENC_UTF8) {
            int64_t q = start;
            while (q < e) q += mg_enc_mbclen(p + q, p + len, enc);
            e = q > len ? len : q;
        }
        if (e < end) { end = e; if (cut > end) cut = -1; }
    }
    int64_t stop = la->chomp && cut >= 0 && cut <= end ? cut : end;
    if (la->chomp && cut < 0 && la->sep != MG_NIL && mg_str_len(la->sep) == 1 && mg_str_ptr(la->sep)[0] == '\n') {
        /* chomp with the default separator also drops a trailing "\n" at the end of the data */
        if (stop > start && p[stop - 1] == '\n') stop--;
    }
    if (la->chomp && paragraph && cut >= 0) stop = cut - 1 >= start ? cut - 1 : start;
    Value line = mg_str_subseq(d->str, start, stop - start);
    d->pos = end;
    if (paragraph) {
        p = mg_str_ptr(d->str);
        while (d->pos < len && p[d->pos] == '\n') d->pos++;
    }
    mg_io_set_last_lineno(++d->lineno);
    return line;
}

static Value
sio_gets(Value self, int argc, const Value *argv, Value blk)
{
    LineArgs la = line_args(argc, argv);
    StrIO *d = readable(self);
    Value line = read_line(d, &la);
    mg_lastline_set(line);
    return line;
}

static Value
sio_readline(Value self, int argc, const Value *argv, Value blk)
{
    Value line = sio_gets(self, argc, argv, MG_NIL);
    if (line == MG_NIL) mg_raise(mg_eEOFError, "end of file reached");
    return line;
}

static Value
sio_each_line(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_line", argc, argv, blk);
    LineArgs la = line_args(argc, argv);
    if (la.limit == 0) mg_raise(mg_eArgumentError, "invalid limit: 0 for each_line");
    size_t level = mg_gc_arena_save();   /* each line leaves the arena after its yield */
    for (;;) {
        StrIO *d = readable(self);
        Value line = read_line(d, &la);
        if (line == MG_NIL) break;
        mg_yield1(blk, line);
        mg_gc_arena_restore(level);
    }
    return self;
}

static Value
sio_readlines(Value self, int argc, const Value *argv, Value blk)
{
    LineArgs la = line_args(argc, argv);
    if (la.limit == 0) mg_raise(mg_eArgumentError, "invalid limit: 0 for readlines");
    Value out = mg_ary_new();
    for (;;) {
        StrIO *d = readable(self);
        Value line = read_line(d, &la);
        if (line == MG_NIL) break;
        mg_ary_push(out, line);
    }
    return out;
}

static Value
sio_each_char(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_char", argc, argv, blk);
    Value c;
    size_t level = mg_gc_arena_save();
    while ((c = sio_getc(self, 0, NULL, MG_NIL)) != MG_NIL) {
        mg_yield1(blk, c);
        mg_gc_arena_restore(level);
    }
    return self;
}

static Value
sio_each_byte(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_byte", argc, argv, blk);
    Value c;
    while ((c = sio_getbyte(self, 0, NULL, MG_NIL)) != MG_NIL) mg_yield1_discard(blk, c);
    return self;
}

/* ---- the rest of the IO protocol ---- */

static Value sio_self(Value self, int argc, const Value *argv, Value blk) { get(self); return self; }
static Value sio_nil(Value self, int argc, const Value *argv, Value blk) { return MG_NIL; }
static Value sio_false(Value self, int argc, const Value *argv, Value blk) { return MG_FALSE; }
static Value sio_true(Value self, int argc, const Value *argv, Value blk) { return MG_TRUE; }
static Value sio_zero(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(0); }
static Value sio_arg(Value self, int argc, const Value *argv, Value blk) { return argv[0]; }

static Value
sio_external_encoding(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = get(self);
    return mg_enc_value(d->enc >= 0 ? (Encoding)d->enc : mg_str_enc(d->str));
}

/* the string takes the encoding; a frozen one cannot, so the StringIO keeps it
 * (Rack's WEBrick handler sets ASCII-8BIT on StringIO.new(body.to_s), often frozen "") */
static void
set_enc(StrIO *d, Encoding e)
{
    if (mg_frozen_p(d->str)) { d->enc = (int)e; return; }
    d->enc = -1;
    mg_str_modify(d->str);
    MG_OBJ(d->str)->extra = e;
}

static Value
sio_set_encoding(Value self, int argc, const Value *argv, Value blk)
{
    StrIO *d = get(self);
    if (argc > 0 && argv[0] != MG_NIL) set_enc(d, mg_to_encoding(argv[0]));
    return self;
}

static Value
sio_binmode(Value self, int argc, const Value *argv, Value blk)
{
    set_enc(get(self), ENC_BINARY);
    return self;
}

static Value
sio_inspect(Value self, int argc, const Value *argv, Value blk)
{
    return mg_any_to_s(self);
}

static const MgMethodDef sio_methods[] = {
    {"initialize", sio_initialize, 0, -1},
    {"initialize_copy", sio_initialize_copy, 1, 1},
    {"string", sio_string, 0, 0},
    {"string=", sio_set_string, 1, 1},
    {"pos", sio_pos, 0, 0},
    {"tell", sio_pos, 0, 0},
    {"pos=", sio_set_pos, 1, 1},
    {"seek", sio_seek, 1, 2},
    {"rewind", sio_rewind, 0, 0},
    {"eof?", sio_eof_p, 0, 0},
    {"eof", sio_eof_p, 0, 0},
    {"size", sio_size, 0, 0},
    {"length", sio_size, 0, 0},
    {"lineno", sio_lineno, 0, 0},
    {"lineno=", sio_set_lineno, 1, 1},
    {"truncate", sio_truncate, 1, 1},
    {"close", sio_close, 0, 0},
    {"close_read", sio_close_read, 0, 0},
    {"close_write", sio_close_write, 0, 0},
    {"closed?", sio_closed_p, 0, 0},
    {"closed_read?", sio_closed_read_p, 0, 0},
    {"closed_write?", sio_closed_write_p, 0, 0},
    {"write", sio_write, 0, -1},
    {"syswrite", sio_write, 1, 1},
    {"write_nonblock", sio_write, 1, 2},
    {"<<", sio_lshift, 1, 1},
    {"print", sio_print, 0, -1},
    {"puts", sio_puts, 0, -1},
    {"printf", sio_printf, 0, -1},
    {"putc", sio_putc, 1, 1},
    {"read", sio_read, 0, 2},
    {"sysread", sio_readpartial, 0, -1},
    {"readpartial", sio_readpartial, 0, -1},
    {"read_nonblock", sio_readpartial, 0, -1},
    {"pread", sio_read, 1, 2},
    {"getc", sio_getc, 0, 0},
    {"getbyte", sio_getbyte, 0, 0},
    {"readchar", sio_readchar, 0, 0},
    {"readbyte", sio_readbyte, 0, 0},
    {"ungetc", sio_ungetc, 1, 1},
    {"ungetbyte", sio_ungetbyte, 1, 1},
    {"gets", sio_gets, 0, -1},
    {"readline", sio_readline, 0, -1},
    {"each_line", sio_each_line, 0, -1},
    {"each", sio_each_line, 0, -1},
    {"readlines", sio_readlines, 0, -1},
    {"each_char", sio_each_char, 0, 0},
    {"each_byte", sio_each_byte, 0, 0},
    {"sync", sio_true, 0, 0},
    {"sync=", sio_arg, 1, 1},
    {"flush", sio_self, 0, 0},
    {"fsync", sio_zero, 0, 0},
    {"fileno", sio_nil, 0, 0},
    {"pid", sio_nil, 0, 0},
    {"isatty", sio_false, 0, 0},
    {"tty?", sio_false, 0, 0},
    {"fcntl", sio_nil, 0, -1},
    {"binmode", sio_binmode, 0, 0},
    {"external_encoding", sio_external_encoding, 0, 0},
    {"internal_encoding", sio_nil, 0, 0},
    {"set_encoding", sio_set_encoding, 0, -1},
    {"inspect", sio_inspect, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_ext_init_stringio(void)
{
    cStringIO = mg_define_class("StringIO", mg_cObject);
    mg_define_alloc_func(cStringIO, sio_alloc);
    mg_define_methods(cStringIO, sio_methods);
    mg_define_singleton_method(MG_VAL(cStringIO), "open", sio_s_open, 0, -1);
    mg_include_module(cStringIO, mg_mEnumerable);
    mg_define_const(cStringIO, "VERSION", mg_str_freeze(mg_str_new_cstr("3.0.1")));
    /* IO's constants through StringIO::SEEK_SET etc., as the IO::generic_* modules give */
    static const char *const seeks[] = { "SEEK_SET", "SEEK_CUR", "SEEK_END" };
    for (int i = 0; i < 3; i++) mg_define_const(cStringIO, seeks[i], MG_FIX(i));
}
