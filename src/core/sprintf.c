/* sprintf.c -- mg_str_format: Kernel#format / sprintf and String#% with CRuby's
 * directives (%d %i %u %f %e %E %g %G %a %A %x %X %o %b %B %s %p %c %%), flags
 * (- + space 0 #), width, precision, `*`, n$ positions and %<name> / %{name}.
 * Negative numbers in %x %o %b without a sign flag print as two's complement
 * with a ".." prefix, as CRuby does. Floats are formatted by the C library. */
#include "string_int.h"
#include "bignum.h"
#include <math.h>

#pragma GCC diagnostic ignored "-Wunused-parameter"

enum { F_MINUS = 1, F_PLUS = 2, F_SPACE = 4, F_ZERO = 8, F_SHARP = 16, F_WIDTH = 32, F_PREC = 64 };

typedef struct {
    const Value *args;
    int nargs;
    int next;           /* next unnumbered argument */
    int mode;           /* 0 unknown, 1 unnumbered, 2 numbered, 3 named */
    Value hash;         /* the hash of named references, MG_UNDEF until needed */
} ArgState;

static Value
next_arg(ArgState *st)
{
    if (st->mode == 2) mg_raise(mg_eArgumentError, "unnumbered(%d) mixed with numbered", st->next + 1);
    if (st->mode == 3) mg_raise(mg_eArgumentError, "unnumbered(%d) mixed with named", st->next + 1);
    st->mode = 1;
    if (st->next >= st->nargs) mg_raise(mg_eArgumentError, "too few arguments");
    return st->args[st->next++];
}

static Value
nth_arg(ArgState *st, int n)
{
    if (st->mode == 1) mg_raise(mg_eArgumentError, "numbered(%d) after unnumbered(%d)", n, st->next);
    if (st->mode == 3) mg_raise(mg_eArgumentError, "numbered(%d) after named", n);
    st->mode = 2;
    if (n < 1) mg_raise(mg_eArgumentError, "invalid index - %d$", n);
    if (n > st->nargs) mg_raise(mg_eArgumentError, "too few arguments");
    return st->args[n - 1];
}

static Value
named_arg(ArgState *st, const char *name, size_t len, char open, char close)
{
    if (st->mode == 1) mg_raise(mg_eArgumentError, "named%c%.*s%c after unnumbered(%d)", open, (int)len, name, close, st->next);
    if (st->mode == 2) mg_raise(mg_eArgumentError, "named%c%.*s%c after numbered", open, (int)len, name, close);
    st->mode = 3;
    if (st->hash == MG_UNDEF) {
        if (st->nargs != 1) mg_raise(mg_eArgumentError, "one hash required");
        Value h = mg_check_hash(st->args[0]);
        if (MG_IS_NIL(h)) mg_raise(mg_eArgumentError, "one hash required");
        st->hash = h;
    }
    Value key = MG_SYM(mg_intern(name, len));
    Value v = mg_hash_lookup(st->hash, key);
    if (v == MG_UNDEF) {
        if (!MG_IS_NIL(MG_RHASH(st->hash)->ifnone)) return mg_hash_aref(st->hash, key);
        Value msg = mg_sprintf("key%c%.*s%c not found", open, (int)len, name, close);
        Value exc = mg_exc_new_str(mg_eKeyError, msg);
        mg_ivar_set(exc, mg_intern_cstr("@receiver"), st->hash);
        mg_ivar_set(exc, mg_intern_cstr("@key"), key);
        mg_raise_exc(exc);
    }
    return v;
}

/* ---- padding helpers ---- */

static void
cat_fill(Value out, char c, int64_t n)
{
    char buf[64];
    memset(buf, c, sizeof buf);
    while (n > 0) {
        int64_t k = n < (int64_t)sizeof buf ? n : (int64_t)sizeof buf;
        mg_str_cat(out, buf, (size_t)k);
        n -= k;
    }
}

