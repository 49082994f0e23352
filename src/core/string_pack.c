/* string_pack.c -- Array#pack (mg_pack) and String#unpack / unpack1: integers
 * (C c S s L l Q q J j N n V v with _ ! < > modifiers), strings (a A Z), bits and
 * nibbles (B b H h), UTF-8 (U), BER (w), base64 (m), floats (D d F f E e G g)
 * and positioning (x X @). */
#include "string_int.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

#define COUNT_STAR (-1)
#define COUNT_NONE (-2)

typedef struct {
    const char *p, *e;
} Tmpl;

/* Reads the next directive: returns the type char (0 at end), size/endianness
 * modifiers and the count. */
static int
next_directive(Tmpl *t, bool *native, int *endian, int64_t *count)
{
    for (;;) {
        while (t->p < t->e && (*t->p == ' ' || (*t->p >= '\t' && *t->p <= '\r'))) t->p++;
        if (t->p >= t->e) return 0;
        if (*t->p == '#') {           /* comment to end of line */
            while (t->p < t->e && *t->p != '\n') t->p++;
            continue;
        }
        break;
    }
    int type = (unsigned char)*t->p++;
    *native = false;
    *endian = 0;
    while (t->p < t->e && (*t->p == '_' || *t->p == '!' || *t->p == '<' || *t->p == '>')) {
        if (*t->p == '_' || *t->p == '!') {
            if (!strchr("sSiIlLqQjJ", type))
                mg_raise(mg_eArgumentError, "'%c' allowed only after types sSiIlLqQjJ", *t->p);
            *native = true;
        } else {
            *endian = *t->p;
        }
        t->p++;
    }
    if (t->p < t->e && *t->p == '*') { *count = COUNT_STAR; t->p++; }
    else if (t->p < t->e && *t->p >= '0' && *t->p <= '9') {
        int64_t n = 0;
        while (t->p < t->e && *t->p >= '0' && *t->p <= '9') {
            n = n * 10 + (*t->p - '0');
            if (n > ((int64_t)1 << 40)) mg_raise(mg_eRangeError, "pack length too big");
            t->p++;
        }
        *count = n;
    } else {
        *count = COUNT_NONE;
    }
    return type;
}

/* Integer directive: size in bytes (0 if not one), signedness and byte order. */
static int
int_size(int type, bool native, int endian, bool *is_signed, bool *big)
{
    int size = 0;
    *is_signed = type >= 'a' && type <= 'z';
    *big = endian == '>';
    switch (type) {
    case 'C': case 'c': size = 1; break;
    case 'S': case 's': size = 2; break;
    case 'I': case 'i': size = 4; break;
    case 'L': case 'l': size = native ? 8 : 4; break;
    case 'Q': case 'q': case 'J': case 'j': size = 8; break;
    case 'n': size = 2; *big = true; *is_signed = false; break;
    case 'N': size = 4; *big = true; *is_signed = false; break;
    case 'v': size = 2; *big = false; *is_signed = false; break;
    case 'V': size = 4; *big = false; *is_signed = false; break;
    default: return 0;
    }
    return size;
}

/* The low 64 bits of an Integer argument (two's complement for negatives and bignums). */
static uint64_t
int_bits(Value v)
{
    if (MG_IS_FIXNUM(v)) return (uint64_t)MG_FIX2LONG(v);
    if (MG_IS_FLOAT(v)) v = mg_dbl_to_int(mg_float_value(v));
    else if (!MG_IS_BIGNUM(v)) v = mg_to_int(v);
    if (MG_IS_FIXNUM(v)) return (uint64_t)MG_FIX2LONG(v);
    Value mask = mg_uint_new(UINT64_MAX);
    Value low = mg_funcall(v, mg_intern_cstr("&"), 1, &mask);
    if (MG_IS_FIXNUM(low)) return (uint64_t)MG_FIX2LONG(low);
    /* >= 2**62: split in two halves */
    Value sh = MG_FIX(32);
    Value hi = mg_funcall(low, mg_intern_cstr(">>"), 1, &sh);
    Value m32 = MG_FIX(0xFFFFFFFFLL);
    Value lo = mg_funcall(low, mg_intern_cstr("&"), 1, &m32);
    return ((uint64_t)MG_FIX2LONG(hi) << 32) | (uint64_t)MG_FIX2LONG(lo);
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
encode_base64(Value out, const unsigned char *p, int64_t len, int64_t line)
{
    int64_t col = 0;
    char q[4];
    for (int64_t i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16;
        if (i + 1 < len) v |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < len) v |= p[i + 2];
        q[0] = b64[(v >> 18) & 63];
        q[1] = b64[(v >> 12) & 63];
        q[2] = i + 1 < len ? b64[(v >> 6) & 63] : '=';
        q[3] = i + 2 < len ? b64[v & 63] : '=';
        mg_str_cat(out, q, 4);
        col += 3;
        if (line > 0 && col >= line) { mg_str_cat(out, "\n", 1); col = 0; }
    }
    if (line > 0 && col > 0) mg_str_cat(out, "\n", 1);
}

