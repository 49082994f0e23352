/* io_wait.c -- io/wait: IO#wait_readable, wait_writable, wait, ready?, nread
 * with poll(2) on the IO's descriptor (through the thread scheduler). A timeout is in seconds (nil: forever);
 * a wait that times out answers nil, as in CRuby. */
#include "ext.h"
#include "../core/core.h"
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>

static int
fd_of(Value io)
{
    return (int)mg_num2long(mg_funcall(io, mg_intern_cstr("fileno"), 0, NULL));
}

static double
timeout_secs(int argc, const Value *argv)
{
    if (argc < 1 || argv[0] == MG_NIL) return -1;
    double t = mg_num2dbl(argv[0]);
    return t < 0 ? 0 : t;
}

/* other green threads run while this one waits (a server thread waiting for its client) */
static bool
wait_for(Value io, short events, double timeout)
{
    struct pollfd p = { fd_of(io), events, 0 };
    return mg_thread_poll(&p, 1, timeout);
}

static Value
iow_wait_readable(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_io_buffered(self) > 0) return MG_TRUE;   /* already read ahead (a pipelined request): true, as CRuby */
    return wait_for(self, POLLIN, timeout_secs(argc, argv)) ? self : MG_NIL;
}

static Value
iow_wait_writable(Value self, int argc, const Value *argv, Value blk)
{
    return wait_for(self, POLLOUT, timeout_secs(argc, argv)) ? self : MG_NIL;
}

/* wait(timeout = nil) or wait(timeout, :read / :write / :read_write) */
static Value
iow_wait(Value self, int argc, const Value *argv, Value blk)
{
    short ev = POLLIN;
    int targc = 0;
    const Value *targv = argv;
    for (int i = 0; i < argc; i++) {
        if (MG_IS_SYMBOL(argv[i])) {
            const char *m = mg_id_name(MG_SYM2ID(argv[i]), NULL);
            if (!strcmp(m, "write") || !strcmp(m, "w") || !strcmp(m, "writable")) ev = POLLOUT;
            else if (!strcmp(m, "read_write") || !strcmp(m, "rw")) ev = POLLIN | POLLOUT;
        } else if (targc == 0) {
            targc = 1;
            targv = &argv[i];
        }
    }
    if ((ev & POLLIN) && mg_io_buffered(self) > 0) return MG_TRUE;
    return wait_for(self, ev, timeout_secs(targc, targv)) ? self : MG_NIL;
}

static Value
iow_ready_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_io_buffered(self) > 0 || wait_for(self, POLLIN, 0));
}

static Value
iow_nread(Value self, int argc, const Value *argv, Value blk)
{
    int n = 0;
    int64_t buffered = mg_io_buffered(self);
    if (buffered > 0) return mg_int_new(buffered);
    if (ioctl(fd_of(self), FIONREAD, &n) != 0) return MG_FIX(0);
    return MG_FIX(n);
}

void
mg_ext_init_io_wait(void)
{
    mg_define_method(mg_cIO, "wait_readable", iow_wait_readable, 0, 1);
    mg_define_method(mg_cIO, "wait_writable", iow_wait_writable, 0, 1);
    mg_define_method(mg_cIO, "wait", iow_wait, 0, -1);
    mg_define_method(mg_cIO, "ready?", iow_ready_p, 0, 0);
    mg_define_method(mg_cIO, "nread", iow_nread, 0, 0);
}
