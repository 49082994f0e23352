/* core.h -- the core library's shared C API: what one core class offers the
 * others and the VM. Each group is implemented in the file named beside it.
 * All functions may allocate and may raise unless noted. */
#ifndef MG_CORE_H
#define MG_CORE_H

#include "../vm/vm.h"
#include "../gc/gc.h"

/* Each core file ends with mg_init_<name>(); they are listed once in core.def
 * and called in that order after the object model bootstrap. */
#define CORE_INIT(name) void mg_init_##name(void);
#include "core.def"
#undef CORE_INIT
void mg_init_ids(void);    /* interns ids.def: first of all, before mg_init_object_model */
void mg_init_core(void);   /* calls them all (init.c), after mg_init_object_model */

/* ---- String (string.c) ---- */
Value mg_str_new(const char *p, size_t len);            /* UTF-8 */
Value mg_str_new_cstr(const char *s);
Value mg_str_new_enc(const char *p, size_t len, Encoding enc);
Value mg_str_buf_new(size_t capa);                      /* empty, with room */
Value mg_str_dup(Value s);
Value mg_str_cat(Value s, const char *p, size_t len);   /* appends in place; checks frozen; returns s */
Value mg_str_cat_cstr(Value s, const char *p);
Value mg_str_append(Value s, Value other);              /* s << other (String only) */
Value mg_str_catf(Value s, const char *fmt, ...) PRINTF(2, 3);
Value mg_sprintf(const char *fmt, ...) PRINTF(1, 2);    /* C printf into a new String */
Value mg_str_format(int argc, const Value *argv);        /* Kernel#format / String#%: argv[0] is the format */
const char *mg_str_cstr(Value s);                        /* NUL-terminated bytes (valid while s lives and is unchanged) */
static inline const char *mg_str_ptr(Value s) { MG_FAULT(s); return MG_RSTRING(s)->ptr; }
static inline int64_t mg_str_len(Value s) { MG_FAULT(s); return MG_RSTRING(s)->len; }
static inline Encoding mg_str_enc(Value s) { MG_FAULT(s); return (Encoding)MG_OBJ(s)->extra; }
Value mg_str_conv_enc(Value s, Encoding to);            /* s.encode(to) (transcode.c; raises its errors) */
Value mg_enc_chr(int64_t c, Value enc);                 /* Integer#chr(enc) for any encoding (encoding.c) */
unsigned mg_encoding_count(void);                      /* encodings.def lines: valid Encoding indexes are below it */
bool  mg_str_equal(Value a, Value b);                    /* same bytes (and compatible encodings) */
uint64_t mg_str_hash(Value s);
int   mg_str_cmp(Value a, Value b);
Value mg_str_inspect(Value s);                           /* "\"a\\n\"" as String#inspect */
Value mg_str_to_sym(Value s);
int64_t mg_str_char_len(Value s);                        /* length in characters */
Value mg_str_freeze(Value s);
/* The deduplicated frozen String equal to s (String#-@): s itself when it is
 * a frozen plain String not yet in the (weak) table, else a frozen copy. */
Value mg_str_fstring(Value s);
/* The same for the UTF-8 bytes p[0..len): allocates only when no such string is in the table. */
Value mg_str_fstring_utf8(const char *p, size_t len);
/* Implicit conversion: returns v if String, calls to_str if it responds, else TypeError "no implicit conversion of X into String". */
Value mg_to_str(Value v);
Value mg_check_string(Value v);                          /* to_str or nil, no error */
/* Before changing an RString's bytes or encoding directly: faults, checks frozen
 * (FrozenError), write barrier, drops the cached code range. */
void  mg_str_modify(Value s);
/* Array#pack (string_pack.c): packs ary by the template fmt into a new String. */
Value mg_pack(Value ary, Value fmt, Value buffer);   /* buffer: a String packed onto (as pack(buffer:)), or nil */

/* ---- Regexp / MatchData (re.c), Kernel#format (sprintf.c) ---- */
/* A Regexp for a literal: src[0..len) as written between the slashes, options
 * the NF_RE_* bits of parse/ast.h. Raises RegexpError (literals are compiled
 * once by the compiler, so this is not on a hot path). */