/* ---- 'M' (quoted-printable) and 'u' (uuencode), as CRuby's pack.c lays them out ---- */

static const char qp_hex[] = "0123456789ABCDEF";

/* Soft line breaks ("=\n") once a line passes limit characters; = and
 * non-printing bytes as =XX; a space or tab before a newline is protected. */
static void
encode_qp(Value out, const unsigned char *p, int64_t len, int64_t limit)
{
    int64_t n = 0;
    int prev = -1;
    for (int64_t i = 0; i < len; i++) {
        unsigned char c = p[i];
        if (c > 126 || (c < 32 && c != '\n' && c != '\t') || c == '=') {
            char q[3] = { '=', qp_hex[c >> 4], qp_hex[c & 15] };
            mg_str_cat(out, q, 3);
            n += 3;
            prev = -1;
        } else if (c == '\n') {
            if (prev == ' ' || prev == '\t') mg_str_cat(out, "=\n", 2);
            mg_str_cat(out, "\n", 1);
            n = 0;
            prev = c;
        } else {
            mg_str_cat(out, (const char *)&c, 1);
            n++;
            prev = c;
        }
        if (n > limit) {
            mg_str_cat(out, "=\n", 2);
            n = 0;
            prev = '\n';
        }
    }
    if (n > 0) mg_str_cat(out, "=\n", 2);
}

static char
uu_char(unsigned v)
{
    return v ? (char)(' ' + v) : '`';
}

/* Lines of at most line bytes: a length character, 4 characters per 3 bytes
 * (` for a zero sextet and for padding), a newline. */
static void
encode_uu(Value out, const unsigned char *p, int64_t len, int64_t line)
{
    for (int64_t at = 0; at < len; at += line) {
        int64_t todo = len - at < line ? len - at : line;
        char c = (char)(' ' + todo);
        mg_str_cat(out, &c, 1);
        const unsigned char *s = p + at;
        for (int64_t k = 0; k < todo; k += 3, s += 3) {
            unsigned b0 = s[0], b1 = k + 1 < todo ? s[1] : 0, b2 = k + 2 < todo ? s[2] : 0;
            char q[4] = { uu_char(b0 >> 2), uu_char(((b0 << 4) & 060) | (b1 >> 4)),
                          k + 1 < todo ? uu_char(((b1 << 2) & 074) | (b2 >> 6)) : '`',
                          k + 2 < todo ? uu_char(b2 & 077) : '`' };
            mg_str_cat(out, q, 4);
        }
        mg_str_cat(out, "\n", 1);
    }
}


/* Decodes quoted-printable from p[*pos..len); stops at a malformed escape and
 * keeps the rest as it is, as CRuby does. */
static Value
decode_qp(const unsigned char *p, int64_t *pos, int64_t len)
{
    Value o = mg_str_new_enc("", 0, ENC_BINARY);
    int64_t s = *pos, ss = s;
    while (s < len) {
        if (p[s] == '=') {
            if (++s == len) break;
            if (s + 1 < len && p[s] == '\r' && p[s + 1] == '\n') s++;
            if (p[s] != '\n') {
                int c1 = mg_hexval(p[s]), c2;
                if (c1 < 0 || ++s == len || (c2 = mg_hexval(p[s])) < 0) break;
                char ch = (char)(c1 << 4 | c2);
                mg_str_cat(o, &ch, 1);
            }
        } else {
            mg_str_cat(o, (const char *)p + s, 1);
        }
        s++;
        ss = s;
    }
    mg_str_cat(o, (const char *)p + ss, (size_t)(len - ss));
    *pos = len;
    return o;
}

