/* fiber.c -- Fiber: coroutines with separate stacks, and the context switch
 * the green threads (core/thread.c) use too.
 *
 * Design:
 *  1. A fiber owns one mmap'd region: a guard page, its C stack, its VM value
 *     stack and its frame array (lazily committed pages; a small pool reuses
 *     regions). The main fiber uses the process stack and mg_vm's arrays.
 *  2. Everything of the VM that belongs to one C stack is per fiber and lives
 *     in mg_vm only while the fiber runs: stack/sp, frames/fp, the handler
 *     chain (its jmp_bufs point into that C stack), cdepth, the C-stack guard,
 *     $! and the catch tags; the GC arena too (gc.h, mg_gc_arena_swap); and
 *     the persistence mode (MAGLEV-API.md section 3), so a fiber that yields
 *     inside Maglev.persistent { } leaves its resumer in the resumer's mode --
 *     a new fiber starts in the mode of the fiber that first runs it.
 *     mg_fiber_switch saves them into the running fiber and loads the target's.
 *  3. Frame pointers never cross fibers except through Envs (a block made in
 *     one fiber runs in another): a break or return aimed at another fiber's
 *     frame reaches the fiber's root handler and becomes a LocalJumpError for
 *     the resumer, as in CRuby.
 *  4. GC: the running fiber's stacks are marked by the VM's root marker; a
 *     suspended one's through its DataType mark (or this file's root marker for
 *     fibers without an object: the main fiber, threads' roots). The resume
 *     chain of the running fiber is marked as a root, so a resumed fiber is
 *     never collected.
 *  5. A fiber whose body returns hands its result (or exception) to its
 *     resumer; its region is released by the fiber that runs next (never on
 *     the stack being freed). A suspended fiber that becomes garbage is freed
 *     with its region; its pending ensure clauses do not run (as in CRuby).
 * Values passed: resume(a) to a fresh fiber are the block's arguments;
 * afterwards resume(a, b) makes Fiber.yield return a (one) or [a, b] (more);
 * Fiber.yield(x) and the body's value likewise become resume's value. */
#include "fiber.h"
#include "../store/store.h"
#include <sys/mman.h>
#include <unistd.h>

void mg_vm_mark_stacks(Value *stack, Value *sp, Frame *frames, Frame *fp);

#define FIBER_CSTACK    (1u << 20)
#define FIBER_VALUES    (128u << 10)
#define FIBER_FRAMES    4096u
#define THREAD_CSTACK   (4u << 20)
#define THREAD_VALUES   (1u << 20)
#define THREAD_FRAMES   20000u
#define CSTACK_MARGIN   (192u << 10)
#define POOL_MAX        16

struct FiberMem {
    FiberMem *next;             /* pool link */
    void *base; size_t size;    /* the whole mapping */
    char *cstack; size_t csize; /* C stack (above the guard page) */
    Value *values; size_t nvalues;
    Frame *frames; size_t nframes;
    bool big;
};

static MgFiber main_fiber;
static MgFiber *cur;
static MgFiber *to_reap;        /* finished fiber whose region waits to be released */
static FiberMem *pool;
static int pool_count;
static size_t page_size;

MgFiber *
mg_fiber_current(void)
{
    return cur;
}

MgFiber *
mg_fiber_main(void)
{
    return &main_fiber;
}

/* ---- memory ---- */

static size_t
round_page(size_t n)
{
    return (n + page_size - 1) & ~(page_size - 1);
}

static FiberMem *
mem_alloc(bool big)
{
    if (!big && pool) {
        FiberMem *m = pool;
        pool = m->next;
        pool_count--;
        return m;
    }
    size_t csize = big ? THREAD_CSTACK : FIBER_CSTACK;
    size_t nvalues = big ? THREAD_VALUES : FIBER_VALUES;
    size_t nframes = big ? THREAD_FRAMES : FIBER_FRAMES;
    size_t vbytes = round_page(nvalues * sizeof(Value));
    size_t fbytes = round_page(nframes * sizeof(Frame));
    size_t size = page_size + csize + vbytes + fbytes;
    void *base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) return NULL;
    mprotect(base, page_size, PROT_NONE);           /* guard: C stack overflow faults, never scribbles */
    FiberMem *m = malloc(sizeof *m);
    if (!m) { munmap(base, size); return NULL; }
    m->next = NULL;
    m->base = base; m->size = size;
    m->cstack = (char *)base + page_size; m->csize = csize;
    m->values = (Value *)(m->cstack + csize); m->nvalues = nvalues;
    m->frames = (Frame *)((char *)m->values + vbytes); m->nframes = nframes;
    m->big = big;
    return m;
}

