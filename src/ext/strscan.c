/* strscan.c -- StringScanner (require "strscan"): lexical scanning over a String
 * with Oniguruma. A scanner keeps the string, the scan pointer (curr), the
 * pointer before the last match (prev) and the byte offsets of the last match's
 * groups, absolute in the string. As in CRuby (fixed_anchor: false), a pattern is
 * matched against the rest of the string, so \A and ^ match at the scan pointer. */
#include "ext.h"
#include "../core/string_int.h"
#include <oniguruma.h>
#include <string.h>

typedef struct {
    Value str;
    Value regex;          /* the last pattern (nil for a String pattern or getch) */
    int64_t curr, prev;
    bool matched;
    bool fixed_anchor;
    int nregs;
    int64_t *offs;        /* beg0, end0, beg1, end1 ... (-1 for a group that did not match) */
    int offs_cap;
} Scanner;

static RClass *cScanner, *eScanError;

static void
scanner_mark(void *p)
{
    Scanner *s = p;
    mg_gc_mark(s->str);
    mg_gc_mark(s->regex);
}

static void
scanner_free(void *p)
{
    Scanner *s = p;
    free(s->offs);
}

static const DataType scanner_type = { "StringScanner", scanner_mark, scanner_free, NULL };

static Value
scanner_alloc(RClass *klass)
{
    void *p;
    Value v = mg_data_new_inline(klass, &scanner_type, sizeof(Scanner), &p);
    Scanner *s = p;
    s->str = MG_NIL;
    s->regex = MG_NIL;
    return v;
}

static Scanner *
get(Value self)
{
    Scanner *s = mg_data_check(self, &scanner_type);
    if (s->str == MG_NIL) mg_raise(mg_eArgumentError, "uninitialized StringScanner object");
    return s;
}

static int64_t
slen(Scanner *s)
{
    return mg_str_len(s->str);
}

static void
set_regs(Scanner *s, int n)
{
    if (n > s->offs_cap) {
        int cap = n < 8 ? 8 : n;
        int64_t *o = realloc(s->offs, sizeof(int64_t) * 2 * (size_t)cap);
        if (!o) mg_raise(mg_eNoMemoryError, "failed to allocate memory");
        s->offs = o;
        s->offs_cap = cap;
    }
    s->nregs = n;
}

static Value
extract(Scanner *s, int64_t beg, int64_t len)
{
    int64_t n = slen(s);
    if (beg > n) return MG_NIL;
    if (beg + len > n) len = n - beg;
    return mg_str_subseq(s->str, beg, len);
}

/* ---- construction ---- */

static Value
ss_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    Value fixed = MG_UNDEF;
    static const char *const names[] = { "fixed_anchor" };
    mg_kwargs_get(kw, names, 1, &fixed);
    if (argc < 1 || argc > 2)
        mg_raise(mg_eArgumentError, "wrong number of arguments (given %d, expected 1..2)", argc);
    Scanner *s = mg_data_check(self, &scanner_type);
    s->str = mg_to_str(argv[0]);
    s->regex = MG_NIL;
    s->curr = s->prev = 0;
    s->matched = false;
    s->fixed_anchor = fixed != MG_UNDEF && MG_TEST(fixed);
    return self;
}

static Value
ss_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *d = mg_data_check(self, &scanner_type), *o = get(argv[0]);
    d->str = o->str;
    d->regex = o->regex;
    d->curr = o->curr;
    d->prev = o->prev;
    d->matched = o->matched;
    d->fixed_anchor = o->fixed_anchor;
    set_regs(d, o->nregs);
    if (o->nregs) memcpy(d->offs, o->offs, sizeof(int64_t) * 2 * (size_t)o->nregs);
    return self;
}

static Value
ss_s_must_c_version(Value self, int argc, const Value *argv, Value blk)
{
    return self;
}

/* ---- matching ---- */

/* The core of scan / skip / match? / check (anchored) and their _until forms:
 * on success moves the registers, and the pointer when advance; returns the
 * String (want_str) or the length from the old pointer, nil when it fails. */
