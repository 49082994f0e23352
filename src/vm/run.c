/* run.c -- interpreter lifecycle: mg_vm_init (stacks, globals, constants,
 * the GC root marker), running the main program, the uncaught-exception
 * report, at_exit handlers and the exit status. */
#include "vm_int.h"
#include "../store/store.h"
#include <ctype.h>
#include <signal.h>
#include <strings.h>
#include <sys/resource.h>
#include <unistd.h>
#include "../parse/ast.h"

bool mg_vm_booted;
void mg_raise_init(void);
void mg_vm_mark_gvars(void);
void mg_init_vm_globals(const MgVMOptions *opts);

#define STACK_VALUES (4u << 20)
#define FRAME_COUNT  40000u

/* Marks one value stack [stack, sp) and frames (frames, fp]: the running
 * one here, a suspended fiber's from vm/fiber.c. */
void mg_vm_mark_stacks(Value *stack, Value *sp, Frame *frames, Frame *fp);
void
mg_vm_mark_stacks(Value *stack, Value *sp, Frame *frames, Frame *fp)
{
    if (stack) mg_gc_mark_values(stack, (size_t)(sp - stack));
    if (!frames) return;
    for (Frame *f = frames + 1; f <= fp; f++) {
        mg_gc_mark(f->self); mg_gc_mark(f->env); mg_gc_mark(f->outer); mg_gc_mark(f->block);
        mg_gc_mark(f->proc); mg_gc_mark(f->cref); mg_gc_mark(f->def_target); mg_gc_mark(f->backref);
        mg_gc_mark(f->lastline); mg_gc_mark(f->code_obj);
        if (f->me && f->me->owner) mg_gc_mark_obj(&f->me->owner->hdr);
    }
}

static void
vm_mark(void)
{
    VM *vm = VMS;
    mg_vm_mark_stacks(vm->stack, vm->sp, vm->frames, vm->fp);
    mg_gc_mark(vm->th_val); mg_gc_mark(vm->th_tag); mg_gc_mark(vm->errinfo);
    mg_gc_mark(vm->at_exit); mg_gc_mark(vm->loaded); mg_gc_mark(vm->load_path);
    mg_gc_mark(vm->catch_tags); mg_gc_mark(vm->main_obj); mg_gc_mark(vm->top_cref);
    mg_gc_mark(vm->script_name); mg_gc_mark(vm->argv); mg_gc_mark(vm->protect_list);
    mg_gc_mark(vm->last_exc_pending); mg_gc_mark(vm->pat_reason); mg_gc_mark(vm->pat_key);
    mg_vm_mark_gvars();
}

void mg_vm_boot(void);
void mg_kernel_init_main(Value main_obj);

/* Allocates the stacks early, so core init code may already call methods. */
void
mg_vm_boot(void)
{
    VM *vm = VMS;
    char here;
    if (vm->stack) return;
    vm->stack = calloc(STACK_VALUES, sizeof(Value));
    vm->frames = calloc(FRAME_COUNT, sizeof(Frame));
    if (!vm->stack || !vm->frames) { fputs("maglev: cannot allocate the VM stack\n", stderr); exit(1); }
    vm->stack_end = vm->stack + STACK_VALUES;
    vm->sp = vm->stack;
    vm->frame_end = vm->frames + FRAME_COUNT - 64;
    vm->fp = vm->frames;
    vm->th_val = vm->th_tag = vm->errinfo = vm->at_exit = vm->loaded = vm->load_path = MG_NIL;
    vm->catch_tags = vm->main_obj = vm->top_cref = vm->script_name = vm->argv = vm->protect_list = MG_NIL;
    vm->last_exc_pending = vm->pat_reason = MG_NIL;
    vm->pat_key = MG_UNDEF;
    /* C stack guard: the real limit minus a margin for the raise itself */
    struct rlimit rl;
    size_t limit = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > (1u << 20)) limit = rl.rlim_cur;
    if (limit > (1u << 30)) limit = 1u << 30;
    vm->cstack_base = (char *)((uintptr_t)&here + 4096);
    vm->cstack_limit = limit - (limit / 8 > (1u << 20) ? (1u << 20) : limit / 8);
    mg_gc_add_root_marker(vm_mark);
    vm->top_cref = mg_cref_new(mg_cObject, MG_NIL);
}