static void
mem_free(FiberMem *m)
{
    if (!m->big && pool_count < POOL_MAX) {
        m->next = pool;
        pool = m;
        pool_count++;
        return;
    }
    munmap(m->base, m->size);
    free(m);
}

void
mg_fiber_release(MgFiber *f)
{
    if (f->mem) { mem_free(f->mem); f->mem = NULL; }
    mg_gc_arena_release(&f->arena);
    mg_rec_guard_free(f->rec_guard);
    f->rec_guard = NULL;
    f->stack = f->stack_end = f->sp = NULL;
    f->frames = f->frame_end = f->fp = NULL;
}

static void
reap(void)
{
    if (to_reap && to_reap != cur) {
        MgFiber *f = to_reap;
        to_reap = NULL;
        mg_fiber_release(f);
    }
}

/* ---- GC ---- */

void
mg_fiber_mark(void *p)
{
    MgFiber *f = p;
    mg_gc_mark(f->self); mg_gc_mark(f->proc); mg_gc_mark(f->xfer); mg_gc_mark(f->storage);
    if (f == cur) return;               /* running: the VM marks its stacks, gc.c its arena */
    mg_gc_mark(f->errinfo); mg_gc_mark(f->catch_tags);
    if (f->state == FIBER_RESUMED || f->state == FIBER_SUSPENDED) {
        mg_vm_mark_stacks(f->stack, f->sp, f->frames, f->fp);
        mg_gc_mark_values(f->arena.items, f->arena.len);
    }
}

static void
fiber_free(void *p)
{
    MgFiber *f = p;
    if (f == cur || f == &main_fiber) return;
    if (to_reap == f) to_reap = NULL;
    mg_fiber_release(f);
    free(f);
}

const DataType mg_fiber_type = { "Fiber", mg_fiber_mark, fiber_free, NULL };

static void
fibers_root_mark(void)
{
    if (cur != &main_fiber) mg_fiber_mark(&main_fiber);
    for (MgFiber *f = cur; f; f = f->prev) {
        if (f->self != MG_NIL) mg_gc_mark(f->self);
        else mg_fiber_mark(f);
    }
    mg_thread_mark_all();
}

/* ---- switching ---- */

static void
save_state(MgFiber *f)
{
    VM *vm = VMS;
    f->stack = vm->stack; f->stack_end = vm->stack_end; f->sp = vm->sp;
    f->frames = vm->frames; f->frame_end = vm->frame_end; f->fp = vm->fp;
    f->handler = vm->handler;
    f->cdepth = vm->cdepth;
    f->cstack_base = vm->cstack_base; f->cstack_limit = vm->cstack_limit;
    f->errinfo = vm->errinfo; f->catch_tags = vm->catch_tags;
    f->mode = mg_mode_get();
    mg_gc_arena_swap(&f->arena);        /* f->arena takes the live arena; gc.c holds f's old (empty) one */
}

static void
load_state(MgFiber *f)
{
    VM *vm = VMS;
    vm->stack = f->stack; vm->stack_end = f->stack_end; vm->sp = f->sp;
    vm->frames = f->frames; vm->frame_end = f->frame_end; vm->fp = f->fp;
    vm->handler = f->handler;
    vm->cdepth = f->cdepth;
    vm->cstack_base = f->cstack_base; vm->cstack_limit = f->cstack_limit;
    vm->errinfo = f->errinfo; vm->catch_tags = f->catch_tags;
    mg_mode_set(f->mode);
    /* gc.c holds the empty arena save_state left (a running fiber's own slot is
     * always empty): take f's saved one, leaving f's slot empty */
    mg_gc_arena_swap(&f->arena);
}

