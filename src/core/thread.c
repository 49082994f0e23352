/* thread.c -- Thread, Mutex, ConditionVariable, Queue, SizedQueue: green
 * threads on the fiber switch of vm/fiber.c, one OS thread running Ruby.
 *
 * Design:
 *  1. A Thread is a root fiber with thread-sized stacks plus scheduling state;
 *     `fiber` is the fiber that runs in it (a thread may resume fibers of its
 *     own). All live threads are in one list, in creation order; the list is a
 *     GC root (mg_thread_mark_all, called from fiber.c's root marker).
 *  2. States: RUNNABLE, BLOCKED (waiting: a ready() test on wait_obj, an
 *     optional deadline, an optional fd), DEAD. Only the current thread runs.
 *  3. Switches happen only at safe points: mg_vm_checkpoint (the VM calls it
 *     on backward branches when mg_vm.interrupt is set; a CPU-time timer sets
 *     it every TIMESLICE while more than one thread lives), Thread.pass, and
 *     every blocking call (sleep, join, Mutex#lock, Queue#pop, CV#wait, IO
 *     reads through mg_thread_wait_fd).
 *  4. schedule(): round robin from the thread after the current one; a blocked
 *     thread is eligible when its ready() holds, its deadline passed, its fd
 *     polls ready, or something is pending for it (Thread#raise/kill/wakeup).
 *     When nobody is eligible it poll()s for the nearest deadline / fds; when
 *     nobody can ever become eligible (every thread waits on a lock, queue,
 *     join or condition) the main thread gets fatal "No live threads left.
 *     Deadlock?" as in CRuby. Kernel#sleep without a duration is not deadlock.
 *  5. Thread#raise and #kill set `pending`; the target raises it when it next
 *     runs (its wait returns early). kill is a throw of a private tag: it runs
 *     ensure clauses, passes every rescue, and ends the thread normally.
 *  6. A thread whose body raised keeps the exception: join/value re-raise it;
 *     report_on_exception prints CRuby's report when it dies.
 *  7. Signals: trap handlers (and the default SIGTERM/SIGINT raise) run in the
 *     main thread only (process.c leaves them pending elsewhere); a pending
 *     signal makes a blocked main thread eligible. Every scheduler poll holds
 *     the read end of process.c's wake pipe, written by the signal handler,
 *     so a signal that lands between the eligibility scan and poll() -- say
 *     while a thread ends -- still wakes it (a flag alone was lost there). */
#include "coll_int.h"
#include "../vm/fiber.h"
#include "../store/store.h"
#include <poll.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>

#define TIMESLICE_US 20000

typedef enum { TS_RUNNABLE, TS_BLOCKED, TS_DEAD } ThreadState;

typedef struct MgThread MgThread;
typedef bool (*ReadyFn)(MgThread *t);

struct MgThread {
    Value self;
    MgThread *next;             /* live list */
    MgFiber *root;              /* NULL for the main thread (mg_fiber_main) */
    MgFiber *fiber;             /* the fiber running in this thread (saved while switched out) */
    ThreadState state;
    Value proc, args, value, exc, pending, locals, vars, name, group_unused;
    Value pending_args;     /* Thread#raise's arguments: the target makes the exception (below) */
    bool report_on_exception, abort_on_exception, killed, wakeup, deadlockable, stopped;
    int masked;                 /* inside Thread.handle_interrupt(... => :never) */
    /* waiting */
    ReadyFn ready;
    void *wait_obj;
    double deadline;            /* < 0: none */
    int wait_fd;                /* < 0: none */
    short wait_events;
    struct pollfd *wait_set;    /* mg_thread_poll's descriptors (IO.select), or NULL */
    int wait_nset;
    bool signaled;              /* ConditionVariable */
};

static MgThread *threads;       /* live list, main first */
static MgThread *main_th, *cur_th;
static int live_count;
static bool global_abort_on_exception, global_report_on_exception = true;
static bool ignore_deadlock;    /* Thread.ignore_deadlock: never raise the deadlock fatal */
static Value kill_tag = MG_NIL;
static RClass *cMutex, *cCondVar, *cQueue, *cSizedQueue, *eFatal;
static bool timer_on;

/* ---- GC ---- */

static void
thread_mark(void *p)
{
    MgThread *t = p;
    mg_gc_mark(t->self); mg_gc_mark(t->proc); mg_gc_mark(t->args); mg_gc_mark(t->value);
    mg_gc_mark(t->exc); mg_gc_mark(t->pending); mg_gc_mark(t->locals); mg_gc_mark(t->vars); mg_gc_mark(t->name);
    mg_gc_mark(t->pending_args);
    if (t->root) mg_gc_mark(t->root->self);
    if (t->state != TS_DEAD && t->fiber && t != cur_th) {
        /* the fibers of a switched-out thread, innermost first (they have no other root) */
        for (MgFiber *f = t->fiber; f; f = f->prev) {
            if (f->self != MG_NIL) mg_gc_mark(f->self);
            else mg_fiber_mark(f);
        }
    }
}

static void
thread_free(void *p)
{
    MgThread *t = p;
    if (t == main_th) return;
    free(t);
}

static const DataType thread_type = { "Thread", thread_mark, thread_free, NULL };

void
mg_thread_mark_all(void)
{
    mg_gc_mark(kill_tag);
    for (MgThread *t = threads; t; t = t->next) mg_gc_mark(t->self);
}

bool
mg_thread_kill_p(Value tag)
{
    return tag == kill_tag && tag != MG_NIL;
}

static MgThread *
thread_of(Value v)
{
    MgThread *t = mg_data_get(v, &thread_type);
    if (!t) mg_raise(mg_eTypeError, "wrong argument type %s (expected VM/thread)", mg_class_cname(mg_obj_class(v)));
    return t;
}

/* ---- timer ---- */

static void
on_tick(int sig)
{
    (void)sig;
    mg_vm.interrupt = 1;
}

static void
timer_update(void)
{
    bool want = live_count > 1;
    if (want == timer_on) return;
    timer_on = want;
    struct itimerval it;
    memset(&it, 0, sizeof it);
    if (want) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_tick;
        sa.sa_flags = SA_RESTART;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGVTALRM, &sa, NULL);
        it.it_interval.tv_usec = TIMESLICE_US;
        it.it_value.tv_usec = TIMESLICE_US;
    }
    setitimer(ITIMER_VIRTUAL, &it, NULL);
}

/* ---- scheduling ---- */

