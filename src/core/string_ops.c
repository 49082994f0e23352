/* string_ops.c -- String case mapping (ASCII here, Unicode in casemap.c),
 * the tr family (tr, tr_s, delete, squeeze, count with ranges and ^
 * negation), succ/next, and ljust/rjust/center. Invariants: string_int.h. */
#include "string_int.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

/* ---- case mapping (the Unicode part is casemap.c) ---- */

enum { CASE_UP = CASEMAP_UP, CASE_DOWN = CASEMAP_DOWN, CASE_SWAP = CASEMAP_SWAP, CASE_CAP = CASEMAP_CAP,
       CASE_FOLD = CASEMAP_FOLD };

typedef struct { bool ascii, turkic, fold; } CaseOpts;

/* CRuby's options: :ascii, :turkic, :lithuanian (no effect), :fold (downcase
 * only), or :turkic with :lithuanian */
static CaseOpts
case_options(int argc, const Value *argv, int mode)
{
    CaseOpts o = { false, false, false };
    if (argc == 0) return o;
    if (argc > 2) mg_raise(mg_eArgumentError, "too many options");
    const char *n = MG_IS_SYMBOL(argv[0]) ? mg_id_name(MG_SYM2ID(argv[0]), NULL) : "";
    bool turkic = strcmp(n, "turkic") == 0, lith = strcmp(n, "lithuanian") == 0;
    if (turkic || lith) {
        o.turkic = turkic;
        if (argc == 2) {
            const char *m = MG_IS_SYMBOL(argv[1]) ? mg_id_name(MG_SYM2ID(argv[1]), NULL) : "";
            if (strcmp(m, turkic ? "lithuanian" : "turkic") != 0) mg_raise(mg_eArgumentError, "invalid second option");
            o.turkic = true;
        }
        return o;
    }
    if (strcmp(n, "ascii") == 0) o.ascii = true;
    else if (strcmp(n, "fold") == 0) {
        if (mode != CASE_DOWN) mg_raise(mg_eArgumentError, "option :fold only allowed for downcasing");
        o.fold = true;
    } else {
        mg_raise(mg_eArgumentError, "invalid option");
    }
    if (argc == 2) mg_raise(mg_eArgumentError, "too many options");
    return o;
}

/* Case mapping outside UTF-8: the Unicode forms through UTF-8 as a whole; the
 * ISO-8859-x and Windows-125x single-byte encodings character by character
 * through Unicode (a mapping the encoding cannot hold leaves the character);
 * MG_UNDEF for the others (ASCII letters only, by the caller). */
static Value
case_map_enc(Value s, int mode, CaseOpts o)
{
    Encoding enc = mg_str_enc(s);
    const char *name = mg_enc_name(enc);
    if (mg_enc_unicode(enc)) {
        if (mg_str_coderange(s) == CR_BROKEN) mg_raise(mg_eArgumentError, "input string invalid");
        Value u = mg_transcode(s, enc, ENC_UTF8, MG_NIL);
        Value r = mg_casemap_utf8(mg_str_ptr(u), mg_str_len(u), mode, o.turkic);
        if (MG_IS_NIL(r)) return MG_NIL;
        r = mg_transcode(r, ENC_UTF8, enc, MG_NIL);
        MG_OBJ(r)->extra = enc;
        return r;
    }
    if (!mg_enc_single_byte(enc) || (strncmp(name, "ISO-8859-", 9) != 0 && strncmp(name, "Windows-125", 11) != 0))
        return MG_UNDEF;
    int64_t len = mg_str_len(s);
    Value out = mg_str_new_enc("", 0, enc);
    bool changed = false;
    size_t level = mg_gc_arena_save();      /* each character's mapping is dropped once copied */
    for (int64_t i = 0; i < len; i++) {
        mg_gc_arena_restore(level);
        int m = mode == CASE_CAP ? (i == 0 ? CASE_CAP : CASE_DOWN) : mode;
        unsigned char c = (unsigned char)mg_str_ptr(s)[i];
        char u8[8];
        int32_t cp = mg_enc_to_unicode(enc, (const char *)&c, 1);
        Value r = cp < 0 ? MG_NIL : mg_casemap_utf8(u8, mg_utf8_encode((uint32_t)cp, u8), m, o.turkic);
        char buf[32];
        int blen = 0;
        if (!MG_IS_NIL(r)) {
            const unsigned char *q = (const unsigned char *)mg_str_ptr(r), *qe = q + mg_str_len(r);
            while (q < qe && blen >= 0) {
                int k;
                int32_t d = mg_utf8_decode(q, qe, &k);
                int w = d < 0 || blen > 24 ? -1 : mg_enc_from_unicode(enc, (uint32_t)d, buf + blen, (int)sizeof buf - blen);
                blen = w < 0 ? -1 : blen + w;
                q += k;
            }
        }
        if (MG_IS_NIL(r) || blen <= 0) { mg_str_cat(out, (const char *)&c, 1); continue; }
        mg_str_cat(out, buf, (size_t)blen);
        changed = true;
    }
    return changed ? out : MG_NIL;
}

