/* transcode.c -- String#encode, String#encode! and Encoding::Converter.
 *
 * Design:
 *  1. A conversion goes character by character through Unicode code points:
 *     a source character is decoded (UTF-8, UTF-16/32 by this file's own code;
 *     BINARY and US-ASCII are ASCII plus errors; every other encoding through
 *     glibc's iconv to UTF-32LE, one character at a time, its bounds and
 *     validity found first with Oniguruma's tables), then encoded into the
 *     destination the same way back. ASCII characters of ASCII-compatible
 *     encodings skip iconv (CRuby maps Shift_JIS 0x5C to U+005C, glibc to
 *     U+00A5).
 *  2. Errors are CRuby's: an invalid source sequence is an
 *     InvalidByteSequenceError "<bytes> on <source>" ("incomplete ..." when the
 *     input ends in it, "... followed by ..." for the bytes read again); a
 *     character the other side lacks is an UndefinedConversionError. CRuby
 *     converts between two non-UTF-8 encodings through UTF-8, and names the
 *     path in the message when the failing step is not the whole conversion
 *     ("U+00E9 to Shift_JIS in conversion from ISO-8859-1 to UTF-8 to
 *     Shift_JIS"); its transcoders spell some names in capitals (EF_UPT).
 *  3. iconv descriptors are opened once per encoding and direction and kept
 *     (one OS thread runs Ruby); each use starts by resetting the state.
 *  4. Options: invalid:/undef: :replace, replace:, fallback:, xml: :text/:attr,
 *     universal_newline:, crlf_newline:, cr_newline:. Encoding::Converter keeps
 *     an incomplete character at the end of a convert for the next call;
 *     finish reports it.
 */
#include "string_int.h"

static inline RString *
S(Value v)
{
    MG_FAULT(v);
    return MG_RSTRING(v);
}
#include "../vm/vm.h"
#include <iconv.h>
#include <ctype.h>
#include <oniguruma.h>
#include <errno.h>

enum { K_NONE = -1, K_UTF8, K_U16LE, K_U16BE, K_U32LE, K_U32BE, K_U16, K_U32, K_BIN, K_ASCII, K_ICONV };

enum {
    F_INVALID_REPLACE = 0x2, F_UNDEF_REPLACE = 0x20, F_UNDEF_HEX_CHARREF = 0x30,
    F_UNIVERSAL_NL = 0x100, F_CRLF_NL = 0x1000, F_CR_NL = 0x2000,
    F_XML_TEXT = 0x4000, F_XML_ATTR_CONTENT = 0x8000, F_XML_ATTR_QUOTE = 0x100000,
    F_PARTIAL_INPUT = 0x10000, F_AFTER_OUTPUT = 0x20000,
};

typedef struct Conv {
    Encoding from, to;
    int fk, tk;                /* K_* of each side */
    unsigned flags;            /* F_* */
    Value repl;                /* the replacement in `to`, nil = default */
    Value fallback;            /* Hash / Proc / Method / nil */
    bool started;              /* something was written (the BOM of UTF-16/32) */
    int in_order;              /* UTF-16/32 source: K_U16BE.. once the BOM was read, else K_NONE */
    bool pending_cr;           /* universal newline: the last chunk ended in \r */
    char pending[8];           /* Converter: a cut-off character kept for the next convert */
    int npending;
    bool finished;             /* Converter#finish was called */
    char obuf[256];            /* output not yet appended to the result (ocat) */
    int olen;
} Conv;

static RClass *cConverter;

static int
kind_of(Encoding e)
{
    const MgEncInfo *ei = mg_enc_info(e);
    if (e == ENC_UTF8) return K_UTF8;
    if (e == ENC_BINARY) return K_BIN;
    if (e == ENC_US_ASCII) return K_ASCII;
    const char *n = ei->name;
    if (strcmp(n, "UTF-16LE") == 0) return K_U16LE;
    if (strcmp(n, "UTF-16BE") == 0) return K_U16BE;
    if (strcmp(n, "UTF-32LE") == 0) return K_U32LE;
    if (strcmp(n, "UTF-32BE") == 0) return K_U32BE;
    if (strcmp(n, "UTF-16") == 0) return K_U16;
    if (strcmp(n, "UTF-32") == 0) return K_U32;
    if (!ei->iconv || (ei->flags & EF_DUMMY)) return K_NONE;
    if (strcmp(ei->iconv, "UTF-8") == 0) return K_UTF8;
    return K_ICONV;
}

/* The name CRuby's transcoders use for e (WINDOWS-1252 for Windows-1252). */
static void
tname(Encoding e, char *buf, size_t size)
{
    const MgEncInfo *ei = mg_enc_info(e);
    snprintf(buf, size, "%s", ei->name);
    if (ei->flags & EF_UPT)
        for (char *p = buf; *p; p++) *p = (char)toupper((unsigned char)*p);
}

/* ---- iconv descriptors ---- */

static iconv_t *dec_cd, *enc_cd;      /* per encoding; (iconv_t)-1 = not opened yet or failed */
static bool *dec_tried, *enc_tried;

static iconv_t
get_cd(Encoding e, bool decode)
{
    if (!dec_cd) {
        size_t n = mg_encoding_count();
        dec_cd = calloc(n, sizeof(iconv_t)); enc_cd = calloc(n, sizeof(iconv_t));
        dec_tried = calloc(n, sizeof(bool)); enc_tried = calloc(n, sizeof(bool));
        if (!dec_cd || !enc_cd || !dec_tried || !enc_tried) mg_raise_nomem();
    }
    iconv_t *cd = decode ? dec_cd : enc_cd;
    bool *tried = decode ? dec_tried : enc_tried;
    if (!tried[e]) {
        tried[e] = true;
        const char *n = mg_enc_info(e)->iconv;
        cd[e] = decode ? iconv_open("UTF-32LE", n) : iconv_open(n, "UTF-32LE");
    }
    if (cd[e] != (iconv_t)-1) iconv(cd[e], NULL, NULL, NULL, NULL);
    return cd[e];
}

