/* scan_test.c -- the record scanner (src/store/scan.c): the references of
 * hand-made payloads of every kind (docs/format.md), and every truncation
 * and many byte flips of them give an error or a result, never a crash.
 * Prints "N passed, M failed". */
#include "../../src/store/scan.h"

static int passed, failed;
#define CHECK(c) do { if (c) passed++; else { failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

typedef struct { unsigned char b[512]; size_t n; } Buf;
static void u8(Buf *b, uint8_t v) { b->b[b->n++] = v; }
static void u32(Buf *b, uint32_t v) { memcpy(b->b + b->n, &v, 4); b->n += 4; }
static void u64(Buf *b, uint64_t v) { memcpy(b->b + b->n, &v, 8); b->n += 8; }
static void str(Buf *b, const char *s) { u32(b, (uint32_t)strlen(s)); memcpy(b->b + b->n, s, strlen(s)); b->n += strlen(s); }
static void obj(Buf *b, uint8_t type, uint64_t oop) { u8(b, 6); u8(b, type); u64(b, oop); }
static void head(Buf *b, uint8_t type, uint64_t klass) { b->n = 0; u8(b, type); u8(b, 0); u8(b, 0); u8(b, 0); obj(b, 2, klass); }

typedef struct { uint64_t oops[32]; int n; } Got;
static void got(uint64_t oop, uint8_t type, void *arg) { (void)type; Got *g = arg; if (g->n < 32) g->oops[g->n++] = oop; }
static void drop(uint64_t oop, uint8_t type, void *arg) { (void)oop; (void)type; (void)arg; }

static bool
scans_to(const Buf *b, const uint64_t *want, int n)
{
    Got g = { { 0 }, 0 };
    if (mg_record_scan(b->b, b->n, got, &g)) return false;
    if (g.n != n) return false;
    for (int i = 0; i < n; i++) if (g.oops[i] != want[i]) return false;
    return true;
}

/* every proper prefix fails; flips never crash */
static void
abuse(const Buf *b)
{
    bool all = true;
    for (size_t len = 0; len < b->n; len++)
        if (!mg_record_scan(b->b, len, drop, NULL)) all = false;
    CHECK(all);
    Buf c;
    for (size_t i = 0; i < b->n; i++)
        for (int bit = 0; bit < 8; bit++) {
            c = *b;
            c.b[i] ^= (unsigned char)(1 << bit);
            (void)mg_record_scan(c.b, c.n, drop, NULL);
        }
    c = *b;
    c.b[c.n++] = 0;
    CHECK(mg_record_scan(c.b, c.n, drop, NULL) != NULL);    /* trailing bytes */
}