static Value
do_scan(Value self, Value pat, bool anchored, bool advance, bool want_str)
{
    Scanner *s = get(self);
    int64_t len = slen(s);
    s->matched = false;
    if (s->curr > len) return MG_NIL;
    const char *p = mg_str_ptr(s->str);
    int64_t mbeg, mend;
    if (mg_is_regexp(pat)) {
        regex_t *reg = mg_reg_onig(pat, s->str);
        s = get(self);
        p = mg_str_ptr(s->str);
        OnigRegion *region = onig_region_new();
        const UChar *base = (const UChar *)(s->fixed_anchor ? p : p + s->curr);
        const UChar *start = (const UChar *)(p + s->curr), *end = (const UChar *)(p + len);
        int r = anchored ? onig_match(reg, base, end, start, region, ONIG_OPTION_NONE)
                         : onig_search(reg, base, end, start, end, region, ONIG_OPTION_NONE);
        if (r < 0) {
            onig_region_free(region, 1);
            if (r == ONIG_MISMATCH) return MG_NIL;
            UChar buf[ONIG_MAX_ERROR_MESSAGE_LEN];
            onig_error_code_to_str(buf, r);
            mg_raise(mg_eRegexpError, "%s", (const char *)buf);
        }
        int64_t shift = (const char *)base - p;
        set_regs(s, region->num_regs);
        for (int i = 0; i < region->num_regs; i++) {
            s->offs[2 * i] = region->beg[i] < 0 ? -1 : region->beg[i] + shift;
            s->offs[2 * i + 1] = region->end[i] < 0 ? -1 : region->end[i] + shift;
        }
        onig_region_free(region, 1);
        s->regex = pat;
    } else {
        Value needle = mg_to_str(pat);
        s = get(self);
        p = mg_str_ptr(s->str);
        const char *q = mg_str_ptr(needle);
        int64_t n = mg_str_len(needle);
        if (anchored) {
            if (len - s->curr < n || memcmp(p + s->curr, q, (size_t)n)) return MG_NIL;
            mbeg = s->curr;
        } else {
            const char *hit = n == 0 ? p + s->curr : memmem(p + s->curr, (size_t)(len - s->curr), q, (size_t)n);
            if (!hit) return MG_NIL;
            mbeg = hit - p;
        }
        set_regs(s, 1);
        s->offs[0] = mbeg;
        s->offs[1] = mbeg + n;
        s->regex = MG_NIL;
    }
    mend = s->offs[1];
    s->matched = true;
    s->prev = s->curr;
    int64_t from = s->curr;
    if (advance) s->curr = mend;
    if (want_str) {
        /* scan/check give the match; the _until forms everything up to its end */
        return extract(s, anchored ? s->offs[0] : from, mend - (anchored ? s->offs[0] : from));
    }
    return MG_FIX(mend - from);
}

static Value ss_scan(Value self, int argc, const Value *argv, Value blk) { return do_scan(self, argv[0], true, true, true); }
static Value ss_match_p(Value self, int argc, const Value *argv, Value blk) { return do_scan(self, argv[0], true, false, false); }
static Value ss_skip(Value self, int argc, const Value *argv, Value blk) { return do_scan(self, argv[0], true, true, false); }
static Value ss_check(Value self, int argc, const Value *argv, Value blk) { return do_scan(self, argv[0], true, false, true); }
static Value ss_scan_until(Value self, int argc, const Value *argv, Value blk) { return do_scan(self, argv[0], false, true, true); }
static Value ss_exist_p(Value self, int argc, const Value *argv, Value blk) { return do_scan(self, argv[0], false, false, false); }
static Value ss_skip_until(Value self, int argc, const Value *argv, Value blk) { return do_scan(self, argv[0], false, true, false); }
static Value ss_check_until(Value self, int argc, const Value *argv, Value blk) { return do_scan(self, argv[0], false, false, true); }

static Value
ss_scan_full(Value self, int argc, const Value *argv, Value blk)
{
    return do_scan(self, argv[0], true, MG_TEST(argv[1]), MG_TEST(argv[2]));
}

static Value
ss_search_full(Value self, int argc, const Value *argv, Value blk)
{
    return do_scan(self, argv[0], false, MG_TEST(argv[1]), MG_TEST(argv[2]));
}