/* Case-maps s into a new String, or returns nil when nothing changed. */
static Value
case_map(Value s, int mode, CaseOpts o)
{
    const char *p0 = mg_str_ptr(s);
    int64_t len = mg_str_len(s);
    Encoding enc = mg_str_enc(s);
    bool unicode = !o.ascii && enc == ENC_UTF8 && (o.turkic || !mg_str_ascii_only(s));
    if (unicode) {
        Value r = mg_casemap_utf8(p0, len, mode, o.turkic);
        if (!MG_IS_NIL(r) && (MG_OBJ(s)->flags & STR_CR_7BIT) && mode != CASE_UP && mode != CASE_SWAP &&
            mode != CASE_CAP && !o.turkic)
            MG_OBJ(r)->flags |= STR_CR_7BIT;
        return r;
    }
    if (!o.ascii && enc != ENC_UTF8 && enc != ENC_BINARY && enc != ENC_US_ASCII) {
        Value r = case_map_enc(s, mode, o);
        if (r != MG_UNDEF) return r;
    }
    Value out = mg_str_new_enc(p0, (size_t)len, enc);
    char *p = (char *)mg_str_ptr(out);
    bool changed = false, first = true;
    if (!mg_enc_single_byte(enc) && enc != ENC_UTF8) {
        /* ASCII letters only, stepping over the multibyte characters, which
         * must be valid (CRuby's case mapping reads them) */
        if (mg_str_coderange(s) == CR_BROKEN) mg_raise(mg_eArgumentError, "input string invalid");
        const char *e = p + len;
        for (int64_t i = 0; i < len; ) {
            int n = mg_enc_mbclen(p + i, e, enc);
            unsigned char c = (unsigned char)p[i], d = c;
            if (n == 1 && mg_enc_ascii_compat(enc)) {
                bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
                if ((mode == CASE_UP || mode == CASE_SWAP || (mode == CASE_CAP && first)) && lo) d = c - 32;
                else if ((mode == CASE_DOWN || mode == CASE_FOLD || mode == CASE_SWAP || (mode == CASE_CAP && !first)) && up) d = c + 32;
            }
            if (d != c) { p[i] = (char)d; changed = true; }
            first = false;
            i += n;
        }
        return changed ? out : MG_NIL;
    }
    for (int64_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)p[i], d = c;
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        switch (mode) {
        case CASE_UP: if (lo) d = c - 32; break;
        case CASE_DOWN: case CASE_FOLD: if (up) d = c + 32; break;
        case CASE_SWAP: if (lo) d = c - 32; else if (up) d = c + 32; break;
        case CASE_CAP:
            if (first) { if (lo) d = c - 32; }
            else if (up) d = c + 32;
            break;
        }
        first = false;
        if (d != c) { p[i] = (char)d; changed = true; }
    }
    if (MG_OBJ(s)->flags & STR_CR_7BIT) MG_OBJ(out)->flags |= STR_CR_7BIT;
    return changed ? out : MG_NIL;
}

Value
mg_str_downcase_full(Value s)
{
    CaseOpts o = { false, false, true };
    Value r = case_map(s, CASE_FOLD, o);
    return MG_IS_NIL(r) ? s : r;
}

static Value
case_method(Value self, int argc, const Value *argv, int mode, bool bang)
{
    CaseOpts o = case_options(argc, argv, mode);
    if (o.fold) mode = CASE_FOLD;
    if (bang) mg_str_modify(self);
    Value r = case_map(self, mode, o);
    if (!MG_IS_NIL(r)) MG_OBJ(r)->extra = mg_str_enc(self);
    if (!bang) {
        if (MG_IS_NIL(r)) return mg_str_dup(self);
        return r;
    }
    if (MG_IS_NIL(r)) return MG_NIL;
    mg_str_replace_bytes(self, 0, mg_str_len(self), mg_str_ptr(r), mg_str_len(r));
    return self;
}

