/* json.c -- the parts of the json library CRuby writes in C: JSON::Ext::Parser
 * and JSON::Ext::Generator (State, and the GeneratorMethods modules that give
 * the core classes #to_json). The Ruby half of the library (json.rb,
 * json/common.rb: JSON.parse, JSON.generate, pretty_generate, dump, load ...) is
 * Debian's, loaded unchanged; its `require 'json/ext/parser'` and
 * `require 'json/ext/generator'` find this file's init (ext.c).
 *
 * Parser: recursive descent over the bytes. Error messages follow CRuby's json
 * 2.6 ("859: unexpected token at '...'"): an object, string or scalar that does
 * not parse makes its container report, from where it started; an array reports
 * its own bad element; NaN/Infinity and bad surrogates report where they are.
 * Generator: a State's settings live in its instance variables (@indent,
 * @object_nl, @max_nesting, @depth ...), read once per generate call; objects
 * that are not Hash/Array/String/Integer/Float/nil/true/false get
 * to_json(state) called with @depth kept current, so nested output indents. */
#include "ext.h"
#include "../core/string_int.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static RClass *mJSON, *mExt, *cParser, *mGenerator, *cState, *mGenMethods;

static RClass *
json_error(const char *name)
{
    Value c = mg_const_get_at(mJSON, mg_intern_cstr(name));
    if (c != MG_UNDEF && MG_IS_CLASS_OR_MODULE(c)) return MG_RCLASS(c);
    return mg_eStandardError;
}

/* ---------------------------------------------------------------- parser */

typedef struct {
    Value source;
    int64_t max_nesting;     /* 0: unlimited */
    bool allow_nan, symbolize_names, freeze, create_additions;
    Value create_id, object_class, array_class;
} ParserData;

static void
parser_mark(void *p)
{
    ParserData *d = p;
    mg_gc_mark(d->source);
    mg_gc_mark(d->create_id);
    mg_gc_mark(d->object_class);
    mg_gc_mark(d->array_class);
}

static const DataType parser_type = { "JSON/Parser", parser_mark, NULL, NULL };

typedef struct {
    ParserData *d;
    const char *p, *start, *end;
    int64_t depth;
} P;

NORETURN static void
unexpected(P *ps, int code, const char *at)
{
    Value rest = mg_str_new(at, (size_t)(ps->end - at));
    mg_raise(json_error("ParserError"), "%d: unexpected token at '%s'", code, mg_str_cstr(rest));
}

static void
skip_ws(P *ps)
{
    const char *p = ps->p, *e = ps->end;
    while (p < e) {
        char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { p++; continue; }
        if (c == '/' && p + 1 < e && p[1] == '*') {
            const char *q = p + 2;
            while (q + 1 < e && !(q[0] == '*' && q[1] == '/')) q++;
            if (q + 1 >= e) break;
            p = q + 2;
            continue;
        }
        if (c == '/' && p + 1 < e && p[1] == '/') {
            while (p < e && *p != '\n') p++;
            continue;
        }
        break;
    }
    ps->p = p;
}

static bool
literal(P *ps, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n)) return false;
    ps->p += n;
    return true;
}


