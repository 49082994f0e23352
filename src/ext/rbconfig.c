/* rbconfig.c -- rbconfig: RbConfig::CONFIG for libraries that look (rubygems,
 * mkmf-free code, pp, fileutils ...). The Ruby identity is 3.1.0 on
 * x86_64-linux; the library directories are Debian's, which is where the
 * standard library we load lives; bindir and ruby_install_name are ours. */
#include "ext.h"
#include "../core/core.h"
#include <limits.h>
#include <string.h>
#include <unistd.h>

static const char rbconfig_rb[] =
    "module RbConfig\n"
    "  TOPDIR = '/usr'\n"
    "  DESTDIR = ''\n"
    "  CONFIG = {}\n"
    "  c = CONFIG\n"
    "  c['MAJOR'], c['MINOR'], c['TEENY'] = '3', '1', '2'\n"
    "  c['PATCHLEVEL'] = '20'\n"
    "  c['ruby_version'] = '3.1.0'\n"
    "  c['RUBY_PROGRAM_VERSION'] = '3.1.2'\n"
    "  c['RUBY_API_VERSION'] = '3.1'\n"
    "  c['RUBY_BASE_NAME'] = 'ruby'\n"
    "  c['ruby_install_name'] = c['RUBY_INSTALL_NAME'] = 'maglev-ruby'\n"
    "  c['RUBY_SO_NAME'] = 'ruby-3.1'\n"
    "  c['RUBYW_INSTALL_NAME'] = ''\n"
    "  c['bindir'] = MAGLEV_BINDIR\n"
    "  c['prefix'] = c['exec_prefix'] = '/usr'\n"
    "  c['libdir'] = '/usr/lib'\n"
    "  c['datadir'] = '/usr/share'\n"
    "  c['sysconfdir'] = '/etc'\n"
    "  c['localstatedir'] = '/var'\n"
    "  c['mandir'] = '/usr/share/man'\n"
    "  c['ridir'] = '/usr/share/ri'\n"
    "  c['docdir'] = '/usr/share/doc/ruby'\n"
    "  c['includedir'] = '/usr/include'\n"
    "  c['rubylibprefix'] = '/usr/lib/ruby'\n"
    "  c['rubylibdir'] = '/usr/lib/ruby/3.1.0'\n"
    "  c['rubyarchdir'] = c['archdir'] = c['topdir'] = '/usr/lib/x86_64-linux-gnu/ruby/3.1.0'\n"
    "  c['sitedir'] = '/usr/local/lib/site_ruby'\n"
    "  c['sitelibdir'] = '/usr/local/lib/site_ruby/3.1.0'\n"
    "  c['sitearchdir'] = '/usr/local/lib/x86_64-linux-gnu/site_ruby'\n"
    "  c['vendordir'] = '/usr/lib/ruby/vendor_ruby'\n"
    "  c['vendorlibdir'] = '/usr/lib/ruby/vendor_ruby/3.1.0'\n"
    "  c['vendorarchdir'] = '/usr/lib/x86_64-linux-gnu/ruby/vendor_ruby/3.1.0'\n"
    "  c['arch'] = c['sitearch'] = 'x86_64-linux-gnu'\n"
    "  c['host'] = c['target'] = c['build'] = 'x86_64-pc-linux-gnu'\n"
    "  c['host_os'] = c['target_os'] = c['build_os'] = 'linux-gnu'\n"
    "  c['host_cpu'] = c['target_cpu'] = c['build_cpu'] = 'x86_64'\n"
    "  c['host_vendor'] = c['target_vendor'] = 'pc'\n"
    "  c['EXEEXT'] = ''\n"
    "  c['EXECUTABLE_EXTS'] = ''\n"
    "  c['DLEXT'] = 'so'\n"
    "  c['LIBEXT'] = 'a'\n"
    "  c['OBJEXT'] = 'o'\n"
    "  c['SOEXT'] = 'so'\n"
    "  c['SHELL'] = '/bin/sh'\n"
    "  c['PATH_SEPARATOR'] = ':'\n"
    "  c['CC'] = 'gcc'\n"
    "  c['CPP'] = 'gcc -E'\n"
    "  c['CFLAGS'] = c['LDFLAGS'] = c['LIBS'] = ''\n"
    "  c['ruby_pc'] = 'ruby-3.1.pc'\n"
    "  c['NULLCMD'] = ':'\n"
    "  c['configure_args'] = ''\n"
    "  c.each_value(&:freeze)\n"
    "  MAKEFILE_CONFIG = CONFIG.dup\n"
    "  def self.ruby = File.join(CONFIG['bindir'], CONFIG['ruby_install_name'] + CONFIG['EXEEXT'])\n"
    "  def self.expand(val, config = CONFIG)\n"
    "    val.gsub!(/\\$\\$|\\$\\(([^()]+)\\)|\\$\\{([^{}]+)\\}/) do |var|\n"
    "      if !(v = $1 || $2) then '$'\n"
    "      elsif key = config[v = v[/\\A[^:]+(?=(?::(.*?)=(.*))?\\z)/]] then key\n"
    "      else var\n"
    "      end\n"
    "    end\n"
    "    val\n"
    "  end\n"
    "  def self.fire_update!(key, val, mkconf = MAKEFILE_CONFIG, conf = CONFIG) = nil\n"
    "end\n"
    "CROSS_COMPILING = nil unless defined?(CROSS_COMPILING)\n";

void
mg_ext_init_rbconfig(void)
{
    char exe[PATH_MAX];
    ssize_t r = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (r <= 0) { strcpy(exe, "/usr/bin/maglev-ruby"); r = (ssize_t)strlen(exe); }
    exe[r] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) *slash = 0;
    RClass *m = mg_define_module("RbConfig");
    mg_define_const(m, "MAGLEV_BINDIR", mg_str_freeze(mg_str_new_cstr(exe)));
    mg_eval_string(rbconfig_rb, sizeof rbconfig_rb - 1, "rbconfig.rb", 1);
}
