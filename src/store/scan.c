/* scan.c -- the record-level reference scanner (scan.h). It parses the
 * layouts of docs/format.md byte by byte, bounds-checked: a corrupt payload
 * yields a message, never a crash. It mirrors record.c's decoder (and the
 * MgDataPersist encoders of Time, Rational, Complex, Regexp, BigDecimal, Random,
 * Env and Proc) but only reads: no symbol is interned, no object is made. A
 * change of the payload format changes both. */
#include "scan.h"

enum {
    REF_NIL = 0, REF_TRUE = 1, REF_FALSE = 2, REF_FIX = 3, REF_FLOAT = 4,
    REF_SYM = 5, REF_OBJ = 6, REF_BIG = 7, REF_UNDEF = 8, REF_META = 9,
    REF_SYM_ENC = 10,
};
/* ObjType values stored in payloads (object.h, docs/format.md) */
enum { HF_KEYHASH = 4 };   /* Hash flags (record.c): String keys carry their hash */
enum { RF_PAGED = 8 };     /* record flags (store/paged.h): a paged Array's or Hash's spine */
enum { TY_OBJECT = 1, TY_CLASS = 2, TY_MODULE = 3, TY_STRING = 7, TY_ARRAY = 8, TY_HASH = 9, TY_RANGE = 10, TY_DATA = 11 };

typedef struct {
    const unsigned char *p, *end;
    const char *err;
    void (*fn)(uint64_t oop, uint8_t type, void *arg);
    void *arg;
} Sc;

static bool
need(Sc *s, uint64_t n)
{
    if (s->err) return false;
    if ((uint64_t)(s->end - s->p) < n) { s->err = "record is truncated"; return false; }
    return true;
}

static void skip(Sc *s, uint64_t n) { if (need(s, n)) s->p += n; }
static uint8_t u8(Sc *s) { return need(s, 1) ? *s->p++ : 0; }
static uint32_t u32(Sc *s) { uint32_t v = 0; if (need(s, 4)) { memcpy(&v, s->p, 4); s->p += 4; } return v; }
static uint64_t u64(Sc *s) { uint64_t v = 0; if (need(s, 8)) { memcpy(&v, s->p, 8); s->p += 8; } return v; }
static void sym(Sc *s) { skip(s, u32(s)); }     /* also: u32 length + bytes strings */

/* One ref; answers the type of a heap object's (TY_*), else 0 */
static uint8_t
ref(Sc *s)
{
    uint8_t tag = u8(s);
    if (s->err) return 0;
    switch (tag) {
    case REF_NIL: case REF_TRUE: case REF_FALSE: case REF_UNDEF: return 0;
    case REF_FIX: case REF_FLOAT: skip(s, 8); return 0;
    case REF_SYM: sym(s); return 0;
    case REF_SYM_ENC: u8(s); sym(s); return 0;   /* a Symbol with its encoding's index */
    case REF_BIG: u8(s); skip(s, u64(s)); return 0;
    case REF_META: ref(s); return 0;   /* the singleton class of the class referred to */
    case REF_OBJ: {
        uint8_t type = u8(s);
        uint64_t oop = u64(s);
        if (s->err) return 0;
        if (oop == 0 || (oop & 7)) { s->err = "record holds a reference to an OOP that is not a multiple of 8"; return 0; }
        s->fn(oop, type, s->arg);
        return type;
    }
    default:
        s->err = "record holds an unknown reference tag";
        return 0;
    }
}

/* n × (sym, ref); n bounded by the bytes left (each pair >= 5 bytes) */
static void
pairs(Sc *s, uint64_t n)
{
    if (!s->err && n > (uint64_t)(s->end - s->p)) { s->err = "record is truncated"; return; }
    for (uint64_t i = 0; i < n && !s->err; i++) { sym(s); ref(s); }
}

static void
refs(Sc *s, uint64_t n)
{
    if (!s->err && n > (uint64_t)(s->end - s->p)) { s->err = "record is truncated"; return; }
    for (uint64_t i = 0; i < n && !s->err; i++) ref(s);
}

static bool
tag_is(const unsigned char *t, uint32_t len, const char *name)
{
    return strlen(name) == len && memcmp(t, name, len) == 0;
}

