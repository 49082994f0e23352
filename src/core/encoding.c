/* encoding.c -- the Encoding class (UTF-8, ASCII-8BIT/BINARY, US-ASCII) and the
 * UTF-8 validity and character stepping helpers used by the string files.
 * Design: string_int.h (an RString's encoding is its hdr.extra). */
#include "string_int.h"

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

int
mg_enc_coderange_scan(const char *s, int64_t len, Encoding enc)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    int64_t i = skip_ascii(p, 0, len);
    if (i == len) return CR_7BIT;
    if (enc == ENC_BINARY) return CR_VALID;
    if (enc == ENC_US_ASCII) return CR_BROKEN;
    while (i < len) {
        if (p[i] < 0x80) { i = skip_ascii(p, i, len); continue; }
        int n = mg_utf8_charlen(p + i, e);
        if (n < 0) return CR_BROKEN;
        i += n;
    }
    return CR_VALID;
}

int64_t
mg_enc_strlen(const char *s, int64_t len, Encoding enc, int cr)
{
    if (enc != ENC_UTF8 || cr == CR_7BIT) return len;
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    int64_t count = 0, i = 0;
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
    if (enc != ENC_UTF8 || cr == CR_7BIT) return n <= len ? n : -1;
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    int64_t i = 0;
    while (n > 0 && i < len) {
        if (p[i] < 0x80) {
            /* step over a run of ASCII without counting byte by byte twice */
            int64_t j = skip_ascii(p, i, len);
            if (j - i >= n) return i + n;
            n -= j - i;
            i = j;
            continue;
        }
        int k = mg_utf8_charlen(p + i, e);
        i += k < 0 ? 1 : k;
        n--;
    }
    return n == 0 ? i : -1;
}

/* ---- Encoding objects ---- */

static const char *const enc_names[] = { "UTF-8", "ASCII-8BIT", "US-ASCII" };
static Value enc_objs[3];

static const DataType encoding_type = { "Encoding", NULL, NULL, NULL };

const char *
mg_enc_name(Encoding enc)
{
    return enc_names[enc <= ENC_US_ASCII ? enc : 0];
}

Value
mg_enc_value(Encoding enc)
{
    return enc_objs[enc <= ENC_US_ASCII ? enc : 0];
}

static bool
enc_of_value(Value v, Encoding *out)
{
    for (int i = 0; i < 3; i++)
        if (enc_objs[i] == v) { *out = (Encoding)i; return true; }
    return false;
}

static bool
enc_find_name(const char *name, size_t len, Encoding *out)
{
    static const struct { const char *name; Encoding enc; } names[] = {
        {"UTF-8", ENC_UTF8}, {"CP65001", ENC_UTF8}, {"locale", ENC_UTF8},
        {"external", ENC_UTF8}, {"filesystem", ENC_UTF8},
        {"ASCII-8BIT", ENC_BINARY}, {"BINARY", ENC_BINARY},
        {"US-ASCII", ENC_US_ASCII}, {"ASCII", ENC_US_ASCII},
        {"ANSI_X3.4-1968", ENC_US_ASCII}, {"646", ENC_US_ASCII},
    };
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        if (strlen(names[i].name) == len && strncasecmp(names[i].name, name, len) == 0) {
            *out = names[i].enc;
            return true;
        }
    return false;
}

Encoding
mg_to_encoding(Value v)
{
    Encoding e;
    if (enc_of_value(v, &e)) return e;
    v = mg_to_str(v);
    if (enc_find_name(mg_str_ptr(v), (size_t)mg_str_len(v), &e)) return e;
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
encoding_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_str_new_enc(mg_enc_name(enc_self(self)), strlen(mg_enc_name(enc_self(self))), ENC_US_ASCII);
}

static Value
encoding_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_sprintf("#<Encoding:%s>", mg_enc_name(enc_self(self)));
}