/* Appends body (of clen characters) justified in width. */
static void
cat_justified(Value out, const char *p, int64_t len, int64_t clen, int flags, int64_t width)
{
    int64_t pad = (flags & F_WIDTH) && width > clen ? width - clen : 0;
    if (!(flags & F_MINUS)) cat_fill(out, ' ', pad);
    mg_str_cat(out, p, (size_t)len);
    if (flags & F_MINUS) cat_fill(out, ' ', pad);
}

/* ---- integers ---- */

/* %d and friends convert as Kernel#Integer does ("%d" % "0x1f" is 31) */
static Value
to_integer(Value v)
{
    return mg_integer_strict(v);
}

static const char digit_chars[] = "0123456789abcdef";

/* Digits of a non-negative fixnum magnitude in base. */
static int
u64_digits(uint64_t u, int base, char *buf)   /* buf >= 65 bytes; returns length, digits at buf[0..) */
{
    char tmp[70];
    int n = 0;
    do { tmp[n++] = digit_chars[u % (unsigned)base]; u /= (unsigned)base; } while (u);
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return n;
}

/* Two's complement digits of a negative integer (without the infinite leading
 * max digits except one): -255 in 16 -> "f01". Returns a new String. */
static Value
twos_complement_digits(Value v, int base)
{
    int bits = base == 16 ? 4 : base == 8 ? 3 : 1;
    char maxd = digit_chars[base - 1];
    Value out = mg_str_new("", 0);
    if (MG_IS_FIXNUM(v)) {
        int64_t x = MG_FIX2LONG(v);
        char tmp[80];
        int n = 0;
        while (x != -1) {
            tmp[n++] = digit_chars[x & (base - 1)];
            x >>= bits;     /* arithmetic shift keeps the sign */
        }
        tmp[n++] = maxd;
        for (int i = n - 1; i >= 0; i--) mg_str_cat(out, &tmp[i], 1);
    } else {
        Value mask = MG_FIX(base - 1), sh = MG_FIX(bits), minus1 = MG_FIX(-1);
        Value digits = mg_str_new("", 0);
        ID id_and = mg_intern_cstr("&"), id_shr = mg_intern_cstr(">>");
        while (!mg_equal(v, minus1)) {
            Value d = mg_funcall(v, id_and, 1, &mask);
            char c = digit_chars[MG_FIX2LONG(d)];
            mg_str_cat(digits, &c, 1);
            v = mg_funcall(v, id_shr, 1, &sh);
        }
        mg_str_cat(digits, &maxd, 1);
        const char *p = mg_str_ptr(digits);
        for (int64_t i = mg_str_len(digits) - 1; i >= 0; i--) mg_str_cat(out, p + i, 1);
    }
    /* collapse repeated leading max digits to one */
    const char *p = mg_str_ptr(out);
    int64_t len = mg_str_len(out), k = 0;
    while (k + 1 < len && p[k] == maxd && p[k + 1] == maxd) k++;
    return mg_str_subseq(out, k, len - k);
}

