/* exception.c -- the methods of the Exception hierarchy (the classes come from
 * object/coreclasses.def), Errno::*, and the C API that builds exceptions
 * (mg_exc_new*, full_message formatting as CRuby 3.1's error printer).
 * Fields live in hidden ivars (names without '@'), so instance_variables stays empty. */
#include "core.h"
#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <unistd.h>

static ID id_name, id_recv, id_args, id_priv, id_key, id_result, id_status, id_tag, id_value,
          id_errno, id_signo, id_Errno, id_full_message, id_reason, id_exit_value;

/* ---- building exceptions ---- */

static Value exc_initialize(Value self, int argc, const Value *argv, Value blk);

static Value
vformat(const char *fmt, va_list ap)
{
    char buf[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof buf) {
        va_end(ap2);
        return mg_str_new(buf, (size_t)n);
    }
    char *p = mg_malloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    Value s = mg_str_new(p, (size_t)n);
    mg_free(p, (size_t)n + 1);
    return s;
}

Value
mg_exc_new_str(RClass *cls, Value msg)
{
    MethodEntry *me = mg_method_lookup(cls, mg_id_initialize);
    if (me && me->kind == ME_CFUNC && me->u.c.fn == exc_initialize) {
        Value e = mg_get_alloc_func(cls)(cls);
        mg_ivar_set(e, mg_id_mesg, msg);
        return e;
    }
    return mg_class_new_instance(cls, msg == MG_NIL ? 0 : 1, &msg, MG_NIL);
}

Value
mg_exc_new(RClass *cls, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Value msg = vformat(fmt, ap);
    va_end(ap);
    return mg_exc_new_str(cls, msg);
}

Value
mg_exc_message(Value exc)
{
    return mg_funcall(exc, mg_id_message, 0, NULL);
}

Value
mg_exc_backtrace(Value exc)
{
    return mg_ivar_get(exc, mg_id_bt);
}

void
mg_exc_set_backtrace(Value exc, Value bt)
{
    mg_ivar_set(exc, mg_id_bt, bt);
}

Value
mg_exc_cause(Value exc)
{
    return mg_ivar_get(exc, mg_id_cause);
}

void
mg_exc_set_cause(Value exc, Value cause)
{
    mg_ivar_set(exc, mg_id_cause, cause);
}

Value
mg_name_error_new(RClass *cls, Value msg, Value recv, ID name)
{
    Value e = mg_exc_new_str(cls, msg);
    mg_ivar_set(e, id_name, name ? MG_SYM(name) : MG_NIL);
    if (recv != MG_UNDEF) mg_ivar_set(e, id_recv, recv);
    return e;
}

Value
mg_nomethod_error_new(Value msg, Value recv, ID name, Value args, bool private_call)
{
    Value e = mg_name_error_new(mg_eNoMethodError, msg, recv, name);
    mg_ivar_set(e, id_args, args == MG_NIL ? mg_ary_new() : args);
    mg_ivar_set(e, id_priv, MG_BOOL(private_call));
    return e;
}

Value
mg_key_error_new(Value msg, Value recv, Value key)
{
    Value e = mg_exc_new_str(mg_eKeyError, msg);
    if (recv != MG_UNDEF) mg_ivar_set(e, id_recv, recv);
    if (key != MG_UNDEF) mg_ivar_set(e, id_key, key);
    return e;
}

Value
mg_frozen_error_new(Value msg, Value recv)
{
    Value e = mg_exc_new_str(mg_eFrozenError, msg);
    if (recv != MG_UNDEF) mg_ivar_set(e, id_recv, recv);
    return e;
}

Value
mg_stop_iteration_new(Value msg, Value result)
{
    Value e = mg_exc_new_str(mg_eStopIteration, msg);
    mg_ivar_set(e, id_result, result);
    return e;
}

/* ---- Errno ---- */

typedef struct { int err; const char *name; } ErrnoDef;
static const ErrnoDef errno_defs[] = {
#define E(n) { n, #n },
#include "errnos.def"
#undef E
};

#define ERRNO_MAX 256
static RClass *errno_classes[ERRNO_MAX];
static RClass *errno_def_class[ARRAY_LEN(errno_defs)];   /* the class each entry made (NULL: an alias) */

RClass *
mg_errno_class(int err)
{
    if (err < 0 || err >= ERRNO_MAX) return NULL;
    return errno_classes[err];
}

/* "<strerror>[ @ func][ - detail]" */
static Value
syserr_message(int err, bool known, const char *func, Value detail)
{
    Value m;
    if (!known) {
        m = mg_str_new_cstr("unknown error");
    } else {
        char buf[128];
        const char *s = strerror_r(err, buf, sizeof buf);
        m = mg_str_new_cstr(s);
    }
    if (func) {
        mg_str_cat_cstr(m, " @ ");
        mg_str_cat_cstr(m, func);
    }
    if (detail != MG_NIL) {
        mg_str_cat(m, " - ", 3);
        mg_str_append(m, detail);
    }
    return m;
}

