/* encoding.c -- the Encoding class and the character stepping helpers used by
 * the string files.
 *
 * Every encoding is one line of encodings.def; its line number there is its
 * Encoding index (an RString's hdr.extra, the byte a String record stores), so
 * the file is only ever appended to. UTF-8 has its own fast code here; the other
 * multibyte encodings step and validate characters with their Oniguruma
 * OnigEncoding (mbc_enc_len, is_valid_mbc_string, mbc_to_code, code_to_mbc);
 * the single-byte ones (EF_SB) have one character a byte, all valid except the
 * high bytes of US-ASCII.
 * Design: string_int.h (an RString's encoding is its hdr.extra). */
#include "string_int.h"
#include <oniguruma.h>
#include <ctype.h>
#include <langinfo.h>
#include <locale.h>

/* ---- UTF-8 ---- */

int
mg_utf8_charlen(const unsigned char *p, const unsigned char *e)
{
    unsigned c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return -1;
    if (c < 0xE0) {
        if (e - p < 2 || (p[1] & 0xC0) != 0x80) return -1;
        return 2;
    }
    if (c < 0xF0) {
        if (e - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return -1;
        if (c == 0xE0 && p[1] < 0xA0) return -1;          /* overlong */
        if (c == 0xED && p[1] >= 0xA0) return -1;         /* surrogates */
        return 3;
    }
    if (c < 0xF5) {
        if (e - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return -1;
        if (c == 0xF0 && p[1] < 0x90) return -1;
        if (c == 0xF4 && p[1] >= 0x90) return -1;         /* > U+10FFFF */
        return 4;
    }
    return -1;
}

int32_t
mg_utf8_decode(const unsigned char *p, const unsigned char *e, int *len)
{
    int n = mg_utf8_charlen(p, e);
    if (n < 0) { *len = 1; return -1; }
    *len = n;
    switch (n) {
    case 1: return p[0];
    case 2: return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default: return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
}

int
mg_utf8_encode(uint32_t cp, char *buf)
{
    unsigned char *b = (unsigned char *)buf;
    if (cp < 0x80) { b[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { b[0] = (unsigned char)(0xC0 | (cp >> 6)); b[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12)); b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F)); return 3;
    }
    b[0] = (unsigned char)(0xF0 | (cp >> 18)); b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Index of the first byte >= 0x80 at or after i, 8 bytes at a time. */
static int64_t
skip_ascii(const unsigned char *p, int64_t i, int64_t len)
{
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL) break;
        i += 8;
    }
    while (i < len && p[i] < 0x80) i++;
    return i;
}

/* ---- the table ---- */

const MgEncInfo mg_enc_table[] = {
#define ENC(i, n, o, f, ic, al) [i] = {n, ONIG_ENCODING_##o, f, ic, al},
#include "encodings.def"
#undef ENC
};
const int mg_enc_count = (int)ARRAY_LEN(mg_enc_table);

/* every index from 0 up used once: a gap or a repeated index fails here */
enum {
    ENC_LINES = 0
#define ENC(i, n, o, f, ic, al) + 1
#include "encodings.def"
#undef ENC
};
_Static_assert(ARRAY_LEN(mg_enc_table) == ENC_LINES, "encodings.def: indexes must be 0..n-1, each once");

unsigned
mg_encoding_count(void)
{
    return (unsigned)ARRAY_LEN(mg_enc_table);
}

int
mg_enc_minlen(Encoding enc)
{
    const MgEncInfo *ei = mg_enc_info(enc);
    if (ei->flags & EF_SB) return 1;
    return ((OnigEncoding)ei->onig)->min_enc_len;
}

/* The character at p (< e): its byte length when valid, 0 when invalid, or -1
 * when the bytes up to e are the start of a character that e cuts off. */
int
mg_enc_precise(const unsigned char *p, const unsigned char *e, Encoding enc)
{
    const MgEncInfo *ei = mg_enc_info(enc);
    if (enc == ENC_UTF8 || ei->onig == (const void *)ONIG_ENCODING_UTF8) {
        int n = mg_utf8_charlen(p, e);
        if (n > 0) return n;
        /* a cut-off but otherwise well-formed prefix */
        unsigned c = p[0];
        if (c < 0xC2 || c > 0xF4) return 0;
        int want = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        int64_t k = 1;
        for (; k < e - p && k < want; k++) {
            if ((p[k] & 0xC0) != 0x80) return 0;
            if (k == 1 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0) ||
                           (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))) return 0;
        }
        return k < want ? -1 : 0;
    }
    if (ei->flags & EF_SB) return (enc == ENC_US_ASCII && p[0] >= 0x80) ? 0 : 1;
    OnigEncoding oe = (OnigEncoding)ei->onig;
    if (e - p < oe->min_enc_len) return -1;
    int n = oe->mbc_enc_len(p);
    if (n > e - p) {
        /* what there is must not already be invalid: check with a valid tail */
        if (n == 1) return 0;
        return -1;
    }
    if (!oe->is_valid_mbc_string(p, p + n)) return 0;
    if (oe->min_enc_len == 4) {
        OnigCodePoint c = oe->mbc_to_code(p, p + n);
        if (c > 0x10FFFF || (c >= 0xD800 && c < 0xE000)) return 0;
    }
    if (n == 1 && !(ei->flags & EF_ASCII) && oe->min_enc_len > 1) return 0;
    return n;
}