/* Single-byte encodings: each byte's code point (-1 undefined), asked of iconv
 * once per encoding. */
static int32_t **sb_tables;

static const int32_t *
sb_table(Encoding e)
{
    if (!(mg_enc_info(e)->flags & EF_SB)) return NULL;
    if (!sb_tables) {
        sb_tables = calloc(mg_encoding_count(), sizeof *sb_tables);
        if (!sb_tables) mg_raise_nomem();
    }
    if (sb_tables[e]) return sb_tables[e];
    iconv_t cd = get_cd(e, true);
    if (cd == (iconv_t)-1) return NULL;
    int32_t *t = malloc(256 * sizeof *t);
    if (!t) mg_raise_nomem();
    for (int b = 0; b < 256; b++) {
        char in = (char)b;
        unsigned char obuf[16];
        char *ip = &in, *op = (char *)obuf;
        size_t il = 1, ol = sizeof obuf;
        iconv(cd, NULL, NULL, NULL, NULL);
        bool ok = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1;
        if (ok) iconv(cd, NULL, NULL, &op, &ol);     /* CP1255 holds a letter back for a combining mark */
        if (!ok || sizeof obuf - ol != 4) t[b] = -1;
        else t[b] = (int32_t)(obuf[0] | obuf[1] << 8 | obuf[2] << 16 | (uint32_t)obuf[3] << 24);
        if (b < 0x80 && mg_enc_ascii_compat(e)) t[b] = b;
    }
    sb_tables[e] = t;
    return t;
}

static bool
kind_usable(Encoding e, int k, bool decode)
{
    if (k == K_NONE) return false;
    if (k != K_ICONV) return true;
    return get_cd(e, decode) != (iconv_t)-1;
}

/* ---- errors ---- */

static Value
bin_str(const char *p, size_t n)
{
    return mg_str_new_enc(p, n, ENC_BINARY);
}

static Value
enc_by_tname(const char *n)
{
    Encoding e;
    if (mg_enc_find_name(n, strlen(n), &e)) return mg_enc_value(e);
    return MG_NIL;
}

static void
set_hidden(Value exc, const char *name, Value v)
{
    mg_ivar_set(exc, mg_intern_cstr(name), v);
}

static void
set_step(Value exc, const char *src, const char *dst)
{
    set_hidden(exc, "@source_encoding_name", mg_str_new(src, strlen(src)));
    set_hidden(exc, "@destination_encoding_name", mg_str_new(dst, strlen(dst)));
    set_hidden(exc, "@source_encoding", enc_by_tname(src));
    set_hidden(exc, "@destination_encoding", enc_by_tname(dst));
}

/* " in conversion from A to UTF-8 to B" */
static void
path_text(Conv *c, char *buf, size_t size)
{
    char t[48];
    tname(c->to, t, sizeof t);
    if (c->fk == K_UTF8 || c->tk == K_UTF8)
        snprintf(buf, size, "%s to %s", mg_enc_name(c->from), c->tk == K_UTF8 ? "UTF-8" : t);
    else
        snprintf(buf, size, "%s to UTF-8 to %s", mg_enc_name(c->from), t);
}

static NORETURN void
raise_invalid(Conv *c, const char *err, int nerr, const char *again, int nagain, bool incomplete)
{
    char src[48], dst[48];
    tname(c->from, src, sizeof src);
    if (c->fk == K_UTF8) tname(c->to, dst, sizeof dst);
    else snprintf(dst, sizeof dst, "UTF-8");
    Value eb = bin_str(err, (size_t)nerr), ab = bin_str(again, (size_t)nagain);
    Value msg;
    if (incomplete) msg = mg_sprintf("incomplete %s on %s", mg_str_cstr(mg_str_inspect(eb)), src);
    else if (nagain) msg = mg_sprintf("%s followed by %s on %s", mg_str_cstr(mg_str_inspect(eb)), mg_str_cstr(mg_str_inspect(ab)), src);
    else msg = mg_sprintf("%s on %s", mg_str_cstr(mg_str_inspect(eb)), src);
    Value exc = mg_exc_new_str(mg_eInvalidByteSequenceError, msg);
    set_step(exc, src, dst);
    set_hidden(exc, "@error_bytes", eb);
    set_hidden(exc, "@readagain_bytes", nagain ? ab : MG_NIL);
    set_hidden(exc, "@incomplete_input", MG_BOOL(incomplete));
    mg_raise_exc(exc);
}

/* A source character the UTF-8 side lacks (BINARY's high bytes, iconv's EILSEQ). */
static NORETURN void
raise_undef_src(Conv *c, const char *p, int n)
{
    char src[48], path[160];
    tname(c->from, src, sizeof src);
    Value eb = bin_str(p, (size_t)n);
    Value msg;
    if (c->tk == K_UTF8 && strcmp(src, mg_enc_name(c->from)) == 0)
        msg = mg_sprintf("%s from %s to UTF-8", mg_str_cstr(mg_str_inspect(eb)), src);
    else {
        path_text(c, path, sizeof path);
        msg = mg_sprintf("%s to UTF-8 in conversion from %s", mg_str_cstr(mg_str_inspect(eb)), path);
    }
    Value exc = mg_exc_new_str(mg_eUndefinedConversionError, msg);
    set_step(exc, src, "UTF-8");
    MG_OBJ(eb)->extra = c->from;
    set_hidden(exc, "@error_char", eb);
    mg_raise_exc(exc);
}