Value
mg_syserr_new(int err, const char *func, const char *detail)
{
    RClass *cls = mg_errno_class(err);
    Value d = detail ? mg_str_new_cstr(detail) : MG_NIL;
    Value msg = syserr_message(err, true, func, d);
    Value e = mg_get_alloc_func(cls ? cls : mg_eSystemCallError)(cls ? cls : mg_eSystemCallError);
    mg_ivar_set(e, mg_id_mesg, msg);
    mg_ivar_set(e, id_errno, MG_FIX(err));
    return e;
}

void
mg_raise_syserr(int err, const char *func, const char *detail)
{
    mg_raise_exc(mg_syserr_new(err, func, detail));
}

/* ---- Exception ---- */

static Value
exc_initialize(Value self, int argc, const Value *argv, Value blk)
{
    mg_ivar_set(self, mg_id_mesg, argc > 0 ? argv[0] : MG_NIL);
    return MG_NIL;
}

static Value
exc_s_exception(Value self, int argc, const Value *argv, Value blk)
{
    return mg_class_new_instance(MG_RCLASS(self), argc, argv, blk);
}

static Value
exc_s_to_tty_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(isatty(2));
}

static Value
exc_exception(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 0 || argv[0] == self) return self;
    Value e = mg_obj_clone(self, true);
    mg_ivar_set(e, mg_id_mesg, argv[0]);
    return e;
}

static Value
class_name_of(Value self)
{
    return mg_class_path(mg_obj_class(self));
}

static Value
exc_to_s(Value self, int argc, const Value *argv, Value blk)
{
    Value m = mg_ivar_get(self, mg_id_mesg);
    if (m == MG_NIL) return class_name_of(self);
    if (MG_IS_STRING(m)) return m;
    return mg_to_s(m);
}

static Value
exc_message(Value self, int argc, const Value *argv, Value blk)
{
    return mg_to_s(self);
}

static Value
exc_inspect(Value self, int argc, const Value *argv, Value blk)
{
    Value klass = class_name_of(self);
    Value s = mg_to_s(self);
    if (mg_str_len(s) == 0) return klass;
    Value r = mg_str_new("#<", 2);
    mg_str_append(r, klass);
    mg_str_cat(r, ": ", 2);
    mg_str_append(r, s);
    mg_str_cat(r, ">", 1);
    return r;
}

static Value
exc_eq(Value self, int argc, const Value *argv, Value blk)
{
    Value o = argv[0];
    if (self == o) return MG_TRUE;
    if (mg_obj_class(self) != mg_obj_class(o)) return MG_FALSE;
    if (!mg_equal(mg_funcall(self, mg_id_message, 0, NULL), mg_funcall(o, mg_id_message, 0, NULL))) return MG_FALSE;
    return MG_BOOL(mg_equal(mg_funcall(self, mg_id_backtrace, 0, NULL), mg_funcall(o, mg_id_backtrace, 0, NULL)));
}

static Value
exc_backtrace(Value self, int argc, const Value *argv, Value blk)
{
    return mg_exc_backtrace(self);
}

static Value
exc_set_backtrace(Value self, int argc, const Value *argv, Value blk)
{
    Value bt = argv[0];
    if (MG_IS_STRING(bt)) {
        bt = mg_ary_new_from(1, &bt);
    } else if (bt != MG_NIL) {
        bool ok = MG_IS_ARRAY(bt);
        for (int64_t i = 0; ok && i < mg_ary_len(bt); i++)
            if (!MG_IS_STRING(mg_ary_entry(bt, i))) ok = false;
        if (!ok) mg_raise(mg_eTypeError, "backtrace must be Array of String");
    }
    mg_exc_set_backtrace(self, bt);
    return bt;
}

/* ---- Thread::Backtrace::Location: a parsed "path:line:in `label'" string ---- */

static RClass *cLocation;
static ID id_loc;

Value
mg_backtrace_locations(Value bt)
{
    if (!MG_IS_ARRAY(bt)) return MG_NIL;
    int64_t n = mg_ary_len(bt);
    Value out = mg_ary_new_capa(n);
    for (int64_t i = 0; i < n; i++) {
        Value loc = mg_obj_alloc(cLocation);
        mg_ivar_set(loc, id_loc, mg_ary_entry(bt, i));
        mg_ary_push(out, loc);
    }
    return out;
}

/* Splits the location string: path [p, plen), line number, label [l, llen) (NULL when absent). */
static void
loc_parse(Value self, const char **p, size_t *plen, int64_t *line, const char **l, size_t *llen)
{
    Value s = mg_ivar_get(self, id_loc);
    if (!MG_IS_STRING(s)) s = mg_str_new("", 0);
    const char *str = mg_str_ptr(s);
    size_t n = (size_t)mg_str_len(s);
    const char *in = NULL;
    for (const char *q = str; (q = strstr(q, ":in `")) != NULL; q++) in = q;
    size_t head = in ? (size_t)(in - str) : n;
    *l = NULL;
    *llen = 0;
    if (in) {
        *l = in + 5;
        *llen = n - head - 5;
        if (*llen > 0 && (*l)[*llen - 1] == '\'') (*llen)--;
    }
    const char *colon = NULL;
    for (size_t i = head; i > 0; i--)
        if (str[i - 1] == ':') {
            colon = str + i - 1;
            break;
        }
    *line = 0;
    if (colon) {
        *p = str;
        *plen = (size_t)(colon - str);
        *line = strtoll(colon + 1, NULL, 10);
    } else {
        *p = str;
        *plen = head;
    }
}

