/* re.c -- Regexp and MatchData on Oniguruma (Ruby syntax), the last match ($~),
 * and String's pattern methods: sub, gsub, scan, split (with their bang forms).
 *
 * A Regexp holds its pattern compiled for UTF-8 and, compiled on first need,
 * for single-byte (ASCII-8BIT) strings. A MatchData holds the byte offsets of
 * every group and a frozen copy of the string it matched.
 *
 * A Regexp persists as its source String, options and literal flag (docs/
 * format.md, "Regexp"); a read one compiles its pattern on first use. */
#include "string_int.h"
#include "../store/store.h"
#include <oniguruma.h>
#include <ctype.h>

#pragma GCC diagnostic ignored "-Wunused-parameter"

enum {
    RE_IGNORECASE = 1, RE_EXTENDED = 2, RE_MULTILINE = 4,
    RE_FIXEDENCODING = 16, RE_NOENCODING = 32,
    RE_OPTION_MASK = RE_IGNORECASE | RE_EXTENDED | RE_MULTILINE,
};

/* The pattern for strings with high bytes in another encoding, made once
 * per Regexp when first needed and then only refilled: the payload's pointer
 * to it never changes, so a payload copied and put back (a nested
 * transaction's pre-image, store/txn.c) never points at a freed pattern. */
typedef struct {
    regex_t *reg;
    Encoding enc;        /* BINARY, or the encoding (ISO-8859-1, Shift_JIS, ...) reg is for */
} ReBin;

typedef struct {
    regex_t *reg;        /* for UTF-8 / ASCII strings; set once (initialize, or first use of a read one) */
    ReBin *bin;          /* NULL until needed */
    Value src;           /* frozen source String; nil until initialized */
    int options;
    bool literal;
} RegexpData;

typedef struct {
    Value regexp;
    Value str;           /* frozen */
    int nregs;
    int64_t *offs;       /* beg0, end0, beg1, end1, ... */
} MatchDataData;

static void
regexp_mark(void *p)
{
    RegexpData *r = p;
    mg_gc_mark(r->src);
}

static void
regexp_free(void *p)
{
    RegexpData *r = p;
    if (r->reg) onig_free(r->reg);
    if (r->bin) {
        if (r->bin->reg) onig_free(r->bin->reg);
        free(r->bin);
    }
    r->reg = NULL;
    r->bin = NULL;
}

static size_t
regexp_memsize(const void *p)
{
    UNUSED(p);
    return sizeof(RegexpData) + 256;
}

/* Committed as: ref source (a frozen String), u32 options, u8 literal. */
static void
regexp_encode(const void *p, MgBuf *b)
{
    const RegexpData *r = p;
    mg_rec_put_ref(b, r->src);
    mg_rec_put_u32(b, (uint32_t)r->options);
    mg_rec_put_u8(b, r->literal);
}

static void
regexp_decode(void *p, bool in_slot, MgRd *r)
{
    UNUSED(in_slot);
    RegexpData *x = p;
    x->reg = NULL;                           /* compiled on first use (re_get) */
    x->bin = NULL;
    x->src = mg_rec_get_ref(r);
    x->options = (int)mg_rec_get_u32(r);
    x->literal = mg_rec_get_u8(r) != 0;
    if (mg_rec_failed(r)) return;
    if (!MG_IS_TYPE(x->src, T_STRING)) mg_rec_fail(r, "Regexp record's source is not a String");
    else if (x->options & ~(RE_OPTION_MASK | RE_FIXEDENCODING | RE_NOENCODING)) mg_rec_fail(r, "Regexp record has unknown options");
}

static void
regexp_each_ref(const void *p, void (*fn)(Value, void *), void *arg)
{
    fn(((const RegexpData *)p)->src, arg);
}

static const char *
regexp_refuse(const void *p)
{
    return ((const RegexpData *)p)->src == MG_NIL ? "an uninitialized Regexp cannot be persisted" : NULL;
}

static const MgDataPersist regexp_persist = {
    .tag = "Regexp", .size = sizeof(RegexpData), .encode = regexp_encode, .decode = regexp_decode,
    .each_ref = regexp_each_ref, .refuse = regexp_refuse,
};
static const DataType regexp_type = { "Regexp", regexp_mark, regexp_free, regexp_memsize, &regexp_persist };

static void
md_mark(void *p)
{
    MatchDataData *m = p;
    mg_gc_mark(m->regexp);
    mg_gc_mark(m->str);
}

static void
md_free(void *p)
{
    MatchDataData *m = p;
    if (m->offs) mg_free(m->offs, sizeof(int64_t) * 2 * (size_t)m->nregs);
    m->offs = NULL;
}

static size_t
md_memsize(const void *p)
{
    const MatchDataData *m = p;
    return sizeof *m + sizeof(int64_t) * 2 * (size_t)m->nregs;
}

static const DataType matchdata_type = { "MatchData", md_mark, md_free, md_memsize };

static OnigRegion *scratch_region;

bool
mg_is_regexp(Value v)
{
    return mg_data_get(v, &regexp_type) != NULL;
}

bool
mg_unicode_printable(uint32_t cp)
{
    return ONIGENC_IS_CODE_PRINT(ONIG_ENCODING_UTF8, cp);
}

static regex_t *compile_source(Value src, int options);

static RegexpData *
re_get(Value re)
{
    RegexpData *r = mg_data_check(re, &regexp_type);
    if (!r->reg) {
        if (r->src == MG_NIL) mg_raise(mg_eTypeError, "uninitialized Regexp");
        regex_t *reg = compile_source(r->src, r->options);   /* one read from the repository */
        r = mg_data_check(re, &regexp_type);
        if (r->reg) onig_free(reg);
        else r->reg = reg;
    }
    return r;
}

static MatchDataData *
md_get(Value md)
{
    MatchDataData *m = mg_data_check(md, &matchdata_type);
    if (!m->offs) mg_raise(mg_eTypeError, "uninitialized MatchData");
    return m;
}

/* ---- compiling ---- */

static NORETURN void
raise_onig_error(int code, OnigErrorInfo *einfo, Value src, int options)
{
    UChar buf[ONIG_MAX_ERROR_MESSAGE_LEN];
    onig_error_code_to_str(buf, code, einfo);
    Value msg = mg_str_new_cstr((const char *)buf);
    mg_str_cat(msg, ": /", 3);
    mg_str_cat(msg, mg_str_ptr(src), (size_t)mg_str_len(src));
    mg_str_cat(msg, "/", 1);
    if (options & RE_MULTILINE) mg_str_cat(msg, "m", 1);
    if (options & RE_IGNORECASE) mg_str_cat(msg, "i", 1);
    if (options & RE_EXTENDED) mg_str_cat(msg, "x", 1);
    mg_raise_str(mg_eRegexpError, msg);
}

/* Whether the pattern has an interval {n,m} with n > m outside a class: Onigmo
 * rejects it, Oniguruma reads it as the possessive {m,n}+ */
static bool
reversed_interval(const UChar *p, int64_t n, bool extended)
{
    int depth = 0;
    for (int64_t i = 0; i < n; i++) {
        UChar c = p[i];
        if (c == '\\') { i++; continue; }
        if (c == '[') { depth++; continue; }
        if (c == ']' && depth) { depth--; continue; }
        if (depth) continue;
        if (c == '(' && i + 2 < n && p[i + 1] == '?' && p[i + 2] == '#') {
            while (i < n && p[i] != ')') i++;
            continue;
        }
        if (c == '#' && extended) {
            while (i < n && p[i] != '\n') i++;
            continue;
        }
        if (c != '{' || i == 0) continue;
        int64_t j = i + 1, lo = 0, hi = 0;
        if (j >= n || !isdigit(p[j])) continue;
        while (j < n && isdigit(p[j]) && lo < 100000) lo = lo * 10 + (p[j++] - '0');
        if (j >= n || p[j++] != ',' || j >= n || !isdigit(p[j])) continue;
        while (j < n && isdigit(p[j]) && hi < 100000) hi = hi * 10 + (p[j++] - '0');
        if (j < n && p[j] == '}' && lo > hi) return true;
    }
    return false;
}