int
mg_enc_digit_alpha(Encoding enc, int32_t cp)
{
    OnigEncoding oe = (OnigEncoding)mg_enc_info(enc)->onig;
    if (!oe) oe = ONIG_ENCODING_ASCII;
    if (strcmp(mg_enc_info(enc)->name, "Windows-1252") == 0) {
        /* Oniguruma has no CP1252 (it stands in as ASCII): its letters are
         * ISO-8859-1's and S, OE, Z with caron and ligature, and Y diaeresis */
        if (cp == 0x8A || cp == 0x8C || cp == 0x8E || cp == 0x9A || cp == 0x9C || cp == 0x9E || cp == 0x9F) return 2;
        oe = ONIG_ENCODING_ISO_8859_1;
    }
    if (ONIGENC_IS_CODE_CTYPE(oe, (OnigCodePoint)cp, ONIGENC_CTYPE_DIGIT)) return 1;
    if (ONIGENC_IS_CODE_CTYPE(oe, (OnigCodePoint)cp, ONIGENC_CTYPE_ALPHA)) return 2;
    return 0;
}

int
mg_enc_mbclen_slow(const char *p, const char *e, Encoding enc)
{
    int n = mg_enc_precise((const unsigned char *)p, (const unsigned char *)e, enc);
    if (n > 0) return n;
    int m = mg_enc_minlen(enc);
    return m <= e - p ? m : (int)(e - p > 0 ? e - p : 1);
}

int32_t
mg_enc_codepoint(const char *p, const char *e, Encoding enc, int *len)
{
    int n = mg_enc_precise((const unsigned char *)p, (const unsigned char *)e, enc);
    if (n <= 0) { *len = mg_enc_mbclen(p, e, enc); return -1; }
    *len = n;
    if (enc == ENC_UTF8) { int k; return mg_utf8_decode((const unsigned char *)p, (const unsigned char *)e, &k); }
    const MgEncInfo *ei = mg_enc_info(enc);
    if (ei->flags & EF_SB) return (unsigned char)p[0];
    return (int32_t)((OnigEncoding)ei->onig)->mbc_to_code((const OnigUChar *)p, (const OnigUChar *)p + n);
}

int
mg_enc_code_to_mbc(uint32_t cp, char *buf, Encoding enc)
{
    if (enc == ENC_UTF8) return cp < 0x110000 && !(cp >= 0xD800 && cp < 0xE000) ? mg_utf8_encode(cp, buf) : -1;
    const MgEncInfo *ei = mg_enc_info(enc);
    if (ei->flags & EF_SB) {
        if (cp > 0xFF || (enc == ENC_US_ASCII && cp > 0x7F)) return -1;
        buf[0] = (char)cp;
        return 1;
    }
    OnigEncoding oe = (OnigEncoding)ei->onig;
    if ((ei->flags & EF_UNICODE) && (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))) return -1;
    if (!(ei->flags & EF_UNICODE) && cp > 0xFFFFFFu) return -1;
    int n = oe->code_to_mbc(cp, (OnigUChar *)buf);
    if (n <= 0) return -1;
    if (mg_enc_precise((const unsigned char *)buf, (const unsigned char *)buf + n, enc) != n) return -1;
    return n;
}

