/* readline.c -- require 'readline' (readline.rb's 'readline.so'): Readline on
 * libedit's readline interface, as Debian's CRuby builds it (the same
 * library, so the same behaviour: what libedit lacks raises
 * NotImplementedError, "... function is unimplemented on this machine").
 *
 *   Readline.readline(prompt = "", add_hist = false)  a line without its
 *       newline, nil at end of input; other threads run until input arrives
 *   Readline::HISTORY  libedit's history list (Enumerable)
 *   Readline.completion_proc = proc  called with the word before the cursor
 *       during readline; answers the candidates
 *   and the variables: completion_append_character, *_word_break_characters,
 *   basic/completer_quote_characters, completion_case_fold, special_prefixes,
 *   pre_input_hook, line_buffer, point, get/set_screen_size, input=, output=,
 *   insert_text, delete_text, redisplay.
 * A Ruby exception raised in the completion proc or the pre-input hook is
 * caught inside libedit's call and raised again when readline returns (it
 * must not unwind through libedit's frames). */
#include "ext.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <editline/readline.h>

static RClass *mReadline;
static Value history;          /* Readline::HISTORY */
static Value completion_proc = MG_NIL, pre_input_hook = MG_NIL, case_fold = MG_NIL;
static Value pending_error = MG_NIL;       /* raised in a callback, raised again after readline */

static Value
unimplemented(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    mg_raise(mg_eNotImplementedError, "%s() function is unimplemented on this machine",
             mg_id_name(mg_current_cfunc_name(), NULL));
    return MG_NIL;
}

/* ---- callbacks into Ruby, from inside libedit ---- */

typedef struct { Value fn; Value arg; bool has_arg; } Call;

static Value
do_call(Value p)
{
    Call *c = (Call *)(uintptr_t)MG_FIX2LONG(p);
    return mg_funcall(c->fn, mg_intern_cstr("call"), c->has_arg ? 1 : 0, &c->arg);
}

/* c->fn.call(arg); an exception is kept for later and nil answered */
static Value
call_safely(Value fn, Value arg, bool has_arg)
{
    Call c = { fn, arg, has_arg };
    Value exc = MG_NIL;
    Value r = mg_protect(do_call, MG_FIX((intptr_t)(uintptr_t)&c), &exc);
    if (r == MG_UNDEF) {
        if (pending_error == MG_NIL) pending_error = exc;
        return MG_NIL;
    }
    return r;
}

static char *
dup_str(Value s)
{
    s = mg_to_str(s);
    char *p = malloc((size_t)mg_str_len(s) + 1);
    if (!p) return NULL;
    memcpy(p, mg_str_ptr(s), (size_t)mg_str_len(s));
    p[mg_str_len(s)] = '\0';
    return p;
}

/* libedit's attempted-completion hook: matches[0] is what replaces the word
 * (the candidates' common prefix), the candidates follow, NULL ends */
static char **
complete(const char *text, int start, int end)
{
    UNUSED(start); UNUSED(end);
    rl_attempted_completion_over = 1;
    if (completion_proc == MG_NIL || pending_error != MG_NIL) return NULL;
    Value got = call_safely(completion_proc, mg_str_new_cstr(text), true);
    if (got != MG_NIL && !MG_IS_ARRAY(got)) got = mg_check_array(got);
    if (!MG_IS_ARRAY(got) || mg_ary_len(got) == 0) return NULL;
    int64_t n = mg_ary_len(got);
    char **m = calloc((size_t)n + 2, sizeof *m);
    if (!m) return NULL;
    for (int64_t i = 0; i < n; i++) m[i + 1] = dup_str(mg_ary_entry(got, i));
    size_t common = strlen(m[1]);
    bool fold = MG_TEST(case_fold);
    for (int64_t i = 2; i <= n; i++) {
        size_t k = 0;
        while (k < common && m[i][k] &&
               (fold ? (m[i][k] | 0x20) == (m[1][k] | 0x20) : m[i][k] == m[1][k])) k++;
        common = k;
    }
    m[0] = malloc(common + 1);
    if (m[0]) { memcpy(m[0], m[1], common); m[0][common] = '\0'; }
    return m;
}

static int
startup_hook(void)
{
    if (pre_input_hook != MG_NIL && pending_error == MG_NIL) call_safely(pre_input_hook, MG_NIL, false);
    return 0;
}

/* ---- Readline.readline ---- */