static int32_t
hex4(const char *p, const char *e)
{
    if (e - p < 4) return -1;
    int32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = mg_hexval(p[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* p at the opening quote; MG_UNDEF when it does not parse. A key of a plain
 * Hash is the deduplicated frozen String that Hash#[]= would store anyway
 * (no garbage copy per key). */
static Value
parse_string(P *ps, bool is_key, bool hash_key)
{
    const char *p = ps->p + 1, *e = ps->end;
    const char *q = p;
    bool plain = true;
    while (q < e && *q != '"') {
        unsigned char c = (unsigned char)*q;
        if (c < 0x20) return MG_UNDEF;
        if (c == '\\') { plain = false; q++; if (q >= e) return MG_UNDEF; }
        q++;
    }
    if (q >= e) return MG_UNDEF;
    Value s;
    if (plain && hash_key && !ps->d->symbolize_names) {
        ps->p = q + 1;
        return mg_str_fstring_utf8(p, (size_t)(q - p));
    }
    if (plain) {
        s = mg_str_new(p, (size_t)(q - p));
    } else {
        s = mg_str_buf_new((size_t)(q - p));
        const char *run = p;
        while (p < q) {
            if (*p != '\\') { p++; continue; }
            if (p > run) mg_str_cat(s, run, (size_t)(p - run));
            const char *esc = p;
            char c = p[1];
            p += 2;
            char ch;
            switch (c) {
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case 'n': ch = '\n'; break;
            case 'r': ch = '\r'; break;
            case 't': ch = '\t'; break;
            case 'u': {
                int32_t cp = hex4(p, q);
                if (cp < 0) return MG_UNDEF;
                p += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    int32_t lo = (q - p >= 6 && p[0] == '\\' && p[1] == 'u') ? hex4(p + 2, q) : -1;
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        Value rest = mg_str_new(esc, (size_t)(ps->end - esc));
                        mg_raise(json_error("ParserError"), "%d: incomplete surrogate pair at '%s'", 521, mg_str_cstr(rest));
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
                char buf[4];
                int n = cp >= 0xDC00 && cp <= 0xDFFF ? 0 : mg_utf8_encode((uint32_t)cp, buf);
                if (n == 0) { buf[0] = (char)0xEF; buf[1] = (char)0xBF; buf[2] = (char)0xBD; n = 3; }  /* lone low surrogate: U+FFFD */
                mg_str_cat(s, buf, (size_t)n);
                run = p;
                continue;
            }
            default: ch = c; break;    /* \" \\ \/ and any other escaped character stand for themselves */
            }
            mg_str_cat(s, &ch, 1);
            run = p;
        }
        if (q > run) mg_str_cat(s, run, (size_t)(q - run));
    }
    ps->p = q + 1;
    if (is_key && ps->d->symbolize_names) return mg_str_to_sym(s);
    if (ps->d->freeze) mg_str_freeze(s);
    return s;
}

static Value
parse_number(P *ps)
{
    const char *p = ps->p, *e = ps->end, *b = p;
    if (p < e && *p == '-') p++;
    if (p >= e || *p < '0' || *p > '9') return MG_UNDEF;
    if (*p == '0') {
        p++;
        if (p < e && *p >= '0' && *p <= '9') return MG_UNDEF;
    } else {
        while (p < e && *p >= '0' && *p <= '9') p++;
    }
    const char *int_end = p;
    bool is_float = false;
    if (p + 1 < e && *p == '.' && p[1] >= '0' && p[1] <= '9') {
        p += 2;
        while (p < e && *p >= '0' && *p <= '9') p++;
        is_float = true;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < e && (*q == '+' || *q == '-')) q++;
        if (q < e && *q >= '0' && *q <= '9') {
            while (q < e && *q >= '0' && *q <= '9') q++;
            p = q;
            is_float = true;
        }
    }
    /* as CRuby's scanner: a float directly followed by more of a number is not one */
    if (is_float && p < e && (*p == '.' || *p == 'e' || *p == 'E')) { is_float = false; p = int_end; }
    ps->p = p;
    char small[64];
    size_t n = (size_t)(p - b);
    char *buf = n < sizeof small ? small : malloc(n + 1);
    memcpy(buf, b, n);
    buf[n] = 0;
    Value v;
    if (is_float) {
        v = mg_float_new(strtod(buf, NULL));
    } else if (n < 18) {
        v = MG_FIX(strtoll(buf, NULL, 10));
    } else {
        v = mg_int_from_str(buf, 10);
    }
    if (buf != small) free(buf);
    return v;
}

static Value parse_value(P *ps);

static void
enter(P *ps)
{
    ps->depth++;
    if (ps->d->max_nesting && ps->depth > ps->d->max_nesting)
        mg_raise(json_error("NestingError"), "nesting of %lld is too deep", (long long)ps->depth);
}

static Value
parse_array(P *ps)
{
    enter(ps);
    ps->p++;
    Value ary = ps->d->array_class != MG_NIL ? mg_funcall(ps->d->array_class, mg_intern_cstr("new"), 0, NULL) : mg_ary_new();
    bool plain = MG_IS_ARRAY(ary) && ps->d->array_class == MG_NIL;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ']') {
        ps->p++;
    } else {
        for (;;) {
            const char *elem = ps->p;
            Value v = parse_value(ps);
            if (v == MG_UNDEF) unexpected(ps, 451, elem);
            if (plain) mg_ary_push(ary, v);
            else mg_funcall(ary, mg_intern_cstr("<<"), 1, &v);
            skip_ws(ps);
            if (ps->p < ps->end && *ps->p == ',') { ps->p++; skip_ws(ps); continue; }
            if (ps->p < ps->end && *ps->p == ']') { ps->p++; break; }
            unexpected(ps, 451, ps->p);
        }
    }
    ps->depth--;
    if (ps->d->freeze) mg_obj_freeze(ary);
    return ary;
}

static Value
parse_object(P *ps)
{
    enter(ps);
    ps->p++;
    Value obj = ps->d->object_class != MG_NIL ? mg_funcall(ps->d->object_class, mg_intern_cstr("new"), 0, NULL) : mg_hash_new();
    bool plain = MG_IS_TYPE(obj, T_HASH) && ps->d->object_class == MG_NIL;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == '}') {
        ps->p++;
    } else {
        for (;;) {
            if (ps->p >= ps->end || *ps->p != '"') return MG_UNDEF;
            Value key = parse_string(ps, true, plain);
            if (key == MG_UNDEF) return MG_UNDEF;
            skip_ws(ps);
            if (ps->p >= ps->end || *ps->p != ':') return MG_UNDEF;
            ps->p++;
            skip_ws(ps);
            Value v = parse_value(ps);
            if (v == MG_UNDEF) return MG_UNDEF;
            if (plain) mg_hash_aset(obj, key, v);
            else mg_funcall(obj, mg_intern_cstr("[]="), 2, (Value[]){ key, v });
            skip_ws(ps);
            if (ps->p < ps->end && *ps->p == ',') { ps->p++; skip_ws(ps); continue; }
            if (ps->p < ps->end && *ps->p == '}') { ps->p++; break; }
            return MG_UNDEF;
        }
    }
    ps->depth--;
    if (ps->d->create_additions && plain) {
        Value name = mg_hash_lookup(obj, ps->d->create_id);
        if (name != MG_UNDEF && MG_IS_STRING(name)) {
            Value klass = mg_funcall(MG_VAL(mJSON), mg_intern_cstr("deep_const_get"), 1, &name);
            if (MG_TEST(mg_funcall(klass, mg_intern_cstr("json_creatable?"), 0, NULL)))
                return mg_funcall(klass, mg_intern_cstr("json_create"), 1, &obj);
        }
    }
    if (ps->d->freeze) mg_obj_freeze(obj);
    return obj;
}