static void
fmt_integer(Value out, Value arg, char type, int flags, int64_t width, int64_t prec)
{
    Value v = to_integer(arg);
    int base = 10;
    bool upper = false;
    switch (type) {
    case 'x': base = 16; break;
    case 'X': base = 16; upper = true; break;
    case 'o': base = 8; break;
    case 'b': case 'B': base = 2; break;
    default: break;
    }
    bool neg = MG_IS_FIXNUM(v) ? MG_FIX2LONG(v) < 0 : mg_int_cmp(v, MG_FIX(0)) < 0;
    bool twos = neg && base != 10 && !(flags & (F_PLUS | F_SPACE));
    char sign = 0;
    if (!twos) {
        if (neg) sign = '-';
        else if (flags & F_PLUS) sign = '+';
        else if (flags & F_SPACE) sign = ' ';
    }
    /* digits */
    Value dstr;
    char small[72];
    const char *dp;
    int64_t dlen;
    if (twos) {
        dstr = twos_complement_digits(v, base);
        dp = mg_str_ptr(dstr);
        dlen = mg_str_len(dstr);
    } else if (MG_IS_FIXNUM(v)) {
        int64_t x = MG_FIX2LONG(v);
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        dlen = u64_digits(u, base, small);
        dp = small;
    } else {
        dstr = mg_int_to_s(v, base);
        dp = mg_str_ptr(dstr);
        dlen = mg_str_len(dstr);
        if (dp[0] == '-') { dp++; dlen--; }
    }
    /* prefix */
    const char *prefix = "";
    bool zero = dlen == 1 && dp[0] == '0';
    if (zero && (flags & F_PREC) && prec == 0) dlen = 0;   /* "%.0d" % 0 is "", as in C */
    if (flags & F_SHARP) {
        switch (type) {
        case 'x': prefix = zero ? "" : "0x"; break;
        case 'X': prefix = zero ? "" : "0X"; break;
        case 'b': prefix = zero ? "" : "0b"; break;
        case 'B': prefix = zero ? "" : "0B"; break;
        case 'o':   /* C's rule: the 0 is added only when the digits do not already start with one */
            prefix = twos || (dlen > 0 && (dp[0] == '0' || ((flags & F_PREC) && prec > dlen))) ? "" : "0";
            break;
        default: break;
        }
    }
    Value body = mg_str_new("", 0);
    if (sign) mg_str_cat(body, &sign, 1);
    mg_str_cat_cstr(body, prefix);
    if (twos) mg_str_cat(body, "..", 2);
    int64_t head = mg_str_len(body);
    /* precision: minimum number of digits */
    char fillc = twos ? digit_chars[base - 1] : '0';
    int64_t digits_total = dlen;
    if (flags & F_PREC) {
        int64_t want = twos ? prec - 2 : prec;
        if (want > dlen) { cat_fill(body, fillc, want - dlen); digits_total = want; }
    } else if ((flags & F_ZERO) && !(flags & F_MINUS) && (flags & F_WIDTH) && width > head + dlen) {
        cat_fill(body, fillc, width - head - dlen);
        digits_total = width - head;
    }
    (void)digits_total;
    mg_str_cat(body, dp, (size_t)dlen);
    if (upper) {
        char *p = (char *)mg_str_ptr(body);
        for (int64_t i = 0; i < mg_str_len(body); i++) if (p[i] >= 'a' && p[i] <= 'z') p[i] = (char)(p[i] - 32);
    }
    cat_justified(out, mg_str_ptr(body), mg_str_len(body), mg_str_len(body), flags, width);
}

/* ---- floats ---- */

static double
to_double(Value v)
{
    if (MG_IS_FLOAT(v)) return mg_float_value(v);
    if (MG_IS_FIXNUM(v)) return (double)MG_FIX2LONG(v);
    return mg_num_to_float_conv(v);        /* Kernel#Float's rules: strict strings, to_f */
}

/* CRuby rounds a value whose shortest decimal form ends exactly on the
 * rounding position with a 5 half-to-even on that decimal form ("%.2f" of 2.675
 * is 2.68, of 1.225 is 1.22), where the C library rounds the binary value. For
 * such values we hand the C library the neighbouring double on the chosen side. */
static double
tie_adjust(double d, char type, int prec)
{
    if (d == 0 || !isfinite(d)) return d;
    double a = fabs(d);
    char buf[48];
    snprintf(buf, sizeof buf, "%.17e", a);
    char dig[18];
    dig[0] = buf[0];
    memcpy(dig + 1, buf + 2, 17);
    int exp10 = atoi(strchr(buf, 'e') + 1);
    int n;
    switch (type) {
    case 'f': n = exp10 + 1 + prec; break;
    case 'e': case 'E': n = prec + 1; break;
    case 'g': case 'G': n = prec == 0 ? 1 : prec; break;
    default: return d;
    }
    if (n < 1 || n >= 16) return d;
    char c = dig[n];
    if (c != '4' && c != '5') return d;
    char fill = c == '4' ? '9' : '0';
    for (int i = n + 1; i < 15; i++) if (dig[i] != fill) return d;
    char sh[48];
    int len;
    for (len = 1; len <= 17; len++) {
        snprintf(sh, sizeof sh, "%.*e", len - 1, a);
        if (strtod(sh, NULL) == a) break;
    }
    if (len != n + 1 || atoi(strchr(sh, 'e') + 1) != exp10) return d;
    char last = len == 1 ? sh[0] : sh[len];      /* sh is d.ddd: digit i>0 is at sh[i+1] */
    if (last != '5') return d;
    char before = n == 1 ? sh[0] : sh[n];
    bool up = ((before - '0') & 1) != 0;
    double v = up ? nextafter(a, INFINITY) : nextafter(a, 0.0);
    return d < 0 ? -v : v;
}