Value mg_regexp_new(const char *src, size_t len, int options);
/* A Regexp from a String source (Regexp.new); options are Regexp::IGNORECASE etc. */
Value mg_regexp_new_str(Value src, int options);
/* re =~ str from byte position pos: the MatchData or nil; sets the last match ($~). */
Value mg_reg_match(Value re, Value str, int64_t pos);
/* $~: the last MatchData or nil, kept in the caller's Ruby frame (vm/vm_ops.c). */
Value mg_backref_get(void);
void  mg_backref_set(Value md);
/* $1..$n of a MatchData (md may be nil: nil); n 0 is $&. */
Value mg_reg_nth_match(int n, Value md);
Value mg_reg_last_match(Value md);                       /* $& */
Value mg_reg_match_pre(Value md);                        /* $` */
Value mg_reg_match_post(Value md);                       /* $' */
Value mg_reg_match_last(Value md);                       /* $+ */

/* ---- Symbol (symbol_core.c) ---- */
Value mg_sym_to_s(Value sym);                            /* new String */
Value mg_sym_inspect(Value sym);                         /* ":foo", ":\"foo bar\"" */
/* The Symbol for a String/Symbol argument (method names): TypeError "x is not a symbol nor a string". */
ID    mg_to_id(Value v);
/* The Symbol of a String's bytes and encoding (String#to_sym); no checks. */
ID    mg_str_to_id(Value s);
ID    mg_sym_intern_enc(const char *p, size_t len, Encoding e);   /* String#to_sym's Symbol of those bytes in e */

/* ---- Integer / Float / Numeric (integer.c, bignum.c, float.c, numeric.c) ---- */
Value mg_int_new(int64_t n);                             /* fixnum or bignum */
Value mg_uint_new(uint64_t n);
Value mg_int_from_str(const char *digits, int base);     /* parse, bignum if needed; NULL-safe; for literals */
bool  mg_int_fits_long(Value v);
int64_t mg_num2long(Value v);                            /* Integer (RangeError "bignum too big to convert into `long'"), Float truncation, to_int; TypeError otherwise */
void  mg_class_modify_check(RClass *c);                 /* FrozenError "can't modify frozen class: X" when c is frozen */
int32_t mg_num2int(Value v);                             /* mg_num2long in int range (RangeError "integer N too big to convert to `int'") */
double mg_num2dbl(Value v);                              /* Integer, Float, Rational, Numeric#to_f; TypeError "can't convert X into Float" (nil too), as Math functions */
double mg_num2dbl_any(Value v);                          /* NUM2DBL: mg_num2dbl, to_f for other objects; "no implicit conversion to float from nil/string" */
double mg_num_str_to_float(Value str);                   /* Float("..."): strict; ArgumentError "invalid value for Float(): ..." */
Value mg_to_int(Value v);                                /* implicit: Integer, or to_int; TypeError "no implicit conversion of X into Integer" */
Value mg_int_to_s(Value v, int base);
char *mg_fix_dec(int64_t n, char *end);          /* n in decimal, written to end at the byte before end (24 bytes are room): its first byte */
Value mg_float_to_s(double d);                           /* CRuby's shortest round-trip formatting */
Value mg_num_coerce_bin(Value x, Value y, ID op);        /* Numeric coercion protocol: y.coerce(x) then call op */
Value mg_int_plus(Value a, Value b);                     /* fast paths used by the VM's opt_* instructions */
Value mg_int_minus(Value a, Value b);
Value mg_int_mul(Value a, Value b);
Value mg_int_div(Value a, Value b);                      /* floor division, ZeroDivisionError "divided by 0" */
Value mg_int_mod(Value a, Value b);
int   mg_int_cmp(Value a, Value b);                      /* both Integer */
bool  mg_int_equal(Value a, Value b);
uint64_t mg_int_hash(Value v);
Value mg_big_norm(Value big);                            /* bignum -> fixnum when it fits */
double mg_big_to_double(Value big);
Value mg_dbl_to_int(double d);                           /* truncation, bignum if needed; FloatDomainError for NaN/Infinity */
/* (numbers engineer's additions) */
/* mg_int_plus .. mg_int_mod: `a` must be an Integer, `b` may be anything (Float, coerce). */
Value mg_int_pow(Value a, Value b);                      /* a ** b, a Integer */
Value mg_float_plus(Value a, Value b);                   /* a Float, b anything */
Value mg_float_minus(Value a, Value b);
Value mg_float_mul(Value a, Value b);
Value mg_float_div(Value a, Value b);
int   mg_float_cmp_value(Value a, Value b, bool *unordered);  /* a Float, b Integer/Float: -1/0/1; *unordered for NaN */
uint64_t mg_float_hash(double d);                        /* equal floats (0.0, -0.0) hash equal */
/* Numeric coercion for comparisons: <=> gives nil, < <= > >= raise ArgumentError "comparison of X with Y failed" */
Value mg_num_coerce_cmp(Value x, Value y, ID op);
Value mg_num_coerce_relop(Value x, Value y, ID op);
/* String#to_i / Kernel#Integer parsing of p[0..len): base 2..36, or 0 = by prefix (0x 0b 0o 0d 0).
 * strict (Integer()): returns MG_NIL on invalid text; lax (to_i): stops at the first bad char.
 * Raises ArgumentError "invalid radix N" for a bad base. */