static unsigned
uu_value(const unsigned char *p, int64_t *s, int64_t len)
{
    if (*s < len && p[*s] >= ' ' && p[*s] < 'a') return (unsigned)(p[(*s)++] - ' ') & 077;
    return 0;
}

static Value
decode_uu(const unsigned char *p, int64_t *pos, int64_t len)
{
    Value o = mg_str_new_enc("", 0, ENC_BINARY);
    int64_t s = *pos, cap = (len - s) * 3 / 4, total = 0;
    while (s < len && p[s] > ' ' && p[s] < 'a') {
        int64_t n = (p[s++] - ' ') & 077;
        total += n;
        if (total > cap) { n -= total - cap; total = cap; }
        for (; n > 0; n -= 3) {
            unsigned a = uu_value(p, &s, len), b = uu_value(p, &s, len);
            unsigned c = uu_value(p, &s, len), d = uu_value(p, &s, len);
            char hunk[3] = { (char)(a << 2 | b >> 4), (char)(b << 4 | c >> 2), (char)(c << 6 | d) };
            mg_str_cat(o, hunk, (size_t)(n > 3 ? 3 : n));
        }
        if (s < len && p[s] != '\r' && p[s] != '\n') s++;     /* a checksum character */
        if (s < len && p[s] == '\r') s++;
        if (s < len && p[s] == '\n') s++;
    }
    *pos = s;
    return o;
}

