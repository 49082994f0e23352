/* string_int.h -- internals shared by the string files: string.c, string_ops.c,
 * string_pack.c, string_enc.c, encoding.c, transcode.c, re.c, sprintf.c,
 * symbol_core.c, and io.c for the encodings of reads and writes. Not for other
 * subsystems (they use core.h).
 *
 * Invariants of an RString (object.h):
 *  1. ptr is always an mg_malloc'd block of capa + 1 bytes, ptr[len] == '\0'.
 *  2. hdr.extra is the Encoding.
 *  3. The code range (ASCII-only / valid / broken) is cached in hdr.flags
 *     (STR_CR_*); every change of the bytes or the encoding clears it
 *     (str_modify / mg_str_modify does).
 */
#ifndef MG_STRING_INT_H
#define MG_STRING_INT_H

#include "core.h"

#define STR_CR_7BIT   OF_USER1    /* all bytes < 0x80 */
#define STR_CR_VALID  OF_USER2    /* valid in its encoding, some non-ASCII */
#define STR_CR_BROKEN OF_USER3    /* invalid byte sequences present */
#define STR_CR_MASK   (STR_CR_7BIT | STR_CR_VALID | STR_CR_BROKEN)
#define STR_FSTR      OF_USER4    /* the interned copy made by String#-@ */

enum { CR_UNKNOWN = 0, CR_7BIT = 1, CR_VALID = 2, CR_BROKEN = 3 };

#define RSTR(v) MG_RSTRING(v)
#define STR_ENC(v) ((Encoding)MG_OBJ(v)->extra)
#define STR_MAX_LEN ((int64_t)1 << 40)     /* the longest String (bytes) */

/* ---- encoding.c ---- */
/* One encoding (a line of encodings.def); the index into mg_enc_table is the Encoding. */
enum { EF_ASCII = 1, EF_DUMMY = 2, EF_SB = 4, EF_UNICODE = 8, EF_UPT = 16 };
typedef struct MgEncInfo {
    const char *name;
    const void *onig;          /* OnigEncoding */
    unsigned flags;            /* EF_* */
    const char *iconv;         /* glibc iconv name or NULL */
    const char *aliases;       /* space-separated */
} MgEncInfo;
extern const MgEncInfo mg_enc_table[];
extern const int mg_enc_count;
static inline const MgEncInfo *
mg_enc_info(Encoding e)
{
    return &mg_enc_table[(unsigned)e < (unsigned)mg_enc_count ? (unsigned)e : 0];
}
static inline bool mg_enc_ascii_compat(Encoding e) { return e <= ENC_US_ASCII || (mg_enc_info(e)->flags & EF_ASCII); }
/* One byte a character (BINARY, US-ASCII, ISO-8859-x, Windows-125x, ...). */
static inline bool mg_enc_single_byte(Encoding e) { return e == ENC_BINARY || e == ENC_US_ASCII || (e != ENC_UTF8 && (mg_enc_info(e)->flags & EF_SB)); }
static inline bool mg_enc_unicode(Encoding e) { return e == ENC_UTF8 || (mg_enc_info(e)->flags & EF_UNICODE); }
/* Byte length of the UTF-8 character at p (< e), or -1 if the bytes there do
 * not start a valid sequence (callers then step 1 byte). */
int      mg_utf8_charlen(const unsigned char *p, const unsigned char *e);
/* Decodes a valid character; *len gets its length. Returns -1 (and *len 1) when invalid. */
int32_t  mg_utf8_decode(const unsigned char *p, const unsigned char *e, int *len);
int      mg_utf8_encode(uint32_t cp, char *buf);       /* 1..4 bytes written; cp < 0x110000 */
int      mg_enc_coderange_scan(const char *p, int64_t len, Encoding enc);
/* Number of characters of p[0..len) in enc (bytes for the single-byte ones). */
int64_t  mg_enc_strlen(const char *p, int64_t len, Encoding enc, int cr);
/* The character at p (< e): its length when valid, 0 when invalid, -1 when cut off by e. */
int      mg_enc_precise(const unsigned char *p, const unsigned char *e, Encoding enc);
int      mg_enc_minlen(Encoding enc);                 /* shortest character (2 for UTF-16) */
/* Code point cp of enc as the regexp engine classes it: 1 a digit, 2 a letter, 0 neither */
int      mg_enc_digit_alpha(Encoding enc, int32_t cp);
int      mg_enc_mbclen_slow(const char *p, const char *e, Encoding enc);
/* Byte length of the character at p (>= 1); an invalid one counts as the
 * encoding's shortest character, as CRuby steps. */