int
mg_enc_coderange_scan(const char *s, int64_t len, Encoding enc)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    const MgEncInfo *ei = mg_enc_info(enc);
    int64_t i;
    if (ei->flags & EF_ASCII) {
        i = skip_ascii(p, 0, len);
        if (i == len) return CR_7BIT;
        if (ei->flags & EF_SB) return enc == ENC_US_ASCII ? CR_BROKEN : CR_VALID;
    } else {
        i = 0;
    }
    while (i < len) {
        if (p[i] < 0x80 && (ei->flags & EF_ASCII)) { i = skip_ascii(p, i, len); continue; }
        int n = enc == ENC_UTF8 ? mg_utf8_charlen(p + i, e) : mg_enc_precise(p + i, e, enc);
        if (n <= 0) return CR_BROKEN;
        i += n;
    }
    return CR_VALID;
}

int64_t
mg_enc_strlen(const char *s, int64_t len, Encoding enc, int cr)
{
    if (cr == CR_7BIT || enc == ENC_BINARY || enc == ENC_US_ASCII) return len;
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    int64_t count = 0, i = 0;
    if (enc != ENC_UTF8) {
        const MgEncInfo *ei = mg_enc_info(enc);
        if (ei->flags & EF_SB) return len;
        bool ascii = (ei->flags & EF_ASCII) != 0;
        int minlen = ((OnigEncoding)ei->onig)->min_enc_len;
        if (cr == CR_VALID && !ascii && (ei->flags & EF_UNICODE) && minlen == 4) return len / 4;
        if (cr == CR_VALID && !ascii && (ei->flags & EF_UNICODE) && minlen == 2) {
            /* valid UTF-16: every unit but the high surrogates starts a character */
            int hi = ei->onig == (const void *)ONIG_ENCODING_UTF16_LE ? 1 : 0;
            int64_t n = 0;
            for (int64_t k = hi; k < len; k += 2) n += (p[k] & 0xFC) == 0xD8;
            return len / 2 - n;
        }
        while (i < len) {
            if (ascii && p[i] < 0x80) {
                int64_t j = skip_ascii(p, i, len);
                count += j - i;
                i = j;
                continue;
            }
            i += mg_enc_mbclen((const char *)p + i, (const char *)e, enc);
            count++;
        }
        return count;
    }
    while (i < len) {
        if (p[i] < 0x80) {
            int64_t j = skip_ascii(p, i, len);
            count += j - i;
            i = j;
            continue;
        }
        if (cr == CR_VALID) {
            unsigned c = p[i];
            i += c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        } else {
            int n = mg_utf8_charlen(p + i, e);
            i += n < 0 ? 1 : n;
        }
        count++;
    }
    return count;
}

int64_t
mg_enc_nth(const char *s, int64_t len, int64_t n, Encoding enc, int cr)
{
    if (n < 0) return -1;
    if (cr == CR_7BIT || mg_enc_single_byte(enc)) return n <= len ? n : -1;
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    bool ascii = mg_enc_ascii_compat(enc);
    int64_t i = 0;
    while (n > 0 && i < len) {
        if (ascii && p[i] < 0x80) {
            /* step over a run of ASCII without counting byte by byte twice */
            int64_t j = skip_ascii(p, i, len);
            if (j - i >= n) return i + n;
            n -= j - i;
            i = j;
            continue;
        }
        if (enc == ENC_UTF8) {
            int k = mg_utf8_charlen(p + i, e);
            i += k < 0 ? 1 : k;
        } else {
            i += mg_enc_mbclen((const char *)p + i, (const char *)e, enc);
        }
        n--;
    }
    if (i > len) i = len;
    return n == 0 ? i : -1;
}

Value
mg_enc_chr(int64_t c, Value encv)
{
    Encoding enc = mg_to_encoding(encv);
    if (c < 0 || c > 0xffffffffLL) mg_raise(mg_eRangeError, "%lld out of char range", (long long)c);
    char buf[16];
    int n = mg_enc_code_to_mbc((uint32_t)c, buf, enc);
    if (n < 0) mg_raise(mg_eRangeError, "invalid codepoint 0x%llX in %s", (long long)c, mg_enc_name(enc));
    return mg_str_new_enc(buf, (size_t)n, enc);
}

const char *
mg_enc_memmem(const char *p, int64_t len, int64_t from, const char *n, int64_t nlen, Encoding enc)
{
    bool aligned = enc == ENC_UTF8 || mg_enc_single_byte(enc);
    int64_t b = from;
    while (from <= len) {
        const char *hit = memmem(p + from, (size_t)(len - from), n, (size_t)nlen);
        if (!hit || aligned) return hit;
        int64_t at = hit - p;
        while (b < at) b += mg_enc_mbclen(p + b, p + len, enc);
        if (b == at) return hit;
        from = at + 1;
    }
    return NULL;
}

/* ---- Encoding objects ---- */