/* MG_UNDEF when the value does not parse (the caller reports) */
static Value
parse_value(P *ps)
{
    if (ps->p >= ps->end) return MG_UNDEF;
    switch (*ps->p) {
    case '"': return parse_string(ps, false, false);
    case '{': return parse_object(ps);
    case '[': return parse_array(ps);
    case 'n': return literal(ps, "null") ? MG_NIL : MG_UNDEF;
    case 't': return literal(ps, "true") ? MG_TRUE : MG_UNDEF;
    case 'f': return literal(ps, "false") ? MG_FALSE : MG_UNDEF;
    case 'N':
        if (!literal(ps, "NaN")) return MG_UNDEF;
        if (!ps->d->allow_nan) unexpected(ps, 225, ps->p - 3);
        return mg_float_new(NAN);
    case 'I':
        if (!literal(ps, "Infinity")) return MG_UNDEF;
        if (!ps->d->allow_nan) unexpected(ps, 232, ps->p - 8 > ps->start ? ps->p - 9 : ps->end);
        return mg_float_new(INFINITY);
    case '-':
        if (ps->end - ps->p >= 9 && !memcmp(ps->p, "-Infinity", 9)) {
            if (!ps->d->allow_nan) unexpected(ps, 249, ps->p);
            ps->p += 9;
            return mg_float_new(-INFINITY);
        }
        return parse_number(ps);
    default:
        if (*ps->p >= '0' && *ps->p <= '9') return parse_number(ps);
        return MG_UNDEF;
    }
}

