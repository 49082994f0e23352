/* string.c -- String: the C API of core.h's String group, creation, concatenation,
 * comparison, hashing, inspect, indexing and slicing, and the everyday methods.
 * Case mapping, tr family and succ are in string_ops.c, pack/unpack in
 * string_pack.c, the regexp-based methods in re.c. Invariants: string_int.h. */
#include "string_int.h"
#include <stdarg.h>
#include <ctype.h>
#include <math.h>

/* Core methods share one signature; most ignore some of the arguments. */
#pragma GCC diagnostic ignored "-Wunused-parameter"


static inline RString *
S(Value v)
{
    MG_FAULT(v);
    return MG_RSTRING(v);
}

/* ---- allocation ---- */

static Value
str_alloc(RClass *klass, int64_t capa, Encoding enc)
{
    if (capa < 0) mg_raise(mg_eArgumentError, "negative string size (or size too big)");
    if (capa >= STR_MAX_LEN) mg_raise_nomem();   /* CRuby: a size that fits a long is tried, and fails */
    RString *s;
    if (capa <= MG_STR_EMBED) {            /* in the slot: no buffer of its own */
        s = (RString *)mg_gc_alloc(sizeof(RString) + MG_STR_EMBED + 1, T_STRING, klass);
        s->ptr = (char *)(s + 1);
        capa = MG_STR_EMBED;
    } else {
        s = (RString *)mg_gc_alloc(sizeof(RString), T_STRING, klass);
        s->ptr = mg_malloc((size_t)capa + 1);
    }
    s->hdr.extra = enc;
    s->ptr[0] = '\0';
    s->len = 0;
    s->capa = capa;
    return MG_VAL(s);
}

void
mg_str_free_body(RString *s)
{
    if (s->ptr && !mg_str_embedded(s)) mg_free(s->ptr, (size_t)s->capa + 1);
    s->ptr = NULL;
}

void
mg_str_unembed(RString *s)
{
    if (!s->ptr || !mg_str_embedded(s)) return;
    char *buf = mg_malloc((size_t)s->capa + 1);
    memcpy(buf, s->ptr, (size_t)s->capa + 1);
    s->ptr = buf;
}

static Value
str_alloc_func(RClass *klass)
{
    return str_alloc(klass, 0, ENC_UTF8);
}

Value
mg_str_new_class(RClass *klass, const char *p, size_t len, Encoding enc)
{
    Value v = str_alloc(klass, (int64_t)len, enc);
    RString *s = MG_RSTRING(v);
    if (p && len) memcpy(s->ptr, p, len);
    s->ptr[len] = '\0';
    s->len = (int64_t)len;
    return v;
}

Value
mg_str_new(const char *p, size_t len)
{
    return mg_str_new_class(mg_cString, p, len, ENC_UTF8);
}

Value
mg_str_new_cstr(const char *s)
{
    return mg_str_new(s, s ? strlen(s) : 0);
}

Value
mg_str_new_enc(const char *p, size_t len, Encoding enc)
{
    return mg_str_new_class(mg_cString, p, len, enc);
}

Value
mg_str_buf_new(size_t capa)
{
    return str_alloc(mg_cString, (int64_t)capa, ENC_UTF8);
}

Value
mg_str_dup(Value s)
{
    RString *r = S(s);
    Value d = mg_str_new_class(mg_cString, r->ptr, (size_t)r->len, STR_ENC(s));
    MG_OBJ(d)->flags |= MG_OBJ(s)->flags & STR_CR_MASK;
    return d;
}

/* A copy of the same class (dup / clone semantics without ivars). */
static Value
str_dup_class(Value s)
{
    RString *r = S(s);
    Value d = mg_str_new_class(mg_class_real(r->hdr.klass), r->ptr, (size_t)r->len, STR_ENC(s));
    MG_OBJ(d)->flags |= MG_OBJ(s)->flags & STR_CR_MASK;
    return d;
}

Value
mg_str_subseq(Value s, int64_t beg, int64_t len)
{
    RString *r = S(s);
    Value d = mg_str_new_class(mg_cString, r->ptr + beg, (size_t)len, STR_ENC(s));
    if (MG_OBJ(s)->flags & STR_CR_7BIT) MG_OBJ(d)->flags |= STR_CR_7BIT;
    return d;
}

/* ---- modification ---- */

void
mg_str_modify(Value s)
{
    MG_FAULT(s);
    MG_CHECK_FROZEN(s);
    MG_WB(s, MG_NIL);
    MG_OBJ(s)->flags &= (uint16_t)~STR_CR_MASK;
}

void
mg_str_reserve(Value s, int64_t capa)
{
    RString *r = S(s);
    if (capa <= r->capa) return;
    if (capa >= STR_MAX_LEN) mg_raise_nomem();
    int64_t nc = r->capa * 2;
    if (nc < capa) nc = capa;
    if (nc < 16) nc = 16;
    if (mg_str_embedded(r)) {              /* out of the slot */
        char *buf = mg_malloc((size_t)nc + 1);
        memcpy(buf, r->ptr, (size_t)r->capa + 1);
        r->ptr = buf;
    } else {
        r->ptr = mg_realloc(r->ptr, (size_t)r->capa + 1, (size_t)nc + 1);
    }
    r->capa = nc;
}

void
mg_str_set_len(Value s, int64_t len)
{
    RString *r = S(s);
    ASSERT(len <= r->capa);
    r->len = len;
    r->ptr[len] = '\0';
}

/* Replaces bytes [beg, beg+len) by p[0..plen). p may point into s itself. */
void
mg_str_replace_bytes(Value s, int64_t beg, int64_t len, const char *p, int64_t plen)
{
    RString *r = S(s);
    int64_t nlen = r->len - len + plen;
    char *tmp = NULL;
    if (p >= r->ptr && p < r->ptr + r->capa + 1) {   /* aliasing: copy first */
        tmp = mg_malloc((size_t)plen + 1);
        memcpy(tmp, p, (size_t)plen);
        p = tmp;
    }
    mg_str_reserve(s, nlen);
    r = S(s);
    memmove(r->ptr + beg + plen, r->ptr + beg + len, (size_t)(r->len - beg - len));
    if (plen) memcpy(r->ptr + beg, p, (size_t)plen);
    r->len = nlen;
    r->ptr[nlen] = '\0';
    if (tmp) mg_free(tmp, (size_t)plen + 1);
}

int
mg_str_coderange(Value s)
{
    Obj *o = MG_OBJ(s);
    mg_ensure_faulted(o);
    uint16_t f = o->flags & STR_CR_MASK;
    if (f == STR_CR_7BIT) return CR_7BIT;
    if (f == STR_CR_VALID) return CR_VALID;
    if (f == STR_CR_BROKEN) return CR_BROKEN;
    RString *r = MG_RSTRING(s);
    int cr = mg_enc_coderange_scan(r->ptr, r->len, (Encoding)o->extra);
    o->flags |= cr == CR_7BIT ? STR_CR_7BIT : cr == CR_VALID ? STR_CR_VALID : STR_CR_BROKEN;
    return cr;
}

bool
mg_str_enc_compatible(Value a, Value b, Encoding *out)
{
    Encoding ea = STR_ENC(a), eb = STR_ENC(b);
    if (ea == eb || S(b)->len == 0) { *out = ea; return true; }
    if (S(a)->len == 0) { *out = (mg_enc_ascii_compat(ea) && mg_str_ascii_only(b)) ? ea : eb; return true; }
    if (!mg_enc_ascii_compat(ea) || !mg_enc_ascii_compat(eb)) return false;
    if (mg_str_ascii_only(b)) { *out = ea; return true; }
    if (mg_str_ascii_only(a)) { *out = eb; return true; }
    return false;
}

Encoding
mg_str_enc_compat(Value a, Value b)
{
    Encoding e;
    if (!mg_str_enc_compatible(a, b, &e))
        mg_raise(mg_eEncCompatError, "incompatible character encodings: %s and %s", mg_enc_name(STR_ENC(a)), mg_enc_name(STR_ENC(b)));
    return e;
}

/* Whether the n bytes at p are all ASCII (8 at a time). */
static bool
bytes_ascii(const char *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL) return false;
    }
    for (; i < n; i++) if ((unsigned char)p[i] & 0x80) return false;
    return true;
}

Value
mg_str_cat(Value s, const char *p, size_t len)
{
    MG_FAULT(s);
    /* a known code range survives ASCII bytes appended in an ASCII-compatible
     * encoding: otherwise every append to a long string would rescan it (a
     * gsub into a BINARY result was O(n^2)) */
    uint16_t cr = MG_OBJ(s)->flags & (STR_CR_7BIT | STR_CR_VALID);
    if (cr && (!mg_enc_ascii_compat(STR_ENC(s)) || !bytes_ascii(p, len))) cr = 0;
    mg_str_modify(s);
    RString *r = MG_RSTRING(s);
    if (r->len + (int64_t)len > r->capa) {
        if (p >= r->ptr && p <= r->ptr + r->len) {      /* appending part of itself */
            int64_t off = p - r->ptr;
            mg_str_reserve(s, r->len + (int64_t)len);
            p = r->ptr + off;
        } else {
            mg_str_reserve(s, r->len + (int64_t)len);
        }
    }
    memcpy(r->ptr + r->len, p, len);
    r->len += (int64_t)len;
    r->ptr[r->len] = '\0';
    MG_OBJ(s)->flags |= cr;
    return s;
}

Value
mg_str_cat_cstr(Value s, const char *p)
{
    return mg_str_cat(s, p, strlen(p));
}

Value
mg_str_append(Value s, Value other)
{
    RString *o = S(other);
    Obj *so = MG_OBJ(s);
    mg_ensure_faulted(so);
    Encoding enc = mg_str_enc_compat(s, other);
    uint16_t cr_s = so->flags & STR_CR_MASK;
    bool was_empty = MG_RSTRING(s)->len == 0;
    if (was_empty) cr_s = STR_CR_7BIT;
    /* the appended part's code range is cheap to learn (it is scanned once and
     * cached); the receiver's stays known when it was, so repeated << on a
     * long non-ASCII string never rescans it */
    uint16_t cr_o = (cr_s == STR_CR_7BIT || cr_s == STR_CR_VALID) && o->len > 0
                    ? (mg_str_coderange(other), MG_OBJ(other)->flags & STR_CR_MASK)
                    : MG_OBJ(other)->flags & STR_CR_MASK;
    if (o->len == 0) cr_o = STR_CR_7BIT;
    mg_str_cat(s, o->ptr, (size_t)o->len);
    so->extra = enc;
    if ((cr_s == STR_CR_7BIT || cr_s == STR_CR_VALID) && (cr_o == STR_CR_7BIT || cr_o == STR_CR_VALID)) {
        if (cr_s == STR_CR_7BIT && cr_o == STR_CR_7BIT) so->flags |= STR_CR_7BIT;
        /* valid UTF-8 (or BINARY) followed by valid stays valid */
        else if (enc == ENC_UTF8 || enc == ENC_BINARY) so->flags |= STR_CR_VALID;
    }
    return s;
}

Value
mg_str_catf(Value s, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return s;
    if ((size_t)n < sizeof buf) return mg_str_cat(s, buf, (size_t)n);
    char *big = mg_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    mg_str_cat(s, big, (size_t)n);
    mg_free(big, (size_t)n + 1);
    return s;
}

Value
mg_sprintf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return mg_str_new("", 0);
    if ((size_t)n < sizeof buf) return mg_str_new(buf, (size_t)n);
    Value s = str_alloc(mg_cString, n, ENC_UTF8);
    va_start(ap, fmt);
    vsnprintf(MG_RSTRING(s)->ptr, (size_t)n + 1, fmt, ap);
    va_end(ap);
    MG_RSTRING(s)->len = n;
    return s;
}

