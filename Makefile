# maglev -- MagLev rebuilt in C. `make` builds bin/maglev-ruby; `make test` runs every suite.
# Building needs a C compiler and Debian packages only (./install.sh installs them).

CC      ?= gcc
CSTD    := -std=c11
WARN    := -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wshadow=local -Wpointer-arith -Wstrict-prototypes
OPT     ?= -O2 -g
DEFS    ?=
CFLAGS  := $(CSTD) $(WARN) $(OPT) $(DEFS) -Isrc -MMD -MP
LDLIBS  := -lonig -lgmp -llmdb -lz -lcrypto -lffi -ledit -lyaml -lcrypt -lm -ldl -lpthread

BUILD   ?= build/release
SRCS    := $(shell find src -name '*.c' | sort)
CLI_MAINS := $(wildcard src/cli/*_main.c) src/cli/maglev_ruby.c src/cli/maglev_irb.c src/cli/maglev_gem.c
# the storage backends and what they need, without the VM (test/cli/lib.sh's helper names the same files)
STORE_SRCS := src/store/backend.c $(wildcard src/store/lmdb_*.c) src/store/commitq.c $(wildcard src/store/pg_*.c) src/util/crc32c.c
ADMIN_SRCS := src/cli/maglev_main.c $(wildcard src/cli/admin_*.c) src/store/stone.c $(STORE_SRCS) src/store/scan.c src/store/repogc.c src/common.c
LIB_SRCS := $(filter-out $(CLI_MAINS) $(wildcard src/cli/admin_*.c) src/store/stone.c src/store/repogc.c,$(SRCS))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o)

.PHONY: all test test-lang test-core test-unit difftest bench asan stress clean fuzz

all: bin/maglev-ruby bin/maglev bin/maglev-irb bin/maglev-gem bin/maglev-rake share/maglev/extent0.mdb

# The base image `maglev create` copies: a repository holding the root, the
# system table and a record of every core class (MagLev's extent0.ruby.dbf).
share/maglev/extent0.mdb: bin/maglev-ruby bin/maglev
	@rm -rf build/seed && mkdir -p share/maglev
	env -u MAGLEV_REPOSITORY MAGLEV_DATA=build/seed MAGLEV_STONE=seed bin/maglev-ruby -e 'Maglev.__seed_base_image'
	env -u MAGLEV_REPOSITORY MAGLEV_DATA=build/seed bin/maglev backup seed $@.tmp >/dev/null && mv $@.tmp $@
	@rm -rf build/seed

bin/maglev-ruby: $(BUILD)/maglev-ruby
	@mkdir -p bin
	cp $< $@.tmp && mv -f $@.tmp $@   # a rename: a running copy keeps its file

$(BUILD)/maglev-ruby: $(LIB_OBJS) $(BUILD)/src/cli/maglev_ruby.o
	$(CC) $(OPT) -o $@ $^ $(LDLIBS) $(LDFLAGS)

bin/maglev-irb: $(BUILD)/maglev-irb
	@mkdir -p bin
	cp $< $@.tmp && mv -f $@.tmp $@   # a rename: a running copy keeps its file

$(BUILD)/maglev-irb: $(LIB_OBJS) $(BUILD)/src/cli/maglev_irb.o
	$(CC) $(OPT) -o $@ $^ $(LDLIBS) $(LDFLAGS)

# bin/maglev-gem, bin/maglev-rake: RubyGems' gem command and rake, run by the
# maglev-ruby beside them (one program, named by argv[0]; no VM of its own)
bin/maglev-gem bin/maglev-rake: $(BUILD)/maglev-gem
	@mkdir -p bin
	cp $< $@.tmp && mv -f $@.tmp $@   # a rename: a running copy keeps its file

$(BUILD)/maglev-gem: $(BUILD)/src/cli/maglev_gem.o
	$(CC) $(OPT) -o $@ $^ $(LDFLAGS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

-include $(LIB_OBJS:.o=.d)

# The PostgreSQL backend includes libpq-fe.h (Debian's libpq-dev).
PQ_INC  := $(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)
# libpq itself is loaded when a PostgreSQL repository is first opened (pg_dl.c), not linked.
$(patsubst %.c,$(BUILD)/%.o,$(wildcard src/store/pg_*.c)): CFLAGS += -I$(PQ_INC)

# Unicode case-mapping tables for src/core/casemap.c, from Debian's unicode-data.
UNICODE_DIR ?= /usr/share/unicode
$(BUILD)/gen/casemap_data.h: tools/gen_casemap.sh
	@mkdir -p $(dir $@)
	tools/gen_casemap.sh $(UNICODE_DIR) > $@.tmp && mv $@.tmp $@
$(BUILD)/src/core/casemap.o: $(BUILD)/gen/casemap_data.h
$(BUILD)/src/core/casemap.o: CFLAGS += -I$(BUILD)/gen

# bin/maglev: the administration command and the stone daemon (docs/cli.md).
# No VM: the storage backend, the stone and src/cli/admin_*.c only.
ADMIN_OBJS := $(ADMIN_SRCS:%.c=$(BUILD)/%.o)

bin/maglev: $(BUILD)/maglev
	@mkdir -p bin
	cp $< $@.tmp && mv -f $@.tmp $@   # a rename: a running copy keeps its file

$(BUILD)/maglev: $(ADMIN_OBJS)
	$(CC) $(OPT) -o $@ $^ -llmdb -lz -ldl $(LDFLAGS)

-include $(ADMIN_OBJS:.o=.d)

# C unit tests: each test/unit/<name>.c is a program printing "N passed, M failed".
UNIT_TESTS := build/unit/store_test build/unit/pg_store_test build/unit/scan_test
STORE_TEST_SRCS := test/unit/store_test.c $(STORE_SRCS)
build/unit/store_test: $(STORE_TEST_SRCS) src/store/backend.h src/store/backend_ops.h src/store/pg_int.h
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) -Isrc -I$(PQ_INC) -o $@ $(STORE_TEST_SRCS) -llmdb -lz -ldl

# needs a server: skipped (exit 77) without MAGLEV_PG_URL (test/pg/with_server.sh)
build/unit/pg_store_test: test/unit/pg_store_test.c $(filter-out test/unit/store_test.c,$(STORE_TEST_SRCS)) src/store/backend.h src/store/backend_ops.h src/store/pg_schema.h src/store/pg_int.h
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) -Isrc -I$(PQ_INC) -o $@ test/unit/pg_store_test.c $(filter-out test/unit/store_test.c,$(STORE_TEST_SRCS)) -llmdb -lz -ldl

build/unit/scan_test: test/unit/scan_test.c src/store/scan.c src/store/scan.h
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) -Isrc -o $@ test/unit/scan_test.c src/store/scan.c

test-unit: $(UNIT_TESTS)

TESTS ?= test/lang test/core test/stdlib test/ext test/gems
# The persistence suite runs twice: on LMDB, then (pg:) on the PostgreSQL
# backend, against one private server for the whole run (test/pg/with_server.sh).
test: all $(UNIT_TESTS)
	test/pg/with_server.sh tools/runtests.sh $(TESTS) test/persist pg:test/persist test/cli $(UNIT_TESTS)

# Re-check every expectation against CRuby 3.1.
difftest:
	tools/runtests.sh --ruby ruby $(TESTS)

bench: all $(BUILD)/bench/raw_lmdb $(BUILD)/bench/raw_pg
	bench/run.sh
	bench/persist.sh --raw $(BUILD)/bench/raw_lmdb
	bench/index.sh
	bench/blog.sh
	bench/pg.sh --raw $(BUILD)/bench/raw_pg

# The raw-LMDB ceiling of the persistence workloads (bench/persist.sh).
$(BUILD)/bench/raw_lmdb: bench/raw_lmdb.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) -o $@ bench/raw_lmdb.c -llmdb

# The raw-libpq ceiling of the same workloads on PostgreSQL (bench/pg.sh).
$(BUILD)/bench/raw_pg: bench/raw_pg.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) -I$(PQ_INC) -o $@ bench/raw_pg.c -lpq

# AddressSanitizer + UBSan build in build/asan, run on the language tests.
asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" build/asan/maglev-ruby
	ASAN_OPTIONS=detect_leaks=0 MAGLEV_TEST_ASAN=1 tools/runtests.sh --ruby build/asan/maglev-ruby --timeout 60 $(TESTS)

# GC stress: collect at every allocation.
stress:
	$(MAKE) BUILD=build/stress DEFS="-DMG_GC_STRESS" OPT="-O1 -g" build/stress/maglev-ruby
	tools/runtests.sh --ruby build/stress/maglev-ruby --timeout 120 $(TESTS)

clean:
	rm -rf build share bin/maglev-ruby bin/maglev bin/maglev-irb bin/maglev-gem bin/maglev-rake