Value
mg_pack(Value ary, Value fmt, Value buffer)
{
    fmt = mg_to_str(fmt);
    Value fcopy = mg_str_dup(fmt);
    Tmpl t = { mg_str_ptr(fcopy), mg_str_ptr(fcopy) + mg_str_len(fcopy) };
    Value out = buffer;
    if (MG_IS_NIL(out)) out = mg_str_new_enc("", 0, ENC_BINARY);
    else mg_str_modify(out);
    int64_t idx = 0;
    bool first = true, utf8 = false;
    int type;
    bool native;
    int endian;
    int64_t count;
#define NEXT_ARG() (idx < mg_ary_len(ary) ? mg_ary_entry(ary, idx++) : (mg_raise(mg_eArgumentError, "too few arguments"), MG_NIL))
    while ((type = next_directive(&t, &native, &endian, &count)) != 0) {
        if (first && type == 'U') utf8 = true;
        first = false;
        bool is_signed, big;
        int size = int_size(type, native, endian, &is_signed, &big);
        if (size) {
            int64_t n = count == COUNT_STAR ? mg_ary_len(ary) - idx : count == COUNT_NONE ? 1 : count;
            for (int64_t k = 0; k < n; k++) {
                Value v = NEXT_ARG();
                if (MG_IS_NIL(v)) mg_raise(mg_eTypeError, "no implicit conversion of nil into Integer");
                if (MG_IS_STRING(v)) mg_raise_type(v, "Integer");
                uint64_t u = int_bits(v);
                unsigned char buf[8];
                for (int b = 0; b < size; b++) {
                    unsigned char byte = (unsigned char)(u >> (8 * b));
                    buf[big ? size - 1 - b : b] = byte;
                }
                mg_str_cat(out, (const char *)buf, (size_t)size);
            }
            continue;
        }
        switch (type) {
        case 'a': case 'A': case 'Z': {
            Value arg = NEXT_ARG();
            Value s = arg == MG_NIL ? MG_NIL : mg_to_str(arg);   /* nil packs as "" */
            const char *sp = s == MG_NIL ? "" : mg_str_ptr(s);
            int64_t slen = s == MG_NIL ? 0 : mg_str_len(s);
            if (count == COUNT_STAR) {
                mg_str_cat(out, sp, (size_t)slen);
                if (type == 'Z') mg_str_cat(out, "", 1);
            } else {
                int64_t n = count == COUNT_NONE ? 1 : count;
                int64_t take = slen < n ? slen : n;
                mg_str_cat(out, sp, (size_t)take);
                char pad = type == 'A' ? ' ' : '\0';
                for (int64_t k = take; k < n; k++) mg_str_cat(out, &pad, 1);
            }
            break;
        }
        case 'U': {
            int64_t n = count == COUNT_STAR ? mg_ary_len(ary) - idx : count == COUNT_NONE ? 1 : count;
            for (int64_t k = 0; k < n; k++) {
                int64_t cp = mg_num2long(mg_to_int(NEXT_ARG()));
                if (cp < 0 || cp > 0x7fffffff) mg_raise(mg_eRangeError, "pack(U): value out of range");
                char buf[6];
                if (cp < 0x110000) {
                    mg_str_cat(out, buf, (size_t)mg_utf8_encode((uint32_t)cp, buf));
                    continue;
                }
                /* past Unicode, CRuby writes the original UTF-8's longer forms (up to 31 bits, 6 bytes) */
                int nb = cp < 0x200000 ? 4 : cp < 0x4000000 ? 5 : 6;
                for (int b = nb - 1; b > 0; b--) { buf[b] = (char)(0x80 | (cp & 0x3f)); cp >>= 6; }
                buf[0] = (char)((0xff00 >> nb) | cp);
                mg_str_cat(out, buf, (size_t)nb);
            }
            break;
        }
        case 'w': {
            int64_t n = count == COUNT_STAR ? mg_ary_len(ary) - idx : count == COUNT_NONE ? 1 : count;
            for (int64_t k = 0; k < n; k++) {
                Value v = mg_to_int(NEXT_ARG());
                if (!MG_IS_FIXNUM(v)) {
                    /* bignum: 7 bits at a time via Integer methods */
                    if (mg_int_cmp(v, MG_FIX(0)) < 0) mg_raise(mg_eArgumentError, "can't compress negative numbers");
                    char tmp[512];
                    int m = 0;
                    Value sh = MG_FIX(7), mask = MG_FIX(0x7F);
                    while (!(MG_IS_FIXNUM(v) && MG_FIX2LONG(v) == 0) && m < (int)sizeof tmp) {
                        Value d = mg_funcall(v, mg_intern_cstr("&"), 1, &mask);
                        tmp[m] = (char)(MG_FIX2LONG(d) | (m ? 0x80 : 0));
                        m++;
                        v = mg_funcall(v, mg_intern_cstr(">>"), 1, &sh);
                    }
                    for (int i = m - 1; i >= 0; i--) mg_str_cat(out, &tmp[i], 1);
                    continue;
                }
                int64_t x = MG_FIX2LONG(v);
                if (x < 0) mg_raise(mg_eArgumentError, "can't compress negative numbers");
                char tmp[10];
                int m = 0;
                do { tmp[m] = (char)((x & 0x7F) | (m ? 0x80 : 0)); m++; x >>= 7; } while (x);
                for (int i = m - 1; i >= 0; i--) mg_str_cat(out, &tmp[i], 1);
            }
            break;
        }
        case 'H': case 'h': case 'B': case 'b': {
            Value arg = NEXT_ARG();
            Value s = arg == MG_NIL ? MG_NIL : mg_to_str(arg);   /* nil packs as "" */
            const char *sp = s == MG_NIL ? "" : mg_str_ptr(s);
            int64_t slen = s == MG_NIL ? 0 : mg_str_len(s);
            int64_t n = count == COUNT_STAR ? slen : count == COUNT_NONE ? 1 : count;
            bool hex = type == 'H' || type == 'h';
            /* a count past the string's end adds NUL bytes: CRuby's count, which
             * halves the missing digits for bits as it does for nibbles */
            int64_t pad = 0;
            if (n > slen) {
                pad = hex ? (n + 1) / 2 - (slen + 1) / 2 : (n - slen + 1) / 2;
                n = slen;
            }
            int per = hex ? 2 : 8;
            unsigned acc = 0;
            int filled = 0;
            for (int64_t k = 0; k < n; k++) {
                unsigned char c = k < slen ? (unsigned char)sp[k] : 0;
                unsigned v;
                if (hex) {
                    if (c >= '0' && c <= '9') v = c - '0';
                    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') v = ((c | 0x20) - 'a' + 10) & 15;
                    else v = c & 15;
                    if (type == 'H') acc |= v << (4 * (1 - filled));
                    else acc |= v << (4 * filled);
                } else {
                    v = c & 1;
                    if (type == 'B') acc |= v << (7 - filled);
                    else acc |= v << filled;
                }
                if (++filled == per) {
                    char byte = (char)acc;
                    mg_str_cat(out, &byte, 1);
                    acc = 0;
                    filled = 0;
                }
            }
            if (filled) { char byte = (char)acc; mg_str_cat(out, &byte, 1); }
            for (int64_t k = 0; k < pad; k++) mg_str_cat(out, "", 1);
            break;
        }
        case 'M': {
            Value s = mg_to_s(NEXT_ARG());
            encode_qp(out, (const unsigned char *)mg_str_ptr(s), mg_str_len(s),
                      count == COUNT_NONE || count == COUNT_STAR || count <= 1 ? 72 : count);
            break;
        }
        case 'u': {
            Value s = mg_to_str(NEXT_ARG());
            int64_t line = count == COUNT_NONE || count == COUNT_STAR || count <= 2 ? 45 : count > 63 ? 63 : count / 3 * 3;
            encode_uu(out, (const unsigned char *)mg_str_ptr(s), mg_str_len(s), line);
            break;
        }
        case 'm': {
            Value s = mg_to_str(NEXT_ARG());
            int64_t line = count == COUNT_NONE || count == COUNT_STAR ? 45 : count == 0 ? 0 : count / 3 * 3;
            if (count > 0 && line == 0) line = 45;
            encode_base64(out, (const unsigned char *)mg_str_ptr(s), mg_str_len(s), line);
            break;
        }
        case 'D': case 'd': case 'F': case 'f': case 'E': case 'e': case 'G': case 'g': {
            int64_t n = count == COUNT_STAR ? mg_ary_len(ary) - idx : count == COUNT_NONE ? 1 : count;
            for (int64_t k = 0; k < n; k++) {
                double d = mg_num2dbl(NEXT_ARG());     /* "can't convert String into Float", as CRuby */
                bool single = type == 'F' || type == 'f' || type == 'e' || type == 'g';
                bool be = type == 'g' || type == 'G';
                unsigned char buf[8];
                uint64_t bits;
                int sz;
                if (single) { float f = (float)d; uint32_t b32; memcpy(&b32, &f, 4); bits = b32; sz = 4; }
                else { memcpy(&bits, &d, 8); sz = 8; }
                for (int b = 0; b < sz; b++) buf[be ? sz - 1 - b : b] = (unsigned char)(bits >> (8 * b));
                mg_str_cat(out, (const char *)buf, (size_t)sz);
            }
            break;
        }
        case 'x': {
            int64_t n = count == COUNT_STAR ? 0 : count == COUNT_NONE ? 1 : count;
            for (int64_t k = 0; k < n; k++) mg_str_cat(out, "", 1);
            break;
        }
        case 'X': {
            int64_t n = count == COUNT_STAR ? 0 : count == COUNT_NONE ? 1 : count;
            if (n > mg_str_len(out)) mg_raise(mg_eArgumentError, "X outside of string");
            mg_str_set_len(out, mg_str_len(out) - n);
            break;
        }
        case '@': {
            int64_t n = count == COUNT_STAR ? mg_str_len(out) : count == COUNT_NONE ? 1 : count;
            if (n > mg_str_len(out)) { while (mg_str_len(out) < n) mg_str_cat(out, "", 1); }
            else mg_str_set_len(out, n);
            break;
        }
        case '%':
            mg_raise(mg_eArgumentError, "%% is not supported");
        default:
            break;     /* unknown directives are ignored (CRuby 3.1 only warns) */
        }
    }
#undef NEXT_ARG
    if (utf8) MG_OBJ(out)->extra = ENC_UTF8;
    return out;
}