static void fiber_start(void);

/* AddressSanitizer must be told about stack switches (make asan) */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
static MgFiber *asan_from;      /* the fiber being left, to learn its bounds */

static void
asan_start(MgFiber *from, MgFiber *to)
{
    asan_from = from;
    const void *bottom = to->mem ? to->mem->cstack : to->asan_bottom;
    size_t size = to->mem ? to->mem->csize : to->asan_size;
    /* a fiber leaving for good has no fake stack to keep */
    __sanitizer_start_switch_fiber(to_reap == from ? NULL : &from->asan_fake, bottom, size);
}

static void
asan_finish(MgFiber *self)
{
    const void *bottom;
    size_t size;
    __sanitizer_finish_switch_fiber(self ? self->asan_fake : NULL, &bottom, &size);
    if (asan_from && !asan_from->mem) { asan_from->asan_bottom = bottom; asan_from->asan_size = size; }
}
#else
static inline void asan_start(MgFiber *from, MgFiber *to) { (void)from; (void)to; }
static inline void asan_finish(MgFiber *self) { (void)self; }
#endif

/* The machine switch. On x86-64 a dozen instructions save the callee-saved
 * registers and the FP control words on the old stack and pop them from the
 * new one (no signal-mask system call, unlike swapcontext); elsewhere
 * ucontext. A fresh stack is laid out so the first switch "returns" into
 * fiber_start with the alignment of a function entry. */
#if defined(__x86_64__) && !defined(MG_FIBER_UCONTEXT)
void mg_fiber_ctx_switch(void **save_sp, void *load_sp);
__asm__(
    ".text\n"
    ".globl mg_fiber_ctx_switch\n"
    ".type mg_fiber_ctx_switch,@function\n"
    "mg_fiber_ctx_switch:\n"
    "    pushq %rbp\n    pushq %rbx\n    pushq %r12\n    pushq %r13\n    pushq %r14\n    pushq %r15\n"
    "    subq $8, %rsp\n    stmxcsr (%rsp)\n    fnstcw 4(%rsp)\n"
    "    movq %rsp, (%rdi)\n"
    "    movq %rsi, %rsp\n"
    "    ldmxcsr (%rsp)\n    fldcw 4(%rsp)\n    addq $8, %rsp\n"
    "    popq %r15\n    popq %r14\n    popq %r13\n    popq %r12\n    popq %rbx\n    popq %rbp\n"
    "    ret\n"
    ".size mg_fiber_ctx_switch, .-mg_fiber_ctx_switch\n");

static void
ctx_init(MgFiber *f, char *stack, size_t size)
{
    uintptr_t top = ((uintptr_t)(stack + size)) & ~(uintptr_t)15;
    uint64_t *sp = (uint64_t *)top;
    *--sp = 0;                                  /* fiber_start's (never used) return address */
    *--sp = (uint64_t)(uintptr_t)fiber_start;   /* popped by ret */
    for (int i = 0; i < 6; i++) *--sp = 0;      /* rbp rbx r12 r13 r14 r15 */
    --sp;
    ((uint32_t *)sp)[0] = 0x1F80;               /* MXCSR default */
    ((uint16_t *)sp)[2] = 0x037F;               /* x87 control word default */
    f->ctx_sp = sp;
}

static inline void
ctx_switch(MgFiber *from, MgFiber *to)
{
    mg_fiber_ctx_switch(&from->ctx_sp, to->ctx_sp);
}
#else
static void
ctx_init(MgFiber *f, char *stack, size_t size)
{
    getcontext(&f->ctx);
    f->ctx.uc_stack.ss_sp = stack;
    f->ctx.uc_stack.ss_size = size;
    f->ctx.uc_link = NULL;
    makecontext(&f->ctx, fiber_start, 0);
}

static inline void
ctx_switch(MgFiber *from, MgFiber *to)
{
    swapcontext(&from->ctx, &to->ctx);
}
#endif