static inline int
mg_enc_mbclen(const char *p, const char *e, Encoding enc)
{
    if (enc == ENC_UTF8) {
        if ((unsigned char)*p < 0x80) return 1;
        int n = mg_utf8_charlen((const unsigned char *)p, (const unsigned char *)e);
        return n < 0 ? 1 : n;
    }
    if (enc == ENC_BINARY || enc == ENC_US_ASCII) return 1;
    return mg_enc_mbclen_slow(p, e, enc);
}
/* The code point of the character at p (*len its length), -1 when invalid. */
int32_t  mg_enc_codepoint(const char *p, const char *e, Encoding enc, int *len);
/* Writes code point cp in enc (buf >= 8 bytes); its length or -1 if enc cannot hold it. */
int      mg_enc_code_to_mbc(uint32_t cp, char *buf, Encoding enc);
/* Byte offset of the n-th character (n >= 0), or -1 when the string is shorter.
 * n == the character count gives len. */
int64_t  mg_enc_nth(const char *p, int64_t len, int64_t n, Encoding enc, int cr);
/* memmem of n in p[from..len) at a character boundary of enc (from is one). */
const char *mg_enc_memmem(const char *p, int64_t len, int64_t from, const char *n, int64_t nlen, Encoding enc);
Encoding mg_enc_default_external(void);               /* Encoding.default_external (UTF-8 unless set) */
int      mg_enc_default_internal(void);               /* Encoding.default_internal, -1 for nil */
const char *mg_enc_name(Encoding enc);
Value    mg_enc_value(Encoding enc);                   /* the Encoding object */
bool     mg_enc_of_value(Value v, Encoding *out);      /* v an Encoding object? */
bool     mg_enc_find_name(const char *name, size_t len, Encoding *out);  /* names and aliases, any case */
/* An Encoding object or a name String: the Encoding; ArgumentError "unknown encoding name - x". */
Encoding mg_to_encoding(Value v);
void     mg_init_encoding(void);

/* ---- string_enc.c ---- */
Value    mg_str_escape_enc(Value s);                    /* inspect body of a non-UTF-8/BINARY/US-ASCII string */
Value    mg_enc_default_replacement(Encoding enc);      /* U+FFFD or "?" in enc */

/* ---- transcode.c ---- */
/* str converted from encoding from to encoding to with String#encode's options
 * (kw: a Hash or nil); raises the Encoding errors as CRuby does. */
Value    mg_transcode(Value str, Encoding from, Encoding to, Value kw);
/* The Encoding named by v for encode: ConverterNotFoundError-friendly lookup (false if unknown). */
bool     mg_transcode_find(Value v, Encoding *out);
/* One character of e (p[0..n)) as a code point through iconv, -1 when undefined;
 * and back (its length in buf, -1 when e lacks it). */
int32_t  mg_enc_to_unicode(Encoding e, const char *p, int n);
int      mg_enc_from_unicode(Encoding e, uint32_t cp, char *buf, int size);
void     mg_init_transcode(void);

