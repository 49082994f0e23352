/* socket.c -- socket.so: the system-call half of the socket library, under
 * lib/socket.rb (the Ruby half: Addrinfo, Socket::Option, Socket.tcp/unix,
 * getsockopt/setsockopt argument forms, the address Arrays).
 *
 * Design:
 *  1. Every socket is an IO (BasicSocket < IO): its descriptor is attached to
 *     the IO object with mg_io_attach_fd, so read/gets/write/puts/close and
 *     IO.select work through core/io.c. Descriptors are opened O_NONBLOCK and
 *     close-on-exec; io.c waits through the thread scheduler when a read or
 *     write would block.
 *  2. Blocking calls here (connect, accept, recv, recvfrom, send) never block
 *     the process: they try the call, and on EAGAIN/EINPROGRESS wait with
 *     mg_thread_poll, which runs the other green threads meanwhile.
 *  3. Addresses cross into Ruby as CRuby does: a binary String holding the
 *     struct sockaddr (Socket.sockaddr_in, #getsockname, Addrinfo#to_sockaddr);
 *     Socket.__getaddrinfo answers [sockaddr, family, socktype, protocol,
 *     canonname] rows that lib/socket.rb turns into Addrinfo objects.
 *  4. Errors are CRuby's: Errno::XXX with "connect(2) for \"host\" port N",
 *     SocketError "getaddrinfo: <gai_strerror>", IO::EAGAINWaitReadable
 *     "accept(2) would block" from the *_nonblock forms. */
#include "ext.h"
#include "../core/core.h"
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>

static RClass *cBasicSocket, *cIPSocket, *cTCPSocket, *cTCPServer, *cUDPSocket;
static RClass *cUNIXSocket, *cUNIXServer, *cSocket, *mConstants, *eSocketError;

/* ---- helpers ---- */

static NORETURN void
raise_gai(int err)
{
    if (err == EAI_SYSTEM) mg_raise_syserr(errno, "getaddrinfo", NULL);
    mg_raise(eSocketError, "getaddrinfo: %s", gai_strerror(err));
}

/* Socket::Constants value of an Integer, Symbol or String (":INET", "AF_INET"),
 * the prefix ("AF_", "SOCK_" ...) added when missing; what names the kind in
 * CRuby's SocketError "unknown socket domain: FOO". nil -> dflt. */
static int
const_arg(Value v, const char *prefix, const char *what, int dflt)
{
    if (v == MG_NIL) return dflt;
    if (MG_IS_INTEGER(v)) return (int)mg_num2long(v);
    Value s = MG_IS_SYMBOL(v) ? mg_sym_to_s(v) : mg_check_string(v);
    if (s == MG_NIL) s = mg_to_str(v);   /* raises TypeError */
    const char *name = mg_str_cstr(s);
    char buf[128];
    if (strncmp(name, prefix, strlen(prefix)) == 0) snprintf(buf, sizeof buf, "%s", name);
    else snprintf(buf, sizeof buf, "%s%s", prefix, name);
    Value c = mg_const_get_at(mConstants, mg_intern_cstr(buf));
    if (c == MG_UNDEF || !MG_IS_FIXNUM(c)) {
        /* PF_INET for AF_INET and back */
        if (!strcmp(prefix, "AF_")) {
            snprintf(buf, sizeof buf, "PF_%s", strncmp(name, "PF_", 3) ? name : name + 3);
            c = mg_const_get_at(mConstants, mg_intern_cstr(buf));
        }
        if (c == MG_UNDEF || !MG_IS_FIXNUM(c)) mg_raise(eSocketError, "unknown socket %s: %s", what, name);
    }
    return (int)MG_FIX2LONG(c);
}

static int
family_arg(Value v) { return const_arg(v, "AF_", "domain", AF_UNSPEC); }

static int
socktype_arg(Value v) { return const_arg(v, "SOCK_", "type", 0); }

/* A host argument: nil -> NULL, "" and "<any>" -> passive any address, "<broadcast>". */
static const char *
host_cstr(Value host, char *buf, size_t n)
{
    if (host == MG_NIL) return NULL;
    if (MG_IS_INTEGER(host)) {   /* a packed IPv4 address as an Integer */
        struct in_addr a = { htonl((uint32_t)mg_num2long(host)) };
        inet_ntop(AF_INET, &a, buf, (socklen_t)n);
        return buf;
    }
    Value s = mg_to_str(host);
    const char *h = mg_str_cstr(s);
    if (!*h || !strcmp(h, "<any>")) return NULL;
    if (!strcmp(h, "<broadcast>")) return "255.255.255.255";
    snprintf(buf, n, "%s", h);
    return buf;
}

static const char *
port_cstr(Value port, char *buf, size_t n)
{
    if (port == MG_NIL) return NULL;
    if (MG_IS_INTEGER(port)) {
        snprintf(buf, n, "%lld", (long long)mg_num2long(port));
        return buf;
    }
    snprintf(buf, n, "%s", mg_str_cstr(mg_to_str(port)));
    return buf;
}

/* getaddrinfo over Ruby arguments; raises SocketError. The caller frees *res. */
static struct addrinfo *
resolve(Value host, Value port, int family, int socktype, int protocol, int flags)
{
    char hb[NI_MAXHOST], pb[NI_MAXSERV];
    const char *h = host_cstr(host, hb, sizeof hb);
    const char *p = port_cstr(port, pb, sizeof pb);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = protocol;
    hints.ai_flags = flags;
    if (!h && !(flags & AI_PASSIVE) && host != MG_NIL) hints.ai_flags |= AI_PASSIVE;
    int r = getaddrinfo(h, p ? p : (h ? NULL : "0"), &hints, &res);
    if (r != 0) raise_gai(r);
    return res;
}

/* "connect(2) for \"host\" port 80" (host nil: nil) */
static Value
call_detail(const char *call, Value host, Value port)
{
    Value d = mg_sprintf("%s for ", call);
    if (host == MG_NIL) mg_str_cat_cstr(d, "nil");
    else mg_str_append(d, mg_inspect(host));
    mg_str_cat_cstr(d, " port ");
    mg_str_append(d, mg_to_s(port));
    return d;
}