const char *
mg_str_cstr(Value s)
{
    return S(s)->ptr;
}

Value
mg_str_freeze(Value s)
{
    MG_FAULT(s);
    if (!(MG_OBJ(s)->flags & OF_FROZEN)) MG_WB(s, MG_NIL);   /* a persistent string's frozen state is stored */
    MG_OBJ(s)->flags |= OF_FROZEN;
    return s;
}

/* ---- conversion ---- */

/* The conversions answer a String whose body is present: their callers read
 * it directly (RSTR), and a persistent one may not be faulted yet (an
 * element of a big Array read from the repository). */
Value
mg_to_str(Value v)
{
    if (MG_IS_STRING(v)) { MG_FAULT(v); return v; }
    if (!MG_IS_NIL(v) && mg_respond_to(v, mg_id_to_str, true)) {
        Value r = mg_funcall(v, mg_id_to_str, 0, NULL);
        if (!MG_IS_STRING(r))
            mg_raise(mg_eTypeError, "can't convert %s to String (%s#to_str gives %s)",
                     mg_class_cname(mg_obj_class(v)), mg_class_cname(mg_obj_class(v)),
                     mg_class_cname(mg_obj_class(r)));
        MG_FAULT(r);
        return r;
    }
    mg_raise_type(v, "String");
}

Value
mg_check_string(Value v)
{
    if (MG_IS_STRING(v)) { MG_FAULT(v); return v; }
    if (MG_IS_PTR(v) && mg_respond_to(v, mg_id_to_str, true)) {
        Value r = mg_funcall(v, mg_id_to_str, 0, NULL);
        if (MG_IS_STRING(r)) { MG_FAULT(r); return r; }
        if (MG_IS_NIL(r)) return MG_NIL;
        mg_raise(mg_eTypeError, "can't convert %s to String (%s#to_str gives %s)",
                 mg_class_cname(mg_obj_class(v)), mg_class_cname(mg_obj_class(v)),
                 mg_class_cname(mg_obj_class(r)));
    }
    return MG_NIL;
}

Value
mg_take_kwargs(int *argc, const Value *argv)
{
    if (*argc > 0 && MG_IS_HASH(argv[*argc - 1]) && mg_kw_given()) {
        (*argc)--;
        return argv[*argc];
    }
    return MG_NIL;
}

Value
mg_kwarg(Value kw, const char *name)
{
    if (MG_IS_NIL(kw)) return MG_UNDEF;
    return mg_hash_lookup(kw, mg_sym(name));
}

static int64_t
num2long(Value v)
{
    if (MG_IS_FIXNUM(v)) return MG_FIX2LONG(v);
    return mg_num2long(v);
}

/* ---- equality, comparison, hashing ---- */

bool
mg_str_equal(Value a, Value b)
{
    if (a == b) return true;
    RString *x = S(a), *y = S(b);
    if (x->len != y->len) return false;
    if (memcmp(x->ptr, y->ptr, (size_t)x->len) != 0) return false;
    if (STR_ENC(a) == STR_ENC(b) || x->len == 0) return true;
    return mg_str_ascii_only(a);
}

/* Equal bytes in incomparable encodings order by CRuby's encoding index, whose
 * first three are ASCII-8BIT, UTF-8, US-ASCII; the rest keep our order after them */
static int
enc_rank(Encoding e)
{
    return e == ENC_BINARY ? 0 : e == ENC_UTF8 ? 1 : e == ENC_US_ASCII ? 2 : 3 + (int)e;
}

int
mg_str_cmp(Value a, Value b)
{
    RString *x = S(a), *y = S(b);
    int64_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->ptr, y->ptr, (size_t)n);
    if (c) return c < 0 ? -1 : 1;
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    if (STR_ENC(a) != STR_ENC(b) && x->len && !mg_str_ascii_only(a))
        return enc_rank(STR_ENC(a)) < enc_rank(STR_ENC(b)) ? -1 : 1;
    return 0;
}

static inline uint64_t
hmix(uint64_t a, uint64_t b)
{
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static uint64_t
hash_bytes(const unsigned char *p, size_t len, uint64_t seed)
{
    const uint64_t k0 = 0xa0761d6478bd642fULL, k1 = 0xe7037ed1a0b428dbULL, k2 = 0x8ebc6af09c88c6e3ULL;
    uint64_t h = seed ^ hmix(len ^ k0, k1);
    while (len >= 16) {
        uint64_t a, b;
        memcpy(&a, p, 8);
        memcpy(&b, p + 8, 8);
        h = hmix(a ^ k1 ^ h, b ^ k2);
        p += 16;
        len -= 16;
    }
    uint64_t a = 0, b = 0;
    if (len >= 8) {
        memcpy(&a, p, 8);
        for (size_t i = 8; i < len; i++) b |= (uint64_t)p[i] << (8 * (i - 8));
    } else {
        for (size_t i = 0; i < len; i++) a |= (uint64_t)p[i] << (8 * i);
    }
    h = hmix(a ^ k1 ^ h, b ^ k2 ^ len);
    return hmix(h ^ k0, k2);
}

uint64_t
mg_str_hash(Value s)
{
    RString *r = S(s);
    uint64_t seed = 0x2d358dccaa6c78a5ULL;
    /* equal strings of different encodings are eql? only when ASCII-only */
    if (STR_ENC(s) != ENC_UTF8 && r->len && !mg_str_ascii_only(s)) seed += STR_ENC(s);
    return hash_bytes((const unsigned char *)r->ptr, (size_t)r->len, seed);
}

/* ---- characters ---- */

int64_t
mg_str_char_len(Value s)
{
    RString *r = S(s);
    if (mg_enc_single_byte(STR_ENC(s))) return r->len;
    return mg_enc_strlen(r->ptr, r->len, STR_ENC(s), mg_str_coderange(s));
}

/* Does the string need character (not byte) indexing? */
static inline bool
str_multibyte(Value s)
{
    return !mg_enc_single_byte(STR_ENC(s)) && mg_str_coderange(s) != CR_7BIT;
}

int64_t
mg_str_char_to_offset(Value s, int64_t idx)
{
    RString *r = S(s);
    if (!str_multibyte(s)) return idx <= r->len ? idx : -1;
    return mg_enc_nth(r->ptr, r->len, idx, STR_ENC(s), mg_str_coderange(s));
}

int64_t
mg_str_offset_to_char(Value s, int64_t off)
{
    RString *r = S(s);
    if (!str_multibyte(s)) return off;
    if (off > r->len) off = r->len;
    return mg_enc_strlen(r->ptr, off, STR_ENC(s), CR_BROKEN);
}

/* Substring by characters: nil when out of range (CRuby's rb_str_substr). */
static Value
str_substr(Value s, int64_t beg, int64_t len)
{
    RString *r = S(s);
    if (len < 0) return MG_NIL;
    if (!str_multibyte(s)) {
        if (beg < 0) { beg += r->len; if (beg < 0) return MG_NIL; }
        if (beg > r->len) return MG_NIL;
        if (len > r->len - beg) len = r->len - beg;
        return mg_str_subseq(s, beg, len);
    }
    int cr = mg_str_coderange(s);
    if (beg < 0) {
        int64_t clen = mg_enc_strlen(r->ptr, r->len, STR_ENC(s), cr);
        beg += clen;
        if (beg < 0) return MG_NIL;
    }
    int64_t b0 = mg_enc_nth(r->ptr, r->len, beg, STR_ENC(s), cr);
    if (b0 < 0) return MG_NIL;
    int64_t b1 = mg_enc_nth(r->ptr + b0, r->len - b0, len, STR_ENC(s), cr);
    if (b1 < 0) b1 = r->len - b0;
    return mg_str_subseq(s, b0, b1);
}

/* Byte offset and byte length of characters [beg, beg+len) after the usual
 * normalisation; false when out of range. */
static bool
str_char_range(Value s, int64_t *beg, int64_t *len)
{
    RString *r = S(s);
    int64_t b = *beg, l = *len;
    if (l < 0) return false;
    int64_t clen = mg_str_char_len(s);
    if (b < 0) { b += clen; if (b < 0) return false; }
    if (b > clen) return false;
    if (l > clen - b) l = clen - b;
    if (!str_multibyte(s)) { *beg = b; *len = l; return true; }
    int cr = mg_str_coderange(s);
    int64_t b0 = mg_enc_nth(r->ptr, r->len, b, STR_ENC(s), cr);
    int64_t b1 = mg_enc_nth(r->ptr + b0, r->len - b0, l, STR_ENC(s), cr);
    *beg = b0;
    *len = b1 < 0 ? r->len - b0 : b1;
    return true;
}

/* ---- inspect ---- */

static void
cat_escape_u(Value out, uint32_t cp)
{
    char buf[16];
    int n = cp > 0xFFFF ? snprintf(buf, sizeof buf, "\\u{%X}", cp) : snprintf(buf, sizeof buf, "\\u%04X", cp);
    mg_str_cat(out, buf, (size_t)n);
}

static void
cat_escape_x(Value out, unsigned char c)
{
    char buf[8];
    int n = snprintf(buf, sizeof buf, "\\x%02X", c);
    mg_str_cat(out, buf, (size_t)n);
}

/* The escaped body of s as String#inspect writes it between the quotes;
 * `dump` escapes every non-ASCII character too. */
static Value
str_escape(Value s, bool dump)
{
    RString *r = S(s);
    Encoding enc = STR_ENC(s);
    bool utf8 = enc == ENC_UTF8;
    if (!utf8 && enc != ENC_BINARY && enc != ENC_US_ASCII && !dump) return mg_str_escape_enc(s);
    Value out = str_alloc(mg_cString, r->len + 2, ENC_UTF8);
    r = S(s);
    const unsigned char *p = (const unsigned char *)r->ptr, *e = p + r->len;
    while (p < e) {
        unsigned c = *p;
        /* copy a run of plain printable ASCII at once */
        const unsigned char *q = p;
        while (q < e && *q >= 0x20 && *q < 0x7F && *q != '"' && *q != '\\' && *q != '#') q++;
        if (q > p) { mg_str_cat(out, (const char *)p, (size_t)(q - p)); p = q; continue; }
        const char *esc = NULL;
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\f': esc = "\\f"; break;
        case '\v': esc = "\\v"; break;
        case '\b': esc = "\\b"; break;
        case '\a': esc = "\\a"; break;
        case 033: esc = "\\e"; break;
        case '#':
            if (p + 1 < e && (p[1] == '{' || p[1] == '$' || p[1] == '@')) esc = "\\#";
            else esc = "#";
            break;
        default: break;
        }
        if (esc) { mg_str_cat(out, esc, strlen(esc)); p++; continue; }
        if (c < 0x80) {
            if (utf8 && !dump) cat_escape_u(out, c);
            else cat_escape_x(out, (unsigned char)c);
            p++;
            continue;
        }
        if (utf8) {
            int n;
            int32_t cp = mg_utf8_decode(p, e, &n);
            if (cp >= 0) {
                if (!dump && mg_unicode_printable((uint32_t)cp)) mg_str_cat(out, (const char *)p, (size_t)n);
                else cat_escape_u(out, (uint32_t)cp);
                p += n;
                continue;
            }
        }
        cat_escape_x(out, (unsigned char)c);
        p++;
    }
    return out;
}

Value
mg_str_escape_chars(Value s)
{
    return str_escape(s, false);
}

Value
mg_str_inspect(Value s)
{
    Value body = str_escape(s, false);
    RString *b = S(body);
    Value out = str_alloc(mg_cString, b->len + 2, ENC_UTF8);
    RString *o = MG_RSTRING(out);
    o->ptr[0] = '"';
    memcpy(o->ptr + 1, b->ptr, (size_t)b->len);
    o->ptr[b->len + 1] = '"';
    o->len = b->len + 2;
    o->ptr[o->len] = '\0';
    return out;
}