static NORETURN void
raise_undef_dst(Conv *c, uint32_t cp)
{
    char dst[48], path[160];
    tname(c->to, dst, sizeof dst);
    Value msg;
    if (c->fk == K_UTF8 && c->from == ENC_UTF8 && strcmp(dst, mg_enc_name(c->to)) == 0)
        msg = mg_sprintf("U+%04X from UTF-8 to %s", cp, dst);
    else {
        path_text(c, path, sizeof path);
        msg = mg_sprintf("U+%04X to %s in conversion from %s", cp, dst, path);
    }
    Value exc = mg_exc_new_str(mg_eUndefinedConversionError, msg);
    set_step(exc, "UTF-8", dst);
    char buf[4];
    set_hidden(exc, "@error_char", mg_str_new(buf, (size_t)mg_utf8_encode(cp, buf)));
    mg_raise_exc(exc);
}

static NORETURN void
raise_not_found(const char *from, const char *to)
{
    mg_raise(mg_eConverterNotFoundError, "code converter not found (%s to %s)", from, to);
}

/* ---- encoding a code point ---- */

/* Output goes through a small buffer in the Conv (one mg_str_cat per 256
 * bytes, not per character); oflush before anything else writes to out. */
static void
oflush(Conv *c, Value out)
{
    if (c->olen) { mg_str_cat(out, c->obuf, (size_t)c->olen); c->olen = 0; }
}

static void
ocat(Conv *c, Value out, const char *p, size_t n)
{
    if (c->olen + n > sizeof c->obuf) {
        oflush(c, out);
        if (n > sizeof c->obuf) { mg_str_cat(out, p, n); return; }
    }
    memcpy(c->obuf + c->olen, p, n);
    c->olen += (int)n;
}

static void
put_u16(Conv *c, Value out, uint32_t u, bool le)
{
    char b[2] = { (char)(le ? u & 0xFF : u >> 8), (char)(le ? u >> 8 : u & 0xFF) };
    ocat(c, out, b, 2);
}

static void
put_u32(Conv *c, Value out, uint32_t u, bool le)
{
    char b[4];
    for (int i = 0; i < 4; i++) b[le ? i : 3 - i] = (char)((u >> (8 * i)) & 0xFF);
    ocat(c, out, b, 4);
}

/* Appends cp in the destination; false when it has no such character. */
static bool
encode_cp(Conv *c, Value out, uint32_t cp)
{
    switch (c->tk) {
    case K_UTF8: {
        char b[4];
        ocat(c, out, b, (size_t)mg_utf8_encode(cp, b));
        return true;
    }
    case K_U16: case K_U16LE: case K_U16BE: {
        bool le = c->tk == K_U16LE;
        if (c->tk == K_U16 && !c->started) put_u16(c, out, 0xFEFF, false);
        c->started = true;
        if (cp < 0x10000) put_u16(c, out, cp, le);
        else { put_u16(c, out, 0xD800 + ((cp - 0x10000) >> 10), le); put_u16(c, out, 0xDC00 + ((cp - 0x10000) & 0x3FF), le); }
        return true;
    }
    case K_U32: case K_U32LE: case K_U32BE:
        if (c->tk == K_U32 && !c->started) put_u32(c, out, 0xFEFF, false);
        c->started = true;
        put_u32(c, out, cp, c->tk == K_U32LE);
        return true;
    case K_BIN: case K_ASCII:
        if (cp >= 0x80) return false;
        { char b = (char)cp; ocat(c, out, &b, 1); }
        return true;
    default: break;
    }
    if (cp < 0x80 && mg_enc_ascii_compat(c->to)) { char b = (char)cp; ocat(c, out, &b, 1); return true; }
    const int32_t *t = sb_table(c->to);
    if (t) {
        /* the byte whose code point is cp: the same byte first (Latin-1's
         * high half is the identity), then a scan of the 256 */
        if (cp < 256 && t[cp] == (int32_t)cp) { char b = (char)cp; ocat(c, out, &b, 1); return true; }
        for (int b = 0x80; b < 256; b++)
            if (t[b] == (int32_t)cp) { char ch = (char)b; ocat(c, out, &ch, 1); return true; }
        for (int b = 0; b < 0x80; b++)
            if (t[b] == (int32_t)cp) { char ch = (char)b; ocat(c, out, &ch, 1); return true; }
        return false;
    }
    iconv_t cd = get_cd(c->to, false);
    unsigned char in[4] = { (unsigned char)cp, (unsigned char)(cp >> 8), (unsigned char)(cp >> 16), (unsigned char)(cp >> 24) };
    char obuf[32];
    char *ip = (char *)in, *op = obuf;
    size_t il = 4, ol = sizeof obuf;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) return false;
    iconv(cd, NULL, NULL, &op, &ol);
    ocat(c, out, obuf, sizeof obuf - ol);
    return true;
}

static void
put_ascii(Conv *c, Value out, const char *s)
{
    for (; *s; s++) encode_cp(c, out, (unsigned char)*s);
}

static void
put_repl(Conv *c, Value out)
{
    if (!MG_IS_NIL(c->repl)) { ocat(c, out, S(c->repl)->ptr, (size_t)S(c->repl)->len); return; }
    if (c->tk == K_UTF8 || c->tk == K_U16 || c->tk == K_U16LE || c->tk == K_U16BE ||
        c->tk == K_U32 || c->tk == K_U32LE || c->tk == K_U32BE) {
        encode_cp(c, out, 0xFFFD);
        return;
    }
    encode_cp(c, out, '?');
}

/* A code point the destination lacks: fallback, XML character reference,
 * replacement, or the error. */
static void
undefined_dst(Conv *c, Value out, uint32_t cp)
{
    if (!MG_IS_NIL(c->fallback)) {
        char b[4];
        Value ch = mg_str_new(b, (size_t)mg_utf8_encode(cp, b));
        Value r;
        if (MG_IS_HASH(c->fallback)) r = mg_hash_aref(c->fallback, ch);
        else r = MG_CALL1(c->fallback, "call", ch);
        if (!MG_IS_NIL(r)) {
            r = mg_to_str(r);
            if (STR_ENC(r) != c->to) r = mg_transcode(r, STR_ENC(r), c->to, MG_NIL);
            ocat(c, out, S(r)->ptr, (size_t)S(r)->len);
            return;
        }
    }
    if ((c->flags & 0xF0) == F_UNDEF_HEX_CHARREF) {
        char b[16];
        snprintf(b, sizeof b, "&#x%X;", cp);
        put_ascii(c, out, b);
        return;
    }
    if ((c->flags & 0xF0) == F_UNDEF_REPLACE) { put_repl(c, out); return; }
    raise_undef_dst(c, cp);
}

