/* maglev_gem.c -- main() of maglev-gem: RubyGems' own `gem` command run by
 * maglev-ruby. It executes the maglev-ruby beside it (so RUBYOPT, RUBYLIB,
 * GEM_HOME and every maglev-ruby setting apply unchanged) on the same three
 * lines as RubyGems' bin/gem; `maglev-ruby -S gem ARGS` does the same through
 * Debian's /usr/bin/gem. Where gems go: lib/rubygems/defaults/maglev.rb. */
#define _GNU_SOURCE
#include <errno.h>
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

    char **args = calloc((size_t)argc + 5, sizeof *args);
    if (!args) return 1;
    int k = 0;
    args[k++] = ruby;
    args[k++] = "-e";
    args[k++] = (char *)runner;
    args[k++] = "--";
    for (int i = 1; i < argc; i++) args[k++] = argv[i];
    args[k] = NULL;
    execv(ruby, args);
    fprintf(stderr, "maglev-gem: cannot run %s: %s\n", ruby, strerror(errno));
    return 127;
}