Value mg_str_to_inum(const char *p, size_t len, int base, bool strict);
/* Kernel#Integer(x) of one argument: may call to_int / to_i, raises as it does */
Value mg_integer_strict(Value x);
/* String#to_f / Kernel#Float parsing: strict sets *ok = false on invalid text (Float("1x")),
 * lax (to_f) parses the longest valid prefix, 0.0 if none. Never raises except for
 * ArgumentError "string for Float contains null byte" in strict mode. */
double mg_str_to_dbl(const char *p, size_t len, bool strict, bool *ok);
/* Rational / Complex constructors for the compiler's 3r / 2i literals and the core
 * (rational.c, complex.c): normalized; ZeroDivisionError for a zero denominator. */
Value mg_rational_new(Value num, Value den);
/* String#to_r / Kernel#Rational parsing ("1/3", "0.75", "1e2"): strict returns MG_NIL on
 * invalid text; lax (to_r) parses the longest valid prefix, (0/1) if none. */
Value mg_str_to_rational(const char *p, size_t len, bool strict);
Value mg_complex_new(Value re, Value im);
/* A uniformly random integer in [0, limit) (limit > 0) from rng (a Random) or the
 * default generator when rng is nil (Array#shuffle / #sample, random: keyword). */
Value mg_random_int(Value rng_or_nil, uint64_t limit);
/* A random double in [0, 1) from rng or the default generator. */
double mg_random_real(Value rng_or_nil);

/* ---- Array (array.c) ---- */
Value mg_ary_new(void);
Value mg_ary_new_capa(int64_t capa);
Value mg_ary_new_from(int64_t n, const Value *elts);
Value mg_ary_dup(Value a);
/* mg_ary_len and mg_ary_entry leave a lazy Array lazy (object.h); mg_ary_ptr
 * resolves every element first. */
Value mg_ary_entry_slow(Value a, int64_t i);
static inline int64_t
mg_ary_len(Value a)
{
    if (UNLIKELY(MG_OBJ(a)->flags & OF_UNFAULTED) && !mg_ary_lazy_p(MG_OBJ(a))) mg_fault_lazy_hook(MG_OBJ(a));
    return MG_RARRAY(a)->len;
}
static inline Value *mg_ary_ptr(Value a) { MG_FAULT(a); return MG_RARRAY(a)->ptr; }
/* a[i]: negative from the end; nil out of range. */
static inline Value
mg_ary_entry(Value a, int64_t i)
{
    if (UNLIKELY(MG_OBJ(a)->flags & OF_UNFAULTED)) return mg_ary_entry_slow(a, i);
    const RArray *r = MG_RARRAY(a);
    if (i < 0) i += r->len;
    if ((uint64_t)i >= (uint64_t)r->len) return MG_NIL;
    return r->ptr[i];
}
void  mg_ary_store(Value a, int64_t i, Value v);         /* extends with nils; IndexError for too-negative */
Value mg_ary_push(Value a, Value v);                     /* returns a */
Value mg_ary_pop(Value a);
Value mg_ary_shift(Value a);
void  mg_ary_unshift(Value a, Value v);
Value mg_ary_concat(Value a, Value b);                   /* appends b's elements; returns a */
Value mg_ary_join(Value a, Value sep);                   /* sep nil = "" */
Value mg_ary_inspect(Value a);
bool  mg_ary_includes(Value a, Value v);
/* Implicit conversion for splats and multiple assignment: Array, to_ary, else nil */
Value mg_check_array(Value v);
Value mg_to_ary(Value v);                                /* Array, to_ary, or TypeError */
Value mg_splat_to_a(Value v);                            /* *v: Array, to_a if responds, else [v]; nil -> [] */
/* Recursion guard (inspect, ==, hash of containers): calls fn(obj, arg, false), or
 * fn(obj, arg, true) when fn is already running for (tag, obj) further up the C
 * stack (the _paired form keys on (tag, obj, paired), for a == b). Raises what fn raises. */