/* A source character without a code point is replaced for undef: :replace
 * only: xml:'s character references have no code point to show, so CRuby
 * raises UndefinedConversionError there */
static bool
undef_src_replaced(const Conv *c)
{
    return (c->flags & 0xF0) == F_UNDEF_REPLACE;
}

/* The decorators (newlines, XML) and then the destination. */
static void
emit_cp(Conv *c, Value out, uint32_t cp)
{
    if (cp == '\n' && (c->flags & F_CRLF_NL)) { encode_cp(c, out, '\r'); encode_cp(c, out, '\n'); return; }
    if (cp == '\n' && (c->flags & F_CR_NL)) { encode_cp(c, out, '\r'); return; }
    if (c->flags & (F_XML_TEXT | F_XML_ATTR_CONTENT)) {
        const char *ent = cp == '&' ? "&amp;" : cp == '<' ? "&lt;" : cp == '>' ? "&gt;" :
                          (cp == '"' && (c->flags & F_XML_ATTR_CONTENT)) ? "&quot;" : NULL;
        if (ent) { put_ascii(c, out, ent); return; }
    }
    if (!encode_cp(c, out, cp)) undefined_dst(c, out, cp);
}

/* ---- decoding ---- */

/* The encoding a UTF-16 / UTF-32 source is read in once its BOM told. */
static Encoding
src_enc(Conv *c)
{
    Encoding e;
    if (c->fk == K_U16 || c->fk == K_U32) {
        const char *n = c->in_order == K_U16LE ? "UTF-16LE" : c->in_order == K_U16BE ? "UTF-16BE" :
                        c->in_order == K_U32LE ? "UTF-32LE" : "UTF-32BE";
        if (mg_enc_find_name(n, strlen(n), &e)) return e;
    }
    return c->from;
}

static int
order_kind(Conv *c)
{
    if (c->fk == K_U16 || c->fk == K_U32) return c->in_order;
    return c->fk;
}

/* Invalid bytes at p: the error bytes and the bytes read again, as CRuby's
 * transcoders split them. */
static NORETURN void
invalid_at(Conv *c, const unsigned char *p, const unsigned char *e)
{
    int unit = mg_enc_minlen(c->from);
    int k = 1;
    if (c->fk == K_UTF8) {
        unsigned b = p[0];
        if (b >= 0xC2 && b <= 0xF4) {
            int want = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            while (k < want && p + k < e && mg_enc_precise(p, p + k + 1, c->from) < 0) k++;
            if (p + k >= e) raise_invalid(c, (const char *)p, k, "", 0, true);
            raise_invalid(c, (const char *)p, k, (const char *)p + k, 1, false);
        }
        raise_invalid(c, (const char *)p, 1, "", 0, false);
    }
    if (unit > 1) {
        /* UTF-16: a high surrogate not followed by a low one; a lone low one */
        if (unit == 2 && e - p >= 4) {
            uint32_t u = order_kind(c) == K_U16LE ? (uint32_t)(p[0] | p[1] << 8) : (uint32_t)(p[0] << 8 | p[1]);
            if (u >= 0xD800 && u < 0xDC00) raise_invalid(c, (const char *)p, 2, (const char *)p + 2, 2, false);
        }
        raise_invalid(c, (const char *)p, unit <= e - p ? unit : (int)(e - p), "", 0, false);
    }
    int n = ((OnigEncoding)mg_enc_info(c->from)->onig)->mbc_enc_len(p);
    if (n > 1 && e - p > 1) raise_invalid(c, (const char *)p, 1, (const char *)p + 1, 1, false);
    raise_invalid(c, (const char *)p, 1, "", 0, false);
}

/* Converts src[0..len); with partial, a cut-off character at the end is kept in
 * c->pending instead of being an error. */
