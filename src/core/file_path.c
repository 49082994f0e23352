/* file_path.c -- File's path-name functions (basename, dirname, extname,
 * join, split, expand_path, absolute_path(?), realpath, realdirpath): string work on
 * paths, plus getcwd and realpath(3); and the predicates and operations on
 * paths (exist?, file?, directory?, size, delete, rename ...). io.c registers
 * them (io_int.h). */
#include "io_int.h"
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static Value
file_s_basename(Value self, int argc, const Value *argv, Value blk)
{
    Value path = mg_io_path_arg(argv[0]);
    const char *p = mg_str_ptr(path);
    int64_t n = mg_str_len(path);
    if (n == 0) return mg_str_new("", 0);
    int64_t end = n;
    while (end > 1 && p[end - 1] == '/') end--;
    if (end == 1 && p[0] == '/') return mg_str_new("/", 1);
    int64_t beg = end;
    while (beg > 0 && p[beg - 1] != '/') beg--;
    int64_t len = end - beg;
    if (argc > 1) {
        Value suf = mg_to_str(argv[1]);
        const char *s = mg_str_ptr(suf);
        int64_t sl = mg_str_len(suf);
        if (sl == 2 && s[0] == '.' && s[1] == '*') {
            for (int64_t i = len - 1; i > 0; i--) {
                if (p[beg + i] == '.') {
                    len = i;
                    break;
                }
            }
        } else if (sl > 0 && sl < len && memcmp(p + beg + len - sl, s, (size_t)sl) == 0) {
            len -= sl;
        }
    }
    return mg_str_new(p + beg, (size_t)len);
}

static Value
dirname_of(const char *p, int64_t n)
{
    int64_t end = n;
    while (end > 1 && p[end - 1] == '/') end--;
    while (end > 0 && p[end - 1] != '/') end--;
    if (end == 0) return mg_str_new(".", 1);
    while (end > 1 && p[end - 1] == '/') end--;
    return mg_str_new(p, (size_t)end);
}

static Value
file_s_dirname(Value self, int argc, const Value *argv, Value blk)
{
    Value path = mg_io_path_arg(argv[0]);
    int64_t level = argc > 1 ? mg_num2long(argv[1]) : 1;
    if (level < 0) mg_raise(mg_eArgumentError, "negative level: %lld", (long long)level);
    Value d = level == 0 ? mg_str_dup(path) : dirname_of(mg_str_ptr(path), mg_str_len(path));
    for (int64_t i = 1; i < level; i++) {
        Value up = dirname_of(mg_str_ptr(d), mg_str_len(d));
        if (mg_str_len(up) == mg_str_len(d) && !memcmp(mg_str_ptr(up), mg_str_ptr(d), (size_t)mg_str_len(d)))
            break;                                       /* "/" or "." : no further up */
        d = up;
    }
    return d;
}

static Value
file_s_extname(Value self, int argc, const Value *argv, Value blk)
{
    Value path = mg_io_path_arg(argv[0]);
    const char *p = mg_str_ptr(path);
    int64_t n = mg_str_len(path);
    int64_t end = n;
    while (end > 1 && p[end - 1] == '/') end--;
    int64_t beg = end;
    while (beg > 0 && p[beg - 1] != '/') beg--;
    while (beg < end && p[beg] == '.') beg++;       /* leading dots are part of the name */
    for (int64_t i = end - 1; i > beg; i--)
        if (p[i] == '.') return mg_str_new(p + i, (size_t)(end - i));
    return mg_str_new("", 0);
}

static void
flatten_paths(Value out, Value v, int depth)
{
    if (MG_IS_ARRAY(v)) {
        if (depth > 64) mg_raise(mg_eArgumentError, "recursive array");
        for (int64_t i = 0; i < mg_ary_len(v); i++) flatten_paths(out, mg_ary_entry(v, i), depth + 1);
        return;
    }
    mg_ary_push(out, mg_io_path_arg(v));
}

/* File.join: one '/' between parts, whatever slashes they bring at the seams */
static Value
file_s_join(Value self, int argc, const Value *argv, Value blk)
{
    Value parts = mg_ary_new();
    for (int i = 0; i < argc; i++) flatten_paths(parts, argv[i], 0);
    Value buf = mg_str_new("", 0);
    for (int64_t i = 0; i < mg_ary_len(parts); i++) {
        Value s = mg_ary_entry(parts, i);
        const char *p = mg_str_ptr(s);
        int64_t n = mg_str_len(s);
        if (i > 0) {
            int64_t bl = mg_str_len(buf);
            bool ends = bl > 0 && mg_str_ptr(buf)[bl - 1] == '/';
            bool starts = n > 0 && p[0] == '/';
            if (ends && starts) {
                while (n > 0 && p[0] == '/') p++, n--;
            } else if (!ends && !starts) {
                mg_str_cat(buf, "/", 1);
            }
        }
        mg_str_cat(buf, p, (size_t)n);
    }
    return buf;
}