static int
b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

static void
put_sextets(Value o, int a, int b, int c, int d)
{
    char q[3] = { (char)(a << 2 | b >> 4), (char)(b << 4 | c >> 2), (char)(c << 6 | d) };
    mg_str_cat(o, q, c < 0 ? 1 : d < 0 ? 2 : 3);
}

/* 'm': skips what is not base64; a '=' where the third or fourth character
 * of a group would be ends the data (CRuby's reading: one before the first
 * or second is skipped like any other) */
static Value
decode_base64(const unsigned char *p, int64_t len)
{
    Value o = mg_str_new_enc("", 0, ENC_BINARY);
    int64_t i = 0;
    int v[4];
    for (;;) {
        int k = 0;
        for (; k < 4; k++) {
            while (i < len && (v[k] = b64_value(p[i])) < 0 && !(k >= 2 && p[i] == '=')) i++;
            if (i >= len || p[i] == '=') break;
            i++;
        }
        if (k == 4) { put_sextets(o, v[0], v[1], v[2], v[3]); continue; }
        if (k >= 2) put_sextets(o, v[0], v[1], k == 3 ? v[2] : -1, -1);
        return o;
    }
}

/* 'm0' (RFC 4648): groups of four base64 characters, '=' padding only at
 * the end, no other character and no bits left over; else ArgumentError */