static void
conv_run(Conv *c, Value out, const char *src, int64_t len, bool partial)
{
    const unsigned char *p = (const unsigned char *)src, *e = p + len;
    size_t level = mg_gc_arena_save();
    while (p < e) {
        mg_gc_arena_restore(level);
        unsigned b = *p;
        if (c->pending_cr) {
            c->pending_cr = false;
            if (b == '\n' && (c->flags & F_UNIVERSAL_NL)) { emit_cp(c, out, '\n'); p++; continue; }
            emit_cp(c, out, '\n');
        }
        /* the byte order mark of a UTF-16 / UTF-32 source */
        if ((c->fk == K_U16 || c->fk == K_U32) && c->in_order == K_NONE) {
            int w = c->fk == K_U16 ? 2 : 4;
            if (e - p < w) {
                if (partial) { memcpy(c->pending, p, (size_t)(e - p)); c->npending = (int)(e - p); oflush(c, out); return; }
                raise_invalid(c, (const char *)p, (int)(e - p), "", 0, true);
            }
            if (w == 2 && p[0] == 0xFE && p[1] == 0xFF) { c->in_order = K_U16BE; p += 2; continue; }
            if (w == 2 && p[0] == 0xFF && p[1] == 0xFE) { c->in_order = K_U16LE; p += 2; continue; }
            if (w == 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) { c->in_order = K_U32BE; p += 4; continue; }
            if (w == 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) { c->in_order = K_U32LE; p += 4; continue; }
            raise_invalid(c, (const char *)p, w, "", 0, false);
        }
        uint32_t cp;
        int n;
        if (b < 0x80 && mg_enc_ascii_compat(c->from)) {
            cp = b;
            n = 1;
        } else if (c->fk == K_BIN) {
            if (undef_src_replaced(c)) { put_repl(c, out); p++; continue; }
            raise_undef_src(c, (const char *)p, 1);
        } else {
            Encoding fe = src_enc(c);
            n = mg_enc_precise(p, e, fe);
            if (n < 0) {
                if (partial) { memcpy(c->pending, p, (size_t)(e - p)); c->npending = (int)(e - p); oflush(c, out); return; }
                if (c->flags & F_INVALID_REPLACE) { put_repl(c, out); oflush(c, out); return; }
                raise_invalid(c, (const char *)p, (int)(e - p), "", 0, true);
            }
            if (n == 0) {
                if (c->flags & F_INVALID_REPLACE) {
                    int k = mg_enc_minlen(fe);
                    if (c->fk == K_UTF8) {
                        /* a cut-off sequence counts as one */
                        k = 1;
                        if (b >= 0xC2 && b <= 0xF4) {
                            int want = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
                            while (k < want && p + k < e && mg_enc_precise(p, p + k + 1, fe) < 0) k++;
                        }
                    }
                    put_repl(c, out);
                    p += k <= e - p ? k : e - p;
                    continue;
                }
                invalid_at(c, p, e);
            }
            const int32_t *sbt = c->fk == K_ICONV && n == 1 ? sb_table(c->from) : NULL;
            if (sbt && sbt[b] < 0) {
                if (undef_src_replaced(c)) { put_repl(c, out); p++; continue; }
                raise_undef_src(c, (const char *)p, 1);
            }
            if (sbt) {
                cp = (uint32_t)sbt[b];
            } else if (c->fk == K_ICONV) {
                iconv_t cd = get_cd(c->from, true);
                char obuf[64];
                char *ip = (char *)p, *op = obuf;
                size_t il = (size_t)n, ol = sizeof obuf;
                if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0) {
                    if (undef_src_replaced(c)) { put_repl(c, out); p += n; continue; }
                    raise_undef_src(c, (const char *)p, n);
                }
                iconv(cd, NULL, NULL, &op, &ol);
                size_t got = (sizeof obuf - ol) / 4;
                p += n;
                for (size_t i = 0; i < got; i++) {
                    const unsigned char *q = (const unsigned char *)obuf + 4 * i;
                    emit_cp(c, out, (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24);
                }
                continue;
            } else {
                int clen;
                cp = (uint32_t)mg_enc_codepoint((const char *)p, (const char *)e, fe, &clen);
            }
        }
        p += n;
        if (cp == '\r' && (c->flags & F_UNIVERSAL_NL)) {
            if (p < e) {
                if (*p == '\n' && mg_enc_ascii_compat(c->from)) p++;
                emit_cp(c, out, '\n');
            } else if (partial) {
                c->pending_cr = true;
            } else {
                emit_cp(c, out, '\n');
            }
            continue;
        }
        emit_cp(c, out, cp);
    }
    oflush(c, out);
}

/* ---- options ---- */

static bool
truthy(Value v)
{
    return v != MG_UNDEF && !MG_IS_NIL(v) && v != MG_FALSE;
}

static bool
sym_is(Value v, const char *name)
{
    return MG_IS_SYMBOL(v) && MG_SYM2ID(v) == mg_intern_cstr(name);
}

static void
conv_options(Conv *c, Value kw)
{
    c->repl = MG_NIL;
    c->fallback = MG_NIL;
    if (MG_IS_NIL(kw)) return;
    if (MG_IS_FIXNUM(kw)) { c->flags = (unsigned)MG_FIX2LONG(kw); return; }
    Value v = mg_kwarg(kw, "invalid");
    if (v != MG_UNDEF && !MG_IS_NIL(v)) {
        if (!sym_is(v, "replace")) mg_raise(mg_eArgumentError, "unknown value for invalid character option");
        c->flags |= F_INVALID_REPLACE;
    }
    v = mg_kwarg(kw, "undef");
    if (v != MG_UNDEF && !MG_IS_NIL(v)) {
        if (!sym_is(v, "replace")) mg_raise(mg_eArgumentError, "unknown value for undefined character option");
        c->flags |= F_UNDEF_REPLACE;
    }
    v = mg_kwarg(kw, "replace");
    if (v != MG_UNDEF && !MG_IS_NIL(v)) c->repl = mg_to_str(v);
    v = mg_kwarg(kw, "fallback");
    if (v != MG_UNDEF && !MG_IS_NIL(v)) c->fallback = v;
    v = mg_kwarg(kw, "xml");
    if (v != MG_UNDEF && !MG_IS_NIL(v)) {
        if (sym_is(v, "text")) c->flags |= F_XML_TEXT | F_UNDEF_HEX_CHARREF;
        else if (sym_is(v, "attr")) c->flags |= F_XML_ATTR_CONTENT | F_XML_ATTR_QUOTE | F_UNDEF_HEX_CHARREF;
        else mg_raise(mg_eArgumentError, "unexpected value for xml option: %s", mg_str_cstr(mg_inspect(v)));
    }
    if (truthy(mg_kwarg(kw, "universal_newline"))) c->flags |= F_UNIVERSAL_NL;
    if (truthy(mg_kwarg(kw, "crlf_newline"))) c->flags |= F_CRLF_NL;
    if (truthy(mg_kwarg(kw, "cr_newline"))) c->flags |= F_CR_NL;
    v = mg_kwarg(kw, "newline");
    if (sym_is(v, "universal")) c->flags |= F_UNIVERSAL_NL;
    else if (sym_is(v, "crlf")) c->flags |= F_CRLF_NL;
    else if (sym_is(v, "cr")) c->flags |= F_CR_NL;
}

/* The replacement converted into the destination once. */
static void
conv_prepare_repl(Conv *c)
{
    if (MG_IS_NIL(c->repl)) return;
    Encoding re = STR_ENC(c->repl);
    if (re != c->to && !(mg_str_ascii_only(c->repl) && mg_enc_ascii_compat(c->to) && mg_enc_ascii_compat(re)))
        c->repl = mg_transcode(c->repl, re, c->to, MG_NIL);
}