/* something sent by Thread#raise / kill that may be delivered now */
static inline bool
pending_now(MgThread *t)
{
    return t->pending != MG_NIL && (t->masked == 0 || t->pending == kill_tag);
}

static bool
fd_ready(MgThread *t)
{
    if (t->wait_set) return poll(t->wait_set, (nfds_t)t->wait_nset, 0) > 0;
    struct pollfd p = { t->wait_fd, t->wait_events, 0 };
    return poll(&p, 1, 0) > 0;
}

static bool
eligible(MgThread *t, double tnow)
{
    if (t->state == TS_RUNNABLE) return true;
    if (t->state != TS_BLOCKED) return false;
    if (pending_now(t) || t->wakeup) return true;
    if (t == main_th && mg_signal_pending()) return true;   /* its trap handlers run */
    if (t->ready && t->ready(t)) return true;
    if (t->deadline >= 0 && tnow >= t->deadline) return true;
    if ((t->wait_fd >= 0 || t->wait_set) && fd_ready(t)) return true;
    return false;
}

static void
switch_to(MgThread *t)
{
    MgThread *me = cur_th;
    me->fiber = mg_fiber_current();
    cur_th = t;
    int mode = mg_mode_get();   /* the persistence mode belongs to the thread (store/code.c) */
    mg_fiber_switch(t->fiber);
    /* running in `me` again */
    mg_mode_set(mode);
    /* a signal another thread saw (and left for the main thread) is handled
     * at the main thread's next checkpoint */
    if (me == main_th && mg_signal_pending()) mg_vm.interrupt = 1;
}

static Value deadlock_exception(void);

/* The next thread that can run, round robin from the one after `after`
 * (NULL: from the first); waits (poll) while nobody can, and hands the main
 * thread fatal when nobody ever could. */
static MgThread *
pick(MgThread *after)
{
    for (;;) {
        double tnow = mg_clock();
        MgThread *start = after && after->next ? after->next : threads;
        MgThread *t = start;
        do {
            if (eligible(t, tnow)) return t;
            t = t->next ? t->next : threads;
        } while (t != start);
        /* nobody can run: wait for a deadline or an fd */
        double nearest = -1;
        struct pollfd fds[65];
        int nfds = 0;
        bool waits_forever = false;
        for (t = threads; t; t = t->next) {
            if (t->state != TS_BLOCKED) continue;
            if (t->deadline >= 0 && (nearest < 0 || t->deadline < nearest)) nearest = t->deadline;
            if (t->wait_fd >= 0 && nfds < 64) { fds[nfds].fd = t->wait_fd; fds[nfds].events = t->wait_events; fds[nfds].revents = 0; nfds++; }
            for (int i = 0; t->wait_set && i < t->wait_nset && nfds < 64; i++) {
                fds[nfds].fd = t->wait_set[i].fd; fds[nfds].events = t->wait_set[i].events; fds[nfds].revents = 0; nfds++;
            }
            if (!t->deadlockable && t->deadline < 0 && t->wait_fd < 0 && !t->wait_set) waits_forever = true;
        }
        if (nearest < 0 && nfds == 0 && !waits_forever && !ignore_deadlock) {
            main_th->pending = deadlock_exception();
            continue;
        }
        int ms = -1;
        if (nearest >= 0) {
            double d = (nearest - mg_clock()) * 1000.0;
            ms = d <= 0 ? 0 : (int)d + 1;
        }
        /* a signal wakes the wait (through the wake pipe, which also holds a
         * signal that came before poll began): its handlers run in the main
         * thread, eligible from then on */
        int wake = mg_signal_wake_fd();
        if (wake >= 0) { fds[nfds].fd = wake; fds[nfds].events = POLLIN; fds[nfds].revents = 0; nfds++; }
        mg_io_flush_all();
        if (poll(fds, (nfds_t)nfds, ms) > 0 && wake >= 0 && (fds[nfds - 1].revents & POLLIN) && !mg_signal_pending())
            mg_signal_wake_drain();     /* a byte whose signal was handled already */
    }
}

/* Runs other threads until the current one is eligible again (returns at
 * once when nobody else can run). */
static void
schedule(void)
{
    MgThread *t = pick(cur_th);
    if (t != cur_th) switch_to(t);
}

Value mg_fiber_make_exception(int argc, const Value *argv);   /* fiber.c */

static void
check_pending(MgThread *t)
{
    if (!pending_now(t)) return;
    Value p = t->pending, args = t->pending_args;
    mg_gc_protect(p);
    mg_gc_protect(args);
    t->pending = t->pending_args = MG_NIL;
    if (p == kill_tag) mg_vm_throw(TH_THROW, MG_NIL, NULL, kill_tag);
    /* the exception is made here, in the thread it is raised in, as CRuby's:
     * Timeout::Error#exception throws out of the block from there */
    if (MG_IS_ARRAY(args)) p = mg_fiber_make_exception((int)mg_ary_len(args), MG_RARRAY(args)->ptr);
    mg_raise_exc(p);
}

/* Blocks the current thread until ready(t) holds, `timeout` seconds pass
 * (< 0: no timeout), or fd polls ready. Returns false on timeout. Raises what
 * Thread#raise / kill sent meanwhile. */
/* The main thread, woken from a wait by a signal: runs the trap handlers, then
 * waits on. A handler that raises leaves the thread runnable with no wait set. */
static void
signals_while_waiting(MgThread *t)
{
    MgThread saved = *t;
    t->state = TS_RUNNABLE;
    t->ready = NULL; t->wait_obj = NULL; t->deadline = -1; t->wait_fd = -1;
    t->wait_set = NULL; t->wait_nset = 0;
    mg_signal_checkpoint();
    t->state = TS_BLOCKED;
    t->ready = saved.ready; t->wait_obj = saved.wait_obj; t->deadline = saved.deadline;
    t->wait_fd = saved.wait_fd; t->wait_events = saved.wait_events;
    t->wait_set = saved.wait_set; t->wait_nset = saved.wait_nset;
    t->deadlockable = saved.deadlockable;
}

