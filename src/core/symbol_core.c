/* symbol_core.c -- Symbol: the methods of the Symbol class and the core.h Symbol
 * group (to_s, inspect with CRuby's quoting rules, mg_to_id). Symbols are
 * immediates (value.h); their names live in object/symbol.c. */
#include "string_int.h"
#include <ctype.h>

#pragma GCC diagnostic ignored "-Wunused-parameter"

static inline const char *
sym_name(Value sym, size_t *len)
{
    return mg_id_name(MG_SYM2ID(sym), len);
}

static Encoding
name_enc(const char *p, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)p[i] >= 0x80)
            return mg_enc_coderange_scan(p, (int64_t)len, ENC_UTF8) == CR_BROKEN ? ENC_BINARY : ENC_UTF8;
    return ENC_US_ASCII;
}

/* A Symbol's encoding: its tag's (symbol.h), or what its bytes say */
static Encoding
sym_enc(Value sym, const char *p, size_t len)
{
    unsigned tag = mg_id_tag(MG_SYM2ID(sym));
    return tag ? (Encoding)(tag - 1) : name_enc(p, len);
}

Value
mg_sym_to_s(Value sym)
{
    size_t len;
    const char *p = sym_name(sym, &len);
    return mg_str_new_enc(p, len, sym_enc(sym, p, len));
}

/* String#to_sym: an ASCII-only name in an ASCII-compatible encoding is the
 * US-ASCII Symbol, any other keeps the String's encoding (rb_str_intern) */
ID
mg_str_to_id(Value s)
{
    return mg_sym_intern_enc(mg_str_ptr(s), (size_t)mg_str_len(s), STR_ENC(s));
}

/* The Symbol of p[0..len) in encoding e, as String#to_sym makes it (also
 * for a Symbol read from a record, store/record.c) */
ID
mg_sym_intern_enc(const char *p, size_t len, Encoding e)
{
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++) ascii = (unsigned char)p[i] < 0x80;
    if (mg_enc_ascii_compat(e) && ascii) return mg_intern(p, len);
    return mg_intern_tagged(p, len, e == name_enc(p, len) ? 0 : (unsigned)e + 1);
}

/* ---- inspect ---- */

static bool
is_ident_start(unsigned char c)
{
    return c == '_' || isalpha(c) || c >= 0x80;
}

static bool
is_ident_char(unsigned char c)
{
    return c == '_' || isalnum(c) || c >= 0x80;
}

/* p[0..len) is an identifier (letters, digits, _, non-ASCII) not starting with a digit */
static bool
is_ident(const unsigned char *p, size_t len)
{
    if (len == 0 || !is_ident_start(p[0])) return false;
    for (size_t i = 1; i < len; i++) if (!is_ident_char(p[i])) return false;
    return true;
}

/* Whether :name can be written without quotes. */
static bool
sym_simple(const char *name, size_t len)
{
    const unsigned char *p = (const unsigned char *)name;
    static const char *const ops[] = {
        "+", "-", "*", "/", "%", "**", "==", "===", "!=", "=~", "!~", "!", "~", "+@", "-@",
        "[]", "[]=", "<<", ">>", "<", "<=", ">", ">=", "<=>", "&", "|", "^", "`", NULL
    };
    if (len == 0) return false;
    if (mg_enc_coderange_scan(name, (int64_t)len, ENC_UTF8) == CR_BROKEN) return false;
    for (int i = 0; ops[i]; i++) if (strlen(ops[i]) == len && memcmp(ops[i], name, len) == 0) return true;
    if (p[0] == '$') {
        if (len == 2 && strchr("~*$?!@/\\;,.=:<>\"&`'+0_", p[1])) return true;
        if (len == 3 && p[1] == '-' && is_ident_char(p[2])) return true;
        bool digits = len > 1 && p[1] != '0';     /* $0 is punctuation: $00 and $01 are not names */
        for (size_t i = 1; i < len; i++) if (!isdigit(p[i])) digits = false;
        if (digits) return true;
        return is_ident(p + 1, len - 1);
    }
    if (p[0] == '@') {
        if (len > 1 && p[1] == '@') return is_ident(p + 2, len - 2) && !isdigit(p[2]);
        return is_ident(p + 1, len - 1);
    }
    size_t n = len;
    if (p[n - 1] == '?' || p[n - 1] == '!' || p[n - 1] == '=') {
        if (n >= 2 && p[n - 1] == '=' && (p[n - 2] == '?' || p[n - 2] == '!')) return false;
        n--;
    }
    return is_ident(p, n);
}

