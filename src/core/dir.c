/* dir.c -- Dir's class methods: pwd, chdir (with a block), mkdir, rmdir,
 * entries, children, each_child, empty?, exist?, home, chroot, glob and Dir[] (with
 * base: and the ** / {a,b} / dotmatch patterns), and File.fnmatch; Dir objects
 * (Dir.new / Dir.open) wrap a DIR stream: read, each, children, pos, seek, close. The path helpers it shares
 * with File are io.c's (io_int.h). */
#include "core.h"
#include "io_int.h"
#include "string_int.h"
#include <errno.h>
#include <unistd.h>
#include <dirent.h>
#include <fnmatch.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/types.h>

static Value
dir_s_pwd(Value self, int argc, const Value *argv, Value blk)
{
    return mg_io_cwd();
}

static Value
dir_chdir_back(Value p)
{
    Value *a = (Value *)(uintptr_t)MG_FIX2LONG(p);
    return mg_yield1(a[1], a[0]);
}

static void
dir_chdir_restore(Value old)
{
    if (chdir(mg_str_cstr(old)) < 0) mg_raise_syserr(errno, "dir_chdir", mg_str_cstr(old));
}

static Value
dir_s_chdir(Value self, int argc, const Value *argv, Value blk)
{
    Value path;
    if (argc > 0) {
        path = mg_io_path_arg(argv[0]);
    } else {
        const char *home = getenv("HOME");
        if (!home) mg_raise(mg_eArgumentError, "HOME/LOGDIR not set");
        path = mg_str_new_cstr(home);
    }
    Value old = mg_io_cwd();
    if (chdir(mg_str_cstr(path)) < 0) mg_raise_syserr(errno, "dir_chdir", mg_str_cstr(path));
    if (!mg_block_given(blk)) return MG_FIX(0);
    Value a[2] = { path, blk };
    return mg_ensure(dir_chdir_back, MG_FIX((int64_t)(uintptr_t)a), dir_chdir_restore, old);
}

static Value
dir_s_exist_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return MG_BOOL(mg_io_directory_p(argv[0]));
}

static Value
dir_s_mkdir(Value self, int argc, const Value *argv, Value blk)
{
    Value p = mg_io_path_arg(argv[0]);
    int perm = argc > 1 ? (int)mg_num2long(argv[1]) : 0777;
    if (mkdir(mg_str_cstr(p), (mode_t)perm) < 0) mg_raise_syserr(errno, "dir_s_mkdir", mg_str_cstr(p));
    return MG_FIX(0);
}

static Value
dir_s_rmdir(Value self, int argc, const Value *argv, Value blk)
{
    Value p = mg_io_path_arg(argv[0]);
    if (rmdir(mg_str_cstr(p)) < 0) mg_raise_syserr(errno, "dir_s_rmdir", mg_str_cstr(p));
    return MG_FIX(0);
}

static int
cmp_values_str(const void *a, const void *b)
{
    Value x = *(const Value *)a, y = *(const Value *)b;
    int64_t lx = mg_str_len(x), ly = mg_str_len(y);
    int c = memcmp(mg_str_ptr(x), mg_str_ptr(y), (size_t)(lx < ly ? lx : ly));
    if (c) return c;
    return lx < ly ? -1 : lx > ly;
}

static Value
sort_strings(Value ary)
{
    int64_t n = mg_ary_len(ary);
    if (n > 1) qsort(mg_ary_ptr(ary), (size_t)n, sizeof(Value), cmp_values_str);
    return ary;
}

static Value
dir_list(Value path, bool dots)
{
    Value p = mg_io_path_arg(path);
    DIR *d = opendir(mg_str_cstr(p));
    if (!d) mg_raise_syserr(errno, "dir_initialize", mg_str_cstr(p));
    Value ary = mg_ary_new();
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!dots && (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))) continue;
        mg_ary_push(ary, mg_str_new_cstr(e->d_name));
    }
    closedir(d);
    return ary;
}