static bool
thread_wait(ReadyFn ready, void *obj, double timeout, int fd, short events, bool deadlockable)
{
    MgThread *t = cur_th;
    bool ok = true;
    t->ready = ready; t->wait_obj = obj;
    t->deadline = timeout >= 0 ? mg_clock() + timeout : -1;
    t->wait_fd = fd; t->wait_events = events;
    t->deadlockable = deadlockable;
    t->state = TS_BLOCKED;
    for (;;) {
        if (t == main_th && mg_signal_pending()) signals_while_waiting(t);
        if (pending_now(t)) break;
        if (ready && ready(t)) break;
        if (t->wakeup) { t->wakeup = false; break; }
        if (t->deadline >= 0 && mg_clock() >= t->deadline) { ok = false; break; }
        if ((fd >= 0 || t->wait_set) && fd_ready(t)) break;
        schedule();
    }
    t->state = TS_RUNNABLE;
    t->ready = NULL; t->wait_obj = NULL; t->deadline = -1; t->wait_fd = -1;
    t->wait_set = NULL; t->wait_nset = 0;
    check_pending(t);
    return ok;
}

bool
mg_thread_main_p(void)
{
    return !cur_th || cur_th == main_th;
}

void
mg_vm_thread_checkpoint(void)
{
    if (!cur_th || live_count < 2) return;
    schedule();
    check_pending(cur_th);
}

/* ---- hooks for blocking calls elsewhere (core.h) ---- */

void
mg_thread_wait_fd(int fd, bool write)
{
    if (!cur_th || live_count < 2) return;
    thread_wait(NULL, NULL, -1, fd, write ? POLLOUT : POLLIN, false);
}

bool
mg_thread_poll(struct pollfd *fds, int nfds, double timeout)
{
    for (int i = 0; i < nfds; i++) fds[i].revents = 0;
    if (cur_th && live_count >= 2) {
        MgThread *t = cur_th;
        t->wait_set = fds;
        t->wait_nset = nfds;
        /* thread_wait clears the set before it raises what Thread#raise sent */
        if (!thread_wait(NULL, NULL, timeout, -1, 0, false)) return false;
        return poll(fds, (nfds_t)nfds, 0) > 0;
    }
    /* the wake pipe joins the set: a signal that arrives just before poll
     * begins (no EINTR then) still ends the wait */
    struct pollfd all[65];
    int wake = mg_signal_wake_fd();
    int n = nfds;
    struct pollfd *set = fds;
    if (wake >= 0 && nfds < 64) {
        memcpy(all, fds, (size_t)nfds * sizeof *fds);
        all[nfds].fd = wake; all[nfds].events = POLLIN; all[nfds].revents = 0;
        set = all;
        n = nfds + 1;
    }
    double deadline = timeout >= 0 ? mg_clock() + timeout : -1;
    for (;;) {
        if (mg_signal_pending()) mg_vm_checkpoint();    /* trap handlers; may raise */
        int ms = -1;
        if (deadline >= 0) {
            double d = (deadline - mg_clock()) * 1000.0;
            ms = d <= 0 ? 0 : (int)d + 1;
        }
        int r = poll(set, (nfds_t)n, ms);
        if (r > 0 && set == all) {
            bool any = false;
            for (int i = 0; i < nfds; i++) { fds[i].revents = all[i].revents; if (all[i].revents) any = true; }
            if (any) return true;
            if (!mg_signal_pending()) mg_signal_wake_drain();   /* a handled signal's byte */
            continue;
        }
        if (r > 0) return true;
        if (r == 0) return false;
        if (errno != EINTR) mg_raise_syserr(errno, "poll", NULL);
        mg_vm_checkpoint();
    }
}

bool
mg_thread_sleep(double secs)
{
    if (!cur_th || live_count < 2) return false;
    thread_wait(NULL, NULL, secs, -1, 0, false);
    return true;
}

/* ---- creation and death ---- */

static MgThread *
thread_struct_new(RClass *klass)
{
    MgThread *t = calloc(1, sizeof *t);
    if (!t) mg_raise_nomem();
    t->proc = t->args = t->value = t->exc = t->pending = t->locals = t->vars = t->name = t->group_unused = MG_NIL;
    t->pending_args = MG_NIL;
    t->report_on_exception = global_report_on_exception;
    t->abort_on_exception = false;
    t->deadline = -1;
    t->wait_fd = -1;
    t->self = mg_data_new(klass, &thread_type, t);
    return t;
}

static void
list_add(MgThread *t)
{
    MgThread **pp = &threads;
    while (*pp) pp = &(*pp)->next;
    *pp = t;
    t->next = NULL;
    live_count++;
    timer_update();
}

static void
list_remove(MgThread *t)
{
    for (MgThread **pp = &threads; *pp; pp = &(*pp)->next)
        if (*pp == t) { *pp = t->next; t->next = NULL; live_count--; break; }
    timer_update();
}

static Value
thread_body_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MgThread *t = thread_of(data);
    mg_mode_set(MG_MODE_TRANSIENT);   /* every new thread starts transient (MAGLEV-API.md 3) */
    check_pending(t);       /* raised or killed before it ever ran */
    Value args = t->args;
    return mg_proc_call(t->proc, (int)ALEN(args), APTR(args), MG_NIL);
}

static Value
inspect_thread(MgThread *t)
{
    static const char *const names[] = { "run", "sleep", "dead" };
    Value s = mg_sprintf("#<%s:0x%016llx", mg_class_cname(mg_obj_class(t->self)), (unsigned long long)(uintptr_t)MG_OBJ(t->self));
    if (t->name != MG_NIL) mg_str_catf(s, "@%s", mg_str_cstr(t->name));
    if (t->proc != MG_NIL && mg_is_proc(t->proc)) {
        Proc *p = mg_proc_ptr(t->proc);
        if (p->code != MG_NIL) {
            Code *c = mg_code_ptr(p->code);
            mg_str_catf(s, " %s:%d", mg_str_cstr(c->file), c->line);
        }
    }
    int st = t == cur_th ? 0 : (int)t->state;
    if (t->state == TS_RUNNABLE && t != cur_th) st = 0;
    mg_str_catf(s, " %s>", names[st]);
    return s;
}

static Value
report_fn(Value arg)
{
    MgThread *t = (MgThread *)(uintptr_t)arg;
    Value head = inspect_thread(t);
    mg_str_cat_cstr(head, " terminated with exception (report_on_exception is true):\n");
    mg_str_append(head, mg_exc_full_message(t->exc, false, false));
    mg_io_flush_all();
    fwrite(mg_str_ptr(head), 1, (size_t)mg_str_len(head), stderr);
    fflush(stderr);
    return MG_NIL;
}

MgFiber *
mg_thread_root_fiber(MgThread *t)
{
    return t && t->root ? t->root : mg_fiber_main();
}

