/* symbol.h -- the symbol table: interned names, dense IDs.
 * IDs are process-local; the repository stores symbols by name. Never freed. */
#ifndef MG_SYMBOL_H
#define MG_SYMBOL_H

#include "../common.h"

/* Intern name[0..len) (any bytes, need not be NUL-terminated). Never fails (aborts on OOM). */
ID mg_intern(const char *name, size_t len);
ID mg_intern_cstr(const char *name);
/* The same with an encoding tag: 0 is mg_intern's ordinary symbol, whose
 * encoding follows from its bytes (core/symbol_core.c); 1 + an Encoding for
 * a Symbol made from a String whose encoding is another (UTF-16 "a",
 * ISO-8859-1 "\xE9"). The same bytes with another tag are another ID. */
ID mg_intern_tagged(const char *name, size_t len, unsigned tag);
unsigned mg_id_tag(ID id);
/* Name of an interned ID: NUL-terminated; *len may be NULL. */
const char *mg_id_name(ID id, size_t *len);
/* Number of IDs interned so far (for Symbol.all_symbols). */
uint32_t mg_symbol_count(void);

#endif