/* docs/format.md "Data payloads" */
static void
data(Sc *s)
{
    uint32_t len = u32(s);
    if (!need(s, len)) return;
    const unsigned char *t = s->p;
    s->p += len;
    if (tag_is(t, len, "Time")) {
        skip(s, 8 + 4 + 4 + 1 + 8);
    } else if (tag_is(t, len, "Rational") || tag_is(t, len, "Complex")) {
        ref(s);
        ref(s);
    } else if (tag_is(t, len, "Regexp")) {
        ref(s);                                  /* source */
        skip(s, 4 + 1);                          /* options, literal */
    } else if (tag_is(t, len, "BigDecimal")) {
        skip(s, 1 + 1 + 8 + 4);                  /* kind, sign, exponent, maxprec */
        ref(s);                                  /* coefficient */
    } else if (tag_is(t, len, "Random")) {
        uint8_t entropy = u8(s);
        ref(s);                                  /* seed */
        if (!entropy) skip(s, 4 + 624 * 4);      /* mti, the Mersenne Twister's words */
    } else if (tag_is(t, len, "Env")) {
        uint32_t n = u32(s);
        if (!s->err && n > (uint64_t)(s->end - s->p) / 4) { s->err = "record is truncated"; return; }
        for (uint32_t i = 0; i < n && !s->err; i++) sym(s);
        ref(s);                                  /* parent */
        refs(s, n);
    } else if (tag_is(t, len, "Proc")) {
        uint32_t flags = u32(s);
        if (flags & 2) { sym(s); return; }       /* a Symbol proc: its name */
        ref(s);                                  /* self */
        ref(s);                                  /* Env */
        sym(s);                                  /* source */
        sym(s);                                  /* file */
        u32(s);                                  /* line */
        sym(s);                                  /* label */
        refs(s, u32(s));                         /* lexical scope */
        ref(s);                                  /* def target */
    } else if (!s->err) {
        s->err = "record holds data of an unknown kind";
    }
}

const char *
mg_record_scan(const void *payload, size_t len, void (*fn)(uint64_t oop, uint8_t type, void *arg), void *arg)
{
    Sc sc = { payload, (const unsigned char *)payload + len, NULL, fn, arg };
    Sc *s = &sc;
    uint8_t type = u8(s);
    uint8_t flags = u8(s);
    skip(s, 2);
    if (s->err) return s->err;
    ref(s);                                      /* class (Class / Module for class records) */
    pairs(s, u32(s));                            /* instance variables / class-level ivars */
    switch (type) {
    case TY_CLASS: case TY_MODULE:
        ref(s);                                  /* name */
        ref(s);                                  /* superclass */
        ref(s);                                  /* definitions table */
        pairs(s, u32(s));                        /* class variables */
        break;
    case TY_OBJECT:
        break;
    case TY_STRING:
        u8(s);
        skip(s, u64(s));
        break;
    case TY_ARRAY:
        refs(s, u64(s));
        if (flags & RF_PAGED) skip(s, 8);        /* a paged Array's spine: the dead positions of its first page */
        break;
    case TY_HASH: {
        uint8_t hf = u8(s);
        ref(s);
        uint64_t n = u64(s);
        if (flags & RF_PAGED) {                  /* a paged Hash's spine: its pages (docs/format.md) */
            refs(s, n);
            break;
        }
        if (!s->err && n > (uint64_t)(s->end - s->p) / 2) { s->err = "record is truncated"; break; }
        for (uint64_t i = 0; i < n && !s->err; i++) {
            if (ref(s) == TY_STRING && (hf & HF_KEYHASH)) skip(s, 8);   /* the String key's hash */
            ref(s);
        }
        break;
    }
    case TY_RANGE:
        u8(s);
        ref(s);
        ref(s);
        break;
    case TY_DATA:
        data(s);
        break;
    default:
        if (!s->err) s->err = "record has a type that cannot be stored";
    }
    if (!s->err && s->p != s->end) s->err = "record has trailing bytes";
    return s->err;
}

static void
last_oop(uint64_t oop, uint8_t type, void *arg)
{
    (void)type;
    *(uint64_t *)arg = oop;
}

const char *
mg_record_shape(const void *payload, size_t len, MgRecordShape *out)
{
    uint64_t last = 0;
    Sc sc = { payload, (const unsigned char *)payload + len, NULL, last_oop, &last };
    Sc *s = &sc;
    memset(out, 0, sizeof *out);
    out->type = u8(s);
    u8(s);
    skip(s, 2);
    ref(s);
    out->cls = last;
    pairs(s, u32(s));
    if (out->type == TY_CLASS || out->type == TY_MODULE) {
        ref(s);                                  /* name */
        last = 0;
        ref(s);
        out->super = last;
    } else if (out->type == TY_DATA) {
        uint32_t n = u32(s);
        if (need(s, n)) memcpy(out->tag, s->p, n < sizeof out->tag ? n : sizeof out->tag - 1);
    }
    return s->err;
}

uint64_t
mg_record_class(const void *data, size_t len)
{
    /* docs/format.md "Object payload": type, flags, 2 zero bytes, then the class ref */
    const unsigned char *p = data;
    if (len < 14 || p[4] != REF_OBJ || p[5] != TY_CLASS || p[0] == TY_CLASS || p[0] == TY_MODULE) return 0;
    uint64_t oop;
    memcpy(&oop, p + 6, 8);
    return oop >= ((uint64_t)1 << 20) ? oop : 0;
}