NORETURN void
mg_thread_root_finished(MgFiber *f, Value result, Value exc)
{
    MgThread *t = cur_th;
    (void)f;
    mg_gc_protect(result);
    mg_gc_protect(exc);
    t->value = result;
    if (exc != MG_NIL) {
        t->exc = exc;
        t->value = MG_NIL;
        if (t->report_on_exception && !mg_obj_is_kind_of(exc, mg_eSystemExit)) {
            Value e2;
            mg_protect(report_fn, (Value)(uintptr_t)t, &e2);
        }
        if ((t->abort_on_exception || global_abort_on_exception) && main_th->state != TS_DEAD)
            main_th->pending = exc;
    }
    t->state = TS_DEAD;
    t->fiber = NULL;
    list_remove(t);
    /* run whoever can run; a dead thread is never switched to again */
    MgThread *n = pick(NULL);
    cur_th = n;
    mg_fiber_exit_to(n->fiber);
}

static Value
thread_start(RClass *klass, int argc, const Value *argv, Value blk, Value self_obj)
{
    if (!mg_block_given(blk)) mg_raise(mg_eThreadError, "must be called with a block");
    MgThread *t;
    if (self_obj != MG_NIL) {
        t = thread_of(self_obj);
        if (t->root) mg_raise(mg_eThreadError, "already initialized thread");
    } else {
        t = thread_struct_new(klass);
    }
    mg_gc_protect(t->self);
    t->proc = mg_block_proc(blk);
    t->args = mg_ary_new_from(argc, argv);
    MgFiber *f = mg_fiber_create(mg_proc_new_cfunc(thread_body_fn, t->self, false), true, mg_cFiber);
    f->thread = (struct MgThread *)t;
    f->thread_root = true;
    f->state = FIBER_RESUMED;
    f->xfer = mg_ary_new();
    t->root = f;
    t->fiber = f;
    t->state = TS_RUNNABLE;
    list_add(t);
    return t->self;
}

static Value
thread_alloc(RClass *klass)
{
    return thread_struct_new(klass)->self;
}

static Value
thread_s_new(Value self, int argc, const Value *argv, Value blk)
{
    Value obj = thread_alloc(MG_RCLASS(self));
    mg_gc_protect(obj);
    mg_funcall_block(obj, mg_id_initialize, argc, argv, blk);
    MgThread *t = thread_of(obj);
    if (!t->root) mg_raise(mg_eThreadError, "uninitialized thread - check %s#initialize", mg_class_cname(MG_RCLASS(self)));
    return obj;
}

static Value
thread_initialize(Value self, int argc, const Value *argv, Value blk)
{
    return thread_start(NULL, argc, argv, blk, self);
}

static Value
thread_s_start(Value self, int argc, const Value *argv, Value blk)
{
    return thread_start(MG_RCLASS(self), argc, argv, blk, MG_NIL);
}

/* ---- Thread methods ---- */

static bool
ready_dead(MgThread *t)
{
    return ((MgThread *)t->wait_obj)->state == TS_DEAD;
}

static Value
thread_join(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    MgThread *t = thread_of(self);
    double timeout = -1;
    if (argc > 0 && argv[0] != MG_NIL) timeout = mg_num2dbl(argv[0]);
    if (t == cur_th) mg_raise(mg_eThreadError, "Target thread must not be current thread");
    if (t == main_th && t->state != TS_DEAD) mg_raise(mg_eThreadError, "Target thread must not be main thread");
    if (t->state != TS_DEAD) {
        if (timeout == 0) return MG_NIL;
        if (!thread_wait(ready_dead, t, timeout, -1, 0, timeout < 0)) return MG_NIL;
    }
    if (t->exc != MG_NIL) mg_raise_exc(t->exc);
    return self;
}

static Value
thread_value(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    thread_join(self, 0, NULL, blk);
    return thread_of(self)->value;
}

static Value
thread_status(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MgThread *t = thread_of(self);
    if (t->state == TS_DEAD) return t->exc != MG_NIL ? MG_NIL : MG_FALSE;
    if (t == cur_th || t->state == TS_RUNNABLE) return mg_str_new_cstr("run");
    return mg_str_new_cstr("sleep");
}

static Value
thread_alive_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(thread_of(self)->state != TS_DEAD);
}

static Value
thread_stop_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MgThread *t = thread_of(self);
    return MG_BOOL(t->state == TS_DEAD || t->state == TS_BLOCKED);
}

static Value
thread_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return inspect_thread(thread_of(self));
}

Value
mg_thread_current(void)
{
    return cur_th ? cur_th->self : MG_NIL;
}

static Value
thread_s_current(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return cur_th->self;
}

static Value
thread_s_main(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return main_th->self;
}

static Value
thread_s_list(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value a = mg_ary_new();
    for (MgThread *t = threads; t; t = t->next) mg_ary_push(a, t->self);
    return a;
}

static Value
thread_s_pass(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    if (live_count > 1) {
        schedule();
        check_pending(cur_th);
    }
    return MG_NIL;
}

static Value
thread_s_stop(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    if (live_count < 2) mg_raise(mg_eThreadError, "stopping only thread\n\tnote: use sleep to stop forever");
    cur_th->stopped = true;
    thread_wait(NULL, NULL, -1, -1, 0, true);
    cur_th->stopped = false;
    return MG_NIL;
}

static Value
thread_wakeup(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MgThread *t = thread_of(self);
    if (t->state == TS_DEAD) mg_raise(mg_eThreadError, "killed thread");
    if (t->state == TS_BLOCKED) t->wakeup = true;
    return self;
}

static Value
thread_run(Value self, int argc, const Value *argv, Value blk)
{
    thread_wakeup(self, argc, argv, blk);
    thread_s_pass(self, 0, NULL, MG_NIL);
    return self;
}

static Value
thread_raise(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    MgThread *t = thread_of(self);
    if (t->state == TS_DEAD) return MG_NIL;
    if (t == cur_th || argc == 0) {
        Value e = mg_fiber_make_exception(argc, argv);
        if (t == cur_th) mg_raise_exc(e);
        t->pending = e;
        return MG_NIL;
    }
    t->pending = argv[0];                    /* what Thread.pending_interrupt? and handle_interrupt match */
    t->pending_args = mg_ary_new_from(argc, argv);
    return MG_NIL;
}

static Value
thread_kill(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MgThread *t = thread_of(self);
    if (t->state == TS_DEAD) return self;
    t->killed = true;
    if (t == cur_th) mg_vm_throw(TH_THROW, MG_NIL, NULL, kill_tag);
    t->pending = kill_tag;
    return self;
}

static Value
thread_s_kill(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    return thread_kill(argv[0], argc - 1, argv + 1, MG_NIL);
}