static Value
decode_base64_strict(const unsigned char *p, int64_t len)
{
    Value o = mg_str_new_enc("", 0, ENC_BINARY);
    if (len % 4) goto bad;
    for (int64_t i = 0; i < len; i += 4) {
        int a = b64_value(p[i]), b = b64_value(p[i + 1]), c = b64_value(p[i + 2]), d = b64_value(p[i + 3]);
        bool last = i + 4 == len;
        if (a < 0 || b < 0) goto bad;
        if (c < 0) {
            if (!last || p[i + 2] != '=' || p[i + 3] != '=' || (b & 0xf)) goto bad;
        } else if (d < 0) {
            if (!last || p[i + 3] != '=' || (c & 0x3)) goto bad;
        }
        put_sextets(o, a, b, c, c < 0 ? -1 : d);
    }
    return o;
bad:
    mg_raise(mg_eArgumentError, "invalid base64");
}

/* One 'U' character of p[0..avail) (avail > 0), as CRuby's pack reads it:
 * the original UTF-8 forms of up to 6 bytes (31 bits; surrogates too), but no
 * overlong form. */
static int64_t
utf8_char(const unsigned char *p, int64_t avail, int *len)
{
    unsigned c = p[0];
    int n;
    int64_t cp;
    if (c < 0x80) { *len = 1; return c; }
    if (!(c & 0x40)) goto malformed;
    if (!(c & 0x20)) { n = 2; cp = c & 0x1f; }
    else if (!(c & 0x10)) { n = 3; cp = c & 0x0f; }
    else if (!(c & 0x08)) { n = 4; cp = c & 0x07; }
    else if (!(c & 0x04)) { n = 5; cp = c & 0x03; }
    else if (!(c & 0x02)) { n = 6; cp = c & 0x01; }
    else goto malformed;
    if (n > avail)
        mg_raise(mg_eArgumentError, "malformed UTF-8 character (expected %d bytes, given %lld bytes)", n, (long long)avail);
    for (int k = 1; k < n; k++) {
        if ((p[k] & 0xc0) != 0x80) goto malformed;
        cp = cp << 6 | (p[k] & 0x3f);
    }
    static const int64_t least[7] = { 0, 0, 0x80, 0x800, 0x10000, 0x200000, 0x4000000 };
    if (cp < least[n]) mg_raise(mg_eArgumentError, "redundant UTF-8 sequence");
    *len = n;
    return cp;
malformed:
    mg_raise(mg_eArgumentError, "malformed UTF-8 character");
}