static regex_t *
compile(Value src, int options, OnigEncoding enc)
{
    /* Ruby's \w \d \s are ASCII-only, but \b \B see Unicode word characters
     * (Onigmo's behaviour): Oniguruma ties \b to \w, so \w is rewritten as an
     * ASCII class below and words stay Unicode; POSIX brackets and \p{} are too */
    OnigOptionType opt = ONIG_OPTION_DIGIT_IS_ASCII | ONIG_OPTION_SPACE_IS_ASCII;
    if (options & RE_IGNORECASE) opt |= ONIG_OPTION_IGNORECASE;
    if (options & RE_EXTENDED) opt |= ONIG_OPTION_EXTEND;
    if (options & RE_MULTILINE) opt |= ONIG_OPTION_MULTILINE;
    regex_t *reg;
    OnigErrorInfo einfo;
    const UChar *p = (const UChar *)mg_str_ptr(src);
    int64_t n = mg_str_len(src);
    /* Ruby's \u{H H ...} is not Oniguruma syntax: rewrite each code point as \x{H} */
    char *tmp = NULL;
    if (memmem(p, (size_t)n, "\\u{", 3)) {
        tmp = malloc((size_t)n * 4 + 16);
        int64_t o = 0;
        for (int64_t i = 0; i < n;) {
            if (p[i] == '\\' && i + 2 < n && p[i + 1] == 'u' && p[i + 2] == '{') {
                int64_t j = i + 3;
                int64_t close = j;
                while (close < n && p[close] != '}') close++;
                if (close >= n) { tmp[o++] = (char)p[i++]; continue; }
                while (j < close) {
                    while (j < close && p[j] == ' ') j++;
                    int64_t b = j;
                    while (j < close && isxdigit(p[j])) j++;
                    if (j == b) { if (j < close) j++; continue; }
                    o += sprintf(tmp + o, "\\x{%.*s}", (int)(j - b), (const char *)p + b);
                }
                i = close + 1;
                continue;
            }
            if (p[i] == '\\' && i + 1 < n) { tmp[o++] = (char)p[i++]; }
            tmp[o++] = (char)p[i++];
        }
        p = (const UChar *)tmp;
        n = o;
    }
    char *tmp2 = NULL;
    if (memmem(p, (size_t)n, "\\w", 2) || memmem(p, (size_t)n, "\\W", 2)) {
        tmp2 = malloc((size_t)n * 14 + 16);
        int64_t o = 0;
        int depth = 0;                        /* inside a character class (they nest) */
        for (int64_t i = 0; i < n;) {
            UChar c = p[i];
            if (c == '\\' && i + 1 < n) {
                UChar d = p[i + 1];
                if (d == 'w' || (d == 'W' && !depth)) {
                    const char *rep = depth ? "a-zA-Z0-9_" : d == 'w' ? "[a-zA-Z0-9_]" : "[^a-zA-Z0-9_]";
                    size_t l = strlen(rep);
                    memcpy(tmp2 + o, rep, l);
                    o += (int64_t)l;
                } else {
                    tmp2[o++] = (char)c;
                    tmp2[o++] = (char)d;
                }
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                tmp2[o++] = (char)p[i++];
                if (i < n && p[i] == '^') tmp2[o++] = (char)p[i++];
                if (i < n && p[i] == ']') tmp2[o++] = (char)p[i++];   /* a leading ] is literal */
                continue;
            }
            if (c == ']' && depth) depth--;
            tmp2[o++] = (char)p[i++];
        }
        p = (const UChar *)tmp2;
        n = o;
    }
    int r = reversed_interval(p, n, (options & RE_EXTENDED) != 0)
                ? ONIGERR_UPPER_SMALLER_THAN_LOWER_IN_REPEAT_RANGE
                : onig_new(&reg, p, p + n, opt, enc, ONIG_SYNTAX_RUBY, &einfo);
    free(tmp);
    free(tmp2);
    if (r != ONIG_NORMAL) raise_onig_error(r, &einfo, src, options);
    return reg;
}

/* The pattern for the UTF-8 / ASCII side of a source and its options: a
 * source with high bytes in ISO-8859-1, Shift_JIS, ... is compiled in its
 * encoding. */
static regex_t *
compile_source(Value src, int options)
{
    MG_FAULT(src);
    Encoding senc = mg_str_enc(src);
    OnigEncoding oenc = (options & RE_NOENCODING) ? ONIG_ENCODING_ASCII : ONIG_ENCODING_UTF8;
    if ((options & RE_FIXEDENCODING) && senc != ENC_UTF8) oenc = (OnigEncoding)mg_enc_info(senc)->onig;
    return compile(src, options, oenc);
}

static void
re_init(Value re, Value src, int options, bool literal)
{
    RegexpData *r = mg_data_check(re, &regexp_type);
    if ((r->reg || r->src != MG_NIL) && (MG_OBJ(re)->flags & OF_FROZEN)) mg_raise_frozen(re);
    if (r->reg || r->src != MG_NIL) mg_raise(mg_eTypeError, "already initialized regexp");
    Value s = mg_str_dup(src);
    if (mg_str_enc(src) == ENC_BINARY && !mg_str_ascii_only(src)) options |= RE_NOENCODING;
    if (!(options & RE_NOENCODING) && !mg_str_ascii_only(s)) options |= RE_FIXEDENCODING;
    if (!(options & RE_NOENCODING)) {
        /* \u and \p{} escapes make a pattern UTF-8 (CRuby) */
        const char *q = mg_str_ptr(s);
        for (int64_t i = 0; i + 1 < mg_str_len(s); i++) {
            if (q[i] != '\\') continue;
            if (q[i + 1] == 'u' || q[i + 1] == 'p' || q[i + 1] == 'P') { options |= RE_FIXEDENCODING; break; }
            i++;
        }
    }
    if (mg_str_coderange(s) == CR_BROKEN && !(options & RE_NOENCODING)) {
        Value msg = mg_str_new_cstr("invalid multibyte character: /");
        mg_str_append(msg, mg_str_escape_chars(s));
        mg_str_cat(msg, "/", 1);
        mg_raise_str(mg_eRegexpError, msg);
    }
    regex_t *reg = compile_source(s, options);
    r = mg_data_check(re, &regexp_type);
    r->reg = reg;
    mg_str_freeze(s);
    MG_WB(re, s);
    r->src = s;
    r->options = options;
    r->literal = literal;
}

static Value
regexp_alloc(RClass *klass)
{
    void *payload;
    return mg_data_new_inline(klass, &regexp_type, sizeof(RegexpData), &payload);
}

Value
mg_regexp_new_str(Value src, int options)
{
    Value re = regexp_alloc(mg_cRegexp);
    re_init(re, src, options, false);
    return re;
}

Value
mg_regexp_new(const char *src, size_t len, int options)
{
    /* the literal's \/ stands for / (it only had to be escaped from the delimiter) */
    Value s = mg_str_buf_new(len);
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\\' && i + 1 < len) {
            if (src[i + 1] == '/') { mg_str_cat(s, "/", 1); i++; continue; }
            mg_str_cat(s, src + i, 2);
            i++;
            continue;
        }
        mg_str_cat(s, src + i, 1);
    }
    int opt = options & RE_OPTION_MASK;
    if (options & (1 << 17)) {           /* NF_RE_NOENC: /n */
        opt |= RE_NOENCODING;
        MG_OBJ(s)->extra = ENC_BINARY;
        if (mg_str_ascii_only(s)) MG_OBJ(s)->extra = ENC_US_ASCII;
    }
    if (options & (1 << 18)) opt |= RE_FIXEDENCODING;   /* NF_RE_UTF8: /u */
    Value re = regexp_alloc(mg_cRegexp);
    re_init(re, s, opt, true);
    if (options & (1 << 17)) {
        RegexpData *r = re_get(re);
        r->options = (r->options & ~RE_FIXEDENCODING) | RE_NOENCODING;
    }
    MG_OBJ(re)->flags |= OF_FROZEN;
    return re;
}

/* ---- searching ---- */

/* Set just before a search for sub/gsub with a String pattern, which CRuby
 * runs as a byte search that takes broken strings; the next re_for_string
 * takes and clears it. */
static bool string_pattern_search;

/* The compiled pattern fit for str (raises on incompatible encodings). */
static regex_t *
re_for_string(Value re, Value str)
{
    RegexpData *r = re_get(re);
    bool lax = string_pattern_search;
    string_pattern_search = false;
    int cr = mg_str_coderange(str);
    if (lax && cr == CR_BROKEN) cr = CR_VALID;
    Encoding enc = mg_str_enc(str);
    if (r->options & RE_NOENCODING) return r->reg;
    if ((r->options & RE_FIXEDENCODING) && mg_str_enc(r->src) == enc && !mg_enc_ascii_compat(enc)) {
        /* a UTF-16 / UTF-32 pattern on a string of its encoding */
        if (cr == CR_BROKEN) mg_raise(mg_eArgumentError, "invalid byte sequence in %s", mg_enc_name(enc));
        return r->reg;
    }
    if ((r->options & RE_FIXEDENCODING) && !mg_enc_ascii_compat(mg_str_enc(r->src)))
        mg_raise(mg_eEncCompatError, "incompatible encoding regexp match (%s regexp with %s string)",
                 mg_enc_name(mg_str_enc(r->src)), mg_enc_name(enc));
    if (!mg_enc_ascii_compat(enc))
        mg_raise(mg_eEncCompatError, "incompatible encoding regexp match (%s regexp with %s string)",
                 !(r->options & RE_FIXEDENCODING) ? "US-ASCII" : mg_str_enc(r->src) == ENC_US_ASCII ? "UTF-8" : mg_enc_name(mg_str_enc(r->src)), mg_enc_name(enc));
    if (cr == CR_7BIT) return r->reg;
    Encoding renc = (r->options & RE_FIXEDENCODING) ? mg_str_enc(r->src) : ENC_US_ASCII;
    if (renc == ENC_US_ASCII && (r->options & RE_FIXEDENCODING)) renc = ENC_UTF8;
    if (enc == ENC_UTF8 && (r->options & RE_FIXEDENCODING) && renc != ENC_UTF8)
        mg_raise(mg_eEncCompatError, "incompatible encoding regexp match (%s regexp with UTF-8 string)", mg_enc_name(renc));
    if (enc == ENC_UTF8 || enc == renc) {
        if (cr == CR_BROKEN) mg_raise(mg_eArgumentError, "invalid byte sequence in %s", mg_enc_name(enc));
        return r->reg;
    }
    /* high bytes in another encoding: BINARY, or ISO-8859-1, Shift_JIS, ... */
    if (r->options & RE_FIXEDENCODING)
        mg_raise(mg_eEncCompatError, "incompatible encoding regexp match (%s regexp with %s string)", mg_enc_name(renc), mg_enc_name(enc));
    if (cr == CR_BROKEN && enc != ENC_BINARY) mg_raise(mg_eArgumentError, "invalid byte sequence in %s", mg_enc_name(enc));
    if (!r->bin) {
        ReBin *nb = calloc(1, sizeof *nb);
        if (!nb) mg_raise_nomem();
        r->bin = nb;
    }
    if (!r->bin->reg || r->bin->enc != enc) {
        OnigEncoding oe = enc == ENC_BINARY ? ONIG_ENCODING_ASCII : (OnigEncoding)mg_enc_info(enc)->onig;
        regex_t *b = compile(r->src, r->options, oe);
        r = re_get(re);
        if (r->bin->reg) onig_free(r->bin->reg);
        r->bin->reg = b;
        r->bin->enc = enc;
    }
    return r->bin->reg;
}