static Value
thread_s_exit(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return thread_kill(cur_th->self, 0, NULL, MG_NIL);
}

/* Thread.handle_interrupt(ExceptionClass => :never) { }: Thread#raise waits
 * until the block is left (kill is never deferred). :immediate leaves it as is. */
static Value
hi_body(Value blk)
{
    return mg_yield(blk, 0, NULL);
}

static void
hi_restore(Value arg)
{
    (void)arg;
    cur_th->masked--;
}

static bool
hi_defers(Value key, Value val, void *data)
{
    (void)key;
    if (val == MG_SYM(mg_intern_cstr("never")) || val == MG_SYM(mg_intern_cstr("on_blocking"))) *(bool *)data = true;
    return true;
}

static Value
thread_s_handle_interrupt(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc);
    if (!mg_block_given(blk)) mg_raise(mg_eArgumentError, "block is needed.");
    if (!MG_IS_HASH(argv[0])) mg_raise_type(argv[0], "Hash");
    bool defer = false;
    mg_hash_foreach(argv[0], hi_defers, &defer);
    if (!defer) return mg_yield(blk, 0, NULL);
    cur_th->masked++;
    Value r = mg_ensure(hi_body, blk, hi_restore, MG_NIL);
    check_pending(cur_th);
    return r;
}

/* pending_interrupt?(error = nil): an interrupt is queued (of that class, when given) */
static Value
pending_matches(Value pending, int argc, const Value *argv)
{
    if (pending == MG_NIL) return MG_FALSE;
    if (argc == 0 || argv[0] == MG_NIL) return MG_TRUE;
    if (!MG_IS_PTR(argv[0]) || MG_OBJ(argv[0])->type != T_CLASS) mg_raise(mg_eTypeError, "class or module required for rescue clause");
    Value e = MG_IS_PTR(pending) && MG_OBJ(pending)->type == T_CLASS ? pending : MG_VAL(mg_class_of(pending));
    return MG_BOOL(e == argv[0] || mg_class_inherits((RClass *)MG_OBJ(e), (RClass *)MG_OBJ(argv[0])));
}

static Value
thread_s_pending_interrupt_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    return pending_matches(cur_th->pending, argc, argv);
}

static Value
thread_pending_interrupt_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return pending_matches(thread_of(self)->pending, argc, argv);
}

static Value
thread_backtrace_all(Value self)
{
    MgThread *t = thread_of(self);
    if (t->state == TS_DEAD) return MG_NIL;
    if (t == cur_th) return mg_backtrace(0);
    MgFiber *f = t->fiber;
    if (!f || !f->frames) return mg_ary_new();     /* not started yet */
    /* walk its saved frames: the VM's frame base is swapped in for the walk,
     * with the collector off so it never marks the mixed state */
    bool was = mg_gc_disable(true);
    Frame *saved = mg_vm.frames;
    mg_vm.frames = f->frames;
    Value bt = mg_vm_backtrace_from(f->fp, 0);
    mg_vm.frames = saved;
    mg_gc_disable(was);
    return bt;
}

/* Thread#backtrace(start = 0, length = nil) / (range); #backtrace_locations the same as Location objects */
static Value
thread_backtrace(Value self, int argc, const Value *argv, Value blk)
{
    return mg_backtrace_select(thread_backtrace_all(self), argc, argv, 0);
}

static Value
thread_backtrace_locations(Value self, int argc, const Value *argv, Value blk)
{
    return mg_backtrace_locations(thread_backtrace(self, argc, argv, blk));
}

/* Every green thread runs on the process's one OS thread: its id (nil once dead). */
static Value
thread_native_thread_id(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    if (thread_of(self)->state == TS_DEAD) return MG_NIL;
    return MG_FIX((int64_t)syscall(SYS_gettid));
}

static Value
thread_s_ignore_deadlock(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(ignore_deadlock);
}

static Value
thread_s_set_ignore_deadlock(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    ignore_deadlock = MG_TEST(argv[0]);
    return argv[0];
}

static Value
key_of(Value k)
{
    if (MG_IS_SYMBOL(k)) return k;
    if (MG_IS_STRING(k)) return mg_str_to_sym(k);
    mg_raise(mg_eTypeError, "%s is not a symbol nor a string", mg_str_cstr(mg_inspect(k)));
}

/* Thread#[] is fiber-local, as in CRuby: the storage of the fiber running in
 * the thread (its root fiber once it is dead). */
static MgFiber *
locals_fiber(MgThread *t)
{
    if (t == cur_th) return mg_fiber_current();
    if (t->fiber) return t->fiber;
    return t->root ? t->root : mg_fiber_main();
}

static Value
thread_aref(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    MgFiber *f = locals_fiber(thread_of(self));
    Value k = key_of(argv[0]);
    if (f->storage == MG_NIL) return MG_NIL;
    return mg_hash_aref(f->storage, k);
}

/* Thread#fetch(key [, default]) { |key| }: the fiber-local, or the default,
 * the block's value, or KeyError "key not found: :k". */
static Value
thread_fetch(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 2 && blk != MG_NIL) mg_warn_caller(NULL, "block supersedes default value argument");
    MgFiber *f = locals_fiber(thread_of(self));
    Value k = key_of(argv[0]);
    Value v = f->storage == MG_NIL ? MG_UNDEF : mg_hash_lookup(f->storage, k);
    if (v != MG_UNDEF) return v;
    if (blk != MG_NIL) return mg_yield1(blk, argv[0]);
    if (argc == 2) return argv[1];
    Value msg = mg_sprintf("key not found: %s", mg_str_cstr(mg_inspect(argv[0])));
    mg_raise_exc(mg_key_error_new(msg, self, argv[0]));
}

static Value
thread_aset(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    MgFiber *f = locals_fiber(thread_of(self));
    if (mg_frozen_p(self)) mg_raise_frozen(self);
    Value k = key_of(argv[0]);
    if (f->storage == MG_NIL) f->storage = mg_hash_new();
    mg_hash_aset(f->storage, k, argv[1]);
    return argv[1];
}

static Value
thread_key_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    MgFiber *f = locals_fiber(thread_of(self));
    Value k = key_of(argv[0]);
    if (f->storage == MG_NIL) return MG_FALSE;
    return MG_BOOL(mg_hash_lookup(f->storage, k) != MG_UNDEF);
}

static Value
thread_keys(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MgFiber *f = locals_fiber(thread_of(self));
    if (f->storage == MG_NIL) return mg_ary_new();
    return mg_funcall(f->storage, mg_intern_cstr("keys"), 0, NULL);
}