static Value
loc_to_s(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_ivar_get(self, id_loc);
    return MG_IS_STRING(s) ? mg_str_dup(s) : mg_str_new("", 0);
}

static Value
loc_inspect(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_inspect(loc_to_s(self, 0, NULL, MG_NIL));
}

static Value
loc_path(Value self, int argc, const Value *argv, Value blk)
{
    const char *p, *l;
    size_t plen, llen;
    int64_t line;
    loc_parse(self, &p, &plen, &line, &l, &llen);
    return mg_str_new(p, plen);
}

static Value
loc_absolute_path(Value self, int argc, const Value *argv, Value blk)
{
    Value path = loc_path(self, 0, NULL, MG_NIL);
    const char *p = mg_str_cstr(path);
    if (!strcmp(p, "-e") || !strcmp(p, "-") || p[0] == '(') return MG_NIL;
    return mg_funcall(MG_VAL(mg_cFile), mg_intern_cstr("expand_path"), 1, &path);
}

static Value
loc_lineno(Value self, int argc, const Value *argv, Value blk)
{
    const char *p, *l;
    size_t plen, llen;
    int64_t line;
    loc_parse(self, &p, &plen, &line, &l, &llen);
    return MG_FIX(line);
}

static Value
loc_label(Value self, int argc, const Value *argv, Value blk)
{
    const char *p, *l;
    size_t plen, llen;
    int64_t line;
    loc_parse(self, &p, &plen, &line, &l, &llen);
    return l ? mg_str_new(l, llen) : MG_NIL;
}

/* "block in foo" -> "foo", "rescue in <main>" -> "<main>" */
static Value
loc_base_label(Value self, int argc, const Value *argv, Value blk)
{
    const char *p, *l;
    size_t plen, llen;
    int64_t line;
    loc_parse(self, &p, &plen, &line, &l, &llen);
    if (!l) return MG_NIL;
    for (;;) {
        const char *in = NULL;
        for (size_t i = 0; i + 4 <= llen; i++)
            if (memcmp(l + i, " in ", 4) == 0) {
                in = l + i;
                break;
            }
        if (!in) break;
        llen -= (size_t)(in + 4 - l);
        l = in + 4;
    }
    return mg_str_new(l, llen);
}

static Value
exc_backtrace_locations(Value self, int argc, const Value *argv, Value blk)
{
    return mg_backtrace_locations(mg_exc_backtrace(self));
}

static Value
exc_cause(Value self, int argc, const Value *argv, Value blk)
{
    return mg_exc_cause(self);
}

/* ---- full_message ---- */

#define HL_BOLD      "\033[1m"
#define HL_UNDERLINE "\033[1;4m"
#define HL_RESET     "\033[m"

#define TRACE_HEAD 8
#define TRACE_TAIL 5
#define TRACE_MAX (TRACE_HEAD + TRACE_TAIL + 5)

static bool
ends_with_nl(Value s)
{
    int64_t n = mg_str_len(s);
    return n > 0 && mg_str_ptr(s)[n - 1] == '\n';
}

/* The "file:line:in `m': message (Class)" part, CRuby's layout for multi-line messages. */
static void
write_error_line(Value out, Value exc, Value bt, bool hl)
{
    Value pos = MG_NIL;
    if (MG_IS_ARRAY(bt) && mg_ary_len(bt) > 0) pos = mg_ary_entry(bt, 0);
    if (pos == MG_NIL) {
        Value cur = mg_backtrace(0);
        if (MG_IS_ARRAY(cur) && mg_ary_len(cur) > 0) pos = mg_ary_entry(cur, 0);
    }
    if (pos == MG_NIL) pos = mg_process_argv0();   /* outside any frame (the top-level report): the script, as CRuby */
    if (MG_IS_STRING(pos)) {
        mg_str_append(out, pos);
        mg_str_cat(out, ": ", 2);
    }
    Value msg = mg_funcall(exc, mg_id_message, 0, NULL);
    const char *m = "";
    int64_t mlen = 0;
    if (MG_IS_STRING(msg)) {
        m = mg_str_ptr(msg);
        mlen = mg_str_len(msg);
    }
    RClass *cls = mg_obj_class(exc);
    if (mlen == 0) {
        if (hl) mg_str_cat_cstr(out, HL_UNDERLINE);
        if (cls == mg_eRuntimeError) mg_str_cat_cstr(out, "unhandled exception");
        else mg_str_append(out, mg_class_path(cls));
        if (hl) mg_str_cat_cstr(out, HL_RESET);
        mg_str_cat(out, "\n", 1);
        return;
    }
    Value path = mg_class_path(cls);
    bool show_path = mg_str_ptr(path)[0] != '#';
    const char *nl = memchr(m, '\n', (size_t)mlen);
    size_t first = nl ? (size_t)(nl - m) : (size_t)mlen;
    if (hl) mg_str_cat_cstr(out, HL_BOLD);
    mg_str_cat(out, m, first);
    if (show_path) {
        mg_str_cat(out, " (", 2);
        if (hl) mg_str_cat_cstr(out, HL_UNDERLINE);
        mg_str_append(out, path);
        if (hl) mg_str_cat_cstr(out, HL_RESET HL_BOLD);
        mg_str_cat(out, ")", 1);
        if (hl) mg_str_cat_cstr(out, HL_RESET);
    }
    if (nl) {
        const char *tail = nl + 1, *end = m + mlen;
        if (show_path) mg_str_cat(out, "\n", 1);
        if (!hl) {
            mg_str_cat(out, tail, (size_t)(end - tail));
        } else {
            while (tail < end) {
                const char *e = memchr(tail, '\n', (size_t)(end - tail));
                const char *le = e ? e : end;
                if (le > tail) {
                    mg_str_cat_cstr(out, HL_BOLD);
                    mg_str_cat(out, tail, (size_t)(le - tail));
                    mg_str_cat_cstr(out, HL_RESET);
                }
                mg_str_cat(out, "\n", 1);
                tail = e ? e + 1 : end;
            }
        }
    }
    if (!ends_with_nl(out)) mg_str_cat(out, "\n", 1);
}