/* The compiled Oniguruma pattern (a regex_t *) of re fit for str: for src/ext/strscan.c. */
void *
mg_reg_onig(Value re, Value str)
{
    return re_for_string(re, str);
}

static Value
md_new(Value re, Value str, OnigRegion *region)
{
    void *payload;
    Value md = mg_data_new_inline(mg_cMatchData, &matchdata_type, sizeof(MatchDataData), &payload);
    MatchDataData *m = payload;
    int n = region->num_regs;
    int64_t *offs = mg_malloc(sizeof(int64_t) * 2 * (size_t)n);
    for (int i = 0; i < n; i++) { offs[2 * i] = region->beg[i]; offs[2 * i + 1] = region->end[i]; }
    Value s = str;
    if (!mg_frozen_p(s)) { s = mg_str_dup(str); mg_str_freeze(s); }
    m = mg_data_get(md, &matchdata_type);
    m->offs = offs;
    m->nregs = n;
    m->regexp = re;
    m->str = s;
    return md;
}

static int64_t
search_region(Value re, Value str, int64_t pos, bool reverse, OnigRegion *region)
{
    regex_t *reg = re_for_string(re, str);
    const UChar *p = (const UChar *)mg_str_ptr(str);
    int64_t len = mg_str_len(str);
    if (pos < 0 || pos > len) return -1;
    const UChar *end = p + len, *start = p + pos, *range = reverse ? p : end;
    int r = onig_search(reg, p, end, start, range, region, ONIG_OPTION_NONE);
    if (r >= 0) return (int64_t)r;
    if (r == ONIG_MISMATCH) return -1;
    UChar buf[ONIG_MAX_ERROR_MESSAGE_LEN];
    onig_error_code_to_str(buf, (int)r);
    mg_raise(mg_eRegexpError, "%s", (const char *)buf);
}

int64_t
mg_reg_search(Value re, Value str, int64_t pos, bool reverse, bool set_backref, Value *md)
{
    onig_region_clear(scratch_region);
    int64_t r = search_region(re, str, pos, reverse, scratch_region);
    Value m = MG_NIL;
    if (r >= 0 && (set_backref || md)) m = md_new(re, str, scratch_region);
    if (set_backref) mg_backref_set(m);
    if (md) *md = m;
    return r;
}

bool
mg_reg_match_p(Value re, Value str, int64_t pos)
{
    regex_t *reg = re_for_string(re, str);
    const UChar *p = (const UChar *)mg_str_ptr(str);
    int64_t len = mg_str_len(str);
    if (pos < 0 || pos > len) return false;
    return onig_search(reg, p, p + len, p + pos, p + len, NULL, ONIG_OPTION_NONE) >= 0;
}

Value
mg_reg_match(Value re, Value str, int64_t pos)
{
    Value md;
    mg_reg_search(re, str, pos, false, true, &md);
    return md;
}

int
mg_md_count(Value md)
{
    return md_get(md)->nregs;
}

int64_t
mg_md_beg(Value md, int i)
{
    MatchDataData *m = md_get(md);
    return i < 0 || i >= m->nregs ? -1 : m->offs[2 * i];
}

int64_t
mg_md_end(Value md, int i)
{
    MatchDataData *m = md_get(md);
    return i < 0 || i >= m->nregs ? -1 : m->offs[2 * i + 1];
}

Value
mg_md_str(Value md)
{
    return md_get(md)->str;
}

int
mg_md_name_to_num(Value md, const char *name, size_t len, bool raise)
{
    MatchDataData *m = md_get(md);
    RegexpData *r = re_get(m->regexp);
    regex_t *reg = r->reg;
    OnigRegion region;
    region.num_regs = m->nregs;
    int n = -1;
    if (len > 0) {
        /* onig wants a region to choose the last matched among duplicates */
        OnigRegion *tmp = onig_region_new();
        onig_region_resize(tmp, m->nregs);
        for (int i = 0; i < m->nregs; i++) { tmp->beg[i] = (int)m->offs[2 * i]; tmp->end[i] = (int)m->offs[2 * i + 1]; }
        n = onig_name_to_backref_number(reg, (const UChar *)name, (const UChar *)name + len, tmp);
        onig_region_free(tmp, 1);
    }
    (void)region;
    if (n < 0) {
        if (!raise) return -1;
        Value s = mg_str_new(name, len);
        mg_raise(mg_eIndexError, "undefined group name reference: %s", mg_str_cstr(s));
    }
    return n;
}

static Value
md_group(Value md, int i)
{
    MatchDataData *m = md_get(md);
    if (i < 0 || i >= m->nregs || m->offs[2 * i] < 0) return MG_NIL;
    return mg_str_subseq(m->str, m->offs[2 * i], m->offs[2 * i + 1] - m->offs[2 * i]);
}

Value
mg_reg_nth_match(int n, Value md)
{
    if (MG_IS_NIL(md)) return MG_NIL;
    if (n < 0) {
        n += md_get(md)->nregs;
        if (n <= 0) return MG_NIL;      /* as CRuby: a negative n never means the whole match */
    }
    return md_group(md, n);
}

Value
mg_reg_last_match(Value md)
{
    return mg_reg_nth_match(0, md);
}

Value
mg_reg_match_pre(Value md)
{
    if (MG_IS_NIL(md)) return MG_NIL;
    MatchDataData *m = md_get(md);
    return mg_str_subseq(m->str, 0, m->offs[0]);
}

Value
mg_reg_match_post(Value md)
{
    if (MG_IS_NIL(md)) return MG_NIL;
    MatchDataData *m = md_get(md);
    return mg_str_subseq(m->str, m->offs[1], mg_str_len(m->str) - m->offs[1]);
}

Value
mg_reg_match_last(Value md)
{
    if (MG_IS_NIL(md)) return MG_NIL;
    MatchDataData *m = md_get(md);
    int i;
    for (i = m->nregs - 1; i > 0 && m->offs[2 * i] < 0; i--) ;
    if (i == 0) return MG_NIL;
    return md_group(md, i);
}

/* ---- quoting ---- */

Value
mg_reg_quote(Value s)
{
    s = MG_IS_SYMBOL(s) ? mg_sym_to_s(s) : mg_to_str(s);
    const char *p = mg_str_ptr(s);
    int64_t len = mg_str_len(s);
    Value out = mg_str_buf_new((size_t)len + 8);
    Encoding enc = mg_str_enc(s);
    if (enc != ENC_UTF8 && !mg_enc_single_byte(enc)) {
        /* Shift_JIS, UTF-16, ...: whole characters; only ASCII ones are quoted,
         * with a backslash in the string's encoding */
        char bs[8];
        int bsl = mg_enc_code_to_mbc('\\', bs, enc);
        for (int64_t i = 0; i < len; ) {
            p = mg_str_ptr(s);
            int n;
            int32_t c = mg_enc_codepoint(p + i, p + len, enc, &n);
            if (c >= 0 && c < 0x80 && bsl > 0 && strchr("[]{}()|-*.\\?+^$# \t\n\r\f\v", (int)c) && c != 0) {
                static const char map[] = " \tt\nn\rr\ff\vv";
                const char *m = strchr(map, (int)c);
                char buf[8];
                mg_str_cat(out, bs, (size_t)bsl);
                int w = mg_enc_code_to_mbc((uint32_t)(m && c != ' ' ? m[1] : c), buf, enc);
                mg_str_cat(out, buf, (size_t)(w > 0 ? w : 0));
            } else {
                mg_str_cat(out, p + i, (size_t)n);
            }
            i += n;
        }
        MG_OBJ(out)->extra = enc;
        return out;
    }
    for (int64_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)p[i];
        const char *rep = NULL;
        switch (c) {
        case '[': case ']': case '{': case '}': case '(': case ')': case '|': case '-':
        case '*': case '.': case '\\': case '?': case '+': case '^': case '$': case '#':
            mg_str_cat(out, "\\", 1);
            break;
        case ' ': rep = "\\ "; break;
        case '\t': rep = "\\t"; break;
        case '\n': rep = "\\n"; break;
        case '\r': rep = "\\r"; break;
        case '\f': rep = "\\f"; break;
        case '\v': rep = "\\v"; break;
        default: break;
        }
        if (rep) mg_str_cat(out, rep, 2);
        else mg_str_cat(out, (const char *)&c, 1);
    }
    MG_OBJ(out)->extra = mg_str_enc(s);
    return out;
}

/* A small cache of Regexps made from String patterns (sub/gsub/scan with a String). */
#define PAT_CACHE 8
static Value pat_cache[PAT_CACHE];
static unsigned pat_cache_next;

/* A pattern argument that is no Regexp: a String, or what converts to one
 * (to_str); else CRuby's TypeError (a Symbol is no pattern). */
static Value
pattern_arg(Value pat)
{
    if (MG_IS_STRING(pat) || mg_is_regexp(pat)) return pat;
    if (MG_IS_IMMEDIATE(pat) || !mg_respond_to(pat, mg_intern_cstr("to_str"), true))
        mg_raise(mg_eTypeError, "wrong argument type %s (expected Regexp)", mg_class_cname(mg_obj_class(pat)));
    return mg_to_str(pat);
}

Value
mg_reg_from_pattern(Value pat)
{
    if (mg_is_regexp(pat)) return pat;
    pat = pattern_arg(pat);
    Value q = mg_reg_quote(pat);
    for (int i = 0; i < PAT_CACHE; i++) {
        Value re = pat_cache[i];
        if (!re) continue;
        RegexpData *r = mg_data_get(re, &regexp_type);
        if (r->options == 0 && mg_str_enc(r->src) == mg_str_enc(q) && mg_str_equal(r->src, q)) return re;
    }
    Value re = mg_regexp_new_str(q, 0);
    pat_cache[pat_cache_next++ % PAT_CACHE] = re;
    return re;
}