static Value
thread_var_get(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    MgThread *t = thread_of(self);
    if (t->vars == MG_NIL) return MG_NIL;
    return mg_hash_aref(t->vars, key_of(argv[0]));
}

static Value
thread_var_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    MgThread *t = thread_of(self);
    if (mg_frozen_p(self)) mg_raise_frozen(self);
    if (t->vars == MG_NIL) t->vars = mg_hash_new();
    mg_hash_aset(t->vars, key_of(argv[0]), argv[1]);
    return argv[1];
}

static Value
thread_var_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    MgThread *t = thread_of(self);
    if (t->vars == MG_NIL) return MG_FALSE;
    return MG_BOOL(mg_hash_lookup(t->vars, key_of(argv[0])) != MG_UNDEF);
}

static Value
thread_vars(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MgThread *t = thread_of(self);
    if (t->vars == MG_NIL) return mg_ary_new();
    return mg_funcall(t->vars, mg_intern_cstr("keys"), 0, NULL);
}

static Value
thread_report_get(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(thread_of(self)->report_on_exception);
}

static Value
thread_report_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    thread_of(self)->report_on_exception = MG_TEST(argv[0]);
    return argv[0];
}

static Value
thread_abort_get(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(thread_of(self)->abort_on_exception);
}

static Value
thread_abort_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    thread_of(self)->abort_on_exception = MG_TEST(argv[0]);
    return argv[0];
}

static Value
thread_s_report_get(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(global_report_on_exception);
}

static Value
thread_s_report_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    global_report_on_exception = MG_TEST(argv[0]);
    return argv[0];
}

static Value
thread_s_abort_get(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(global_abort_on_exception);
}

static Value
thread_s_abort_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    global_abort_on_exception = MG_TEST(argv[0]);
    return argv[0];
}

static Value
thread_name_get(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return thread_of(self)->name;
}

static Value
thread_name_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    thread_of(self)->name = argv[0] == MG_NIL ? MG_NIL : mg_str_dup(mg_to_str(argv[0]));
    return argv[0];
}

static Value
thread_priority(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX(0);
}

static Value
thread_priority_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return argv[0];
}

/* ---- deadlock ---- */

static Value
deadlock_exception(void)
{
    int n = 0, sleeping = 0;
    for (MgThread *t = threads; t; t = t->next) { n++; if (t->state == TS_BLOCKED) sleeping++; }
    Value msg = mg_sprintf("No live threads left. Deadlock?\n%d threads, %d sleeps current:%p main thread:%p\n",
                           n, sleeping, (void *)cur_th, (void *)main_th);
    for (MgThread *t = threads; t; t = t->next) {
        mg_str_cat_cstr(msg, "* ");
        mg_str_append(msg, inspect_thread(t));
        mg_str_cat_cstr(msg, "\n");
    }
    return mg_exc_new_str(eFatal, msg);
}

/* ---- Mutex ---- */

typedef struct { MgThread *owner; Value owner_obj; } Mutex;

static void
mutex_mark(void *p)
{
    Mutex *m = p;
    mg_gc_mark(m->owner_obj);
}

static const DataType mutex_type = { "Thread::Mutex", mutex_mark, NULL, NULL };

static Value
mutex_alloc(RClass *klass)
{
    void *p;
    Value v = mg_data_new_inline(klass, &mutex_type, sizeof(Mutex), &p);
    ((Mutex *)p)->owner_obj = MG_NIL;
    return v;
}

static Mutex *
mutex_of(Value v)
{
    return mg_data_check(v, &mutex_type);
}

static bool
ready_unlocked(MgThread *t)
{
    Mutex *m = t->wait_obj;
    return m->owner == NULL || m->owner->state == TS_DEAD;
}

static void
mutex_take(Mutex *m)
{
    m->owner = cur_th;
    m->owner_obj = cur_th->self;
}

static Value
mutex_lock(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Mutex *m = mutex_of(self);
    if (m->owner == cur_th) mg_raise(mg_eThreadError, "deadlock; recursive locking");
    while (m->owner && m->owner->state != TS_DEAD) {
        thread_wait(ready_unlocked, m, -1, -1, 0, true);
    }
    mutex_take(m);
    return self;
}

static Value
mutex_try_lock(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Mutex *m = mutex_of(self);
    if (m->owner && m->owner->state != TS_DEAD) return MG_FALSE;
    mutex_take(m);
    return MG_TRUE;
}

static void
mutex_release(Mutex *m)
{
    m->owner = NULL;
    m->owner_obj = MG_NIL;
}

static Value
mutex_unlock(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Mutex *m = mutex_of(self);
    if (!m->owner) mg_raise(mg_eThreadError, "Attempt to unlock a mutex which is not locked");
    if (m->owner != cur_th) mg_raise(mg_eThreadError, "Attempt to unlock a mutex which is locked by another thread/fiber");
    mutex_release(m);
    return self;
}

static Value
mutex_locked_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Mutex *m = mutex_of(self);
    return MG_BOOL(m->owner && m->owner->state != TS_DEAD);
}

static Value
mutex_owned_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(mutex_of(self)->owner == cur_th);
}

static Value
sync_body(Value blk)
{
    return mg_yield(blk, 0, NULL);
}

static void
sync_unlock(Value self)
{
    Mutex *m = mutex_of(self);
    if (m->owner == cur_th) mutex_release(m);
}

static Value
mutex_synchronize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    if (!mg_block_given(blk)) mg_raise(mg_eThreadError, "must be called with a block");
    mutex_lock(self, 0, NULL, MG_NIL);
    return mg_ensure(sync_body, blk, sync_unlock, self);
}

static Value
mutex_sleep(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    double timeout = argc > 0 && argv[0] != MG_NIL ? mg_num2dbl(argv[0]) : -1;
    mutex_unlock(self, 0, NULL, MG_NIL);
    double t0 = mg_clock();
    if (live_count < 2 && timeout >= 0) {
        struct timespec ts = { (time_t)timeout, (long)((timeout - (double)(time_t)timeout) * 1e9) };
        while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
    } else {
        thread_wait(NULL, NULL, timeout, -1, 0, timeout < 0);
    }
    mutex_lock(self, 0, NULL, MG_NIL);
    double slept = mg_clock() - t0;
    return MG_FIX((int64_t)(slept + 0.5));
}

/* ---- ConditionVariable: waiters are threads in an Array ---- */