static Value const_location(void);

void
mg_vm_init(const MgVMOptions *opts)
{
    VM *vm = VMS;
    mg_vm_boot();
    vm->warnings = opts ? opts->warnings : false;
    mg_raise_init();
    vm->main_obj = mg_main_object_new();
    mg_store_set_main(vm->main_obj);
    mg_kernel_init_main(vm->main_obj);
    mg_init_refinements();
    mg_init_autoload_note();
    mg_init_vm_globals(opts);
    mg_init_eval();
    mg_vm_booted = true;
    mg_bop_tracking = true;     /* class.h: redefining an inline operator from here on is noticed */
    mg_vm_capture_builtins();
    mg_prelude_load();
    mg_method_standins_core();      /* once the prelude has defined what it defines (class.c) */
    mg_const_location_hook = const_location;   /* the program's constants, not the prelude's */
}

/* ---- running a program ---- */

void mg_binding_attach_toplevel(Frame *f);

/* main: the program's main script, whose scope TOPLEVEL_BINDING is */
static Value
run_code(Value codev, Value self, bool main)
{
    VM *vm = VMS;
    Code *code = mg_code_ptr(codev);
    Value *base = vm->sp;
    mg_vm_check_stack(code->nlocals + code->max_stack + 8);
    base[0] = codev;               /* keeps the code alive; also the result slot */
    vm->sp = base + 1;
    Value cref = vm->top_cref;
    mg_vm_push_body(code, base + 1, base, self, cref, mg_cObject, FRAME_TOP);
    Frame *f = vm->fp;
    f->vis = VIS_PRIVATE;
    f->flags |= FRAME_FINISH;
    if (main) mg_binding_attach_toplevel(f);
    Value r = mg_vm_exec();
    vm->sp = base;
    return r;
}

typedef struct { const char *src; size_t len; const char *file; int kind; } RunArgs;

bool mg_frozen_string_default;

/* 1: the magic comment says true, 0: false, -1: there is none */
int
mg_vm_frozen_magic(const char *src, size_t len)
{
    /* a magic comment in the leading comment lines */
    size_t i = 0;
    while (i < len) {
        while (i < len && (src[i] == ' ' || src[i] == '\t')) i++;
        if (i >= len || src[i] != '#') break;
        size_t e = i;
        while (e < len && src[e] != '\n') e++;
        const char *m = memmem(src + i, e - i, "frozen_string_literal:", 22);
        if (m) {
            const char *v = m + 22;
            while (v < src + e && *v == ' ') v++;
            if ((size_t)(src + e - v) >= 4 && !strncmp(v, "true", 4)) return 1;
            return 0;
        }
        i = e + 1;
    }
    return -1;
}

int mg_source_enc_default = -1;

/* The encoding a magic comment on the first line (the second after #!)
 * names -- coding: NAME, coding=NAME, -*- coding: NAME -*- -- as
 * mg_compile_source_enc: -1 for UTF-8 or one maglev does not have; -2: no
 * magic comment (the source then compiles as mg_source_enc_default). */