static bool
prepare(MgFiber *f)
{
    FiberMem *m = mem_alloc(f->big);
    if (!m) return false;
    f->mem = m;
    f->stack = m->values; f->stack_end = m->values + m->nvalues; f->sp = m->values;
    memset(m->frames, 0, sizeof(Frame));
    f->frames = m->frames; f->frame_end = m->frames + m->nframes - 64; f->fp = m->frames;
    f->handler = NULL;
    f->cdepth = 0;
    f->cstack_base = m->cstack + m->csize;
    f->cstack_limit = m->csize - CSTACK_MARGIN;
    f->errinfo = MG_NIL;
    f->catch_tags = MG_NIL;
    f->mode = mg_mode_get();
    ctx_init(f, m->cstack, m->csize);
    return true;
}

void
mg_fiber_switch(MgFiber *to)
{
    MgFiber *from = cur;
    if (to == from) return;
    if (!to->mem && to != &main_fiber && !prepare(to))
        mg_raise(mg_eFiberError, "can't alloc machine stack to fiber");
    save_state(from);
    load_state(to);
    cur = to;
    asan_start(from, to);
    ctx_switch(from, to);
    asan_finish(from);
    /* running `from` again: someone switched back and loaded our state */
    reap();
}

static NORETURN void
fiber_finish(MgFiber *f, Value result, Value exc)
{
    f->state = FIBER_TERMINATED;
    f->proc = MG_NIL;
    if (f->thread_root) mg_thread_root_finished(f, result, exc);
    MgFiber *to = f->prev;
    /* a fiber reached by transfer hands its end to the thread's root fiber */
    if (!to) to = f->thread ? mg_thread_root_fiber(f->thread) : &main_fiber;
    f->prev = NULL;
    if (exc != MG_NIL) { to->xfer = exc; to->xfer_raise = true; }
    else { to->xfer = result; to->xfer_raise = false; }
    mg_fiber_exit_to(to);
}

NORETURN void
mg_fiber_exit_to(MgFiber *to)
{
    /* released by the next fiber to run: not on the stack being freed, and
     * only now, so no nested switch before this one can free it early */
    to_reap = cur;
    mg_fiber_switch(to);
    abort();    /* a terminated fiber is never switched to */
}

/* a non-local exit that left the fiber's body, as the exception the resumer sees */
static Value
escaped_exception(void)
{
    VM *vm = VMS;
    switch (vm->th_kind) {
    case TH_RAISE: return vm->th_val;
    case TH_BREAK: return mg_exc_new(mg_eLocalJumpError, "break from proc-closure");
    case TH_RETURN: return mg_exc_new(mg_eLocalJumpError, "unexpected return");
    case TH_THROW: {
        if (mg_thread_kill_p(vm->th_tag)) return MG_NIL;     /* Thread#kill: a normal end */
        Value tag = vm->th_tag, val = vm->th_val;
        Value msg = mg_sprintf("uncaught throw %s", mg_str_cstr(mg_inspect(tag)));
        Value args[3] = { tag, val, msg };
        return mg_funcall(MG_VAL(mg_eUncaughtThrowError), mg_id_new, 3, args);
    }
    default: return mg_exc_new(mg_eFiberError, "fiber exited abnormally");
    }
}

static void
fiber_start(void)
{
    VM *vm = VMS;
    MgFiber *f = cur;
    asan_finish(NULL);
    reap();
    Value result = MG_NIL, exc = MG_NIL;
    Handler h;
    h.prev = NULL; h.fp = vm->fp; h.sp = vm->sp; h.arena = mg_gc_arena_save(); h.cdepth = vm->cdepth;
    vm->handler = &h;
    if (setjmp(h.jb) == 0) {
        Value args = f->xfer;
        f->xfer = MG_NIL;
        mg_gc_protect(args);
        int argc = MG_IS_ARRAY(args) ? (int)mg_ary_len(args) : 0;
        Value *argv = argc ? mg_ary_ptr(args) : NULL;
        result = mg_proc_call(f->proc, argc, argv, MG_NIL);
        vm->handler = NULL;
    } else {
        vm->handler = NULL;
        mg_vm_unwind_to(h.fp);
        vm->sp = h.sp;
        vm->cdepth = h.cdepth;
        mg_gc_arena_restore(h.arena);
        exc = escaped_exception();
        vm->th_kind = TH_NONE;
    }
    mg_gc_protect(result);
    mg_gc_protect(exc);
    fiber_finish(f, result, exc);
}

