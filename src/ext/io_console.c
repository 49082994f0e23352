/* io_console.c -- io/console: terminal control on an IO's file descriptor with
 * termios (IO#winsize, winsize=, raw, raw!, cooked, cooked!, noecho, echo=,
 * echo?, getch, console_mode) and IO.console (the process's /dev/tty). On a
 * descriptor that is not a terminal these raise Errno::ENOTTY, as in CRuby. */
#include "ext.h"
#include "../core/core.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <string.h>
#include <unistd.h>

static int
fd_of(Value io)
{
    Value f = mg_funcall(io, mg_intern_cstr("fileno"), 0, NULL);
    return (int)mg_num2long(f);
}

static void
get_attr(Value io, int fd, struct termios *t)
{
    (void)io;
    if (tcgetattr(fd, t) != 0) mg_raise_syserr(errno, NULL, NULL);
}

static void
set_attr(int fd, const struct termios *t)
{
    if (tcsetattr(fd, TCSANOW, t) != 0) mg_raise_syserr(errno, NULL, NULL);
}

static void
make_raw(struct termios *t, bool intr)
{
    t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t->c_oflag &= ~(tcflag_t)OPOST;
    t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | IEXTEN | (intr ? 0 : ISIG));
    t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
    t->c_cflag |= CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

static Value
ioc_winsize(Value self, int argc, const Value *argv, Value blk)
{
    struct winsize w;
    if (ioctl(fd_of(self), TIOCGWINSZ, &w) != 0) mg_raise_syserr(errno, NULL, NULL);
    return mg_ary_new_from(2, (Value[]){ MG_FIX(w.ws_row), MG_FIX(w.ws_col) });
}

static Value
ioc_set_winsize(Value self, int argc, const Value *argv, Value blk)
{
    Value a = mg_to_ary(argv[0]);
    struct winsize w = { 0 };
    w.ws_row = (unsigned short)mg_num2long(mg_ary_entry(a, 0));
    w.ws_col = (unsigned short)mg_num2long(mg_ary_entry(a, 1));
    if (ioctl(fd_of(self), TIOCSWINSZ, &w) != 0) mg_raise_syserr(errno, NULL, NULL);
    return argv[0];
}

typedef struct { Value io; Value blk; } WithArg;
static struct termios saved_tio;
static int saved_fd = -1;

static Value
with_body(Value arg)
{
    WithArg *w = (WithArg *)(uintptr_t)arg;
    return mg_yield1(w->blk, w->io);
}

/* runs the block with the terminal changed by fn, restoring it afterwards (also on raise) */
static Value
with_mode(Value self, Value blk, void (*fn)(struct termios *))
{
    int fd = fd_of(self);
    struct termios old, t;
    get_attr(self, fd, &old);
    t = old;
    fn(&t);
    set_attr(fd, &t);
    WithArg w = { self, blk };
    Value exc = MG_NIL;
    Value r = mg_protect(with_body, (Value)(uintptr_t)&w, &exc);
    tcsetattr(fd, TCSANOW, &old);
    if (exc != MG_NIL) mg_raise_exc(exc);
    return r;
}

static void raw_fn(struct termios *t) { make_raw(t, false); }
static void noecho_fn(struct termios *t) { t->c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL); }
static void cooked_fn(struct termios *t)
{
    t->c_iflag |= BRKINT | ISTRIP | ICRNL | IXON;
    t->c_oflag |= OPOST;
    t->c_lflag |= ECHO | ECHOE | ECHOK | ECHONL | ICANON | ISIG | IEXTEN;
}

static Value ioc_raw(Value self, int argc, const Value *argv, Value blk) { return with_mode(self, blk, raw_fn); }
static Value ioc_noecho(Value self, int argc, const Value *argv, Value blk) { return with_mode(self, blk, noecho_fn); }
static Value ioc_cooked(Value self, int argc, const Value *argv, Value blk) { return with_mode(self, blk, cooked_fn); }

static Value
set_now(Value self, void (*fn)(struct termios *))
{
    int fd = fd_of(self);
    struct termios t;
    get_attr(self, fd, &t);
    if (saved_fd < 0) { saved_tio = t; saved_fd = fd; }
    fn(&t);
    set_attr(fd, &t);
    return self;
}

static Value ioc_raw_bang(Value self, int argc, const Value *argv, Value blk) { return set_now(self, raw_fn); }
static Value ioc_cooked_bang(Value self, int argc, const Value *argv, Value blk) { return set_now(self, cooked_fn); }

static Value
ioc_echo_p(Value self, int argc, const Value *argv, Value blk)
{
    struct termios t;
    get_attr(self, fd_of(self), &t);
    return MG_BOOL(t.c_lflag & ECHO);
}

static Value
ioc_set_echo(Value self, int argc, const Value *argv, Value blk)
{
    int fd = fd_of(self);
    struct termios t;
    get_attr(self, fd, &t);
    if (MG_TEST(argv[0])) t.c_lflag |= ECHO | ECHOE | ECHOK | ECHONL;
    else t.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
    set_attr(fd, &t);
    return argv[0];
}

static Value
ioc_getch(Value self, int argc, const Value *argv, Value blk)
{
    int fd = fd_of(self);
    struct termios old, t;
    get_attr(self, fd, &old);
    t = old;
    make_raw(&t, true);
    set_attr(fd, &t);
    unsigned char c;
    ssize_t n = read(fd, &c, 1);
    tcsetattr(fd, TCSANOW, &old);
    if (n <= 0) return MG_NIL;
    return mg_str_new((const char *)&c, 1);
}

static Value
ioc_iflush(Value self, int argc, const Value *argv, Value blk)
{
    if (tcflush(fd_of(self), TCIFLUSH) != 0) mg_raise_syserr(errno, NULL, NULL);
    return self;
}

static Value console_io = MG_NIL;

static Value
ioc_s_console(Value self, int argc, const Value *argv, Value blk)
{
    if (argc > 0 && MG_IS_SYMBOL(argv[0]) && !strcmp(mg_id_name(MG_SYM2ID(argv[0]), NULL), "close")) {
        if (console_io != MG_NIL) mg_funcall(console_io, mg_intern_cstr("close"), 0, NULL);
        console_io = MG_NIL;
        return MG_NIL;
    }
    if (console_io != MG_NIL && !MG_TEST(mg_funcall(console_io, mg_intern_cstr("closed?"), 0, NULL))) return console_io;
    int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0) return MG_NIL;
    close(fd);
    Value args[2] = { mg_str_new_cstr("/dev/tty"), mg_str_new_cstr("r+") };
    Value file = mg_const_get_at(mg_cObject, mg_intern_cstr("File"));
    console_io = mg_funcall(file, mg_intern_cstr("open"), 2, args);
    return console_io;
}

static const MgMethodDef console_methods[] = {
    {"winsize", ioc_winsize, 0, 0},
    {"winsize=", ioc_set_winsize, 1, 1},
    {"raw", ioc_raw, 0, -1},
    {"raw!", ioc_raw_bang, 0, -1},
    {"cooked", ioc_cooked, 0, 0},
    {"cooked!", ioc_cooked_bang, 0, 0},
    {"noecho", ioc_noecho, 0, 0},
    {"echo?", ioc_echo_p, 0, 0},
    {"echo=", ioc_set_echo, 1, 1},
    {"getch", ioc_getch, 0, -1},
    {"iflush", ioc_iflush, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_ext_init_io_console(void)
{
    mg_define_methods(mg_cIO, console_methods);
    mg_define_singleton_method(MG_VAL(mg_cIO), "console", ioc_s_console, 0, -1);
    mg_gc_register(&console_io);
}