/* Pads body (sign first, then the rest) to width: zeros after the sign and
 * skip leading characters (a "0x") with the 0 flag, else spaces. */
static void
cat_number(Value out, const char *body, int64_t len, int skip, int flags, int64_t width)
{
    int64_t pad = (flags & F_WIDTH) && width > len ? width - len : 0;
    if (pad && (flags & F_ZERO) && !(flags & F_MINUS)) {
        int head = (body[0] == '-' || body[0] == '+' || body[0] == ' ') + skip;
        mg_str_cat(out, body, (size_t)head);
        cat_fill(out, '0', pad);
        mg_str_cat(out, body + head, (size_t)(len - head));
        return;
    }
    cat_justified(out, body, len, len, flags, width);
}

static char
sign_char(bool neg, int flags)
{
    return neg ? '-' : (flags & F_PLUS) ? '+' : (flags & F_SPACE) ? ' ' : 0;
}

/* %f of an Integer or a Rational is exact, as in CRuby ("%f" % 10**25 has no
 * binary rounding; a Rational rounds half away from zero). '#' adds no point. */
static void
fmt_exact_fixed(Value out, Value arg, int flags, int64_t width, int64_t prec)
{
    if (prec > 100000) mg_raise(mg_eArgumentError, "precision too big");
    Value zero = MG_FIX(0);
    bool neg = mg_funcall(arg, mg_intern_cstr("<"), 1, &zero) == MG_TRUE;
    Value scale = mg_int_pow(MG_FIX(10), MG_FIX(prec));
    Value n = mg_funcall(mg_funcall(arg, mg_intern_cstr("abs"), 0, NULL), mg_intern_cstr("*"), 1, &scale);
    if (!MG_IS_INTEGER(n)) {
        Value kw = mg_hash_new();
        mg_hash_aset(kw, MG_SYM(mg_intern_cstr("half")), MG_SYM(mg_intern_cstr("up")));
        n = mg_funcall_kw(n, mg_intern_cstr("round"), 1, &kw, MG_NIL);
    }
    Value digits = mg_int_to_s(n, 10);
    Value body = mg_str_new("", 0);
    char sign = sign_char(neg, flags);
    if (sign) mg_str_cat(body, &sign, 1);
    int64_t dlen = mg_str_len(digits);
    if (dlen <= prec) cat_fill(body, '0', prec + 1 - dlen);
    mg_str_append(body, digits);
    if (prec > 0) {
        int64_t at = mg_str_len(body) - prec;
        Value frac = mg_str_subseq(body, at, prec);
        body = mg_str_subseq(body, 0, at);
        mg_str_cat(body, ".", 1);
        mg_str_append(body, frac);
    }
    cat_number(out, mg_str_ptr(body), mg_str_len(body), 0, flags, width);
}

/* %a / %A of a finite double. CRuby always prints a leading 1 (subnormals are
 * normalised, "%.0a" % 1.5 is 0x1p+1: a rounding carry moves into the exponent). */
