/* coverage.c -- require 'coverage': line coverage of the files loaded after
 * Coverage.setup / Coverage.start, in the lines and oneshot_lines modes and the
 * legacy one (Coverage.start with no argument: Arrays). The compiler does the
 * work (compile/compile.c, "line coverage"): while coverage is set up, each file
 * that require or load compiles gets a record [counts, oneshot list or nil],
 * its statements' lines become 0 in counts, and an OP_COVLINE per statement
 * line calls mg_coverage_count when it runs. No cost for code compiled before
 * (nor after Coverage.result stops it): that code has no COVLINE.
 *
 * States, as CRuby's: idle --setup--> suspended --resume--> running;
 * running --suspend--> suspended; result(stop: true) --> idle. Branch
 * coverage is not measured: asking for it raises NotImplementedError.
 * Method coverage (methods:): each def compiled into a covered file gets an
 * entry [class, name, start line, start column, end line, end column, calls];
 * OP_COVMETHOD at the method's start counts calls, mg_vm_define_method names
 * the class when the def runs; defs that never ran are not reported. */
#include "ext.h"
#include "../compile/compile.h"
#include "../vm/vm_int.h"

enum { COV_IDLE, COV_SUSPENDED, COV_RUNNING };
enum { MODE_LEGACY, MODE_HASH };

bool mg_coverage_running;
bool mg_coverage_methods;
static int state = COV_IDLE;
static int mode;
static bool want_lines, want_oneshot;   /* MODE_HASH: which results (mg_coverage_methods: methods:) */
static Value results;          /* path => [counts, oneshot list or nil, method entries or nil] */
static Value method_of_code;   /* method Code => its entry [class or nil, name, sl, sc, el, ec, calls] */

void
mg_coverage_count(Value rec, uint32_t line)
{
    Value counts = mg_ary_entry(rec, 0);
    Value v = mg_ary_entry(counts, line);
    if (!MG_IS_FIXNUM(v)) return;
    if (v == MG_FIX(0)) {
        Value once = mg_ary_entry(rec, 1);
        if (once != MG_NIL) mg_ary_push(once, MG_FIX((int64_t)line + 1));
    }
    mg_ary_store(counts, line, MG_FIX(MG_FIX2LONG(v) + 1));
}

static Value
new_record(int nlines, bool oneshot, bool methods)
{
    Value counts = mg_ary_new_capa(nlines);
    for (int i = 0; i < nlines; i++) mg_ary_push(counts, MG_NIL);
    Value rec = mg_ary_new_capa(3);
    mg_ary_push(rec, counts);
    mg_ary_push(rec, oneshot ? mg_ary_new() : MG_NIL);
    mg_ary_push(rec, methods ? mg_ary_new() : MG_NIL);
    return rec;
}

static Value
coverage_hook(const char *file, int nlines)
{
    if (state == COV_IDLE) return MG_NIL;
    Value rec = new_record(nlines, mode == MODE_HASH && want_oneshot, mode == MODE_HASH && mg_coverage_methods);
    mg_hash_aset(results, mg_str_new_cstr(file), rec);
    return rec;
}

static Value
method_hook(Value rec, Value code, ID name, int sl, int sc, int el, int ec)
{
    Value methods = mg_ary_entry(rec, 2);
    if (methods == MG_NIL) return MG_NIL;
    Value e = mg_ary_new_capa(7);
    Value parts[7] = { MG_NIL, MG_SYM(name), MG_FIX(sl), MG_FIX(sc), MG_FIX(el), MG_FIX(ec), MG_FIX(0) };
    for (int i = 0; i < 7; i++) mg_ary_push(e, parts[i]);
    mg_ary_push(methods, e);
    mg_hash_aset(method_of_code, code, e);
    return e;
}

void
mg_coverage_method_called(Value entry)
{
    Value n = mg_ary_entry(entry, 6);
    if (MG_IS_FIXNUM(n)) mg_ary_store(entry, 6, MG_FIX(MG_FIX2LONG(n) + 1));
}

void
mg_coverage_defined(Value code, RClass *klass)
{
    if (method_of_code == MG_NIL) return;
    Value e = mg_hash_aref(method_of_code, code);
    if (e != MG_NIL) mg_ary_store(e, 0, MG_VAL(klass));
}