static Value str_upcase(Value self, int argc, const Value *argv, Value blk) { return case_method(self, argc, argv, CASE_UP, false); }
static Value str_downcase(Value self, int argc, const Value *argv, Value blk) { return case_method(self, argc, argv, CASE_DOWN, false); }
static Value str_swapcase(Value self, int argc, const Value *argv, Value blk) { return case_method(self, argc, argv, CASE_SWAP, false); }
static Value str_capitalize(Value self, int argc, const Value *argv, Value blk) { return case_method(self, argc, argv, CASE_CAP, false); }
static Value str_upcase_bang(Value self, int argc, const Value *argv, Value blk) { return case_method(self, argc, argv, CASE_UP, true); }
static Value str_downcase_bang(Value self, int argc, const Value *argv, Value blk) { return case_method(self, argc, argv, CASE_DOWN, true); }
static Value str_swapcase_bang(Value self, int argc, const Value *argv, Value blk) { return case_method(self, argc, argv, CASE_SWAP, true); }
static Value str_capitalize_bang(Value self, int argc, const Value *argv, Value blk) { return case_method(self, argc, argv, CASE_CAP, true); }

/* ---- character sets for tr / delete / squeeze / count ---- */

typedef struct { int32_t lo, hi; } CRange;

typedef struct {
    bool neg;
    CRange *r;       /* in spec order */
    int count, capa;
} CharSpec;

static void
spec_add(CharSpec *cs, int32_t lo, int32_t hi)
{
    if (cs->count == cs->capa) {
        int nc = cs->capa ? cs->capa * 2 : 8;
        cs->r = mg_realloc(cs->r, sizeof(CRange) * (size_t)cs->capa, sizeof(CRange) * (size_t)nc);
        cs->capa = nc;
    }
    cs->r[cs->count++] = (CRange){lo, hi};
}

static void
spec_free(CharSpec *cs)
{
    mg_free(cs->r, sizeof(CRange) * (size_t)cs->capa);
    cs->r = NULL;
    cs->count = cs->capa = 0;
}

/* Reads the next character of a spec (handles \ escapes); *esc tells it was escaped. */
static int32_t
spec_char(const unsigned char **pp, const unsigned char *e, Encoding enc, bool *esc)
{
    const unsigned char *p = *pp;
    *esc = false;
    int n = 1;
    int32_t c;
    if (enc != ENC_UTF8 && !mg_enc_single_byte(enc)) {
        /* Shift_JIS, UTF-16, ...: whole characters (a trail byte is no '\\') */
        c = mg_enc_codepoint((const char *)p, (const char *)e, enc, &n);
        if (c == '\\' && p + n < e) {
            *esc = true;
            p += n;
            c = mg_enc_codepoint((const char *)p, (const char *)e, enc, &n);
        }
        if (c < 0) c = 0x110000 + *p;
        *pp = p + n;
        return c;
    }
    if (*p == '\\' && p + 1 < e) { *esc = true; p++; }
    c = *p;
    if (enc == ENC_UTF8 && c >= 0x80) {
        c = mg_utf8_decode(p, e, &n);
        if (c < 0) { c = *p; n = 1; }
    }
    *pp = p + n;
    return c;
}

/* CRuby reads the characters of these strings strictly */
void
mg_str_check_valid(Value s)
{
    if (mg_str_coderange(s) == CR_BROKEN)
        mg_raise(mg_eArgumentError, "invalid byte sequence in %s", mg_enc_name(mg_str_enc(s)));
}

static void
spec_parse(CharSpec *cs, Value str, bool allow_neg)
{
    mg_str_check_valid(str);
    memset(cs, 0, sizeof *cs);
    const unsigned char *p = (const unsigned char *)mg_str_ptr(str), *e = p + mg_str_len(str);
    Encoding enc = mg_str_enc(str);
    if (allow_neg && e - p > 1 && *p == '^') { cs->neg = true; p++; }
    while (p < e) {
        bool esc;
        int32_t c = spec_char(&p, e, enc, &esc);
        if (p < e && *p == '-' && p + 1 < e) {
            const unsigned char *q = p + 1;
            bool esc2;
            int32_t d = spec_char(&q, e, enc, &esc2);
            if (d < c) {
                Value s = mg_str_new_enc((const char *)p - 1, 0, enc);
                (void)s;
                char buf[16];
                int n1 = enc == ENC_UTF8 ? mg_utf8_encode((uint32_t)c, buf) : (buf[0] = (char)c, 1);
                int n2 = enc == ENC_UTF8 ? mg_utf8_encode((uint32_t)d, buf + n1 + 1) : (buf[n1 + 1] = (char)d, 1);
                buf[n1] = '-';
                Value r = mg_str_new_enc(buf, (size_t)(n1 + 1 + n2), enc);
                spec_free(cs);
                mg_raise(mg_eArgumentError, "invalid range \"%s\" in string transliteration", mg_str_cstr(r));
            }
            spec_add(cs, c, d);
            p = q;
            continue;
        }
        spec_add(cs, c, c);
    }
}

static bool
spec_has(const CharSpec *cs, int32_t c)
{
    bool in = false;
    for (int i = 0; i < cs->count; i++)
        if (c >= cs->r[i].lo && c <= cs->r[i].hi) { in = true; break; }
    return in != cs->neg;
}

