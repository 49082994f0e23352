/* class.h -- classes, modules, singleton classes, method tables, method
 * lookup, constants and class variables.
 *
 * Method cache design: every change to any method table or ancestry bumps
 * mg_method_serial; call-site inline caches store (class, serial, entry) and
 * are valid while the serial is unchanged. Lookup walks klass->super (iclasses
 * included) and stops at the first entry; an ME_UNDEF entry ends the search
 * with "not found" (undef_method).
 */
#ifndef MG_CLASS_H
#define MG_CLASS_H

#include "object.h"

/* C method: self, positional args (argc/argv, keyword args as a trailing Hash
 * when mg_kw_given()), and the block (nil or a Proc; use vm.h's mg_yield). */
typedef Value (*MgCFunc)(Value self, int argc, const Value *argv, Value blk);

typedef enum {
    ME_CFUNC,       /* u.c */
    ME_ISEQ,        /* u.code: compiled Ruby method (vm's Code object) */
    ME_ATTR_READER, /* u.ivar */
    ME_ATTR_WRITER, /* u.ivar */
    ME_BMETHOD,     /* u.proc: define_method with a block/proc */
    ME_UNDEF,       /* undef_method marker: lookup stops, not found */
    ME_ZSUPER,      /* visibility change of an inherited method: look further up from owner */
    ME_MISSING_PLACEHOLDER
} MethodKind;

typedef enum { VIS_PUBLIC = 0, VIS_PRIVATE = 1, VIS_PROTECTED = 2, VIS_MODULE_FUNCTION = 3 } Visibility;

/* MethodEntry.flags: MEF_STANDIN a stand-in (class.c mg_method_standins);
 * MEF_KW a C method that takes keywords (reads them with mg_kwargs_split):
 * its max_args does not count their Hash. Any other C method counts it as
 * an argument, as CRuby's: 1.succ(a: 1) is given 1, expected 0. */
enum { MEF_STANDIN = 1, MEF_KW = 2 };
/* Marks c's own entries of these names as stand-ins for what c inherits;
 * mg_method_standins_core: the core classes' (after the prelude). */
void mg_method_standins(RClass *c, const char *const *names, size_t n);
void mg_method_standins_core(void);

struct MethodEntry {
    ID name;            /* the name it was defined or aliased under */
    ID original_name;   /* the name of the definition (differs for aliases) */
    uint8_t kind;       /* MethodKind */
    uint8_t visibility; /* Visibility */
    uint16_t flags;
    RClass *owner;      /* class/module whose table holds it (for super and Method#owner) */
    union {
        struct { MgCFunc fn; int16_t min_args; int16_t max_args; /* -1 = unlimited */ } c;
        Value code;
        ID ivar;
        Value proc;
    } u;
};

extern uint64_t mg_method_serial;

/* Persistence hooks (set by store/code.c; NULL until then): a class or module
 * was just created (Class.new, class/module keyword, Struct.new); a method
 * entry was added to c's table (me NULL: removed); a constant was set in c
 * (v MG_UNDEF: removed). */
extern void (*mg_class_created_hook)(RClass *c);
extern void (*mg_method_defined_hook)(RClass *c, ID name, const MethodEntry *me, bool had);   /* had: c defined name before */
extern void (*mg_const_defined_hook)(RClass *c, ID name, Value v);
/* A class variable (cvar) or an instance variable of the class object itself
 * was set in c (v MG_UNDEF: removed). */
extern void (*mg_class_slot_hook)(RClass *c, ID name, Value v, bool cvar);
/* Where Ruby code is setting a constant: [file, line], or nil (the VM's,
 * once it runs programs); and the location recorded for name (found: it
 * is defined; nil: defined from C or before the hook). */
extern Value (*mg_const_location_hook)(void);
Value mg_const_location(RClass *c, ID name, bool inherit, bool *found);
/* A constant lookup missed in c: loads persistent code not read yet and
 * answers the constant (MG_UNDEF: still missing). Module#const_missing and
 * the class/module keywords call it. */