static Value
one_unit(Value self, bool byte)
{
    Scanner *s = get(self);
    int64_t len = slen(s);
    s->matched = false;
    if (s->curr >= len) return MG_NIL;
    const char *p = mg_str_ptr(s->str);
    int64_t n = byte ? 1 : mg_enc_mbclen(p + s->curr, p + len, mg_str_enc(s->str));
    if (s->curr + n > len) n = len - s->curr;
    set_regs(s, 1);
    s->offs[0] = s->curr;
    s->offs[1] = s->curr + n;
    s->regex = MG_NIL;
    s->prev = s->curr;
    s->curr += n;
    s->matched = true;
    return extract(s, s->prev, n);
}

static Value ss_getch(Value self, int argc, const Value *argv, Value blk) { return one_unit(self, false); }
static Value ss_get_byte(Value self, int argc, const Value *argv, Value blk) { return one_unit(self, true); }

static Value
ss_scan_byte(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (s->curr >= slen(s)) { s->matched = false; return MG_NIL; }
    int b = (unsigned char)mg_str_ptr(s->str)[s->curr];
    one_unit(self, true);
    return MG_FIX(b);
}

static Value
ss_peek(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    int64_t n = mg_num2long(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "negative string size (or size too big)");
    if (s->curr >= slen(s)) return mg_str_new_enc("", 0, mg_str_enc(s->str));
    return extract(s, s->curr, n);
}

static Value
ss_peek_byte(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (s->curr >= slen(s)) return MG_NIL;
    return MG_FIX((unsigned char)mg_str_ptr(s->str)[s->curr]);
}

static Value
ss_unscan(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (!s->matched) mg_raise(eScanError, "unscan failed: previous match record not exist");
    s->curr = s->prev;
    s->matched = false;
    return self;
}

/* ---- position ---- */

static Value
ss_pos(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(get(self)->curr);
}

static Value
ss_set_pos(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    int64_t i = mg_num2long(argv[0]), len = slen(s);
    if (i < 0) i += len;
    if (i < 0 || i > len) mg_raise(mg_eRangeError, "index out of range");
    s->curr = i;
    return MG_FIX(i);
}

static Value
ss_charpos(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    const char *p = mg_str_ptr(s->str);
    return MG_FIX(mg_enc_strlen(p, s->curr, mg_str_enc(s->str), CR_UNKNOWN));
}

static Value
ss_reset(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    s->curr = 0;
    s->matched = false;
    return self;
}

static Value
ss_terminate(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    s->curr = slen(s);
    s->matched = false;
    return self;
}

static Value
ss_eos_p(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    return MG_BOOL(s->curr >= slen(s));
}

static Value
ss_rest_p(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    return MG_BOOL(s->curr < slen(s));
}

static Value
ss_bol_p(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (s->curr > slen(s)) return MG_NIL;
    return MG_BOOL(s->curr == 0 || mg_str_ptr(s->str)[s->curr - 1] == '\n');
}

static Value
ss_string(Value self, int argc, const Value *argv, Value blk)
{
    return get(self)->str;
}

static Value
ss_set_string(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = mg_data_check(self, &scanner_type);
    s->str = mg_to_str(argv[0]);
    s->curr = 0;
    s->matched = false;
    return argv[0];
}

static Value
ss_concat(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    mg_str_append(s->str, mg_to_str(argv[0]));
    return self;
}

static Value
ss_rest(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    int64_t len = slen(s);
    if (s->curr >= len) return mg_str_new_enc("", 0, mg_str_enc(s->str));
    return extract(s, s->curr, len - s->curr);
}

static Value
ss_rest_size(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    int64_t len = slen(s);
    return MG_FIX(s->curr >= len ? 0 : len - s->curr);
}

static Value
ss_fixed_anchor_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(get(self)->fixed_anchor);
}

/* ---- the last match ---- */

static Value
ss_matched_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(get(self)->matched);
}

static Value
ss_matched(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (!s->matched) return MG_NIL;
    return extract(s, s->offs[0], s->offs[1] - s->offs[0]);
}

static Value
ss_matched_size(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (!s->matched) return MG_NIL;
    return MG_FIX(s->offs[1] - s->offs[0]);
}

static Value
ss_pre_match(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (!s->matched) return MG_NIL;
    return extract(s, 0, s->offs[0]);
}

static Value
ss_post_match(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (!s->matched) return MG_NIL;
    return extract(s, s->offs[1], slen(s) - s->offs[1]);
}

static Value
group(Scanner *s, int i)
{
    if (i < 0) i += s->nregs;
    if (i < 0 || i >= s->nregs || s->offs[2 * i] < 0) return MG_NIL;
    return extract(s, s->offs[2 * i], s->offs[2 * i + 1] - s->offs[2 * i]);
}

