/* ext.h -- builtin features: the libraries CRuby ships as C extensions
 * (stringio, strscan, json's parser and generator, psych, zlib, digest, etc,
 * rbconfig, io/console, io/wait, io/nonblock, pathname.so, monitor.so,
 * socket, openssl's ciphers, bigdecimal, objspace, coverage, ripper,
 * cgi/escape, fcntl, pty, syslog, readline.so on libedit), implemented here.
 * `require` asks mg_ext_require before it searches $LOAD_PATH, so a builtin
 * feature shadows any file of that name (Debian's .so files, which we cannot
 * load, never matter). Each library is one file src/ext/<name>.c whose init
 * defines its classes on the first require; where a part is only calls on
 * other Ruby objects (Monitor, Pathname's delegations, JSON's State settings)
 * the init evaluates a few lines of Ruby kept in that C file. The pure-Ruby rest
 * of each library is CRuby's own file from /usr/lib/ruby/3.1.0, loaded unchanged
 * (vm/eval.c puts the standard library directories after lib/ on $LOAD_PATH). */
#ifndef MG_EXT_H
#define MG_EXT_H

#include "../core/core.h"

/* Adds feature to the registry: a require name, either bare ("stringio",
 * "io/console": matches with or without ".so") or ending in ".so" when CRuby's
 * Ruby file of the bare name requires it ("psych.so", "monitor.so"). init runs on
 * the first require. The string is not copied. */
void mg_ext_register(const char *feature, void (*init)(void));

/* require's hook: -1 when feature (with or without ".so") is not builtin,
 * 0 when it is and was already loaded, 1 when it was loaded now (init ran and the
 * feature was appended to $LOADED_FEATURES as "<feature>.so"). May raise what
 * init raises; a feature whose init raised counts as not loaded. */
int  mg_ext_require(const char *feature);

/* True while a builtin feature's init runs. */
bool mg_ext_initializing(void);

/* Loads a builtin feature from C (one ext needing another): as mg_ext_require. */
bool mg_ext_provide(const char *feature);

/* require's last resort: loads RubyGems and activates the installed gem holding
 * feature, returning the feature's path (nil when no gem has it); raises a LoadError
 * naming the gem when feature is a C extension (a .so), which maglev cannot load. */
Value mg_ext_gem_feature(const char *feature);
/* --disable-gems (before mg_vm_init): no Gem, no Kernel#gem, no RubyGems fallback in require. */
void mg_ext_disable_gems(void);

/* At core start-up (core.def): the few core methods and constants the standard
 * library needs that no core file defines yet (Process.clock_gettime, Signal.list,
 * IO::NULL, File#flock ...); each is skipped when the core already has it. */
void mg_init_ext(void);
void mg_ext_boot_file_stat(void);    /* file_stat.c: File::Stat, File.stat ... (called by mg_init_ext) */
void mg_ext_boot_file_ops(void);     /* file_ops.c: File.umask, chmod, symlink ... (called by mg_init_ext) */

/* The init functions (one per src/ext file). */
void mg_ext_init_stringio(void);
void mg_ext_init_strscan(void);
void mg_ext_init_json(void);
void mg_ext_init_etc(void);
void mg_ext_init_rbconfig(void);
void mg_ext_init_io_console(void);
void mg_ext_init_psych(void);
void mg_ext_init_zlib(void);
void mg_ext_init_digest(void);
void mg_ext_init_digest_md5(void);
void mg_ext_init_digest_sha1(void);
void mg_ext_init_digest_sha2(void);
void mg_ext_init_pathname(void);
void mg_ext_init_io_wait(void);
void mg_ext_init_monitor(void);
void mg_ext_init_objspace(void);     /* objspace.c: require 'objspace' */
void mg_ext_init_ffi(void);          /* ffi.c: the core of lib/ffi.rb (feature "ffi_c") */
void mg_ext_init_socket(void);
void mg_ext_init_io_nonblock(void);
void mg_ext_init_openssl(void);
void mg_ext_init_bigdecimal(void);
/* At start-up (mg_init_ext): lets a committed BigDecimal decode before bigdecimal is required. */
void mg_ext_bigdecimal_register_data(void);
void mg_ext_init_coverage(void);     /* coverage.c: require 'coverage' (line coverage) */
void mg_ext_init_ripper(void);       /* ripper.c: require 'ripper' (Ripper.lex, Ripper.tokenize) */
void mg_ext_init_cgi_escape(void);   /* cgi_escape.c: require 'cgi/escape' (CGI::Escape) */
void mg_ext_init_fcntl(void);        /* fcntl.c: require 'fcntl' (the Fcntl constants) */
void mg_ext_init_pty(void);          /* pty.c: require 'pty' */
void mg_ext_init_readline(void);     /* readline.c: readline.rb's readline.so, on libedit */
void mg_ext_init_syslog(void);       /* syslog.c: require 'syslog' */

#endif