/* Intersection of several specs (delete/squeeze/count with many args), with
 * an ASCII lookup table. */
typedef struct {
    CharSpec *specs;
    int n;
    uint8_t ascii[128];   /* 1 = in set */
} CharSet;

static void
set_build(CharSet *set, int argc, const Value *argv)
{
    set->n = argc;
    set->specs = mg_calloc((size_t)(argc ? argc : 1), sizeof(CharSpec));
    for (int i = 0; i < argc; i++) {
        Value s = mg_to_str(argv[i]);
        spec_parse(&set->specs[i], s, true);
    }
    for (int c = 0; c < 128; c++) {
        bool in = true;
        for (int i = 0; i < argc; i++) if (!spec_has(&set->specs[i], c)) { in = false; break; }
        set->ascii[c] = in;
    }
}

static void
set_free(CharSet *set)
{
    for (int i = 0; i < set->n; i++) spec_free(&set->specs[i]);
    mg_free(set->specs, sizeof(CharSpec) * (size_t)(set->n ? set->n : 1));
}

static inline bool
set_has(const CharSet *set, int32_t c)
{
    if (c >= 0 && c < 128) return set->ascii[c];
    for (int i = 0; i < set->n; i++) if (!spec_has(&set->specs[i], c)) return false;
    return true;
}

/* Next character of s at *i: codepoint (or the byte for binary / invalid). */
static inline int32_t
next_char(const char *p, int64_t len, int64_t *i, Encoding enc, int *n)
{
    unsigned char c = (unsigned char)p[*i];
    if (enc != ENC_UTF8 && !mg_enc_single_byte(enc)) {
        int32_t cp = mg_enc_codepoint(p + *i, p + len, enc, n);
        return cp < 0 ? 0x110000 + c : cp;
    }
    if (c < 0x80 || enc != ENC_UTF8) { *n = 1; return c; }
    int32_t cp = mg_utf8_decode((const unsigned char *)p + *i, (const unsigned char *)p + len, n);
    if (cp < 0) { *n = 1; return 0x110000 + c; }   /* invalid bytes match nothing */
    return cp;
}

static Value
str_count(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 1) mg_raise_argc(argc, 1, -1);
    for (int i = 0; i < argc; i++) mg_str_enc_compat(self, mg_to_str(argv[i]));
    CharSet set;
    set_build(&set, argc, argv);
    mg_str_check_valid(self);
    const char *p = mg_str_ptr(self);
    int64_t len = mg_str_len(self), n = 0;
    Encoding enc = mg_str_enc(self);
    for (int64_t i = 0; i < len; ) {
        int k;
        int32_t c = next_char(p, len, &i, enc, &k);
        if (set_has(&set, c)) n++;
        i += k;
    }
    set_free(&set);
    return MG_FIX(n);
}

/* delete (mode 'd') or squeeze (mode 's'): new string or nil if unchanged. */
static Value
delete_squeeze(Value self, int argc, const Value *argv, int mode)
{
    /* as CRuby: delete reads nothing of an empty string; it reads each
     * character strictly, squeeze only in a multibyte encoding */
    if (mode == 'd' && mg_str_len(self) == 0) return MG_NIL;
    for (int i = 0; i < argc; i++) mg_str_enc_compat(self, mg_to_str(argv[i]));
    CharSet set;
    bool all = mode == 's' && argc == 0;
    set_build(&set, argc, argv);
    if (mode == 'd' || !mg_enc_single_byte(mg_str_enc(self))) mg_str_check_valid(self);
    const char *p = mg_str_ptr(self);
    int64_t len = mg_str_len(self);
    Encoding enc = mg_str_enc(self);
    Value out = mg_str_buf_new((size_t)len);
    MG_OBJ(out)->extra = enc;
    bool changed = false;
    int32_t prev = -1;
    for (int64_t i = 0; i < len; ) {
        int k;
        int32_t c = next_char(p, len, &i, enc, &k);
        bool in = all || set_has(&set, c);
        bool drop = mode == 'd' ? in : (in && c == prev);
        if (drop) changed = true;
        else mg_str_cat(out, p + i, (size_t)k);
        p = mg_str_ptr(self);
        prev = c;
        i += k;
    }
    set_free(&set);
    return changed ? out : MG_NIL;
}

static Value
str_delete(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_str_len(self) == 0) return mg_str_dup(self);     /* CRuby looks at nothing, arguments neither */
    if (argc < 1) mg_raise_argc(argc, 1, -1);
    Value r = delete_squeeze(self, argc, argv, 'd');
    return MG_IS_NIL(r) ? mg_str_dup(self) : r;
}