/* ---- replacement expansion ---- */

Value
mg_reg_expand(Value repl, Value md)
{
    const char *p = mg_str_ptr(repl);
    int64_t len = mg_str_len(repl);
    MatchDataData *m = md_get(md);
    Value out = mg_str_buf_new((size_t)len + 16);
    MG_OBJ(out)->extra = mg_str_enc(repl);
    for (int64_t i = 0; i < len; i++) {
        if (p[i] != '\\' || i + 1 >= len) { mg_str_cat(out, p + i, 1); continue; }
        char c = p[i + 1];
        int g = -1;
        if (c >= '0' && c <= '9') g = c - '0';
        else if (c == '&') g = 0;
        else if (c == 'k' && i + 2 < len && p[i + 2] == '<') {
            const char *close = memchr(p + i + 3, '>', (size_t)(len - i - 3));
            if (close) {
                const char *name = p + i + 3;
                size_t nlen = (size_t)(close - name);
                bool numeric = nlen > 0;
                for (size_t k = 0; k < nlen; k++) if (!isdigit((unsigned char)name[k])) numeric = false;
                if (numeric) g = atoi(name);
                else g = mg_md_name_to_num(md, name, nlen, true);
                m = md_get(md);
                if (g >= 0 && g < m->nregs && m->offs[2 * g] >= 0)
                    mg_str_cat(out, mg_str_ptr(m->str) + m->offs[2 * g], (size_t)(m->offs[2 * g + 1] - m->offs[2 * g]));
                i = close - p;
                continue;
            }
        } else if (c == '`') {
            mg_str_cat(out, mg_str_ptr(m->str), (size_t)m->offs[0]);
            i++;
            continue;
        } else if (c == '\'') {
            mg_str_cat(out, mg_str_ptr(m->str) + m->offs[1], (size_t)(mg_str_len(m->str) - m->offs[1]));
            i++;
            continue;
        } else if (c == '\\') {
            mg_str_cat(out, "\\", 1);
            i++;
            continue;
        } else if (c == '+') {
            int k;
            for (k = m->nregs - 1; k > 0 && m->offs[2 * k] < 0; k--) ;
            g = k;
            if (k == 0) { i++; continue; }
        }
        if (g < 0) { mg_str_cat(out, p + i, 2); i++; continue; }
        m = md_get(md);
        if (g < m->nregs && m->offs[2 * g] >= 0)
            mg_str_cat(out, mg_str_ptr(m->str) + m->offs[2 * g], (size_t)(m->offs[2 * g + 1] - m->offs[2 * g]));
        i++;
    }
    return out;
}

/* ---- Regexp methods ---- */

static int
options_from(Value v)
{
    if (MG_IS_FIXNUM(v)) return (int)MG_FIX2LONG(v);
    if (MG_IS_NIL(v) || v == MG_FALSE) return 0;
    return RE_IGNORECASE;
}

static Value
regexp_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value src = argv[0];
    if (mg_is_regexp(src)) {
        RegexpData *o = re_get(src);
        re_init(self, o->src, o->options & (RE_OPTION_MASK | RE_NOENCODING | RE_FIXEDENCODING), false);
        return self;
    }
    src = mg_to_str(src);
    int opt = argc > 1 ? options_from(argv[1]) : 0;
    if (argc > 2 && MG_IS_STRING(argv[2])) {
        const char *n = mg_str_ptr(argv[2]);
        if (n[0] == 'n' || n[0] == 'N') opt |= RE_NOENCODING;
    }
    re_init(self, src, opt & (RE_OPTION_MASK | RE_NOENCODING | RE_FIXEDENCODING), false);
    return self;
}

static Value
regexp_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    RegexpData *o = re_get(argv[0]);
    re_init(self, o->src, o->options, o->literal);
    return self;
}

static Value
regexp_match_m(Value self, int argc, const Value *argv, Value blk)
{
    Value str = argv[0];
    if (MG_IS_NIL(str)) { mg_backref_set(MG_NIL); return MG_NIL; }
    str = MG_IS_SYMBOL(str) ? mg_sym_to_s(str) : mg_to_str(str);
    int64_t pos = 0;
    if (argc > 1) {
        pos = MG_IS_FIXNUM(argv[1]) ? MG_FIX2LONG(argv[1]) : mg_num2long(argv[1]);
        int64_t clen = mg_str_char_len(str);
        if (pos < 0) { pos += clen; if (pos < 0) { mg_backref_set(MG_NIL); return MG_NIL; } }
        if (pos > clen) { mg_backref_set(MG_NIL); return MG_NIL; }
        pos = mg_str_char_to_offset(str, pos);
    }
    Value md;
    mg_reg_search(self, str, pos, false, true, &md);
    if (!MG_IS_NIL(md) && mg_block_given(blk)) return mg_yield1(blk, md);
    return md;
}

static Value
regexp_match_p(Value self, int argc, const Value *argv, Value blk)
{
    Value str = argv[0];
    if (MG_IS_NIL(str)) return MG_FALSE;
    str = MG_IS_SYMBOL(str) ? mg_sym_to_s(str) : mg_to_str(str);
    int64_t pos = 0;
    if (argc > 1) {
        pos = MG_IS_FIXNUM(argv[1]) ? MG_FIX2LONG(argv[1]) : mg_num2long(argv[1]);
        int64_t clen = mg_str_char_len(str);
        if (pos < 0) { pos += clen; if (pos < 0) return MG_FALSE; }
        if (pos > clen) return MG_FALSE;
        pos = mg_str_char_to_offset(str, pos);
    }
    return MG_BOOL(mg_reg_match_p(self, str, pos));
}

static Value
regexp_match_op(Value self, int argc, const Value *argv, Value blk)
{
    Value str = argv[0];
    if (MG_IS_NIL(str)) { mg_backref_set(MG_NIL); return MG_NIL; }
    str = MG_IS_SYMBOL(str) ? mg_sym_to_s(str) : mg_to_str(str);
    int64_t pos = mg_reg_search(self, str, 0, false, true, NULL);
    return pos < 0 ? MG_NIL : MG_FIX(mg_str_offset_to_char(str, pos));
}

/* ~re: re =~ $_ (nil, and $~ cleared, when $_ is not a String). */
static Value
regexp_tilde(Value self, int argc, const Value *argv, Value blk)
{
    Value line = mg_lastline_get();
    if (!MG_IS_STRING(line)) { mg_backref_set(MG_NIL); return MG_NIL; }
    int64_t pos = mg_reg_search(self, line, 0, false, true, NULL);
    return pos < 0 ? MG_NIL : MG_FIX(mg_str_offset_to_char(line, pos));
}

/* Regexp.try_convert(obj): obj when a Regexp, obj.to_regexp when it responds, else nil. */
static Value
regexp_s_try_convert(Value self, int argc, const Value *argv, Value blk)
{
    Value v = argv[0];
    if (mg_data_get(v, &regexp_type)) return v;
    ID to_regexp = mg_intern_cstr("to_regexp");
    if (!MG_IS_PTR(v) || !mg_respond_to(v, to_regexp, true)) return MG_NIL;
    Value r = mg_funcall(v, to_regexp, 0, NULL);
    if (MG_IS_NIL(r) || mg_data_get(r, &regexp_type)) return r;
    mg_raise(mg_eTypeError, "can't convert %s to Regexp (%s#to_regexp gives %s)", mg_class_cname(mg_obj_class(v)),
             mg_class_cname(mg_obj_class(v)), mg_class_cname(mg_obj_class(r)));
}

static Value
regexp_eqq(Value self, int argc, const Value *argv, Value blk)
{
    Value str = argv[0];
    if (MG_IS_SYMBOL(str)) str = mg_sym_to_s(str);
    else if (!MG_IS_STRING(str)) {
        str = mg_check_string(str);
        if (MG_IS_NIL(str)) { mg_backref_set(MG_NIL); return MG_FALSE; }
    }
    return MG_BOOL(mg_reg_search(self, str, 0, false, true, NULL) >= 0);
}

static Value
regexp_source(Value self, int argc, const Value *argv, Value blk)
{
    return re_get(self)->src;
}

static Value
regexp_options(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(re_get(self)->options);
}

static Value
regexp_casefold_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(re_get(self)->options & RE_IGNORECASE);
}

static Value
regexp_fixed_encoding_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(re_get(self)->options & RE_FIXEDENCODING);
}

/* A /n pattern's source stands for bytes >= 0x80: raw, or as \\x escapes */
static bool
high_bytes(Value src)
{
    if (!mg_str_ascii_only(src)) return true;
    const char *p = mg_str_ptr(src);
    int64_t len = mg_str_len(src);
    for (int64_t i = 0; i + 2 < len; i++) {
        if (p[i] != '\\') continue;
        if (p[i + 1] == 'x' && strchr("89abcdefABCDEF", p[i + 2])) return true;
        i++;
    }
    return false;
}

static Value
regexp_encoding(Value self, int argc, const Value *argv, Value blk)
{
    RegexpData *r = re_get(self);
    if (r->options & RE_NOENCODING) return mg_enc_value(high_bytes(r->src) ? ENC_BINARY : ENC_US_ASCII);
    if (r->options & RE_FIXEDENCODING) return mg_enc_value(mg_str_enc(r->src) == ENC_US_ASCII ? ENC_UTF8 : mg_str_enc(r->src));
    return mg_enc_value(ENC_US_ASCII);
}

