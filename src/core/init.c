/* init.c -- start-up of the core library: the common IDs and every core
 * file's init function, in core.def's order. */
#include "core.h"

#define ID_DEF(var, str) ID mg_id_##var;
#include "ids.def"
#undef ID_DEF

void
mg_init_ids(void)
{
#define ID_DEF(var, str) mg_id_##var = mg_intern_cstr(str);
#include "ids.def"
#undef ID_DEF
}

void
mg_init_core(void)
{
#define CORE_INIT(name) mg_init_##name();
#include "core.def"
#undef CORE_INIT
}