static int
new_socket(int family, int type, int protocol)
{
    int fd = socket(family, type | SOCK_CLOEXEC | SOCK_NONBLOCK, protocol);
    if (fd < 0) mg_raise_syserr(errno, "socket(2)", NULL);
    return fd;
}

static void
wait_fd(int fd, short events)
{
    struct pollfd p = { fd, events, 0 };
    mg_thread_poll(&p, 1, -1);
}

/* connect(2) on a non-blocking fd, waiting (other threads run); 0 or the errno. */
static int
do_connect(int fd, const struct sockaddr *sa, socklen_t len)
{
    if (connect(fd, sa, len) == 0) return 0;
    if (errno != EINPROGRESS && errno != EINTR) return errno;
    wait_fd(fd, POLLOUT);
    int err = 0;
    socklen_t el = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) < 0) return errno;
    return err;
}

static Value
sockaddr_str(const void *sa, socklen_t len)
{
    return mg_str_new_enc(sa, len, ENC_BINARY);
}

/* The struct sockaddr in a String argument (or an Addrinfo: its to_sockaddr). */
static Value
sockaddr_arg(Value v, struct sockaddr_storage *ss, socklen_t *len)
{
    if (!MG_IS_STRING(v) && mg_respond_to(v, mg_intern_cstr("to_sockaddr"), false))
        v = MG_CALL0(v, "to_sockaddr");
    v = mg_to_str(v);
    size_t n = (size_t)mg_str_len(v);
    if (n > sizeof *ss) mg_raise(mg_eArgumentError, "too long sockaddr");
    memset(ss, 0, sizeof *ss);
    memcpy(ss, mg_str_ptr(v), n);
    *len = (socklen_t)n;
    return v;
}

static int
sock_fd(Value self)
{
    return mg_io_fd(self);
}

/* A new object of klass (an IO subclass) holding fd. */
static Value
wrap_fd(RClass *klass, int fd)
{
    Value v = mg_funcall(MG_VAL(klass), mg_intern_cstr("allocate"), 0, NULL);
    mg_io_attach_fd(v, fd);
    return v;
}

static Value
would_block(const char *cname, const char *what)
{
    Value cls = mg_const_get_at(mg_cIO, mg_intern_cstr(cname));
    return mg_funcall(cls, mg_id_new, 1, (Value[]){ mg_str_new_cstr(what) });
}

/* exception: false in a trailing keyword Hash? */
static bool
no_exception(int *argc, const Value *argv)
{
    Value kw = mg_kwargs_split(argc, argv);
    static const char *const names[] = { "exception" };
    Value exc;
    mg_kwargs_get(kw, names, 1, &exc);
    return exc != MG_UNDEF && !MG_TEST(exc);
}

static void
set_reuseaddr(int fd)
{
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
}

/* ---- address conversion ---- */

static Value
numeric_host(const struct sockaddr *sa, socklen_t len)
{
    char h[NI_MAXHOST];
    int r = getnameinfo(sa, len, h, sizeof h, NULL, 0, NI_NUMERICHOST);
    if (r != 0) raise_gai(r);
    return mg_str_new_cstr(h);
}

static int
sa_port(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET) return ntohs(((const struct sockaddr_in *)sa)->sin_port);
    if (sa->sa_family == AF_INET6) return ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
    return 0;
}

static Value
unix_path_of(const struct sockaddr *sa, socklen_t len)
{
    const struct sockaddr_un *su = (const struct sockaddr_un *)sa;
    size_t off = offsetof(struct sockaddr_un, sun_path);
    if (len <= off) return mg_str_new_cstr("");
    size_t n = len - off;
    size_t k = strnlen(su->sun_path, n);
    if (k == 0 && n > 0 && su->sun_path[0] == '\0' && n > 1) k = n;   /* abstract namespace */
    return mg_str_new(su->sun_path, k);
}

/* ["AF_INET", port, host, ip] / ["AF_UNIX", path]; reverse: host by getnameinfo */
static Value
sa_to_ary(const struct sockaddr *sa, socklen_t len, bool reverse)
{
    if (sa->sa_family == AF_UNIX)
        return mg_ary_new_from(2, (Value[]){ mg_str_new_cstr("AF_UNIX"), unix_path_of(sa, len) });
    if (sa->sa_family != AF_INET && sa->sa_family != AF_INET6)
        mg_raise(eSocketError, "unknown address family: %d", sa->sa_family);
    Value ip = numeric_host(sa, len);
    Value host = ip;
    if (reverse) {
        char h[NI_MAXHOST];
        if (getnameinfo(sa, len, h, sizeof h, NULL, 0, 0) == 0) host = mg_str_new_cstr(h);
    }
    return mg_ary_new_from(4, (Value[]){ mg_str_new_cstr(sa->sa_family == AF_INET ? "AF_INET" : "AF_INET6"),
                                         MG_FIX(sa_port(sa)), host, ip });
}

/* Socket.unpack_sockaddr_in(sa) -> [port, ip] */
static Value
s_unpack_sockaddr_in(Value self, int argc, const Value *argv, Value blk)
{
    struct sockaddr_storage ss;
    socklen_t len;
    sockaddr_arg(argv[0], &ss, &len);
    if (ss.ss_family != AF_INET && ss.ss_family != AF_INET6)
        mg_raise(mg_eArgumentError, "not an AF_INET/AF_INET6 sockaddr");
    return mg_ary_new_from(2, (Value[]){ MG_FIX(sa_port((struct sockaddr *)&ss)), numeric_host((struct sockaddr *)&ss, len) });
}

