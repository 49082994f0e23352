/* casemap.c -- Unicode case mapping of UTF-8 text for String#upcase,
 * #downcase, #capitalize, #swapcase (and their ! forms, Symbol's) and full
 * case folding for #casecmp? and downcase(:fold), as CRuby 3.1 does them:
 * character by character with the full mappings (SpecialCasing's
 * unconditional ones: "ß".upcase is "SS"), no context-dependent rules (no
 * final sigma), :turkic for the dotted and dotless i, titlecase for the first
 * character of capitalize, and swapcase of a titlecase letter (ǅ) as the
 * swapcase of its decomposition ("dŽ").
 *
 * The tables are generated at build time by tools/gen_casemap.sh from the
 * Unicode Character Database that Debian's unicode-data package installs
 * (the Makefile writes $(BUILD)/gen/casemap_data.h). */
#include "string_int.h"
#include <stdlib.h>

typedef struct { int32_t cp, upper, lower, title; } CaseSimple;   /* 0: no mapping */
typedef struct { int32_t cp; const char *lower, *title, *upper; } CaseSpecial;
typedef struct { int32_t cp; const char *fold; } CaseFold;
typedef struct { int32_t cp; const char *decomp; } CaseDecomp;

/* the generated tables are const; sorted copies of the unsorted ones are made once */
#include "casemap_data.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static CaseSpecial *special_sorted;
static CaseFold *fold_sorted;

static int
cmp_special(const void *a, const void *b)
{
    int32_t x = ((const CaseSpecial *)a)->cp, y = ((const CaseSpecial *)b)->cp;
    return (x > y) - (x < y);
}

static int
cmp_fold(const void *a, const void *b)
{
    int32_t x = ((const CaseFold *)a)->cp, y = ((const CaseFold *)b)->cp;
    return (x > y) - (x < y);
}

static void
tables_init(void)
{
    if (special_sorted) return;
    CaseSpecial *s = malloc(sizeof case_special);
    CaseFold *f = malloc(sizeof case_fold);
    if (!s || !f) { free(s); free(f); mg_raise_nomem(); }
    memcpy(s, case_special, sizeof case_special);
    memcpy(f, case_fold, sizeof case_fold);
    qsort(s, COUNT(case_special), sizeof *s, cmp_special);
    qsort(f, COUNT(case_fold), sizeof *f, cmp_fold);
    special_sorted = s;
    fold_sorted = f;
}