/* Source with / escaped for inspect; outside UTF-8 a non-ASCII character
 * is written as \xHH (one byte) or \x{HHHH} (several), as CRuby does. */
static void
cat_source_escaped(Value out, Value src)
{
    const char *p = mg_str_ptr(src);
    int64_t len = mg_str_len(src);
    Encoding enc = mg_str_enc(src);
    for (int64_t i = 0; i < len; i++) {
        if (p[i] == '\\' && i + 1 < len) { mg_str_cat(out, p + i, 2); i++; continue; }
        if (p[i] == '/') { mg_str_cat(out, "\\/", 2); continue; }
        if ((unsigned char)p[i] >= 0x80 && enc != ENC_UTF8) {
            int n = mg_enc_mbclen(p + i, p + len, enc);
            if (n < 1 || n > len - i) n = 1;
            char hex[8];
            mg_str_cat(out, n == 1 ? "\\x" : "\\x{", n == 1 ? 2 : 3);
            for (int k = 0; k < n; k++) {
                snprintf(hex, sizeof hex, "%02X", (unsigned char)p[i + k]);
                mg_str_cat(out, hex, 2);
            }
            if (n > 1) mg_str_cat(out, "}", 1);
            i += n - 1;
            continue;
        }
        mg_str_cat(out, p + i, 1);
    }
}

static Value
regexp_inspect(Value self, int argc, const Value *argv, Value blk)
{
    RegexpData *r = re_get(self);
    Value out = mg_str_new("/", 1);
    cat_source_escaped(out, r->src);
    mg_str_cat(out, "/", 1);
    if (mg_enc_ascii_compat(mg_str_enc(r->src))) MG_OBJ(out)->extra = mg_str_enc(r->src);   /* only ASCII was added */
    if (r->options & RE_MULTILINE) mg_str_cat(out, "m", 1);
    if (r->options & RE_IGNORECASE) mg_str_cat(out, "i", 1);
    if (r->options & RE_EXTENDED) mg_str_cat(out, "x", 1);
    if (r->options & RE_NOENCODING) mg_str_cat(out, "n", 1);
    return out;
}

static Value
regexp_to_s(Value self, int argc, const Value *argv, Value blk)
{
    RegexpData *r = re_get(self);
    int opt = r->options;
    const char *p = mg_str_ptr(r->src);
    int64_t len = mg_str_len(r->src);
    /* fold a leading (?flags) or (?flags:...) group that spans the whole source */
    for (;;) {
        if (len < 3 || p[0] != '(' || p[1] != '?') break;
        int64_t i = 2;
        int on = 0, off = 0;
        bool neg = false;
        while (i < len && strchr("mix-", p[i])) {
            int bit = p[i] == 'm' ? RE_MULTILINE : p[i] == 'i' ? RE_IGNORECASE : p[i] == 'x' ? RE_EXTENDED : 0;
            if (p[i] == '-') neg = true;
            else if (neg) off |= bit;
            else on |= bit;
            i++;
        }
        if (i >= len) break;
        if (p[i] == ')') {
            opt = (opt | on) & ~off;
            p += i + 1;
            len -= i + 1;
            continue;
        }
        if (p[i] != ':' || p[len - 1] != ')') break;
        /* check that the group closes at the very end */
        int depth = 0;
        int64_t k;
        bool ok = true;
        for (k = 0; k < len; k++) {
            if (p[k] == '\\') { k++; continue; }
            if (p[k] == '(') depth++;
            else if (p[k] == ')' && --depth == 0) break;
        }
        if (k != len - 1) ok = false;
        if (!ok) break;
        opt = (opt | on) & ~off;
        p += i + 1;
        len -= i + 2;
    }
    Value out = mg_str_new("(?", 2);
    if (opt & RE_MULTILINE) mg_str_cat(out, "m", 1);
    if (opt & RE_IGNORECASE) mg_str_cat(out, "i", 1);
    if (opt & RE_EXTENDED) mg_str_cat(out, "x", 1);
    if ((opt & RE_OPTION_MASK) != RE_OPTION_MASK) {
        mg_str_cat(out, "-", 1);
        if (!(opt & RE_MULTILINE)) mg_str_cat(out, "m", 1);
        if (!(opt & RE_IGNORECASE)) mg_str_cat(out, "i", 1);
        if (!(opt & RE_EXTENDED)) mg_str_cat(out, "x", 1);
    }
    mg_str_cat(out, ":", 1);
    Value body = mg_str_new(p, (size_t)len);
    cat_source_escaped(out, body);
    mg_str_cat(out, ")", 1);
    return out;
}

static Value
regexp_eq(Value self, int argc, const Value *argv, Value blk)
{
    if (!mg_is_regexp(argv[0])) return MG_FALSE;
    RegexpData *a = re_get(self), *b = re_get(argv[0]);
    return MG_BOOL(a->options == b->options && mg_str_equal(a->src, b->src));
}

static Value
regexp_hash(Value self, int argc, const Value *argv, Value blk)
{
    RegexpData *r = re_get(self);
    return MG_FIX((int64_t)((mg_str_hash(r->src) ^ (uint64_t)r->options * 0x9E3779B97F4A7C15ULL) >> 2));
}

/* onig_foreach_name in the order the names first appear in the pattern (CRuby's
 * order; Oniguruma's own walks its hash table) */
typedef int (*NameFn)(const UChar *, const UChar *, int, int *, regex_t *, void *);
typedef struct { const UChar *name, *name_end; int ngroups; int *groups; } NameRec;
typedef struct { NameRec *recs; int count, capacity; } NameList;

static int
gather_name(const UChar *name, const UChar *name_end, int ngroups, int *groups, regex_t *reg, void *arg)
{
    NameList *l = arg;
    if (l->count == l->capacity) {
        l->capacity = l->capacity ? l->capacity * 2 : 8;
        NameRec *n = realloc(l->recs, sizeof(NameRec) * (size_t)l->capacity);
        if (!n) return 1;
        l->recs = n;
    }
    l->recs[l->count++] = (NameRec){ name, name_end, ngroups, groups };
    return 0;
}

static int
cmp_name_rec(const void *a, const void *b)
{
    const NameRec *x = a, *y = b;
    int gx = x->ngroups ? x->groups[0] : 0, gy = y->ngroups ? y->groups[0] : 0;
    return (gx > gy) - (gx < gy);
}

static void
foreach_name_ordered(regex_t *reg, NameFn fn, void *arg)
{
    NameList l = { NULL, 0, 0 };
    onig_foreach_name(reg, gather_name, &l);
    if (l.count > 1) qsort(l.recs, (size_t)l.count, sizeof(NameRec), cmp_name_rec);
    /* fn may allocate and raise: copy out so the list can be freed first */
    NameRec small[16];
    NameRec *recs = l.count <= 16 ? small : NULL;
    if (recs) { if (l.count) memcpy(small, l.recs, sizeof(NameRec) * (size_t)l.count); free(l.recs); l.recs = NULL; }
    else recs = l.recs;
    for (int i = 0; i < l.count; i++) fn(recs[i].name, recs[i].name_end, recs[i].ngroups, recs[i].groups, reg, arg);
    free(l.recs);
}

static int
collect_name(const UChar *name, const UChar *name_end, int ngroups, int *groups, regex_t *reg, void *arg)
{
    Value *pair = arg;
    Value s = mg_str_new((const char *)name, (size_t)(name_end - name));
    if (MG_IS_ARRAY(pair[0])) mg_ary_push(pair[0], s);
    else {
        Value a = mg_ary_new();
        for (int i = 0; i < ngroups; i++) mg_ary_push(a, MG_FIX(groups[i]));
        mg_hash_aset(pair[1], s, a);
    }
    return 0;
}

static Value
regexp_names(Value self, int argc, const Value *argv, Value blk)
{
    Value pair[2] = {mg_ary_new(), MG_NIL};
    foreach_name_ordered(re_get(self)->reg, collect_name, pair);
    return pair[0];
}

static Value
regexp_named_captures(Value self, int argc, const Value *argv, Value blk)
{
    Value pair[2] = {MG_NIL, mg_hash_new()};
    foreach_name_ordered(re_get(self)->reg, collect_name, pair);
    return pair[1];
}

static Value
regexp_freeze(Value self, int argc, const Value *argv, Value blk)
{
    MG_OBJ(self)->flags |= OF_FROZEN;
    return self;
}

static Value
regexp_s_escape(Value self, int argc, const Value *argv, Value blk)
{
    return mg_reg_quote(argv[0]);
}

static Value
regexp_s_union(Value self, int argc, const Value *argv, Value blk)
{
    const Value *items = argv;
    int64_t n = argc;
    if (argc == 1) {
        Value a = mg_check_array(argv[0]);
        if (!MG_IS_NIL(a)) { items = mg_ary_ptr(a); n = mg_ary_len(a); }
    }
    if (n == 0) return mg_regexp_new_str(mg_str_new("(?!)", 4), 0);
    if (n == 1 && mg_is_regexp(items[0])) return items[0];
    Value src = mg_str_new("", 0);
    Encoding fixed = ENC_US_ASCII;      /* of the first non-ASCII piece */
    for (int64_t i = 0; i < n; i++) {
        if (i) mg_str_cat(src, "|", 1);
        Value it = items[i];
        Value piece = mg_is_regexp(it) ? regexp_to_s(it, 0, NULL, MG_NIL) : mg_reg_quote(it);
        if (!mg_str_ascii_only(piece)) {
            Encoding e = mg_str_enc(piece);
            if (fixed != ENC_US_ASCII && e != fixed)
                mg_raise(mg_eArgumentError, "incompatible encodings: %s and %s", mg_enc_name(fixed), mg_enc_name(e));
            fixed = e;
        }
        mg_str_append(src, piece);
    }
    return mg_regexp_new_str(src, 0);
}