static Value
cv_waiters(Value self)
{
    ID id = mg_intern_cstr("__waiters__");
    Value w = mg_ivar_lookup(self, id);
    if (w == MG_UNDEF || w == MG_NIL) { w = mg_ary_new(); mg_ivar_set(self, id, w); }
    return w;
}

static bool
ready_signaled(MgThread *t)
{
    return t->signaled;
}

static Value
cv_wait(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value mutex = argv[0];
    double timeout = argc > 1 && argv[1] != MG_NIL ? mg_num2dbl(argv[1]) : -1;
    Value w = cv_waiters(self);
    mg_ary_push(w, cur_th->self);
    cur_th->signaled = false;
    mg_funcall(mutex, mg_intern_cstr("unlock"), 0, NULL);
    thread_wait(ready_signaled, NULL, timeout, -1, 0, timeout < 0);
    cur_th->signaled = false;
    /* a timeout leaves us in the list */
    for (int64_t i = 0; i < ALEN(w); i++)
        if (APTR(w)[i] == cur_th->self) { mg_funcall(w, mg_intern_cstr("delete_at"), 1, (Value[]){ MG_FIX(i) }); break; }
    mg_funcall(mutex, mg_intern_cstr("lock"), 0, NULL);
    return self;
}

static Value
cv_signal(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value w = cv_waiters(self);
    while (ALEN(w) > 0) {
        Value tv = mg_funcall(w, mg_intern_cstr("shift"), 0, NULL);
        MgThread *t = thread_of(tv);
        if (t->state == TS_DEAD) continue;
        t->signaled = true;
        break;
    }
    return self;
}

static Value
cv_broadcast(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value w = cv_waiters(self);
    for (int64_t i = 0; i < ALEN(w); i++) thread_of(APTR(w)[i])->signaled = true;
    mg_funcall(w, mg_intern_cstr("clear"), 0, NULL);
    return self;
}

/* ---- Queue / SizedQueue ---- */

typedef struct { Value items; bool closed; int64_t max; } Queue;

static void
queue_mark(void *p)
{
    mg_gc_mark(((Queue *)p)->items);
}

static const DataType queue_type = { "Thread::Queue", queue_mark, NULL, NULL };

static Value
queue_alloc(RClass *klass)
{
    void *p;
    Value v = mg_data_new_inline(klass, &queue_type, sizeof(Queue), &p);
    Queue *q = p;
    q->items = MG_NIL;
    q->items = mg_ary_new();
    return v;
}

static Queue *
queue_of(Value v)
{
    return mg_data_check(v, &queue_type);
}

static Value
queue_initialize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Queue *q = queue_of(self);
    if (argc > 0) {
        Value init = argv[0];
        if (!mg_respond_to(init, mg_intern_cstr("to_a"), true))
            mg_raise(mg_eTypeError, "can't convert %s into Array", mg_class_cname(mg_obj_class(init)));
        Value a = mg_funcall(init, mg_intern_cstr("to_a"), 0, NULL);
        for (int64_t i = 0; i < ALEN(a); i++) mg_ary_push(q->items, APTR(a)[i]);
    }
    return self;
}

static NORETURN void
raise_closed(const char *msg)
{
    mg_raise(mg_eClosedQueueError, "%s", msg);
}

static bool
ready_pop(MgThread *t)
{
    Queue *q = t->wait_obj;
    return ALEN(q->items) > 0 || q->closed;
}

static bool
ready_push(MgThread *t)
{
    Queue *q = t->wait_obj;
    return ALEN(q->items) < q->max || q->closed;
}

static Value
queue_push(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Queue *q = queue_of(self);
    if (q->closed) raise_closed("queue closed");
    if (q->max > 0) {
        bool non_block = argc > 1 && MG_TEST(argv[1]);
        while (ALEN(q->items) >= q->max) {
            if (non_block) mg_raise(mg_eThreadError, "queue full");
            thread_wait(ready_push, q, -1, -1, 0, true);
            if (q->closed) raise_closed("queue closed");
        }
    }
    mg_ary_push(q->items, argv[0]);
    return self;
}

static Value
queue_pop(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Queue *q = queue_of(self);
    bool non_block = argc > 0 && MG_TEST(argv[0]);
    while (ALEN(q->items) == 0) {
        if (non_block) mg_raise(mg_eThreadError, "queue empty");
        if (q->closed) return MG_NIL;
        thread_wait(ready_pop, q, -1, -1, 0, true);
    }
    return mg_funcall(q->items, mg_intern_cstr("shift"), 0, NULL);
}

static Value
queue_close(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    queue_of(self)->closed = true;
    return self;
}

static Value
queue_closed_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(queue_of(self)->closed);
}

static Value
queue_size(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX(ALEN(queue_of(self)->items));
}

static Value
queue_empty_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(ALEN(queue_of(self)->items) == 0);
}

static Value
queue_clear(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    mg_funcall(queue_of(self)->items, mg_intern_cstr("clear"), 0, NULL);
    return self;
}

static Value
queue_num_waiting(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Queue *q = queue_of(self);
    int n = 0;      /* counted, so a wait cut short by Thread#raise never skews it */
    for (MgThread *t = threads; t; t = t->next)
        if (t->state == TS_BLOCKED && t->wait_obj == q) n++;
    return MG_FIX(n);
}

static Value
queue_marshal_dump(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    mg_raise(mg_eTypeError, "can't dump %s", mg_class_cname(mg_obj_class(self)));
}

static Value
szq_initialize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Queue *q = queue_of(self);
    int64_t max = NUM2LONG(mg_to_int(argv[0]));
    if (max <= 0) mg_raise(mg_eArgumentError, "queue size must be positive");
    q->max = max;
    return self;
}

static Value
szq_max(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX(queue_of(self)->max);
}

static Value
szq_set_max(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    int64_t max = NUM2LONG(mg_to_int(argv[0]));
    if (max <= 0) mg_raise(mg_eArgumentError, "queue size must be positive");
    queue_of(self)->max = max;
    return argv[0];
}

/* ---- init ---- */