static Value
dir_s_entries(Value self, int argc, const Value *argv, Value blk)
{
    return dir_list(argv[0], true);
}

static Value
dir_s_children(Value self, int argc, const Value *argv, Value blk)
{
    return dir_list(argv[0], false);
}

static Value
dir_s_each_child(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_child", argc, argv, blk);
    Value a = dir_list(argv[0], false);
    for (int64_t i = 0; i < mg_ary_len(a); i++) mg_yield1_discard(blk, mg_ary_entry(a, i));
    return MG_NIL;
}

/* Dir.foreach(path) { |name| }: every entry, "." and ".." included */
static Value
dir_s_foreach(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "foreach", argc, argv, blk);
    Value a = dir_list(argv[0], true);
    for (int64_t i = 0; i < mg_ary_len(a); i++) mg_yield1_discard(blk, mg_ary_entry(a, i));
    return MG_NIL;
}

static Value
dir_s_empty_p(Value self, int argc, const Value *argv, Value blk)
{
    struct stat st;
    if (!mg_io_stat_path(argv[0], &st) || !S_ISDIR(st.st_mode)) return MG_FALSE;
    return MG_BOOL(mg_ary_len(dir_list(argv[0], false)) == 0);
}

static Value
dir_s_home(Value self, int argc, const Value *argv, Value blk)
{
    const char *home = getenv("HOME");
    return home ? mg_str_new_cstr(home) : MG_NIL;
}

/* Glob: brace expansion first, then segment by segment with fnmatch; "**" matches
 * any number of directories. Hidden files match only patterns starting with '.'. */
static void
glob_expand_braces(const char *pat, Value out)
{
    const char *open = NULL;
    int depth = 0;
    for (const char *p = pat; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p == '{') {
            if (depth++ == 0) open = p;
        } else if (*p == '}' && depth > 0) {
            if (--depth == 0) {
                const char *close = p;
                const char *s = open + 1;
                int d = 0;
                for (const char *q = open + 1; q <= close; q++) {
                    if (*q == '{') d++;
                    else if (*q == '}' && d > 0) d--;
                    else if ((*q == ',' && d == 0) || q == close) {
                        Value alt = mg_str_new(pat, (size_t)(open - pat));
                        mg_str_cat(alt, s, (size_t)(q - s));
                        mg_str_cat_cstr(alt, close + 1);
                        glob_expand_braces(mg_str_cstr(alt), out);
                        s = q + 1;
                    }
                }
                return;
            }
        }
    }
    mg_ary_push(out, mg_str_new_cstr(pat));
}

static bool
has_magic(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '*' || s[i] == '?' || s[i] == '[' || s[i] == '\\') return true;
    return false;
}

static void glob_rec(Value base, const char *rest, Value out, bool dotmatch);

typedef struct { Value path; const char *key; size_t klen; int64_t order; } GlobItem;

static int
glob_item_cmp(const void *a, const void *b)
{
    const GlobItem *x = a, *y = b;
    size_t n = x->klen < y->klen ? x->klen : y->klen;
    int c = memcmp(x->key, y->key, n);
    if (c == 0 && x->klen != y->klen) c = x->klen < y->klen ? -1 : 1;
    if (c == 0) c = x->order < y->order ? -1 : x->order > y->order;
    return c;
}

/* Orders out[start..] by the first path component after the base (stable, zero-directory
 * matches first), as CRuby's sorted directory walk yields them. */
static void
glob_merge(Value out, int64_t start, int64_t zero_end, int64_t blen)
{
    int64_t n = mg_ary_len(out) - start;
    if (n < 2 || zero_end == mg_ary_len(out)) return;
    GlobItem *items = mg_malloc((size_t)n * sizeof *items);
    for (int64_t i = 0; i < n; i++) {
        Value pth = mg_ary_entry(out, start + i);
        const char *ps = mg_str_ptr(pth);
        int64_t plen = mg_str_len(pth);
        int64_t off = blen;
        if (off > 0 && off < plen && ps[off] == '/') off++;
        if (off > plen) off = plen;
        const char *k = ps + off;
        const char *slash = memchr(k, '/', (size_t)(plen - off));
        items[i].path = pth;
        items[i].key = k;
        items[i].klen = slash ? (size_t)(slash - k) : (size_t)(plen - off);
        items[i].order = i;
    }
    qsort(items, (size_t)n, sizeof *items, glob_item_cmp);
    for (int64_t i = 0; i < n; i++) mg_ary_store(out, start + i, items[i].path);
    mg_free(items, (size_t)n * sizeof *items);
}