static Value
regexp_s_last_match(Value self, int argc, const Value *argv, Value blk)
{
    Value md = mg_backref_get();
    if (argc == 0) return md;
    if (MG_IS_NIL(md)) return MG_NIL;
    Value idx = argv[0];
    if (MG_IS_STRING(idx) || MG_IS_SYMBOL(idx)) {
        size_t n;
        const char *name = MG_IS_SYMBOL(idx) ? mg_id_name(MG_SYM2ID(idx), &n) : (n = (size_t)mg_str_len(idx), mg_str_ptr(idx));
        return md_group(md, mg_md_name_to_num(md, name, n, true));
    }
    return mg_reg_nth_match((int)mg_num2long(idx), md);
}

/* ---- MatchData methods ---- */

static int
md_index_of(Value self, Value idx)
{
    if (MG_IS_STRING(idx)) return mg_md_name_to_num(self, mg_str_ptr(idx), (size_t)mg_str_len(idx), true);
    if (MG_IS_SYMBOL(idx)) {
        size_t n;
        const char *name = mg_id_name(MG_SYM2ID(idx), &n);
        return mg_md_name_to_num(self, name, n, true);
    }
    int64_t i = MG_IS_FIXNUM(idx) ? MG_FIX2LONG(idx) : mg_num2long(idx);
    if (i < 0 || i >= md_get(self)->nregs) mg_raise(mg_eIndexError, "index %lld out of matches", (long long)i);
    return (int)i;
}

static Value
md_to_a(Value self, int argc, const Value *argv, Value blk)
{
    MatchDataData *m = md_get(self);
    int n = m->nregs;
    Value a = mg_ary_new_capa(n);
    for (int i = 0; i < n; i++) mg_ary_push(a, md_group(self, i));
    return a;
}

static Value
md_aref(Value self, int argc, const Value *argv, Value blk)
{
    Value idx = argv[0];
    if (argc == 1) {
        if (MG_IS_FIXNUM(idx)) return mg_reg_nth_match(mg_num2int(idx), self);
        if (MG_IS_STRING(idx) || MG_IS_SYMBOL(idx)) return md_group(self, md_index_of(self, idx));
    }
    Value a = md_to_a(self, 0, NULL, MG_NIL);
    return mg_funcall(a, mg_id_aref, argc, argv);
}

static Value
md_captures(Value self, int argc, const Value *argv, Value blk)
{
    MatchDataData *m = md_get(self);
    Value a = mg_ary_new_capa(m->nregs);
    for (int i = 1; i < m->nregs; i++) mg_ary_push(a, md_group(self, i));
    return a;
}

typedef struct { Value md; Value hash; Value ary; } NamesArg;

static int
md_collect_name(const UChar *name, const UChar *name_end, int ngroups, int *groups, regex_t *reg, void *arg)
{
    NamesArg *na = arg;
    Value s = mg_str_new((const char *)name, (size_t)(name_end - name));
    if (!MG_IS_NIL(na->ary)) { mg_ary_push(na->ary, s); return 0; }
    /* the last group of that name that matched */
    Value v = MG_NIL;
    MatchDataData *m = md_get(na->md);
    for (int i = ngroups - 1; i >= 0; i--) {
        int g = groups[i];
        if (g < m->nregs && m->offs[2 * g] >= 0) { v = md_group(na->md, g); break; }
    }
    mg_hash_aset(na->hash, s, v);
    return 0;
}

static Value
md_named_captures(Value self, int argc, const Value *argv, Value blk)
{
    MatchDataData *m = md_get(self);
    NamesArg na = {self, mg_hash_new(), MG_NIL};
    foreach_name_ordered(re_get(m->regexp)->reg, md_collect_name, &na);
    return na.hash;
}

static Value
md_names(Value self, int argc, const Value *argv, Value blk)
{
    MatchDataData *m = md_get(self);
    NamesArg na = {self, MG_NIL, mg_ary_new()};
    foreach_name_ordered(re_get(m->regexp)->reg, md_collect_name, &na);
    return na.ary;
}

static Value
md_pre_match(Value self, int argc, const Value *argv, Value blk)
{
    return mg_reg_match_pre(self);
}

static Value
md_post_match(Value self, int argc, const Value *argv, Value blk)
{
    return mg_reg_match_post(self);
}

static Value
md_begin(Value self, int argc, const Value *argv, Value blk)
{
    int i = md_index_of(self, argv[0]);
    MatchDataData *m = md_get(self);
    if (m->offs[2 * i] < 0) return MG_NIL;
    return MG_FIX(mg_str_offset_to_char(m->str, m->offs[2 * i]));
}

static Value
md_end(Value self, int argc, const Value *argv, Value blk)
{
    int i = md_index_of(self, argv[0]);
    MatchDataData *m = md_get(self);
    if (m->offs[2 * i] < 0) return MG_NIL;
    return MG_FIX(mg_str_offset_to_char(m->str, m->offs[2 * i + 1]));
}

static Value
md_offset(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ary_new_from(2, (Value[]){md_begin(self, argc, argv, blk), md_end(self, argc, argv, blk)});
}

static Value
md_size(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(md_get(self)->nregs);
}

static Value
md_to_s(Value self, int argc, const Value *argv, Value blk)
{
    return md_group(self, 0);
}

static Value
md_string(Value self, int argc, const Value *argv, Value blk)
{
    return md_get(self)->str;
}

static Value
md_regexp(Value self, int argc, const Value *argv, Value blk)
{
    return md_get(self)->regexp;
}

static Value
md_values_at(Value self, int argc, const Value *argv, Value blk)
{
    Value a = md_to_a(self, 0, NULL, MG_NIL);
    Value out = mg_ary_new();
    for (int i = 0; i < argc; i++) {
        Value idx = argv[i];
        if (MG_IS_STRING(idx) || MG_IS_SYMBOL(idx)) mg_ary_push(out, md_group(self, md_index_of(self, idx)));
        else if (MG_IS_TYPE(idx, T_RANGE)) mg_ary_concat(out, mg_funcall(a, mg_intern_cstr("values_at"), 1, &idx));
        else mg_ary_push(out, mg_reg_nth_match(mg_num2int(idx), self));
    }
    return out;
}

static int
md_inspect_name(const UChar *name, const UChar *name_end, int ngroups, int *groups, regex_t *reg, void *arg)
{
    Value *names = arg;   /* Array indexed by group number */
    for (int i = 0; i < ngroups; i++)
        mg_ary_store(*names, groups[i], mg_str_new((const char *)name, (size_t)(name_end - name)));
    return 0;
}

static Value
md_inspect(Value self, int argc, const Value *argv, Value blk)
{
    MatchDataData *m = md_get(self);
    Value names = mg_ary_new();
    onig_foreach_name(re_get(m->regexp)->reg, md_inspect_name, &names);
    Value out = mg_str_new("#<MatchData ", 12);
    for (int i = 0; i < md_get(self)->nregs; i++) {
        if (i) {
            mg_str_cat(out, " ", 1);
            Value nm = mg_ary_entry(names, i);
            if (MG_IS_NIL(nm)) mg_str_catf(out, "%d", i);
            else mg_str_append(out, nm);
            mg_str_cat(out, ":", 1);
        }
        Value g = md_group(self, i);
        if (MG_IS_NIL(g)) mg_str_cat(out, "nil", 3);
        else mg_str_append(out, mg_str_inspect(g));
    }
    mg_str_cat(out, ">", 1);
    return out;
}

static Value
md_eq(Value self, int argc, const Value *argv, Value blk)
{
    MatchDataData *a = md_get(self);
    MatchDataData *b = mg_data_get(argv[0], &matchdata_type);
    if (!b) return MG_FALSE;
    if (!mg_str_equal(a->str, b->str) || !MG_TEST(regexp_eq(a->regexp, 1, &b->regexp, MG_NIL)) || a->nregs != b->nregs) return MG_FALSE;
    return MG_BOOL(memcmp(a->offs, b->offs, sizeof(int64_t) * 2 * (size_t)a->nregs) == 0);
}

/* MatchData#hash: equal (==) match data hash alike. */
static Value
md_hash(Value self, int argc, const Value *argv, Value blk)
{
    MatchDataData *m = md_get(self);
    uint64_t h = mg_str_hash(m->str) ^ ((uint64_t)mg_hash_value(m->regexp) * 0x9E3779B97F4A7C15ULL);
    for (int i = 0; i < 2 * m->nregs; i++) h = (h ^ (uint64_t)m->offs[i]) * 0x100000001B3ULL;
    h ^= h >> 29;
    return MG_FIX((int64_t)(h >> 3));
}

/* MatchData#match(n) / #match_length(n): group n (a number or a name) and its
 * length in characters; nil for a group that did not take part. */
static Value
md_match(Value self, int argc, const Value *argv, Value blk)
{
    int i = md_index_of(self, argv[0]);
    return md_group(self, i);
}

static Value
md_match_length(Value self, int argc, const Value *argv, Value blk)
{
    int i = md_index_of(self, argv[0]);
    MatchDataData *m = md_get(self);
    if (m->offs[2 * i] < 0) return MG_NIL;
    return MG_FIX(mg_str_offset_to_char(m->str, m->offs[2 * i + 1]) - mg_str_offset_to_char(m->str, m->offs[2 * i]));
}

static Value
md_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    MatchDataData *o = md_get(argv[0]);
    MatchDataData *m = mg_data_check(self, &matchdata_type);
    int64_t *offs = mg_malloc(sizeof(int64_t) * 2 * (size_t)o->nregs);
    o = md_get(argv[0]);
    memcpy(offs, o->offs, sizeof(int64_t) * 2 * (size_t)o->nregs);
    m = mg_data_check(self, &matchdata_type);
    m->offs = offs;
    m->nregs = o->nregs;
    m->regexp = o->regexp;
    m->str = o->str;
    return self;
}