/* ---- the Ruby-level operations ---- */

MgFiber *
mg_fiber_create(Value proc, bool big, RClass *obj_class)
{
    if (!cur) cur = &main_fiber;
    MgFiber *f = calloc(1, sizeof *f);
    if (!f) mg_raise_nomem();
    f->self = f->proc = f->xfer = f->storage = f->errinfo = f->catch_tags = MG_NIL;
    f->proc = proc;
    f->state = FIBER_CREATED;
    f->big = big;
    f->thread = cur->thread;
    if (obj_class) f->self = mg_data_new(obj_class, &mg_fiber_type, f);
    return f;
}

static Value
take_xfer(void)
{
    MgFiber *f = cur;
    Value v = f->xfer;
    mg_gc_protect(v);       /* only this C local holds it now */
    f->xfer = MG_NIL;
    if (f->xfer_raise) {
        f->xfer_raise = false;
        mg_raise_exc(v);
    }
    return v;
}

static Value
pack(int argc, const Value *argv)
{
    if (argc == 0) return MG_NIL;
    if (argc == 1) return argv[0];
    return mg_ary_new_from(argc, argv);
}

static void
check_resumable(MgFiber *f)
{
    if (f->state == FIBER_TERMINATED) mg_raise(mg_eFiberError, "attempt to resume a terminated fiber");
    if (f == cur) mg_raise(mg_eFiberError, "attempt to resume the current fiber");
    if (f->prev || f->state == FIBER_RESUMED) mg_raise(mg_eFiberError, "attempt to resume a resumed fiber (double resume)");
    if (f->transferred) mg_raise(mg_eFiberError, "attempt to resume a transferring fiber");
    if (f->thread != cur->thread) mg_raise(mg_eFiberError, "fiber called across threads");
}

static Value
resume_with(MgFiber *f, Value xfer, bool raise)
{
    f->xfer = xfer;
    f->xfer_raise = raise;
    f->prev = cur;
    f->state = FIBER_RESUMED;
    mg_fiber_switch(f);
    return take_xfer();
}

Value
mg_fiber_resume(MgFiber *f, int argc, const Value *argv)
{
    if (!cur) cur = &main_fiber;
    check_resumable(f);
    Value x = f->state == FIBER_CREATED ? mg_ary_new_from(argc, argv) : pack(argc, argv);
    return resume_with(f, x, false);
}

Value
mg_fiber_yield(int argc, const Value *argv)
{
    if (!cur) cur = &main_fiber;
    MgFiber *f = cur;
    MgFiber *to = f->prev;
    if (!to) mg_raise(mg_eFiberError, "attempt to yield on a not resumed fiber");
    to->xfer = pack(argc, argv);
    to->xfer_raise = false;
    f->prev = NULL;
    f->state = FIBER_SUSPENDED;
    mg_fiber_switch(to);
    return take_xfer();
}

/* Fiber#transfer: switch to f outside the resume chain. f must be new or have
 * left by transfer itself; the running fiber waits to be transferred back to.
 * A transferred fiber that ends goes to the thread's root fiber. */
static bool
on_resume_chain(MgFiber *f)
{
    for (MgFiber *c = cur; c; c = c->prev)
        if (c == f) return true;
    return false;
}