Value mg_exec_recursive(Value (*fn)(Value obj, Value arg, bool recursive), Value obj, Value arg, ID tag);
Value mg_exec_recursive_paired(Value (*fn)(Value obj, Value arg, bool recursive),
                               Value obj, Value paired, Value arg, ID tag);
/* The guard's state is per fiber (so per thread), as in CRuby; vm/fiber.c
 * releases a fiber's with this. No allocation, NULL is fine. */
void  mg_rec_guard_free(void *guard);

/* ---- Hash (hash.c) ---- */
Value mg_hash_new(void);
Value mg_hash_new_capa(int64_t capa);
Value mg_hash_aref(Value h, Value key);                  /* h[key] including default / default_proc */
Value mg_hash_lookup(Value h, Value key);                /* MG_UNDEF when absent (no default) */
void  mg_hash_aset(Value h, Value key, Value v);         /* String keys are duped and frozen as in CRuby */
/* Stores r, what a to_h block returned, as a [key, value] pair: TypeError "wrong
 * element type nil (expected array)", ArgumentError unless it has 2 elements. Can
 * run Ruby code (to_ary, hash, eql?). */
void  mg_hash_aset_pair(Value h, Value r);
Value mg_hash_delete(Value h, Value key);                /* MG_UNDEF when absent */
int64_t mg_hash_size(Value h);
size_t  mg_hash_memsize(Value h);                        /* bytes of h's table (ObjectSpace.memsize_of) */
/* Iterate in insertion order: for (int64_t i = 0; mg_hash_next(h, &i, &k, &v); ) — safe against concurrent deletion */
bool  mg_hash_next(Value h, int64_t *iter, Value *key, Value *val);
/* The same, with the hash the table holds for the key (the store writes a
 * String key's, so that a reader need not read the key to place it); for
 * the store only: a lazy Hash's entries come as they are, lazy references
 * included (object.h) */
bool  mg_hash_next_hashed(Value h, int64_t *iter, Value *key, Value *val, uint64_t *hash);
/* Appends key => val under a hash the table held before (mg_hash_next_hashed):
 * no lookup and no #hash, so key is not faulted; the caller knows the key is new */
void  mg_hash_append_hashed(Value h, Value key, Value val, uint64_t hash);
/* Dense positions (hash.c's table design), deleted ones included: their
 * count, the entry at one (false: deleted), and a deleted one appended
 * (store/paged.c pages a big Hash by position; a reader rebuilds them). */
int64_t mg_hash_positions(Value h);
bool  mg_hash_at(Value h, int64_t pos, Value *key, Value *val, uint64_t *hash);
bool  mg_hash_append_hole(Value h);          /* false: no room reserved */
void  mg_hash_reserve(Value h, uint64_t n);
void  mg_hash_resolve_all(Value h);                      /* a lazy Hash (object.h) made ordinary: the store, when it faults */
void  mg_hash_relazify(Value h, Value (*fn)(Value));     /* each entry's key and value through fn (the store, under a cap) */              /* room for n entries: a table read from a record is sized once */
Value mg_hash_dup(Value h);
Value mg_hash_keys(Value h);
Value mg_hash_inspect(Value h);
Value mg_check_hash(Value v);                            /* Hash, to_hash, or nil */
Value mg_to_hash(Value v);
/* Generic object hashing and equality used by Hash keys (#hash / #eql? with fast paths).
 * mg_hash_value is not bit-mixed (a fixnum hashes to its own value): mix it before using low bits. */
uint64_t mg_hash_value(Value v);
bool  mg_eql(Value a, Value b);