static int
num_width(int64_t n)
{
    int w = 1;
    while (n >= 10) {
        n /= 10;
        w++;
    }
    return w;
}

static void
write_backtrace(Value out, Value exc, Value bt, bool reverse)
{
    if (!MG_IS_ARRAY(bt)) return;
    int64_t len = mg_ary_len(bt);
    if (reverse) {
        int w = num_width(len - 1);
        for (int64_t i = len - 1; i >= 1; i--) {
            Value line = mg_ary_entry(bt, i);
            if (!MG_IS_STRING(line)) continue;
            mg_str_catf(out, "\t%*lld: from ", w, (long long)i);
            mg_str_append(out, line);
            mg_str_cat(out, "\n", 1);
        }
        return;
    }
    bool truncate = len > TRACE_MAX && mg_obj_is_kind_of(exc, mg_eSystemStackError);
    for (int64_t i = 1; i < len; i++) {
        Value line = mg_ary_entry(bt, i);
        if (MG_IS_STRING(line)) {
            mg_str_cat(out, "\tfrom ", 6);
            mg_str_append(out, line);
            mg_str_cat(out, "\n", 1);
        }
        if (truncate && i == TRACE_HEAD) {
            mg_str_catf(out, "\t ... %lld levels...\n", (long long)(len - TRACE_HEAD - TRACE_TAIL));
            i = len - TRACE_TAIL;
        }
    }
}

static bool
shown(Value seen, Value exc)
{
    for (int64_t i = 0; i < mg_ary_len(seen); i++)
        if (mg_ary_entry(seen, i) == exc) return true;
    return false;
}

static void
write_exc(Value out, Value exc, bool hl, bool reverse, Value seen)
{
    mg_ary_push(seen, exc);
    Value bt = mg_funcall(exc, mg_id_backtrace, 0, NULL);
    Value cause = mg_exc_cause(exc);
    bool has_cause = cause != MG_NIL && mg_obj_is_kind_of(cause, mg_eException) && !shown(seen, cause);
    if (reverse) {
        if (has_cause) write_exc(out, cause, hl, reverse, seen);
        write_backtrace(out, exc, bt, true);
        write_error_line(out, exc, bt, hl);
    } else {
        write_error_line(out, exc, bt, hl);
        write_backtrace(out, exc, bt, false);
        if (has_cause) write_exc(out, cause, hl, reverse, seen);
    }
}

Value
mg_exc_full_message(Value exc, bool highlight, bool reverse)
{
    Value out = mg_str_buf_new(128);
    if (reverse) {
        if (highlight) mg_str_cat_cstr(out, HL_BOLD "Traceback" HL_RESET " (most recent call last):\n");
        else mg_str_cat_cstr(out, "Traceback (most recent call last):\n");
    }
    write_exc(out, exc, highlight, reverse, mg_ary_new());
    return out;
}

static Value
exc_full_message(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc > 0) mg_raise_argc(argc, 0, 0);
    static const char *const names[] = { "highlight", "order" };
    Value opt[2];
    mg_kwargs_get(kw, names, 2, opt);
    bool hl;
    if (opt[0] == MG_UNDEF || opt[0] == MG_NIL) hl = isatty(2);
    else if (opt[0] == MG_TRUE || opt[0] == MG_FALSE) hl = opt[0] == MG_TRUE;
    else mg_raise(mg_eArgumentError, "expected true or false as highlight: %s", mg_str_cstr(mg_inspect(opt[0])));
    bool rev = false;
    if (opt[1] == MG_UNDEF || opt[1] == MG_NIL || opt[1] == mg_sym("top")) rev = false;
    else if (opt[1] == mg_sym("bottom")) rev = true;
    else mg_raise(mg_eArgumentError, "expected :top or :bottom as order: %s", mg_str_cstr(mg_inspect(opt[1])));
    return mg_exc_full_message(self, hl, rev);
}

/* ---- subclasses ---- */

