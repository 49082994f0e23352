/* cgi_escape.c -- require 'cgi/escape': the C fast paths of CGI::Util that
 * cgi/util.rb loads when it can: CGI::Escape (prepended to CGI::Util, extended
 * into CGI) with escapeHTML, escape / unescape (form encoding: space is '+')
 * escapeURIComponent / unescapeURIComponent (RFC 3986: space is %20) and
 * unescapeHTML. maglev's strings are UTF-8, US-ASCII or
 * ASCII-8BIT, all ASCII-compatible, so every string takes the byte path. */
#include "ext.h"
#include "../core/core.h"
#include <string.h>

static Value
escape_html(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_to_str(argv[0]);
    const char *p = mg_str_ptr(s);
    int64_t n = mg_str_len(s);
    Value out = mg_str_new_enc("", 0, mg_str_enc(s));
    int64_t run = 0;      /* start of the bytes not copied yet */
    for (int64_t i = 0; i < n; i++) {
        const char *rep;
        switch (p[i]) {
        case '\'': rep = "&#39;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        default: continue;
        }
        mg_str_cat(out, p + run, (size_t)(i - run));
        mg_str_cat_cstr(out, rep);
        run = i + 1;
    }
    mg_str_cat(out, p + run, (size_t)(n - run));
    return out;
}


/* unescapeHTML: &amp; &quot; &apos; &lt; &gt; and &#N; / &#xH; below the
 * encoding's limit (UTF-8: below U+10FFFF, else ASCII); anything else stays as written */
static Value
unescape_html(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_to_str(argv[0]);
    const char *p = mg_str_ptr(s);
    int64_t n = mg_str_len(s);
    Encoding enc = mg_str_enc(s);
    uint64_t limit = enc == ENC_UTF8 ? 0x10FFFF : 128;   /* as cgi/escape: U+10FFFF itself stays */
    Value out = mg_str_new_enc("", 0, enc);
    int64_t run = 0;
    for (int64_t i = 0; i < n; i++) {
        if (p[i] != '&') continue;
        const char *q = p + i + 1, *e = p + n;
        const char *semi = memchr(q, ';', (size_t)(e - q));
        if (!semi) break;
        size_t len = (size_t)(semi - q);
        char buf[4];
        size_t blen = 0;
        if (len == 4 && !memcmp(q, "apos", 4)) buf[blen++] = '\'';
        else if (len == 3 && !memcmp(q, "amp", 3)) buf[blen++] = '&';
        else if (len == 4 && !memcmp(q, "quot", 4)) buf[blen++] = '"';
        else if (len == 2 && !memcmp(q, "gt", 2)) buf[blen++] = '>';
        else if (len == 2 && !memcmp(q, "lt", 2)) buf[blen++] = '<';
        else if (len >= 2 && q[0] == '#') {
            bool hex = q[1] == 'x' || q[1] == 'X';
            const char *d = q + (hex ? 2 : 1);
            if (d == semi) continue;
            uint64_t v = 0;
            bool ok = true;
            for (; d < semi && ok; d++) {
                int x = hex ? mg_hexval((unsigned char)*d) : (*d >= '0' && *d <= '9' ? *d - '0' : -1);
                if (x < 0) ok = false;
                else if ((v = v * (hex ? 16 : 10) + (uint64_t)x) >= limit) v = limit;   /* too big: kept */
            }
            if (!ok || v >= limit) continue;
            if (v < 0x80) buf[blen++] = (char)v;
            else if (v < 0x800) { buf[blen++] = (char)(0xC0 | (v >> 6)); buf[blen++] = (char)(0x80 | (v & 0x3F)); }
            else if (v < 0x10000) {
                buf[blen++] = (char)(0xE0 | (v >> 12));
                buf[blen++] = (char)(0x80 | ((v >> 6) & 0x3F));
                buf[blen++] = (char)(0x80 | (v & 0x3F));
            } else {
                buf[blen++] = (char)(0xF0 | (v >> 18));
                buf[blen++] = (char)(0x80 | ((v >> 12) & 0x3F));
                buf[blen++] = (char)(0x80 | ((v >> 6) & 0x3F));
                buf[blen++] = (char)(0x80 | (v & 0x3F));
            }
        } else continue;
        mg_str_cat(out, p + run, (size_t)(i - run));
        mg_str_cat(out, buf, blen);
        i = semi - p;
        run = i + 1;
    }
    mg_str_cat(out, p + run, (size_t)(n - run));
    return out;
}

static bool
unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-' || c == '~';
}