int
mg_vm_source_enc_magic(const char *src, size_t len)
{
    size_t i = 0;
    for (int line = 0; line < 2 && i < len; line++) {
        size_t e = i;
        while (e < len && src[e] != '\n') e++;
        if (line == 0 && e - i >= 2 && src[i] == '#' && src[i + 1] == '!') { i = e + 1; continue; }
        size_t j = i;
        while (j < e && (src[j] == ' ' || src[j] == '\t')) j++;
        if (j >= e || src[j] != '#') return -2;
        const char *m = memmem(src + j, e - j, "coding", 6);
        if (!m || m + 6 >= src + e || (m[6] != ':' && m[6] != '=')) return -2;   /* only that line counts */
        const char *v = m + 7;
        while (v < src + e && (*v == ' ' || *v == '\t')) v++;
        size_t n = 0;
        while (v + n < src + e && (isalnum((unsigned char)v[n]) || v[n] == '-' || v[n] == '_' || v[n] == '.')) n++;
        if ((n == 10 && !strncasecmp(v, "ascii-8bit", 10)) || (n == 6 && !strncasecmp(v, "binary", 6))) return ENC_BINARY;
        if ((n == 8 && !strncasecmp(v, "us-ascii", 8)) || (n == 5 && !strncasecmp(v, "ascii", 5))) return ENC_US_ASCII;
        return -1;
    }
    return -2;
}

/* where the last source compiled had its __END__ data, or (size_t)-1 */
static size_t last_data_offset = (size_t)-1;

static Value compile_unit(const char *src, size_t len, const char *file, int line, int kind, Value outer_env,
                          ID mname, bool block, int enc_default);

Value mg_vm_compile_source(const char *src, size_t len, const char *file, int line, int kind, Value outer_env, ID mname);
Value
mg_vm_compile_source(const char *src, size_t len, const char *file, int line, int kind, Value outer_env, ID mname)
{
    return compile_unit(src, len, file, line, kind, outer_env, mname, false, mg_source_enc_default);
}

/* An eval'd String compiles in its own encoding when it is binary or
 * US-ASCII (CRuby: the string's encoding is the source's, unless a magic
 * comment says otherwise); other Strings in mg_source_enc_default, which a
 * recorded method's replay sets to its file's (store/code.c). */
Value
mg_vm_compile_eval(Value s, const char *file, int line, Value outer_env, ID mname)
{
    Encoding enc = mg_str_enc(s);
    return compile_unit(mg_str_ptr(s), (size_t)mg_str_len(s), file, line, CODE_EVAL, outer_env, mname, false,
                        enc == ENC_BINARY || enc == ENC_US_ASCII ? (int)enc : mg_source_enc_default);
}

Value
mg_vm_compile_block_source(const char *src, size_t len, const char *file, int line, Value outer_env)
{
    return compile_unit(src, len, file, line, CODE_EVAL, outer_env, 0, true, mg_source_enc_default);
}

/* One compilation: the compiler's settings for its source, put back (and
 * the tree freed) however it ends -- a compile error raises. */
typedef struct {
    ParseResult pr;
    const char *src, *file;
    size_t len;
    int kind;
    Value outer_env, code;
    ID mname;
    bool block;
    bool frozen;               /* the settings to put back */
    const char *prev_src;
    size_t prev_len;
    int enc;
    int enc_default;           /* the source encoding without a magic comment */
} CompileJob;

static Value
compile_run(Value arg)
{
    CompileJob *j = (CompileJob *)(uintptr_t)MG_FIX2LONG(arg);
    int magic = mg_vm_frozen_magic(j->src, j->len);
    mg_compile_frozen_strings = magic >= 0 ? magic == 1 : mg_frozen_string_default;
    int enc_magic = mg_vm_source_enc_magic(j->src, j->len);
    mg_compile_source_enc = enc_magic == -2 ? j->enc_default : enc_magic;
    mg_compile_src = j->src;
    mg_compile_src_len = j->len;
    j->code = j->block ? mg_compile_block(j->pr.root, j->file, j->outer_env)
                       : mg_compile(j->pr.root, j->file, j->kind, j->outer_env, j->mname);
    return MG_NIL;
}

static void
compile_done(Value arg)
{
    CompileJob *j = (CompileJob *)(uintptr_t)MG_FIX2LONG(arg);
    mg_compile_frozen_strings = j->frozen;
    mg_compile_source_enc = j->enc;
    mg_compile_src = j->prev_src;
    mg_compile_src_len = j->prev_len;
    mg_ast_free(&j->pr);
}

