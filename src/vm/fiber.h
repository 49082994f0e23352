/* fiber.h -- coroutines with their own C stack, VM value stack, frames,
 * handler chain and GC arena (fiber.c); green threads (core/thread.c) are
 * built on the same switch. Design comment at the top of fiber.c. */
#ifndef MG_FIBER_H
#define MG_FIBER_H

#include "vm_int.h"
#include <ucontext.h>

typedef enum { FIBER_CREATED, FIBER_RESUMED, FIBER_SUSPENDED, FIBER_TERMINATED } FiberState;

typedef struct FiberMem FiberMem;
struct MgThread;

typedef struct MgFiber {
    Value self;                 /* the Fiber object (nil for a thread's root fiber) */
    Value proc;                 /* body */
    FiberState state;
    struct MgFiber *prev;       /* the fiber that resumed this one, while resumed */
    struct MgThread *thread;    /* owning thread (NULL: the main thread) */
    bool thread_root;           /* the body of a Thread: finishing goes to the scheduler */
    bool big;                   /* thread-sized stacks */
    bool transferred;           /* left by Fiber#transfer (or entered by it): only transfer reaches it */
    bool nonblocking;           /* Fiber.new(blocking: false), the default for Fiber.new */
    /* VM state, saved while not running */
    Value *stack, *stack_end, *sp;
    Frame *frames, *frame_end, *fp;
    Handler *handler;
    int cdepth;
    char *cstack_base;
    size_t cstack_limit;
    Value errinfo, catch_tags;
    int mode;                   /* the persistence mode (store/code.c): each fiber has its own */
    MgArena arena;
    /* values crossing a switch: what resume/yield hand over */
    Value xfer;
    bool xfer_raise;            /* xfer is an exception to raise on arrival */
    Value storage;              /* fiber-local variables (Thread#[]): Hash or nil */
    ucontext_t ctx;             /* machine context (portable path) */
    void *ctx_sp;               /* saved stack pointer (x86-64 fast path) */
    void *asan_fake;            /* AddressSanitizer bookkeeping (make asan) */
    const void *asan_bottom;
    size_t asan_size;
    FiberMem *mem;              /* NULL for the main fiber */
    void *rec_guard;            /* core/array.c: this fiber's recursion guard (inspect, ==, hash) or NULL */
} MgFiber;

extern const DataType mg_fiber_type;

/* The running fiber (never NULL after mg_init_fiber). */
MgFiber *mg_fiber_current(void);
/* The main thread's root fiber. */
MgFiber *mg_fiber_main(void);
/* A new fiber (CREATED) running proc; big = thread-sized stacks. The object is
 * a Fiber (or obj_class when not NULL). Allocates. */
MgFiber *mg_fiber_create(Value proc, bool big, RClass *obj_class);
/* Fiber#resume: raises FiberError for dead/current/resumed fibers; returns what
 * the fiber yields or returns; re-raises what it raises. */
Value mg_fiber_resume(MgFiber *f, int argc, const Value *argv);
/* Fiber.yield from the current fiber; returns what the next resume passes. */
Value mg_fiber_yield(int argc, const Value *argv);
/* Low level, for the thread scheduler: run `to` (CREATED or suspended by
 * mg_fiber_switch) until something switches back here. Saves/loads the VM
 * state and arena; no allocation. */
void mg_fiber_switch(MgFiber *to);
/* Leaves the running (terminated) fiber for good: switches to `to` and has
 * the running fiber's stacks released once off them. Never returns. */
NORETURN void mg_fiber_exit_to(MgFiber *to);
/* Marks a saved fiber's stacks (for threads' suspended fibers). */
void mg_fiber_mark(void *p);
/* Releases the stacks of a terminated fiber that is not running. */
void mg_fiber_release(MgFiber *f);

/* core/thread.c: a thread's root fiber finished (result, or exc != nil). Never returns. */
NORETURN void mg_thread_root_finished(MgFiber *f, Value result, Value exc);
/* core/thread.c: the root fiber of thread t (the main fiber for the main thread). */
MgFiber *mg_thread_root_fiber(struct MgThread *t);
/* Fiber#transfer (fiber.c): raises FiberError as CRuby; returns what the next transfer back passes. */
Value mg_fiber_transfer(MgFiber *f, int argc, const Value *argv);
/* core/thread.c: the tag Thread#kill throws */
bool mg_thread_kill_p(Value tag);
/* core/thread.c: marks the threads (GC root marker helper) */
void mg_thread_mark_all(void);

#endif