static Value
str_delete_bang(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_str_len(self) == 0) return MG_NIL;     /* frozen or not, as CRuby */
    if (argc < 1) mg_raise_argc(argc, 1, -1);
    mg_str_modify(self);
    Value r = delete_squeeze(self, argc, argv, 'd');
    if (MG_IS_NIL(r)) return MG_NIL;
    mg_str_replace_bytes(self, 0, mg_str_len(self), mg_str_ptr(r), mg_str_len(r));
    return self;
}

static Value
str_squeeze(Value self, int argc, const Value *argv, Value blk)
{
    Value r = delete_squeeze(self, argc, argv, 's');
    return MG_IS_NIL(r) ? mg_str_dup(self) : r;
}

static Value
str_squeeze_bang(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    Value r = delete_squeeze(self, argc, argv, 's');
    if (MG_IS_NIL(r)) return MG_NIL;
    mg_str_replace_bytes(self, 0, mg_str_len(self), mg_str_ptr(r), mg_str_len(r));
    return self;
}

/* Total number of characters a spec lists (ranges expanded). */
static int64_t
spec_size(const CharSpec *cs)
{
    int64_t n = 0;
    for (int i = 0; i < cs->count; i++) n += (int64_t)cs->r[i].hi - cs->r[i].lo + 1;
    return n;
}

/* The idx-th character listed by a spec. */
static int32_t
spec_nth(const CharSpec *cs, int64_t idx)
{
    for (int i = 0; i < cs->count; i++) {
        int64_t w = (int64_t)cs->r[i].hi - cs->r[i].lo + 1;
        if (idx < w) return (int32_t)(cs->r[i].lo + idx);
        idx -= w;
    }
    return cs->count ? cs->r[cs->count - 1].hi : -1;
}

/* Index of the last listing of c in the spec, or -1. */
static int64_t
spec_index(const CharSpec *cs, int32_t c)
{
    int64_t base = 0, found = -1;
    for (int i = 0; i < cs->count; i++) {
        int64_t w = (int64_t)cs->r[i].hi - cs->r[i].lo + 1;
        if (c >= cs->r[i].lo && c <= cs->r[i].hi) found = base + (c - cs->r[i].lo);
        base += w;
    }
    return found;
}

/* tr / tr_s: new string or nil when unchanged. */
static Value
tr_impl(Value self, Value fromv, Value tov, bool squeeze)
{
    fromv = mg_to_str(fromv);
    tov = mg_to_str(tov);
    if (mg_str_len(self) == 0) return MG_NIL;
    if (mg_str_len(tov) == 0) {
        Value a[1] = {fromv};
        return delete_squeeze(self, 1, a, 'd');
    }
    Encoding enc = mg_str_enc_compat(self, fromv);
    enc = mg_str_enc_compat(self, tov);
    CharSpec from, to;
    spec_parse(&from, fromv, true);
    spec_parse(&to, tov, false);
    /* CRuby's tr reads a single-byte encoding's bytes as they are, tr_s and
     * a multibyte encoding's characters strictly */
    if (squeeze || !mg_enc_single_byte(mg_str_enc(self))) mg_str_check_valid(self);
    int64_t tosize = spec_size(&to);
    int32_t last_to = spec_nth(&to, tosize - 1);
    /* ASCII translation table: -1 = not in from */
    int32_t table[128];
    for (int c = 0; c < 128; c++) {
        if (from.neg) table[c] = spec_has(&from, c) ? last_to : -1;
        else {
            int64_t k = spec_index(&from, c);
            table[c] = k < 0 ? -1 : k < tosize ? spec_nth(&to, k) : last_to;
        }
    }
    const char *p = mg_str_ptr(self);
    int64_t len = mg_str_len(self);
    Encoding senc = mg_str_enc(self);
    Value out = mg_str_buf_new((size_t)len);
    bool changed = false;
    int32_t last_mapped = -1;
    char buf[16];
    for (int64_t i = 0; i < len; ) {
        int k;
        int32_t c = next_char(p, len, &i, senc, &k);
        int32_t d;
        if (c < 128) d = table[c];
        else if (c >= 0x110000) d = -1;
        else if (from.neg) d = spec_has(&from, c) ? last_to : -1;
        else {
            int64_t idx = spec_index(&from, c);
            d = idx < 0 ? -1 : idx < tosize ? spec_nth(&to, idx) : last_to;
        }
        if (d < 0) {
            mg_str_cat(out, p + i, (size_t)k);
            last_mapped = -1;
        } else {
            if (!(squeeze && d == last_mapped)) {
                if (senc == ENC_UTF8 || enc == ENC_UTF8) mg_str_cat(out, buf, (size_t)(d < 0x80 ? (buf[0] = (char)d, 1) : mg_utf8_encode((uint32_t)d, buf)));
                else if (!mg_enc_single_byte(senc)) {
                    int w = mg_enc_code_to_mbc((uint32_t)d, buf, senc);
                    if (w < 0) mg_raise(mg_eRangeError, "invalid codepoint 0x%X in %s", (unsigned)d, mg_enc_name(senc));
                    mg_str_cat(out, buf, (size_t)w);
                }
                else { buf[0] = (char)d; mg_str_cat(out, buf, 1); }
            }
            if (d != c || squeeze) changed = true;
            last_mapped = d;
        }
        p = mg_str_ptr(self);
        i += k;
    }
    spec_free(&from);
    spec_free(&to);
    MG_OBJ(out)->extra = enc;
    if (!changed && mg_str_len(out) == len) return MG_NIL;
    return out;
}