Value
mg_sym_inspect(Value sym)
{
    size_t len;
    const char *p = sym_name(sym, &len);
    Value out = mg_str_new(":", 1);
    bool tagged = mg_id_tag(MG_SYM2ID(sym)) != 0;    /* another encoding than the default's: quoted, as CRuby */
    if (!tagged && sym_simple(p, len)) {
        mg_str_cat(out, p, len);
        return out;
    }
    Value s = mg_str_new_enc(p, len, sym_enc(sym, p, len));   /* an ASCII name is US-ASCII: :"x\x00y", as CRuby */
    mg_str_append(out, mg_str_inspect(s));
    return out;
}

ID
mg_to_id(Value v)
{
    if (MG_IS_SYMBOL(v)) return MG_SYM2ID(v);
    if (MG_IS_STRING(v)) return mg_str_to_id(v);
    Value s = mg_check_string(v);
    if (!MG_IS_NIL(s)) return mg_str_to_id(s);
    Value insp = mg_inspect(v);
    mg_raise(mg_eTypeError, "%s is not a symbol nor a string", mg_str_cstr(insp));
}

/* ---- methods ---- */

static Value
sym_to_s(Value self, int argc, const Value *argv, Value blk)
{
    return mg_sym_to_s(self);
}

static Value
sym_name_m(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_sym_to_s(self);
    return mg_funcall(s, mg_id_uminus, 0, NULL);
}

static Value
sym_to_sym(Value self, int argc, const Value *argv, Value blk)
{
    return self;
}

static Value
sym_to_proc(Value self, int argc, const Value *argv, Value blk)
{
    return mg_sym_to_proc(MG_SYM2ID(self));
}

static Value
sym_inspect(Value self, int argc, const Value *argv, Value blk)
{
    return mg_sym_inspect(self);
}

static Value
sym_length(Value self, int argc, const Value *argv, Value blk)
{
    size_t len;
    const char *p = sym_name(self, &len);
    Encoding e = sym_enc(self, p, len);
    return MG_FIX(mg_enc_strlen(p, (int64_t)len, e, mg_enc_coderange_scan(p, (int64_t)len, e)));
}

static Value
sym_empty_p(Value self, int argc, const Value *argv, Value blk)
{
    size_t len;
    sym_name(self, &len);
    return MG_BOOL(len == 0);
}

static Value
sym_encoding(Value self, int argc, const Value *argv, Value blk)
{
    size_t len;
    const char *p = sym_name(self, &len);
    return mg_enc_value(sym_enc(self, p, len));
}

static Value
sym_cmp(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_SYMBOL(argv[0])) return MG_NIL;
    return MG_FIX(mg_str_cmp(mg_sym_to_s(self), mg_sym_to_s(argv[0])));
}

static Value
sym_eq(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(self == argv[0]);
}

static Value
sym_hash(Value self, int argc, const Value *argv, Value blk)
{
    uint64_t h = (uint64_t)MG_SYM2ID(self) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    return MG_FIX((int64_t)(h >> 2));
}

/* Methods answered by the String of the name, converted back when asked. */
static Value
via_string(Value self, const char *meth, int argc, const Value *argv, Value blk, bool to_sym)
{
    Value s = mg_sym_to_s(self);
    Value r = mg_funcall_block(s, mg_intern_cstr(meth), argc, argv, blk);
    if (to_sym && MG_IS_STRING(r)) return mg_str_to_sym(r);
    return r;
}