static Value
str_inspect(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_inspect(self);
}

static Value
str_dump(Value self, int argc, const Value *argv, Value blk)
{
    Value body = str_escape(self, true);
    Value out = mg_str_new("\"", 1);
    mg_str_append(out, body);
    mg_str_cat(out, "\"", 1);
    if (!mg_enc_ascii_compat(STR_ENC(self))) mg_str_catf(out, ".dup.force_encoding(\"%s\")", mg_enc_name(STR_ENC(self)));
    if (STR_ENC(self) == ENC_US_ASCII) MG_OBJ(out)->extra = ENC_US_ASCII;
    return out;
}

/* String#undump: the inverse of dump for the escapes dump writes. */
static Value
str_undump(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_str_coderange(self) != CR_7BIT) mg_raise(mg_eRuntimeError, "non-ASCII character detected");
    RString *r = S(self);
    const char *p = r->ptr, *e = p + r->len;
    if (memchr(p, '\0', (size_t)r->len)) mg_raise(mg_eRuntimeError, "string contains null byte");
    if (r->len < 2 || p[0] != '"' || e[-1] != '"')
        mg_raise(mg_eRuntimeError, "invalid dumped string; not wrapped with '\"' nor '\"...\".force_encoding(\"...\")' form");
    p++; e--;
    Value out = mg_str_buf_new((size_t)(e - p));
    while (p < e) {
        if (*p != '\\') { mg_str_cat(out, p, 1); p++; continue; }
        p++;
        if (p >= e) mg_raise(mg_eRuntimeError, "invalid escape");
        char c = *p++, ch;
        switch (c) {
        case 'n': ch = '\n'; break;
        case 't': ch = '\t'; break;
        case 'r': ch = '\r'; break;
        case 'f': ch = '\f'; break;
        case 'v': ch = '\v'; break;
        case 'b': ch = '\b'; break;
        case 'a': ch = '\a'; break;
        case 'e': ch = 033; break;
        case 'x': {
            unsigned v = 0; int k = 0;
            while (k < 2 && p < e && isxdigit((unsigned char)*p)) { v = v * 16 + (unsigned)(isdigit((unsigned char)*p) ? *p - '0' : (tolower((unsigned char)*p) - 'a' + 10)); p++; k++; }
            ch = (char)v;
            break;
        }
        case 'u': {
            uint32_t v = 0;
            char buf[4];
            if (p < e && *p == '{') {
                p++;
                while (p < e && *p != '}') { if (isxdigit((unsigned char)*p)) v = v * 16 + (uint32_t)(isdigit((unsigned char)*p) ? *p - '0' : (tolower((unsigned char)*p) - 'a' + 10)); p++; }
                if (p < e) p++;
            } else {
                for (int k = 0; k < 4 && p < e; k++, p++) v = v * 16 + (uint32_t)(isdigit((unsigned char)*p) ? *p - '0' : (tolower((unsigned char)*p) - 'a' + 10));
            }
            if (v >= 0x110000) v = 0xFFFD;
            mg_str_cat(out, buf, (size_t)mg_utf8_encode(v, buf));
            continue;
        }
        default: ch = c; break;
        }
        mg_str_cat(out, &ch, 1);
    }
    MG_OBJ(out)->extra = STR_ENC(self);
    return out;
}

/* ---- construction methods ---- */

static Value
str_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_take_kwargs(&argc, argv);
    if (argc > 1) mg_raise_argc(argc, 0, 1);
    Value enc = mg_kwarg(kw, "encoding"), capa = mg_kwarg(kw, "capacity");
    if (argc == 1) {
        Value src = mg_to_str(argv[0]);
        if (src != self) {
            mg_str_modify(self);
            RString *o = S(src);
            mg_str_replace_bytes(self, 0, S(self)->len, o->ptr, o->len);
            MG_OBJ(self)->extra = STR_ENC(src);
        }
    } else if (enc == MG_UNDEF) {
        mg_str_modify(self);
        MG_OBJ(self)->extra = ENC_BINARY;
    }
    if (capa != MG_UNDEF && !MG_IS_NIL(capa)) {
        int64_t c = num2long(capa);
        if (c > 0) mg_str_reserve(self, c < STR_MAX_LEN ? c : STR_MAX_LEN - 1);
    }
    if (enc != MG_UNDEF && !MG_IS_NIL(enc)) {
        mg_str_modify(self);
        MG_OBJ(self)->extra = mg_to_encoding(enc);
    }
    return self;
}

static Value
str_replace(Value self, int argc, const Value *argv, Value blk)
{
    Value src = mg_to_str(argv[0]);
    mg_str_modify(self);
    if (src == self) return self;
    RString *o = S(src);
    mg_str_replace_bytes(self, 0, S(self)->len, o->ptr, o->len);
    MG_OBJ(self)->extra = STR_ENC(src);
    return self;
}

static Value
str_s_try_convert(Value self, int argc, const Value *argv, Value blk)
{
    return mg_check_string(argv[0]);
}

/* ---- concatenation ---- */

Value
mg_str_plus(Value a, Value b)
{
    RString *x = S(a), *y = S(b);
    Encoding enc = mg_str_enc_compat(a, b);
    int64_t n = x->len + y->len;
    Value v = str_alloc(mg_cString, n, enc);
    x = S(a); y = S(b);
    RString *r = MG_RSTRING(v);
    memcpy(r->ptr, x->ptr, (size_t)x->len);
    memcpy(r->ptr + x->len, y->ptr, (size_t)y->len);
    r->len = n;
    r->ptr[n] = '\0';
    if ((MG_OBJ(a)->flags & MG_OBJ(b)->flags & STR_CR_MASK) == STR_CR_7BIT) MG_OBJ(v)->flags |= STR_CR_7BIT;
    return v;
}

static Value
str_plus(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_plus(self, mg_to_str(argv[0]));
}

Value
mg_str_times(Value s, Value nv)
{
    int64_t n = num2long(nv);
    if (n < 0) mg_raise(mg_eArgumentError, "negative argument");
    RString *r = S(s);
    if (r->len && n > INT64_MAX / r->len) mg_raise(mg_eArgumentError, "argument too big");
    int64_t total = r->len * n;
    Value v = str_alloc(mg_cString, total, STR_ENC(s));
    r = S(s);
    RString *o = MG_RSTRING(v);
    if (total) {
        memcpy(o->ptr, r->ptr, (size_t)r->len);
        int64_t done = r->len;
        while (done < total) {               /* doubling copies */
            int64_t k = done <= total - done ? done : total - done;
            memcpy(o->ptr + done, o->ptr, (size_t)k);
            done += k;
        }
    }
    o->len = total;
    o->ptr[total] = '\0';
    MG_OBJ(v)->flags |= MG_OBJ(s)->flags & STR_CR_MASK;
    return v;
}

static Value
str_times(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_times(self, argv[0]);
}

static Value
str_format_op(Value self, int argc, const Value *argv, Value blk)
{
    Value arg = argv[0];
    Value a = mg_check_array(arg);
    if (!MG_IS_NIL(a)) {
        int64_t n = mg_ary_len(a);
        if (n > INT32_MAX - 1) mg_raise(mg_eArgumentError, "too many arguments for format string");
        Value small[16];
        /* a copy: to_s of an element may change the array */
        Value *args = n < 16 ? small : mg_malloc(sizeof(Value) * (size_t)(n + 1));
        args[0] = self;
        if (n > 0) memcpy(args + 1, mg_ary_ptr(a), sizeof(Value) * (size_t)n);
        if (args != small) a = mg_ary_dup(a);   /* keeps the elements reachable */
        Value r = mg_str_format((int)n + 1, args);
        if (args != small) mg_free(args, sizeof(Value) * (size_t)(n + 1));
        return r;
    }
    return mg_str_format(2, (Value[]){self, arg});
}

/* Appends an Integer codepoint (String#<< 233) */
static void
str_cat_codepoint(Value s, Value n)
{
    int64_t cp;
    if (MG_IS_FIXNUM(n)) cp = MG_FIX2LONG(n);
    else mg_raise(mg_eRangeError, "bignum out of char range");
    Encoding enc = STR_ENC(s);
    if (cp < 0) mg_raise(mg_eRangeError, "%lld out of char range", (long long)cp);
    if (enc == ENC_UTF8) {
        if (cp >= 0x110000) mg_raise(mg_eRangeError, "%lld out of char range", (long long)cp);
        if (cp >= 0xD800 && cp <= 0xDFFF) mg_raise(mg_eRangeError, "invalid codepoint 0x%llX in UTF-8", (long long)cp);
        char buf[4];
        mg_str_cat(s, buf, (size_t)mg_utf8_encode((uint32_t)cp, buf));
    } else if (!mg_enc_single_byte(enc)) {
        char buf[16];
        int k = cp > 0xFFFFFFFFLL ? -1 : mg_enc_code_to_mbc((uint32_t)cp, buf, enc);
        if (k < 0) mg_raise(mg_eRangeError, "%lld out of char range", (long long)cp);
        mg_str_cat(s, buf, (size_t)k);
    } else {
        if (cp > 0xFF || (enc == ENC_US_ASCII && cp > 0x7F)) {
            if (enc == ENC_US_ASCII && cp <= 0xFF) {
                char c = (char)cp;
                mg_str_cat(s, &c, 1);
                MG_OBJ(s)->extra = ENC_BINARY;
                return;
            }
            mg_raise(mg_eRangeError, "%lld out of char range", (long long)cp);
        }
        char c = (char)cp;
        mg_str_cat(s, &c, 1);
    }
}

static Value
str_concat_one(Value self, Value o)
{
    if (MG_IS_INTEGER(o)) { str_cat_codepoint(self, o); return self; }
    return mg_str_append(self, mg_to_str(o));
}

static Value
str_lshift(Value self, int argc, const Value *argv, Value blk)
{
    return str_concat_one(self, argv[0]);
}

static Value
str_concat(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    if (argc == 1) return str_concat_one(self, argv[0]);
    /* concat(self, self) must use the original content */
    Value orig = mg_str_dup(self);
    for (int i = 0; i < argc; i++) str_concat_one(self, argv[i] == self ? orig : argv[i]);
    return self;
}

static Value
str_prepend(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    Value all = mg_str_new("", 0);
    for (int i = 0; i < argc; i++) mg_str_append(all, mg_to_str(argv[i]));
    Encoding enc = mg_str_enc_compat(self, all);
    RString *a = S(all);
    mg_str_modify(self);
    mg_str_replace_bytes(self, 0, 0, a->ptr, a->len);
    MG_OBJ(self)->extra = enc;
    return self;
}

/* ---- comparison methods ---- */

static Value
str_eq(Value self, int argc, const Value *argv, Value blk)
{
    Value o = argv[0];
    if (MG_IS_STRING(o)) return MG_BOOL(mg_str_equal(self, o));
    if (MG_IS_PTR(o) && mg_respond_to(o, mg_id_to_str, true)) return MG_BOOL(mg_equal(o, self));
    return MG_FALSE;
}

static Value
str_eql_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(MG_IS_STRING(argv[0]) && mg_str_equal(self, argv[0]));
}

static Value
str_cmp_m(Value self, int argc, const Value *argv, Value blk)
{
    /* as CRuby: a to_str String compares as one; else the inverse of o <=> self */
    Value o = argv[0];
    Value s = mg_check_string(o);
    if (MG_IS_STRING(s)) return MG_FIX(mg_str_cmp(self, s));
    if (!MG_IS_PTR(o) || !mg_respond_to(o, mg_id_cmp, true)) return MG_NIL;
    Value r = mg_funcall(o, mg_id_cmp, 1, &self);
    if (MG_IS_NIL(r)) return MG_NIL;
    return MG_FIX(-mg_cmpint(r, o, self));
}