static Value
compile_unit(const char *src, size_t len, const char *file, int line, int kind, Value outer_env, ID mname, bool block,
             int enc_default)
{
    /* the locals an eval can see, so the parser reads them as variables */
    ID *names = NULL;
    int nnames = 0, cap = 0;
    for (Value e = outer_env; e != MG_NIL; e = mg_env_ptr(e)->parent) {
        Env *ep = mg_env_ptr(e);
        for (uint32_t i = 0; ep->code && i < ep->count && i < ep->code->nlocals; i++) {
            ID id = ep->code->local_names[i];
            if (!id) continue;
            if (nnames == cap) { cap = cap ? cap * 2 : 16; names = realloc(names, sizeof(ID) * (size_t)cap); }
            names[nnames++] = id;
        }
    }
    CompileJob j = { .src = src, .len = len, .file = file, .kind = kind, .outer_env = outer_env, .code = MG_NIL,
                     .mname = mname, .block = block, .frozen = mg_compile_frozen_strings,
                     .prev_src = mg_compile_src, .prev_len = mg_compile_src_len, .enc = mg_compile_source_enc,
                     .enc_default = enc_default };
    j.pr = mg_parse(src, len, file, line, names, nnames);
    free(names);
    last_data_offset = j.pr.data_offset;
    if (!j.pr.root) {
        Value msg = mg_str_new_cstr(j.pr.error ? j.pr.error : "syntax error");
        mg_ast_free(&j.pr);
        mg_raise_str(mg_eSyntaxError, msg);
    }
    Value arg = MG_FIX((int64_t)(intptr_t)&j);
    mg_ensure(compile_run, arg, compile_done, arg);
    return j.code;
}

int mg_maglev_switches;
int mg_vm_main_loop;

/* Where a constant is being set: the innermost Ruby frame's file and line. */
static Value
const_location(void)
{
    VM *vm = VMS;
    Frame *f = vm->fp;
    while (f > vm->frames && !f->code) f--;
    if (f <= vm->frames || !f->code) return MG_NIL;
    return mg_ary_new_from(2, (Value[]){ mg_str_new_cstr(mg_frame_file(f)), MG_FIX(mg_frame_line(f)) });
}

static void
maglev_trace_file(const char *src, size_t len, const char *file)
{
    if (mg_maglev_switches & MG_TRACE_LOAD) fprintf(stderr, "[traceLoad] loading %s\n", file);
    if (mg_maglev_switches & MG_LOG_SEXP) {
        ParseResult pr = mg_parse(src, len, file, 1, NULL, 0);
        if (pr.root) {
            fprintf(stderr, "[logSexp] %s\n", file);
            mg_ast_dump(stderr, pr.root, 1);
        }
        mg_ast_free(&pr);
    }
}

static Value
run_main_body(Value arg)
{
    RunArgs *a = (RunArgs *)(uintptr_t)arg;
    if (mg_maglev_switches) maglev_trace_file(a->src, a->len, a->file);
    mg_parse_loop = mg_vm_main_loop;            /* -n/-p: the main script only (mg_parse clears it) */
    Value code = mg_vm_compile_source(a->src, a->len, a->file, 1, a->kind, MG_NIL, 0);
    mg_gc_protect(code);
    if (last_data_offset != (size_t)-1 && strcmp(a->file, "-e") && strcmp(a->file, "-")) {
        /* the main script's DATA: the script file read from just after __END__ */
        Value f = MG_CALL2(MG_VAL(mg_cFile), "open", mg_str_new_cstr(a->file), mg_str_new_cstr("r"));
        mg_gc_protect(f);
        MG_CALL1(f, "seek", MG_FIX((int64_t)last_data_offset));
        mg_const_set(mg_cObject, mg_intern_cstr("DATA"), f);
    }
    Value v = run_code(code, VMS->main_obj, true);
    /* a signal that came during the program's last C call (a long sort!)
     * met no safe point after it: its handler runs now, as CRuby's would
     * before the program ends (SIGTERM's default ends it by the signal) */
    if (mg_signal_pending()) mg_signal_checkpoint();
    return v;
}