static void
fmt_hex_float(Value out, double d, bool upper, int flags, int64_t width, int64_t prec)
{
    uint64_t m = 0;
    int e = 0;
    if (d != 0) {
        int ex;
        double f = frexp(fabs(d), &ex);          /* f in [0.5, 1), exact for subnormals too */
        m = (uint64_t)ldexp(f, 53);              /* 1 leading bit + 52 fraction bits */
        e = ex - 1;
    }
    int nd = 13;                                 /* hex digits after the point */
    if ((flags & F_PREC) && prec < 13) {
        int drop = (13 - (int)prec) * 4;
        uint64_t q = m >> drop, r = m & ((1ULL << drop) - 1), half = 1ULL << (drop - 1);
        if (r > half || (r == half && (q & 1))) q++;
        if (q >> (prec * 4) >= 2) { q >>= 1; e++; }
        m = q;
        nd = (int)prec;
    }
    char buf[64];
    int k = 0;
    char sign = sign_char(signbit(d) != 0, flags);
    if (sign) buf[k++] = sign;
    buf[k++] = '0';
    buf[k++] = upper ? 'X' : 'x';
    const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    buf[k++] = hex[m >> (nd * 4)];
    char frac[16];
    for (int i = 0; i < nd; i++) frac[i] = hex[(m >> ((nd - 1 - i) * 4)) & 15];
    if (!(flags & F_PREC)) while (nd > 0 && frac[nd - 1] == '0') nd--;
    int64_t extra = (flags & F_PREC) && prec > 13 ? prec - 13 : 0;
    if (nd > 0 || extra > 0 || (flags & F_SHARP)) buf[k++] = '.';
    memcpy(buf + k, frac, (size_t)nd);
    k += nd;
    Value body = mg_str_new(buf, (size_t)k);
    cat_fill(body, '0', extra);
    k = snprintf(buf, sizeof buf, "%c%+d", upper ? 'P' : 'p', e);
    mg_str_cat(body, buf, (size_t)k);
    cat_number(out, mg_str_ptr(body), mg_str_len(body), 2, flags, width);
}

static void
fmt_float(Value out, Value arg, char type, int flags, int64_t width, int64_t prec)
{
    if (type == 'f' && (MG_IS_INTEGER(arg) || (MG_IS_PTR(arg) && mg_class_of(arg) == mg_cRational))) {
        fmt_exact_fixed(out, arg, flags, width, (flags & F_PREC) ? prec : 6);
        return;
    }
    double d = to_double(arg);
    if (isnan(d) || isinf(d)) {
        char buf[8];
        int n = 0;
        if (isnan(d)) {
            if (flags & F_PLUS) buf[n++] = '+';
            else if (flags & F_SPACE) buf[n++] = ' ';
            memcpy(buf + n, "NaN", 3);
        } else {
            if (d < 0) buf[n++] = '-';
            else if (flags & F_PLUS) buf[n++] = '+';
            else if (flags & F_SPACE) buf[n++] = ' ';
            memcpy(buf + n, "Inf", 3);
        }
        n += 3;
        cat_justified(out, buf, n, n, flags, width);
        return;
    }
    if (width > 100000 || prec > 100000) mg_raise(mg_eArgumentError, "width too big");
    if (type == 'a' || type == 'A') {
        fmt_hex_float(out, d, type == 'A', flags, width, prec);
        return;
    }
    char spec[32];
    int k = 0;
    spec[k++] = '%';
    if (flags & F_MINUS) spec[k++] = '-';
    if (flags & F_PLUS) spec[k++] = '+';
    if (flags & F_SPACE) spec[k++] = ' ';
    if (flags & F_ZERO) spec[k++] = '0';
    if (flags & F_SHARP) spec[k++] = '#';
    spec[k++] = '*';
    spec[k++] = '.';
    spec[k++] = '*';
    spec[k++] = type;
    spec[k] = '\0';
    int w = (flags & F_WIDTH) ? (int)width : 0;
    int pr = (flags & F_PREC) ? (int)prec : (type == 'a' || type == 'A') ? -1 : 6;
    if (type != 'a' && type != 'A') d = tie_adjust(d, type, pr);
    char small[512];
    int n = snprintf(small, sizeof small, spec, w, pr, d);
    if (n < 0) return;
    if ((size_t)n < sizeof small) { mg_str_cat(out, small, (size_t)n); return; }
    char *big = mg_malloc((size_t)n + 1);
    snprintf(big, (size_t)n + 1, spec, w, pr, d);
    mg_str_cat(out, big, (size_t)n);
    mg_free(big, (size_t)n + 1);
}

/* ---- strings ---- */

