/* fcntl.c -- require 'fcntl': the Fcntl module, fcntl(2)'s constants for
 * IO#fcntl (the values of this system's <fcntl.h>). */
#include "ext.h"
#include <fcntl.h>

void
mg_ext_init_fcntl(void)
{
    RClass *m = mg_define_module("Fcntl");
    static const struct { const char *name; long value; } consts[] = {
        { "F_DUPFD", F_DUPFD }, { "F_GETFD", F_GETFD }, { "F_SETFD", F_SETFD },
        { "F_GETFL", F_GETFL }, { "F_SETFL", F_SETFL }, { "F_GETLK", F_GETLK },
        { "F_SETLK", F_SETLK }, { "F_SETLKW", F_SETLKW }, { "FD_CLOEXEC", FD_CLOEXEC },
        { "F_RDLCK", F_RDLCK }, { "F_UNLCK", F_UNLCK }, { "F_WRLCK", F_WRLCK },
#ifdef F_GETPIPE_SZ
        { "F_GETPIPE_SZ", F_GETPIPE_SZ }, { "F_SETPIPE_SZ", F_SETPIPE_SZ },
#endif
        { "O_CREAT", O_CREAT }, { "O_EXCL", O_EXCL }, { "O_NOCTTY", O_NOCTTY },
        { "O_TRUNC", O_TRUNC }, { "O_APPEND", O_APPEND }, { "O_NONBLOCK", O_NONBLOCK },
        { "O_NDELAY", O_NDELAY }, { "O_RDONLY", O_RDONLY }, { "O_RDWR", O_RDWR },
        { "O_WRONLY", O_WRONLY }, { "O_ACCMODE", O_ACCMODE },
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        mg_define_const(m, consts[i].name, MG_FIX(consts[i].value));
}