static Value
encoding_names(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    static const char *const utf8[] = {"UTF-8", "CP65001", "locale", "external", "filesystem", NULL};
    static const char *const bin[] = {"ASCII-8BIT", "BINARY", NULL};
    static const char *const ascii[] = {"US-ASCII", "ASCII", "ANSI_X3.4-1968", "646", NULL};
    const char *const *list = enc_self(self) == ENC_UTF8 ? utf8 : enc_self(self) == ENC_BINARY ? bin : ascii;
    Value a = mg_ary_new();
    for (; *list; list++) mg_ary_push(a, mg_str_new_enc(*list, strlen(*list), ENC_US_ASCII));
    return a;
}

static Value
encoding_ascii_compatible_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_TRUE;
}

static Value
encoding_dummy_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FALSE;
}

static Value
encoding_s_find(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return mg_enc_value(mg_to_encoding(argv[0]));
}

static Value
encoding_s_list(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_ary_new_from(3, (Value[]){enc_objs[ENC_BINARY], enc_objs[ENC_UTF8], enc_objs[ENC_US_ASCII]});
}

static Value
encoding_s_name_list(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    static const char *const all[] = {"ASCII-8BIT", "UTF-8", "US-ASCII", "BINARY", "CP65001", "ASCII",
                                      "ANSI_X3.4-1968", "646", "locale", "external", "filesystem"};
    Value a = mg_ary_new();
    for (size_t i = 0; i < ARRAY_LEN(all); i++) mg_ary_push(a, mg_str_new_enc(all[i], strlen(all[i]), ENC_US_ASCII));
    return a;
}

static Value
encoding_s_default_external(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return enc_objs[ENC_UTF8];
}

static Value
encoding_s_default_internal(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_NIL;
}

static Value
encoding_s_set_default(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
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
        if (mg_str_len(a) == 0) return enc_objs[eb];
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
    if (MG_IS_STRING(b) && mg_str_ascii_only(b)) return enc_objs[ea];
    if (MG_IS_STRING(a) && mg_str_ascii_only(a)) return enc_objs[eb];
    if (ea == ENC_US_ASCII) return enc_objs[eb];
    if (eb == ENC_US_ASCII) return enc_objs[ea];
    return MG_NIL;
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

static const MgMethodDef encoding_singleton_methods[] = {
    {"find", encoding_s_find, 1, 1},
    {"list", encoding_s_list, 0, 0},
    {"name_list", encoding_s_name_list, 0, 0},
    {"default_external", encoding_s_default_external, 0, 0},
    {"default_internal", encoding_s_default_internal, 0, 0},
    {"default_external=", encoding_s_set_default, 1, 1},
    {"default_internal=", encoding_s_set_default, 1, 1},
    {"compatible?", encoding_s_compatible_p, 2, 2},
    {NULL, NULL, 0, 0}
};

void
mg_init_encoding(void)
{
    static bool done;
    if (done) return;
    done = true;
    mg_define_alloc_func(mg_cEncoding, mg_alloc_undefined);
    for (int i = 0; i < 3; i++) {
        enc_objs[i] = mg_data_new(mg_cEncoding, &encoding_type, (void *)(uintptr_t)(i + 1));
        MG_OBJ(enc_objs[i])->flags |= OF_FROZEN;
        mg_gc_register(&enc_objs[i]);
    }
    mg_define_methods(mg_cEncoding, encoding_methods);
    mg_define_singleton_methods(MG_VAL(mg_cEncoding), encoding_singleton_methods);
    mg_define_const(mg_cEncoding, "UTF_8", enc_objs[ENC_UTF8]);
    mg_define_const(mg_cEncoding, "CP65001", enc_objs[ENC_UTF8]);
    mg_define_const(mg_cEncoding, "ASCII_8BIT", enc_objs[ENC_BINARY]);
    mg_define_const(mg_cEncoding, "BINARY", enc_objs[ENC_BINARY]);
    mg_define_const(mg_cEncoding, "US_ASCII", enc_objs[ENC_US_ASCII]);
    mg_define_const(mg_cEncoding, "ASCII", enc_objs[ENC_US_ASCII]);
    mg_define_const(mg_cEncoding, "ANSI_X3_4_1968", enc_objs[ENC_US_ASCII]);
}