static Value
cov_setup(Value self, int argc, const Value *argv, Value blk)
{
    int m = MODE_LEGACY;
    bool lines = false, oneshot = false, methods = false;
    if (argc > 0 && argv[0] != MG_NIL) {
        Value opt = argv[0];
        if (MG_IS_SYMBOL(opt) && MG_SYM2ID(opt) == mg_intern_cstr("all"))
            mg_raise(mg_eNotImplementedError, "Coverage.setup(:all): maglev measures lines, oneshot_lines and methods, not branches");
        if (!MG_IS_HASH(opt)) mg_raise(mg_eTypeError, "no implicit conversion of %s into Hash", mg_class_cname(mg_obj_class(opt)));
        static const char *const names[] = { "lines", "oneshot_lines", "branches", "methods", "eval" };
        Value v[5];
        mg_kwargs_get(opt, names, 5, v);
        lines = v[0] != MG_UNDEF && MG_TEST(v[0]);
        oneshot = v[1] != MG_UNDEF && MG_TEST(v[1]);
        methods = v[3] != MG_UNDEF && MG_TEST(v[3]);
        if (v[2] != MG_UNDEF && MG_TEST(v[2]))
            mg_raise(mg_eNotImplementedError, "Coverage branches: maglev measures lines, oneshot_lines and methods");
        if (lines && oneshot) mg_raise(mg_eRuntimeError, "cannot enable lines and oneshot_lines simultaneously");
        m = MODE_HASH;
    }
    if (state != COV_IDLE) mg_raise(mg_eRuntimeError, "coverage measurement is already setup");
    mode = m;
    want_lines = lines;
    want_oneshot = oneshot;
    mg_coverage_methods = methods;
    method_of_code = mg_funcall(mg_hash_new(), mg_intern_cstr("compare_by_identity"), 0, NULL);
    mg_compile_coverage_method_hook = methods ? method_hook : NULL;
    results = mg_hash_new();
    state = COV_SUSPENDED;
    mg_compile_coverage_hook = coverage_hook;
    return MG_NIL;
}

static Value
cov_resume(Value self, int argc, const Value *argv, Value blk)
{
    if (state == COV_IDLE) mg_raise(mg_eRuntimeError, "coverage measurement is not set up yet");
    if (state == COV_RUNNING) mg_raise(mg_eRuntimeError, "coverage measurement is already running");
    state = COV_RUNNING;
    mg_coverage_running = true;
    return MG_NIL;
}

static Value
cov_start(Value self, int argc, const Value *argv, Value blk)
{
    cov_setup(self, argc, argv, blk);
    return cov_resume(self, 0, NULL, MG_NIL);
}

static Value
cov_suspend(Value self, int argc, const Value *argv, Value blk)
{
    if (state != COV_RUNNING) mg_raise(mg_eRuntimeError, "coverage measurement is not running");
    state = COV_SUSPENDED;
    mg_coverage_running = false;
    return MG_NIL;
}

static Value
cov_running_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(state == COV_RUNNING);
}

/* one file's result in the current mode (copies: later runs do not change it) */
static Value
file_result(Value rec)
{
    Value counts = mg_ary_dup(mg_ary_entry(rec, 0));
    if (mode == MODE_LEGACY) return counts;
    Value h = mg_hash_new();
    if (want_lines) mg_hash_aset(h, MG_SYM(mg_intern_cstr("lines")), counts);
    if (want_oneshot) mg_hash_aset(h, MG_SYM(mg_intern_cstr("oneshot_lines")), mg_ary_dup(mg_ary_entry(rec, 1)));
    Value methods = mg_ary_entry(rec, 2);
    if (methods != MG_NIL) {
        /* the methods that were defined, the latest first (as CRuby lists them) */
        Value mh = mg_hash_new();
        for (int64_t i = mg_ary_len(methods); i-- > 0;) {
            Value e = mg_ary_entry(methods, i);
            if (mg_ary_entry(e, 0) == MG_NIL) continue;
            Value key = mg_ary_new_capa(6);
            for (int k = 0; k < 6; k++) mg_ary_push(key, mg_ary_entry(e, k));
            mg_hash_aset(mh, key, mg_ary_entry(e, 6));
        }
        mg_hash_aset(h, MG_SYM(mg_intern_cstr("methods")), mh);
    }
    return h;
}

static Value
cov_peek_result(Value self, int argc, const Value *argv, Value blk)
{
    if (state == COV_IDLE) mg_raise(mg_eRuntimeError, "coverage measurement is not enabled");
    Value out = mg_hash_new();
    Value k, v;
    for (int64_t it = 0; mg_hash_next(results, &it, &k, &v);) mg_hash_aset(out, k, file_result(v));
    return out;
}