static Value
hidden_or_err(Value self, ID id, const char *what)
{
    Value v = mg_ivar_lookup(self, id);
    if (v == MG_UNDEF) mg_raise(mg_eArgumentError, "no %s is available", what);
    return v;
}

/* NameError.new(msg = nil, name = nil, receiver: nil) */
static Value
name_err_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc > 2) mg_raise_argc(argc, 0, 2);
    static const char *const names[] = { "receiver" };
    Value recv;
    mg_kwargs_get(kw, names, 1, &recv);
    mg_ivar_set(self, mg_id_mesg, argc > 0 ? argv[0] : MG_NIL);
    mg_ivar_set(self, id_name, argc > 1 ? argv[1] : MG_NIL);
    if (recv != MG_UNDEF) mg_ivar_set(self, id_recv, recv);
    return MG_NIL;
}

static Value
name_err_name(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, id_name);
}

static Value
err_receiver(Value self, int argc, const Value *argv, Value blk)
{
    return hidden_or_err(self, id_recv, "receiver");
}

static Value
name_err_local_variables(Value self, int argc, const Value *argv, Value blk)
{
    Value v = mg_ivar_lookup(self, mg_intern_cstr("local_variables"));
    if (MG_IS_TYPE(v, T_ARRAY)) return mg_ary_dup(v);
    return mg_ary_new();
}

/* NoMethodError.new(msg = nil, name = nil, args = [], priv = false, receiver: nil) */
static Value
nomethod_err_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc > 4) mg_raise_argc(argc, 0, 4);
    static const char *const names[] = { "receiver" };
    Value recv;
    mg_kwargs_get(kw, names, 1, &recv);
    mg_ivar_set(self, mg_id_mesg, argc > 0 ? argv[0] : MG_NIL);
    mg_ivar_set(self, id_name, argc > 1 ? argv[1] : MG_NIL);
    mg_ivar_set(self, id_args, argc > 2 ? argv[2] : MG_NIL);
    mg_ivar_set(self, id_priv, MG_BOOL(argc > 3 && MG_TEST(argv[3])));
    if (recv != MG_UNDEF) mg_ivar_set(self, id_recv, recv);
    return MG_NIL;
}

static Value
nomethod_err_args(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, id_args);
}

static Value
nomethod_err_private_call_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(MG_TEST(mg_ivar_get(self, id_priv)));
}

/* KeyError.new(msg = nil, receiver: nil, key: nil) */
static Value
key_err_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc > 1) mg_raise_argc(argc, 0, 1);
    static const char *const names[] = { "receiver", "key" };
    Value opt[2];
    mg_kwargs_get(kw, names, 2, opt);
    mg_ivar_set(self, mg_id_mesg, argc > 0 ? argv[0] : MG_NIL);
    if (opt[0] != MG_UNDEF) mg_ivar_set(self, id_recv, opt[0]);
    if (opt[1] != MG_UNDEF) mg_ivar_set(self, id_key, opt[1]);
    return MG_NIL;
}

static Value
key_err_key(Value self, int argc, const Value *argv, Value blk)
{
    return hidden_or_err(self, id_key, "key");
}

/* FrozenError.new(msg = nil, receiver: nil) */
static Value
frozen_err_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc > 1) mg_raise_argc(argc, 0, 1);
    static const char *const names[] = { "receiver" };
    Value recv;
    mg_kwargs_get(kw, names, 1, &recv);
    mg_ivar_set(self, mg_id_mesg, argc > 0 ? argv[0] : MG_NIL);
    if (recv != MG_UNDEF) mg_ivar_set(self, id_recv, recv);
    return MG_NIL;
}

/* NoMatchingPatternKeyError.new(msg = nil, matchee: nil, key: nil) */
static Value
nmpk_err_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc > 1) mg_raise_argc(argc, 0, 1);
    static const char *const names[] = { "matchee", "key" };
    Value opt[2];
    mg_kwargs_get(kw, names, 2, opt);
    mg_ivar_set(self, mg_id_mesg, argc > 0 ? argv[0] : MG_NIL);
    if (opt[0] != MG_UNDEF) mg_ivar_set(self, id_recv, opt[0]);
    if (opt[1] != MG_UNDEF) mg_ivar_set(self, id_key, opt[1]);
    return MG_NIL;
}

static Value
nmpk_err_matchee(Value self, int argc, const Value *argv, Value blk)
{
    return hidden_or_err(self, id_recv, "matchee");
}

static Value
stop_iteration_result(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, id_result);
}

static Value
local_jump_reason(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, id_reason);
}

static Value
local_jump_exit_value(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, id_exit_value);
}

/* SystemExit.new(status = 0, msg = nil); status may be true (0) / false (1) */
static Value
system_exit_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value status = MG_FIX(0);
    if (argc > 0) {
        Value a = argv[0];
        if (a == MG_TRUE) status = MG_FIX(0), argc--, argv++;
        else if (a == MG_FALSE) status = MG_FIX(1), argc--, argv++;
        else if (MG_IS_INTEGER(a)) status = a, argc--, argv++;
    }
    if (argc > 1) mg_raise_argc(argc, 0, 1);
    mg_ivar_set(self, mg_id_mesg, argc > 0 ? argv[0] : MG_NIL);
    mg_ivar_set(self, id_status, status);
    return MG_NIL;
}