/* Socket.sockaddr_in(port, host) / pack_sockaddr_in */
static Value
s_sockaddr_in(Value self, int argc, const Value *argv, Value blk)
{
    struct addrinfo *res = resolve(argv[1], argv[0], AF_UNSPEC, 0, 0, 0);
    Value s = sockaddr_str(res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return s;
}

static Value
s_sockaddr_un(Value self, int argc, const Value *argv, Value blk)
{
    Value path = mg_to_str(argv[0]);
    struct sockaddr_un su;
    memset(&su, 0, sizeof su);
    su.sun_family = AF_UNIX;
    if ((size_t)mg_str_len(path) >= sizeof su.sun_path)
        mg_raise(mg_eArgumentError, "too long unix socket path (%lld bytes given but %d bytes max)",
                 (long long)mg_str_len(path), (int)sizeof su.sun_path - 1);
    memcpy(su.sun_path, mg_str_ptr(path), (size_t)mg_str_len(path));
    return sockaddr_str(&su, sizeof su);
}

static Value
s_unpack_sockaddr_un(Value self, int argc, const Value *argv, Value blk)
{
    struct sockaddr_storage ss;
    socklen_t len;
    sockaddr_arg(argv[0], &ss, &len);
    if (ss.ss_family != AF_UNIX) mg_raise(mg_eArgumentError, "not an AF_UNIX sockaddr");
    return unix_path_of((struct sockaddr *)&ss, len);
}

/* Socket.__sockaddr_ary(sa, reverse = false) -> ["AF_INET", port, host, ip] */
static Value
s_sockaddr_ary(Value self, int argc, const Value *argv, Value blk)
{
    struct sockaddr_storage ss;
    socklen_t len;
    sockaddr_arg(argv[0], &ss, &len);
    if (len < sizeof(sa_family_t)) mg_raise(mg_eArgumentError, "too short sockaddr");
    return sa_to_ary((struct sockaddr *)&ss, len, argc > 1 && MG_TEST(argv[1]));
}

/* Socket.__getaddrinfo(host, port, family, socktype, protocol, flags)
 *   -> [[sockaddr, family, socktype, protocol, canonname], ...] */
static Value
s_getaddrinfo_raw(Value self, int argc, const Value *argv, Value blk)
{
    int family = family_arg(argv[2]);
    int socktype = socktype_arg(argv[3]);
    int protocol = argv[4] == MG_NIL ? 0 : (int)mg_num2long(argv[4]);
    int flags = argv[5] == MG_NIL ? 0 : (int)mg_num2long(argv[5]);
    struct addrinfo *res = resolve(argv[0], argv[1], family, socktype, protocol, flags);
    Value out = mg_ary_new();
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        Value row = mg_ary_new_from(5, (Value[]){ sockaddr_str(ai->ai_addr, ai->ai_addrlen), MG_FIX(ai->ai_family),
                                                 MG_FIX(ai->ai_socktype), MG_FIX(ai->ai_protocol),
                                                 ai->ai_canonname ? mg_str_new_cstr(ai->ai_canonname) : MG_NIL });
        mg_ary_push(out, row);
    }
    freeaddrinfo(res);
    return out;
}

/* Socket.__getnameinfo(sockaddr, flags) -> [host, service] */
static Value
s_getnameinfo_raw(Value self, int argc, const Value *argv, Value blk)
{
    struct sockaddr_storage ss;
    socklen_t len;
    sockaddr_arg(argv[0], &ss, &len);
    int flags = argc > 1 && argv[1] != MG_NIL ? (int)mg_num2long(argv[1]) : 0;
    char h[NI_MAXHOST], s[NI_MAXSERV];
    int r = getnameinfo((struct sockaddr *)&ss, len, h, sizeof h, s, sizeof s, flags);
    if (r != 0) {
        if (r == EAI_SYSTEM) mg_raise_syserr(errno, "getnameinfo", NULL);
        mg_raise(eSocketError, "getnameinfo: %s", gai_strerror(r));
    }
    return mg_ary_new_from(2, (Value[]){ mg_str_new_cstr(h), mg_str_new_cstr(s) });
}

static Value
s_gethostname(Value self, int argc, const Value *argv, Value blk)
{
    char buf[256];
    if (gethostname(buf, sizeof buf) < 0) mg_raise_syserr(errno, "gethostname(3)", NULL);
    buf[sizeof buf - 1] = '\0';
    return mg_str_new_cstr(buf);
}

/* ---- BasicSocket ---- */

static Value
bs_getsockname(Value self, int argc, const Value *argv, Value blk)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getsockname(sock_fd(self), (struct sockaddr *)&ss, &len) < 0) mg_raise_syserr(errno, "getsockname(2)", NULL);
    return sockaddr_str(&ss, len);
}

static Value
bs_getpeername(Value self, int argc, const Value *argv, Value blk)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getpeername(sock_fd(self), (struct sockaddr *)&ss, &len) < 0) mg_raise_syserr(errno, "getpeername(2)", NULL);
    return sockaddr_str(&ss, len);
}

/* __getsockopt(level, optname) -> data String (levels/names already Integers) */
static Value
bs_getsockopt_raw(Value self, int argc, const Value *argv, Value blk)
{
    char buf[256];
    socklen_t len = sizeof buf;
    if (getsockopt(sock_fd(self), (int)mg_num2long(argv[0]), (int)mg_num2long(argv[1]), buf, &len) < 0)
        mg_raise_syserr(errno, "getsockopt(2)", NULL);
    return mg_str_new_enc(buf, len, ENC_BINARY);
}

static Value
bs_setsockopt_raw(Value self, int argc, const Value *argv, Value blk)
{
    Value data = mg_to_str(argv[2]);
    if (setsockopt(sock_fd(self), (int)mg_num2long(argv[0]), (int)mg_num2long(argv[1]),
                   mg_str_ptr(data), (socklen_t)mg_str_len(data)) < 0)
        mg_raise_syserr(errno, "setsockopt(2)", NULL);
    return MG_FIX(0);
}

/* shutdown(how = Socket::SHUT_RDWR): how also :RD / :WR / :RDWR / "SHUT_WR" */
static Value
bs_shutdown(Value self, int argc, const Value *argv, Value blk)
{
    int how = argc > 0 ? const_arg(argv[0], "SHUT_", "shutdown how", SHUT_RDWR) : SHUT_RDWR;
    if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
        mg_raise(mg_eArgumentError, "`how' should be either :SHUT_RD, :SHUT_WR, :SHUT_RDWR");
    if (shutdown(sock_fd(self), how) < 0) mg_raise_syserr(errno, "shutdown(2)", NULL);
    return MG_FIX(0);
}