static void
glob_path_join(Value buf, Value base, const char *name, size_t n)
{
    mg_str_append(buf, base);
    int64_t bl = mg_str_len(base);
    if (bl > 0 && mg_str_ptr(base)[bl - 1] != '/') mg_str_cat(buf, "/", 1);
    mg_str_cat(buf, name, n);
}

static void
glob_rec(Value base, const char *rest, Value out, bool dotmatch)
{
    while (*rest == '/') rest++;
    const char *slash = strchr(rest, '/');
    size_t seglen = slash ? (size_t)(slash - rest) : strlen(rest);
    const char *next = slash ? slash + 1 : NULL;
    const char *dir = mg_str_len(base) ? mg_str_cstr(base) : ".";
    if (seglen == 0) {
        if (mg_str_len(base)) mg_ary_push(out, mg_str_cat(mg_str_dup(base), "/", 1));
        return;
    }
    if (seglen == 2 && rest[0] == '*' && rest[1] == '*' && next) {
        /* zero directories, then each subdirectory; merged below by the entry they start with */
        int64_t start = mg_ary_len(out);
        glob_rec(base, next, out, dotmatch);
        int64_t zero_end = mg_ary_len(out);
        DIR *d = opendir(dir);
        if (!d) return;
        Value names = mg_ary_new();
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.' && (!dotmatch || !strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))) continue;
            mg_ary_push(names, mg_str_new_cstr(e->d_name));
        }
        closedir(d);
        sort_strings(names);
        for (int64_t i = 0; i < mg_ary_len(names); i++) {
            Value nm = mg_ary_entry(names, i);
            Value sub = mg_str_new("", 0);
            glob_path_join(sub, base, mg_str_ptr(nm), (size_t)mg_str_len(nm));
            struct stat st;
            if (lstat(mg_str_cstr(sub), &st) == 0 && S_ISDIR(st.st_mode)) glob_rec(sub, rest, out, dotmatch);
        }
        glob_merge(out, start, zero_end, mg_str_len(base));
        return;
    }
    char seg[NAME_MAX + 1];
    if (seglen > NAME_MAX) return;
    memcpy(seg, rest, seglen);
    seg[seglen] = '\0';
    if (!has_magic(seg, seglen)) {
        Value sub = mg_str_new("", 0);
        glob_path_join(sub, base, seg, seglen);
        struct stat st;
        if (lstat(mg_str_cstr(sub), &st) != 0) return;
        if (!next) mg_ary_push(out, sub);
        else if (S_ISDIR(st.st_mode)) glob_rec(sub, next, out, dotmatch);
        return;
    }
    DIR *d = opendir(dir);
    if (!d) return;
    Value names = mg_ary_new();
    struct dirent *e;
    int flags = dotmatch ? 0 : FNM_PERIOD;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (fnmatch(seg, e->d_name, flags) == 0) mg_ary_push(names, mg_str_new_cstr(e->d_name));
    }
    closedir(d);
    sort_strings(names);
    for (int64_t i = 0; i < mg_ary_len(names); i++) {
        Value nm = mg_ary_entry(names, i);
        Value sub = mg_str_new("", 0);
        glob_path_join(sub, base, mg_str_ptr(nm), (size_t)mg_str_len(nm));
        if (!next) {
            mg_ary_push(out, sub);
        } else {
            struct stat st;
            if (stat(mg_str_cstr(sub), &st) == 0 && S_ISDIR(st.st_mode)) glob_rec(sub, next, out, dotmatch);
        }
    }
}