static Value
str_tr(Value self, int argc, const Value *argv, Value blk)
{
    Value r = tr_impl(self, argv[0], argv[1], false);
    return MG_IS_NIL(r) ? mg_str_dup(self) : r;
}

static Value
str_tr_bang(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_str_len(self) == 0) return MG_NIL;     /* frozen or not, as CRuby */
    mg_str_modify(self);
    Value r = tr_impl(self, argv[0], argv[1], false);
    if (MG_IS_NIL(r)) return MG_NIL;
    mg_str_replace_bytes(self, 0, mg_str_len(self), mg_str_ptr(r), mg_str_len(r));
    MG_OBJ(self)->extra = mg_str_enc(r);
    return self;
}

static Value
str_tr_s(Value self, int argc, const Value *argv, Value blk)
{
    Value r = tr_impl(self, argv[0], argv[1], true);
    return MG_IS_NIL(r) ? mg_str_dup(self) : r;
}

static Value
str_tr_s_bang(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_str_len(self) == 0) return MG_NIL;     /* frozen or not, as CRuby */
    mg_str_modify(self);
    Value r = tr_impl(self, argv[0], argv[1], true);
    if (MG_IS_NIL(r) || mg_str_equal(r, self)) return MG_NIL;
    mg_str_replace_bytes(self, 0, mg_str_len(self), mg_str_ptr(r), mg_str_len(r));
    return self;
}

/* ---- succ ----
 * CRuby's algorithm, byte for byte: a character's neighbours are found by
 * counting its bytes up or down as one number until they form a valid
 * character of the same length ("wide" encodings such as UTF-16 count its
 * code point); the rightmost digit or letter (as the regexp engine classes
 * them) is incremented within its run of the same class, wrapping carries
 * to the left; with none, the rightmost valid character is incremented. */

typedef enum { NB_NOT_CHAR, NB_FOUND, NB_WRAPPED } Neighbor;

static bool
char_found(const char *p, int64_t len, Encoding enc, int *n)
{
    *n = mg_enc_precise((const unsigned char *)p, (const unsigned char *)p + len, enc);
    return *n > 0;
}

/* p[0..len) counted up (up) or down by one character of the same length */
static Neighbor
step_char(char *p, int64_t len, Encoding enc, bool up)
{
    int n;
    if (mg_enc_minlen(enc) > 1) {
        if (!char_found(p, len, enc, &n)) return NB_NOT_CHAR;
        int k;
        int32_t c = mg_enc_codepoint(p, p + len, enc, &k);
        if (!up && c == 0) return NB_NOT_CHAR;
        c += up ? 1 : -1;
        char buf[8];
        int l = mg_enc_code_to_mbc((uint32_t)c, buf, enc);
        if (l <= 0) return NB_NOT_CHAR;
        if (l != len) return NB_WRAPPED;
        memcpy(p, buf, (size_t)l);
        return char_found(p, len, enc, &n) ? NB_FOUND : NB_NOT_CHAR;
    }
    unsigned char *u = (unsigned char *)p, wrap = up ? 0xff : 0, fill = up ? 0 : 0xff;
    for (;;) {
        int64_t i = len - 1;
        for (; i >= 0 && u[i] == wrap; i--) u[i] = fill;
        if (i < 0) return NB_WRAPPED;
        u[i] = (unsigned char)(u[i] + (up ? 1 : -1));
        n = mg_enc_precise(u, u + len, enc);
        if (n > 0) {
            if (n == len) return NB_FOUND;
            memset(u + n, wrap, (size_t)(len - n));
        }
        if (n == 0 && i < len - 1) {
            /* the longest prefix that is not invalid, the rest set to wrap */
            int64_t l2 = len - 1;
            for (; l2 > 0; l2--) if (mg_enc_precise(u, u + l2, enc) != 0) break;
            memset(u + l2 + 1, wrap, (size_t)(len - (l2 + 1)));
        }
    }
}