static Encoding default_external = ENC_UTF8;
static int default_internal = -1;       /* an Encoding, or -1 for nil */

Encoding mg_enc_default_external(void) { return default_external; }
int mg_enc_default_internal(void) { return default_internal; }

static Value enc_objs[ARRAY_LEN(mg_enc_table)];

static const DataType encoding_type = { "Encoding", NULL, NULL, NULL };

const char *
mg_enc_name(Encoding enc)
{
    return mg_enc_info(enc)->name;
}

Value
mg_enc_value(Encoding enc)
{
    return enc_objs[(unsigned)enc < ARRAY_LEN(mg_enc_table) ? enc : 0];
}

static bool
enc_of_value(Value v, Encoding *out)
{
    if (!MG_IS_TYPE(v, T_DATA) || MG_RDATA(v)->type != &encoding_type) return false;
    uintptr_t i = (uintptr_t)MG_RDATA(v)->ptr;
    if (i == 0 || i > ARRAY_LEN(mg_enc_table) || enc_objs[i - 1] != v) return false;
    *out = (Encoding)(i - 1);
    return true;
}

/* Does the space-separated list have name (case-insensitively)? */
static bool
alias_list_has(const char *list, const char *name, size_t len)
{
    const char *p = list;
    while (*p) {
        const char *q = strchr(p, ' ');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (n == len && strncasecmp(p, name, len) == 0) return true;
        if (!q) break;
        p = q + 1;
    }
    return false;
}

bool
mg_enc_find_name(const char *name, size_t len, Encoding *out)
{
    if (len == 8 && strncasecmp(name, "external", 8) == 0) { *out = default_external; return true; }
    if (len == 8 && strncasecmp(name, "internal", 8) == 0 && default_internal >= 0) { *out = (Encoding)default_internal; return true; }
    for (size_t i = 0; i < ARRAY_LEN(mg_enc_table); i++)
        if (strlen(mg_enc_table[i].name) == len && strncasecmp(mg_enc_table[i].name, name, len) == 0) {
            *out = (Encoding)i;
            return true;
        }
    for (size_t i = 0; i < ARRAY_LEN(mg_enc_table); i++)
        if (alias_list_has(mg_enc_table[i].aliases, name, len)) {
            *out = (Encoding)i;
            return true;
        }
    return false;
}

bool
mg_enc_of_value(Value v, Encoding *out)
{
    return enc_of_value(v, out);
}

Encoding
mg_to_encoding(Value v)
{
    Encoding e;
    if (enc_of_value(v, &e)) return e;
    v = mg_to_str(v);
    if (mg_enc_find_name(mg_str_ptr(v), (size_t)mg_str_len(v), &e)) return e;
    mg_raise(mg_eArgumentError, "unknown encoding name - %s", mg_str_cstr(v));
}

static Encoding
enc_self(Value self)
{
    Encoding e;
    if (!enc_of_value(self, &e)) mg_raise(mg_eTypeError, "wrong argument type %s (expected Encoding)", mg_class_cname(mg_obj_class(self)));
    return e;
}

static Value
us_ascii_str(const char *s, size_t n)
{
    return mg_str_new_enc(s, n, ENC_US_ASCII);
}

static Value
encoding_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    const char *n = mg_enc_name(enc_self(self));
    return us_ascii_str(n, strlen(n));
}

static Value
encoding_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Encoding e = enc_self(self);
    return mg_sprintf("#<Encoding:%s%s>", mg_enc_name(e), (mg_enc_info(e)->flags & EF_DUMMY) ? " (dummy)" : "");
}

static Value
encoding_names(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    const MgEncInfo *ei = mg_enc_info(enc_self(self));
    Value a = mg_ary_new();
    mg_ary_push(a, us_ascii_str(ei->name, strlen(ei->name)));
    const char *p = ei->aliases;
    while (*p) {
        const char *q = strchr(p, ' ');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        mg_ary_push(a, us_ascii_str(p, n));
        if (!q) break;
        p = q + 1;
    }
    return a;
}

static Value
encoding_ascii_compatible_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_enc_ascii_compat(enc_self(self)) ? MG_TRUE : MG_FALSE;
}

static Value
encoding_dummy_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return (mg_enc_info(enc_self(self))->flags & EF_DUMMY) ? MG_TRUE : MG_FALSE;
}

