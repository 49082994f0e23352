/* string_enc.c -- String's encoding methods (encoding, force_encoding, b,
 * valid_encoding?, ascii_only?, scrub, unicode_normalize), and inspect and
 * scrub for strings in encodings other than UTF-8, BINARY and US-ASCII
 * (ISO-8859-x, UTF-16/32, Shift_JIS, ...).
 * Characters are stepped with encoding.c's helpers (Oniguruma's tables).
 * Design: string_int.h. */
#include "string_int.h"

static inline RString *
S(Value v)
{
    MG_FAULT(v);
    return MG_RSTRING(v);
}

static void
cat_esc(Value out, uint32_t c, bool unicode)
{
    char buf[24];
    int n;
    if (unicode) {
        if (c < 0x7F && c >= 0x20) { buf[0] = (char)c; n = 1; }
        else if (c < 0x10000) n = snprintf(buf, sizeof buf, "\\u%04X", c);
        else n = snprintf(buf, sizeof buf, "\\u{%X}", c);
    } else {
        if (c < 0x100) n = snprintf(buf, sizeof buf, "\\x%02X", c);
        else n = snprintf(buf, sizeof buf, "\\x{%X}", c);
    }
    mg_str_cat(out, buf, (size_t)n);
}

/* The body of s's inspect (between the quotes), a UTF-8 String: ASCII
 * characters as themselves, the others escaped as \uXXXX in the Unicode forms
 * and \xHH / \x{HHHH} (the character's code) in the other encodings; invalid
 * bytes as \xHH, the shortest character's worth at a time. */
Value
mg_str_escape_enc(Value s)
{
    Encoding enc = STR_ENC(s);
    bool ascii = mg_enc_ascii_compat(enc), unicode = mg_enc_unicode(enc);
    Value out = mg_str_buf_new((size_t)S(s)->len + 2);
    int64_t i = 0;
    while (i < S(s)->len) {
        RString *r = S(s);
        const char *p = r->ptr + i, *e = r->ptr + r->len;
        int n = mg_enc_precise((const unsigned char *)p, (const unsigned char *)e, enc);
        if (n <= 0) {
            int k = mg_enc_minlen(enc);
            if (k > e - p) k = (int)(e - p);
            for (int j = 0; j < k; j++) cat_esc(out, (unsigned char)p[j], false);
            i += k;
            continue;
        }
        int len;
        int32_t c = mg_enc_codepoint(p, e, enc, &len);
        i += n;
        const char *esc = NULL;
        if ((ascii || unicode) && (c == '"' || c == '\\')) esc = c == '"' ? "\\\"" : "\\\\";
        else if ((ascii || unicode) && c == '#' && i < r->len) {
            int m;
            int32_t d = mg_enc_codepoint(r->ptr + i, e, enc, &m);
            if (d == '{' || d == '$' || d == '@') esc = "\\#";
        }
        if (!esc) {
            switch (c) {
            case '\n': esc = "\\n"; break;
            case '\r': esc = "\\r"; break;
            case '\t': esc = "\\t"; break;
            case '\f': esc = "\\f"; break;
            case '\v': esc = "\\v"; break;
            case '\b': esc = "\\b"; break;
            case '\a': esc = "\\a"; break;
            case 033: esc = "\\e"; break;
            default: break;
            }
        }
        if (esc) { mg_str_cat(out, esc, strlen(esc)); continue; }
        if (ascii && c >= 0x20 && c < 0x7F) { char ch = (char)c; mg_str_cat(out, &ch, 1); continue; }
        cat_esc(out, (uint32_t)c, unicode);
    }
    return out;
}

/* The default replacement of scrub / encode in enc: U+FFFD in the Unicode
 * forms, "?" elsewhere. */
Value
mg_enc_default_replacement(Encoding enc)
{
    char buf[16];
    int n = mg_enc_unicode(enc) ? mg_enc_code_to_mbc(0xFFFD, buf, enc) : mg_enc_code_to_mbc('?', buf, enc);
    if (n < 0) { buf[0] = '?'; n = 1; }
    return mg_str_new_enc(buf, (size_t)n, enc);
}