static Value
parser_alloc(RClass *klass)
{
    void *p;
    Value v = mg_data_new_inline(klass, &parser_type, sizeof(ParserData), &p);
    ParserData *d = p;
    d->source = d->create_id = d->object_class = d->array_class = MG_NIL;
    return v;
}

static Value
opt(Value opts, const char *name)
{
    if (opts == MG_NIL) return MG_UNDEF;
    Value v = mg_hash_lookup(opts, mg_sym(name));
    if (v == MG_UNDEF) v = mg_hash_lookup(opts, mg_str_new_cstr(name));
    return v;
}

static Value
parser_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc < 1 || argc > 2) mg_raise(mg_eArgumentError, "wrong number of arguments (given %d, expected 1..2)", argc);
    Value opts = kw;
    if (argc == 2 && argv[1] != MG_NIL) opts = mg_to_hash(argv[1]);
    Value src = mg_to_str(argv[0]);
    if (mg_str_enc(src) != ENC_UTF8 && mg_str_enc(src) != ENC_BINARY && mg_str_enc(src) != ENC_US_ASCII)
        src = mg_str_conv_enc(src, ENC_UTF8);     /* CRuby's json parses a converted copy */
    if (mg_str_enc(src) != ENC_UTF8) {
        src = mg_str_dup(src);
        MG_OBJ(src)->extra = ENC_UTF8;
    }
    ParserData *d = mg_data_check(self, &parser_type);
    d->source = src;
    d->max_nesting = 100;
    Value v;
    if ((v = opt(opts, "max_nesting")) != MG_UNDEF) d->max_nesting = MG_TEST(v) ? mg_num2long(v) : 0;
    d->allow_nan = (v = opt(opts, "allow_nan")) != MG_UNDEF && MG_TEST(v);
    d->symbolize_names = (v = opt(opts, "symbolize_names")) != MG_UNDEF && MG_TEST(v);
    d->freeze = (v = opt(opts, "freeze")) != MG_UNDEF && MG_TEST(v);
    d->create_additions = (v = opt(opts, "create_additions")) != MG_UNDEF && MG_TEST(v);
    v = opt(opts, "create_id");
    d->create_id = v != MG_UNDEF ? v : mg_funcall(MG_VAL(mJSON), mg_intern_cstr("create_id"), 0, NULL);
    v = opt(opts, "object_class");
    d->object_class = v != MG_UNDEF ? v : MG_NIL;
    v = opt(opts, "array_class");
    d->array_class = v != MG_UNDEF ? v : MG_NIL;
    return self;
}

static Value
parser_parse(Value self, int argc, const Value *argv, Value blk)
{
    ParserData *d = mg_data_check(self, &parser_type);
    if (d->source == MG_NIL) mg_raise(mg_eTypeError, "uninitialized instance");
    mg_gc_protect(d->source);
    P ps = { d, mg_str_ptr(d->source), mg_str_ptr(d->source), mg_str_ptr(d->source) + mg_str_len(d->source), 0 };
    skip_ws(&ps);
    const char *b = ps.p;
    Value v = parse_value(&ps);
    if (v == MG_UNDEF) unexpected(&ps, 859, b);
    skip_ws(&ps);
    if (ps.p < ps.end) unexpected(&ps, 859, ps.p);
    return v;
}