static int
class_at(const char *p, int64_t len, Encoding enc)
{
    int k;
    int32_t c = mg_enc_codepoint(p, p + len, enc, &k);
    return c < 0 ? 0 : mg_enc_digit_alpha(enc, c);
}

/* Increments the digit or letter p[0..len) within its class; on wrapping
 * sets carry to what the carry inserts (the run's first letter, or the
 * digit after the first digit: "z" -> "a" carries "a", "9" -> "0" carries "1"). */
static Neighbor
succ_alnum(char *p, int64_t len, Encoding enc, char *carry)
{
    int kind = class_at(p, len, enc);
    if (kind == 0) return NB_NOT_CHAR;
    char save[16];
    memcpy(save, p, (size_t)len);
    for (int try = 0; try <= 1; try++)      /* a gap of one character is stepped over */
        if (step_char(p, len, enc, true) == NB_FOUND && class_at(p, len, enc) == kind) return NB_FOUND;
    memcpy(p, save, (size_t)len);
    int64_t range = 1;
    for (;; range++) {
        memcpy(save, p, (size_t)len);
        if (step_char(p, len, enc, false) != NB_FOUND || class_at(p, len, enc) != kind) {
            memcpy(p, save, (size_t)len);
            break;
        }
    }
    if (range == 1) return NB_NOT_CHAR;
    memcpy(carry, p, (size_t)len);
    if (kind == 1) step_char(carry, len, enc, true);
    return NB_WRAPPED;
}

/* The start of the character before s (> beg), as the regexp engine steps back */
static int64_t
prev_char(const char *p, int64_t s, Encoding enc, const int64_t *heads, int64_t nheads, int64_t *hi)
{
    if (enc == ENC_UTF8) {
        int64_t j = s - 1;
        while (j > 0 && ((unsigned char)p[j] & 0xC0) == 0x80) j--;
        return j;
    }
    if (mg_enc_single_byte(enc)) return s - 1;
    UNUSED(nheads);
    return heads[--*hi];
}

Value
mg_str_succ(Value s)
{
    int64_t len = mg_str_len(s);
    Encoding enc = mg_str_enc(s);
    Value out = mg_str_new_enc(mg_str_ptr(s), (size_t)len, enc);
    if (len == 0) return out;
    char *p = (char *)mg_str_ptr(out);
    /* character starts, for the encodings that cannot step back by themselves */
    int64_t *heads = NULL, nheads = 0, hi = 0;
    if (enc != ENC_UTF8 && !mg_enc_single_byte(enc)) {
        heads = mg_malloc(sizeof(int64_t) * (size_t)(len + 1));
        for (int64_t i = 0; i < len; i += mg_enc_mbclen(p + i, p + len, enc)) heads[nheads++] = i;
    }
    char carry[16] = "\1";
    int64_t carry_pos = 0, carry_len = 1, last_alnum = -1, at = len;
    Neighbor nb = NB_FOUND;
    bool found_alnum = false;
    hi = nheads;
    while (at > 0) {
        at = prev_char(p, at, enc, heads, nheads, &hi);
        if (nb == NB_NOT_CHAR && last_alnum >= 0) {
            unsigned char la = (unsigned char)p[last_alnum], c = (unsigned char)p[at];
            bool la_alpha = (la | 0x20) >= 'a' && (la | 0x20) <= 'z', la_digit = la >= '0' && la <= '9';
            bool c_alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z', c_digit = c >= '0' && c <= '9';
            if (la_alpha ? c_digit : la_digit ? c_alpha : false) break;
        }
        int l;
        if (!char_found(p + at, len - at, enc, &l)) continue;
        nb = succ_alnum(p + at, l, enc, carry);
        if (nb == NB_NOT_CHAR) continue;
        if (nb == NB_FOUND) goto done;
        last_alnum = at;
        found_alnum = true;
        carry_pos = at;
        carry_len = l;
    }
    if (!found_alnum) {
        at = len;
        hi = nheads;
        while (at > 0) {
            at = prev_char(p, at, enc, heads, nheads, &hi);
            int l;
            if (!char_found(p + at, len - at, enc, &l)) continue;
            char tmp[16];
            memcpy(tmp, p + at, (size_t)l);
            Neighbor r = step_char(tmp, l, enc, true);
            if (r != NB_NOT_CHAR) memcpy(p + at, tmp, (size_t)l);
            if (r == NB_FOUND) goto done;
            int l2 = mg_enc_precise((const unsigned char *)p + at, (const unsigned char *)p + at + l, enc);
            if (l2 != l) step_char(p + at, l, enc, true);     /* wrapped to NULs: the next valid one */
            if (!mg_enc_ascii_compat(enc)) { memcpy(carry, p + at, (size_t)l); carry_len = l; }
            carry_pos = at;
        }
    }
    mg_str_replace_bytes(out, carry_pos, 0, carry, carry_len);
done:
    if (heads) mg_free(heads, sizeof(int64_t) * (size_t)(len + 1));
    MG_OBJ(out)->flags &= ~STR_CR_MASK;
    return out;
}