static void
conv_init(Conv *c, Encoding from, Encoding to, Value kw, const char *fname, const char *tname_)
{
    memset(c, 0, sizeof *c);
    c->from = from; c->to = to;
    c->fk = kind_of(from); c->tk = kind_of(to);
    c->in_order = K_NONE;
    conv_options(c, kw);
    if (!kind_usable(from, c->fk, true) || !kind_usable(to, c->tk, false))
        raise_not_found(fname ? fname : mg_enc_name(from), tname_ ? tname_ : mg_enc_name(to));
    conv_prepare_repl(c);
}

/* Same encoding on both sides with options: invalid bytes replaced, the
 * decorators applied to ASCII characters, everything else copied. */
static Value
same_encoding(Conv *c, Value str)
{
    Encoding enc = c->from;
    Value out = mg_str_new_enc("", 0, enc);
    if (!mg_enc_ascii_compat(enc) && !(c->flags & F_INVALID_REPLACE)) {
        mg_str_cat(out, S(str)->ptr, (size_t)S(str)->len);
        return out;
    }
    int64_t i = 0;
    if (c->flags & F_XML_ATTR_QUOTE) mg_str_cat(out, "\"", 1);
    while (i < S(str)->len) {
        RString *r = S(str);
        const unsigned char *p = (const unsigned char *)r->ptr + i, *e = (const unsigned char *)r->ptr + r->len;
        int n = mg_enc_precise(p, e, enc);
        if (n <= 0) {
            int64_t k = n < 0 ? e - p : mg_enc_minlen(enc);
            if (enc == ENC_UTF8 && n == 0 && p[0] >= 0xC2 && p[0] <= 0xF4) {
                int want = p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
                k = 1;
                while (k < want && p + k < e && mg_enc_precise(p, p + k + 1, enc) < 0) k++;
            }
            if (k > e - p) k = e - p;
            if (c->flags & F_INVALID_REPLACE) {
                if (!MG_IS_NIL(c->repl)) mg_str_cat(out, S(c->repl)->ptr, (size_t)S(c->repl)->len);
                else { Value d = mg_enc_default_replacement(enc); mg_str_cat(out, S(d)->ptr, (size_t)S(d)->len); }
            } else {
                mg_str_cat(out, (const char *)p, (size_t)k);
            }
            i += k;
            continue;
        }
        if (n == 1 && mg_enc_ascii_compat(enc)) {
            unsigned b = p[0];
            const char *rep = NULL;
            if (b == '\r' && (c->flags & F_UNIVERSAL_NL)) { rep = "\n"; if (p + 1 < e && p[1] == '\n') i++; }
            else if (b == '\n' && (c->flags & F_CRLF_NL)) rep = "\r\n";
            else if (b == '\n' && (c->flags & F_CR_NL)) rep = "\r";
            else if (c->flags & (F_XML_TEXT | F_XML_ATTR_CONTENT))
                rep = b == '&' ? "&amp;" : b == '<' ? "&lt;" : b == '>' ? "&gt;" :
                      (b == '"' && (c->flags & F_XML_ATTR_CONTENT)) ? "&quot;" : NULL;
            if (rep) { mg_str_cat(out, rep, strlen(rep)); i++; continue; }
        }
        mg_str_cat(out, (const char *)p, (size_t)n);
        i += n;
    }
    if (c->flags & F_XML_ATTR_QUOTE) mg_str_cat(out, "\"", 1);
    return out;
}

static Value
transcode_with(Conv *c, Value str)
{
    if (c->from == c->to) return same_encoding(c, str);
    Value out = mg_str_new_enc("", 0, c->to);
    if (c->flags & F_XML_ATTR_QUOTE) encode_cp(c, out, '"');
    oflush(c, out);
    conv_run(c, out, S(str)->ptr, S(str)->len, false);
    if (c->pending_cr) { c->pending_cr = false; emit_cp(c, out, '\n'); }
    if (c->flags & F_XML_ATTR_QUOTE) encode_cp(c, out, '"');
    oflush(c, out);
    return out;
}

Value
mg_transcode(Value str, Encoding from, Encoding to, Value kw)
{
    Conv c;
    conv_init(&c, from, to, kw, NULL, NULL);
    bool decorated = (c.flags & ~(unsigned)(F_INVALID_REPLACE | F_UNDEF_REPLACE)) != 0 || !MG_IS_NIL(c.fallback);
    /* ASCII text between ASCII-compatible encodings is the same bytes */
    if (from != to && !decorated && mg_enc_ascii_compat(from) && mg_enc_ascii_compat(to) && mg_str_ascii_only(str))
        return mg_str_new_enc(S(str)->ptr, (size_t)S(str)->len, to);
    if (from == to && !decorated && !(c.flags & F_INVALID_REPLACE))
        return mg_str_new_enc(S(str)->ptr, (size_t)S(str)->len, to);
    return transcode_with(&c, str);
}

Value
mg_str_conv_enc(Value s, Encoding to)
{
    Value r = mg_transcode(s, mg_str_enc(s), to, MG_NIL);
    MG_OBJ(r)->extra = to;
    return r;
}

int32_t
mg_enc_to_unicode(Encoding e, const char *p, int n)
{
    if (n == 1 && (unsigned char)p[0] < 0x80 && mg_enc_ascii_compat(e)) return (unsigned char)p[0];
    if (kind_of(e) != K_ICONV) return -1;
    iconv_t cd = get_cd(e, true);
    if (cd == (iconv_t)-1) return -1;
    unsigned char obuf[8];
    char *ip = (char *)p, *op = (char *)obuf;
    size_t il = (size_t)n, ol = sizeof obuf;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0 || sizeof obuf - ol != 4) return -1;
    return (int32_t)(obuf[0] | obuf[1] << 8 | obuf[2] << 16 | (uint32_t)obuf[3] << 24);
}