static Value
parser_source(Value self, int argc, const Value *argv, Value blk)
{
    ParserData *d = mg_data_check(self, &parser_type);
    return mg_str_dup(d->source);
}

/* ---------------------------------------------------------------- generator */

typedef struct {
    Value state;
    Value indent, space, space_before, object_nl, array_nl;
    int64_t max_nesting, depth;
    bool allow_nan, ascii_only, escape_slash;
} Gen;

static Value
ivar(Value obj, const char *name)
{
    return mg_ivar_get(obj, mg_intern_cstr(name));
}

static Value
str_setting(Value state, const char *name)
{
    Value v = ivar(state, name);
    if (v == MG_NIL) return MG_NIL;
    v = mg_to_str(v);
    return mg_str_len(v) ? v : MG_NIL;
}

static void
gen_load(Gen *g, Value state)
{
    g->state = state;
    g->indent = str_setting(state, "@indent");
    g->space = str_setting(state, "@space");
    g->space_before = str_setting(state, "@space_before");
    g->object_nl = str_setting(state, "@object_nl");
    g->array_nl = str_setting(state, "@array_nl");
    Value v = ivar(state, "@max_nesting");
    g->max_nesting = MG_TEST(v) ? mg_num2long(v) : 0;
    v = ivar(state, "@depth");
    g->depth = MG_TEST(v) ? mg_num2long(v) : 0;
    g->allow_nan = MG_TEST(ivar(state, "@allow_nan"));
    g->ascii_only = MG_TEST(ivar(state, "@ascii_only"));
    g->escape_slash = MG_TEST(ivar(state, "@escape_slash"));
}

static void
cat_str(Value buf, Value s)
{
    if (s != MG_NIL) mg_str_cat(buf, mg_str_ptr(s), (size_t)mg_str_len(s));
}

static void
cat_indent(Gen *g, Value buf, int64_t depth)
{
    if (g->indent == MG_NIL) return;
    for (int64_t i = 0; i < depth; i++) cat_str(buf, g->indent);
}