Value mg_vm_run_file_code(const char *src, size_t len, const char *file, bool required);
Value
mg_vm_run_file_code(const char *src, size_t len, const char *file, bool required)
{
    if (mg_maglev_switches) maglev_trace_file(src, len, file);
    Value code = mg_vm_compile_source(src, len, file, 1, required ? CODE_REQUIRED : CODE_TOP, MG_NIL, 0);
    mg_gc_protect(code);
    return run_code(code, VMS->main_obj, false);
}

static int
exit_status_of(Value exc, bool *report)
{
    *report = true;
    if (mg_obj_is_kind_of(exc, mg_eSystemExit)) {
        *report = false;
        Value st = mg_funcall(exc, mg_intern_cstr("status"), 0, NULL);
        return MG_IS_FIXNUM(st) ? (int)MG_FIX2LONG(st) : 0;
    }
    if (mg_obj_is_kind_of(exc, mg_eSignalException)) {
        if (mg_obj_is_kind_of(exc, mg_eInterrupt)) return 130;
        *report = false;        /* as CRuby: only Interrupt is reported */
        return 1;
    }
    return 1;
}

/* The program ended by an uncaught SignalException (SIGTERM's default
 * handler raised it in the main thread): after the at_exit handlers, the
 * process ends by that signal itself, as CRuby's (the parent sees it killed,
 * a shell shows 128 + signo). */
static void
die_by_signal(Value exc)
{
    if (!mg_obj_is_kind_of(exc, mg_eSignalException)) return;
    Value s = mg_funcall(exc, mg_intern_cstr("signo"), 0, NULL);
    int sig = MG_IS_FIXNUM(s) ? (int)MG_FIX2LONG(s) : 0;
    if (sig <= 0 || sig >= NSIG || sig == SIGKILL || sig == SIGSTOP) return;
    mg_io_flush_all();
    fflush(stdout);
    fflush(stderr);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
}

static Value
report_body(Value exc)
{
    Value s = mg_exc_full_message(exc, false, false);
    mg_io_flush_all();
    fwrite(mg_str_ptr(s), 1, (size_t)mg_str_len(s), stderr);
    fflush(stderr);
    return MG_NIL;
}

void
mg_vm_report_exception(Value exc)
{
    Value e2;
    mg_protect(report_body, exc, &e2);
    if (e2 != MG_NIL && e2 != MG_UNDEF) {
        fprintf(stderr, "%s: unhandled exception\n", mg_class_cname(mg_obj_class(exc)));
    }
}

static Value
run_at_exit_one(Value proc)
{
    return mg_proc_call(proc, 0, NULL, MG_NIL);
}

int
mg_vm_finish(int status)
{
    VM *vm = VMS;
    while (vm->at_exit != MG_NIL && mg_ary_len(vm->at_exit) > 0) {
        Value p = mg_ary_pop(vm->at_exit);
        mg_gc_protect(p);
        Value exc;
        mg_protect(run_at_exit_one, p, &exc);
        if (exc != MG_NIL) {
            bool report;
            int st = exit_status_of(exc, &report);
            if (report) mg_vm_report_exception(exc);
            status = st;
        }
    }
    mg_io_flush_all();
    fflush(stdout);
    return status;
}

void (*mg_vm_main_done_hook)(void);

static Value
main_done_body(Value arg)
{
    mg_vm_main_done_hook();
    return MG_NIL;
}

/* Runs mg_vm_main_done_hook (maglev-ruby -Mcommit's commit). Returns -1 when
 * it ran through, else the process's status once the exception it raised
 * has been reported. */
static int
run_done_hook(VM *vm)
{
    Value exc;
    mg_protect(main_done_body, MG_NIL, &exc);
    if (exc == MG_NIL) return -1;
    mg_gc_protect(exc);
    vm->errinfo = exc;
    int st = mg_vm_finish(1);
    mg_vm_report_exception(exc);
    return st;
}