/* Unpacks; one_only stops after the first value (unpack1). */
static Value
unpack_impl(Value str, Value fmt, int64_t offset, bool one_only)
{
    fmt = mg_to_str(fmt);
    Value fcopy = mg_str_dup(fmt);
    Tmpl t = { mg_str_ptr(fcopy), mg_str_ptr(fcopy) + mg_str_len(fcopy) };
    Value s = mg_str_dup(str);
    const unsigned char *base = (const unsigned char *)mg_str_ptr(s);
    int64_t len = mg_str_len(s);
    if (offset < 0 || offset > len) mg_raise(mg_eArgumentError, "offset outside of string");
    int64_t pos = offset;
    Value result = mg_ary_new();
    int type;
    bool native;
    int endian;
    int64_t count;
#define PUSH(v) do { mg_ary_push(result, (v)); if (one_only) return result; } while (0)
    while ((type = next_directive(&t, &native, &endian, &count)) != 0) {
        bool is_signed, big;
        int size = int_size(type, native, endian, &is_signed, &big);
        if (size) {
            int64_t n = count == COUNT_STAR ? (len - pos) / size : count == COUNT_NONE ? 1 : count;
            for (int64_t k = 0; k < n; k++) {
                if (pos + size > len) {
                    if (count != COUNT_STAR && !one_only) PUSH(MG_NIL);    /* unpack1 skips the missing ones, as CRuby */
                    continue;
                }
                uint64_t u = 0;
                for (int b = 0; b < size; b++) {
                    unsigned char byte = base[pos + (big ? size - 1 - b : b)];
                    u |= (uint64_t)byte << (8 * b);
                }
                pos += size;
                if (is_signed) {
                    int64_t x = size == 8 ? (int64_t)u : (int64_t)(u << (64 - 8 * size)) >> (64 - 8 * size);
                    PUSH(mg_int_new(x));
                } else {
                    PUSH(mg_uint_new(u));
                }
            }
            continue;
        }
        switch (type) {
        case 'a': case 'A': case 'Z': {
            int64_t n = count == COUNT_STAR ? len - pos : count == COUNT_NONE ? 1 : count;
            if (n > len - pos) n = len - pos;
            int64_t take = n;
            if (type == 'Z') {
                const unsigned char *z = memchr(base + pos, 0, (size_t)n);
                if (z) {
                    take = z - (base + pos);
                    if (count == COUNT_STAR) n = take + 1;
                }
            } else if (type == 'A') {
                while (take > 0 && (base[pos + take - 1] == ' ' || base[pos + take - 1] == '\0')) take--;
            }
            PUSH(mg_str_new_enc((const char *)base + pos, (size_t)take, ENC_BINARY));
            pos += n;
            break;
        }
        case 'U': {
            int64_t n = count == COUNT_STAR ? INT64_MAX : count == COUNT_NONE ? 1 : count;
            for (int64_t k = 0; k < n && pos < len; k++) {
                int m;
                int64_t cp = utf8_char(base + pos, len - pos, &m);
                pos += m;
                PUSH(MG_FIX(cp));
            }
            break;
        }
        case 'w': {
            int64_t n = count == COUNT_STAR ? INT64_MAX : count == COUNT_NONE ? 1 : count;
            for (int64_t k = 0; k < n && pos < len; k++) {
                /* a number cut short at the end (its last byte has the high bit) is dropped */
                int64_t e = pos;
                while (e < len && (base[e] & 0x80)) e++;
                if (e == len) break;
                uint64_t x = 0;
                Value bigv = MG_NIL;
                while (pos < len) {
                    unsigned char c = base[pos++];
                    if (MG_IS_NIL(bigv) && x > (UINT64_MAX >> 8)) bigv = mg_uint_new(x);
                    if (!MG_IS_NIL(bigv)) {
                        Value sh = MG_FIX(7);
                        bigv = mg_funcall(bigv, mg_intern_cstr("<<"), 1, &sh);
                        Value lo = MG_FIX(c & 0x7F);
                        bigv = mg_funcall(bigv, mg_intern_cstr("|"), 1, &lo);
                    } else {
                        x = (x << 7) | (c & 0x7F);
                    }
                    if (!(c & 0x80)) break;
                }
                PUSH(MG_IS_NIL(bigv) ? mg_uint_new(x) : bigv);
            }
            break;
        }
        case 'H': case 'h': case 'B': case 'b': {
            bool hex = type == 'H' || type == 'h';
            int per = hex ? 2 : 8;
            int64_t avail = (len - pos) * per;
            int64_t n = count == COUNT_STAR ? avail : count == COUNT_NONE ? 1 : count;
            if (n > avail) n = avail;
            Value o = mg_str_buf_new((size_t)n);
            for (int64_t k = 0; k < n; k++) {
                unsigned char byte = base[pos + k / per];
                int i = (int)(k % per);
                char c;
                if (hex) {
                    unsigned v = type == 'H' ? (i == 0 ? byte >> 4 : byte & 15) : (i == 0 ? byte & 15 : byte >> 4);
                    c = "0123456789abcdef"[v];
                } else {
                    unsigned v = type == 'B' ? (byte >> (7 - i)) & 1 : (byte >> i) & 1;
                    c = (char)('0' + v);
                }
                mg_str_cat(o, &c, 1);
            }
            MG_OBJ(o)->extra = ENC_US_ASCII;
            pos += (n + per - 1) / per;
            PUSH(o);
            break;
        }
        case 'M':
            PUSH(decode_qp(base, &pos, len));
            break;
        case 'u':
            PUSH(decode_uu(base, &pos, len));
            break;
        case 'm':
            PUSH(count == 0 ? decode_base64_strict(base + pos, len - pos) : decode_base64(base + pos, len - pos));
            pos = len;
            break;
        case 'D': case 'd': case 'F': case 'f': case 'E': case 'e': case 'G': case 'g': {
            bool single = type == 'F' || type == 'f' || type == 'e' || type == 'g';
            bool be = type == 'g' || type == 'G';
            int sz = single ? 4 : 8;
            int64_t n = count == COUNT_STAR ? (len - pos) / sz : count == COUNT_NONE ? 1 : count;
            for (int64_t k = 0; k < n; k++) {
                if (pos + sz > len) { if (count != COUNT_STAR && !one_only) PUSH(MG_NIL);    /* unpack1 skips the missing ones, as CRuby */ continue; }
                uint64_t bits = 0;
                for (int b = 0; b < sz; b++) bits |= (uint64_t)base[pos + (be ? sz - 1 - b : b)] << (8 * b);
                pos += sz;
                double d;
                if (single) { uint32_t b32 = (uint32_t)bits; float f; memcpy(&f, &b32, 4); d = f; }
                else memcpy(&d, &bits, 8);
                PUSH(mg_float_new(d));
            }
            break;
        }
        case 'x': {
            int64_t n = count == COUNT_STAR ? len - pos : count == COUNT_NONE ? 1 : count;
            if (n > len - pos) mg_raise(mg_eArgumentError, "x outside of string");
            pos += n;
            break;
        }
        case 'X': {
            int64_t n = count == COUNT_STAR ? 0 : count == COUNT_NONE ? 1 : count;
            if (n > pos) mg_raise(mg_eArgumentError, "X outside of string");
            pos -= n;
            break;
        }
        case '@': {
            /* as CRuby: a byte position from the string's start (offset: aside);
             * a bare @ is @0 (pack's is @1) and @* counts the bytes left */
            int64_t n = count == COUNT_STAR ? len - pos : count == COUNT_NONE ? 0 : count;
            if ((count == COUNT_NONE ? 1 : n) > len) mg_raise(mg_eArgumentError, "@ outside of string");   /* a bare @ wants a byte */
            pos = n;
            break;
        }
        default:
            break;
        }
    }
#undef PUSH
    return result;
}