static Value
rl_readline_m(Value self, int argc, const Value *argv, Value blk)
{
    const char *prompt = argc > 0 && argv[0] != MG_NIL ? mg_str_cstr(mg_to_str(argv[0])) : "";
    bool add = argc > 1 && MG_TEST(argv[1]);
    if (!isatty(fileno(rl_instream ? rl_instream : stdin))) fflush(stdout);
    mg_thread_wait_fd(fileno(rl_instream ? rl_instream : stdin), false);
    pending_error = MG_NIL;
    char *line = readline(prompt);
    if (pending_error != MG_NIL) {
        Value e = pending_error;
        pending_error = MG_NIL;
        free(line);
        mg_raise_exc(e);
    }
    if (!line) return MG_NIL;
    if (add && *line) add_history(line);
    Value s = mg_str_new_cstr(line);
    free(line);
    return s;
}

/* ---- the variables ---- */

static Value
set_completion_proc(Value self, int argc, const Value *argv, Value blk)
{
    if (argv[0] != MG_NIL && !mg_respond_to(argv[0], mg_intern_cstr("call"), false))
        mg_raise(mg_eArgumentError, "argument must respond to `call'");
    completion_proc = argv[0];
    return argv[0];
}

static Value get_completion_proc(Value self, int argc, const Value *argv, Value blk) { return completion_proc; }

static Value
set_pre_input_hook(Value self, int argc, const Value *argv, Value blk)
{
    if (argv[0] != MG_NIL && !mg_respond_to(argv[0], mg_intern_cstr("call"), false))
        mg_raise(mg_eArgumentError, "argument must respond to `call'");
    pre_input_hook = argv[0];
    return argv[0];
}

static Value get_pre_input_hook(Value self, int argc, const Value *argv, Value blk) { return pre_input_hook; }
static Value set_case_fold(Value self, int argc, const Value *argv, Value blk) { return case_fold = argv[0]; }
static Value get_case_fold(Value self, int argc, const Value *argv, Value blk) { return case_fold; }

static Value
set_append_char(Value self, int argc, const Value *argv, Value blk)
{
    if (argv[0] == MG_NIL) rl_completion_append_character = '\0';
    else {
        Value s = mg_to_str(argv[0]);
        rl_completion_append_character = mg_str_len(s) ? mg_str_ptr(s)[0] : '\0';
    }
    return argv[0];
}

static Value
get_append_char(Value self, int argc, const Value *argv, Value blk)
{
    if (!rl_completion_append_character) return MG_NIL;
    char c = (char)rl_completion_append_character;
    return mg_str_new(&c, 1);
}

static Value
chars(const char *s)
{
    return s ? mg_str_new_cstr(s) : MG_NIL;
}

/* A string variable of libedit's, set from Ruby: our copy (freed when it is
 * set again) is what libedit's variable points at. */