static Value
str_hash_m(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX((int64_t)(mg_str_hash(self) >> 2));
}

static int
ascii_casecmp(Value a, Value b)
{
    RString *x = S(a), *y = S(b);
    int64_t n = x->len < y->len ? x->len : y->len;
    for (int64_t i = 0; i < n; i++) {
        int c1 = tolower((unsigned char)x->ptr[i]), c2 = tolower((unsigned char)y->ptr[i]);
        if ((unsigned char)x->ptr[i] >= 0x80) c1 = (unsigned char)x->ptr[i];
        if ((unsigned char)y->ptr[i] >= 0x80) c2 = (unsigned char)y->ptr[i];
        if (c1 != c2) return c1 < c2 ? -1 : 1;
    }
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    return 0;
}

static Value
str_casecmp(Value self, int argc, const Value *argv, Value blk)
{
    Value o = MG_IS_STRING(argv[0]) ? argv[0] : mg_check_string(argv[0]);
    Encoding e;
    if (MG_IS_NIL(o) || !mg_str_enc_compatible(self, o, &e)) return MG_NIL;     /* nil for incompatible encodings */
    return MG_FIX(ascii_casecmp(self, o));
}

static Value
str_casecmp_p(Value self, int argc, const Value *argv, Value blk)
{
    Value o = MG_IS_STRING(argv[0]) ? argv[0] : mg_check_string(argv[0]);
    Encoding e;
    if (MG_IS_NIL(o) || !mg_str_enc_compatible(self, o, &e)) return MG_NIL;
    if (mg_str_ascii_only(self) && mg_str_ascii_only(o)) return MG_BOOL(ascii_casecmp(self, o) == 0);
    Value a = mg_str_downcase_full(self), b = mg_str_downcase_full(o);
    return MG_BOOL(mg_str_equal(a, b));
}

static Value
str_match_op(Value self, int argc, const Value *argv, Value blk)
{
    Value o = argv[0];
    if (MG_IS_STRING(o)) mg_raise(mg_eTypeError, "type mismatch: String given");
    if (mg_is_regexp(o)) {
        int64_t pos = mg_reg_search(o, self, 0, false, true, NULL);
        return pos < 0 ? MG_NIL : MG_FIX(mg_str_offset_to_char(self, pos));
    }
    return mg_funcall(o, mg_id_match, 1, &self);
}

static Value
str_match(Value self, int argc, const Value *argv, Value blk)
{
    Value re = mg_reg_from_pattern(argv[0]);
    Value args[2] = {self, argc > 1 ? argv[1] : MG_FIX(0)};
    return mg_funcall_block(re, mg_intern_cstr("match"), argc > 1 ? 2 : 1, args, blk);
}

static Value
str_match_p(Value self, int argc, const Value *argv, Value blk)
{
    Value re = mg_reg_from_pattern(argv[0]);
    int64_t pos = 0;
    if (argc > 1) {
        pos = num2long(argv[1]);
        int64_t clen = mg_str_char_len(self);
        if (pos < 0) { pos += clen; if (pos < 0) return MG_FALSE; }
        if (pos > clen) return MG_FALSE;
        pos = mg_str_char_to_offset(self, pos);
    }
    return MG_BOOL(mg_reg_match_p(re, self, pos));
}

/* ---- size and bytes ---- */

static Value
str_length(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(mg_str_char_len(self));
}

static Value
str_bytesize(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(S(self)->len);
}

static Value
str_empty_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(S(self)->len == 0);
}

static Value
str_bytes(Value self, int argc, const Value *argv, Value blk)
{
    RString *r = S(self);
    Value a = mg_ary_new_capa(r->len);
    for (int64_t i = 0; i < S(self)->len; i++) mg_ary_push(a, MG_FIX((unsigned char)S(self)->ptr[i]));
    if (mg_block_given(blk)) {
        for (int64_t i = 0; i < S(self)->len; i++) mg_yield1_discard(blk, MG_FIX((unsigned char)S(self)->ptr[i]));
        return self;
    }
    return a;
}

static Value
str_each_byte(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_byte", argc, argv, blk);
    for (int64_t i = 0; i < S(self)->len; i++) mg_yield1_discard(blk, MG_FIX((unsigned char)S(self)->ptr[i]));
    return self;
}

static Value
str_getbyte(Value self, int argc, const Value *argv, Value blk)
{
    int64_t i = num2long(argv[0]);
    RString *r = S(self);
    if (i < 0) i += r->len;
    if (i < 0 || i >= r->len) return MG_NIL;
    return MG_FIX((unsigned char)r->ptr[i]);
}

static Value
str_setbyte(Value self, int argc, const Value *argv, Value blk)
{
    /* CRuby's order: the index, then the byte (any Integer: its low 8 bits), then frozen */
    int64_t i = num2long(argv[0]), orig = i, len = S(self)->len;
    if (i < 0) i += len;
    if (i < 0 || i >= len) mg_raise(mg_eIndexError, "index %lld out of string", (long long)orig);
    int64_t v = MG_FIX2LONG(mg_int_mod(mg_to_int(argv[1]), MG_FIX(256)));
    mg_str_modify(self);
    S(self)->ptr[i] = (char)v;
    return argv[1];
}

static Value
str_byteslice(Value self, int argc, const Value *argv, Value blk)
{
    RString *r = S(self);
    int64_t beg, len;
    if (argc == 2) {
        beg = num2long(argv[0]);
        len = num2long(argv[1]);
        if (len < 0) return MG_NIL;
    } else if (MG_IS_TYPE(argv[0], T_RANGE)) {
        if (!mg_range_beg_len(argv[0], r->len, &beg, &len, false)) return MG_NIL;
    } else {
        beg = num2long(argv[0]);
        if (beg < 0) beg += r->len;
        if (beg < 0 || beg >= r->len) return MG_NIL;
        len = 1;
    }
    if (beg < 0) { beg += r->len; if (beg < 0) return MG_NIL; }
    if (beg > r->len) return MG_NIL;
    if (len > r->len - beg) len = r->len - beg;
    return mg_str_subseq(self, beg, len);
}

/* ---- characters ---- */

static Value
str_chars(Value self, int argc, const Value *argv, Value blk)
{
    RString *r = S(self);
    Encoding enc = STR_ENC(self);
    Value a = mg_ary_new();
    size_t level = mg_gc_arena_save();     /* each c is yielded and dropped, or kept in a */
    for (int64_t i = 0; i < S(self)->len; ) {
        r = S(self);
        int n = mg_enc_mbclen(r->ptr + i, r->ptr + r->len, enc);
        Value c = mg_str_subseq(self, i, n);
        if (mg_block_given(blk)) mg_yield1(blk, c);
        else mg_ary_push(a, c);
        mg_gc_arena_restore(level);
        i += n;
    }
    return mg_block_given(blk) ? self : a;
}

static Value
str_each_char(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_char", argc, argv, blk);
    return str_chars(self, 0, NULL, blk);
}

static Value
str_codepoints(Value self, int argc, const Value *argv, Value blk)
{
    Encoding enc = STR_ENC(self);
    Value a = mg_ary_new();
    for (int64_t i = 0; i < S(self)->len; ) {
        RString *r = S(self);
        int n;
        int32_t cp;
        if (enc == ENC_UTF8) {
            cp = mg_utf8_decode((const unsigned char *)r->ptr + i, (const unsigned char *)r->ptr + r->len, &n);
            if (cp < 0) mg_raise(mg_eArgumentError, "invalid byte sequence in UTF-8");
        } else if (!mg_enc_single_byte(enc)) {
            cp = mg_enc_codepoint(r->ptr + i, r->ptr + r->len, enc, &n);
            if (cp < 0) mg_raise(mg_eArgumentError, "invalid byte sequence in %s", mg_enc_name(enc));
        } else {
            cp = (unsigned char)r->ptr[i];
            n = 1;
        }
        if (mg_block_given(blk)) mg_yield1_discard(blk, MG_FIX(cp));
        else mg_ary_push(a, MG_FIX(cp));
        i += n;
    }
    return mg_block_given(blk) ? self : a;
}

static Value
str_each_codepoint(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_codepoint", argc, argv, blk);
    return str_codepoints(self, 0, NULL, blk);
}

/* A rough grapheme splitter: a base character plus following combining marks,
 * variation selectors, ZWJ sequences, and \r\n together. */
static bool
is_extend(int32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
           cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F);
}

/* p[0..e) is the start of a valid UTF-8 character cut off by e: CRuby's
 * cluster search finds nothing there, and the clusters end before it */
static bool
utf8_cut_off(const unsigned char *p, const unsigned char *e)
{
    unsigned c = p[0];
    int n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || e - p >= n) return false;
    for (const unsigned char *q = p + 1; q < e; q++) {
        unsigned lo = 0x80, hi = 0xBF;
        if (q == p + 1) {
            if (c == 0xE0) lo = 0xA0;
            else if (c == 0xED) hi = 0x9F;
            else if (c == 0xF0) lo = 0x90;
            else if (c == 0xF4) hi = 0x8F;
        }
        if (*q < lo || *q > hi) return false;
    }
    return true;
}

static Value
str_grapheme_clusters(Value self, int argc, const Value *argv, Value blk)
{
    Value a = mg_ary_new();
    Encoding enc = STR_ENC(self);
    size_t level = mg_gc_arena_save();
    for (int64_t i = 0; i < S(self)->len; ) {
        mg_gc_arena_restore(level);        /* the last cluster was yielded and dropped, or kept in a */
        RString *r = S(self);
        const unsigned char *p = (const unsigned char *)r->ptr, *e = p + r->len;
        int64_t j = i;
        int n;
        if (enc == ENC_UTF8 && utf8_cut_off(p + j, e)) break;
        int32_t cp = enc == ENC_UTF8 ? mg_utf8_decode(p + j, e, &n) : (n = mg_enc_mbclen((const char *)p + j, (const char *)e, enc), n == 1 ? p[j] : -1);
        j += n;
        if (cp == '\r' && j < r->len && p[j] == '\n') j++;
        else if (enc == ENC_UTF8) {
            bool zwj = false;
            while (j < r->len) {
                int32_t c2 = mg_utf8_decode(p + j, e, &n);
                if (is_extend(c2) || zwj) { zwj = c2 == 0x200D; j += n; continue; }
                if (cp >= 0x1F1E6 && cp <= 0x1F1FF && c2 >= 0x1F1E6 && c2 <= 0x1F1FF) { j += n; cp = 0; continue; }
                break;
            }
        }
        Value c = mg_str_subseq(self, i, j - i);
        if (mg_block_given(blk)) mg_yield1(blk, c);
        else mg_ary_push(a, c);
        i = j;
    }
    return mg_block_given(blk) ? self : a;
}

static Value
str_each_grapheme_cluster(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_grapheme_cluster", argc, argv, blk);
    return str_grapheme_clusters(self, 0, NULL, blk);
}

/* ---- lines ---- */