static int64_t
offset_kw(int *argc, const Value *argv)
{
    Value kw = mg_take_kwargs(argc, argv);
    Value off = mg_kwarg(kw, "offset");
    if (*argc != 1) mg_raise_argc(*argc, 1, 1);
    return off == MG_UNDEF ? 0 : mg_num2long(off);
}

static Value
str_unpack(Value self, int argc, const Value *argv, Value blk)
{
    int64_t off = offset_kw(&argc, argv);
    Value r = unpack_impl(self, argv[0], off, false);
    if (mg_block_given(blk)) {
        for (int64_t i = 0; i < mg_ary_len(r); i++) mg_yield1(blk, mg_ary_entry(r, i));
        return MG_NIL;
    }
    return r;
}

static Value
str_unpack1(Value self, int argc, const Value *argv, Value blk)
{
    int64_t off = offset_kw(&argc, argv);
    Value r = unpack_impl(self, argv[0], off, true);
    return mg_ary_len(r) ? mg_ary_entry(r, 0) : MG_NIL;
}

static const MgMethodDef string_pack_methods[] = {
    {"unpack", str_unpack, 0, -1},      /* they check 1 without the keywords */
    {"unpack1", str_unpack1, 0, -1},
    {NULL, NULL, 0, 0}
};

void
mg_init_string_pack(void)
{
    mg_define_methods(mg_cString, string_pack_methods);
}