#define STRING_VAR(name, var)                                                      \
    static char *name##_copy;                                                      \
    static Value                                                                   \
    set_##name(Value self, int argc, const Value *argv, Value blk)                 \
    {                                                                              \
        free(name##_copy);                                                         \
        name##_copy = argv[0] == MG_NIL ? NULL : dup_str(argv[0]);                 \
        var = name##_copy;                                                         \
        return argv[0];                                                            \
    }                                                                              \
    static Value                                                                   \
    get_##name(Value self, int argc, const Value *argv, Value blk) { return chars(var); }

STRING_VAR(word_breaks, rl_completer_word_break_characters)
STRING_VAR(basic_breaks, rl_basic_word_break_characters)
STRING_VAR(basic_quotes, rl_basic_quote_characters)
STRING_VAR(completer_quotes, rl_completer_quote_characters)
STRING_VAR(prefixes, rl_special_prefixes)

static Value get_line_buffer(Value self, int argc, const Value *argv, Value blk) { return chars(rl_line_buffer); }
static Value get_point(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(rl_point); }

static Value
set_point(Value self, int argc, const Value *argv, Value blk)
{
    rl_point = (int)mg_num2long(argv[0]);
    return argv[0];
}

static Value
insert_text(Value self, int argc, const Value *argv, Value blk)
{
    rl_insert_text(mg_str_cstr(mg_to_str(argv[0])));
    return MG_VAL(mReadline);
}

static Value
delete_text(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv;
    return MG_VAL(mReadline);   /* libedit keeps no text between calls to readline */
}

static Value
redisplay(Value self, int argc, const Value *argv, Value blk)
{
    rl_redisplay();
    return MG_VAL(mReadline);
}

static Value
get_screen_size(Value self, int argc, const Value *argv, Value blk)
{
    int rows = 0, cols = 0;
    rl_get_screen_size(&rows, &cols);
    Value a = mg_ary_new();
    mg_ary_push(a, MG_FIX(rows));
    mg_ary_push(a, MG_FIX(cols));
    return a;
}

static Value
set_screen_size(Value self, int argc, const Value *argv, Value blk)
{
    rl_set_screen_size((int)mg_num2long(argv[0]), (int)mg_num2long(argv[1]));
    return MG_VAL(mReadline);
}

/* input= / output=: libedit reads and writes through stdio streams of its own (dups) */
static FILE *
stream_of(Value io, const char *mode)
{
    int fd = (int)mg_num2long(mg_funcall(io, mg_intern_cstr("fileno"), 0, NULL));
    int d = dup(fd);
    FILE *f = d >= 0 ? fdopen(d, mode) : NULL;
    if (!f) {
        if (d >= 0) close(d);
        mg_raise_syserr(errno, "fdopen", NULL);
    }
    return f;
}

/* libedit takes its streams when it initialises, and initialising again
 * empties its history: the lines are put back */
static void
reinitialize(void)
{
    int n = history_length;
    char **lines = calloc((size_t)n + 1, sizeof *lines);
    if (!lines) mg_raise_nomem();
    for (int i = 0; i < n; i++) {
        HIST_ENTRY *e = history_get(history_base + i);
        lines[i] = e && e->line ? strdup(e->line) : NULL;
    }
    rl_initialize();
    for (int i = 0; i < n; i++) {
        if (lines[i]) add_history(lines[i]);
        free(lines[i]);
    }
    free(lines);
}

static Value
set_input(Value self, int argc, const Value *argv, Value blk)
{
    FILE *f = stream_of(argv[0], "r");
    if (rl_instream && rl_instream != stdin) fclose(rl_instream);
    rl_instream = f;
    reinitialize();
    return argv[0];
}

static Value
set_output(Value self, int argc, const Value *argv, Value blk)
{
    FILE *f = stream_of(argv[0], "w");
    if (rl_outstream && rl_outstream != stdout) fclose(rl_outstream);
    rl_outstream = f;
    reinitialize();
    return argv[0];
}

/* ---- Readline::HISTORY ---- */

static int64_t
hist_index(Value i)
{
    int64_t n = mg_num2long(i), len = history_length;
    if (n < 0) n += len;
    if (n < 0 || n >= len) mg_raise(mg_eIndexError, "invalid index");
    return n;
}

static Value
hist_entry(int64_t i)
{
    HIST_ENTRY *e = history_get(history_base + (int)i);
    return e && e->line ? mg_str_new_cstr(e->line) : MG_NIL;
}

static Value
hist_aref(Value self, int argc, const Value *argv, Value blk)
{
    return hist_entry(hist_index(argv[0]));
}

static Value
hist_aset(Value self, int argc, const Value *argv, Value blk)
{
    int64_t i = hist_index(argv[0]);
    HIST_ENTRY *old = replace_history_entry((int)i, mg_str_cstr(mg_to_str(argv[1])), NULL);
    if (!old) mg_raise(mg_eIndexError, "invalid index");
    return argv[1];
}

static Value
hist_push(Value self, int argc, const Value *argv, Value blk)
{
    for (int i = 0; i < argc; i++) add_history(mg_str_cstr(mg_to_str(argv[i])));
    return self;
}

static Value
hist_remove(int64_t i)
{
    HIST_ENTRY *e = remove_history((int)i);
    if (!e) return MG_NIL;
    Value s = e->line ? mg_str_new_cstr(e->line) : MG_NIL;
    free((void *)e->line);
    free(e);
    return s;
}

static Value
hist_pop(Value self, int argc, const Value *argv, Value blk)
{
    return history_length > 0 ? hist_remove(history_length - 1) : MG_NIL;
}

static Value
hist_shift(Value self, int argc, const Value *argv, Value blk)
{
    return history_length > 0 ? hist_remove(0) : MG_NIL;
}

static Value
hist_delete_at(Value self, int argc, const Value *argv, Value blk)
{
    return hist_remove(hist_index(argv[0]));
}

static Value
hist_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each", 0, NULL, blk);
    for (int64_t i = 0; i < history_length; i++) {
        Value s = hist_entry(i);
        mg_yield(blk, 1, &s);
    }
    return self;
}

static Value hist_size(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(history_length); }
static Value hist_empty_p(Value self, int argc, const Value *argv, Value blk) { return MG_BOOL(history_length == 0); }
static Value hist_to_s(Value self, int argc, const Value *argv, Value blk) { return mg_str_new_cstr("HISTORY"); }

static Value
hist_clear(Value self, int argc, const Value *argv, Value blk)
{
    clear_history();
    return self;
}

/* ---- FILENAME_COMPLETION_PROC, USERNAME_COMPLETION_PROC ---- */

static Value
generator_matches(char *(*gen)(const char *, int), Value text)
{
    const char *t = mg_str_cstr(mg_to_str(text));
    Value out = mg_ary_new();
    char *m;
    for (int state = 0; (m = gen(t, state)) != NULL; state++) {
        mg_ary_push(out, mg_str_new_cstr(m));
        free(m);
    }
    return mg_ary_len(out) ? out : MG_NIL;
}

static Value
filename_call(Value self, int argc, const Value *argv, Value blk)
{
    return generator_matches(rl_filename_completion_function, argv[0]);
}

