/* maglev_irb.c -- main() of maglev-irb: the interactive Ruby shell. The C side
 * boots the VM and offers line editing and history (libedit) to the REPL,
 * which is Ruby: lib/maglev/irb.rb. */
#include "../vm/vm_int.h"
#include "../store/store.h"
#include <unistd.h>
#include <editline/readline.h>

void mg_vm_boot(void);

static bool interactive;
static char history_path[4096];

/* MaglevIRB.readline(prompt) -> String without the newline, or nil at end of input. */
static Value
irb_readline(Value self, int argc, const Value *argv, Value blk)
{
    const char *prompt = mg_str_cstr(mg_to_str(argv[0]));
    mg_io_flush_all();
    if (interactive) {
        char *line = readline(prompt);
        if (!line) return MG_NIL;
        if (*line) {
            add_history(line);
            /* the whole list each time: libedit's append_history(1, ...) wrote
             * entries twice; the list is stifled to 1000 lines */
            if (history_path[0]) write_history(history_path);
        }
        Value s = mg_str_new_cstr(line);
        free(line);
        return s;
    }
    /* not a terminal: echo the prompt and the line, as irb does for piped input */
    static char *buf;
    static size_t cap;
    ssize_t n = getline(&buf, &cap, stdin);
    if (n < 0) return MG_NIL;
    if (n > 0 && buf[n - 1] == '\n') buf[--n] = '\0';
    fputs(prompt, stdout);
    fputs(buf, stdout);
    fputc('\n', stdout);
    fflush(stdout);
    return mg_str_new(buf, (size_t)n);
}

static Value
restore_body(Value arg)
{
    (void)arg;
    mg_code_restore_load_path();
    return MG_NIL;
}

int
main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            puts("Usage: maglev-irb [-h] [--version]\n"
                 "  An interactive maglev session: each line is evaluated at the top level\n"
                 "  and its value printed; Maglev.commit_transaction persists as usual.\n"
                 "  History is kept in ~/.maglev_irb_history. Leave with exit or Ctrl-D.");
            return 0;
        }
        if (!strcmp(argv[i], "--version")) {
            puts("maglev-irb 0.1.0 (maglev 0.1.0, ruby 3.1.2 compatible)");
            return 0;
        }
        fprintf(stderr, "maglev-irb: unknown option %s (try --help)\n", argv[i]);
        return 2;
    }
    interactive = isatty(0) && isatty(1);
    if (interactive) {
        const char *home = getenv("HOME");
        if (home && *home) {
            snprintf(history_path, sizeof history_path, "%s/.maglev_irb_history", home);
            using_history();
            stifle_history(1000);
            read_history(history_path);
        }
    }
    mg_init_ids();
    mg_init_object_model();
    mg_vm_boot();
    mg_init_core();
    mg_gc_init();
    MgVMOptions opts = { .argc = 0, .argv = argv + argc, .script_name = "irb" };
    mg_vm_init(&opts);
    /* the persistent $LOAD_PATH's directories and the C parts of the builtin
     * libraries required in persistent mode, as maglev-ruby does */
    Value exc;
    mg_protect(restore_body, MG_NIL, &exc);
    RClass *m = mg_define_module("MaglevIRB");
    mg_define_module_function(m, "readline", irb_readline, 1, 1);
    static const char program[] = "require 'maglev/irb'\nMaglev::IRB.start(binding)\n";
    int status = mg_vm_run_main(program, sizeof program - 1, "irb");
    fflush(stdout);
    return status;
}
