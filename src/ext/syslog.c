/* syslog.c -- require 'syslog': the Syslog module over syslog(3) (openlog,
 * syslog, setlogmask, closelog), with Syslog::Constants (Option, Facility,
 * Level) and Syslog::Macros (LOG_MASK, LOG_UPTO), as CRuby's. C gives the
 * four calls and the constants; the module's state and checks are Ruby (the
 * few lines below). openlog keeps the ident pointer: C owns a copy of it.
 * syslog/logger.rb (Syslog::Logger) is CRuby's own file, on top of this. */
#include "ext.h"
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

static char *ident_copy;

/* Syslog.__openlog(ident, options, facility) */
static Value
sl_openlog(Value self, int argc, const Value *argv, Value blk)
{
    Value id = mg_to_str(argv[0]);
    char *copy = strdup(mg_str_cstr(id));
    if (!copy) mg_raise_nomem();
    openlog(copy, (int)mg_num2long(argv[1]), (int)mg_num2long(argv[2]));
    free(ident_copy);                 /* openlog now holds the new one */
    ident_copy = copy;
    return MG_NIL;
}

static Value
sl_closelog(Value self, int argc, const Value *argv, Value blk)
{
    closelog();
    return MG_NIL;
}

/* Syslog.__syslog(priority, message): the message as is (never a format) */
static Value
sl_syslog(Value self, int argc, const Value *argv, Value blk)
{
    syslog((int)mg_num2long(argv[0]), "%s", mg_str_cstr(mg_to_str(argv[1])));
    return MG_NIL;
}

/* Syslog.__setlogmask(mask) -> the previous mask */
static Value
sl_setlogmask(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(setlogmask((int)mg_num2long(argv[0])));
}

static const char syslog_rb[] =
    "module Syslog\n"
    "  module Macros\n"
    "    def LOG_MASK(pri) = 1 << pri\n"
    "    def LOG_UPTO(pri) = (1 << (pri + 1)) - 1\n"
    "    def self.included(base) = base.extend(self)\n"
    "  end\n"
    "  module Constants\n"
    "    include Option\n"
    "    include Facility\n"
    "    include Level\n"
    "    include Macros\n"
    "  end\n"
    "  include Constants\n"
    "  extend Macros\n"
    "  @opened = false\n"
    "  @ident = @options = @facility = @mask = nil\n"
    "  class << self\n"
    "    attr_reader :ident, :options, :facility\n"
    "    def opened? = @opened\n"
    "    def instance = self\n"
    "    def open(ident = $0, options = LOG_PID | LOG_CONS, facility = LOG_USER)\n"
    "      raise RuntimeError, 'syslog already open' if @opened\n"
    "      ident = ident.to_str\n"
    "      __openlog(ident, options, facility)\n"
    "      @ident, @options, @facility, @opened = ident, options, facility, true\n"
    "      @mask = __setlogmask(0)\n"
    "      return self unless block_given?\n"
    "      begin\n"
    "        yield self\n"
    "      ensure\n"
    "        close\n"
    "      end\n"
    "      self\n"
    "    end\n"
    "    def reopen(*args, &block)\n"
    "      close\n"
    "      open(*args, &block)\n"
    "    end\n"
    "    alias open! reopen\n"
    "    def close\n"
    "      raise RuntimeError, 'syslog not opened' unless @opened\n"
    "      __closelog\n"
    "      @ident = @options = @facility = @mask = nil\n"
    "      @opened = false\n"
    "      nil\n"
    "    end\n"
    "    def mask = @opened ? @mask : nil\n"
    "    def mask=(m)\n"
    "      raise RuntimeError, 'must open syslog before setting log mask' unless @opened\n"
    "      __setlogmask(m)\n"
    "      @mask = m\n"
    "    end\n"
    "    def log(pri, format, *args)\n"
    "      raise RuntimeError, 'must open syslog before write' unless @opened\n"
    "      __syslog(pri, format(format, *args))\n"
    "      self\n"
    "    end\n"
    "    { emerg: LOG_EMERG, alert: LOG_ALERT, crit: LOG_CRIT, err: LOG_ERR, warning: LOG_WARNING,\n"
    "      notice: LOG_NOTICE, info: LOG_INFO, debug: LOG_DEBUG }.each do |name, level|\n"
    "      define_method(name) { |format, *args| log(level, format, *args) }\n"
    "    end\n"
    "    def inspect\n"
    "      return '<#Syslog: opened=false>' unless @opened\n"
    "      \"<#Syslog: opened=true, ident=\\\"#{@ident}\\\", options=#{@options}, facility=#{@facility}, mask=#{@mask}>\"\n"
    "    end\n"
    "    alias to_s inspect\n"
    "  end\n"
    "end\n";