/* A scrub replacement checked as CRuby checks it: valid, and in enc unless
 * ASCII-only for a one-byte-minimum enc; ArgumentError / CompatibilityError */
static Value
scrub_repl(Value rep, Encoding enc)
{
    rep = mg_to_str(rep);
    int cr = mg_str_coderange(rep);
    if (cr == CR_BROKEN)
        mg_raise(mg_eArgumentError, "replacement must be valid byte sequence '%s'", mg_str_cstr(mg_str_inspect(rep)));
    Encoding re = STR_ENC(rep);
    if (cr == CR_7BIT ? mg_enc_minlen(enc) != 1 : re != enc)
        mg_raise(mg_eEncCompatError, "incompatible character encodings: %s and %s", mg_enc_name(enc), mg_enc_name(re));
    return rep;
}

/* String#scrub for the encodings but UTF-8: nil when s is valid. An invalid
 * character is replaced a shortest-character's worth at a time, a cut-off one
 * at the end as a whole. */
static Value
scrub_enc(Value s, Value repl, Value blk)
{
    Encoding enc = STR_ENC(s);
    if (mg_str_coderange(s) != CR_BROKEN) return MG_NIL;
    if (!MG_IS_NIL(repl)) repl = scrub_repl(repl, enc);
    Value dflt = MG_IS_NIL(repl) && !mg_block_given(blk) ? mg_enc_default_replacement(enc) : MG_NIL;
    Value out = mg_str_new_enc("", 0, enc);
    int64_t i = 0;
    while (i < S(s)->len) {
        RString *r = S(s);
        const char *p = r->ptr + i, *e = r->ptr + r->len;
        int n = mg_enc_precise((const unsigned char *)p, (const unsigned char *)e, enc);
        if (n > 0) { mg_str_cat(out, p, (size_t)n); i += n; continue; }
        int64_t k = n < 0 ? e - p : mg_enc_minlen(enc);
        if (k > e - p) k = e - p;
        Value rv;
        if (mg_block_given(blk)) rv = scrub_repl(mg_yield1(blk, mg_str_new_enc(p, (size_t)k, enc)), enc);
        else rv = MG_IS_NIL(repl) ? dflt : repl;
        mg_str_cat(out, S(rv)->ptr, (size_t)S(rv)->len);
        i += k;
    }
    return out;
}

/* ---- the methods ---- */

static Value
str_encoding(Value self, int argc, const Value *argv, Value blk)
{
    return mg_enc_value(mg_str_enc(self));
}

static Value
str_force_encoding(Value self, int argc, const Value *argv, Value blk)
{
    Encoding e = mg_to_encoding(argv[0]);
    mg_str_modify(self);
    MG_OBJ(self)->extra = e;
    return self;
}

static Value
str_valid_encoding_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_str_coderange(self) != CR_BROKEN);
}

static Value
str_ascii_only_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_str_coderange(self) == CR_7BIT);
}

static Value
str_b(Value self, int argc, const Value *argv, Value blk)
{
    RString *r = S(self);
    return mg_str_new_enc(r->ptr, (size_t)r->len, ENC_BINARY);
}