/* Splits into lines and calls fn for each (or collects them). */
static Value
str_lines_impl(Value self, int argc, const Value *argv, Value blk, bool collect)
{
    Value kw = mg_take_kwargs(&argc, argv);
    if (argc > 1) mg_raise_argc(argc, 0, 1);   /* a separator, no limit (IO's each_line has one) */
    Value chompv = mg_kwarg(kw, "chomp");
    bool chomp = chompv != MG_UNDEF && MG_TEST(chompv);
    Value sep = argc > 0 ? argv[0] : mg_gvar_get(mg_intern_cstr("$/"));
    int64_t limit = -1;
    if (!MG_IS_NIL(sep)) sep = mg_to_str(sep);
    Value result = collect ? mg_ary_new() : MG_NIL;
    Value orig = self;
    /* iterate over a snapshot so a block that changes self cannot break us */
    Value str = MG_OBJ(self)->flags & OF_FROZEN ? self : mg_str_dup(self);
    RString *r = S(str);
    int64_t len = r->len;
    Encoding enc = STR_ENC(str);
    if (len == 0) {     /* no lines, but with no separator the whole string is one, even empty */
        if (MG_IS_NIL(sep)) {
            if (collect) mg_ary_push(result, mg_str_subseq(str, 0, 0));
            else mg_yield1(blk, mg_str_subseq(str, 0, 0));
        }
        return collect ? result : orig;
    }
    /* UTF-16 / UTF-32: an ASCII separator in the string's own encoding */
    if (!MG_IS_NIL(sep) && !mg_enc_ascii_compat(enc) && STR_ENC(sep) != enc && mg_str_ascii_only(sep) && S(sep)->len > 0)
        sep = mg_transcode(sep, STR_ENC(sep), enc, MG_NIL);
    const char *sp = NULL;
    int64_t slen = 0;
    bool para = false;
    if (!MG_IS_NIL(sep)) {
        sp = S(sep)->ptr;
        slen = S(sep)->len;
        if (slen == 0) { para = true; sp = "\n\n"; slen = 2; }
    }
    int64_t i = 0;
    size_t level = mg_gc_arena_save();  /* each line is yielded and dropped, or kept in result */
    while (i < len) {
        mg_gc_arena_restore(level);
        r = S(str);
        const char *p = r->ptr;
        int64_t end, next, chomp_end;
        if (MG_IS_NIL(sep)) {
            end = next = chomp_end = len;
        } else {
            const char *hit = NULL;
            Encoding se = STR_ENC(str);
            if (slen == 1 && (se == ENC_UTF8 || mg_enc_single_byte(se))) hit = memchr(p + i, sp[0], (size_t)(len - i));
            else hit = mg_enc_memmem(p, len, i, sp, slen, se);
            if (hit) {
                end = next = (hit - p) + slen;
                chomp_end = hit - p;
                if (para) {
                    chomp_end = hit - p + 1;
                    while (next < len && p[next] == '\n') next++;
                } else if (slen == 1 && sp[0] == '\n' && chomp_end > i && p[chomp_end - 1] == '\r') {
                    chomp_end--;
                }
            } else {
                end = next = chomp_end = len;
            }
        }
        if (limit > 0 && end - i > limit) {
            /* cut at limit bytes, not inside a character */
            int64_t k = i;
            while (k < len && k - i < limit) k += mg_enc_mbclen(p + k, p + len, enc);
            end = next = chomp_end = k;
        }
        int64_t stop = chomp ? chomp_end : end;
        Value line = mg_str_subseq(str, i, stop - i);
        if (collect) mg_ary_push(result, line);
        else mg_yield1(blk, line);
        i = next;
    }
    return collect ? result : orig;
}

static Value
str_lines(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_block_given(blk)) return str_lines_impl(self, argc, argv, blk, false);
    return str_lines_impl(self, argc, argv, blk, true);
}

static Value
str_each_line(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_line", argc, argv, blk);
    return str_lines_impl(self, argc, argv, blk, false);
}

/* ---- indexing ---- */

static Value
str_aref_one(Value self, Value idx)
{
    if (MG_IS_FIXNUM(idx)) {
        int64_t i = MG_FIX2LONG(idx);
        RString *r = S(self);
        if (!str_multibyte(self)) {
            if (i < 0) i += r->len;
            if (i < 0 || i >= r->len) return MG_NIL;
            return mg_str_subseq(self, i, 1);
        }
        Value v = str_substr(self, i, 1);
        if (!MG_IS_NIL(v) && S(v)->len == 0) return MG_NIL;
        return v;
    }
    if (MG_IS_STRING(idx)) {
        RString *r = S(self), *o = S(idx);
        if (o->len == 0) return mg_str_new_enc("", 0, STR_ENC(idx));
        if (mg_enc_memmem(r->ptr, r->len, 0, o->ptr, o->len, STR_ENC(self))) return mg_str_dup(idx);
        return MG_NIL;
    }
    if (MG_IS_TYPE(idx, T_RANGE)) {
        int64_t beg, len;
        if (!mg_range_beg_len(idx, mg_str_char_len(self), &beg, &len, false)) return MG_NIL;
        return str_substr(self, beg, len);
    }
    if (mg_is_regexp(idx)) {
        Value md;
        if (mg_reg_search(idx, self, 0, false, true, &md) < 0) return MG_NIL;
        return mg_str_subseq(self, mg_md_beg(md, 0), mg_md_end(md, 0) - mg_md_beg(md, 0));
    }
    if (idx == MG_NIL) mg_num2long(idx);      /* CRuby's NUM2LONG: "no implicit conversion from nil to integer" */
    Value v = mg_to_int(idx);
    return str_aref_one(self, MG_IS_FIXNUM(v) ? v : MG_FIX(MG_FIXNUM_MAX));
}

static int
md_group_index(Value md, Value cap)
{
    if (MG_IS_STRING(cap)) return mg_md_name_to_num(md, S(cap)->ptr, (size_t)S(cap)->len, true);
    if (MG_IS_SYMBOL(cap)) {
        size_t n;
        const char *name = mg_id_name(MG_SYM2ID(cap), &n);
        return mg_md_name_to_num(md, name, n, true);
    }
    int64_t i = num2long(cap);
    if (i < 0) i += mg_md_count(md);
    if (i < 0 || i >= mg_md_count(md)) return -1;
    return (int)i;
}

static Value
str_aref(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 1) return str_aref_one(self, argv[0]);
    if (mg_is_regexp(argv[0])) {
        Value md;
        if (mg_reg_search(argv[0], self, 0, false, true, &md) < 0) return MG_NIL;
        int g = md_group_index(md, argv[1]);
        if (g < 0 || mg_md_beg(md, g) < 0) return MG_NIL;
        return mg_str_subseq(self, mg_md_beg(md, g), mg_md_end(md, g) - mg_md_beg(md, g));
    }
    return str_substr(self, num2long(argv[0]), num2long(argv[1]));
}

/* Replace characters [beg, beg+len) (character indexes, checked) by val. */
static void
str_splice_chars(Value self, int64_t beg, int64_t len, Value val)
{
    int64_t clen = mg_str_char_len(self);
    if (len < 0) mg_raise(mg_eIndexError, "negative length %lld", (long long)len);
    if (beg > clen || beg < -clen) mg_raise(mg_eIndexError, "index %lld out of string", (long long)beg);
    if (beg < 0) beg += clen;
    if (len > clen - beg) len = clen - beg;
    int64_t b = beg, l = len;
    str_char_range(self, &b, &l);
    Encoding enc = mg_str_enc_compat(self, val);
    mg_str_modify(self);
    RString *v = S(val);
    mg_str_replace_bytes(self, b, l, v->ptr, v->len);
    MG_OBJ(self)->extra = enc;
}

static Value
str_aset(Value self, int argc, const Value *argv, Value blk)
{
    Value idx = argv[0];
    Value val = mg_to_str(argv[argc - 1]);
    if (argc == 3) {
        if (mg_is_regexp(idx)) {
            Value md;
            if (mg_reg_search(idx, self, 0, false, true, &md) < 0) mg_raise(mg_eIndexError, "regexp not matched");
            int g;
            if (MG_IS_STRING(argv[1]) || MG_IS_SYMBOL(argv[1])) g = md_group_index(md, argv[1]);
            else {
                int64_t gi = num2long(argv[1]), n = mg_md_count(md), orig = gi;
                if (gi < 0) gi += n;
                if (gi < 0 || gi >= n) mg_raise(mg_eIndexError, "index %lld out of regexp", (long long)orig);
                g = (int)gi;
            }
            if (mg_md_beg(md, g) < 0) mg_raise(mg_eIndexError, "regexp group %d not matched", g);
            Encoding enc = mg_str_enc_compat(self, val);
            mg_str_modify(self);
            int64_t b = mg_md_beg(md, g), e = mg_md_end(md, g);
            mg_str_replace_bytes(self, b, e - b, S(val)->ptr, S(val)->len);
            MG_OBJ(self)->extra = enc;
            return argv[2];
        }
        str_splice_chars(self, num2long(idx), num2long(argv[1]), val);
        return argv[2];
    }
    if (MG_IS_FIXNUM(idx) || MG_IS_FLOAT(idx) || MG_IS_BIGNUM(idx)) {
        int64_t i = num2long(idx);
        int64_t clen = mg_str_char_len(self);
        /* i == clen appends, as CRuby's ("ab"[2] = "c" is "abc") */
        if (i > clen || i < -clen) mg_raise(mg_eIndexError, "index %lld out of string", (long long)i);
        str_splice_chars(self, i, 1, val);
        return argv[1];
    }
    if (MG_IS_STRING(idx)) {
        RString *r = S(self), *o = S(idx);
        const char *hit = mg_enc_memmem(r->ptr, r->len, 0, o->ptr, o->len, STR_ENC(self));
        if (!hit) mg_raise(mg_eIndexError, "string not matched");
        int64_t b = hit - r->ptr;
        Encoding enc = mg_str_enc_compat(self, val);
        mg_str_modify(self);
        mg_str_replace_bytes(self, b, o->len, S(val)->ptr, S(val)->len);
        MG_OBJ(self)->extra = enc;
        return argv[1];
    }
    if (MG_IS_TYPE(idx, T_RANGE)) {
        int64_t beg, len;
        int64_t clen = mg_str_char_len(self);
        if (!mg_range_beg_len(idx, clen, &beg, &len, false)) {
            Value s = mg_inspect(idx);
            mg_raise(mg_eRangeError, "%s out of range", mg_str_cstr(s));
        }
        str_splice_chars(self, beg, len, val);
        return argv[1];
    }
    if (mg_is_regexp(idx)) {
        Value args[3] = {idx, MG_FIX(0), argv[1]};
        return str_aset(self, 3, args, blk);
    }
    int64_t i = num2long(mg_to_int(idx));
    str_splice_chars(self, i, 1, val);
    return argv[1];
}

static Value
str_slice_bang(Value self, int argc, const Value *argv, Value blk)
{
    MG_FAULT(self);
    MG_CHECK_FROZEN(self);    /* first, as CRuby: also when nothing would be cut */
    Value piece = str_aref(self, argc, argv, blk);
    if (MG_IS_NIL(piece)) return MG_NIL;
    mg_str_modify(self);
    Value empty = mg_str_new("", 0);
    if (argc == 1 && MG_IS_STRING(argv[0])) {
        RString *r = S(self), *o = S(argv[0]);
        const char *hit = mg_enc_memmem(r->ptr, r->len, 0, o->ptr, o->len, STR_ENC(self));
        if (hit) mg_str_replace_bytes(self, hit - r->ptr, o->len, "", 0);
        return piece;
    }
    if (mg_is_regexp(argv[0])) {
        Value md = mg_backref_get();
        int g = argc == 2 ? md_group_index(md, argv[1]) : 0;
        int64_t b = mg_md_beg(md, g), e = mg_md_end(md, g);
        mg_str_replace_bytes(self, b, e - b, "", 0);
        return piece;
    }
    Value args[3];
    args[0] = argv[0];
    if (argc == 2) { args[1] = argv[1]; args[2] = empty; }
    else args[1] = empty;
    if (argc == 1 && !MG_IS_TYPE(argv[0], T_RANGE)) {
        /* single index: we know it is in range */
        int64_t i = num2long(argv[0]);
        if (i < 0) i += mg_str_char_len(self);
        str_splice_chars(self, i, 1, empty);
        return piece;
    }
    str_aset(self, argc + 1, args, blk);
    return piece;
}