static Value
encoding_s_find(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    Value v = argv[0];
    Encoding e;
    if (enc_of_value(v, &e)) return v;
    v = mg_to_str(v);
    if (mg_str_len(v) == 8 && strncasecmp(mg_str_ptr(v), "internal", 8) == 0)
        return default_internal < 0 ? MG_NIL : mg_enc_value((Encoding)default_internal);
    return mg_enc_value(mg_to_encoding(v));
}

/* CRuby's list order: ASCII-8BIT, UTF-8, US-ASCII, then the table from 3 on. */
static Value
encoding_s_list(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value a = mg_ary_new_from(3, (Value[]){enc_objs[ENC_BINARY], enc_objs[ENC_UTF8], enc_objs[ENC_US_ASCII]});
    for (size_t i = 3; i < ARRAY_LEN(mg_enc_table); i++) mg_ary_push(a, enc_objs[i]);
    return a;
}

static Value
encoding_s_name_list(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value a = mg_ary_new(), list = encoding_s_list(MG_NIL, 0, NULL, MG_NIL);
    for (int64_t i = 0; i < mg_ary_len(list); i++) {
        Value names = encoding_names(mg_ary_entry(list, i), 0, NULL, MG_NIL);
        for (int64_t j = 0; j < mg_ary_len(names); j++) mg_ary_push(a, mg_ary_entry(names, j));
    }
    mg_ary_push(a, us_ascii_str("internal", 8));
    return a;
}

static Value
encoding_s_default_external(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return enc_objs[default_external];
}

static Value
encoding_s_default_internal(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return default_internal < 0 ? MG_NIL : enc_objs[default_internal];
}

/* Encoding.default_external = enc: File reads are tagged with it (io.c) */
static Value
encoding_s_set_default_external(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    if (MG_IS_NIL(argv[0])) mg_raise(mg_eArgumentError, "default external can not be nil");
    default_external = mg_to_encoding(argv[0]);
    return argv[0];
}

/* Encoding.default_internal = enc or nil: reads are converted to it, and
 * String#encode without arguments converts to it */
static Value
encoding_s_set_default_internal(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    default_internal = MG_IS_NIL(argv[0]) ? -1 : (int)mg_to_encoding(argv[0]);
    return argv[0];
}

/* Encoding.compatible?(a, b): the encoding of a combination, or nil. */
static Value
encoding_s_compatible_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    Value a = argv[0], b = argv[1];
    Encoding ea, eb;
    if (MG_IS_STRING(a) && MG_IS_STRING(b)) {
        ea = mg_str_enc(a); eb = mg_str_enc(b);
        if (ea == eb) return enc_objs[ea];
        if (mg_str_len(b) == 0) return enc_objs[ea];
        if (mg_str_len(a) == 0) return enc_objs[mg_enc_ascii_compat(ea) && mg_str_ascii_only(b) ? ea : eb];
        if (!mg_enc_ascii_compat(ea) || !mg_enc_ascii_compat(eb)) return MG_NIL;
        bool a7 = mg_str_ascii_only(a), b7 = mg_str_ascii_only(b);
        if (b7) return enc_objs[ea];
        if (a7) return enc_objs[eb];
        return MG_NIL;
    }
    if (MG_IS_STRING(a)) ea = mg_str_enc(a);
    else if (!enc_of_value(a, &ea)) return MG_NIL;
    if (MG_IS_STRING(b)) eb = mg_str_enc(b);
    else if (!enc_of_value(b, &eb)) return MG_NIL;
    if (ea == eb) return enc_objs[ea];
    if (!mg_enc_ascii_compat(ea) || !mg_enc_ascii_compat(eb)) return MG_NIL;
    if (MG_IS_STRING(b) && mg_str_ascii_only(b)) return enc_objs[ea];
    if (MG_IS_STRING(a) && mg_str_ascii_only(a)) return enc_objs[eb];
    if (!MG_IS_STRING(b) && eb == ENC_US_ASCII) return enc_objs[ea];
    if (!MG_IS_STRING(a) && ea == ENC_US_ASCII) return enc_objs[eb];
    return MG_NIL;
}

static Value
encoding_s_aliases(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value h = mg_hash_new();
    for (size_t i = 0; i < ARRAY_LEN(mg_enc_table); i++) {
        const char *p = mg_enc_table[i].aliases;
        while (*p) {
            const char *q = strchr(p, ' ');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            mg_hash_aset(h, us_ascii_str(p, n), us_ascii_str(mg_enc_table[i].name, strlen(mg_enc_table[i].name)));
            if (!q) break;
            p = q + 1;
        }
    }
    return h;
}