static Value
md_alloc(RClass *klass)
{
    void *payload;
    return mg_data_new_inline(klass, &matchdata_type, sizeof(MatchDataData), &payload);
}

/* ---- String's pattern methods ---- */

static inline bool
is_plain_string_pattern(Value pat)
{
    return MG_IS_STRING(pat);
}

/* A sub/gsub pattern that is no Regexp, as a String (to_str). */
static Value
string_pattern(Value pat)
{
    return mg_is_regexp(pat) ? pat : pattern_arg(pat);
}

/* sub / sub! core: returns the new string or nil when nothing matched. */
static Value
str_sub_impl(Value self, int argc, const Value *argv, Value blk)
{
    /* as CRuby says: 1..2 arguments with a block, 2 without */
    if (!(argc == 2 || (argc == 1 && mg_block_given(blk)))) mg_raise_argc(argc, mg_block_given(blk) ? 1 : 2, 2);
    Value pat = argv[0];
    Value repl = MG_NIL, hash = MG_NIL;
    if (argc == 2) {
        hash = mg_check_hash(argv[1]);
        if (MG_IS_NIL(hash)) repl = mg_to_str(argv[1]);
    }
    pat = string_pattern(pat);
    Value re = mg_reg_from_pattern(pat);
    Value md;
    string_pattern_search = re != pat;
    if (mg_reg_search(re, self, 0, false, true, &md) < 0) return MG_NIL;
    int64_t b = mg_md_beg(md, 0), e = mg_md_end(md, 0);
    Value val;
    if (!MG_IS_NIL(repl)) {
        val = mg_reg_expand(repl, md);
    } else if (!MG_IS_NIL(hash)) {
        val = mg_to_s(mg_hash_aref(hash, md_group(md, 0)));
    } else {
        val = mg_to_s(mg_yield1(blk, md_group(md, 0)));
        mg_backref_set(md);
    }
    Value src = mg_md_str(md);
    Value out = mg_str_subseq(src, 0, b);
    MG_OBJ(out)->extra = mg_str_enc(self);
    mg_str_append(out, val);
    mg_str_cat(out, mg_str_ptr(src) + e, (size_t)(mg_str_len(src) - e));
    return out;
}

static Value
str_sub(Value self, int argc, const Value *argv, Value blk)
{
    Value r = str_sub_impl(self, argc, argv, blk);
    return MG_IS_NIL(r) ? mg_str_dup(self) : r;
}

static void
str_take(Value self, Value r)
{
    mg_str_modify(self);
    mg_str_replace_bytes(self, 0, mg_str_len(self), mg_str_ptr(r), mg_str_len(r));
    MG_OBJ(self)->extra = mg_str_enc(r);
}

static Value
str_sub_bang(Value self, int argc, const Value *argv, Value blk)
{
    mg_str_modify(self);
    Value r = str_sub_impl(self, argc, argv, blk);
    if (MG_IS_NIL(r)) return MG_NIL;
    str_take(self, r);
    return self;
}

/* gsub core: returns the new string or nil when nothing matched. */
static Value
str_gsub_impl(Value self, int argc, const Value *argv, Value blk, bool bang)
{
    Value pat = argv[0];
    Value repl = MG_NIL, hash = MG_NIL;
    if (argc == 2) {
        hash = mg_check_hash(argv[1]);
        if (MG_IS_NIL(hash)) repl = mg_to_str(argv[1]);
    }
    pat = string_pattern(pat);
    /* fast path: String pattern, String replacement without backslashes */
    if (is_plain_string_pattern(pat) && !MG_IS_NIL(repl) && !memchr(mg_str_ptr(repl), '\\', (size_t)mg_str_len(repl))
        && mg_str_len(pat) > 0) {
        mg_str_enc_compat(self, pat);
        const char *p = mg_str_ptr(self), *np = mg_str_ptr(pat);
        int64_t len = mg_str_len(self), nlen = mg_str_len(pat);
        const char *hit = mg_enc_memmem(p, len, 0, np, nlen, mg_str_enc(self));
        if (!hit) { mg_backref_set(MG_NIL); return MG_NIL; }
        Value out = mg_str_buf_new((size_t)len);
        MG_OBJ(out)->extra = mg_str_enc(self);
        int64_t i = 0, last_beg = 0;
        while (hit) {
            p = mg_str_ptr(self);
            int64_t at = hit - p;
            mg_str_cat(out, p + i, (size_t)(at - i));
            mg_str_append(out, repl);
            last_beg = at;
            i = at + nlen;
            hit = i <= len ? mg_enc_memmem(p, len, i, np, nlen, mg_str_enc(self)) : NULL;
        }
        mg_str_cat(out, mg_str_ptr(self) + i, (size_t)(len - i));
        /* $~ describes the last match */
        Value re = mg_reg_from_pattern(pat);
        string_pattern_search = true;
        mg_reg_search(re, self, last_beg, false, true, NULL);
        return out;
    }
    Value re = mg_reg_from_pattern(pat);
    Value str = self;
    if (!mg_frozen_p(str)) { str = mg_str_dup(self); mg_str_freeze(str); }
    int64_t len = mg_str_len(str);
    Value out = MG_NIL;
    int64_t pos = 0, copied = 0;
    Value md = MG_NIL;
    OnigRegion *region = onig_region_new();
    bool need_md = MG_IS_NIL(repl);
    /* out and the last MatchData live in keep: each match's temporaries
     * (MatchData, the block's garbage) leave the arena after it */
    Value keep = mg_ary_new_from(2, (Value[]){ MG_NIL, MG_NIL });
    size_t level = mg_gc_arena_save();
    while (pos <= len) {
        mg_ary_ptr(keep)[0] = out;
        mg_ary_ptr(keep)[1] = md;
        mg_gc_arena_restore(level);
        onig_region_clear(region);
        string_pattern_search = re != pat;
        int64_t b = search_region(re, str, pos, false, region);
        if (b < 0) break;
        int64_t e = region->end[0];
        if (MG_IS_NIL(out)) { out = mg_str_buf_new((size_t)len + 16); MG_OBJ(out)->extra = mg_str_enc(self); }
        mg_str_cat(out, mg_str_ptr(str) + copied, (size_t)(b - copied));
        md = md_new(re, str, region);
        Value val;
        if (!need_md) val = mg_reg_expand(repl, md);
        else if (!MG_IS_NIL(hash)) val = mg_to_s(mg_hash_aref(hash, md_group(md, 0)));
        else {
            mg_backref_set(md);
            val = mg_to_s(mg_yield1(blk, md_group(md, 0)));
            if (bang && mg_str_len(self) != len) {
                onig_region_free(region, 1);
                mg_raise(mg_eRuntimeError, "string modified");
            }
        }
        mg_str_enc_compat(out, val);
        mg_str_append(out, val);
        copied = e;
        if (e == b) {
            /* empty match: copy one character and move on */
            if (b >= len) { pos = len + 1; break; }
            int n = mg_enc_mbclen(mg_str_ptr(str) + b, mg_str_ptr(str) + len, mg_str_enc(str));
            mg_str_cat(out, mg_str_ptr(str) + b, (size_t)n);
            copied = b + n;
            pos = b + n;
        } else {
            pos = e;
        }
    }
    onig_region_free(region, 1);
    mg_backref_set(md);
    if (MG_IS_NIL(out)) return MG_NIL;
    if (copied < len) mg_str_cat(out, mg_str_ptr(str) + copied, (size_t)(len - copied));
    return out;
}

static Value
str_gsub(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 1 && !mg_block_given(blk)) return mg_enumerator_new(self, mg_intern_cstr("gsub"), argc, argv);
    Value r = str_gsub_impl(self, argc, argv, blk, false);
    return MG_IS_NIL(r) ? mg_str_dup(self) : r;
}

static Value
str_gsub_bang(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 1 && !mg_block_given(blk)) return mg_enumerator_new(self, mg_intern_cstr("gsub!"), argc, argv);
    mg_str_modify(self);
    Value r = str_gsub_impl(self, argc, argv, blk, true);
    if (MG_IS_NIL(r)) return MG_NIL;
    str_take(self, r);
    return self;
}

static Value
str_scan(Value self, int argc, const Value *argv, Value blk)
{
    Value re = mg_reg_from_pattern(argv[0]);
    Value str = self;
    if (!mg_frozen_p(str)) { str = mg_str_dup(self); mg_str_freeze(str); }
    int64_t len = mg_str_len(str), pos = 0;
    Value result = mg_block_given(blk) ? MG_NIL : mg_ary_new();
    Value md = MG_NIL;
    Value keep = mg_ary_new_from(1, &md);   /* the last MatchData, across the restores */
    size_t level = mg_gc_arena_save();
    while (pos <= len) {
        mg_ary_ptr(keep)[0] = md;
        mg_gc_arena_restore(level);
        Value m;
        int64_t b = mg_reg_search(re, str, pos, false, false, &m);
        if (b < 0) break;
        md = m;
        int64_t e = mg_md_end(m, 0);
        Value item;
        int n = mg_md_count(m);
        if (n == 1) item = md_group(m, 0);
        else {
            item = mg_ary_new_capa(n - 1);
            for (int i = 1; i < n; i++) mg_ary_push(item, md_group(m, i));
        }
        if (e == b) {
            if (b >= len) pos = len + 1;
            else pos = b + mg_enc_mbclen(mg_str_ptr(str) + b, mg_str_ptr(str) + len, mg_str_enc(str));
        } else {
            pos = e;
        }
        if (MG_IS_NIL(result)) { mg_backref_set(m); mg_yield1(blk, item); }
        else mg_ary_push(result, item);
    }
    mg_backref_set(md);
    return MG_IS_NIL(result) ? self : result;
}