/* ---- Range (range.c) ---- */
Value mg_range_new(Value beg, Value end, bool excl);
/* For Integer-ish ranges over a sequence of length len (Array#[] etc.): resolves begin/count.
 * err false: clamps the end, returns false when begin is out of range; err true (Array#[]=):
 * begin may lie past len, the end is not clamped, RangeError "1..2 out of range" for a too-negative begin. */
bool  mg_range_beg_len(Value range, int64_t len, int64_t *beg, int64_t *count, bool err);
/* The same from a range's parts, raising nothing: false when begin is out of range
 * (clamp true also when begin lies past len; it clamps the end to len). */
bool  mg_range_parts_beg_len(Value b, Value e, bool excl, int64_t len, int64_t *beg, int64_t *count, bool clamp);

/* ---- Object / Kernel (object_core.c, kernel.c) ---- */
/* An allocator that raises TypeError "allocator undefined for C": for classes
 * whose instances only C makes (their methods expect a C payload). */
Value mg_alloc_undefined(RClass *klass);
/* Removes C.new and C.allocate (NoMethodError / TypeError), as CRuby does for its value classes. */
void  mg_undef_new(RClass *c);
Value mg_inspect(Value v);                               /* v.inspect as a String (always a String) */
Value mg_to_s(Value v);                                  /* v.to_s as a String (falls back to the default when to_s returns a non-String) */
Value mg_any_to_s(Value v);                              /* the default "#<Foo>" / "#<Foo:0x...>" form */
Value mg_obj_inspect_default(Value v);                   /* "#<Foo ivars...>" */
bool  mg_equal(Value a, Value b);                        /* a == b with fast paths */
Value mg_obj_dup(Value v);
Value mg_obj_clone(Value v, bool freeze);
/* The rest of a dup or clone after r, v's body copy, is made (by copy_body, or by
 * the own #dup/#clone of a class without an allocator: Proc, Method, Binding):
 * copies the ivars, for a clone the singleton methods and (freeze) the frozen
 * state, and runs initialize_dup / initialize_clone when redefined. Returns r. */
Value mg_obj_copy_finish(Value r, Value v, bool clone, bool freeze);
Value mg_obj_freeze(Value v);
/* An UnboundMethod's owner and the name it was taken by (store/code.c's
 * recipes); false for anything else (proc.c). */
bool  mg_unbound_method_parts(Value v, RClass **owner, ID *name);
/* Output used by puts/print/p (goes through $stdout when it is not the real stdout). */
void  mg_io_write(Value io, const char *p, size_t len);
Value mg_stdout(void);
Value mg_stderr(void);
void  mg_puts_value(Value io, Value v);                  /* IO#puts semantics for one argument (arrays flattened, newline added) */
/* Comparison helper for sort/min/max: calls <=>, ArgumentError "comparison of X with Y failed" when nil. */
int   mg_cmp(Value a, Value b);
/* The sign of a <=> result c (Integer, or anything answering > 0 / < 0); nil raises mg_cmperr(a, b). (comparable.c) */
int   mg_cmpint(Value c, Value a, Value b);
/* [p[0], ... p[n-1]].max (sign 1) or .min (-1), n >= 1, as CRuby's
 * opt_newarray_max compares: v <=> best for each later v. p must stay valid
 * and marked while <=> runs (the VM stack). May call Ruby, may raise. */
Value mg_values_extreme(const Value *p, int64_t n, int sign);
NORETURN void mg_cmperr(Value a, Value b);              /* ArgumentError "comparison of Foo with 1 failed" */
/* Keyword arguments of a C method: returns the kwargs Hash and decrements *argc when the call
 * passed keywords, else nil. mg_kwargs_get reads names[0..n) into out (MG_UNDEF when absent) and
 * raises ArgumentError "unknown keyword: :x" for any other key; kw may be nil. */
Value mg_kwargs_split(int *argc, const Value *argv);
void  mg_kwargs_get(Value kw, const char *const *names, int n, Value *out);
bool  mg_ident_valid(const char *s, size_t len);        /* [A-Za-z_\x80-][A-Za-z0-9_\x80-]* */
Value mg_main_object_new(void);                          /* the top-level self: an Object whose to_s/inspect is "main" */
/* Method lists for Kernel#methods / Module#instance_methods: symbols of methods reachable from klass
 * whose visibility bit (1 << Visibility) is in mask; stop_after_real = own class only. */