/* recv through the scheduler; nonblock: answers :wait_readable / raises instead of waiting */
static Value
do_recv(Value self, int argc, const Value *argv, bool nonblock, bool noexc, bool from)
{
    int fd = sock_fd(self);
    int64_t max = mg_num2long(argv[0]);
    if (max < 0) mg_raise(mg_eArgumentError, "negative length %lld given", (long long)max);
    int flags = argc > 1 && argv[1] != MG_NIL ? (int)mg_num2long(argv[1]) : 0;
    Value outbuf = argc > 2 ? argv[2] : MG_NIL;
    char stackbuf[8192];
    char *buf = (size_t)max <= sizeof stackbuf ? stackbuf : mg_malloc((size_t)max);
    struct sockaddr_storage ss;
    socklen_t slen;
    ssize_t n;
    for (;;) {
        slen = sizeof ss;
        n = recvfrom(fd, buf, (size_t)max, flags, (struct sockaddr *)&ss, &slen);
        if (n >= 0) break;
        if (errno == EINTR) { mg_vm_checkpoint(); continue; }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (nonblock) {
                if (buf != stackbuf) mg_free(buf, (size_t)max);
                if (noexc) return mg_sym("wait_readable");
                mg_raise_exc(would_block("EAGAINWaitReadable", from ? "recvfrom(2) would block" : "recvfrom(2) would block"));
            }
            wait_fd(fd, POLLIN);
            continue;
        }
        int e = errno;
        if (buf != stackbuf) mg_free(buf, (size_t)max);
        mg_raise_syserr(e, "recvfrom(2)", NULL);
    }
    Value s = mg_str_new_enc(buf, (size_t)n, ENC_BINARY);
    if (buf != stackbuf) mg_free(buf, (size_t)max);
    if (n == 0 && nonblock && max > 0 && !from) {
        /* end of stream on a stream socket */
        int type = 0;
        socklen_t tl = sizeof type;
        getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tl);
        if (type == SOCK_STREAM) {
            if (noexc) return MG_NIL;
            mg_raise(mg_eEOFError, "end of file reached");
        }
    }
    if (outbuf != MG_NIL) {
        mg_funcall(mg_to_str(outbuf), mg_intern_cstr("replace"), 1, &s);
        s = outbuf;
    }
    if (!from) return s;
    Value addr = MG_NIL;
    if (slen > 0 && (ss.ss_family == AF_INET || ss.ss_family == AF_INET6 || ss.ss_family == AF_UNIX))
        addr = sa_to_ary((struct sockaddr *)&ss, slen, false);
    else if (slen == 0)
        addr = MG_NIL;
    return mg_ary_new_from(2, (Value[]){ s, addr });
}

static Value
bs_recv(Value self, int argc, const Value *argv, Value blk)
{
    return do_recv(self, argc, argv, false, false, false);
}

static Value
bs_recv_nonblock(Value self, int argc, const Value *argv, Value blk)
{
    bool noexc = no_exception(&argc, argv);
    if (argc < 1 || argc > 3) mg_raise_argc(argc, 1, 3);
    return do_recv(self, argc, argv, true, noexc, false);
}

/* __recvfrom(maxlen, flags, nonblock, exception) -> [data, raw address Array or nil] */
static Value
bs_recvfrom_raw(Value self, int argc, const Value *argv, Value blk)
{
    Value a[3] = { argv[0], argv[1], argc > 4 ? argv[4] : MG_NIL };
    return do_recv(self, 3, a, MG_TEST(argv[2]), !MG_TEST(argv[3]), true);
}

/* send(mesg, flags [, dest_sockaddr]) -> bytes sent */
static Value
bs_send(Value self, int argc, const Value *argv, Value blk)
{
    int fd = sock_fd(self);
    Value mesg = mg_to_str(argv[0]);
    int flags = argv[1] == MG_NIL ? 0 : (int)mg_num2long(argv[1]);
    struct sockaddr_storage ss;
    socklen_t slen = 0;
    if (argc > 2 && argv[2] != MG_NIL) sockaddr_arg(argv[2], &ss, &slen);
    for (;;) {
        ssize_t n = slen ? sendto(fd, mg_str_ptr(mesg), (size_t)mg_str_len(mesg), flags | MSG_NOSIGNAL, (struct sockaddr *)&ss, slen)
                         : send(fd, mg_str_ptr(mesg), (size_t)mg_str_len(mesg), flags | MSG_NOSIGNAL);
        if (n >= 0) return MG_FIX(n);
        if (errno == EINTR) { mg_vm_checkpoint(); continue; }
        if (errno == EAGAIN || errno == EWOULDBLOCK) { wait_fd(fd, POLLOUT); continue; }
        mg_raise_syserr(errno, slen ? "sendto(2)" : "send(2)", NULL);
    }
}

/* ---- accepting ---- */

/* accept4 through the scheduler: the new fd, or -1 when nonblock would block */
static int
do_accept(Value self, bool nonblock, struct sockaddr_storage *ss, socklen_t *len)
{
    int fd = sock_fd(self);
    for (;;) {
        *len = sizeof *ss;
        int c = accept4(fd, (struct sockaddr *)ss, len, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (c >= 0) return c;
        if (errno == EINTR || errno == ECONNABORTED) { mg_vm_checkpoint(); continue; }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (nonblock) return -1;
            wait_fd(fd, POLLIN);
            fd = sock_fd(self);   /* closed meanwhile: IOError */
            continue;
        }
        mg_raise_syserr(errno, "accept(2)", NULL);
    }
}

static Value
accept_common(Value self, int argc, const Value *argv, RClass *klass, bool nonblock)
{
    bool noexc = nonblock && no_exception(&argc, argv);
    struct sockaddr_storage ss;
    socklen_t len;
    int c = do_accept(self, nonblock, &ss, &len);
    if (c < 0) {
        if (noexc) return mg_sym("wait_readable");
        mg_raise_exc(would_block("EAGAINWaitReadable", "accept(2) would block"));
    }
    return wrap_fd(klass, c);
}

static Value
tcps_accept(Value self, int argc, const Value *argv, Value blk)
{
    return accept_common(self, argc, argv, cTCPSocket, false);
}

static Value
tcps_accept_nonblock(Value self, int argc, const Value *argv, Value blk)
{
    return accept_common(self, argc, argv, cTCPSocket, true);
}