static Value sym_upcase(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "upcase", argc, argv, blk, true); }
static Value sym_downcase(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "downcase", argc, argv, blk, true); }
static Value sym_capitalize(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "capitalize", argc, argv, blk, true); }
static Value sym_swapcase(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "swapcase", argc, argv, blk, true); }
static Value sym_succ(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "succ", argc, argv, blk, true); }
static Value sym_aref(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "[]", argc, argv, blk, false); }
static Value sym_start_with_p(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "start_with?", argc, argv, blk, false); }
static Value sym_end_with_p(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "end_with?", argc, argv, blk, false); }
static Value sym_match_op(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "=~", argc, argv, blk, false); }
static Value sym_match(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "match", argc, argv, blk, false); }
static Value sym_match_p(Value self, int argc, const Value *argv, Value blk) { return via_string(self, "match?", argc, argv, blk, false); }

static Value
sym_casecmp(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_SYMBOL(argv[0])) return MG_NIL;
    Value o = mg_sym_to_s(argv[0]);
    return via_string(self, "casecmp", 1, &o, blk, false);
}

static Value
sym_casecmp_p(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_SYMBOL(argv[0])) return MG_NIL;
    Value o = mg_sym_to_s(argv[0]);
    return via_string(self, "casecmp?", 1, &o, blk, false);
}

static Value
sym_s_all_symbols(Value self, int argc, const Value *argv, Value blk)
{
    uint32_t n = mg_symbol_count();
    Value a = mg_ary_new_capa(n);
    for (uint32_t id = 1; id < n; id++) mg_ary_push(a, MG_SYM(id));
    return a;
}

static const MgMethodDef symbol_methods[] = {
    {"to_s", sym_to_s, 0, 0},
    {"id2name", sym_to_s, 0, 0},
    {"name", sym_name_m, 0, 0},
    {"to_sym", sym_to_sym, 0, 0},
    {"intern", sym_to_sym, 0, 0},
    {"to_proc", sym_to_proc, 0, 0},
    {"inspect", sym_inspect, 0, 0},
    {"length", sym_length, 0, 0},
    {"size", sym_length, 0, 0},
    {"empty?", sym_empty_p, 0, 0},
    {"encoding", sym_encoding, 0, 0},
    {"<=>", sym_cmp, 1, 1},
    {"==", sym_eq, 1, 1},
    {"===", sym_eq, 1, 1},
    {"hash", sym_hash, 0, 0},
    {"upcase", sym_upcase, 0, -1},
    {"downcase", sym_downcase, 0, -1},
    {"capitalize", sym_capitalize, 0, -1},
    {"swapcase", sym_swapcase, 0, -1},
    {"succ", sym_succ, 0, 0},
    {"next", sym_succ, 0, 0},
    {"[]", sym_aref, 1, 2},
    {"slice", sym_aref, 1, 2},
    {"start_with?", sym_start_with_p, 0, -1},
    {"end_with?", sym_end_with_p, 0, -1},
    {"=~", sym_match_op, 1, 1},
    {"match", sym_match, 1, 2},
    {"match?", sym_match_p, 1, 2},
    {"casecmp", sym_casecmp, 1, 1},
    {"casecmp?", sym_casecmp_p, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef symbol_singleton_methods[] = {
    {"all_symbols", sym_s_all_symbols, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_symbol_core(void)
{
    mg_include_module(mg_cSymbol, mg_mComparable);
    mg_define_methods(mg_cSymbol, symbol_methods);
    mg_undef_new(mg_cSymbol);
    mg_define_alloc_func(mg_cSymbol, mg_alloc_undefined);
    mg_define_singleton_methods(MG_VAL(mg_cSymbol), symbol_singleton_methods);
}