static const MgMethodDef encoding_methods[] = {
    {"to_s", encoding_to_s, 0, 0},
    {"name", encoding_to_s, 0, 0},
    {"inspect", encoding_inspect, 0, 0},
    {"names", encoding_names, 0, 0},
    {"ascii_compatible?", encoding_ascii_compatible_p, 0, 0},
    {"dummy?", encoding_dummy_p, 0, 0},
    {NULL, NULL, 0, 0}
};

/* Encoding.locale_charmap: the codeset of the environment's LC_CTYPE locale
 * (LC_ALL / LC_CTYPE / LANG), as nl_langinfo names it ("UTF-8",
 * "ANSI_X3.4-1968" for C), read without switching the process's locale. */
static Value
encoding_s_locale_charmap(Value self, int argc, const Value *argv, Value blk)
{
    locale_t loc = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
    if (loc == (locale_t)0) loc = newlocale(LC_CTYPE_MASK, "C", (locale_t)0);
    if (loc == (locale_t)0) return mg_str_new_cstr("ANSI_X3.4-1968");
    Value r = mg_str_new_cstr(nl_langinfo_l(CODESET, loc));
    freelocale(loc);
    return r;
}

static const MgMethodDef encoding_singleton_methods[] = {
    {"find", encoding_s_find, 1, 1},
    {"list", encoding_s_list, 0, 0},
    {"name_list", encoding_s_name_list, 0, 0},
    {"aliases", encoding_s_aliases, 0, 0},
    {"default_external", encoding_s_default_external, 0, 0},
    {"default_internal", encoding_s_default_internal, 0, 0},
    {"default_external=", encoding_s_set_default_external, 1, 1},
    {"default_internal=", encoding_s_set_default_internal, 1, 1},
    {"compatible?", encoding_s_compatible_p, 2, 2},
    {"locale_charmap", encoding_s_locale_charmap, 0, 0},
    {NULL, NULL, 0, 0}
};

/* Encoding::ISO_8859_1 etc.: a name starting with a capital gives its constant
 * with every other character than a letter or digit made '_', and its
 * all-capital form when that differs; one starting with a small letter gives
 * the all-capital form, and the capitalised one too when it has a capital
 * elsewhere (eucJP: EucJP, EUCJP; euc-jp-ms: EUC_JP_MS); one starting with a
 * digit gives none. locale, external and filesystem are no constants. */
static void
define_name_consts(const char *name, size_t n, Value enc)
{
    char c1[64], c2[64];
    if (n == 0 || n >= sizeof c1 || !isalpha((unsigned char)name[0])) return;
    bool has_upper = false;
    for (size_t i = 0; i < n; i++) {
        c1[i] = isalnum((unsigned char)name[i]) ? name[i] : '_';
        if (isupper((unsigned char)name[i])) has_upper = true;
    }
    c1[n] = '\0';
    if (strcmp(c1, "locale") == 0 || strcmp(c1, "external") == 0 || strcmp(c1, "filesystem") == 0) return;
    for (size_t i = 0; i <= n; i++) c2[i] = (char)toupper((unsigned char)c1[i]);
    if (islower((unsigned char)c1[0])) {
        if (!has_upper) { mg_define_const(mg_cEncoding, c2, enc); return; }
        c1[0] = (char)toupper((unsigned char)c1[0]);
    }
    mg_define_const(mg_cEncoding, c1, enc);
    if (strcmp(c1, c2) != 0) mg_define_const(mg_cEncoding, c2, enc);
}

void
mg_init_encoding(void)
{
    static bool done;
    if (done) return;
    done = true;
    mg_undef_new(mg_cEncoding);
    for (size_t i = 0; i < ARRAY_LEN(mg_enc_table); i++) {
        enc_objs[i] = mg_data_new(mg_cEncoding, &encoding_type, (void *)(uintptr_t)(i + 1));
        MG_OBJ(enc_objs[i])->flags |= OF_FROZEN;
        mg_gc_register(&enc_objs[i]);
    }
    mg_define_methods(mg_cEncoding, encoding_methods);
    mg_define_singleton_methods(MG_VAL(mg_cEncoding), encoding_singleton_methods);
    for (size_t i = 0; i < ARRAY_LEN(mg_enc_table); i++) {
        const MgEncInfo *ei = &mg_enc_table[i];
        define_name_consts(ei->name, strlen(ei->name), enc_objs[i]);
        const char *p = ei->aliases;
        while (*p) {
            const char *q = strchr(p, ' ');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            define_name_consts(p, n, enc_objs[i]);
            if (!q) break;
            p = q + 1;
        }
    }
}