Value
mg_fiber_transfer(MgFiber *f, int argc, const Value *argv)
{
    if (!cur) cur = &main_fiber;
    if (f == cur) return pack(argc, argv);
    if (f->state == FIBER_TERMINATED) mg_raise(mg_eFiberError, "dead fiber called");
    if (f->thread != cur->thread) mg_raise(mg_eFiberError, "fiber called across threads");
    if (on_resume_chain(f) || (f->state == FIBER_RESUMED && !f->transferred))
        mg_raise(mg_eFiberError, "attempt to transfer to a resuming fiber");
    if (f->state == FIBER_SUSPENDED && !f->transferred) mg_raise(mg_eFiberError, "attempt to transfer to a yielding fiber");
    f->xfer = f->state == FIBER_CREATED ? mg_ary_new_from(argc, argv) : pack(argc, argv);
    f->xfer_raise = false;
    f->transferred = true;
    f->state = FIBER_RESUMED;
    MgFiber *me = cur;
    me->transferred = true;
    if (!me->prev) me->state = FIBER_SUSPENDED;
    mg_fiber_switch(f);
    me->transferred = false;
    me->state = FIBER_RESUMED;
    return take_xfer();
}

/* ---- Fiber methods ---- */

static MgFiber *
fiber_of(Value self)
{
    MgFiber *f = mg_data_get(self, &mg_fiber_type);
    if (!f) mg_raise(mg_eFiberError, "uninitialized fiber");
    return f;
}

static Value
fiber_alloc(RClass *klass)
{
    return mg_data_new(klass, &mg_fiber_type, NULL);
}

static Value
fiber_initialize(Value self, int argc, const Value *argv, Value blk)
{
    bool blocking = false;
    if (argc > 0 && mg_kw_given()) {
        Value kw = argv[--argc];
        Value b = mg_hash_lookup(kw, MG_SYM(mg_intern_cstr("blocking")));
        if (b != MG_UNDEF) blocking = MG_TEST(b);
    }
    if (!mg_block_given(blk)) mg_raise(mg_eArgumentError, "tried to create Proc object without a block");
    if (MG_RDATA(self)->ptr) mg_raise(mg_eTypeError, "already initialized fiber");
    MgFiber *f = mg_fiber_create(mg_block_proc(blk), false, NULL);
    f->nonblocking = !blocking;
    f->self = self;
    MG_RDATA(self)->ptr = f;
    return self;
}

static Value
fiber_resume(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return mg_fiber_resume(fiber_of(self), argc, argv);
}

static Value
fiber_s_yield(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    return mg_fiber_yield(argc, argv);
}

static Value
fiber_alive_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(fiber_of(self)->state != FIBER_TERMINATED);
}

static Value
fiber_s_current(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    if (!cur) cur = &main_fiber;
    if (cur->self == MG_NIL) {
        /* the root fiber of a thread gets its object on demand */
        cur->self = mg_data_new(mg_cFiber, &mg_fiber_type, cur);
    }
    return cur->self;
}

/* Kernel#raise's argument rules: (), (msg), (Class[, msg[, bt]]), (exc[, msg]) */
static Value
make_exception(int argc, const Value *argv)
{
    if (argc == 0) return mg_exc_new(mg_eRuntimeError, "unhandled exception");
    if (argc == 1 && MG_IS_STRING(argv[0])) return mg_exc_new_str(mg_eRuntimeError, argv[0]);
    if (!mg_respond_to(argv[0], mg_intern_cstr("exception"), true))
        mg_raise(mg_eTypeError, "exception class/object expected");
    Value e = mg_funcall(argv[0], mg_intern_cstr("exception"), argc > 1 ? 1 : 0, argv + 1);
    if (!mg_obj_is_kind_of(e, mg_eException)) mg_raise(mg_eTypeError, "exception object expected");
    if (argc > 2) mg_exc_set_backtrace(e, argv[2]);
    return e;
}

Value mg_fiber_make_exception(int argc, const Value *argv);
Value
mg_fiber_make_exception(int argc, const Value *argv)
{
    return make_exception(argc, argv);
}

static Value
fiber_raise(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    MgFiber *f = fiber_of(self);
    if (f->state == FIBER_CREATED) mg_raise(mg_eFiberError, "cannot raise exception on unborn fiber");
    Value e = make_exception(argc, argv);
    if (f == cur) mg_raise_exc(e);
    check_resumable(f);
    return resume_with(f, e, true);
}