static Value
system_exit_status(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_ivar_get(self, id_status);
    return s == MG_NIL ? MG_FIX(0) : s;
}

static Value
system_exit_success_p(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_ivar_get(self, id_status);
    return MG_BOOL(s == MG_NIL || s == MG_FIX(0));
}

/* UncaughtThrowError.new(tag, value, msg = "uncaught throw %p") */
static Value
uncaught_throw_initialize(Value self, int argc, const Value *argv, Value blk)
{
    mg_ivar_set(self, mg_id_mesg, argc > 2 ? argv[2] : mg_str_new_cstr("uncaught throw %p"));
    mg_ivar_set(self, id_tag, argv[0]);
    mg_ivar_set(self, id_value, argv[1]);
    return MG_NIL;
}

static Value
uncaught_throw_tag(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, id_tag);
}

static Value
uncaught_throw_value(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, id_value);
}

static Value
uncaught_throw_to_s(Value self, int argc, const Value *argv, Value blk)
{
    Value m = mg_ivar_get(self, mg_id_mesg);
    Value args[2] = { mg_to_str(m), mg_ivar_get(self, id_tag) };
    return mg_str_format(2, args);
}

/* ---- SignalException ---- */

static const struct { const char *name; int signo; } signals[] = {
    {"EXIT", 0}, {"HUP", SIGHUP}, {"INT", SIGINT}, {"QUIT", SIGQUIT}, {"ILL", SIGILL},
    {"TRAP", SIGTRAP}, {"ABRT", SIGABRT}, {"IOT", SIGIOT}, {"BUS", SIGBUS}, {"FPE", SIGFPE},
    {"KILL", SIGKILL}, {"USR1", SIGUSR1}, {"SEGV", SIGSEGV}, {"USR2", SIGUSR2}, {"PIPE", SIGPIPE},
    {"ALRM", SIGALRM}, {"TERM", SIGTERM}, {"CHLD", SIGCHLD}, {"CLD", SIGCHLD}, {"CONT", SIGCONT},
    {"STOP", SIGSTOP}, {"TSTP", SIGTSTP}, {"TTIN", SIGTTIN}, {"TTOU", SIGTTOU}, {"URG", SIGURG},
    {"XCPU", SIGXCPU}, {"XFSZ", SIGXFSZ}, {"VTALRM", SIGVTALRM}, {"PROF", SIGPROF},
    {"WINCH", SIGWINCH}, {"IO", SIGIO}, {"POLL", SIGPOLL}, {"PWR", SIGPWR}, {"SYS", SIGSYS},
};

static const char *
signal_name(int signo)
{
    for (size_t i = 1; i < ARRAY_LEN(signals); i++)
        if (signals[i].signo == signo) return signals[i].name;
    return NULL;
}

/* SignalException.new(sig [, msg]): sig is a number, "INT" or "SIGINT" */
static Value
signal_initialize(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    Value sig = argv[0];
    int signo = -1;
    Value msg;
    if (MG_IS_FIXNUM(sig)) {
        signo = (int)MG_FIX2LONG(sig);
        if (signo < 0 || signo >= 65) mg_raise(mg_eArgumentError, "invalid signal number (%d)", signo);
        if (argc > 1) {
            msg = argv[1];
        } else {
            const char *n = signal_name(signo);
            msg = n ? mg_sprintf("SIG%s", n) : mg_sprintf("SIG%d", signo);
        }
    } else {
        if (argc > 1) mg_raise_argc(argc, 1, 1);
        const char *s = MG_IS_SYMBOL(sig) ? mg_id_name(MG_SYM2ID(sig), NULL) : mg_str_cstr(mg_to_str(sig));
        const char *n = strncmp(s, "SIG", 3) == 0 ? s + 3 : s;
        for (size_t i = 1; i < ARRAY_LEN(signals); i++)
            if (strcmp(signals[i].name, n) == 0) signo = signals[i].signo;
        if (signo < 0) mg_raise(mg_eArgumentError, "unsupported signal `SIG%s'", n);
        msg = mg_sprintf("SIG%s", n);
    }
    mg_ivar_set(self, mg_id_mesg, msg);
    mg_ivar_set(self, id_signo, MG_FIX(signo));
    return MG_NIL;
}

static Value
signal_signo(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, id_signo);
}

/* Interrupt.new(msg = "Interrupt") */
static Value
interrupt_initialize(Value self, int argc, const Value *argv, Value blk)
{
    mg_ivar_set(self, mg_id_mesg, argc > 0 ? argv[0] : mg_str_new_cstr("Interrupt"));
    mg_ivar_set(self, id_signo, MG_FIX(SIGINT));
    return MG_NIL;
}

/* ---- SystemCallError ---- */

/* SystemCallError.new(msg, errno [, func]) picks the Errno subclass for errno;
 * Errno::X.new(msg = nil [, func]) uses X::Errno. A lone Integer is the errno. */