static void
glob_one(Value pattern, Value base, Value out, bool dotmatch)
{
    Value pats = mg_ary_new();
    glob_expand_braces(mg_str_cstr(mg_to_str(pattern)), pats);
    for (int64_t i = 0; i < mg_ary_len(pats); i++) {
        const char *p = mg_str_cstr(mg_ary_entry(pats, i));
        if (p[0] == '/') {
            glob_rec(mg_str_new("/", 1), p + 1, out, dotmatch);
        } else if (base != MG_NIL) {
            Value found = mg_ary_new();
            glob_rec(base, p, found, dotmatch);
            int64_t bl = mg_str_len(base);
            bool sep = bl > 0 && mg_str_ptr(base)[bl - 1] != '/';
            for (int64_t j = 0; j < mg_ary_len(found); j++) {
                Value f = mg_ary_entry(found, j);
                int64_t skip = bl + (sep ? 1 : 0);
                mg_ary_push(out, mg_str_new(mg_str_ptr(f) + skip, (size_t)(mg_str_len(f) - skip)));
            }
        } else {
            glob_rec(mg_str_new("", 0), p, out, dotmatch);
        }
    }
}


/* Dir.glob(pattern_or_array, flags = 0, base: nil) */
static Value
dir_s_glob(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    static const char *const names[] = { "base", "sort", "flags" };
    Value opt[3];
    mg_kwargs_get(kw, names, 3, opt);
    int64_t flags = argc > 1 ? mg_num2long(argv[1]) : 0;
    if (opt[2] != MG_UNDEF) flags = mg_num2long(opt[2]);
    Value base = opt[0] == MG_UNDEF ? MG_NIL : opt[0];
    if (base != MG_NIL) base = mg_io_path_arg(base);
    Value out = mg_ary_new();
    Value pat = argv[0];
    if (MG_IS_ARRAY(pat)) {
        for (int64_t i = 0; i < mg_ary_len(pat); i++) glob_one(mg_ary_entry(pat, i), base, out, flags & GLOB_DOTMATCH);
    } else {
        glob_one(pat, base, out, flags & GLOB_DOTMATCH);
    }
    if (mg_block_given(blk)) {
        for (int64_t i = 0; i < mg_ary_len(out); i++) mg_yield1_discard(blk, mg_ary_entry(out, i));
        return MG_NIL;
    }
    return out;
}

static Value
dir_s_aref(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    Value out = mg_ary_new();
    Value base = MG_NIL;
    if (kw != MG_NIL) {
        static const char *const names[] = { "base", "sort" };
        Value opt[2];
        mg_kwargs_get(kw, names, 2, opt);
        if (opt[0] != MG_UNDEF && opt[0] != MG_NIL) base = mg_io_path_arg(opt[0]);
    }
    for (int i = 0; i < argc; i++) glob_one(argv[i], base, out, false);
    return out;
}

/* ---- File.fnmatch(pattern, path, flags = 0): Ruby's flag bits ---- */
enum { RB_FNM_NOESCAPE = 1, RB_FNM_PATHNAME = 2, RB_FNM_DOTMATCH = 4, RB_FNM_CASEFOLD = 8, RB_FNM_EXTGLOB = 16 };

/* With FNM_PATHNAME, segment by segment: a "**" segment followed by '/' matches
 * zero or more whole directories (not hidden ones without FNM_DOTMATCH). */