Value mg_collect_methods(RClass *klass, int mask, bool stop_after_real);
Value mg_mod_dup(Value mod);                             /* Module#dup / Class#dup body copy (module.c) */
void  mg_mod_copy_methods(RClass *dst, RClass *src, bool singleton);   /* src's methods (or class methods) into dst */
ID    mg_mod_const_id(Value self, Value name);   /* a constant name (TypeError, NameError): can raise */
/* Calls c.method_added(name), or obj.singleton_method_added(name) for a singleton class,
 * when the hook is not the default no-op (module.c). Call after defining a method. */
void  mg_call_method_added(RClass *c, ID name);
/* IO (io.c): flush every buffered output stream; the VM calls it at exit and before fork/exec. */
void  mg_io_flush_all(void);
/* $. (io.c): set by every line read (IO, StringIO, ARGF). No allocation. */
void  mg_io_set_last_lineno(int64_t n);
/* IO (io.c) for IO subclasses made in C (sockets): mg_io_attach_fd gives an allocated, not yet
 * opened IO its descriptor (read-write, binary, sync; writes and reads wait through the thread
 * scheduler when fd is non-blocking); mg_io_fd is the descriptor of an open IO (IOError when closed). */
void  mg_io_attach_fd(Value io, int fd);
int   mg_io_fd(Value io);
int64_t mg_io_buffered(Value io);                        /* bytes read ahead in io's buffer (0 for a non-IO) */

/* Yield from a loop that discards the block's value (each, times, upto ...):
 * what the block allocated leaves the arena at once, so a long loop does not
 * keep every temporary of every iteration alive until the C method returns. */
static inline void
mg_yield1_discard(Value blk, Value arg)
{
    size_t level = mg_gc_arena_save();
    mg_yield1(blk, arg);
    mg_gc_arena_restore(level);
}

/* ---- Enumerable / Enumerator (enum.c, enumerator.c) ---- */
/* An enumerator for obj.meth(*args) (what `each` returns without a block). */
Value mg_enumerator_new(Value obj, ID meth, int argc, const Value *argv);
/* Sets what Enumerator#size answers: a value, or a Proc called with the enumerator's arguments. */
void  mg_enumerator_set_size(Value e, Value size);
/* Enumerator::ArithmeticSequence (arith_seq.c) for recv.meth(*argv) without a block:
 * begin, end (nil = endless), step, exclude_end?. */
Value mg_arith_seq_new(Value recv, ID meth, int argc, const Value *argv, Value beg, Value end, Value step, bool excl);
/* For Array#[] with an arithmetic sequence over len elements: false when v is none;
 * else *ok false (the slice is nil) or the begin, count and step (which may be
 * negative: walk count elements from the top). RangeError when a step beyond +-1
 * reaches out of the array. Can run Ruby code (to_int of the parts). */
bool  mg_arith_seq_beg_len_step(Value v, int64_t len, int64_t *beg, int64_t *count, int64_t *step, bool *ok);
#define MG_RETURN_ENUMERATOR(self, name, argc, argv, blk) \
    do { if (!mg_block_given(blk)) return mg_enumerator_new((self), mg_intern_cstr(name), (argc), (argv)); } while (0)

/* ---- green threads (thread.c) ---- */
/* The running Thread object (nil before threads exist). No allocation. */
Value mg_thread_current(void);
/* Before a blocking read/write of fd: lets the other threads run until fd is
 * ready (returns at once when only one thread lives). May raise (Thread#raise). */
void  mg_thread_wait_fd(int fd, bool write);
/* poll(2) that lets the other threads run meanwhile: waits until one of fds is
 * ready (revents set, returns true) or timeout seconds pass (< 0: forever;
 * returns false). EINTR is retried after mg_vm_checkpoint. May raise. */
struct pollfd;
bool  mg_thread_poll(struct pollfd *fds, int nfds, double timeout);
/* Kernel#sleep with other threads alive: sleeps this thread only (secs < 0:
 * forever) and returns true; false (nothing done) when it is the only thread. */
bool  mg_thread_sleep(double secs);
/* Sleeps secs, letting other threads run (mg_thread_sleep) or, alone, in
 * nanosleep with signals handled (Kernel#sleep with a duration). */
void  mg_sleep(double secs);
/* Signals (process.c): mg_vm_checkpoint runs the Ruby handlers of signals that
 * arrived (Signal.trap; Interrupt for INT); may raise. The child of a fork calls
 * mg_process_after_fork. */