static Value
syserr_s_new(Value self, int argc, const Value *argv, Value blk)
{
    RClass *cls = MG_RCLASS(self);
    if (cls == mg_eSystemCallError) {
        Value err = MG_NIL;
        if (argc == 1 && MG_IS_INTEGER(argv[0])) err = argv[0];
        else if (argc >= 2) err = argv[1];
        if (MG_IS_FIXNUM(err)) {
            RClass *e = mg_errno_class((int)MG_FIX2LONG(err));
            if (e) {
                /* Errno::X.new takes (msg, func): drop the errno argument */
                Value rest[2];
                int n = 0;
                if (!(argc == 1 && MG_IS_INTEGER(argv[0]))) {
                    rest[n++] = argv[0];
                    if (argc > 2) rest[n++] = argv[2];
                }
                return mg_class_new_instance(e, n, rest, blk);
            }
        }
    }
    return mg_class_new_instance(cls, argc, argv, blk);
}

static Value
syserr_initialize(Value self, int argc, const Value *argv, Value blk)
{
    RClass *cls = mg_obj_class(self);
    Value msg = MG_NIL, err = MG_NIL, func = MG_NIL;
    Value klass_errno = mg_const_lookup(cls, id_Errno, true);
    if (cls != mg_eSystemCallError && klass_errno != MG_UNDEF) {
        if (argc > 2) mg_raise_argc(argc, 0, 2);
        if (argc > 0) msg = argv[0];
        if (argc > 1) func = argv[1];
        err = klass_errno;
    } else {
        if (argc < 1 || argc > 3) mg_raise_argc(argc, 1, 3);
        if (argc == 1 && MG_IS_INTEGER(argv[0])) {
            err = argv[0];
        } else {
            msg = argv[0];
            if (argc > 1) err = argv[1];
            if (argc > 2) func = argv[2];
        }
    }
    if (msg != MG_NIL) msg = mg_to_str(msg);
    bool known = err != MG_NIL;
    int e = known ? (int)mg_num2long(err) : 0;
    Value m = syserr_message(e, known, func != MG_NIL ? mg_str_cstr(mg_to_str(func)) : NULL, msg);
    mg_ivar_set(self, mg_id_mesg, m);
    mg_ivar_set(self, id_errno, err);
    return MG_NIL;
}

static Value
syserr_errno(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, id_errno);
}

/* SystemCallError === exc: same errno (Errno::EAGAIN === an EWOULDBLOCK error) */
static Value
syserr_s_eqq(Value self, int argc, const Value *argv, Value blk)
{
    Value exc = argv[0];
    if (!mg_obj_is_kind_of(exc, mg_eSystemCallError)) return MG_FALSE;
    RClass *cls = MG_RCLASS(self);
    if (cls == mg_eSystemCallError) return MG_TRUE;
    if (mg_obj_is_kind_of(exc, cls)) return MG_TRUE;
    Value mine = mg_const_lookup(cls, id_Errno, true);
    Value theirs = mg_funcall(exc, id_errno, 0, NULL);
    return MG_BOOL(mine != MG_UNDEF && mg_equal(mine, theirs));
}

/* ---- tables ---- */