static Value
fiber_transfer(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return mg_fiber_transfer(fiber_of(self), argc, argv);
}

/* blocking?: false for a fiber made non-blocking (Fiber.new's default); the
 * main and thread fibers, and Fiber.new(blocking: true), are blocking. */
static Value
fiber_blocking_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(!fiber_of(self)->nonblocking);
}

static Value
fiber_s_blocking_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    if (!cur) cur = &main_fiber;
    return cur->nonblocking ? MG_FALSE : MG_FIX(1);
}

/* backtrace(start = 0, length = nil) / (range): the running fiber's stack, a
 * suspended one's saved frames; [] before it starts and after it ends. */
static Value
fiber_backtrace_all(MgFiber *f)
{
    if (f == cur) return mg_backtrace(0);
    if (f->state == FIBER_CREATED || f->state == FIBER_TERMINATED || !f->frames) return mg_ary_new();
    /* its saved frames stand in for the VM's while walked, with the collector off */
    bool was = mg_gc_disable(true);
    Frame *saved = VMS->frames;
    VMS->frames = f->frames;
    Value bt = mg_vm_backtrace_from(f->fp, 0);
    VMS->frames = saved;
    mg_gc_disable(was);
    return bt;
}

static Value
fiber_backtrace(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return mg_backtrace_select(fiber_backtrace_all(fiber_of(self)), argc, argv, 0);
}

static Value
fiber_backtrace_locations(Value self, int argc, const Value *argv, Value blk)
{
    return mg_backtrace_locations(fiber_backtrace(self, argc, argv, blk));
}

static Value
fiber_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MgFiber *f = mg_data_get(self, &mg_fiber_type);
    Value s = mg_sprintf("#<%s:0x%016llx", mg_class_cname(mg_obj_class(self)), (unsigned long long)(uintptr_t)MG_OBJ(self));
    static const char *const names[] = { "created", "resumed", "suspended", "terminated" };
    if (f && f->proc != MG_NIL && mg_is_proc(f->proc)) {
        Proc *p = mg_proc_ptr(f->proc);
        if (p->code != MG_NIL) {
            Code *c = mg_code_ptr(p->code);
            mg_str_catf(s, " %s:%d", mg_str_cstr(c->file), c->line);
        }
    }
    FiberState st = f ? f->state : FIBER_CREATED;
    if (f && f == cur) st = FIBER_RESUMED;
    mg_str_catf(s, " (%s)>", names[st]);
    return s;
}

static const MgMethodDef fiber_methods[] = {
    {"initialize", fiber_initialize, 0, -1},
    {"resume", fiber_resume, 0, -1},
    {"alive?", fiber_alive_p, 0, 0},
    {"raise", fiber_raise, 0, 3},
    {"inspect", fiber_inspect, 0, 0},
    {"to_s", fiber_inspect, 0, 0},
    {"transfer", fiber_transfer, 0, -1},
    {"blocking?", fiber_blocking_p, 0, 0},
    {"backtrace", fiber_backtrace, 0, 2},
    {"backtrace_locations", fiber_backtrace_locations, 0, 2},
    {NULL, NULL, 0, 0}
};

void
mg_init_fiber(void)
{
    page_size = (size_t)sysconf(_SC_PAGESIZE);
    if (!cur) cur = &main_fiber;
    main_fiber.self = main_fiber.proc = main_fiber.xfer = main_fiber.storage = MG_NIL;
    main_fiber.errinfo = main_fiber.catch_tags = MG_NIL;
    main_fiber.state = FIBER_RESUMED;
    mg_gc_add_root_marker(fibers_root_mark);
    mg_define_alloc_func(mg_cFiber, fiber_alloc);
    mg_define_methods(mg_cFiber, fiber_methods);
    mg_define_singleton_method(MG_VAL(mg_cFiber), "yield", fiber_s_yield, 0, -1);
    mg_define_singleton_method(MG_VAL(mg_cFiber), "current", fiber_s_current, 0, 0);
    mg_define_singleton_method(MG_VAL(mg_cFiber), "blocking?", fiber_s_blocking_p, 0, 0);
}