static void
clear_counts(void)
{
    Value k, rec;
    for (int64_t it = 0; mg_hash_next(results, &it, &k, &rec);) {
        Value methods = mg_ary_entry(rec, 2);
        for (int64_t i = 0; methods != MG_NIL && i < mg_ary_len(methods); i++)
            mg_ary_store(mg_ary_entry(methods, i), 6, MG_FIX(0));
        Value once = mg_ary_entry(rec, 1);
        if (once != MG_NIL) {   /* a line is reported once per process: only the list empties */
            mg_funcall(once, mg_intern_cstr("clear"), 0, NULL);
            continue;
        }
        Value counts = mg_ary_entry(rec, 0);
        for (int64_t i = 0; i < mg_ary_len(counts); i++)
            if (MG_IS_FIXNUM(mg_ary_entry(counts, i))) mg_ary_store(counts, i, MG_FIX(0));
    }
}

/* result(stop: true, clear: true) */
static Value
cov_result(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    bool stop = true, clear = true;
    if (kw != MG_NIL) {
        static const char *const names[] = { "stop", "clear" };
        Value v[2];
        mg_kwargs_get(kw, names, 2, v);
        if (v[0] != MG_UNDEF) stop = MG_TEST(v[0]);
        if (v[1] != MG_UNDEF) clear = MG_TEST(v[1]);
    }
    if (stop && !clear) {
        mg_io_flush_all();
        fputs("warning: stop implies clear\n", stderr);
        clear = true;
    }
    Value out = cov_peek_result(self, 0, NULL, MG_NIL);
    if (clear) clear_counts();
    if (stop) {
        state = COV_IDLE;
        mg_coverage_running = false;
        mg_compile_coverage_hook = NULL;
        mg_compile_coverage_method_hook = NULL;
        mg_coverage_methods = false;
        method_of_code = MG_NIL;
        results = mg_hash_new();
    }
    return out;
}

/* line_stub(file): the counts Array a run would start from (nil: no statement starts there) */
static Value stub_record;

static Value
stub_hook(const char *file, int nlines)
{
    stub_record = new_record(nlines, false, false);
    return stub_record;
}

static Value
cov_line_stub(Value self, int argc, const Value *argv, Value blk)
{
    Value path = mg_to_str(argv[0]);
    Value src = mg_funcall(MG_VAL(mg_cFile), mg_intern_cstr("read"), 1, &path);
    Value (*saved)(const char *, int) = mg_compile_coverage_hook;
    mg_compile_coverage_hook = stub_hook;
    stub_record = MG_NIL;
    Value exc;
    typedef struct { Value src, path; } A;
    A a = { src, path };
    Value compile_stub(Value arg);
    mg_protect(compile_stub, (Value)(uintptr_t)&a, &exc);
    mg_compile_coverage_hook = saved;
    if (exc != MG_NIL) mg_raise_exc(exc);
    Value counts = stub_record == MG_NIL ? mg_ary_new() : mg_ary_entry(stub_record, 0);
    stub_record = MG_NIL;
    return counts;
}

Value compile_stub(Value arg);
Value
compile_stub(Value arg)
{
    typedef struct { Value src, path; } A;
    A *a = (A *)(uintptr_t)arg;
    return mg_vm_compile_source(mg_str_ptr(a->src), (size_t)mg_str_len(a->src), mg_str_cstr(a->path), 1, CODE_TOP, MG_NIL, 0);
}

static const MgMethodDef coverage_functions[] = {
    {"setup", cov_setup, 0, 1},
    {"start", cov_start, 0, 1},
    {"resume", cov_resume, 0, 0},
    {"suspend", cov_suspend, 0, 0},
    {"running?", cov_running_p, 0, 0},
    {"peek_result", cov_peek_result, 0, 0},
    {"result", cov_result, 0, -1},
    {"line_stub", cov_line_stub, 1, 1},
    {NULL, NULL, 0, 0}
};

void
mg_ext_init_coverage(void)
{
    results = mg_hash_new();
    mg_gc_register(&results);
    mg_gc_register(&stub_record);
    method_of_code = MG_NIL;
    mg_gc_register(&method_of_code);
    RClass *m = mg_define_module("Coverage");
    for (const MgMethodDef *d = coverage_functions; d->name; d++)
        mg_define_singleton_method(MG_VAL(m), d->name, d->fn, d->min_args, d->max_args);
}