int
mg_vm_run_main(const char *src, size_t len, const char *file)
{
    VM *vm = VMS;
    RunArgs a = { src, len, file, CODE_TOP };
    Value exc;
    mg_protect(run_main_body, (Value)(uintptr_t)&a, &exc);
    int status = 0;
    if (exc != MG_NIL) {
        mg_gc_protect(exc);
        bool report;
        status = exit_status_of(exc, &report);
        /* -Mcommit: `exit` with a success status ends the program without an
         * error, as its end does (exit! never gets here) */
        if (status == 0 && mg_vm_main_done_hook && mg_obj_is_kind_of(exc, mg_eSystemExit)) {
            int st = run_done_hook(vm);
            if (st >= 0) return st;
        }
        if (mg_obj_is_kind_of(exc, mg_eSyntaxError) && vm->fp == vm->frames && mg_exc_backtrace(exc) == MG_NIL) {
            /* a syntax error in the main script: CRuby prints the parser's message only */
            status = mg_vm_finish(1);
            Value m = mg_exc_message(exc);
            fwrite(mg_str_ptr(m), 1, (size_t)mg_str_len(m), stderr);
            if (mg_str_len(m) == 0 || mg_str_ptr(m)[mg_str_len(m) - 1] != '\n') fputc('\n', stderr);
            return 1;
        }
        vm->errinfo = exc;
        status = mg_vm_finish(status);
        if (report) mg_vm_report_exception(exc);
        die_by_signal(exc);     /* returns when the signal does not end the process */
        return status;
    }
    if (mg_vm_main_done_hook) {
        /* maglev-ruby -Mcommit: commit only when the program ended without an error */
        int st = run_done_hook(vm);
        if (st >= 0) return st;
    }
    return mg_vm_finish(0);
}

/* the first regexp literal of the tree that Onigmo rejects, or NULL; *msg its
 * error. Without the VM (check_only) any regexp literal is returned, msg nil. */
static const Node *
bad_regex_literal(const Node *n, Value *msg, int depth, bool check_only)
{
    if (!n || depth > 100000) return NULL;
    if (n->kind == NODE_REGEX) {
        if (check_only) return n;
        Value s = mg_str_new(n->str ? n->str : "", n->len);
        *msg = mg_vm_regex_literal_error(s, (int)n->flags);
        return *msg != MG_NIL ? n : NULL;
    }
    const Node *kids[4] = { n->a, n->b, n->c, n->d };
    for (int i = 0; i < 4; i++) { const Node *r = bad_regex_literal(kids[i], msg, depth + 1, check_only); if (r) return r; }
    for (int i = 0; i < n->count; i++) { const Node *r = bad_regex_literal(n->list[i], msg, depth + 1, check_only); if (r) return r; }
    return NULL;
}

/* maglev-ruby -c. Returns 0 (Syntax OK), 1 (an error was reported) or, before
 * the VM runs (!mg_vm_booted), 2 when regexp literals need the VM to be
 * checked: the caller boots it and calls again. */
int
mg_vm_check_syntax(const char *src, size_t len, const char *file)
{
    ParseResult pr = mg_parse(src, len, file, 1, NULL, 0);
    if (!pr.root) {
        const char *e = pr.error ? pr.error : "syntax error";
        fputs(e, stderr);
        if (e[0] && e[strlen(e) - 1] != '\n') fputc('\n', stderr);
        mg_ast_free(&pr);
        return 1;
    }
    /* CRuby's parser compiles regexp literals: a bad one is a syntax error */
    Value msg = MG_NIL;
    const Node *bad = bad_regex_literal(pr.root, &msg, 0, !mg_vm_booted);
    if (bad && !mg_vm_booted) { mg_ast_free(&pr); return 2; }
    if (bad) {
        fprintf(stderr, "%s:%d: %s\n", file, bad->line, mg_str_cstr(msg));
        mg_ast_free(&pr);
        return 1;
    }
    mg_ast_free(&pr);
    puts("Syntax OK");
    return 0;
}