static bool
fnmatch_segments(const char *pat, const char *path, int cflags, bool dotmatch)
{
    if (!strncmp(pat, "**/", 3)) {
        const char *rest = pat + 3;
        for (const char *p = path;;) {
            if (fnmatch_segments(rest, p, cflags, dotmatch)) return true;
            if (*p == '.' && !dotmatch) return false;
            const char *slash = strchr(p, '/');
            if (!slash) return false;
            p = slash + 1;
        }
    }
    const char *star2 = strstr(pat, "/**/");
    if (!star2) return fnmatch(pat, path, cflags | FNM_PATHNAME) == 0;
    /* the part before the inner "**" segment must match a prefix of whole segments */
    size_t head = (size_t)(star2 - pat);
    char *hp = mg_malloc(head + 1);
    memcpy(hp, pat, head);
    hp[head] = '\0';
    bool ok = false;
    for (const char *p = path; !ok && (p = strchr(p, '/')); p++) {
        size_t n = (size_t)(p - path);
        char *seg = mg_malloc(n + 1);
        memcpy(seg, path, n);
        seg[n] = '\0';
        if (fnmatch(hp, seg, cflags | FNM_PATHNAME) == 0) ok = fnmatch_segments(star2 + 1, p + 1, cflags, dotmatch);
        mg_free(seg, n + 1);
    }
    mg_free(hp, head + 1);
    return ok;
}

static bool
fnmatch_one(const char *pat, const char *path, int64_t flags)
{
    bool dotmatch = flags & RB_FNM_DOTMATCH;
    int cflags = dotmatch ? 0 : FNM_PERIOD;
    if (flags & RB_FNM_NOESCAPE) cflags |= FNM_NOESCAPE;
    if (flags & RB_FNM_CASEFOLD) cflags |= FNM_CASEFOLD;
    if (flags & RB_FNM_PATHNAME) return fnmatch_segments(pat, path, cflags, dotmatch);
    return fnmatch(pat, path, cflags) == 0;
}

static Value
file_s_fnmatch(Value self, int argc, const Value *argv, Value blk)
{
    Value pat = mg_to_str(argv[0]);
    Value path = mg_io_path_arg(argv[1]);
    int64_t flags = argc > 2 ? mg_num2long(argv[2]) : 0;
    if (!(flags & RB_FNM_EXTGLOB)) return MG_BOOL(fnmatch_one(mg_str_cstr(pat), mg_str_cstr(path), flags));
    Value alts = mg_ary_new();
    glob_expand_braces(mg_str_cstr(pat), alts);
    for (int64_t i = 0; i < mg_ary_len(alts); i++)
        if (fnmatch_one(mg_str_cstr(mg_ary_entry(alts, i)), mg_str_cstr(path), flags)) return MG_TRUE;
    return MG_FALSE;
}

/* ---- Dir objects ---- */

typedef struct {
    DIR *dir;          /* NULL once closed (or before initialize) */
    Value path;        /* String or nil */
    Encoding enc;      /* of the names read */
} DirData;

static void
dirdata_mark(void *p)
{
    mg_gc_mark(((DirData *)p)->path);
}

static void
dirdata_free(void *p)
{
    DirData *d = p;
    if (d->dir) closedir(d->dir);
    mg_free(d, sizeof *d);
}

static size_t
dirdata_memsize(const void *p)
{
    UNUSED(p);
    return sizeof(DirData);
}

static const DataType dir_type = { "Dir", dirdata_mark, dirdata_free, dirdata_memsize };

static Value
dir_alloc(RClass *klass)
{
    DirData *d = mg_calloc(1, sizeof *d);
    d->path = MG_NIL;
    d->enc = ENC_UTF8;
    return mg_data_new(klass, &dir_type, d);
}

static DirData *
open_dir(Value self)
{
    DirData *d = mg_data_check(self, &dir_type);
    if (!d->dir) mg_raise(mg_eIOError, "closed directory");
    return d;
}

/* Dir.new(path, encoding: nil) */
static Value
dir_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc != 1) mg_raise_argc(argc, 1, 1);
    static const char *const names[] = { "encoding" };
    Value enc;
    mg_kwargs_get(kw, names, 1, &enc);
    DirData *d = mg_data_check(self, &dir_type);
    Value path = mg_io_path_arg(argv[0]);
    Encoding e = ENC_UTF8;
    if (enc != MG_UNDEF && enc != MG_NIL) e = mg_to_encoding(enc);
    DIR *dir = opendir(mg_str_cstr(path));
    if (!dir) mg_raise_syserr(errno, "dir_initialize", mg_str_cstr(path));
    if (d->dir) closedir(d->dir);
    d->dir = dir;
    d->path = mg_str_freeze(mg_str_dup(path));
    d->enc = e;
    return MG_NIL;
}