static Value
username_call(Value self, int argc, const Value *argv, Value blk)
{
    return generator_matches(username_completion_function, argv[0]);
}

static Value
completion_object(MgCFunc call)
{
    Value o = mg_obj_alloc(mg_cObject);
    mg_define_singleton_method(o, "call", call, 1, 1);
    return o;
}

static const MgMethodDef readline_functions[] = {
    {"readline", rl_readline_m, 0, 2},
    {"completion_proc=", set_completion_proc, 1, 1},
    {"completion_proc", get_completion_proc, 0, 0},
    {"pre_input_hook=", set_pre_input_hook, 1, 1},
    {"pre_input_hook", get_pre_input_hook, 0, 0},
    {"completion_case_fold=", set_case_fold, 1, 1},
    {"completion_case_fold", get_case_fold, 0, 0},
    {"completion_append_character=", set_append_char, 1, 1},
    {"completion_append_character", get_append_char, 0, 0},
    {"completer_word_break_characters=", set_word_breaks, 1, 1},
    {"completer_word_break_characters", get_word_breaks, 0, 0},
    {"basic_word_break_characters=", set_basic_breaks, 1, 1},
    {"basic_word_break_characters", get_basic_breaks, 0, 0},
    {"basic_quote_characters=", set_basic_quotes, 1, 1},
    {"basic_quote_characters", get_basic_quotes, 0, 0},
    {"completer_quote_characters=", set_completer_quotes, 1, 1},
    {"completer_quote_characters", get_completer_quotes, 0, 0},
    {"special_prefixes=", set_prefixes, 1, 1},
    {"special_prefixes", get_prefixes, 0, 0},
    {"line_buffer", get_line_buffer, 0, 0},
    {"point", get_point, 0, 0},
    {"point=", set_point, 1, 1},
    {"insert_text", insert_text, 1, 1},
    {"delete_text", delete_text, 0, 2},
    {"redisplay", redisplay, 0, 0},
    {"get_screen_size", get_screen_size, 0, 0},
    {"set_screen_size", set_screen_size, 2, 2},
    {"input=", set_input, 1, 1},
    {"output=", set_output, 1, 1},
    /* libedit has none of these (as Debian's CRuby on libedit says) */
    {"emacs_editing_mode", unimplemented, 0, 0},
    {"emacs_editing_mode?", unimplemented, 0, 0},
    {"vi_editing_mode", unimplemented, 0, 0},
    {"vi_editing_mode?", unimplemented, 0, 0},
    {"refresh_line", unimplemented, 0, 0},
    {"filename_quote_characters", unimplemented, 0, 0},
    {"filename_quote_characters=", unimplemented, 1, 1},
    {"completion_quote_character", unimplemented, 0, 0},
    {"quoting_detection_proc", unimplemented, 0, 0},
    {"quoting_detection_proc=", unimplemented, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef history_methods[] = {
    {"[]", hist_aref, 1, 1},
    {"[]=", hist_aset, 2, 2},
    {"<<", hist_push, 1, 1},
    {"push", hist_push, 0, -1},
    {"pop", hist_pop, 0, 0},
    {"shift", hist_shift, 0, 0},
    {"delete_at", hist_delete_at, 1, 1},
    {"each", hist_each, 0, 0},
    {"size", hist_size, 0, 0},
    {"length", hist_size, 0, 0},
    {"empty?", hist_empty_p, 0, 0},
    {"clear", hist_clear, 0, 0},
    {"to_s", hist_to_s, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_ext_init_readline(void)
{
    using_history();
    rl_attempted_completion_function = complete;
    rl_startup_hook = startup_hook;
    mReadline = mg_define_module("Readline");
    for (const MgMethodDef *d = readline_functions; d->name; d++)
        mg_define_module_function(mReadline, d->name, d->fn, d->min_args, d->max_args);
    mg_gc_register(&completion_proc);
    mg_gc_register(&pre_input_hook);
    mg_gc_register(&case_fold);
    mg_gc_register(&pending_error);
    history = mg_obj_alloc(mg_cObject);
    mg_gc_register(&history);
    for (const MgMethodDef *d = history_methods; d->name; d++)
        mg_define_singleton_method(history, d->name, d->fn, d->min_args, d->max_args);
    mg_funcall(history, mg_intern_cstr("extend"), 1, (Value[]){ MG_VAL(mg_mEnumerable) });
    mg_define_const(mReadline, "HISTORY", history);
    mg_define_const(mReadline, "FILENAME_COMPLETION_PROC", completion_object(filename_call));
    mg_define_const(mReadline, "USERNAME_COMPLETION_PROC", completion_object(username_call));
    mg_define_const(mReadline, "VERSION", mg_str_new_cstr(rl_library_version ? rl_library_version : "EditLine wrapper"));
}
