/* io_nonblock.c -- io/nonblock: IO#nonblock?, #nonblock=, #nonblock { } over
 * fcntl(2) O_NONBLOCK on the IO's descriptor. (Reads and writes of a
 * non-blocking IO still wait, through the thread scheduler: core/io.c.) */
#include "ext.h"
#include "../core/core.h"
#include <errno.h>
#include <fcntl.h>

static int
fd_of(Value io)
{
    return (int)mg_num2long(mg_funcall(io, mg_intern_cstr("fileno"), 0, NULL));
}

static bool
set_nonblock(int fd, bool on)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) mg_raise_syserr(errno, "fcntl", NULL);
    bool was = (fl & O_NONBLOCK) != 0;
    int nfl = on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK;
    if (nfl != fl && fcntl(fd, F_SETFL, nfl) < 0) mg_raise_syserr(errno, "fcntl", NULL);
    return was;
}

static Value
ionb_p(Value self, int argc, const Value *argv, Value blk)
{
    int fl = fcntl(fd_of(self), F_GETFL);
    if (fl < 0) mg_raise_syserr(errno, "fcntl", NULL);
    return MG_BOOL(fl & O_NONBLOCK);
}

static Value
ionb_set(Value self, int argc, const Value *argv, Value blk)
{
    set_nonblock(fd_of(self), MG_TEST(argv[0]));
    return argv[0];
}

typedef struct { Value self, blk; int fd; bool was; } NbBlock;

static Value
nb_body(Value p)
{
    NbBlock *b = (NbBlock *)(uintptr_t)MG_FIX2LONG(p);
    return mg_yield(b->blk, 1, &b->self);
}

static void
nb_restore(Value p)
{
    NbBlock *b = (NbBlock *)(uintptr_t)MG_FIX2LONG(p);
    set_nonblock(b->fd, b->was);
}

/* nonblock(on = true) { |io| } */
static Value
ionb_block(Value self, int argc, const Value *argv, Value blk)
{
    bool on = argc < 1 || MG_TEST(argv[0]);
    NbBlock b = { self, blk, fd_of(self), false };
    b.was = set_nonblock(b.fd, on);
    if (!mg_block_given(blk)) return self;
    Value p = MG_FIX((int64_t)(uintptr_t)&b);
    return mg_ensure(nb_body, p, nb_restore, p);
}

void
mg_ext_init_io_nonblock(void)
{
    mg_define_method(mg_cIO, "nonblock?", ionb_p, 0, 0);
    mg_define_method(mg_cIO, "nonblock=", ionb_set, 1, 1);
    mg_define_method(mg_cIO, "nonblock", ionb_block, 0, 1);
}