/* ---- searching ---- */

/* Byte index of needle in s at or after byte start, or -1. */
static int64_t
str_byte_index(Value s, Value needle, int64_t start)
{
    RString *r = S(s), *n = S(needle);
    if (start > r->len) return -1;
    if (n->len == 0) return start;
    if (mg_str_coderange(needle) == CR_BROKEN) return -1;   /* as CRuby: a broken needle is never found */
    const char *hit = memmem(r->ptr + start, (size_t)(r->len - start), n->ptr, (size_t)n->len);
    if (!hit) return -1;
    int64_t pos = hit - r->ptr;
    /* on a multibyte string a match must start on a character boundary */
    if (str_multibyte(s)) {
        const char *p = r->ptr, *e = p + r->len;
        int64_t i = 0;
        while (i < pos) i += mg_enc_mbclen(p + i, e, STR_ENC(s));
        if (i != pos) return str_byte_index(s, needle, i);
    }
    return pos;
}

static Value
str_index(Value self, int argc, const Value *argv, Value blk)
{
    int64_t start = 0;
    if (argc > 1) {
        start = num2long(argv[1]);
        int64_t clen = mg_str_char_len(self);
        if (start < 0) { start += clen; if (start < 0) { if (mg_is_regexp(argv[0])) mg_backref_set(MG_NIL); return MG_NIL; } }
        if (start > clen) { if (mg_is_regexp(argv[0])) mg_backref_set(MG_NIL); return MG_NIL; }
        start = mg_str_char_to_offset(self, start);
    }
    Value pat = argv[0];
    if (mg_is_regexp(pat)) {
        int64_t pos = mg_reg_search(pat, self, start, false, true, NULL);
        return pos < 0 ? MG_NIL : MG_FIX(mg_str_offset_to_char(self, pos));
    }
    pat = mg_to_str(pat);
    mg_str_enc_compat(self, pat);
    int64_t pos = str_byte_index(self, pat, start);
    return pos < 0 ? MG_NIL : MG_FIX(mg_str_offset_to_char(self, pos));
}

static Value
str_rindex(Value self, int argc, const Value *argv, Value blk)
{
    int64_t clen = mg_str_char_len(self);
    int64_t start = clen;
    if (argc > 1) {
        start = num2long(argv[1]);
        if (start < 0) { start += clen; if (start < 0) { if (mg_is_regexp(argv[0])) mg_backref_set(MG_NIL); return MG_NIL; } }
        if (start > clen) start = clen;
    }
    int64_t bstart = mg_str_char_to_offset(self, start);
    Value pat = argv[0];
    if (mg_is_regexp(pat)) {
        int64_t pos = mg_reg_search(pat, self, bstart, true, true, NULL);
        return pos < 0 ? MG_NIL : MG_FIX(mg_str_offset_to_char(self, pos));
    }
    pat = mg_to_str(pat);
    if (mg_str_coderange(pat) == CR_BROKEN) return MG_NIL;     /* as index */
    RString *r = S(self), *n = S(pat);
    if (n->len > r->len) return MG_NIL;
    int64_t i = bstart;
    if (i > r->len - n->len) i = r->len - n->len;
    bool mb = str_multibyte(self);
    if (mb && STR_ENC(self) != ENC_UTF8) {
        /* Shift_JIS, UTF-16, ...: the last match at a character boundary */
        int64_t last = -1, b = 0;
        while (b <= i) {
            if (memcmp(r->ptr + b, n->ptr, (size_t)n->len) == 0) last = b;
            if (b >= r->len) break;
            b += mg_enc_mbclen(r->ptr + b, r->ptr + r->len, STR_ENC(self));
        }
        return last < 0 ? MG_NIL : MG_FIX(mg_str_offset_to_char(self, last));
    }
    for (; i >= 0; i--) {
        if (mb && ((unsigned char)r->ptr[i] & 0xC0) == 0x80) continue;
        if (memcmp(r->ptr + i, n->ptr, (size_t)n->len) == 0) return MG_FIX(mg_str_offset_to_char(self, i));
    }
    return MG_NIL;
}

static Value
str_include_p(Value self, int argc, const Value *argv, Value blk)
{
    Value pat = mg_to_str(argv[0]);
    return MG_BOOL(str_byte_index(self, pat, 0) >= 0);
}

static Value
str_start_with_p(Value self, int argc, const Value *argv, Value blk)
{
    for (int i = 0; i < argc; i++) {
        Value p = argv[i];
        if (mg_is_regexp(p)) {
            Value md;
            if (mg_reg_search(p, self, 0, false, true, &md) == 0) return MG_TRUE;
            continue;
        }
        p = mg_to_str(p);
        RString *r = S(self), *o = S(p);
        if (o->len <= r->len && memcmp(r->ptr, o->ptr, (size_t)o->len) == 0) {
            /* must end on a character boundary */
            if (o->len < r->len && str_multibyte(self) && ((unsigned char)r->ptr[o->len] & 0xC0) == 0x80) continue;
            return MG_TRUE;
        }
    }
    return MG_FALSE;
}

static Value
str_end_with_p(Value self, int argc, const Value *argv, Value blk)
{
    for (int i = 0; i < argc; i++) {
        Value p = mg_to_str(argv[i]);
        RString *r = S(self), *o = S(p);
        if (o->len <= r->len && memcmp(r->ptr + r->len - o->len, o->ptr, (size_t)o->len) == 0) {
            if (o->len < r->len && str_multibyte(self) && ((unsigned char)r->ptr[r->len - o->len] & 0xC0) == 0x80) continue;
            return MG_TRUE;
        }
    }
    return MG_FALSE;
}

static Value
str_delete_prefix(Value self, int argc, const Value *argv, Value blk)
{
    Value p = mg_to_str(argv[0]);
    if (MG_TEST(str_start_with_p(self, 1, &p, MG_NIL)))
        return mg_str_subseq(self, S(p)->len, S(self)->len - S(p)->len);
    return mg_str_dup(self);
}

static Value
str_delete_prefix_bang(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    Value p = mg_to_str(argv[0]);
    if (!MG_TEST(str_start_with_p(self, 1, &p, MG_NIL))) return MG_NIL;
    mg_str_replace_bytes(self, 0, S(p)->len, "", 0);
    return self;
}

static Value
str_delete_suffix(Value self, int argc, const Value *argv, Value blk)
{
    Value p = mg_to_str(argv[0]);
    if (MG_TEST(str_end_with_p(self, 1, &p, MG_NIL)))
        return mg_str_subseq(self, 0, S(self)->len - S(p)->len);
    return mg_str_dup(self);
}

static Value
str_delete_suffix_bang(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    Value p = mg_to_str(argv[0]);
    if (!MG_TEST(str_end_with_p(self, 1, &p, MG_NIL))) return MG_NIL;
    mg_str_set_len(self, S(self)->len - S(p)->len);
    return self;
}

/* ---- whitespace ---- */

static inline bool
is_strip_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == '\0';
}

static void
strip_bounds(Value s, bool left, bool right, int64_t *b, int64_t *e)
{
    RString *r = S(s);
    int64_t i = 0, j = r->len;
    if (!mg_enc_ascii_compat(STR_ENC(s))) {
        /* UTF-16 / UTF-32: whole characters */
        Encoding enc = STR_ENC(s);
        int64_t first = -1, end = 0;
        for (int64_t k = 0; k < r->len; ) {
            int n;
            int32_t c = mg_enc_codepoint(r->ptr + k, r->ptr + r->len, enc, &n);
            bool sp = c >= 0 && c < 0x80 && is_strip_space((unsigned char)c);
            if (!sp) { if (first < 0) first = k; end = k + n; }
            k += n;
        }
        if (first < 0) first = end = left ? r->len : 0;
        *b = left ? first : 0;
        *e = right ? end : r->len;
        if (*e < *b) *e = *b;
        return;
    }
    if (left) while (i < j && is_strip_space((unsigned char)r->ptr[i])) i++;
    if (right) while (j > i && is_strip_space((unsigned char)r->ptr[j - 1])) j--;
    *b = i;
    *e = j;
}

static Value
strip_impl(Value self, bool left, bool right, bool bang)
{
    int64_t b, e;
    strip_bounds(self, left, right, &b, &e);
    if (!bang) return mg_str_subseq(self, b, e - b);
    mg_str_modify(self);
    if (b == 0 && e == S(self)->len) return MG_NIL;
    RString *r = S(self);
    memmove(r->ptr, r->ptr + b, (size_t)(e - b));
    mg_str_set_len(self, e - b);
    return self;
}

static Value str_strip(Value self, int argc, const Value *argv, Value blk) { return strip_impl(self, true, true, false); }
static Value str_lstrip(Value self, int argc, const Value *argv, Value blk) { return strip_impl(self, true, false, false); }
static Value str_rstrip(Value self, int argc, const Value *argv, Value blk) { return strip_impl(self, false, true, false); }
static Value str_strip_bang(Value self, int argc, const Value *argv, Value blk) { return strip_impl(self, true, true, true); }
static Value str_lstrip_bang(Value self, int argc, const Value *argv, Value blk) { return strip_impl(self, true, false, true); }
static Value str_rstrip_bang(Value self, int argc, const Value *argv, Value blk) { return strip_impl(self, false, true, true); }

/* The code point of s's first character, -1 when empty or invalid. */
static int32_t
str_first_cp(Value s)
{
    RString *r = S(s);
    int n;
    return r->len ? mg_enc_codepoint(r->ptr, r->ptr + r->len, STR_ENC(s), &n) : -1;
}

/* New length after chomp (byte count), per CRuby's rules. */
static int64_t
chomp_len(Value self, int argc, const Value *argv)
{
    RString *r = S(self);
    int64_t len = r->len;
    const char *p = r->ptr;
    if (len == 0) return 0;
    if (!mg_enc_ascii_compat(STR_ENC(self))) {
        /* UTF-16 / UTF-32: the last characters, stepped from the start */
        Encoding enc = STR_ENC(self);
        Value sep = argc > 0 ? argv[0] : MG_NIL;
        if (argc > 0 && MG_IS_NIL(sep)) return len;
        int64_t last = -1, prev = -1;
        for (int64_t k = 0; k < len; ) { prev = last; last = k; k += mg_enc_mbclen(p + k, p + len, enc); }
        int n;
        int32_t c = mg_enc_codepoint(p + last, p + len, enc, &n);
        int32_t d = prev >= 0 ? mg_enc_codepoint(p + prev, p + len, enc, &n) : -1;
        if (argc == 0 || (mg_str_char_len(sep = mg_to_str(sep)) == 1 && str_first_cp(sep) == '\n')) {
            if (c == '\n') return d == '\r' ? prev : last;
            return c == '\r' && argc == 0 ? last : len;
        }
        RString *sr = S(sep);
        if (sr->len <= len && memcmp(p + len - sr->len, sr->ptr, (size_t)sr->len) == 0) return len - sr->len;
        return len;
    }
    if (argc == 0) goto newline;
    Value sep = argv[0];
    if (MG_IS_NIL(sep)) return len;
    sep = mg_to_str(sep);
    RString *sr = S(sep);
    if (sr->len == 0) {
        while (len > 0 && p[len - 1] == '\n') {
            len--;
            if (len > 0 && p[len - 1] == '\r') len--;
        }
        return len;
    }
    if (sr->len == 1 && sr->ptr[0] == '\n') {
    newline:
        if (p[len - 1] == '\n') {
            len--;
            if (len > 0 && p[len - 1] == '\r') len--;
        } else if (p[len - 1] == '\r') {
            len--;
        }
        return len;
    }
    if (sr->len <= len && memcmp(p + len - sr->len, sr->ptr, (size_t)sr->len) == 0) return len - sr->len;
    return len;
}