void
mg_ext_init_syslog(void)
{
    RClass *m = mg_define_module("Syslog");
    mg_define_module_function(m, "__openlog", sl_openlog, 3, 3);
    mg_define_module_function(m, "__closelog", sl_closelog, 0, 0);
    mg_define_module_function(m, "__syslog", sl_syslog, 2, 2);
    mg_define_module_function(m, "__setlogmask", sl_setlogmask, 1, 1);
    static const struct { const char *name; int value; } options[] = {
        { "LOG_PID", LOG_PID }, { "LOG_CONS", LOG_CONS }, { "LOG_ODELAY", LOG_ODELAY },
        { "LOG_NDELAY", LOG_NDELAY }, { "LOG_NOWAIT", LOG_NOWAIT }, { "LOG_PERROR", LOG_PERROR },
    }, facilities[] = {
        { "LOG_AUTH", LOG_AUTH }, { "LOG_AUTHPRIV", LOG_AUTHPRIV }, { "LOG_CRON", LOG_CRON },
        { "LOG_DAEMON", LOG_DAEMON }, { "LOG_FTP", LOG_FTP }, { "LOG_KERN", LOG_KERN },
        { "LOG_LPR", LOG_LPR }, { "LOG_MAIL", LOG_MAIL }, { "LOG_NEWS", LOG_NEWS },
        { "LOG_SYSLOG", LOG_SYSLOG }, { "LOG_USER", LOG_USER }, { "LOG_UUCP", LOG_UUCP },
        { "LOG_LOCAL0", LOG_LOCAL0 }, { "LOG_LOCAL1", LOG_LOCAL1 }, { "LOG_LOCAL2", LOG_LOCAL2 },
        { "LOG_LOCAL3", LOG_LOCAL3 }, { "LOG_LOCAL4", LOG_LOCAL4 }, { "LOG_LOCAL5", LOG_LOCAL5 },
        { "LOG_LOCAL6", LOG_LOCAL6 }, { "LOG_LOCAL7", LOG_LOCAL7 },
    }, levels[] = {
        { "LOG_EMERG", LOG_EMERG }, { "LOG_ALERT", LOG_ALERT }, { "LOG_CRIT", LOG_CRIT },
        { "LOG_ERR", LOG_ERR }, { "LOG_WARNING", LOG_WARNING }, { "LOG_NOTICE", LOG_NOTICE },
        { "LOG_INFO", LOG_INFO }, { "LOG_DEBUG", LOG_DEBUG },
    };
    RClass *opt = mg_define_module_under(m, "Option"), *fac = mg_define_module_under(m, "Facility"),
           *lev = mg_define_module_under(m, "Level");
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) mg_define_const(opt, options[i].name, MG_FIX(options[i].value));
    for (size_t i = 0; i < sizeof facilities / sizeof facilities[0]; i++) mg_define_const(fac, facilities[i].name, MG_FIX(facilities[i].value));
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) mg_define_const(lev, levels[i].name, MG_FIX(levels[i].value));
    mg_eval_string(syslog_rb, sizeof syslog_rb - 1, "syslog.so", 1);
}