static Value
cwd_string(void)
{
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) mg_raise_syserr(errno, "rb_dir_getwd", NULL);
    return mg_str_new_cstr(buf);
}

/* Normalizes an absolute path: collapses //, ., .. */
static Value
normalize_abs(const char *p, size_t n)
{
    char *out = mg_malloc(n + 2);
    size_t ol = 0, i = 0;
    while (i < n) {
        while (i < n && p[i] == '/') i++;
        size_t s = i;
        while (i < n && p[i] != '/') i++;
        size_t len = i - s;
        if (len == 0) break;
        if (len == 1 && p[s] == '.') continue;
        if (len == 2 && p[s] == '.' && p[s + 1] == '.') {
            while (ol > 0 && out[ol - 1] != '/') ol--;
            if (ol > 0) ol--;
            continue;
        }
        out[ol++] = '/';
        memcpy(out + ol, p + s, len);
        ol += len;
    }
    if (ol == 0) out[ol++] = '/';
    Value r = mg_str_new(out, ol);
    mg_free(out, n + 2);
    return r;
}

static Value
expand(Value path, Value dir, bool tilde)
{
    path = mg_io_path_arg(path);
    const char *p = mg_str_cstr(path);
    Value full;
    if (tilde && p[0] == '~' && (p[1] == '/' || p[1] == '\0')) {
        const char *home = getenv("HOME");
        if (!home) mg_raise(mg_eArgumentError, "couldn't find login name -- expanding `~'");
        full = mg_str_new_cstr(home);
        mg_str_cat_cstr(full, p + 1);
    } else if (p[0] == '/') {
        full = path;
    } else {
        Value base = dir == MG_NIL ? cwd_string() : expand(dir, MG_NIL, tilde);
        full = mg_str_dup(base);
        mg_str_cat(full, "/", 1);
        mg_str_append(full, path);
    }
    return normalize_abs(mg_str_ptr(full), (size_t)mg_str_len(full));
}

static Value
file_s_expand_path(Value self, int argc, const Value *argv, Value blk)
{
    return expand(argv[0], argc > 1 ? argv[1] : MG_NIL, true);
}

static Value
file_s_absolute_path(Value self, int argc, const Value *argv, Value blk)
{
    return expand(argv[0], argc > 1 ? argv[1] : MG_NIL, false);
}

static Value
file_s_absolute_path_p(Value self, int argc, const Value *argv, Value blk)
{
    Value p = mg_io_path_arg(argv[0]);
    return MG_BOOL(mg_str_len(p) > 0 && mg_str_ptr(p)[0] == '/');
}

static Value
file_s_realpath(Value self, int argc, const Value *argv, Value blk)
{
    Value p = expand(argv[0], argc > 1 ? argv[1] : MG_NIL, false);
    char buf[PATH_MAX];
    if (!realpath(mg_str_cstr(p), buf)) mg_raise_syserr(errno, "rb_check_realpath_internal", mg_str_cstr(p));
    return mg_str_new_cstr(buf);
}

/* realdirpath(path, dir = nil): realpath, but the last component need not exist.
 * The components are resolved in order, symbolic links through realpath(3). */
static Value
file_s_realdirpath(Value self, int argc, const Value *argv, Value blk)
{
    Value path = mg_io_path_arg(argv[0]);
    Value full;
    if (mg_str_len(path) > 0 && mg_str_ptr(path)[0] == '/') {
        full = path;
    } else {
        full = mg_str_dup(argc > 1 && argv[1] != MG_NIL ? expand(argv[1], MG_NIL, false) : cwd_string());
        mg_str_cat(full, "/", 1);
        mg_str_append(full, path);
    }
    const char *p = mg_str_cstr(full);
    size_t n = strlen(p), i = 0;
    char res[PATH_MAX] = "";
    size_t rl = 0;
    while (i < n) {
        while (i < n && p[i] == '/') i++;
        size_t st = i;
        while (i < n && p[i] != '/') i++;
        size_t len = i - st;
        if (len == 0) break;
        if (len == 1 && p[st] == '.') continue;
        if (len == 2 && p[st] == '.' && p[st + 1] == '.') {
            while (rl > 0 && res[rl - 1] != '/') rl--;
            if (rl > 0) rl--;
            res[rl] = '\0';
            continue;
        }
        if (rl + 1 + len >= sizeof res) mg_raise_syserr(ENAMETOOLONG, "realpath_rec", p);
        res[rl++] = '/';
        memcpy(res + rl, p + st, len);
        rl += len;
        res[rl] = '\0';
        bool last = i >= n;    /* a trailing slash: the name must exist (a directory) */
        struct stat sb;
        if (lstat(res, &sb) != 0) {
            if (last && errno == ENOENT) break;
            mg_raise_syserr(errno, "realpath_rec", res);
        }
        if (S_ISLNK(sb.st_mode)) {
            char buf[PATH_MAX];
            if (!realpath(res, buf)) {
                if (last && errno == ENOENT) break;
                mg_raise_syserr(errno, "realpath_rec", res);
            }
            rl = strlen(buf);
            memcpy(res, buf, rl + 1);
            if (rl == 1) rl = 0;   /* "/": the next component adds its own slash */
        }
    }
    if (rl == 0) return mg_str_new("/", 1);
    return mg_str_new(res, rl);
}