static const MgMethodDef exc_methods[] = {
    {"initialize", exc_initialize, 0, 1},
    {"exception", exc_exception, 0, 1},
    {"to_s", exc_to_s, 0, 0},
    {"message", exc_message, 0, 0},
    {"inspect", exc_inspect, 0, 0},
    {"==", exc_eq, 1, 1},
    {"backtrace", exc_backtrace, 0, 0},
    {"set_backtrace", exc_set_backtrace, 1, 1},
    {"backtrace_locations", exc_backtrace_locations, 0, 0},
    {"cause", exc_cause, 0, 0},
    {"full_message", exc_full_message, 0, 1, MEF_KW},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef location_methods[] = {
    {"to_s", loc_to_s, 0, 0},
    {"inspect", loc_inspect, 0, 0},
    {"path", loc_path, 0, 0},
    {"absolute_path", loc_absolute_path, 0, 0},
    {"lineno", loc_lineno, 0, 0},
    {"label", loc_label, 0, 0},
    {"base_label", loc_base_label, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef exc_singleton_methods[] = {
    {"exception", exc_s_exception, 0, -1},
    {"to_tty?", exc_s_to_tty_p, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef name_err_methods[] = {
    {"initialize", name_err_initialize, 0, 3, MEF_KW},
    {"name", name_err_name, 0, 0},
    {"receiver", err_receiver, 0, 0},
    {"local_variables", name_err_local_variables, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef nomethod_err_methods[] = {
    {"initialize", nomethod_err_initialize, 0, 5, MEF_KW},
    {"args", nomethod_err_args, 0, 0},
    {"private_call?", nomethod_err_private_call_p, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef key_err_methods[] = {
    {"initialize", key_err_initialize, 0, 2, MEF_KW},
    {"key", key_err_key, 0, 0},
    {"receiver", err_receiver, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef frozen_err_methods[] = {
    {"initialize", frozen_err_initialize, 0, 2, MEF_KW},
    {"receiver", err_receiver, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef nmpk_err_methods[] = {
    {"initialize", nmpk_err_initialize, 0, 2, MEF_KW},
    {"matchee", nmpk_err_matchee, 0, 0},
    {"key", key_err_key, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef system_exit_methods[] = {
    {"initialize", system_exit_initialize, 0, 2},
    {"status", system_exit_status, 0, 0},
    {"success?", system_exit_success_p, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef uncaught_throw_methods[] = {
    {"initialize", uncaught_throw_initialize, 2, 3},
    {"tag", uncaught_throw_tag, 0, 0},
    {"value", uncaught_throw_value, 0, 0},
    {"to_s", uncaught_throw_to_s, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef signal_methods[] = {
    {"initialize", signal_initialize, 0, -1},
    {"signo", signal_signo, 0, 0},
    {NULL, NULL, 0, 0}
};

static void
init_errno(void)
{
    for (size_t i = 0; i < ARRAY_LEN(errno_defs); i++) {
        int err = errno_defs[i].err;
        if (err > 0 && err < ERRNO_MAX && errno_classes[err]) {
            mg_const_set(mg_mErrno, mg_intern_cstr(errno_defs[i].name), MG_VAL(errno_classes[err]));
            continue;
        }
        RClass *c = mg_define_class_under(mg_mErrno, errno_defs[i].name, mg_eSystemCallError);
        errno_def_class[i] = c;
        mg_const_set(c, id_Errno, MG_FIX(err));
        if (err > 0 && err < ERRNO_MAX) errno_classes[err] = c;
    }
    RClass *noerr = mg_define_class_under(mg_mErrno, "NOERROR", mg_eSystemCallError);
    mg_const_set(noerr, id_Errno, MG_FIX(0));
    errno_classes[0] = noerr;
}

/* The Errno classes in a fixed order, for their well-known OOPs (store/txn.c):
 * 0 is NOERROR, i > 0 the class of ERRNO_LIST's entry i - 1 (NULL for a
 * name that is an earlier one's alias, as EWOULDBLOCK is EAGAIN's): errnos.def's order. */
size_t
mg_errno_class_count(void)
{
    return ARRAY_LEN(errno_defs) + 1;
}

RClass *
mg_errno_class_at(size_t i)
{
    if (i == 0) return errno_classes[0];
    return i <= ARRAY_LEN(errno_defs) ? errno_def_class[i - 1] : NULL;
}

void mg_init_error_hints(void);

void
mg_init_exception(void)
{
    id_name = mg_intern_cstr("name");
    id_recv = mg_intern_cstr("receiver");
    id_args = mg_intern_cstr("args");
    id_priv = mg_intern_cstr("private_call");
    id_key = mg_intern_cstr("key");
    id_result = mg_intern_cstr("result");
    id_status = mg_intern_cstr("status");
    id_tag = mg_intern_cstr("tag");
    id_value = mg_intern_cstr("value");
    id_errno = mg_intern_cstr("errno");
    id_signo = mg_intern_cstr("signo");
    id_Errno = mg_intern_cstr("Errno");
    id_full_message = mg_intern_cstr("full_message");
    id_reason = mg_intern_cstr("reason");
    id_exit_value = mg_intern_cstr("exit_value");

    id_loc = mg_intern_cstr("loc");
    RClass *bt = mg_define_class_under(mg_cThread, "Backtrace", mg_cObject);
    cLocation = mg_define_class_under(bt, "Location", mg_cObject);
    mg_define_methods(cLocation, location_methods);
    RClass *lmeta = mg_singleton_class(MG_VAL(cLocation));
    mg_method_undef(lmeta, mg_id_new);
    mg_method_undef(lmeta, mg_id_allocate);

    mg_define_methods(mg_eException, exc_methods);
    mg_define_singleton_methods(MG_VAL(mg_eException), exc_singleton_methods);
    mg_define_methods(mg_eNameError, name_err_methods);
    mg_define_methods(mg_eNoMethodError, nomethod_err_methods);
    mg_define_methods(mg_eKeyError, key_err_methods);
    mg_define_methods(mg_eFrozenError, frozen_err_methods);
    mg_define_methods(mg_eNoMatchingPatternKeyError, nmpk_err_methods);
    mg_init_error_hints();   /* NameError#to_s and KeyError#to_s: error_highlight, did_you_mean */
    mg_define_method(mg_eStopIteration, "result", stop_iteration_result, 0, 0);
    mg_define_method(mg_eLocalJumpError, "reason", local_jump_reason, 0, 0);
    mg_define_method(mg_eLocalJumpError, "exit_value", local_jump_exit_value, 0, 0);
    mg_define_methods(mg_eSystemExit, system_exit_methods);
    mg_define_methods(mg_eUncaughtThrowError, uncaught_throw_methods);
    mg_define_methods(mg_eSignalException, signal_methods);
    mg_define_method(mg_eInterrupt, "initialize", interrupt_initialize, 0, 1);

    mg_define_method(mg_eSystemCallError, "initialize", syserr_initialize, 0, -1);
    mg_define_method(mg_eSystemCallError, "errno", syserr_errno, 0, 0);
    mg_define_singleton_method(MG_VAL(mg_eSystemCallError), "new", syserr_s_new, 0, -1);
    mg_define_singleton_method(MG_VAL(mg_eSystemCallError), "===", syserr_s_eqq, 1, 1);
    init_errno();
}