/* Replaces invalid sequences of a UTF-8 string; repl nil = default, blk = computes. */
static Value
scrub_impl(Value self, Value repl, Value blk)
{
    if (mg_str_coderange(self) != CR_BROKEN) return MG_NIL;
    Encoding enc = STR_ENC(self);
    if (enc != ENC_UTF8 && enc != ENC_BINARY && enc != ENC_US_ASCII) return scrub_enc(self, repl, blk);
    if (!MG_IS_NIL(repl)) repl = scrub_repl(repl, enc);
    Value out = mg_str_new_enc("", 0, enc);
    int64_t i = 0;
    while (i < S(self)->len) {
        RString *r = S(self);
        const unsigned char *p = (const unsigned char *)r->ptr, *e = p + r->len;
        int n = p[i] < 0x80 ? 1 : mg_utf8_charlen(p + i, e);
        if (enc != ENC_UTF8 && p[i] >= 0x80) n = -1;
        if (n > 0) { mg_str_cat(out, (const char *)p + i, (size_t)n); i += n; continue; }
        /* an invalid run: a truncated prefix of a valid sequence counts as one */
        int64_t j = i + 1;
        if (enc == ENC_UTF8 && p[i] >= 0xC2 && p[i] <= 0xF4) {
            int want = p[i] < 0xE0 ? 2 : p[i] < 0xF0 ? 3 : 4;
            while (j < r->len && j - i < want && (p[j] & 0xC0) == 0x80) j++;
            if (j - i >= want) j = i + 1;
        }
        if (mg_block_given(blk)) {
            Value bad = mg_str_new_enc((const char *)p + i, (size_t)(j - i), enc);
            Value rv = scrub_repl(mg_yield1(blk, bad), enc);
            mg_str_cat(out, S(rv)->ptr, (size_t)S(rv)->len);
        } else if (!MG_IS_NIL(repl)) {
            mg_str_cat(out, S(repl)->ptr, (size_t)S(repl)->len);
        } else {
            const char *d = enc == ENC_UTF8 ? "\xEF\xBF\xBD" : "?";
            mg_str_cat(out, d, strlen(d));
        }
        i = j;
    }
    return out;
}

static Value
str_scrub(Value self, int argc, const Value *argv, Value blk)
{
    Value r = scrub_impl(self, argc > 0 ? argv[0] : MG_NIL, blk);
    return MG_IS_NIL(r) ? mg_str_dup(self) : r;
}

static Value
str_scrub_bang(Value self, int argc, const Value *argv, Value blk)
{
    /* a valid string is left alone, frozen or not (as CRuby), and not marked changed */
    Value r = scrub_impl(self, argc > 0 ? argv[0] : MG_NIL, blk);
    if (MG_IS_NIL(r)) return self;
    mg_str_modify(self);
    mg_str_replace_bytes(self, 0, S(self)->len, S(r)->ptr, S(r)->len);
    return self;
}

/* unicode_normalize(form = :nfc), unicode_normalize!, unicode_normalized?:
 * as CRuby, the standard library's unicode_normalize/normalize.rb (Ruby, with
 * its tables) does the work; it is loaded on first use */
static Value
unicode_normalize_call(const char *fn, Value self, int argc, const Value *argv)
{
    mg_require("unicode_normalize/normalize");
    Value m = mg_const_get_at(mg_cObject, mg_intern_cstr("UnicodeNormalize"));
    Value args[2] = { self, argc > 0 ? argv[0] : mg_sym("nfc") };
    return mg_funcall(m, mg_intern_cstr(fn), 2, args);
}

static Value
str_unicode_normalize(Value self, int argc, const Value *argv, Value blk)
{
    return unicode_normalize_call("normalize", self, argc, argv);
}

static Value
str_unicode_normalize_bang(Value self, int argc, const Value *argv, Value blk)
{
    Value r = unicode_normalize_call("normalize", self, argc, argv);
    return mg_funcall(self, mg_intern_cstr("replace"), 1, &r);
}

static Value
str_unicode_normalized_p(Value self, int argc, const Value *argv, Value blk)
{
    return unicode_normalize_call("normalized?", self, argc, argv);
}

static const MgMethodDef string_enc_methods[] = {
    {"encoding", str_encoding, 0, 0},
    {"force_encoding", str_force_encoding, 1, 1},
    {"valid_encoding?", str_valid_encoding_p, 0, 0},
    {"ascii_only?", str_ascii_only_p, 0, 0},
    {"b", str_b, 0, 0},
    {"scrub", str_scrub, 0, 1},
    {"scrub!", str_scrub_bang, 0, 1},
    {"unicode_normalize", str_unicode_normalize, 0, 1},
    {"unicode_normalize!", str_unicode_normalize_bang, 0, 1},
    {"unicode_normalized?", str_unicode_normalized_p, 0, 1},
    {NULL, NULL, 0, 0},
};

void
mg_init_string_enc(void)
{
    mg_define_methods(mg_cString, string_enc_methods);
}
