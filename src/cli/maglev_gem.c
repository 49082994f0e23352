/* maglev_gem.c -- main() of maglev-gem and maglev-rake (one program, named
 * by argv[0]): the usual tools run by maglev-ruby. It executes the
 * maglev-ruby beside it (so RUBYOPT, RUBYLIB, GEM_HOME and every maglev-ruby
 * setting apply unchanged). maglev-gem runs RubyGems' own `gem` command on
 * the same three lines as RubyGems' bin/gem (`maglev-ruby -S gem ARGS` does
 * the same through Debian's /usr/bin/gem; where gems go:
 * lib/rubygems/defaults/maglev.rb); maglev-rake is `maglev-ruby -S rake`. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char runner[] =
    "$0 = 'gem'\n"
    "require 'rubygems'\n"
    "require 'rubygems/gem_runner'\n"
    "Gem::GemRunner.new.run ARGV.clone\n";

int
main(int argc, char **argv)
{
    char ruby[PATH_MAX + 16];
    ssize_t n = readlink("/proc/self/exe", ruby, PATH_MAX);
    if (n <= 0) {
        fprintf(stderr, "maglev-gem: cannot find itself: %s\n", strerror(errno));
        return 1;
    }
    ruby[n] = '\0';
    char *slash = strrchr(ruby, '/');
    strcpy(slash ? slash + 1 : ruby, "maglev-ruby");

    const char *self = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    bool rake = strcmp(self, "maglev-rake") == 0;
    char **args = calloc((size_t)argc + 5, sizeof *args);
    if (!args) return 1;
    int k = 0;
    args[k++] = ruby;
    if (rake) {
        args[k++] = "-S";
        args[k++] = "rake";
    } else {
        args[k++] = "-e";
        args[k++] = (char *)runner;
        args[k++] = "--";
    }
    for (int i = 1; i < argc; i++) args[k++] = argv[i];
    args[k] = NULL;
    execv(ruby, args);
    fprintf(stderr, "%s: cannot run %s: %s\n", self, ruby, strerror(errno));
    return 127;
}