static Value
dir_close_ensure_body(Value pair)
{
    return mg_yield1(mg_ary_entry(pair, 1), mg_ary_entry(pair, 0));
}

static void
dir_close_ensure(Value pair)
{
    DirData *d = mg_data_check(mg_ary_entry(pair, 0), &dir_type);
    if (d->dir) { closedir(d->dir); d->dir = NULL; }
}

/* Dir.open(path, encoding: nil) [{ |dir| }]: with a block, the block's value (dir closed after) */
static Value
dir_s_open(Value self, int argc, const Value *argv, Value blk)
{
    Value dir = mg_class_new_instance(MG_RCLASS(self), argc, argv, MG_NIL);
    if (!mg_block_given(blk)) return dir;
    Value pair = mg_ary_new_from(2, (Value[]){ dir, blk });
    return mg_ensure(dir_close_ensure_body, pair, dir_close_ensure, pair);
}

/* The next entry's name, or nil at the end. */
static Value
next_entry(DirData *d, bool dots)
{
    struct dirent *e;
    for (;;) {
        errno = 0;
        e = readdir(d->dir);
        if (!e) {
            if (errno) mg_raise_syserr(errno, "dir_read", mg_str_cstr(d->path));
            return MG_NIL;
        }
        if (dots || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))) break;
    }
    return mg_str_new_enc(e->d_name, strlen(e->d_name), d->enc);
}

static Value
dir_read(Value self, int argc, const Value *argv, Value blk)
{
    return next_entry(open_dir(self), true);
}

/* each / each_child / children: from the first entry, leaving the stream at its end */
static Value
dir_iterate(Value self, Value blk, bool dots, Value ary)
{
    DirData *d = open_dir(self);
    rewinddir(d->dir);
    size_t level = mg_gc_arena_save();
    for (;;) {
        d = open_dir(self);   /* the block may close it */
        Value name = next_entry(d, dots);
        if (name == MG_NIL) break;
        if (ary != MG_NIL) mg_ary_push(ary, name);
        else mg_yield1(blk, name);
        mg_gc_arena_restore(level);
    }
    return ary != MG_NIL ? ary : self;
}

static Value
dir_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each", 0, NULL, blk);
    return dir_iterate(self, blk, true, MG_NIL);
}

static Value
dir_each_child(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_child", 0, NULL, blk);
    return dir_iterate(self, blk, false, MG_NIL);
}

static Value
dir_children(Value self, int argc, const Value *argv, Value blk)
{
    return dir_iterate(self, MG_NIL, false, mg_ary_new());
}

static Value
dir_tell(Value self, int argc, const Value *argv, Value blk)
{
    DirData *d = open_dir(self);
    long p = telldir(d->dir);
    if (p < 0) mg_raise_syserr(errno, "dir_tell", mg_str_cstr(d->path));
    return mg_int_new(p);
}

static Value
dir_seek(Value self, int argc, const Value *argv, Value blk)
{
    long p = (long)mg_num2long(argv[0]);
    seekdir(open_dir(self)->dir, p);
    return self;
}

static Value
dir_set_pos(Value self, int argc, const Value *argv, Value blk)
{
    dir_seek(self, argc, argv, blk);
    return argv[0];
}

static Value
dir_rewind(Value self, int argc, const Value *argv, Value blk)
{
    rewinddir(open_dir(self)->dir);
    return self;
}

static Value
dir_fileno(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(dirfd(open_dir(self)->dir));
}

/* close: nil, also when already closed */
static Value
dir_close(Value self, int argc, const Value *argv, Value blk)
{
    DirData *d = mg_data_check(self, &dir_type);
    if (d->dir) { closedir(d->dir); d->dir = NULL; }
    return MG_NIL;
}