int
mg_enc_from_unicode(Encoding e, uint32_t cp, char *buf, int size)
{
    if (cp < 0x80 && mg_enc_ascii_compat(e)) { buf[0] = (char)cp; return 1; }
    if (kind_of(e) != K_ICONV) return -1;
    iconv_t cd = get_cd(e, false);
    if (cd == (iconv_t)-1) return -1;
    unsigned char in[4] = { (unsigned char)cp, (unsigned char)(cp >> 8), (unsigned char)(cp >> 16), (unsigned char)(cp >> 24) };
    char *ip = (char *)in, *op = buf;
    size_t il = 4, ol = (size_t)size;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) return -1;
    return size - (int)ol;
}

bool
mg_transcode_find(Value v, Encoding *out)
{
    if (mg_enc_of_value(v, out)) return true;
    v = mg_to_str(v);
    return mg_enc_find_name(S(v)->ptr, (size_t)S(v)->len, out);
}

/* ---- String#encode ---- */

static Value
str_encode_impl(Value self, int argc, const Value *argv)
{
    Value kw = mg_take_kwargs(&argc, argv);
    if (argc > 2) mg_raise_argc(argc, 0, 2);
    Encoding from = STR_ENC(self), to;
    if (argc == 0) {
        /* to Encoding.default_internal; without it a copy (options: the same encoding) */
        int di = mg_enc_default_internal();
        if (MG_IS_NIL(kw) && di < 0) return mg_str_dup(self);
        to = di < 0 ? from : (Encoding)di;
    } else {
        Value tv = argv[0];
        bool tok = mg_transcode_find(tv, &to);
        bool fok = true;
        if (argc == 2) fok = mg_transcode_find(argv[1], &from);
        if (!tok || !fok) {
            const char *fn = argc == 2 && !mg_enc_of_value(argv[1], &from) ? mg_str_cstr(mg_to_str(argv[1])) : mg_enc_name(from);
            const char *tn = mg_enc_of_value(tv, &to) ? mg_enc_name(to) : mg_str_cstr(mg_to_str(tv));
            raise_not_found(fn, tn);
        }
    }
    Value r = mg_transcode(self, from, to, kw);
    MG_OBJ(r)->extra = to;
    return r;
}

static Value
str_encode(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return str_encode_impl(self, argc, argv);
}

static Value
str_encode_bang(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    mg_str_modify(self);
    Value r = str_encode_impl(self, argc, argv);
    mg_str_replace_bytes(self, 0, S(self)->len, S(r)->ptr, S(r)->len);
    mg_str_modify(self);
    MG_OBJ(self)->extra = STR_ENC(r);
    return self;
}

/* ---- Encoding::Converter ---- */

static void
conv_mark(void *p)
{
    Conv *c = p;
    mg_gc_mark(c->repl);
    mg_gc_mark(c->fallback);
}

static void
conv_free(void *p)
{
    mg_free(p, sizeof(Conv));
}

static const DataType converter_type = { "Encoding::Converter", conv_mark, conv_free, NULL, NULL };

static Conv *
conv_get(Value self)
{
    Conv *c = mg_data_check(self, &converter_type);
    if (!c) mg_raise(mg_eTypeError, "uninitialized converter");
    return c;
}

static Value
converter_alloc(RClass *klass)
{
    return mg_data_new(klass, &converter_type, NULL);
}

static Value
converter_initialize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value kw = mg_take_kwargs(&argc, argv);
    if (argc < 2 || argc > 3) mg_raise_argc(argc, 2, 3);
    if (argc == 3 && MG_IS_FIXNUM(argv[2])) kw = argv[2];
    Encoding from, to;
    bool fok = mg_transcode_find(argv[0], &from), tok = mg_transcode_find(argv[1], &to);
    if (!fok || !tok) {
        const char *fn = mg_enc_of_value(argv[0], &from) ? mg_enc_name(from) : mg_str_cstr(mg_to_str(argv[0]));
        const char *tn = mg_enc_of_value(argv[1], &to) ? mg_enc_name(to) : mg_str_cstr(mg_to_str(argv[1]));
        raise_not_found(fn, tn);
    }
    if (from == to) raise_not_found(mg_enc_name(from), mg_enc_name(to));
    Conv tmp;
    conv_init(&tmp, from, to, kw, NULL, NULL);
    Conv *c = mg_malloc(sizeof(Conv));
    *c = tmp;
    MG_RDATA(self)->ptr = c;
    return self;
}

static Value
converter_convert(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Conv *c = conv_get(self);
    Value s = mg_to_str(argv[0]);
    if (c->finished) mg_raise(mg_eArgumentError, "converter already finished");
    Value in = s;
    if (c->npending) {
        in = mg_str_new_enc(c->pending, (size_t)c->npending, ENC_BINARY);
        mg_str_cat(in, S(s)->ptr, (size_t)S(s)->len);
        c->npending = 0;
    }
    Value out = mg_str_new_enc("", 0, c->to);
    conv_run(c, out, S(in)->ptr, S(in)->len, true);
    return out;
}

static Value
converter_finish(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Conv *c = conv_get(self);
    Value out = mg_str_new_enc("", 0, c->to);
    c->finished = true;
    if (c->pending_cr) { c->pending_cr = false; emit_cp(c, out, '\n'); }
    if (c->npending) {
        int n = c->npending;
        c->npending = 0;
        if (c->flags & F_INVALID_REPLACE) put_repl(c, out);
        else raise_invalid(c, c->pending, n, "", 0, true);
    }
    oflush(c, out);
    return out;
}

static Value
converter_source_encoding(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_enc_value(conv_get(self)->from);
}

static Value
converter_destination_encoding(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_enc_value(conv_get(self)->to);
}

static Value
converter_replacement(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Conv *c = conv_get(self);
    if (!MG_IS_NIL(c->repl)) return c->repl;
    if (mg_enc_unicode(c->to)) return mg_str_new("\xEF\xBF\xBD", 3);
    return mg_str_new_enc("?", 1, ENC_US_ASCII);
}