static int
name_to_group(Scanner *s, const char *name, size_t len)
{
    int n = -1;
    if (s->regex != MG_NIL) {
        regex_t *reg = mg_reg_onig(s->regex, s->str);
        OnigRegion *tmp = onig_region_new();
        onig_region_resize(tmp, s->nregs);
        for (int i = 0; i < s->nregs; i++) { tmp->beg[i] = (int)s->offs[2 * i]; tmp->end[i] = (int)s->offs[2 * i + 1]; }
        n = onig_name_to_backref_number(reg, (const UChar *)name, (const UChar *)name + len, tmp);
        onig_region_free(tmp, 1);
    }
    if (n < 0) {
        Value nm = mg_str_new(name, len);
        mg_raise(mg_eIndexError, "undefined group name reference: %s", mg_str_cstr(nm));
    }
    return n;
}

static Value
ss_aref(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (!s->matched) return MG_NIL;
    Value idx = argv[0];
    if (MG_IS_SYMBOL(idx) || MG_IS_STRING(idx)) {
        Value nm = MG_IS_SYMBOL(idx) ? mg_sym_to_s(idx) : idx;
        return group(s, name_to_group(s, mg_str_ptr(nm), (size_t)mg_str_len(nm)));
    }
    return group(s, (int)mg_num2long(idx));
}

static Value
ss_size(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    return s->matched ? MG_FIX(s->nregs) : MG_NIL;
}

static Value
ss_captures(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (!s->matched) return MG_NIL;
    Value a = mg_ary_new_capa(s->nregs);
    for (int i = 1; i < s->nregs; i++) mg_ary_push(a, group(s, i));
    return a;
}

static Value
ss_values_at(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    if (!s->matched) return MG_NIL;
    Value a = mg_ary_new_capa(argc);
    for (int i = 0; i < argc; i++) mg_ary_push(a, ss_aref(self, 1, &argv[i], MG_NIL));
    return a;
}

typedef struct { Scanner *s; Value pairs; } NamesArg;

static int
collect_name(const UChar *name, const UChar *name_end, int ngroups, int *groups, regex_t *reg, void *arg)
{
    NamesArg *a = arg;
    Value key = mg_str_new((const char *)name, (size_t)(name_end - name));
    Value v = MG_NIL;
    for (int i = ngroups - 1; i >= 0; i--) {
        v = group(a->s, groups[i]);
        if (v != MG_NIL) break;
    }
    mg_ary_push(a->pairs, mg_ary_new_from(3, (Value[]){ MG_FIX(groups[0]), key, v }));
    return 0;
}

/* (not in CRuby 3.1's strscan; MatchData#named_captures' shape, in group order) */
static Value
ss_named_captures(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = get(self);
    Value h = mg_hash_new();
    if (!s->matched || s->regex == MG_NIL) return h;
    regex_t *reg = mg_reg_onig(s->regex, s->str);
    NamesArg a = { s, mg_ary_new() };
    onig_foreach_name(reg, collect_name, &a);
    int64_t n = mg_ary_len(a.pairs);
    for (int64_t g = 0, done = 0; done < n; g++)        /* few names: a selection by group number */
        for (int64_t i = 0; i < n; i++) {
            Value t = mg_ary_entry(a.pairs, i);
            if (MG_FIX2LONG(mg_ary_entry(t, 0)) == g) { mg_hash_aset(h, mg_ary_entry(t, 1), mg_ary_entry(t, 2)); done++; }
        }
    return h;
}

/* ---- inspect ---- */

static Value
ss_inspect(Value self, int argc, const Value *argv, Value blk)
{
    Scanner *s = mg_data_check(self, &scanner_type);
    const char *cname = mg_class_cname(mg_obj_class(self));
    if (s->str == MG_NIL) return mg_sprintf("#<%s (uninitialized)>", cname);
    int64_t len = slen(s);
    if (s->curr >= len) return mg_sprintf("#<%s fin>", cname);
    Value out = mg_sprintf("#<%s %lld/%lld", cname, (long long)s->curr, (long long)len);
    if (s->curr > 0) {
        int64_t b = s->curr > 5 ? s->curr - 5 : 0;
        Value piece = mg_str_subseq(s->str, b, s->curr - b);
        if (b > 0) piece = mg_str_append(mg_str_new_cstr("..."), piece);
        mg_str_cat_cstr(out, " ");
        mg_str_append(out, mg_str_inspect(piece));
    }
    int64_t n = len - s->curr > 5 ? 5 : len - s->curr;
    Value piece = mg_str_subseq(s->str, s->curr, n);
    if (s->curr + n < len) piece = mg_str_cat_cstr(mg_str_dup(piece), "...");
    mg_str_cat_cstr(out, " @ ");
    mg_str_append(out, mg_str_inspect(piece));
    mg_str_cat_cstr(out, ">");
    return out;
}