static Value
file_s_split(Value self, int argc, const Value *argv, Value blk)
{
    Value parts[2] = { file_s_dirname(self, 1, argv, blk), file_s_basename(self, 1, argv, blk) };
    return mg_ary_new_from(2, parts);
}

Value
mg_io_cwd(void)
{
    return cwd_string();
}

/* ---- File's predicates and operations on paths ---- */

static bool
stat_path(Value path, struct stat *st)
{
    return stat(mg_str_cstr(mg_io_path_arg(path)), st) == 0;
}

static Value
file_s_exist_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    return MG_BOOL(stat_path(argv[0], &st));
}

static Value
file_s_file_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    return MG_BOOL(stat_path(argv[0], &st) && S_ISREG(st.st_mode));
}

static Value
file_s_directory_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    return MG_BOOL(stat_path(argv[0], &st) && S_ISDIR(st.st_mode));
}

static Value
file_s_symlink_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    return MG_BOOL(lstat(mg_str_cstr(mg_io_path_arg(argv[0])), &st) == 0 && S_ISLNK(st.st_mode));
}

static Value
file_s_readable_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(access(mg_str_cstr(mg_io_path_arg(argv[0])), R_OK) == 0);
}

static Value
file_s_writable_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(access(mg_str_cstr(mg_io_path_arg(argv[0])), W_OK) == 0);
}

static Value
file_s_executable_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(access(mg_str_cstr(mg_io_path_arg(argv[0])), X_OK) == 0);
}

static Value
file_s_size(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    Value p = mg_io_path_arg(argv[0]);
    if (!stat_path(p, &st)) mg_raise_syserr(errno, "rb_file_s_size", mg_str_cstr(p));
    return MG_FIX((int64_t)st.st_size);
}

static Value
file_s_size_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    if (!stat_path(argv[0], &st) || st.st_size == 0) return MG_NIL;
    return MG_FIX((int64_t)st.st_size);
}

static Value
file_s_zero_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    return MG_BOOL(stat_path(argv[0], &st) && st.st_size == 0);
}

static Value
file_s_delete(Value self, int argc, const Value *argv, Value blk)
{
    for (int i = 0; i < argc; i++) {
        Value p = mg_io_path_arg(argv[i]);
        if (unlink(mg_str_cstr(p)) < 0) mg_raise_syserr(errno, "apply2files", mg_str_cstr(p));
    }
    return MG_FIX(argc);
}

static Value
file_s_rename(Value self, int argc, const Value *argv, Value blk)
{
    Value a = mg_io_path_arg(argv[0]), b = mg_io_path_arg(argv[1]);
    if (rename(mg_str_cstr(a), mg_str_cstr(b)) < 0) {
        int e = errno;
        Value d = mg_sprintf("(%s, %s)", mg_str_cstr(a), mg_str_cstr(b));
        mg_raise_syserr(e, "rb_file_s_rename", mg_str_cstr(d));
    }
    return MG_FIX(0);
}

bool
mg_io_stat_path(Value path, struct stat *st)
{
    return stat_path(path, st);
}

bool
mg_io_directory_p(Value path)
{
    return MG_TEST(file_s_directory_p(MG_NIL, 1, &path, MG_NIL));
}

const MgMethodDef mg_file_path_methods[] = {
    {"basename", file_s_basename, 1, 2},
    {"dirname", file_s_dirname, 1, 2},
    {"extname", file_s_extname, 1, 1},
    {"join", file_s_join, 0, -1},
    {"split", file_s_split, 1, 1},
    {"expand_path", file_s_expand_path, 1, 2},
    {"absolute_path", file_s_absolute_path, 1, 2},
    {"absolute_path?", file_s_absolute_path_p, 1, 1},
    {"realpath", file_s_realpath, 1, 2},
    {"realdirpath", file_s_realdirpath, 1, 2},
    {"exist?", file_s_exist_p, 1, 1},
    {"file?", file_s_file_p, 1, 1},
    {"directory?", file_s_directory_p, 1, 1},
    {"symlink?", file_s_symlink_p, 1, 1},
    {"readable?", file_s_readable_p, 1, 1},
    {"writable?", file_s_writable_p, 1, 1},
    {"executable?", file_s_executable_p, 1, 1},
    {"size", file_s_size, 1, 1},
    {"size?", file_s_size_p, 1, 1},
    {"zero?", file_s_zero_p, 1, 1},
    {"empty?", file_s_zero_p, 1, 1},
    {"delete", file_s_delete, 0, -1},
    {"unlink", file_s_delete, 0, -1},
    {"rename", file_s_rename, 2, 2},
    {NULL, NULL, 0, 0}
};