static Value
str_succ(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_succ(self);
}

static Value
str_succ_bang(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    Value r = mg_str_succ(self);
    mg_str_replace_bytes(self, 0, mg_str_len(self), mg_str_ptr(r), mg_str_len(r));
    return self;
}

/* ---- justification ---- */

static Value
justify(Value self, int argc, const Value *argv, int mode)
{
    int64_t width = mg_num2long(argv[0]);
    Value pad = argc > 1 ? mg_to_str(argv[1]) : MG_NIL;
    const char *pp = " ";
    int64_t plen = 1, pclen = 1;
    if (!MG_IS_NIL(pad)) {
        mg_str_enc_compat(self, pad);
        pp = RSTR(pad)->ptr;
        plen = RSTR(pad)->len;
        if (plen == 0) mg_raise(mg_eArgumentError, "zero width padding");
        pclen = mg_str_char_len(pad);
    }
    int64_t clen = mg_str_char_len(self);
    if (width <= clen) return mg_str_dup(self);
    /* as CRuby: a size past a long is "argument too big"; a smaller one is tried, and may fail */
    if ((width - clen) / pclen + 2 > (INT64_MAX - RSTR(self)->len) / plen) mg_raise(mg_eArgumentError, "argument too big");
    if (width - clen > STR_MAX_LEN / 4) mg_raise_nomem();
    int64_t total = width - clen, left, right;
    if (mode == 'l') { left = 0; right = total; }
    else if (mode == 'r') { left = total; right = 0; }
    else { left = total / 2; right = total - left; }
    Value out = mg_str_buf_new((size_t)(RSTR(self)->len + (total / pclen + 2) * plen));
    MG_OBJ(out)->extra = STR_ENC(self);
    if (!MG_IS_NIL(pad)) pp = RSTR(pad)->ptr;
    for (int side = 0; side < 2; side++) {
        int64_t n = side == 0 ? left : right;
        if (side == 1) mg_str_cat(out, RSTR(self)->ptr, (size_t)RSTR(self)->len);
        while (n >= pclen) { mg_str_cat(out, pp, (size_t)plen); n -= pclen; }
        if (n > 0) {
            int64_t off = pclen == plen ? n : mg_enc_nth(pp, plen, n, ENC_UTF8, CR_VALID);
            mg_str_cat(out, pp, (size_t)off);
        }
    }
    if (left == 0 && right == 0) mg_str_cat(out, RSTR(self)->ptr, (size_t)RSTR(self)->len);
    if (!MG_IS_NIL(pad)) MG_OBJ(out)->extra = mg_str_enc_compat(self, pad);
    return out;
}

static Value str_ljust(Value self, int argc, const Value *argv, Value blk) { return justify(self, argc, argv, 'l'); }
static Value str_rjust(Value self, int argc, const Value *argv, Value blk) { return justify(self, argc, argv, 'r'); }
static Value str_center(Value self, int argc, const Value *argv, Value blk) { return justify(self, argc, argv, 'c'); }

static const MgMethodDef string_ops_methods[] = {
    {"ljust", str_ljust, 1, 2},
    {"rjust", str_rjust, 1, 2},
    {"center", str_center, 1, 2},
    {"upcase", str_upcase, 0, 2},
    {"downcase", str_downcase, 0, 2},
    {"swapcase", str_swapcase, 0, 2},
    {"capitalize", str_capitalize, 0, 2},
    {"upcase!", str_upcase_bang, 0, 2},
    {"downcase!", str_downcase_bang, 0, 2},
    {"swapcase!", str_swapcase_bang, 0, 2},
    {"capitalize!", str_capitalize_bang, 0, 2},
    {"count", str_count, 0, -1},
    {"delete", str_delete, 0, -1},
    {"delete!", str_delete_bang, 0, -1},
    {"squeeze", str_squeeze, 0, -1},
    {"squeeze!", str_squeeze_bang, 0, -1},
    {"tr", str_tr, 2, 2},
    {"tr!", str_tr_bang, 2, 2},
    {"tr_s", str_tr_s, 2, 2},
    {"tr_s!", str_tr_s_bang, 2, 2},
    {"succ", str_succ, 0, 0},
    {"next", str_succ, 0, 0},
    {"succ!", str_succ_bang, 0, 0},
    {"next!", str_succ_bang, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_string_ops(void)
{
    mg_define_methods(mg_cString, string_ops_methods);
}