static Value
str_chomp(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_subseq(self, 0, chomp_len(self, argc, argv));
}

static Value
str_chomp_bang(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    int64_t n = chomp_len(self, argc, argv);
    if (n == S(self)->len) return MG_NIL;
    mg_str_set_len(self, n);
    return self;
}

static int64_t
chop_len(Value self)
{
    RString *r = S(self);
    if (r->len == 0) return 0;
    if (r->len >= 2 && r->ptr[r->len - 1] == '\n' && r->ptr[r->len - 2] == '\r') return r->len - 2;
    if (!str_multibyte(self)) return r->len - 1;
    /* back up one character */
    int64_t i = 0, last = 0;
    while (i < r->len) { last = i; i += mg_enc_mbclen(r->ptr + i, r->ptr + r->len, STR_ENC(self)); }
    return last;
}

static Value
str_chop(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_subseq(self, 0, chop_len(self));
}

static Value
str_chop_bang(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    if (S(self)->len == 0) return MG_NIL;
    mg_str_set_len(self, chop_len(self));
    return self;
}

static Value
str_chr(Value self, int argc, const Value *argv, Value blk)
{
    RString *r = S(self);
    if (r->len == 0) return mg_str_new_enc("", 0, STR_ENC(self));
    return mg_str_subseq(self, 0, mg_enc_mbclen(r->ptr, r->ptr + r->len, STR_ENC(self)));
}

/* ---- misc ---- */

static Value
str_reverse(Value self, int argc, const Value *argv, Value blk)
{
    RString *r = S(self);
    Value out = str_alloc(mg_cString, r->len, STR_ENC(self));
    r = S(self);
    RString *o = MG_RSTRING(out);
    if (!str_multibyte(self)) {
        for (int64_t i = 0; i < r->len; i++) o->ptr[i] = r->ptr[r->len - 1 - i];
    } else {
        int64_t i = 0;
        while (i < r->len) {
            int n = mg_enc_mbclen(r->ptr + i, r->ptr + r->len, STR_ENC(self));
            memcpy(o->ptr + r->len - i - n, r->ptr + i, (size_t)n);
            i += n;
        }
    }
    o->len = r->len;
    o->ptr[o->len] = '\0';
    MG_OBJ(out)->flags |= MG_OBJ(self)->flags & STR_CR_MASK;
    return out;
}

static Value
str_reverse_bang(Value self, int argc, const Value *argv, Value blk)
{
    Value r = str_reverse(self, 0, NULL, MG_NIL);
    mg_str_modify(self);
    memcpy(S(self)->ptr, S(r)->ptr, (size_t)S(r)->len);
    return self;
}

static Value
str_insert(Value self, int argc, const Value *argv, Value blk)
{
    int64_t idx = num2long(argv[0]);
    Value val = mg_to_str(argv[1]);
    if (idx == -1) return mg_str_append(self, val);
    if (idx < 0) idx++;
    str_splice_chars(self, idx, 0, val);
    return self;
}

static Value
str_clear(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    mg_str_set_len(self, 0);
    return self;
}

static Value
str_to_s(Value self, int argc, const Value *argv, Value blk)
{
    if (S(self)->hdr.klass != mg_cString && mg_obj_class(self) != mg_cString) return mg_str_dup(self);
    return self;
}

Value
mg_str_to_sym(Value s)
{
    return MG_SYM(mg_str_to_id(s));
}

static Value
str_to_sym(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_enc_ascii_compat(STR_ENC(self)) && mg_str_coderange(self) == CR_BROKEN)   /* UTF-16 is not checked, as CRuby's */
        mg_raise(mg_eEncodingError, "invalid symbol in encoding %s :%s", mg_enc_name(STR_ENC(self)),
                 mg_str_cstr(mg_str_inspect(self)));
    return mg_str_to_sym(self);
}

static Value
str_freeze_m(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_freeze(self);
}

static Value
str_uplus(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_frozen_p(self)) return mg_str_dup(self);
    return self;
}

/* The table of deduplicated frozen strings (String#-@, Hash's String keys):
 * open addressing by hash, weak as CRuby's: a string nothing else references
 * leaves it at the next collection (fstr_sweep turns its slot into a
 * tombstone; the next growth rehashes without them). */
#define FSTR_TOMB ((Value)1)         /* never a heap pointer (those are 8-aligned) */
static Value *fstr_slots;
static size_t fstr_capacity, fstr_count, fstr_tombs;

static void
fstr_insert_slot(Value v)
{
    size_t mask = fstr_capacity - 1, i = (size_t)mg_str_hash(v) & mask;
    while (fstr_slots[i]) i = (i + 1) & mask;
    fstr_slots[i] = v;
}

static void
fstr_sweep(void)
{
    for (size_t i = 0; i < fstr_capacity; i++) {
        Value v = fstr_slots[i];
        if (v && v != FSTR_TOMB && !mg_gc_marked_p(v)) {
            fstr_slots[i] = FSTR_TOMB;
            fstr_count--;
            fstr_tombs++;
        }
    }
}

Value
mg_str_fstring(Value s)
{
    if (MG_OBJ(s)->flags & STR_FSTR) return s;
    if (fstr_capacity == 0) {
        fstr_capacity = 256;
        fstr_slots = mg_calloc(fstr_capacity, sizeof(Value));
        mg_gc_set_weak_sweeper(fstr_sweep);
    }
    size_t mask = fstr_capacity - 1, i = (size_t)mg_str_hash(s) & mask;
    for (; fstr_slots[i]; i = (i + 1) & mask) {
        Value c = fstr_slots[i];
        if (c != FSTR_TOMB && STR_ENC(c) == STR_ENC(s) && mg_str_equal(c, s)) return c;
    }
    Value f = s;
    if (!mg_frozen_p(s) || mg_obj_class(s) != mg_cString || (MG_OBJ(s)->flags & OF_GENIVAR)) {
        f = mg_str_dup(s);
        mg_str_freeze(f);
    }
    MG_OBJ(f)->flags |= STR_FSTR;
    if ((fstr_count + fstr_tombs + 1) * 2 > fstr_capacity) {
        /* f is in the arena: the collection mg_calloc may run keeps it */
        Value *old = fstr_slots;
        size_t oc = fstr_capacity;
        size_t cap = oc;
        while ((fstr_count + 1) * 4 > cap) cap *= 2;   /* at most a quarter full after the rehash */
        Value *slots = mg_calloc(cap, sizeof(Value));
        fstr_slots = slots;
        fstr_capacity = cap;
        for (size_t k = 0; k < oc; k++) if (old[k] && old[k] != FSTR_TOMB) fstr_insert_slot(old[k]);
        mg_free(old, oc * sizeof(Value));
        fstr_tombs = 0;
    }
    fstr_insert_slot(f);
    fstr_count++;
    return f;
}

Value
mg_str_fstring_utf8(const char *p, size_t len)
{
    if (fstr_capacity) {
        size_t mask = fstr_capacity - 1;
        size_t i = (size_t)hash_bytes((const unsigned char *)p, len, 0x2d358dccaa6c78a5ULL) & mask;
        for (; fstr_slots[i]; i = (i + 1) & mask) {
            Value c = fstr_slots[i];
            if (c != FSTR_TOMB && STR_ENC(c) == ENC_UTF8 && RSTR(c)->len == (int64_t)len &&
                !(MG_OBJ(c)->flags & OF_UNFAULTED) && memcmp(RSTR(c)->ptr, p, len) == 0)
                return c;
        }
    }
    return mg_str_fstring(mg_str_freeze(mg_str_new(p, len)));
}

static Value
str_uminus(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_fstring(self);
}

static Value
str_dup_m(Value self, int argc, const Value *argv, Value blk)
{
    Value d = str_dup_class(self);
    if (MG_OBJ(self)->flags & OF_GENIVAR) mg_ivar_copy(d, self);
    return d;
}

/* ---- numbers ---- */

/* Parses an integer as String#to_i does (never raises for bad digits). */
static Value
str_parse_int(const char *p, int64_t len, int base)
{
    const char *e = p + len;
    while (p < e && (is_strip_space((unsigned char)*p))) p++;
    bool neg = false;
    if (p < e && (*p == '+' || *p == '-')) { neg = *p == '-'; p++; }
    if (p + 1 < e && p[0] == '0') {
        char c = (char)tolower((unsigned char)p[1]);
        if ((base == 16 && c == 'x') || (base == 2 && c == 'b') || (base == 8 && c == 'o') || (base == 10 && c == 'd'))
            p += 2;
    }
    char small[64];
    char *buf = small;
    size_t cap = sizeof small, n = 0;
    bool last_us = true;       /* no leading underscore */
    for (; p < e; p++) {
        int c = (unsigned char)*p, d;
        if (c == '_') { if (last_us) break; last_us = true; continue; }
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
        else break;
        if (d >= base) break;
        last_us = false;
        if (n + 2 > cap) {
            size_t nc = cap * 2;
            char *nb = mg_malloc(nc);
            memcpy(nb, buf, n);
            if (buf != small) mg_free(buf, cap);
            buf = nb;
            cap = nc;
        }
        buf[n++] = (char)c;
    }
    if (n == 0) { if (buf != small) mg_free(buf, cap); return MG_FIX(0); }
    buf[n] = '\0';
    Value v;
    if (n < 16 && base <= 16) {
        int64_t x = strtoll(buf, NULL, base);
        v = MG_FIX(neg ? -x : x);
    } else {
        v = mg_int_from_str(buf, base);
        if (neg) v = mg_int_minus(MG_FIX(0), v);
    }
    if (buf != small) mg_free(buf, cap);
    return v;
}

static Value
str_to_i(Value self, int argc, const Value *argv, Value blk)
{
    int64_t base = argc > 0 ? num2long(argv[0]) : 10;
    if (base < 0 || base == 1 || base > 36) mg_raise(mg_eArgumentError, "invalid radix %lld", (long long)base);
    RString *r = S(self);
    return mg_str_to_inum(r->ptr, (size_t)r->len, (int)base, false);
}

static Value
str_hex(Value self, int argc, const Value *argv, Value blk)
{
    return str_parse_int(S(self)->ptr, S(self)->len, 16);
}

static Value
str_oct(Value self, int argc, const Value *argv, Value blk)
{
    RString *r = S(self);
    const char *p = r->ptr, *e = p + r->len;
    while (p < e && is_strip_space((unsigned char)*p)) p++;
    if (p < e && (*p == '+' || *p == '-')) p++;
    int base = 8;
    if (p + 1 < e && p[0] == '0') {
        char c = (char)tolower((unsigned char)p[1]);
        base = c == 'x' ? 16 : c == 'b' ? 2 : c == 'd' ? 10 : 8;
    }
    return str_parse_int(r->ptr, r->len, base);
}

static Value
str_to_f(Value self, int argc, const Value *argv, Value blk)
{
    bool ok;
    return mg_float_new(mg_str_to_dbl(S(self)->ptr, (size_t)S(self)->len, false, &ok));
}

static Value
str_ord(Value self, int argc, const Value *argv, Value blk)
{
    RString *r = S(self);
    if (r->len == 0) mg_raise(mg_eArgumentError, "empty string");
    if (mg_enc_single_byte(STR_ENC(self))) return MG_FIX((unsigned char)r->ptr[0]);
    int n;
    if (STR_ENC(self) != ENC_UTF8) {
        int32_t c = mg_enc_codepoint(r->ptr, r->ptr + r->len, STR_ENC(self), &n);
        if (c < 0) mg_raise(mg_eArgumentError, "invalid byte sequence in %s", mg_enc_name(STR_ENC(self)));
        return MG_FIX(c);
    }
    int32_t cp = mg_utf8_decode((const unsigned char *)r->ptr, (const unsigned char *)r->ptr + r->len, &n);
    if (cp < 0) mg_raise(mg_eArgumentError, "invalid byte sequence in UTF-8");
    return MG_FIX(cp);
}