static Value
srv_sysaccept(Value self, int argc, const Value *argv, Value blk)
{
    struct sockaddr_storage ss;
    socklen_t len;
    return MG_FIX(do_accept(self, false, &ss, &len));
}

static Value
srv_listen(Value self, int argc, const Value *argv, Value blk)
{
    if (listen(sock_fd(self), (int)mg_num2long(argv[0])) < 0) mg_raise_syserr(errno, "listen(2)", NULL);
    return MG_FIX(0);
}

static Value
unixs_accept(Value self, int argc, const Value *argv, Value blk)
{
    return accept_common(self, argc, argv, cUNIXSocket, false);
}

static Value
unixs_accept_nonblock(Value self, int argc, const Value *argv, Value blk)
{
    return accept_common(self, argc, argv, cUNIXSocket, true);
}

/* Socket#__accept(nonblock, exception) -> [Socket, raw sockaddr] or :wait_readable */
static Value
sock_accept_raw(Value self, int argc, const Value *argv, Value blk)
{
    struct sockaddr_storage ss;
    socklen_t len;
    bool nonblock = MG_TEST(argv[0]);
    int c = do_accept(self, nonblock, &ss, &len);
    if (c < 0) {
        if (!MG_TEST(argv[1])) return mg_sym("wait_readable");
        mg_raise_exc(would_block("EAGAINWaitReadable", "accept(2) would block"));
    }
    Value s = wrap_fd(cSocket, c);
    return mg_ary_new_from(2, (Value[]){ s, sockaddr_str(&ss, len) });
}

/* BasicSocket.for_fd(fd): a socket of this class on an open descriptor */
static Value
bs_s_for_fd(Value self, int argc, const Value *argv, Value blk)
{
    int fd = (int)mg_num2long(argv[0]);
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) mg_raise_syserr(errno, "fcntl(2)", NULL);
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    return wrap_fd(MG_RCLASS(self), fd);
}

/* ---- TCPSocket / TCPServer ---- */

/* TCPSocket.new(host, port, local_host = nil, local_port = nil, connect_timeout: nil) */
static Value
tcp_initialize(Value self, int argc, const Value *argv, Value blk)
{
    mg_kwargs_split(&argc, argv);   /* connect_timeout: accepted, not enforced */
    if (argc < 2 || argc > 4) mg_raise_argc(argc, 2, 4);
    Value host = argv[0], port = argv[1];
    Value lhost = argc > 2 ? argv[2] : MG_NIL, lport = argc > 3 ? argv[3] : MG_NIL;
    Value rhost = host == MG_NIL ? mg_str_new_cstr("localhost") : host;
    struct addrinfo *res = resolve(rhost, port, AF_UNSPEC, SOCK_STREAM, 0, 0);
    struct addrinfo *lres = NULL;
    if (lhost != MG_NIL || lport != MG_NIL)
        lres = resolve(lhost, lport, AF_UNSPEC, SOCK_STREAM, 0, AI_PASSIVE);   /* raising leaks res */
    int err = ECONNREFUSED, fd = -1;
    const char *call = "connect(2)";
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
        if (fd < 0) { err = errno; call = "socket(2)"; continue; }
        if (lres) {
            struct addrinfo *la = lres;
            while (la && la->ai_family != ai->ai_family) la = la->ai_next;
            if (la) {
                set_reuseaddr(fd);
                if (bind(fd, la->ai_addr, la->ai_addrlen) < 0) {
                    err = errno; call = "bind(2)"; close(fd); fd = -1; continue;
                }
            }
        }
        err = do_connect(fd, ai->ai_addr, ai->ai_addrlen);
        if (err == 0) break;
        call = "connect(2)";
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (lres) freeaddrinfo(lres);
    if (fd < 0) {
        Value d = call_detail(call, host, port);
        mg_raise_syserr(err, NULL, mg_str_cstr(d));
    }
    mg_io_attach_fd(self, fd);
    return self;
}

/* TCPServer.new([host,] port) */
static Value
tcpsrv_initialize(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    Value host = argc == 2 ? argv[0] : MG_NIL, port = argv[argc - 1];
    struct addrinfo *res = resolve(host, port, AF_UNSPEC, SOCK_STREAM, 0, AI_PASSIVE);
    /* with no host prefer IPv4's any address, as CRuby on Linux ends up with */
    struct addrinfo *pick = res;
    if (host == MG_NIL)
        for (struct addrinfo *ai = res; ai; ai = ai->ai_next)
            if (ai->ai_family == AF_INET) { pick = ai; break; }
    int err = 0, fd = -1;
    const char *call = "bind(2)";
    for (struct addrinfo *ai = pick; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
        if (fd < 0) { err = errno; call = "socket(2)"; continue; }
        set_reuseaddr(fd);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0) { err = errno; call = "bind(2)"; close(fd); fd = -1; continue; }
        if (listen(fd, SOMAXCONN) < 0) { err = errno; call = "listen(2)"; close(fd); fd = -1; continue; }
        break;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        Value d = call_detail(call, host, port);
        mg_raise_syserr(err, NULL, mg_str_cstr(d));
    }
    mg_io_attach_fd(self, fd);
    return self;
}

/* ---- UDPSocket ---- */

static Value
udp_initialize(Value self, int argc, const Value *argv, Value blk)
{
    int family = argc > 0 ? family_arg(argv[0]) : AF_INET;
    mg_io_attach_fd(self, new_socket(family, SOCK_DGRAM, 0));
    return self;
}

static int
sock_family(int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0) return AF_INET;
    return ss.ss_family;
}

/* bind(host, port) / connect(host, port) */
static Value
udp_bind_or_connect(Value self, Value host, Value port, bool is_bind)
{
    int fd = sock_fd(self);
    struct addrinfo *res = resolve(host, port, sock_family(fd), SOCK_DGRAM, 0, is_bind ? AI_PASSIVE : 0);
    int err = 0;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        err = is_bind ? (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 ? errno : 0) : do_connect(fd, ai->ai_addr, ai->ai_addrlen);
        if (err == 0) break;
    }
    freeaddrinfo(res);
    if (err) {
        Value d = call_detail(is_bind ? "bind(2)" : "connect(2)", host, port);
        mg_raise_syserr(err, NULL, mg_str_cstr(d));
    }
    return MG_FIX(0);
}

