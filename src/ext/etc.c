/* etc.c -- etc: the user and group database and system facts (Etc.getlogin,
 * getpwuid, getpwnam, getgrgid, getgrnam, nprocessors, uname, sysconfdir,
 * systmpdir). Passwd and Group are Structs, as in CRuby. */
#include "ext.h"
#include "../core/core.h"
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <unistd.h>

static Value cPasswd, cGroup;
static RClass *mEtc;

static Value
strv(const char *s)
{
    return s ? mg_str_new_cstr(s) : MG_NIL;
}

static Value
passwd_new(struct passwd *pw)
{
    Value a[7] = { strv(pw->pw_name), strv(pw->pw_passwd), mg_int_new(pw->pw_uid), mg_int_new(pw->pw_gid),
                   strv(pw->pw_gecos), strv(pw->pw_dir), strv(pw->pw_shell) };
    return mg_funcall(cPasswd, mg_intern_cstr("new"), 7, a);
}

static Value
group_new(struct group *gr)
{
    Value mem = mg_ary_new();
    for (char **m = gr->gr_mem; m && *m; m++) mg_ary_push(mem, mg_str_new_cstr(*m));
    Value a[4] = { strv(gr->gr_name), strv(gr->gr_passwd), mg_int_new(gr->gr_gid), mem };
    return mg_funcall(cGroup, mg_intern_cstr("new"), 4, a);
}

static Value
etc_getlogin(Value self, int argc, const Value *argv, Value blk)
{
    const char *l = getlogin();
    if (!l) l = getenv("USER");
    return strv(l);
}

static Value
etc_getpwuid(Value self, int argc, const Value *argv, Value blk)
{
    uid_t uid = argc > 0 && argv[0] != MG_NIL ? (uid_t)mg_num2long(argv[0]) : getuid();
    struct passwd *pw = getpwuid(uid);
    if (!pw) mg_raise(mg_eArgumentError, "can't find user for %lld", (long long)uid);
    return passwd_new(pw);
}

static Value
etc_getpwnam(Value self, int argc, const Value *argv, Value blk)
{
    Value name = mg_to_str(argv[0]);
    struct passwd *pw = getpwnam(mg_str_cstr(name));
    if (!pw) mg_raise(mg_eArgumentError, "can't find user for %s", mg_str_cstr(name));
    return passwd_new(pw);
}

static Value
etc_getgrgid(Value self, int argc, const Value *argv, Value blk)
{
    gid_t gid = argc > 0 && argv[0] != MG_NIL ? (gid_t)mg_num2long(argv[0]) : getgid();
    struct group *gr = getgrgid(gid);
    if (!gr) mg_raise(mg_eArgumentError, "can't find group for %lld", (long long)gid);
    return group_new(gr);
}

static Value
etc_getgrnam(Value self, int argc, const Value *argv, Value blk)
{
    Value name = mg_to_str(argv[0]);
    struct group *gr = getgrnam(mg_str_cstr(name));
    if (!gr) mg_raise(mg_eArgumentError, "can't find group for %s", mg_str_cstr(name));
    return group_new(gr);
}

static Value
etc_nprocessors(Value self, int argc, const Value *argv, Value blk)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return mg_int_new(n > 0 ? n : 1);
}

static Value
etc_uname(Value self, int argc, const Value *argv, Value blk)
{
    struct utsname u;
    if (uname(&u) != 0) mg_raise_syserr(errno, "uname", NULL);
    Value h = mg_hash_new();
    mg_hash_aset(h, mg_sym("sysname"), mg_str_new_cstr(u.sysname));
    mg_hash_aset(h, mg_sym("nodename"), mg_str_new_cstr(u.nodename));
    mg_hash_aset(h, mg_sym("release"), mg_str_new_cstr(u.release));
    mg_hash_aset(h, mg_sym("version"), mg_str_new_cstr(u.version));
    mg_hash_aset(h, mg_sym("machine"), mg_str_new_cstr(u.machine));
    return h;
}

static Value
etc_sysconfdir(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_new_cstr("/etc");
}

static Value
etc_systmpdir(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_new_cstr("/tmp");
}

static Value
etc_passwd(Value self, int argc, const Value *argv, Value blk)
{
    if (!mg_block_given(blk)) return etc_getpwuid(self, 0, NULL, MG_NIL);
    setpwent();
    struct passwd *pw;
    while ((pw = getpwent())) mg_yield1(blk, passwd_new(pw));
    endpwent();
    return MG_NIL;
}

static const MgMethodDef etc_methods[] = {
    {"getlogin", etc_getlogin, 0, 0},
    {"getpwuid", etc_getpwuid, 0, 1},
    {"getpwnam", etc_getpwnam, 1, 1},
    {"getgrgid", etc_getgrgid, 0, 1},
    {"getgrnam", etc_getgrnam, 1, 1},
    {"nprocessors", etc_nprocessors, 0, 0},
    {"uname", etc_uname, 0, 0},
    {"sysconfdir", etc_sysconfdir, 0, 0},
    {"systmpdir", etc_systmpdir, 0, 0},
    {"passwd", etc_passwd, 0, 0},
    {NULL, NULL, 0, 0}
};

static Value
make_struct(const char *const *fields, int n)
{
    Value st = mg_const_get_at(mg_cObject, mg_intern_cstr("Struct"));
    Value args[8];
    for (int i = 0; i < n; i++) args[i] = mg_sym(fields[i]);
    return mg_funcall(st, mg_intern_cstr("new"), n, args);
}

void
mg_ext_init_etc(void)
{
    mEtc = mg_define_module("Etc");
    for (const MgMethodDef *d = etc_methods; d->name; d++)
        mg_define_module_function(mEtc, d->name, d->fn, d->min_args, d->max_args);
    static const char *const pw_fields[] = { "name", "passwd", "uid", "gid", "gecos", "dir", "shell" };
    static const char *const gr_fields[] = { "name", "passwd", "gid", "mem" };
    cPasswd = make_struct(pw_fields, 7);
    mg_define_const(mEtc, "Passwd", cPasswd);
    cGroup = make_struct(gr_fields, 4);
    mg_define_const(mEtc, "Group", cGroup);
    mg_define_const(mEtc, "VERSION", mg_str_freeze(mg_str_new_cstr("1.3.0")));
}