extern Value (*mg_const_miss_hook)(RClass *c, ID name);
/* Module m was included (prepend false) or prepended into c. */
extern void (*mg_module_included_hook)(RClass *c, RClass *m, bool prepend);
/* Fills an empty (unfaulted) T_CLASS/T_MODULE header decoded from the repository. */
void mg_class_fill(RClass *c, RClass *super, Value name);

/* Basic operators the VM computes inline for core classes (vm.c OPT_*
 * instructions). Once tracking is on (after boot), defining or removing a
 * method of that name in a core class they apply to, in one of its ancestors,
 * or in any module sets its bit for good, and the VM dispatches it normally. */
enum {
    BOP_PLUS = 1 << 0, BOP_MINUS = 1 << 1, BOP_MULT = 1 << 2, BOP_DIV = 1 << 3, BOP_MOD = 1 << 4,
    BOP_LT = 1 << 5, BOP_LE = 1 << 6, BOP_GT = 1 << 7, BOP_GE = 1 << 8, BOP_EQ = 1 << 9, BOP_NEQ = 1 << 10,
    BOP_LTLT = 1 << 11, BOP_AREF = 1 << 12, BOP_ASET = 1 << 13, BOP_AND = 1 << 14, BOP_OR = 1 << 15,
    BOP_XOR = 1 << 16, BOP_RSHIFT = 1 << 17, BOP_EQQ = 1 << 18, BOP_SIZE = 1 << 19,
    BOP_TO_S = 1 << 20,        /* Integer#to_s: interpolation formats a Fixnum itself (vm.c TOSTRING) */
    BOP_MAXMIN = 1 << 21,      /* Array#max, Array#min: [a, b].max compares a and b itself (vm.c OPT_NEWARRAY_MAXMIN) */
};
extern uint32_t mg_bop_redefined;
extern uint32_t mg_bop_real;     /* the operators programs redefined (mg_bop_redefined may add more) */
extern bool mg_bop_tracking;

/* ---- classes and modules ---- */
/* New named class under `outer` (NULL = Object); raises TypeError if the name
 * exists as a non-class or with another superclass. Returns the existing class
 * when it already exists with a compatible superclass (reopening). */
RClass *mg_define_class(const char *name, RClass *super);
RClass *mg_define_class_under(RClass *outer, const char *name, RClass *super);
RClass *mg_define_module(const char *name);
RClass *mg_define_module_under(RClass *outer, const char *name);
RClass *mg_class_new(RClass *super);            /* anonymous class, Class.new */
RClass *mg_module_new(void);                    /* anonymous module */
/* Name a class (first assignment to a constant names it): sets ext->name to
 * outer's path + "::" + name, or name alone when outer is Object. */
void    mg_class_set_name(RClass *c, RClass *outer, ID name);
Value   mg_class_name(RClass *c);               /* String or nil (anonymous) */
/* "Foo", "Foo::Bar", "#<Class:0x...>", "#<Class:Foo>" for singletons: Module#to_s. Returns a new String. */
Value   mg_class_path(RClass *c);
const char *mg_class_cname(RClass *c);          /* C string of mg_class_path (valid until next GC) */
RClass *mg_class_real(RClass *c);               /* skips singletons and iclasses */
RClass *mg_class_superclass(RClass *c);         /* Class#superclass: next real class or NULL */
RClass *mg_singleton_class(Value obj);          /* creates it if needed; TypeError for immediates other than nil/true/false */
bool    mg_class_inherits(RClass *c, RClass *ancestor);  /* c <= ancestor, modules included */
bool    mg_obj_is_kind_of(Value obj, RClass *c);
bool    mg_obj_is_instance_of(Value obj, RClass *c);
void    mg_include_module(RClass *c, RClass *m);  /* Module#include (skips if already included) */
void    mg_prepend_module(RClass *c, RClass *m);
void    mg_extend_object(Value obj, RClass *m);
Value   mg_class_ancestors(RClass *c);            /* Array of classes/modules */
/* Allocation function used by Class#new / allocate for instances of c and its subclasses. */
typedef Value (*MgAllocFunc)(RClass *klass);
void    mg_define_alloc_func(RClass *c, MgAllocFunc fn);
MgAllocFunc mg_get_alloc_func(RClass *c);
Value   mg_class_new_instance(RClass *c, int argc, const Value *argv, Value blk);  /* allocate + initialize */