static Value
dir_path(Value self, int argc, const Value *argv, Value blk)
{
    Value p = ((DirData *)mg_data_check(self, &dir_type))->path;
    return p == MG_NIL ? MG_NIL : mg_str_dup(p);
}

static Value
dir_inspect(Value self, int argc, const Value *argv, Value blk)
{
    DirData *d = mg_data_check(self, &dir_type);
    if (d->path == MG_NIL) return mg_any_to_s(self);
    Value s = mg_str_new("#<", 2);
    mg_str_append(s, mg_class_path(mg_obj_class(self)));
    mg_str_cat(s, ":", 1);
    mg_str_append(s, d->path);
    mg_str_cat(s, ">", 1);
    return s;
}

static const MgMethodDef dir_methods[] = {
    {"initialize", dir_initialize, 1, -1},
    {"read", dir_read, 0, 0},
    {"each", dir_each, 0, 0},
    {"each_child", dir_each_child, 0, 0},
    {"children", dir_children, 0, 0},
    {"pos", dir_tell, 0, 0},
    {"tell", dir_tell, 0, 0},
    {"seek", dir_seek, 1, 1},
    {"pos=", dir_set_pos, 1, 1},
    {"rewind", dir_rewind, 0, 0},
    {"fileno", dir_fileno, 0, 0},
    {"close", dir_close, 0, 0},
    {"path", dir_path, 0, 0},
    {"to_path", dir_path, 0, 0},
    {"inspect", dir_inspect, 0, 0},
    {NULL, NULL, 0, 0}
};

/* Dir.exists?: deprecated (a warning under Warning[:deprecated]) */
static Value
dir_s_exists_p(Value self, int argc, const Value *argv, Value blk)
{
    mg_io_warn("Dir.exists? is deprecated; use Dir.exist? instead", true);
    return MG_BOOL(mg_io_directory_p(argv[0]));
}

static Value
dir_s_chroot(Value self, int argc, const Value *argv, Value blk)
{
    Value p = mg_io_path_arg(argv[0]);
    if (chroot(mg_str_cstr(p)) < 0) mg_raise_syserr(errno, "dir_s_chroot", mg_str_cstr(p));
    return MG_FIX(0);
}

static const MgMethodDef dir_singleton_methods[] = {
    {"open", dir_s_open, 1, -1},
    {"exists?", dir_s_exists_p, 1, 1},
    {"chroot", dir_s_chroot, 1, 1},
    {"pwd", dir_s_pwd, 0, 0},
    {"getwd", dir_s_pwd, 0, 0},
    {"chdir", dir_s_chdir, 0, 1},
    {"exist?", dir_s_exist_p, 1, 1},
    {"mkdir", dir_s_mkdir, 1, 2},
    {"rmdir", dir_s_rmdir, 1, 1},
    {"delete", dir_s_rmdir, 1, 1},
    {"unlink", dir_s_rmdir, 1, 1},
    {"entries", dir_s_entries, 1, 2},
    {"children", dir_s_children, 1, 2},
    {"each_child", dir_s_each_child, 1, 2},
    {"foreach", dir_s_foreach, 1, 2},
    {"empty?", dir_s_empty_p, 1, 1},
    {"home", dir_s_home, 0, 1},
    {"glob", dir_s_glob, 1, 3, MEF_KW},
    {"[]", dir_s_aref, 0, -1},
    {NULL, NULL, 0, 0}
};

void
mg_init_dir(void)
{
    mg_define_alloc_func(mg_cDir, dir_alloc);
    mg_define_methods(mg_cDir, dir_methods);
    mg_include_module(mg_cDir, mg_mEnumerable);
    mg_define_singleton_methods(MG_VAL(mg_cDir), dir_singleton_methods);
    mg_define_singleton_method(MG_VAL(mg_cFile), "fnmatch", file_s_fnmatch, 2, 3);
    mg_define_singleton_method(MG_VAL(mg_cFile), "fnmatch?", file_s_fnmatch, 2, 3);
}