/* ---- string.c ---- */
int      mg_str_coderange(Value s);                     /* computes and caches */
/* ArgumentError "invalid byte sequence in UTF-8" for a broken string (string_ops.c). */
void     mg_str_check_valid(Value s);
static inline bool mg_str_ascii_only(Value s) { return mg_str_coderange(s) == CR_7BIT; }
Value    mg_str_new_class(RClass *klass, const char *p, size_t len, Encoding enc);
Value    mg_str_subseq(Value s, int64_t beg, int64_t len);  /* bytes beg..beg+len, same encoding */
void     mg_str_reserve(Value s, int64_t capa);         /* room for capa bytes (no frozen check) */
void     mg_str_set_len(Value s, int64_t len);          /* after writing into ptr; NUL-terminates */
void     mg_str_replace_bytes(Value s, int64_t beg, int64_t len, const char *p, int64_t plen);
Value    mg_str_plus(Value a, Value b);
Value    mg_str_times(Value s, Value n);
/* Encoding of the result of combining a and b, or raises Encoding::CompatibilityError. */
Encoding mg_str_enc_compat(Value a, Value b);
bool     mg_str_enc_compatible(Value a, Value b, Encoding *out);   /* the same, false for none */
int64_t  mg_str_offset_to_char(Value s, int64_t byte_off);   /* char index of a byte offset */
int64_t  mg_str_char_to_offset(Value s, int64_t char_idx);   /* byte offset of a char index, -1 past end */
Value    mg_str_escape_chars(Value s);                  /* inspect without the quotes (Symbol#inspect) */
/* Takes the keyword Hash off the end of argv when the caller passed keywords. */
Value    mg_take_kwargs(int *argc, const Value *argv);
Value    mg_kwarg(Value kw, const char *name);          /* MG_UNDEF if kw nil or key absent */
void     mg_init_string_ops(void);
void     mg_init_string_enc(void);   /* string_enc.c */
Value    mg_str_succ(Value s);                          /* string_ops.c: String#succ */
Value    mg_str_downcase_full(Value s);                 /* string_ops.c: full case folding (casecmp?) */
/* casemap.c: Unicode case mapping of the UTF-8 text src[0..len) character by
 * character as CRuby does it; a new UTF-8 String, or nil when nothing changed.
 * ArgumentError "input string invalid" for invalid UTF-8. */
enum { CASEMAP_UP, CASEMAP_DOWN, CASEMAP_SWAP, CASEMAP_CAP, CASEMAP_FOLD };
Value    mg_casemap_utf8(const char *src, int64_t len, int mode, bool turkic);
void     mg_init_string_pack(void);

/* ---- re.c ---- */
bool     mg_is_regexp(Value v);
bool     mg_unicode_printable(uint32_t cp);             /* Oniguruma's Unicode tables */
/* Searches re in str from byte pos (backwards from pos when reverse); returns
 * the match start byte or -1. Sets the last match ($~) when set_backref; *md
 * (may be NULL) receives the MatchData or nil. */
int64_t  mg_reg_search(Value re, Value str, int64_t pos, bool reverse, bool set_backref, Value *md);
/* Like mg_reg_search with a non-allocating fast path: match at or after pos, no MatchData. */
bool     mg_reg_match_p(Value re, Value str, int64_t pos);
void    *mg_reg_onig(Value re, Value str);              /* the regex_t * for str (src/ext/strscan.c) */
int      mg_md_count(Value md);                         /* number of groups + 1 */
int64_t  mg_md_beg(Value md, int i);                    /* byte offsets, -1 when the group did not match */
int64_t  mg_md_end(Value md, int i);
Value    mg_md_str(Value md);                           /* the matched-against string */
/* Group number for a name (String/Symbol); raises IndexError "undefined group name reference: x" if absent. */
int      mg_md_name_to_num(Value md, const char *name, size_t len, bool raise);
/* Expand \1 \k<n> \0 \& \` \' \\ in repl for a match. */
Value    mg_reg_expand(Value repl, Value md);
Value    mg_reg_quote(Value s);
/* Pattern argument of sub/gsub/scan/split/index: a Regexp stays, a String becomes a quoted Regexp. */
Value    mg_reg_from_pattern(Value pat);
void     mg_init_re(void);
void     mg_init_string_re(void);

/* ---- sprintf.c ---- */
void     mg_init_sprintf(void);

#endif