/* ---- methods ---- */
void mg_define_method(RClass *c, const char *name, MgCFunc fn, int min_args, int max_args);
void mg_define_private_method(RClass *c, const char *name, MgCFunc fn, int min_args, int max_args);
void mg_define_singleton_method(Value obj, const char *name, MgCFunc fn, int min_args, int max_args);
void mg_define_module_function(RClass *m, const char *name, MgCFunc fn, int min_args, int max_args);
void mg_define_alias(RClass *c, const char *new_name, const char *old_name);

/* A core file's method table: {"name", fn, min, max}, or {"name", fn, min,
 * max, MEF_KW} for a method taking keywords; ends with {NULL}. */
typedef struct { const char *name; MgCFunc fn; int16_t min_args; int16_t max_args; uint16_t flags; } MgMethodDef;
void mg_define_methods(RClass *c, const MgMethodDef *defs);
void mg_define_singleton_methods(Value obj, const MgMethodDef *defs);
void mg_define_module_functions(RClass *m, const MgMethodDef *defs);   /* each as mg_define_module_function */

/* Low level: add an entry (copied) to c's table (c->origin's when prepended). */
MethodEntry *mg_method_add(RClass *c, ID name, const MethodEntry *me);
bool mg_method_remove(RClass *c, ID name);   /* remove_method; false if not defined in c */
void mg_method_undef(RClass *c, ID name);    /* undef_method: adds an ME_UNDEF entry */
bool mg_method_alias(RClass *c, ID new_name, ID old_name);  /* false if old not found */
bool mg_method_set_visibility(RClass *c, ID name, Visibility vis);  /* false if not found */

/* Lookup from klass up (NULL if missing or undefined). Cached. */
MethodEntry *mg_method_lookup(RClass *klass, ID name);
/* Lookup starting after `owner` in klass's chain (super). */
MethodEntry *mg_method_lookup_super(RClass *klass, RClass *owner, ID name);
/* Public-visibility check helper for respond_to?: true if found and (public or include_private). */
bool mg_respond_to(Value obj, ID name, bool include_private);

/* ---- constants ---- */
Value mg_const_get(RClass *c, ID name);        /* ancestors, then Object; raises NameError "uninitialized constant X" */
Value mg_const_lookup(RClass *c, ID name, bool inherit);  /* MG_UNDEF when absent */
Value mg_const_lookup_owner(RClass *c, ID name, RClass **owner);   /* inherited lookup; *owner: whose table holds it */
Value mg_const_get_at(RClass *c, ID name);      /* only c's own table; MG_UNDEF when absent */
void  mg_const_set(RClass *c, ID name, Value v);  /* names anonymous classes/modules */
bool  mg_const_defined(RClass *c, ID name, bool inherit);
Value mg_const_remove(RClass *c, ID name);      /* MG_UNDEF if absent */
/* A constant's visibility and deprecation (private_constant, deprecate_constant):
 * c's own entry; a removed constant loses them, a reassigned one keeps them. */
enum { CONST_PRIVATE = 1, CONST_DEPRECATED = 2 };
unsigned mg_const_flags(RClass *c, ID name);
void  mg_const_set_flags(RClass *c, ID name, unsigned flags);
void  mg_define_const(RClass *c, const char *name, Value v);
void  mg_define_global_const(const char *name, Value v);

/* ---- class variables ---- */
Value mg_cvar_get(RClass *c, ID name);          /* raises NameError "uninitialized class variable @@x in C" */
Value mg_cvar_lookup(RClass *c, ID name);       /* MG_UNDEF if absent */
void  mg_cvar_set(RClass *c, ID name, Value v); /* sets where defined in ancestors, else in c */
bool  mg_cvar_defined(RClass *c, ID name);

#endif