static Value
str_sum(Value self, int argc, const Value *argv, Value blk)
{
    int64_t bits = argc > 0 ? num2long(argv[0]) : 16;
    RString *r = S(self);
    uint64_t sum = 0;
    for (int64_t i = 0; i < r->len; i++) sum += (unsigned char)r->ptr[i];
    if (bits <= 0) return mg_uint_new(sum);
    if (bits < 64) sum &= ((uint64_t)1 << bits) - 1;
    return mg_uint_new(sum);
}

/* ---- partition ---- */

static Value
str_partition(Value self, int argc, const Value *argv, Value blk)
{
    Value pat = argv[0];
    int64_t b, e;
    if (mg_is_regexp(pat)) {
        Value md;
        if (mg_reg_search(pat, self, 0, false, true, &md) < 0)
            return mg_ary_new_from(3, (Value[]){mg_str_dup(self), mg_str_new("", 0), mg_str_new("", 0)});
        b = mg_md_beg(md, 0);
        e = mg_md_end(md, 0);
    } else {
        pat = mg_to_str(pat);
        b = str_byte_index(self, pat, 0);
        if (b < 0) return mg_ary_new_from(3, (Value[]){mg_str_dup(self), mg_str_new("", 0), mg_str_new("", 0)});
        e = b + S(pat)->len;
    }
    Value x = mg_str_subseq(self, 0, b);
    Value y = mg_str_subseq(self, b, e - b);
    Value z = mg_str_subseq(self, e, S(self)->len - e);
    return mg_ary_new_from(3, (Value[]){x, y, z});
}

static Value
str_rpartition(Value self, int argc, const Value *argv, Value blk)
{
    Value pat = argv[0];
    int64_t b, e;
    if (mg_is_regexp(pat)) {
        Value md;
        if (mg_reg_search(pat, self, S(self)->len, true, true, &md) < 0)
            return mg_ary_new_from(3, (Value[]){mg_str_new("", 0), mg_str_new("", 0), mg_str_dup(self)});
        b = mg_md_beg(md, 0);
        e = mg_md_end(md, 0);
    } else {
        pat = mg_to_str(pat);
        Value r = str_rindex(self, 1, &pat, MG_NIL);
        if (MG_IS_NIL(r)) return mg_ary_new_from(3, (Value[]){mg_str_new("", 0), mg_str_new("", 0), mg_str_dup(self)});
        b = mg_str_char_to_offset(self, MG_FIX2LONG(r));
        e = b + S(pat)->len;
    }
    Value x = mg_str_subseq(self, 0, b);
    Value y = mg_str_subseq(self, b, e - b);
    Value z = mg_str_subseq(self, e, S(self)->len - e);
    return mg_ary_new_from(3, (Value[]){x, y, z});
}

/* ---- upto ---- */

static Value
str_upto(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "upto", argc, argv, blk);
    Value last = mg_to_str(argv[0]);
    bool excl = argc > 1 && MG_TEST(argv[1]);
    RString *a = S(self), *b = S(last);
    /* both single ASCII characters: iterate over bytes */
    if (a->len == 1 && b->len == 1 && (unsigned char)a->ptr[0] < 0x80 && (unsigned char)b->ptr[0] < 0x80) {
        unsigned char c = (unsigned char)a->ptr[0], d = (unsigned char)b->ptr[0];
        if (c > d || (excl && c == d)) return self;
        for (unsigned x = c; x <= d; x++) {
            if (excl && x == d) break;
            char ch = (char)x;
            mg_yield1_discard(blk, mg_str_new_enc(&ch, 1, STR_ENC(self)));
        }
        return self;
    }
    /* both decimal digit strings: numeric iteration */
    bool digits = a->len > 0 && b->len > 0;
    for (int64_t i = 0; digits && i < a->len; i++) if (!isdigit((unsigned char)a->ptr[i])) digits = false;
    for (int64_t i = 0; digits && i < b->len; i++) if (!isdigit((unsigned char)b->ptr[i])) digits = false;
    if (digits && a->len < 19 && b->len < 19) {
        int64_t x = strtoll(a->ptr, NULL, 10), y = strtoll(b->ptr, NULL, 10);
        int width = (int)a->len;
        for (int64_t k = x; excl ? k < y : k <= y; k++) {
            char buf[32];
            int n = snprintf(buf, sizeof buf, "%0*lld", width, (long long)k);
            mg_yield1_discard(blk, mg_str_new(buf, (size_t)n));
        }
        return self;
    }
    int64_t n = b->len;
    /* as CRuby: nothing unless self <= last, and nothing past last's succ */
    int c = mg_str_cmp(self, last);
    if (c > 0 || (excl && c == 0)) return self;
    Value after = mg_str_succ(last);
    Value cur = mg_str_dup(self);
    Value keep = mg_ary_new_from(3, (Value[]){ cur, MG_NIL, after });  /* roots cur and next across the restores */
    size_t level = mg_gc_arena_save();
    for (;;) {
        if (mg_str_equal(cur, after)) break;
        bool at_end = mg_str_equal(cur, last);
        if (at_end && excl) break;
        Value next = mg_str_succ(cur);
        mg_ary_ptr(keep)[1] = next;
        mg_yield1_discard(blk, cur);
        if (at_end) break;
        if (S(next)->len > n || S(next)->len == 0) break;
        mg_ary_ptr(keep)[0] = cur = next;
        mg_gc_arena_restore(level);
    }
    return self;
}

static Value
str_between_p(Value self, int argc, const Value *argv, Value blk)
{
    if (MG_IS_STRING(argv[0]) && MG_IS_STRING(argv[1]))
        return MG_BOOL(mg_str_cmp(self, argv[0]) >= 0 && mg_str_cmp(self, argv[1]) <= 0);
    /* Comparable's way: <=>, and "comparison of String with 0 failed" for nil */
    for (int i = 0; i < 2; i++) {
        int c = mg_cmpint(str_cmp_m(self, 1, &argv[i], MG_NIL), self, argv[i]);
        if (i == 0 ? c < 0 : c > 0) return MG_FALSE;
    }
    return MG_TRUE;
}

static const MgMethodDef string_methods[] = {
    {"initialize", str_initialize, 0, -1},
    {"initialize_copy", str_replace, 1, 1},
    {"replace", str_replace, 1, 1},
    {"+", str_plus, 1, 1},
    {"*", str_times, 1, 1},
    {"%", str_format_op, 1, 1},
    {"<<", str_lshift, 1, 1},
    {"concat", str_concat, 0, -1},
    {"prepend", str_prepend, 0, -1},
    {"==", str_eq, 1, 1},
    {"===", str_eq, 1, 1},
    {"eql?", str_eql_p, 1, 1},
    {"<=>", str_cmp_m, 1, 1},
    {"hash", str_hash_m, 0, 0},
    {"casecmp", str_casecmp, 1, 1},
    {"casecmp?", str_casecmp_p, 1, 1},
    {"=~", str_match_op, 1, 1},
    {"match", str_match, 1, 2},
    {"match?", str_match_p, 1, 2},
    {"length", str_length, 0, 0},
    {"size", str_length, 0, 0},
    {"bytesize", str_bytesize, 0, 0},
    {"empty?", str_empty_p, 0, 0},
    {"bytes", str_bytes, 0, 0},
    {"each_byte", str_each_byte, 0, 0},
    {"getbyte", str_getbyte, 1, 1},
    {"setbyte", str_setbyte, 2, 2},
    {"byteslice", str_byteslice, 1, 2},
    {"chars", str_chars, 0, 0},
    {"each_char", str_each_char, 0, 0},
    {"codepoints", str_codepoints, 0, 0},
    {"each_codepoint", str_each_codepoint, 0, 0},
    {"grapheme_clusters", str_grapheme_clusters, 0, 0},
    {"each_grapheme_cluster", str_each_grapheme_cluster, 0, 0},
    {"lines", str_lines, 0, -1},
    {"each_line", str_each_line, 0, -1},
    {"[]", str_aref, 1, 2},
    {"slice", str_aref, 1, 2},
    {"[]=", str_aset, 2, 3},
    {"slice!", str_slice_bang, 1, 2},
    {"index", str_index, 1, 2},
    {"rindex", str_rindex, 1, 2},
    {"include?", str_include_p, 1, 1},
    {"start_with?", str_start_with_p, 0, -1},
    {"end_with?", str_end_with_p, 0, -1},
    {"delete_prefix", str_delete_prefix, 1, 1},
    {"delete_prefix!", str_delete_prefix_bang, 1, 1},
    {"delete_suffix", str_delete_suffix, 1, 1},
    {"delete_suffix!", str_delete_suffix_bang, 1, 1},
    {"strip", str_strip, 0, 0},
    {"lstrip", str_lstrip, 0, 0},
    {"rstrip", str_rstrip, 0, 0},
    {"strip!", str_strip_bang, 0, 0},
    {"lstrip!", str_lstrip_bang, 0, 0},
    {"rstrip!", str_rstrip_bang, 0, 0},
    {"chomp", str_chomp, 0, 1},
    {"chomp!", str_chomp_bang, 0, 1},
    {"chop", str_chop, 0, 0},
    {"chop!", str_chop_bang, 0, 0},
    {"chr", str_chr, 0, 0},
    {"reverse", str_reverse, 0, 0},
    {"reverse!", str_reverse_bang, 0, 0},
    {"insert", str_insert, 2, 2},
    {"clear", str_clear, 0, 0},
    {"to_s", str_to_s, 0, 0},
    {"to_str", str_to_s, 0, 0},
    {"to_sym", str_to_sym, 0, 0},
    {"intern", str_to_sym, 0, 0},
    {"inspect", str_inspect, 0, 0},
    {"dump", str_dump, 0, 0},
    {"undump", str_undump, 0, 0},
    {"freeze", str_freeze_m, 0, 0},
    {"+@", str_uplus, 0, 0},
    {"-@", str_uminus, 0, 0},
    {"dup", str_dup_m, 0, 0},
    {"to_i", str_to_i, 0, 1},
    {"to_f", str_to_f, 0, 0},
    {"hex", str_hex, 0, 0},
    {"oct", str_oct, 0, 0},
    {"ord", str_ord, 0, 0},
    {"sum", str_sum, 0, 1},
    {"partition", str_partition, 1, 1},
    {"rpartition", str_rpartition, 1, 1},
    {"upto", str_upto, 1, 2},
    {"between?", str_between_p, 2, 2},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef string_singleton_methods[] = {
    {"try_convert", str_s_try_convert, 1, 1},
    {NULL, NULL, 0, 0}
};

void
mg_init_string(void)
{
    mg_define_alloc_func(mg_cString, str_alloc_func);
    mg_include_module(mg_cString, mg_mComparable);
    mg_define_methods(mg_cString, string_methods);
    mg_define_singleton_methods(MG_VAL(mg_cString), string_singleton_methods);
    mg_eConverterNotFoundError = mg_define_class_under(mg_cEncoding, "ConverterNotFoundError", mg_eEncodingError);
    mg_eUndefinedConversionError = mg_define_class_under(mg_cEncoding, "UndefinedConversionError", mg_eEncodingError);
    mg_eInvalidByteSequenceError = mg_define_class_under(mg_cEncoding, "InvalidByteSequenceError", mg_eEncodingError);
    mg_init_transcode();
    mg_init_encoding();
    mg_init_string_ops();
    mg_init_string_enc();
    mg_init_string_pack();
    mg_init_re();
    mg_init_string_re();
    mg_init_sprintf();
}