static Value
udp_bind(Value self, int argc, const Value *argv, Value blk)
{
    return udp_bind_or_connect(self, argv[0], argv[1], true);
}

static Value
udp_connect(Value self, int argc, const Value *argv, Value blk)
{
    return udp_bind_or_connect(self, argv[0], argv[1], false);
}

/* send(mesg, flags [, host, port]) / send(mesg, flags, sockaddr) */
static Value
udp_send(Value self, int argc, const Value *argv, Value blk)
{
    if (argc != 2 && argc != 3 && argc != 4) mg_raise_argc(argc, 2, 4);
    if (argc < 4) return bs_send(self, argc, argv, blk);
    int fd = sock_fd(self);
    struct addrinfo *res = resolve(argv[2], argv[3], sock_family(fd), SOCK_DGRAM, 0, 0);
    Value sa = sockaddr_str(res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return bs_send(self, 3, (Value[]){ argv[0], argv[1], sa }, blk);
}

/* ---- UNIXSocket / UNIXServer ---- */

static void
unix_sockaddr(Value path, struct sockaddr_un *su, socklen_t *len)
{
    path = mg_to_str(MG_IS_STRING(path) || !mg_respond_to(path, mg_intern_cstr("to_path"), false) ? path : MG_CALL0(path, "to_path"));
    memset(su, 0, sizeof *su);
    su->sun_family = AF_UNIX;
    size_t n = (size_t)mg_str_len(path);
    if (n >= sizeof su->sun_path)
        mg_raise(mg_eArgumentError, "too long unix socket path (%zu bytes given but %zu bytes max)", n, sizeof su->sun_path - 1);
    memcpy(su->sun_path, mg_str_ptr(path), n);
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
}

static Value
unix_open(Value self, Value path, bool server)
{
    struct sockaddr_un su;
    socklen_t len;
    unix_sockaddr(path, &su, &len);
    int fd = new_socket(AF_UNIX, SOCK_STREAM, 0);
    int err = 0;
    if (server) {
        if (bind(fd, (struct sockaddr *)&su, len) < 0 || listen(fd, SOMAXCONN) < 0) err = errno;
    } else {
        err = do_connect(fd, (struct sockaddr *)&su, len);
    }
    if (err) {
        close(fd);
        Value d = mg_sprintf("connect(2) for %s", su.sun_path);   /* CRuby names connect(2) for bind too */
        mg_raise_syserr(err, NULL, mg_str_cstr(d));
    }
    mg_io_attach_fd(self, fd);
    mg_ivar_set(self, mg_intern_cstr("@__path"), server ? mg_str_new_cstr(su.sun_path) : MG_NIL);
    return self;
}

static Value
unix_initialize(Value self, int argc, const Value *argv, Value blk)
{
    return unix_open(self, argv[0], false);
}

static Value
unixsrv_initialize(Value self, int argc, const Value *argv, Value blk)
{
    return unix_open(self, argv[0], true);
}

/* __socketpair(klass, domain, type, protocol) -> [a, b] */
static Value
s_socketpair_raw(Value self, int argc, const Value *argv, Value blk)
{
    RClass *klass = MG_RCLASS(argv[0]);
    int domain = family_arg(argv[1]);
    int type = argv[2] == MG_NIL ? SOCK_STREAM : socktype_arg(argv[2]);
    int proto = argv[3] == MG_NIL ? 0 : (int)mg_num2long(argv[3]);
    int sv[2];
    if (socketpair(domain, type | SOCK_CLOEXEC | SOCK_NONBLOCK, proto, sv) < 0) mg_raise_syserr(errno, "socketpair(2)", NULL);
    Value a = wrap_fd(klass, sv[0]);
    Value b = wrap_fd(klass, sv[1]);
    return mg_ary_new_from(2, (Value[]){ a, b });
}

/* ---- Socket ---- */

/* Socket.new(domain, type, protocol = 0) */
static Value
sock_initialize(Value self, int argc, const Value *argv, Value blk)
{
    int domain = family_arg(argv[0]);
    int type = socktype_arg(argv[1]);
    int proto = argc > 2 && argv[2] != MG_NIL ? (int)mg_num2long(argv[2]) : 0;
    mg_io_attach_fd(self, new_socket(domain, type, proto));
    return self;
}

/* Socket#connect(sockaddr) / connect_nonblock via __connect(sockaddr, nonblock, exception) */
static Value
sock_connect_raw(Value self, int argc, const Value *argv, Value blk)
{
    int fd = sock_fd(self);
    struct sockaddr_storage ss;
    socklen_t len;
    sockaddr_arg(argv[0], &ss, &len);
    bool nonblock = argc > 1 && MG_TEST(argv[1]);
    int err;
    if (nonblock) {
        err = connect(fd, (struct sockaddr *)&ss, len) == 0 ? 0 : errno;
        if (err == EINPROGRESS) {
            if (argc > 2 && !MG_TEST(argv[2])) return mg_sym("wait_writable");
            Value cls = mg_const_get_at(mg_cIO, mg_intern_cstr("EINPROGRESSWaitWritable"));
            mg_raise_exc(mg_funcall(cls, mg_id_new, 1, (Value[]){ mg_str_new_cstr("connect(2) would block") }));
        }
        if (err == EISCONN) err = 0;
    } else {
        err = do_connect(fd, (struct sockaddr *)&ss, len);
    }
    if (err) {
        Value d;
        if (ss.ss_family == AF_UNIX) d = mg_sprintf("connect(2) for %s", ((struct sockaddr_un *)&ss)->sun_path);
        else {
            Value a = sa_to_ary((struct sockaddr *)&ss, len, false);
            Value ip = mg_ary_entry(a, 3);
            d = call_detail("connect(2)", ip, mg_ary_entry(a, 1));
        }
        mg_raise_syserr(err, NULL, mg_str_cstr(d));
    }
    return MG_FIX(0);
}

static Value
sock_bind(Value self, int argc, const Value *argv, Value blk)
{
    struct sockaddr_storage ss;
    socklen_t len;
    sockaddr_arg(argv[0], &ss, &len);
    int fd = sock_fd(self);
    if (bind(fd, (struct sockaddr *)&ss, len) < 0) {
        int e = errno;
        Value d;
        if (ss.ss_family == AF_UNIX) d = mg_sprintf("bind(2) for %s", ((struct sockaddr_un *)&ss)->sun_path);
        else {
            Value a = sa_to_ary((struct sockaddr *)&ss, len, false);
            d = call_detail("bind(2)", mg_ary_entry(a, 3), mg_ary_entry(a, 1));
        }
        mg_raise_syserr(e, NULL, mg_str_cstr(d));
    }
    return MG_FIX(0);
}

/* ---- the constants ---- */

typedef struct { const char *name; long value; } SockConst;

static const SockConst sock_consts[] = {
    {"AF_UNSPEC", AF_UNSPEC}, {"PF_UNSPEC", PF_UNSPEC}, {"AF_INET", AF_INET}, {"PF_INET", PF_INET},
    {"AF_INET6", AF_INET6}, {"PF_INET6", PF_INET6}, {"AF_UNIX", AF_UNIX}, {"PF_UNIX", PF_UNIX},
    {"AF_LOCAL", AF_LOCAL}, {"PF_LOCAL", PF_LOCAL},
    {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_RAW", SOCK_RAW},
    {"SOCK_SEQPACKET", SOCK_SEQPACKET}, {"SOCK_RDM", SOCK_RDM},
    {"IPPROTO_IP", IPPROTO_IP}, {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP},
    {"IPPROTO_IPV6", IPPROTO_IPV6}, {"IPPROTO_ICMP", IPPROTO_ICMP}, {"IPPROTO_RAW", IPPROTO_RAW},
    {"IPPROTO_ICMPV6", IPPROTO_ICMPV6},
    {"SOL_SOCKET", SOL_SOCKET}, {"SOL_TCP", SOL_TCP}, {"SOL_IP", SOL_IP},
    {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT}, {"SO_KEEPALIVE", SO_KEEPALIVE},
    {"SO_BROADCAST", SO_BROADCAST}, {"SO_LINGER", SO_LINGER}, {"SO_RCVBUF", SO_RCVBUF},
    {"SO_SNDBUF", SO_SNDBUF}, {"SO_ERROR", SO_ERROR}, {"SO_TYPE", SO_TYPE},
    {"SO_RCVTIMEO", SO_RCVTIMEO}, {"SO_SNDTIMEO", SO_SNDTIMEO}, {"SO_OOBINLINE", SO_OOBINLINE},
    {"SO_DEBUG", SO_DEBUG}, {"SO_DONTROUTE", SO_DONTROUTE}, {"SO_ACCEPTCONN", SO_ACCEPTCONN},
    {"SO_RCVLOWAT", SO_RCVLOWAT}, {"SO_SNDLOWAT", SO_SNDLOWAT}, {"SO_PASSCRED", SO_PASSCRED},
    {"SO_PEERCRED", SO_PEERCRED}, {"SO_PRIORITY", SO_PRIORITY},
    {"TCP_NODELAY", TCP_NODELAY}, {"TCP_MAXSEG", TCP_MAXSEG}, {"TCP_CORK", TCP_CORK},
    {"TCP_KEEPIDLE", TCP_KEEPIDLE}, {"TCP_KEEPINTVL", TCP_KEEPINTVL}, {"TCP_KEEPCNT", TCP_KEEPCNT},
    {"TCP_QUICKACK", TCP_QUICKACK}, {"TCP_DEFER_ACCEPT", TCP_DEFER_ACCEPT}, {"TCP_INFO", TCP_INFO},
    {"TCP_USER_TIMEOUT", TCP_USER_TIMEOUT}, {"TCP_FASTOPEN", TCP_FASTOPEN},
    {"IP_TTL", IP_TTL}, {"IP_TOS", IP_TOS}, {"IP_MULTICAST_TTL", IP_MULTICAST_TTL},
    {"IP_MULTICAST_LOOP", IP_MULTICAST_LOOP}, {"IP_ADD_MEMBERSHIP", IP_ADD_MEMBERSHIP},
    {"IP_DROP_MEMBERSHIP", IP_DROP_MEMBERSHIP}, {"IP_MULTICAST_IF", IP_MULTICAST_IF},
    {"IPV6_V6ONLY", IPV6_V6ONLY}, {"IPV6_UNICAST_HOPS", IPV6_UNICAST_HOPS},
    {"MSG_OOB", MSG_OOB}, {"MSG_PEEK", MSG_PEEK}, {"MSG_DONTROUTE", MSG_DONTROUTE},
    {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL}, {"MSG_NOSIGNAL", MSG_NOSIGNAL},
    {"MSG_TRUNC", MSG_TRUNC}, {"MSG_EOR", MSG_EOR}, {"MSG_CTRUNC", MSG_CTRUNC},
    {"SHUT_RD", SHUT_RD}, {"SHUT_WR", SHUT_WR}, {"SHUT_RDWR", SHUT_RDWR},
    {"AI_PASSIVE", AI_PASSIVE}, {"AI_CANONNAME", AI_CANONNAME}, {"AI_NUMERICHOST", AI_NUMERICHOST},
    {"AI_NUMERICSERV", AI_NUMERICSERV}, {"AI_ADDRCONFIG", AI_ADDRCONFIG}, {"AI_V4MAPPED", AI_V4MAPPED},
    {"AI_ALL", AI_ALL},
    {"NI_NUMERICHOST", NI_NUMERICHOST}, {"NI_NUMERICSERV", NI_NUMERICSERV}, {"NI_NAMEREQD", NI_NAMEREQD},
    {"NI_DGRAM", NI_DGRAM}, {"NI_NOFQDN", NI_NOFQDN}, {"NI_MAXHOST", NI_MAXHOST}, {"NI_MAXSERV", NI_MAXSERV},
    {"EAI_AGAIN", EAI_AGAIN}, {"EAI_BADFLAGS", EAI_BADFLAGS}, {"EAI_FAIL", EAI_FAIL},
    {"EAI_FAMILY", EAI_FAMILY}, {"EAI_MEMORY", EAI_MEMORY}, {"EAI_NONAME", EAI_NONAME},
    {"EAI_SERVICE", EAI_SERVICE}, {"EAI_SOCKTYPE", EAI_SOCKTYPE}, {"EAI_SYSTEM", EAI_SYSTEM},
    {"EAI_OVERFLOW", EAI_OVERFLOW},
    {"INADDR_ANY", (long)INADDR_ANY}, {"INADDR_LOOPBACK", (long)INADDR_LOOPBACK},
    {"INADDR_BROADCAST", (long)INADDR_BROADCAST}, {"INADDR_NONE", (long)INADDR_NONE},
    {"SOMAXCONN", SOMAXCONN}, {"SCM_RIGHTS", SCM_RIGHTS}, {"SCM_CREDENTIALS", SCM_CREDENTIALS},
    {"INET_ADDRSTRLEN", INET_ADDRSTRLEN}, {"INET6_ADDRSTRLEN", INET6_ADDRSTRLEN},
};

/* ---- init ---- */

void
mg_ext_init_socket(void)
{
    eSocketError = mg_define_class("SocketError", mg_eStandardError);
    cBasicSocket = mg_define_class("BasicSocket", mg_cIO);
    cIPSocket = mg_define_class("IPSocket", cBasicSocket);
    cTCPSocket = mg_define_class("TCPSocket", cIPSocket);
    cTCPServer = mg_define_class("TCPServer", cTCPSocket);
    cUDPSocket = mg_define_class("UDPSocket", cIPSocket);
    cUNIXSocket = mg_define_class("UNIXSocket", cBasicSocket);
    cUNIXServer = mg_define_class("UNIXServer", cUNIXSocket);
    cSocket = mg_define_class("Socket", cBasicSocket);
    mConstants = mg_define_module_under(cSocket, "Constants");
    for (size_t i = 0; i < ARRAY_LEN(sock_consts); i++) {
        mg_define_const(mConstants, sock_consts[i].name, mg_int_new(sock_consts[i].value));
        mg_define_const(cSocket, sock_consts[i].name, mg_int_new(sock_consts[i].value));
    }

    Value S = MG_VAL(cSocket);
    mg_define_singleton_method(S, "gethostname", s_gethostname, 0, 0);
    mg_define_singleton_method(S, "sockaddr_in", s_sockaddr_in, 2, 2);
    mg_define_singleton_method(S, "pack_sockaddr_in", s_sockaddr_in, 2, 2);
    mg_define_singleton_method(S, "unpack_sockaddr_in", s_unpack_sockaddr_in, 1, 1);
    mg_define_singleton_method(S, "sockaddr_un", s_sockaddr_un, 1, 1);
    mg_define_singleton_method(S, "pack_sockaddr_un", s_sockaddr_un, 1, 1);
    mg_define_singleton_method(S, "unpack_sockaddr_un", s_unpack_sockaddr_un, 1, 1);
    mg_define_singleton_method(S, "__sockaddr_ary", s_sockaddr_ary, 1, 2);
    mg_define_singleton_method(S, "__getaddrinfo", s_getaddrinfo_raw, 6, 6);
    mg_define_singleton_method(S, "__getnameinfo", s_getnameinfo_raw, 1, 2);
    mg_define_singleton_method(S, "__socketpair", s_socketpair_raw, 4, 4);

    mg_define_singleton_method(MG_VAL(cBasicSocket), "for_fd", bs_s_for_fd, 1, 1);
    mg_define_method(cBasicSocket, "getsockname", bs_getsockname, 0, 0);
    mg_define_method(cBasicSocket, "getpeername", bs_getpeername, 0, 0);
    mg_define_method(cBasicSocket, "__getsockopt", bs_getsockopt_raw, 2, 2);
    mg_define_method(cBasicSocket, "__setsockopt", bs_setsockopt_raw, 3, 3);
    mg_define_method(cBasicSocket, "shutdown", bs_shutdown, 0, 1);
    mg_define_method(cBasicSocket, "recv", bs_recv, 1, 3);
    mg_define_method(cBasicSocket, "recv_nonblock", bs_recv_nonblock, 1, -1);
    mg_define_method(cBasicSocket, "__recvfrom", bs_recvfrom_raw, 4, 5);
    mg_define_method(cBasicSocket, "send", bs_send, 2, 3);

    mg_define_method(cTCPSocket, "initialize", tcp_initialize, 2, -1);
    mg_define_method(cTCPServer, "initialize", tcpsrv_initialize, 1, 2);
    mg_define_method(cTCPServer, "accept", tcps_accept, 0, 0);
    mg_define_method(cTCPServer, "accept_nonblock", tcps_accept_nonblock, 0, -1);
    mg_define_method(cTCPServer, "sysaccept", srv_sysaccept, 0, 0);
    mg_define_method(cTCPServer, "listen", srv_listen, 1, 1);

    mg_define_method(cUDPSocket, "initialize", udp_initialize, 0, 1);
    mg_define_method(cUDPSocket, "bind", udp_bind, 2, 2);
    mg_define_method(cUDPSocket, "connect", udp_connect, 2, 2);
    mg_define_method(cUDPSocket, "send", udp_send, 2, 4);

    mg_define_method(cUNIXSocket, "initialize", unix_initialize, 1, 1);
    mg_define_method(cUNIXServer, "initialize", unixsrv_initialize, 1, 1);
    mg_define_method(cUNIXServer, "accept", unixs_accept, 0, 0);
    mg_define_method(cUNIXServer, "accept_nonblock", unixs_accept_nonblock, 0, -1);
    mg_define_method(cUNIXServer, "sysaccept", srv_sysaccept, 0, 0);
    mg_define_method(cUNIXServer, "listen", srv_listen, 1, 1);

    mg_define_method(cSocket, "initialize", sock_initialize, 2, 3);
    mg_define_method(cSocket, "__connect", sock_connect_raw, 1, 3);
    mg_define_method(cSocket, "bind", sock_bind, 1, 1);
    mg_define_method(cSocket, "listen", srv_listen, 1, 1);
    mg_define_method(cSocket, "__accept", sock_accept_raw, 2, 2);
    mg_define_method(cSocket, "sysaccept", srv_sysaccept, 0, 0);
}
