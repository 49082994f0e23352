/* string_enc.c -- String#inspect and String#scrub for strings in encodings
 * other than UTF-8, BINARY and US-ASCII (ISO-8859-x, UTF-16/32, Shift_JIS, ...).
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

/* String#scrub for the encodings but UTF-8: nil when s is valid. An invalid
 * character is replaced a shortest-character's worth at a time, a cut-off one
 * at the end as a whole. */
Value
mg_scrub_repl(Value rep, Encoding enc)
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

Value
mg_str_scrub_enc(Value s, Value repl, Value blk)
{
    Encoding enc = STR_ENC(s);
    if (mg_str_coderange(s) != CR_BROKEN) return MG_NIL;
    if (!MG_IS_NIL(repl)) repl = mg_scrub_repl(repl, enc);
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
        if (mg_block_given(blk)) rv = mg_scrub_repl(mg_yield1(blk, mg_str_new_enc(p, (size_t)k, enc)), enc);
        else rv = MG_IS_NIL(repl) ? dflt : repl;
        mg_str_cat(out, S(rv)->ptr, (size_t)S(rv)->len);
        i += k;
    }
    return out;
}