/* Split helpers: push or yield one piece. */
typedef struct { Value result; Value blk; } SplitOut;

static void
split_push(SplitOut *o, Value piece)
{
    if (MG_IS_NIL(o->result)) mg_yield1(o->blk, piece);
    else mg_ary_push(o->result, piece);
}

static inline bool
awk_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static Value
str_split(Value self, int argc, const Value *argv, Value blk)
{
    Value pat = argc > 0 ? argv[0] : MG_NIL;
    int64_t lim = 0;
    bool has_limit = false;
    if (argc > 1 && !MG_IS_NIL(argv[1])) {
        lim = MG_IS_FIXNUM(argv[1]) ? MG_FIX2LONG(argv[1]) : mg_num2long(argv[1]);
        has_limit = lim > 0;
    }
    if (MG_IS_NIL(pat)) {
        Value fs = mg_gvar_get(mg_intern_cstr("$;"));
        if (!MG_IS_NIL(fs)) pat = fs;
    }
    if (!MG_IS_NIL(pat)) pat = pattern_arg(pat);
    SplitOut o = { mg_block_given(blk) ? MG_NIL : mg_ary_new(), blk };
    Value str = self;
    if (!mg_frozen_p(str)) { str = mg_str_dup(self); mg_str_freeze(str); }
    const char *p = mg_str_ptr(str);
    int64_t len = mg_str_len(str);
    Encoding enc = mg_str_enc(str);
    if (len == 0) return MG_IS_NIL(o.result) ? self : o.result;
    if (lim == 1) {
        split_push(&o, mg_str_dup(str));
        return MG_IS_NIL(o.result) ? self : o.result;
    }
    int64_t i = 1;            /* pieces so far + 1 */
    int64_t beg = 0;
    bool awk = MG_IS_NIL(pat);
    if (!awk && MG_IS_STRING(pat) && mg_str_len(pat) == 1 && mg_str_ptr(pat)[0] == ' ') awk = true;
    if (!mg_is_regexp(pat)) {
        /* CRuby reads the characters of both (a Regexp's search checks for itself) */
        if (!awk) mg_str_check_valid(mg_to_str(pat));
        mg_str_check_valid(str);
    }
    if (awk) {
        bool skip = true;
        for (int64_t pos = 0; pos < len; pos++) {
            unsigned char c = (unsigned char)p[pos];
            if (skip) {
                if (awk_space(c)) beg = pos + 1;
                else {
                    beg = pos;
                    if (has_limit && lim <= i) break;
                    skip = false;
                }
            } else if (awk_space(c)) {
                split_push(&o, mg_str_subseq(str, beg, pos - beg));
                i++;
                skip = true;
                beg = pos + 1;
            }
        }
    } else if (!mg_is_regexp(pat)) {
        pat = mg_to_str(pat);
        mg_str_enc_compat(str, pat);
        const char *sp = mg_str_ptr(pat);
        int64_t slen = mg_str_len(pat);
        if (slen == 0) {
            while (beg < len) {
                int n = mg_enc_mbclen(p + beg, p + len, enc);
                split_push(&o, mg_str_subseq(str, beg, n));
                beg += n;
                if (has_limit && lim <= ++i) break;
            }
        } else {
            const char *hit;
            while (beg <= len && (hit = mg_enc_memmem(p, len, beg, sp, slen, enc)) != NULL) {
                int64_t at = hit - p;
                split_push(&o, mg_str_subseq(str, beg, at - beg));
                beg = at + slen;
                if (has_limit && lim <= ++i) break;
            }
        }
    } else {
        int64_t start = 0;
        bool last_null = false;
        OnigRegion *region = onig_region_new();
        while (start <= len) {
            onig_region_clear(region);
            int64_t b = search_region(pat, str, start, false, region);
            if (b < 0) break;
            int64_t e = region->end[0];
            if (b == start && b == e) {
                if (!last_null) {
                    /* empty match where the piece starts: retry one character on */
                    start += start == len ? 1 : mg_enc_mbclen(p + start, p + len, enc);
                    last_null = true;
                    continue;
                }
                int n = mg_enc_mbclen(p + beg, p + len, enc);
                split_push(&o, mg_str_subseq(str, beg, n));
                beg = start;
            } else {
                split_push(&o, mg_str_subseq(str, beg, b - beg));
                beg = start = e;
            }
            last_null = false;
            for (int g = 1; g < region->num_regs; g++) {
                if (region->beg[g] < 0) continue;
                split_push(&o, mg_str_subseq(str, region->beg[g], region->end[g] - region->beg[g]));
            }
            if (has_limit && lim <= ++i) break;
        }
        onig_region_free(region, 1);
    }
    if (has_limit || lim < 0 || len > beg) split_push(&o, mg_str_subseq(str, beg, len - beg));
    if (!MG_IS_NIL(o.result) && lim == 0) {
        while (mg_ary_len(o.result) > 0 && mg_str_len(mg_ary_entry(o.result, -1)) == 0) mg_ary_pop(o.result);
    }
    return MG_IS_NIL(o.result) ? self : o.result;
}

static const MgMethodDef regexp_methods[] = {
    {"initialize", regexp_initialize, 1, 3},
    {"initialize_copy", regexp_initialize_copy, 1, 1},
    {"match", regexp_match_m, 1, 2},
    {"match?", regexp_match_p, 1, 2},
    {"=~", regexp_match_op, 1, 1},
    {"===", regexp_eqq, 1, 1},
    {"~", regexp_tilde, 0, 0},
    {"source", regexp_source, 0, 0},
    {"options", regexp_options, 0, 0},
    {"casefold?", regexp_casefold_p, 0, 0},
    {"fixed_encoding?", regexp_fixed_encoding_p, 0, 0},
    {"encoding", regexp_encoding, 0, 0},
    {"inspect", regexp_inspect, 0, 0},
    {"to_s", regexp_to_s, 0, 0},
    {"==", regexp_eq, 1, 1},
    {"eql?", regexp_eq, 1, 1},
    {"hash", regexp_hash, 0, 0},
    {"names", regexp_names, 0, 0},
    {"named_captures", regexp_named_captures, 0, 0},
    {"freeze", regexp_freeze, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef regexp_singleton_methods[] = {
    {"escape", regexp_s_escape, 1, 1},
    {"quote", regexp_s_escape, 1, 1},
    {"union", regexp_s_union, 0, -1},
    {"try_convert", regexp_s_try_convert, 1, 1},
    {"last_match", regexp_s_last_match, 0, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef matchdata_methods[] = {
    {"initialize_copy", md_initialize_copy, 1, 1},
    {"[]", md_aref, 1, 2},
    {"to_a", md_to_a, 0, 0},
    {"captures", md_captures, 0, 0},
    {"named_captures", md_named_captures, 0, 0},
    {"names", md_names, 0, 0},
    {"pre_match", md_pre_match, 0, 0},
    {"post_match", md_post_match, 0, 0},
    {"begin", md_begin, 1, 1},
    {"end", md_end, 1, 1},
    {"offset", md_offset, 1, 1},
    {"size", md_size, 0, 0},
    {"length", md_size, 0, 0},
    {"to_s", md_to_s, 0, 0},
    {"string", md_string, 0, 0},
    {"regexp", md_regexp, 0, 0},
    {"values_at", md_values_at, 0, -1},
    {"inspect", md_inspect, 0, 0},
    {"==", md_eq, 1, 1},
    {"eql?", md_eq, 1, 1},
    {"hash", md_hash, 0, 0},
    {"match", md_match, 1, 1},
    {"match_length", md_match_length, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef string_re_methods[] = {
    {"sub", str_sub, 0, -1},
    {"sub!", str_sub_bang, 0, -1},
    {"gsub", str_gsub, 1, 2},
    {"gsub!", str_gsub_bang, 1, 2},
    {"scan", str_scan, 1, 1},
    {"split", str_split, 0, 2},
    {NULL, NULL, 0, 0}
};

void
mg_init_re(void)
{
    static bool done;
    if (done) return;
    done = true;
    OnigEncoding encs[] = {ONIG_ENCODING_UTF8, ONIG_ENCODING_ASCII};
    onig_initialize(encs, 2);
    scratch_region = onig_region_new();
    mg_store_register_data(&regexp_type);
    for (int i = 0; i < PAT_CACHE; i++) mg_gc_register(&pat_cache[i]);
    mg_define_alloc_func(mg_cRegexp, regexp_alloc);
    mg_define_alloc_func(mg_cMatchData, md_alloc);
    mg_method_undef(mg_singleton_class(MG_VAL(mg_cMatchData)), mg_id_new);
    mg_method_undef(mg_singleton_class(MG_VAL(mg_cMatchData)), mg_id_allocate);   /* dup still allocates */
    mg_define_methods(mg_cRegexp, regexp_methods);
    mg_define_singleton_methods(MG_VAL(mg_cRegexp), regexp_singleton_methods);
    mg_define_alias(mg_singleton_class(MG_VAL(mg_cRegexp)), "compile", "new");
    mg_define_methods(mg_cMatchData, matchdata_methods);
    mg_define_const(mg_cRegexp, "IGNORECASE", MG_FIX(RE_IGNORECASE));
    mg_define_const(mg_cRegexp, "EXTENDED", MG_FIX(RE_EXTENDED));
    mg_define_const(mg_cRegexp, "MULTILINE", MG_FIX(RE_MULTILINE));
    mg_define_const(mg_cRegexp, "FIXEDENCODING", MG_FIX(RE_FIXEDENCODING));
    mg_define_const(mg_cRegexp, "NOENCODING", MG_FIX(RE_NOENCODING));
}

void
mg_init_string_re(void)
{
    mg_define_methods(mg_cString, string_re_methods);
}