static Value
url_escape(Value str, bool plus)
{
    Value s = mg_to_str(str);
    const unsigned char *p = (const unsigned char *)mg_str_ptr(s);
    int64_t n = mg_str_len(s);
    static const char hex[] = "0123456789ABCDEF";
    Value out = mg_str_new_enc("", 0, mg_str_enc(s));
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (unreserved(c)) {
            char ch = (char)c;
            mg_str_cat(out, &ch, 1);
        } else if (c == ' ' && plus) {
            mg_str_cat(out, "+", 1);
        } else {
            char e[3] = { '%', hex[c >> 4], hex[c & 15] };
            mg_str_cat(out, e, 3);
        }
    }
    return out;
}

static Value cgi_escape(Value self, int argc, const Value *argv, Value blk) { return url_escape(argv[0], true); }
static Value cgi_escape_uri_component(Value self, int argc, const Value *argv, Value blk) { return url_escape(argv[0], false); }


/* the bytes decoded, in `encoding` (CGI::Util's @@accept_charset by default) when
 * they are valid there, else in the argument's own encoding, as cgi/util.rb does */
static Value
url_unescape(int argc, const Value *argv, bool plus)
{
    Value s = mg_to_str(argv[0]);
    const unsigned char *p = (const unsigned char *)mg_str_ptr(s);
    int64_t n = mg_str_len(s);
    Value out = mg_str_new_enc("", 0, ENC_BINARY);
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        int h, l;
        if (c == '+' && plus) c = ' ';
        else if (c == '%' && i + 2 < n && (h = mg_hexval(p[i + 1])) >= 0 && (l = mg_hexval(p[i + 2])) >= 0) {
            c = (unsigned char)(h * 16 + l);
            i += 2;
        }
        char ch = (char)c;
        mg_str_cat(out, &ch, 1);
    }
    Value enc;
    if (argc > 1) enc = argv[1];
    else {
        Value cgi = mg_const_get_at(mg_cObject, mg_intern_cstr("CGI"));
        Value util = MG_IS_CLASS_OR_MODULE(cgi) ? mg_const_get_at(MG_RCLASS(cgi), mg_intern_cstr("Util")) : MG_UNDEF;
        ID cs = mg_intern_cstr("@@accept_charset");
        enc = util != MG_UNDEF && MG_IS_CLASS_OR_MODULE(util) && mg_cvar_defined(MG_RCLASS(util), cs)
                  ? mg_cvar_get(MG_RCLASS(util), cs)
                  : mg_const_get_at(MG_RCLASS(mg_const_get_at(mg_cObject, mg_intern_cstr("Encoding"))), mg_intern_cstr("UTF_8"));
    }
    mg_funcall(out, mg_intern_cstr("force_encoding"), 1, &enc);
    if (!MG_TEST(mg_funcall(out, mg_intern_cstr("valid_encoding?"), 0, NULL))) {
        Value own = mg_funcall(s, mg_intern_cstr("encoding"), 0, NULL);
        mg_funcall(out, mg_intern_cstr("force_encoding"), 1, &own);
    }
    return out;
}

static Value cgi_unescape(Value self, int argc, const Value *argv, Value blk) { return url_unescape(argc, argv, true); }
static Value cgi_unescape_uri_component(Value self, int argc, const Value *argv, Value blk) { return url_unescape(argc, argv, false); }

static const MgMethodDef escape_methods[] = {
    {"escapeHTML", escape_html, 1, 1},
    {"unescapeHTML", unescape_html, 1, 1},
    {"escape", cgi_escape, 1, 1},
    {"unescape", cgi_unescape, 1, 2},
    {"escapeURIComponent", cgi_escape_uri_component, 1, 1},
    {"unescapeURIComponent", cgi_unescape_uri_component, 1, 2},
    {NULL, NULL, 0, 0}
};

void
mg_ext_init_cgi_escape(void)
{
    Value c = mg_const_get_at(mg_cObject, mg_intern_cstr("CGI"));
    RClass *cgi = c == MG_UNDEF ? mg_define_class("CGI", mg_cObject) : MG_RCLASS(c);
    RClass *util = mg_define_module_under(cgi, "Util");
    RClass *esc = mg_define_module_under(cgi, "Escape");
    mg_define_methods(esc, escape_methods);
    Value e = MG_VAL(esc);
    mg_funcall(MG_VAL(util), mg_intern_cstr("prepend"), 1, &e);
    mg_funcall(MG_VAL(cgi), mg_intern_cstr("extend"), 1, &e);
}