static Value
converter_set_replacement(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Conv *c = conv_get(self);
    c->repl = mg_to_str(argv[0]);
    conv_prepare_repl(c);
    return argv[0];
}

static Value
converter_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Conv *c = conv_get(self);
    return mg_sprintf("#<Encoding::Converter: %s to %s>", mg_enc_name(c->from), mg_enc_name(c->to));
}

static Value
converter_convpath(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Conv *c = conv_get(self);
    /* the points of the path; the decorators go at its last ASCII-compatible one */
    Encoding pts[3];
    int np = 0;
    pts[np++] = c->from;
    if (c->fk != K_UTF8 && c->tk != K_UTF8) pts[np++] = ENC_UTF8;
    pts[np++] = c->to;
    int at = 0;
    for (int i = 0; i < np; i++) if (mg_enc_ascii_compat(pts[i])) at = i;
    Value a = mg_ary_new();
    for (int i = 0; i < np; i++) {
        if (i > 0) mg_ary_push(a, mg_ary_new_from(2, (Value[]){mg_enc_value(pts[i - 1]), mg_enc_value(pts[i])}));
        if (i != at) continue;
        if (c->flags & F_XML_TEXT) mg_ary_push(a, mg_str_new("xml_text_escape", 15));
        if (c->flags & F_XML_ATTR_CONTENT) mg_ary_push(a, mg_str_new("xml_attr_content_escape", 23));
        if (c->flags & F_XML_ATTR_QUOTE) mg_ary_push(a, mg_str_new("xml_attr_quote", 14));
        if (c->flags & F_UNIVERSAL_NL) mg_ary_push(a, mg_str_new("universal_newline", 17));
        if (c->flags & F_CRLF_NL) mg_ary_push(a, mg_str_new("crlf_newline", 12));
        if (c->flags & F_CR_NL) mg_ary_push(a, mg_str_new("cr_newline", 10));
    }
    return a;
}

static Value
exc_reader(Value self, const char *name)
{
    return mg_ivar_get(self, mg_intern_cstr(name));
}

#define READER(fn, ivar) \
    static Value fn(Value self, int argc, const Value *argv, Value blk) \
    { UNUSED(argc); UNUSED(argv); UNUSED(blk); return exc_reader(self, ivar); }
READER(err_source_encoding_name, "@source_encoding_name")
READER(err_destination_encoding_name, "@destination_encoding_name")
READER(err_source_encoding, "@source_encoding")
READER(err_destination_encoding, "@destination_encoding")
READER(err_error_char, "@error_char")
READER(err_error_bytes, "@error_bytes")
READER(err_readagain_bytes, "@readagain_bytes")

static Value
err_incomplete_input_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(exc_reader(self, "@incomplete_input") == MG_TRUE);
}

static const MgMethodDef transcode_string_methods[] = {
    {"encode", str_encode, 0, -1},
    {"encode!", str_encode_bang, 0, -1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef converter_methods[] = {
    {"initialize", converter_initialize, 2, -1},
    {"convert", converter_convert, 1, 1},
    {"finish", converter_finish, 0, 0},
    {"source_encoding", converter_source_encoding, 0, 0},
    {"destination_encoding", converter_destination_encoding, 0, 0},
    {"replacement", converter_replacement, 0, 0},
    {"replacement=", converter_set_replacement, 1, 1},
    {"inspect", converter_inspect, 0, 0},
    {"convpath", converter_convpath, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef conv_error_methods[] = {
    {"source_encoding_name", err_source_encoding_name, 0, 0},
    {"destination_encoding_name", err_destination_encoding_name, 0, 0},
    {"source_encoding", err_source_encoding, 0, 0},
    {"destination_encoding", err_destination_encoding, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef undef_error_methods[] = {
    {"error_char", err_error_char, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef invalid_error_methods[] = {
    {"error_bytes", err_error_bytes, 0, 0},
    {"readagain_bytes", err_readagain_bytes, 0, 0},
    {"incomplete_input?", err_incomplete_input_p, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_transcode(void)
{
    mg_define_methods(mg_cString, transcode_string_methods);
    cConverter = mg_define_class_under(mg_cEncoding, "Converter", mg_cObject);
    mg_define_alloc_func(cConverter, converter_alloc);
    mg_define_methods(cConverter, converter_methods);
    mg_define_methods(mg_eUndefinedConversionError, conv_error_methods);
    mg_define_methods(mg_eUndefinedConversionError, undef_error_methods);
    mg_define_methods(mg_eInvalidByteSequenceError, conv_error_methods);
    mg_define_methods(mg_eInvalidByteSequenceError, invalid_error_methods);
    static const struct { const char *name; unsigned v; } consts[] = {
        {"INVALID_MASK", 0xF}, {"INVALID_REPLACE", F_INVALID_REPLACE}, {"UNDEF_MASK", 0xF0},
        {"UNDEF_REPLACE", F_UNDEF_REPLACE}, {"UNDEF_HEX_CHARREF", F_UNDEF_HEX_CHARREF},
        {"PARTIAL_INPUT", F_PARTIAL_INPUT}, {"AFTER_OUTPUT", F_AFTER_OUTPUT},
        {"UNIVERSAL_NEWLINE_DECORATOR", F_UNIVERSAL_NL}, {"CRLF_NEWLINE_DECORATOR", F_CRLF_NL},
        {"CR_NEWLINE_DECORATOR", F_CR_NL}, {"XML_TEXT_DECORATOR", F_XML_TEXT},
        {"XML_ATTR_CONTENT_DECORATOR", F_XML_ATTR_CONTENT}, {"XML_ATTR_QUOTE_DECORATOR", F_XML_ATTR_QUOTE},
    };
    for (size_t i = 0; i < ARRAY_LEN(consts); i++) mg_define_const(cConverter, consts[i].name, MG_FIX(consts[i].v));
}