static const CaseSimple *
find_simple(int32_t c)
{
    size_t lo = 0, hi = COUNT(case_simple);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (case_simple[mid].cp == c) return &case_simple[mid];
        if (case_simple[mid].cp < c) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static const CaseSpecial *
find_special(int32_t c, bool turkic)
{
    if (turkic) {
        for (size_t i = 0; i < COUNT(case_turkic); i++)
            if (case_turkic[i].cp == c) return &case_turkic[i];
    }
    size_t lo = 0, hi = COUNT(case_special);
    if (c < special_sorted[0].cp || c > special_sorted[hi - 1].cp) return NULL;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (special_sorted[mid].cp == c) return &special_sorted[mid];
        if (special_sorted[mid].cp < c) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static const char *
find_fold(int32_t c)
{
    size_t lo = 0, hi = COUNT(case_fold);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (fold_sorted[mid].cp == c) return fold_sorted[mid].fold;
        if (fold_sorted[mid].cp < c) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static const char *
find_title_decomp(int32_t c)
{
    size_t lo = 0, hi = COUNT(case_title_decomp);   /* in code point order, as UnicodeData.txt */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (case_title_decomp[mid].cp == c) return case_title_decomp[mid].decomp;
        if (case_title_decomp[mid].cp < c) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* A growable output buffer. */
typedef struct { char *p; size_t len, cap; } Buf;

static void
buf_add(Buf *b, const char *p, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n) cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) { free(b->p); b->p = NULL; mg_raise_nomem(); }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

static void
buf_cp(Buf *b, int32_t c)
{
    char tmp[4];
    buf_add(b, tmp, (size_t)mg_utf8_encode((uint32_t)c, tmp));
}

enum { MAP_UPPER, MAP_LOWER, MAP_TITLE };

/* Appends the full mapping of c; returns false when c maps to itself. */
static bool
map_cp(Buf *b, int32_t c, int kind, bool turkic)
{
    const CaseSpecial *sp = find_special(c, turkic);
    if (sp) {
        const char *m = kind == MAP_UPPER ? sp->upper : kind == MAP_LOWER ? sp->lower : sp->title;
        buf_add(b, m, strlen(m));
        char self[4];
        int n = mg_utf8_encode((uint32_t)c, self);
        return strlen(m) != (size_t)n || memcmp(m, self, (size_t)n) != 0;
    }
    const CaseSimple *s = find_simple(c);
    if (kind == MAP_TITLE && s && s->lower && s->lower != c && s->title == s->upper) {
        /* a capital without a titlecase of its own takes its small letter's
         * when that differs from the capital (Georgian Mtavruli capitalizes
         * to Mkhedruli, as in CRuby) */
        const CaseSimple *l = find_simple(s->lower);
        if (l && l->title && l->title != l->upper && !find_special(s->lower, turkic)) s = l;
    }
    int32_t d = 0;
    if (s) d = kind == MAP_UPPER ? s->upper : kind == MAP_LOWER ? s->lower : s->title;
    if (d == 0 || d == c) { buf_cp(b, c); return false; }
    buf_cp(b, d);
    return true;
}

/* Whether c has a lowercase mapping (so swapcase lowers it). */
static bool
has_lower(int32_t c, bool turkic)
{
    const CaseSpecial *sp = find_special(c, turkic);
    if (sp) {
        char self[4];
        int n = mg_utf8_encode((uint32_t)c, self);
        if (strlen(sp->lower) != (size_t)n || memcmp(sp->lower, self, (size_t)n) != 0) return true;
    }
    const CaseSimple *s = find_simple(c);
    return s && s->lower && s->lower != c;
}

static bool
swap_cp(Buf *b, int32_t c, bool turkic)
{
    const char *decomp = find_title_decomp(c);
    if (decomp) {
        /* a titlecase letter: swap the letters it is made of */
        const unsigned char *p = (const unsigned char *)decomp, *e = p + strlen(decomp);
        while (p < e) {
            int n;
            int32_t d = mg_utf8_decode(p, e, &n);
            if (has_lower(d, turkic)) map_cp(b, d, MAP_LOWER, turkic);
            else map_cp(b, d, MAP_UPPER, turkic);
            p += n;
        }
        return true;
    }
    if (has_lower(c, turkic)) return map_cp(b, c, MAP_LOWER, turkic);
    return map_cp(b, c, MAP_UPPER, turkic);
}

static bool
fold_cp(Buf *b, int32_t c)
{
    const char *f = find_fold(c);
    if (!f) { buf_cp(b, c); return false; }
    buf_add(b, f, strlen(f));
    return true;
}

Value
mg_casemap_utf8(const char *src, int64_t len, int mode, bool turkic)
{
    tables_init();
    const unsigned char *p = (const unsigned char *)src, *e = p + len;
    Buf b = { NULL, 0, 0 };
    bool changed = false, first = true;
    while (p < e) {
        int n;
        int32_t c = mg_utf8_decode(p, e, &n);
        if (c < 0) {
            free(b.p);
            mg_raise(mg_eArgumentError, "input string invalid");
        }
        bool ch;
        if (c < 0x80 && !(turkic && (c == 'i' || c == 'I'))) {
            /* ASCII: no table needed */
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            int32_t d = c;
            switch (mode) {
            case CASEMAP_UP: if (lo) d = c - 32; break;
            case CASEMAP_SWAP: if (lo) d = c - 32; else if (up) d = c + 32; break;
            case CASEMAP_CAP: if (first ? lo : up) d = first ? c - 32 : c + 32; break;
            default: if (up) d = c + 32; break;
            }
            char ch1 = (char)d;
            buf_add(&b, &ch1, 1);
            changed |= d != c;
            first = false;
            p += n;
            continue;
        }
        switch (mode) {
        case CASEMAP_UP: ch = map_cp(&b, c, MAP_UPPER, turkic); break;
        case CASEMAP_DOWN: ch = map_cp(&b, c, MAP_LOWER, turkic); break;
        case CASEMAP_SWAP: ch = swap_cp(&b, c, turkic); break;
        case CASEMAP_CAP: ch = map_cp(&b, c, first ? MAP_TITLE : MAP_LOWER, turkic); break;
        default: ch = fold_cp(&b, c); break;
        }
        changed |= ch;
        first = false;
        p += n;
    }
    Value r = changed ? mg_str_new(b.p ? b.p : "", b.len) : MG_NIL;
    free(b.p);
    return r;
}