void  mg_signal_checkpoint(void);
void  mg_process_after_fork(void);
/* A signal arrived whose handler has not run yet; the read end of the pipe
 * the signal handler writes to (include it in a poll to wake on signals; -1
 * when there is none); mg_signal_wake_drain empties it. mg_thread_main_p:
 * the main thread is the one running (true before threads exist). */
bool  mg_signal_pending(void);
int   mg_signal_wake_fd(void);
void  mg_signal_wake_drain(void);
bool  mg_thread_main_p(void);
/* IO.popen (process.c): runs a command given as system's arguments with its
 * stdin/stdout on in_fd/out_fd (-1: inherited); raises when it cannot start.
 * mg_process_wait waits for a child, sets $? and returns the wait status. */
int   mg_process_spawn(Value env, int argc, const Value *argv, int in_fd, int out_fd);
int   mg_process_spawn_opts(Value env, int argc, const Value *argv, int in_fd, int out_fd, Value opts);
int   mg_process_wait(int pid);
/* Called by mg_vm_checkpoint: switch threads when the timeslice is over. */
void  mg_vm_thread_checkpoint(void);

/* ---- Exception (exception.c) ---- */
Value mg_exc_backtrace(Value exc);                       /* Array of String or nil */
void  mg_exc_set_backtrace(Value exc, Value bt);         /* bt: Array of String or nil; no checks */
Value mg_exc_cause(Value exc);
void  mg_exc_set_cause(Value exc, Value cause);
/* exc.full_message(highlight:, order:) as CRuby 3.1 prints an uncaught exception (with causes). */
Value mg_exc_full_message(Value exc, bool highlight, bool reverse);
/* Exceptions with their extra fields set (NameError#name/#receiver, NoMethodError#args,
 * KeyError#key/#receiver, FrozenError#receiver, StopIteration#result). recv MG_UNDEF = none. */
Value mg_name_error_new(RClass *cls, Value msg, Value recv, ID name);
Value mg_nomethod_error_new(Value msg, Value recv, ID name, Value args, bool private_call);
Value mg_key_error_new(Value msg, Value recv, Value key);
Value mg_frozen_error_new(Value msg, Value recv);
Value mg_stop_iteration_new(Value msg, Value result);
/* SystemCallError for errno `err`: the Errno::XXX class (SystemCallError when unknown) with message
 * "<strerror> @ <func> - <detail>" (func may be NULL: "<strerror> - <detail>"; detail may be NULL). */
Value mg_syserr_new(int err, const char *func, const char *detail);
NORETURN void mg_raise_syserr(int err, const char *func, const char *detail);
RClass *mg_errno_class(int err);                         /* Errno::XXX or NULL */
/* The Errno classes in their fixed order (store/txn.c's well-known OOPs): count, and entry i or NULL. */
size_t mg_errno_class_count(void);
RClass *mg_errno_class_at(size_t i);
/* Thread::Backtrace::Location objects for an Array of "path:line:in `label'" Strings (nil -> nil). */
Value mg_backtrace_locations(Value bt);
/* The part of backtrace bt (level 0 first) that Kernel#caller / Thread#backtrace
 * arguments ask for: (start = def_start, length = all) or (range); nil when start
 * lies past the end; ArgumentError "negative level (-1)" / "negative size (-1)".
 * (kernel.c) */
Value mg_backtrace_select(Value bt, int argc, const Value *argv, int64_t def_start);
/* rb_warn for C methods: "file:line: warning: <msg>\n" (the calling Ruby line)
 * through Warning.warn, unless $VERBOSE is nil or category ("deprecated",
 * NULL for none) is switched off. (kernel.c) */
void  mg_warn_caller(const char *category, const char *fmt, ...) PRINTF(2, 3);
/* Records $0 as the program starts, for Process.argv0 (process.c). */
void  mg_process_set_argv0(const char *name);
Value mg_process_argv0(void);                            /* $0 as the program started (a String, or nil before) */

/* Frequently used symbols, interned at start-up (init.c): mg_id_initialize etc.
 * Listed once in ids.def. */
#define ID_DEF(var, str) extern ID mg_id_##var;
#include "ids.def"
#undef ID_DEF

#endif