static const MgMethodDef scanner_methods[] = {
    {"initialize", ss_initialize, 0, -1},
    {"initialize_copy", ss_initialize_copy, 1, 1},
    {"scan", ss_scan, 1, 1},
    {"scan_until", ss_scan_until, 1, 1},
    {"skip", ss_skip, 1, 1},
    {"skip_until", ss_skip_until, 1, 1},
    {"match?", ss_match_p, 1, 1},
    {"check", ss_check, 1, 1},
    {"check_until", ss_check_until, 1, 1},
    {"exist?", ss_exist_p, 1, 1},
    {"search_full", ss_search_full, 3, 3},
    {"scan_full", ss_scan_full, 3, 3},
    {"getch", ss_getch, 0, 0},
    {"get_byte", ss_get_byte, 0, 0},
    {"getbyte", ss_get_byte, 0, 0},
    {"scan_byte", ss_scan_byte, 0, 0},
    {"peek", ss_peek, 1, 1},
    {"peep", ss_peek, 1, 1},
    {"peek_byte", ss_peek_byte, 0, 0},
    {"unscan", ss_unscan, 0, 0},
    {"pos", ss_pos, 0, 0},
    {"pointer", ss_pos, 0, 0},
    {"pos=", ss_set_pos, 1, 1},
    {"pointer=", ss_set_pos, 1, 1},
    {"charpos", ss_charpos, 0, 0},
    {"reset", ss_reset, 0, 0},
    {"terminate", ss_terminate, 0, 0},
    {"clear", ss_terminate, 0, 0},
    {"eos?", ss_eos_p, 0, 0},
    {"empty?", ss_eos_p, 0, 0},
    {"rest?", ss_rest_p, 0, 0},
    {"beginning_of_line?", ss_bol_p, 0, 0},
    {"bol?", ss_bol_p, 0, 0},
    {"string", ss_string, 0, 0},
    {"string=", ss_set_string, 1, 1},
    {"concat", ss_concat, 1, 1},
    {"<<", ss_concat, 1, 1},
    {"rest", ss_rest, 0, 0},
    {"rest_size", ss_rest_size, 0, 0},
    {"restsize", ss_rest_size, 0, 0},
    {"fixed_anchor?", ss_fixed_anchor_p, 0, 0},
    {"matched?", ss_matched_p, 0, 0},
    {"matched", ss_matched, 0, 0},
    {"matched_size", ss_matched_size, 0, 0},
    {"pre_match", ss_pre_match, 0, 0},
    {"post_match", ss_post_match, 0, 0},
    {"[]", ss_aref, 1, 1},
    {"size", ss_size, 0, 0},
    {"captures", ss_captures, 0, 0},
    {"values_at", ss_values_at, 0, -1},
    {"named_captures", ss_named_captures, 0, 0},
    {"inspect", ss_inspect, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_ext_init_strscan(void)
{
    cScanner = mg_define_class("StringScanner", mg_cObject);
    mg_define_alloc_func(cScanner, scanner_alloc);
    mg_define_methods(cScanner, scanner_methods);
    mg_define_singleton_method(MG_VAL(cScanner), "must_C_version", ss_s_must_c_version, 0, 0);
    eScanError = mg_define_class_under(cScanner, "Error", mg_eStandardError);
    if (mg_const_get_at(mg_cObject, mg_intern_cstr("ScanError")) == MG_UNDEF)
        mg_define_global_const("ScanError", MG_VAL(eScanError));
    mg_define_const(cScanner, "Version", mg_str_freeze(mg_str_new_cstr("3.0.1")));
    mg_define_const(cScanner, "Id", mg_str_freeze(mg_str_new_cstr("$Id$")));
}