static void
fmt_string(Value out, Value s, int flags, int64_t width, int64_t prec)
{
    const char *p = mg_str_ptr(s);
    int64_t len = mg_str_len(s);
    int64_t clen = mg_str_char_len(s);
    if ((flags & F_PREC) && prec < clen) {
        int64_t off = mg_str_char_to_offset(s, prec);
        len = off;
        clen = prec;
    }
    mg_str_enc_compat(out, s);
    if (mg_str_enc(s) != ENC_UTF8 && !mg_str_ascii_only(s) && mg_str_len(out) == 0) MG_OBJ(out)->extra = mg_str_enc(s);
    cat_justified(out, p, len, clen, flags, width);
}

static NORETURN void
bad_format(const char *start, const char *p, const char *e)
{
    if (p >= e) {
        if (p > start + 1 && p[-1] >= '0' && p[-1] <= '9')
            mg_raise(mg_eArgumentError, "malformed format string - %%*[0-9]");
        mg_raise(mg_eArgumentError, "incomplete format specifier; use %%%% (double %%) instead");
    }
    mg_raise(mg_eArgumentError, "malformed format string - %%%c", *p);
}

Value
mg_str_format(int argc, const Value *argv)
{
    if (argc < 1) mg_raise_argc(argc, 1, -1);
    Value fmt = mg_to_str(argv[0]);
    /* keep our own copy: to_s of an argument may change the format string */
    fmt = mg_str_dup(fmt);
    ArgState st = { argv + 1, argc - 1, 0, 0, MG_UNDEF };
    const char *p = mg_str_ptr(fmt), *e = p + mg_str_len(fmt);
    Value out = mg_str_buf_new((size_t)(e - p) + 16);
    MG_OBJ(out)->extra = mg_str_enc(fmt);
    while (p < e) {
        const char *pct = memchr(p, '%', (size_t)(e - p));
        if (!pct) { mg_str_cat(out, p, (size_t)(e - p)); break; }
        mg_str_cat(out, p, (size_t)(pct - p));
        const char *start = pct;
        p = pct + 1;
        int flags = 0;
        int64_t width = 0, prec = 0;
        Value arg = MG_UNDEF;
        for (;;) {
            if (p >= e) bad_format(start, p, e);
            char c = *p;
            if (c == ' ') { flags |= F_SPACE; p++; continue; }
            if (c == '#') { flags |= F_SHARP; p++; continue; }
            if (c == '+') { flags |= F_PLUS; p++; continue; }
            if (c == '-') { flags |= F_MINUS; p++; continue; }
            if (c == '0') { flags |= F_ZERO; p++; continue; }
            if (c >= '1' && c <= '9') {
                int64_t n = 0;
                while (p < e && *p >= '0' && *p <= '9') {
                    n = n * 10 + (*p - '0');
                    if (n > INT32_MAX) mg_raise(mg_eArgumentError, "width too big");
                    p++;
                }
                if (p < e && *p == '$') {
                    if (arg != MG_UNDEF) mg_raise(mg_eArgumentError, "value given twice - %lld$", (long long)n);
                    arg = nth_arg(&st, (int)n);
                    p++;
                    continue;
                }
                if (flags & F_WIDTH) mg_raise(mg_eArgumentError, "width given twice");
                width = n;
                flags |= F_WIDTH;
                continue;
            }
            if (c == '<' || c == '{') {
                char close = c == '<' ? '>' : '}';
                const char *q = memchr(p, close, (size_t)(e - p));
                if (!q) mg_raise(mg_eArgumentError, "malformed name - unmatched parenthesis");
                if (arg != MG_UNDEF) mg_raise(mg_eArgumentError, "named%.*s after <%s>", (int)(q - p + 1), p, "?");
                Value v = named_arg(&st, p + 1, (size_t)(q - p - 1), c, close);
                p = q + 1;
                if (c == '{') {
                    Value s = mg_to_s(v);
                    fmt_string(out, s, flags, width, prec);
                    goto next;
                }
                arg = v;
                continue;
            }
            if (c == '*') {
                p++;
                Value wv;
                /* *n$ takes the width from argument n */
                const char *q = p;
                int64_t n = 0;
                while (q < e && *q >= '0' && *q <= '9') { n = n * 10 + (*q - '0'); q++; }
                if (q < e && *q == '$' && q > p) { wv = nth_arg(&st, (int)n); p = q + 1; }
                else wv = next_arg(&st);
                int64_t w = mg_num2int(wv);   /* implicit conversion and int range, as CRuby's NUM2INT */
                if (w < 0) { flags |= F_MINUS; w = -w; }
                width = w;
                flags |= F_WIDTH;
                continue;
            }
            if (c == '.') {
                if (flags & F_PREC) mg_raise(mg_eArgumentError, "precision given twice");
                flags |= F_PREC;
                p++;
                if (p < e && *p == '*') {
                    p++;
                    const char *q = p;
                    int64_t n = 0;
                    Value pv;
                    while (q < e && *q >= '0' && *q <= '9') { n = n * 10 + (*q - '0'); q++; }
                    if (q < e && *q == '$' && q > p) { pv = nth_arg(&st, (int)n); p = q + 1; }
                    else pv = next_arg(&st);
                    prec = mg_num2int(pv);
                    if (prec < 0) flags &= ~F_PREC;
                    continue;
                }
                prec = 0;
                while (p < e && *p >= '0' && *p <= '9') {
                    prec = prec * 10 + (*p - '0');
                    if (prec > INT32_MAX) mg_raise(mg_eArgumentError, "precision too big");
                    p++;
                }
                continue;
            }
            break;
        }
        char type = *p++;
        switch (type) {
        case '%':
            if (flags != 0 || p - start > 2) mg_raise(mg_eArgumentError, "invalid format character - %%");
            mg_str_cat(out, "%", 1);
            break;
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'b': case 'B':
            if (arg == MG_UNDEF) arg = next_arg(&st);
            fmt_integer(out, arg, type, flags, width, prec);
            break;
        case 'f': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
            if (arg == MG_UNDEF) arg = next_arg(&st);
            fmt_float(out, arg, type, flags, width, prec);
            break;
        case 's': case 'p': {
            if (arg == MG_UNDEF) arg = next_arg(&st);
            Value s = type == 's' ? mg_to_s(arg) : mg_inspect(arg);
            fmt_string(out, s, flags, width, prec);
            break;
        }
        case 'c': {
            if (arg == MG_UNDEF) arg = next_arg(&st);
            Value s;
            Value str = mg_check_string(arg);
            if (!MG_IS_NIL(str)) {
                if (mg_str_char_len(str) != 1) mg_raise(mg_eArgumentError, "%%c requires a character");
                s = str;
            } else {
                int64_t cp = mg_num2long(arg);
                char buf[4];
                if (cp == -1 || cp == -2) {
                    /* Onigmo's UTF-8 takes 0xFFFFFFFF / 0xFFFFFFFE for the bytes FF / FE */
                    buf[0] = (char)(cp & 0xFF);
                    s = mg_str_new_enc(buf, 1, ENC_BINARY);
                } else if (cp < 0) {
                    mg_raise(mg_eArgumentError, "invalid character");
                } else if (mg_str_enc(out) == ENC_UTF8 && cp < 0x110000) {
                    s = mg_str_new(buf, (size_t)mg_utf8_encode((uint32_t)cp, buf));
                } else {
                    if (cp > 0xFF) mg_raise(mg_eArgumentError, "invalid character");
                    buf[0] = (char)cp;
                    s = mg_str_new_enc(buf, 1, ENC_BINARY);
                }
            }
            flags &= ~F_PREC;
            fmt_string(out, s, flags, width, 0);
            break;
        }
        case '\n': case '\0':
            p--;
            mg_str_cat(out, "%", 1);
            break;
        default:
            p--;
            bad_format(start, p, e);
        }
    next:;
    }
    return out;
}

static Value
kernel_format(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_format(argc, argv);
}

void
mg_init_sprintf(void)
{
    mg_define_module_function(mg_mKernel, "format", kernel_format, 1, -1);
    mg_define_module_function(mg_mKernel, "sprintf", kernel_format, 1, -1);
}