int
main(void)
{
    Buf b;
    /* Object with an ivar referencing an object */
    head(&b, 1, 24); u32(&b, 2); str(&b, "@a"); obj(&b, 1, 1 << 20); str(&b, "@b"); u8(&b, 3); u64(&b, 5);
    CHECK(scans_to(&b, (uint64_t[]){ 24, 1 << 20 }, 2)); abuse(&b);
    /* String */
    head(&b, 7, 184); u32(&b, 0); u8(&b, 0); u64(&b, 3); memcpy(b.b + b.n, "abc", 3); b.n += 3;
    CHECK(scans_to(&b, (uint64_t[]){ 184 }, 1)); abuse(&b);
    /* Array: nil, true, float, symbol, bignum, undef, object */
    head(&b, 8, 192); u32(&b, 0); u64(&b, 7); u8(&b, 0); u8(&b, 1); u8(&b, 4); u64(&b, 0); u8(&b, 5); str(&b, "sym");
    u8(&b, 7); u8(&b, 1); u64(&b, 2); u8(&b, 1); u8(&b, 2); u8(&b, 8); obj(&b, 8, 1048584);
    CHECK(scans_to(&b, (uint64_t[]){ 192, 1048584 }, 2)); abuse(&b);
    /* Array: a Symbol with its encoding (ISO-8859-1, index 22; format 5), object */
    head(&b, 8, 192); u32(&b, 0); u64(&b, 2); u8(&b, 10); u8(&b, 22); str(&b, "caf\xe9"); obj(&b, 8, 1048584);
    CHECK(scans_to(&b, (uint64_t[]){ 192, 1048584 }, 2)); abuse(&b);
    /* Hash: default, one pair */
    head(&b, 9, 200); u32(&b, 0); u8(&b, 0); obj(&b, 7, 1048592); u64(&b, 1); obj(&b, 7, 1048600); obj(&b, 1, 1048608);
    CHECK(scans_to(&b, (uint64_t[]){ 200, 1048592, 1048600, 1048608 }, 4)); abuse(&b);
    /* Hash with key hashes (flag 4): a String key's hash follows it, another key's does not */
    head(&b, 9, 200); u32(&b, 0); u8(&b, 4); u8(&b, 0); u64(&b, 3);
    obj(&b, 7, 1048600); u64(&b, 0x0600000000000007ULL); obj(&b, 1, 1048608);  /* the hash's bytes look like a ref */
    u8(&b, 5); str(&b, "k"); obj(&b, 7, 1048616);
    obj(&b, 8, 1048624); obj(&b, 7, 1048632);
    CHECK(scans_to(&b, (uint64_t[]){ 200, 1048600, 1048608, 1048616, 1048624, 1048632 }, 6)); abuse(&b);
    /* paged Hash spine (flag 8, page size 2^11): flags, default, its pages */
    head(&b, 9, 200); b.b[1] = 8; b.b[2] = 11; u32(&b, 0); u8(&b, 4); obj(&b, 7, 1048592); u64(&b, 2);
    obj(&b, 9, 1048640); obj(&b, 9, 1048648);
    CHECK(scans_to(&b, (uint64_t[]){ 200, 1048592, 1048640, 1048648 }, 4)); abuse(&b);
    /* a Hash page (flag 4): an entry and a deleted position (two undefined refs) */
    head(&b, 9, 200); b.b[1] = 4; u32(&b, 0); u8(&b, 4); u8(&b, 0); u64(&b, 2);
    obj(&b, 7, 1048600); u64(&b, 99); obj(&b, 1, 1048608); u8(&b, 8); u8(&b, 8);
    CHECK(scans_to(&b, (uint64_t[]){ 200, 1048600, 1048608 }, 3)); abuse(&b);
    /* paged Array spine: its pages */
    head(&b, 8, 192); b.b[1] = 8; b.b[2] = 11; u32(&b, 0); u64(&b, 2); obj(&b, 8, 1048656); obj(&b, 8, 1048664); u64(&b, 5);
    CHECK(scans_to(&b, (uint64_t[]){ 192, 1048656, 1048664 }, 3)); abuse(&b);
    /* Range */
    head(&b, 10, 208); u32(&b, 0); u8(&b, 1); u8(&b, 3); u64(&b, 1); obj(&b, 1, 1048616);
    CHECK(scans_to(&b, (uint64_t[]){ 208, 1048616 }, 2)); abuse(&b);
    /* class record: ivar, name, superclass, defs, a class variable */
    head(&b, 2, 32); u32(&b, 1); str(&b, "@civ"); obj(&b, 8, 1048624); obj(&b, 7, 1048632); obj(&b, 2, 24);
    obj(&b, 9, 1048640); u32(&b, 1); str(&b, "@@cv"); obj(&b, 1, 1048648);
    CHECK(scans_to(&b, (uint64_t[]){ 32, 1048624, 1048632, 24, 1048640, 1048648 }, 6)); abuse(&b);
    /* Data: Time, Rational, Complex, Env, Proc, Symbol proc */
    head(&b, 11, 216); u32(&b, 0); str(&b, "Time"); u64(&b, 1); u32(&b, 2); u32(&b, 3); u8(&b, 0); u64(&b, 0);
    CHECK(scans_to(&b, (uint64_t[]){ 216 }, 1)); abuse(&b);
    head(&b, 11, 224); u32(&b, 0); str(&b, "Rational"); u8(&b, 3); u64(&b, 1); obj(&b, 6, 1048656);
    CHECK(scans_to(&b, (uint64_t[]){ 224, 1048656 }, 2)); abuse(&b);
    head(&b, 11, 232); u32(&b, 0); str(&b, "Complex"); obj(&b, 11, 1048664); u8(&b, 4); u64(&b, 0);
    CHECK(scans_to(&b, (uint64_t[]){ 232, 1048664 }, 2)); abuse(&b);
    head(&b, 11, 240); u32(&b, 0); str(&b, "Env"); u32(&b, 2); str(&b, "x"); str(&b, ""); obj(&b, 11, 1048672);
    obj(&b, 8, 1048680); u8(&b, 0);
    CHECK(scans_to(&b, (uint64_t[]){ 240, 1048672, 1048680 }, 3)); abuse(&b);
    head(&b, 11, 248); u32(&b, 0); str(&b, "Proc"); u32(&b, 1); obj(&b, 1, 1048568); obj(&b, 11, 1048688);
    str(&b, "proc { x }"); str(&b, "t.rb"); u32(&b, 3); str(&b, "block"); u32(&b, 1); obj(&b, 2, 1048696); u8(&b, 0);
    CHECK(scans_to(&b, (uint64_t[]){ 248, 1048568, 1048688, 1048696 }, 4)); abuse(&b);
    head(&b, 11, 248); u32(&b, 0); str(&b, "Proc"); u32(&b, 2); str(&b, "upcase");
    CHECK(scans_to(&b, (uint64_t[]){ 248 }, 1)); abuse(&b);
    /* unknown data tag, unknown type, unknown ref tag, misaligned OOP */
    head(&b, 11, 216); u32(&b, 0); str(&b, "Mystery");
    CHECK(mg_record_scan(b.b, b.n, drop, NULL) != NULL);
    head(&b, 5, 216); u32(&b, 0);
    CHECK(mg_record_scan(b.b, b.n, drop, NULL) != NULL);
    head(&b, 8, 192); u32(&b, 0); u64(&b, 1); u8(&b, 9);
    CHECK(mg_record_scan(b.b, b.n, drop, NULL) != NULL);
    head(&b, 8, 192); u32(&b, 0); u64(&b, 1); obj(&b, 1, 1048577);
    CHECK(mg_record_scan(b.b, b.n, drop, NULL) != NULL);
    /* huge counts do not make it read past the end */
    head(&b, 8, 192); u32(&b, 0); u64(&b, UINT64_MAX);
    CHECK(mg_record_scan(b.b, b.n, drop, NULL) != NULL);
    head(&b, 9, 200); u32(&b, 0); u8(&b, 0); u8(&b, 0); u64(&b, UINT64_MAX / 2 + 1);
    CHECK(mg_record_scan(b.b, b.n, drop, NULL) != NULL);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