static void
gen_string(Gen *g, Value buf, Value str)
{
    static const char hex[] = "0123456789abcdef";
    /* a string in another encoding than UTF-8 / US-ASCII / BINARY is converted first (CRuby's json) */
    Encoding se = mg_str_enc(str);
    if (se != ENC_UTF8 && se != ENC_US_ASCII && se != ENC_BINARY) str = mg_str_conv_enc(str, ENC_UTF8);
    const unsigned char *p = (const unsigned char *)mg_str_ptr(str), *e = p + mg_str_len(str);
    /* every string is treated as UTF-8 (a binary string too, as CRuby's json does) */
    mg_str_cat(buf, "\"", 1);
    const unsigned char *run = p;
    while (p < e) {
        unsigned char c = *p;
        const char *esc = NULL;
        char ubuf[32];
        int step = 1;
        if (c < 0x80) {
            switch (c) {
            case '"': esc = "\\\""; break;
            case '\\': esc = "\\\\"; break;
            case '\n': esc = "\\n"; break;
            case '\r': esc = "\\r"; break;
            case '\t': esc = "\\t"; break;
            case '\f': esc = "\\f"; break;
            case '\b': esc = "\\b"; break;
            case '/': if (g->escape_slash) esc = "\\/"; break;
            default:
                if (c < 0x20) {
                    snprintf(ubuf, sizeof ubuf, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
                    esc = ubuf;
                }
            }
        } else {
            int n = mg_utf8_charlen(p, e);
            if (n < 0) {
                /* an incomplete sequence at the end, or bytes that are not UTF-8 */
                int want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
                if (want > 1 && e - p < want)
                    mg_raise(json_error("GeneratorError"), "partial character in source, but hit end");
                mg_raise(json_error("GeneratorError"), "source sequence is illegal/malformed utf-8");
            }
            step = n;
            if (g->ascii_only) {
                int len;
                int32_t cp = mg_utf8_decode(p, e, &len);
                if (cp >= 0x10000) {
                    int32_t v = cp - 0x10000;
                    snprintf(ubuf, sizeof ubuf, "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
                } else {
                    snprintf(ubuf, sizeof ubuf, "\\u%04x", cp);
                }
                esc = ubuf;
            }
        }
        if (esc) {
            if (p > run) mg_str_cat(buf, (const char *)run, (size_t)(p - run));
            mg_str_cat_cstr(buf, esc);
            p += step;
            run = p;
        } else {
            p += step;
        }
    }
    if (p > run) mg_str_cat(buf, (const char *)run, (size_t)(p - run));
    mg_str_cat(buf, "\"", 1);
}

static void gen_value(Gen *g, Value buf, Value obj);

static void
nest(Gen *g)
{
    int64_t depth = ++g->depth;
    if (g->max_nesting && depth > g->max_nesting) {
        g->depth--;
        mg_raise(json_error("NestingError"), "nesting of %lld is too deep", (long long)g->depth);
    }
}

static void
gen_object(Gen *g, Value buf, Value h)
{
    nest(g);
    int64_t depth = g->depth;
    mg_str_cat(buf, "{", 1);
    Value k, v;
    int64_t n = 0;
    for (int64_t it = 0; mg_hash_next(h, &it, &k, &v); n++) {
        if (n > 0) mg_str_cat(buf, ",", 1);
        cat_str(buf, g->object_nl);
        cat_indent(g, buf, depth);
        Value ks = MG_IS_STRING(k) ? k : MG_IS_SYMBOL(k) ? mg_sym_to_s(k) : mg_to_s(k);
        gen_string(g, buf, ks);
        cat_str(buf, g->space_before);
        mg_str_cat(buf, ":", 1);
        cat_str(buf, g->space);
        gen_value(g, buf, v);
    }
    depth = --g->depth;
    if (g->object_nl != MG_NIL) {
        cat_str(buf, g->object_nl);
        cat_indent(g, buf, depth);
    }
    mg_str_cat(buf, "}", 1);
}

static void
gen_array(Gen *g, Value buf, Value a)
{
    nest(g);
    int64_t depth = g->depth;
    mg_str_cat(buf, "[", 1);
    cat_str(buf, g->array_nl);
    for (int64_t i = 0; i < mg_ary_len(a); i++) {
        if (i > 0) {
            mg_str_cat(buf, ",", 1);
            cat_str(buf, g->array_nl);
        }
        cat_indent(g, buf, depth);
        gen_value(g, buf, mg_ary_entry(a, i));
    }
    depth = --g->depth;
    if (g->array_nl != MG_NIL) {
        cat_str(buf, g->array_nl);
        cat_indent(g, buf, depth);
    }
    mg_str_cat(buf, "]", 1);
}

static void
gen_float(Gen *g, Value buf, Value f)
{
    double d = mg_float_value(f);
    if (isinf(d) || isnan(d)) {
        if (!g->allow_nan) {
            Value s = mg_float_to_s(d);
            mg_raise(json_error("GeneratorError"), "%d: %s not allowed in JSON", isnan(d) ? 1003 : 1000, mg_str_cstr(s));
        }
    }
    cat_str(buf, mg_float_to_s(d));
}

static void
gen_value(Gen *g, Value buf, Value obj)
{
    if (obj == MG_NIL) { mg_str_cat_cstr(buf, "null"); return; }
    if (obj == MG_TRUE) { mg_str_cat_cstr(buf, "true"); return; }
    if (obj == MG_FALSE) { mg_str_cat_cstr(buf, "false"); return; }
    if (MG_IS_FIXNUM(obj)) {
        char tmp[32];
        int n = snprintf(tmp, sizeof tmp, "%lld", (long long)MG_FIX2LONG(obj));
        mg_str_cat(buf, tmp, (size_t)n);
        return;
    }
    if (MG_IS_BIGNUM(obj)) { cat_str(buf, mg_int_to_s(obj, 10)); return; }
    RClass *k = mg_obj_class(obj);
    if (MG_IS_FLOAT(obj) && k == mg_cFloat) { gen_float(g, buf, obj); return; }
    if (k == mg_cHash) { gen_object(g, buf, obj); return; }
    if (k == mg_cArray) { gen_array(g, buf, obj); return; }
    if (k == mg_cString) { gen_string(g, buf, obj); return; }
    ID to_json = mg_intern_cstr("to_json");
    if (mg_respond_to(obj, to_json, false)) {
        mg_ivar_set(g->state, mg_intern_cstr("@depth"), MG_FIX(g->depth));
        Value s = mg_funcall(obj, to_json, 1, &g->state);
        if (!MG_IS_STRING(s))
            mg_raise(mg_eTypeError, "wrong argument type %s (expected String)", mg_class_cname(mg_obj_class(s)));
        cat_str(buf, s);
        return;
    }
    gen_string(g, buf, mg_to_str(mg_to_s(obj)));
}

/* obj in JSON under state's settings, starting at state's depth */
static Value
generate(Value state, Value obj)
{
    Gen g;
    mg_gc_protect(state);
    gen_load(&g, state);
    Value buf = mg_str_buf_new(256);
    int64_t depth = g.depth;
    gen_value(&g, buf, obj);
    mg_ivar_set(state, mg_intern_cstr("@depth"), MG_FIX(depth));
    return buf;
}

static Value
state_generate(Value self, int argc, const Value *argv, Value blk)
{
    return generate(self, argv[0]);
}

static Value
state_for(int argc, const Value *argv)
{
    Value s = argc > 0 ? argv[0] : MG_NIL;
    if (s != MG_NIL && mg_obj_is_kind_of(s, cState)) return s;
    return mg_funcall(MG_VAL(cState), mg_intern_cstr("from_state"), 1, &s);
}

static Value
gm_to_json(Value self, int argc, const Value *argv, Value blk)
{
    return generate(state_for(argc, argv), self);
}

/* Object#to_json: to_s as a JSON string */
static Value
gm_object_to_json(Value self, int argc, const Value *argv, Value blk)
{
    Gen g;
    gen_load(&g, state_for(argc, argv));
    Value buf = mg_str_buf_new(32);
    gen_string(&g, buf, mg_to_str(mg_to_s(self)));
    return buf;
}

/* The State's settings and their Hash/accessor protocol are plain Ruby over the
 * instance variables that generate() reads. */
static const char state_rb[] =
    "class JSON::Ext::Generator::State\n"
    "  def self.from_state(opts)\n"
    "    case opts\n"
    "    when self then opts\n"
    "    when ::Hash then new(opts)\n"
    "    else\n"
    "      if opts.respond_to?(:to_hash) then new(opts.to_hash)\n"
    "      elsif opts.respond_to?(:to_h) then new(opts.to_h)\n"
    "      else new\n"
    "      end\n"
    "    end\n"
    "  end\n"
    "  def initialize(opts = nil)\n"
    "    @indent = +''; @space = +''; @space_before = +''; @object_nl = +''; @array_nl = +''\n"
    "    @allow_nan = false; @ascii_only = false; @max_nesting = 100; @depth = 0\n"
    "    @buffer_initial_length = 1024; @escape_slash = false\n"
    "    configure(opts) if opts\n"
    "  end\n"
    "  attr_accessor :indent, :space, :space_before, :object_nl, :array_nl, :max_nesting, :depth\n"
    "  attr_reader :buffer_initial_length\n"
    "  def buffer_initial_length=(n); @buffer_initial_length = n if n.is_a?(::Integer) && n > 0; end\n"
    "  def allow_nan? = @allow_nan\n"
    "  def ascii_only? = @ascii_only\n"
    "  def escape_slash? = @escape_slash\n"
    "  def escape_slash=(v)\n"
    "    @escape_slash = v ? true : false\n"
    "  end\n"
    "  def check_circular? = !@max_nesting.nil? && @max_nesting != false && @max_nesting != 0\n"
    "  def configure(opts)\n"
    "    if opts.respond_to?(:to_hash) then opts = opts.to_hash\n"
    "    elsif opts.respond_to?(:to_h) then opts = opts.to_h\n"
    "    else raise TypeError, \"can't convert #{opts.class} into Hash\"\n"
    "    end\n"
    "    opts.each do |key, value|\n"
    "      case key.to_sym\n"
    "      when :indent, :space, :space_before, :object_nl, :array_nl\n"
    "        instance_variable_set(:\"@#{key}\", value ? value.to_str : +'')\n"
    "      when :allow_nan, :ascii_only, :escape_slash\n"
    "        instance_variable_set(:\"@#{key}\", value ? true : false)\n"
    "      when :max_nesting then @max_nesting = value ? value : 0\n"
    "      when :depth then @depth = value || 0\n"
    "      when :buffer_initial_length then self.buffer_initial_length = value\n"
    "      else instance_variable_set(:\"@#{key}\", value) if key.to_s.match?(/\\A[a-z_]\\w*\\z/)\n"
    "      end\n"
    "    end\n"
    "    self\n"
    "  end\n"
    "  alias merge configure\n"
    "  def to_h\n"
    "    h = {}\n"
    "    instance_variables.each { |iv| h[iv.to_s[1..].to_sym] = instance_variable_get(iv) }\n"
    "    h\n"
    "  end\n"
    "  alias to_hash to_h\n"
    "  def [](name)\n"
    "    if respond_to?(name) then __send__(name)\n"
    "    else instance_variable_get(:\"@#{name}\") if instance_variable_defined?(:\"@#{name}\")\n"
    "    end\n"
    "  end\n"
    "  def []=(name, value)\n"
    "    if respond_to?(\"#{name}=\") then __send__(\"#{name}=\", value)\n"
    "    else instance_variable_set(:\"@#{name}\", value)\n"
    "    end\n"
    "  end\n"
    "end\n"
    "module JSON::Ext::Generator::GeneratorMethods::String\n"
    "  def self.included(modul) = modul.extend(Extend)\n"
    "  def to_json_raw_object = { JSON.create_id => self.class.name, 'raw' => unpack('C*') }\n"
    "  def to_json_raw(*args) = to_json_raw_object.to_json(*args)\n"
    "  module Extend\n"
    "    def json_create(o) = o['raw'].pack('C*')\n"
    "  end\n"
    "end\n";

void
mg_ext_init_json(void)
{
    Value j = mg_const_get_at(mg_cObject, mg_intern_cstr("JSON"));
    mJSON = j != MG_UNDEF && MG_IS_CLASS_OR_MODULE(j) ? MG_RCLASS(j) : mg_define_module("JSON");
    mExt = mg_define_module_under(mJSON, "Ext");
    cParser = mg_define_class_under(mExt, "Parser", mg_cObject);
    mg_define_alloc_func(cParser, parser_alloc);
    mg_define_method(cParser, "initialize", parser_initialize, 0, -1);
    mg_define_method(cParser, "parse", parser_parse, 0, 0);
    mg_define_method(cParser, "source", parser_source, 0, 0);

    mGenerator = mg_define_module_under(mExt, "Generator");
    cState = mg_define_class_under(mGenerator, "State", mg_cObject);
    mg_define_method(cState, "generate", state_generate, 1, 1);
    mGenMethods = mg_define_module_under(mGenerator, "GeneratorMethods");
    static const char *const kinds[] = { "Hash", "Array", "Integer", "Float", "String", "TrueClass", "FalseClass", "NilClass" };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        RClass *m = mg_define_module_under(mGenMethods, kinds[i]);
        mg_define_method(m, "to_json", gm_to_json, 0, -1);
    }
    RClass *mobj = mg_define_module_under(mGenMethods, "Object");
    mg_define_method(mobj, "to_json", gm_object_to_json, 0, -1);
    mg_eval_string(state_rb, sizeof state_rb - 1, "json/ext/generator", 1);
}