static const MgMethodDef thread_methods[] = {
    {"initialize", thread_initialize, 0, -1},
    {"join", thread_join, 0, 1},
    {"value", thread_value, 0, 0},
    {"status", thread_status, 0, 0},
    {"alive?", thread_alive_p, 0, 0},
    {"stop?", thread_stop_p, 0, 0},
    {"inspect", thread_inspect, 0, 0},
    {"to_s", thread_inspect, 0, 0},
    {"wakeup", thread_wakeup, 0, 0},
    {"run", thread_run, 0, 0},
    {"raise", thread_raise, 0, 3},
    {"kill", thread_kill, 0, 0},
    {"exit", thread_kill, 0, 0},
    {"terminate", thread_kill, 0, 0},
    {"[]", thread_aref, 1, 1},
    {"[]=", thread_aset, 2, 2},
    {"key?", thread_key_p, 1, 1},
    {"keys", thread_keys, 0, 0},
    {"thread_variable_get", thread_var_get, 1, 1},
    {"thread_variable_set", thread_var_set, 2, 2},
    {"thread_variable?", thread_var_p, 1, 1},
    {"thread_variables", thread_vars, 0, 0},
    {"report_on_exception", thread_report_get, 0, 0},
    {"report_on_exception=", thread_report_set, 1, 1},
    {"abort_on_exception", thread_abort_get, 0, 0},
    {"abort_on_exception=", thread_abort_set, 1, 1},
    {"name", thread_name_get, 0, 0},
    {"name=", thread_name_set, 1, 1},
    {"priority", thread_priority, 0, 0},
    {"pending_interrupt?", thread_pending_interrupt_p, 0, 1},
    {"backtrace", thread_backtrace, 0, 2},
    {"backtrace_locations", thread_backtrace_locations, 0, 2},
    {"native_thread_id", thread_native_thread_id, 0, 0},
    {"fetch", thread_fetch, 1, 2},
    {"priority=", thread_priority_set, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef thread_smethods[] = {
    {"new", thread_s_new, 0, -1},
    {"start", thread_s_start, 0, -1},
    {"fork", thread_s_start, 0, -1},
    {"current", thread_s_current, 0, 0},
    {"main", thread_s_main, 0, 0},
    {"list", thread_s_list, 0, 0},
    {"pass", thread_s_pass, 0, 0},
    {"handle_interrupt", thread_s_handle_interrupt, 1, 1},
    {"pending_interrupt?", thread_s_pending_interrupt_p, 0, 1},
    {"stop", thread_s_stop, 0, 0},
    {"kill", thread_s_kill, 1, 1},
    {"exit", thread_s_exit, 0, 0},
    {"report_on_exception", thread_s_report_get, 0, 0},
    {"report_on_exception=", thread_s_report_set, 1, 1},
    {"abort_on_exception", thread_s_abort_get, 0, 0},
    {"abort_on_exception=", thread_s_abort_set, 1, 1},
    {"ignore_deadlock", thread_s_ignore_deadlock, 0, 0},
    {"ignore_deadlock=", thread_s_set_ignore_deadlock, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef mutex_methods[] = {
    {"lock", mutex_lock, 0, 0},
    {"unlock", mutex_unlock, 0, 0},
    {"try_lock", mutex_try_lock, 0, 0},
    {"locked?", mutex_locked_p, 0, 0},
    {"owned?", mutex_owned_p, 0, 0},
    {"synchronize", mutex_synchronize, 0, 0},
    {"sleep", mutex_sleep, 0, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef cv_methods[] = {
    {"wait", cv_wait, 1, 2},
    {"signal", cv_signal, 0, 0},
    {"broadcast", cv_broadcast, 0, 0},
    {"marshal_dump", queue_marshal_dump, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef queue_methods[] = {
    {"initialize", queue_initialize, 0, 1},
    {"push", queue_push, 1, 1},
    {"<<", queue_push, 1, 1},
    {"enq", queue_push, 1, 1},
    {"pop", queue_pop, 0, 1},
    {"shift", queue_pop, 0, 1},
    {"deq", queue_pop, 0, 1},
    {"close", queue_close, 0, 0},
    {"closed?", queue_closed_p, 0, 0},
    {"size", queue_size, 0, 0},
    {"length", queue_size, 0, 0},
    {"empty?", queue_empty_p, 0, 0},
    {"clear", queue_clear, 0, 0},
    {"num_waiting", queue_num_waiting, 0, 0},
    {"marshal_dump", queue_marshal_dump, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef szq_methods[] = {
    {"initialize", szq_initialize, 1, 1},
    {"max", szq_max, 0, 0},
    {"max=", szq_set_max, 1, 1},
    {"push", queue_push, 1, 2},
    {"<<", queue_push, 1, 2},
    {"enq", queue_push, 1, 2},
    {NULL, NULL, 0, 0}
};

void
mg_init_thread(void)
{
    /* the main thread */
    main_th = calloc(1, sizeof *main_th);
    MgThread *t = main_th;
    t->proc = t->args = t->value = t->exc = t->pending = t->locals = t->vars = t->name = t->group_unused = MG_NIL;
    t->pending_args = MG_NIL;
    t->report_on_exception = true;
    t->deadline = -1;
    t->wait_fd = -1;
    t->state = TS_RUNNABLE;
    t->fiber = mg_fiber_main();
    t->self = mg_data_new(mg_cThread, &thread_type, t);
    mg_fiber_main()->thread = (struct MgThread *)t;
    cur_th = t;
    list_add(t);
    kill_tag = mg_obj_alloc(mg_cObject);

    mg_define_alloc_func(mg_cThread, thread_alloc);
    mg_define_methods(mg_cThread, thread_methods);
    mg_define_singleton_methods(MG_VAL(mg_cThread), thread_smethods);

    eFatal = mg_class_new(mg_eException);
    mg_class_set_name(eFatal, mg_cObject, mg_intern_cstr("fatal"));

    cMutex = mg_define_class_under(mg_cThread, "Mutex", mg_cObject);
    mg_define_alloc_func(cMutex, mutex_alloc);
    mg_define_methods(cMutex, mutex_methods);
    mg_const_set(mg_cObject, mg_intern_cstr("Mutex"), MG_VAL(cMutex));

    cCondVar = mg_define_class_under(mg_cThread, "ConditionVariable", mg_cObject);
    mg_define_methods(cCondVar, cv_methods);
    mg_const_set(mg_cObject, mg_intern_cstr("ConditionVariable"), MG_VAL(cCondVar));

    cQueue = mg_define_class_under(mg_cThread, "Queue", mg_cObject);
    mg_define_alloc_func(cQueue, queue_alloc);
    mg_define_methods(cQueue, queue_methods);
    mg_const_set(mg_cObject, mg_intern_cstr("Queue"), MG_VAL(cQueue));

    cSizedQueue = mg_define_class_under(mg_cThread, "SizedQueue", cQueue);
    mg_define_methods(cSizedQueue, szq_methods);
    mg_const_set(mg_cObject, mg_intern_cstr("SizedQueue"), MG_VAL(cSizedQueue));
}
