# safar: build, test, install. GNU make; dependencies from Debian (make deps).

PREFIX   ?= /usr/local
DATADIR  ?= $(PREFIX)/share/safar
VERSION  := 0.1.0

CC       ?= cc
PKGS     := yaml-0.1 libcmark xlsxwriter pangocairo pangoft2 harfbuzz-subset libdeflate fontconfig libqrencode zlib
CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L -DSAFAR_VERSION='"$(VERSION)"'
WERROR   ?= -Werror
WARN     := -std=c11 -Wall -Wextra -Wpedantic $(WERROR)
# Each object lists the headers it includes (build/**/*.d): an edit rebuilds
# exactly what depends on it.
DEPFLAGS := -MMD -MP
CFLAGS   ?= -O2 -g
# libgettextpo and libhyphen have no pkg-config file.
LIBS     := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lgettextpo -lhyphen -lm -pthread
PKGCFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)
SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# The folders are the pipeline: load -> resolve -> render, check beside it.
# safar's own interface strings (i18n/) are compiled in: GEN_SRC.
GEN_SRC  := build/gen/i18n_builtin.c
LIB_SRC  := $(wildcard src/util/*.c src/load/*.c src/resolve/*.c src/edition/*.c src/render/*.c src/check/*.c src/translate/*.c) $(GEN_SRC)
CLI_SRC  := $(wildcard src/cli/*.c)
UNIT_SRC := $(wildcard tests/unit/*.c)
HDRS     := $(wildcard include/safar/*.h src/*/*.h)

# Two builds from one source: plain (B=build) and sanitized (B=build/san).
define objs
$(patsubst %.c,$(1)/%.o,$(2))
endef

all: safar

safar: build/safar
	cp build/safar $@

build/%.o: %.c build/datadir
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(DEPFLAGS) $(CPPFLAGS) -DSAFAR_DATADIR='"$(DATADIR)"' $(PKGCFLAGS) $(CFLAGS) -c $< -o $@

build/san/%.o: %.c build/datadir
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(DEPFLAGS) $(CPPFLAGS) -DSAFAR_DATADIR='"$(DATADIR)"' $(PKGCFLAGS) -O1 -g $(SAN) -c $< -o $@

-include $(shell find build -name '*.d' 2>/dev/null)

$(GEN_SRC): tools/embed.sh $(wildcard i18n/*.yaml)
	@mkdir -p $(dir $@)
	sh tools/embed.sh $@ $(wildcard i18n/*.yaml)

# The data directory is compiled in; rebuild when PREFIX changes.
build/datadir: FORCE
	@mkdir -p build
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@

build/safar: $(call objs,build,$(LIB_SRC) $(CLI_SRC))
	$(CC) $(LDFLAGS) $(CFLAGS) $^ $(LIBS) -o $@

build/san/safar: $(call objs,build/san,$(LIB_SRC) $(CLI_SRC))
	$(CC) $(LDFLAGS) $(SAN) $^ $(LIBS) -o $@

build/unit: $(call objs,build,$(LIB_SRC) $(UNIT_SRC))
	$(CC) $(LDFLAGS) $(CFLAGS) $^ $(LIBS) $(CHECK_LIBS) -o $@

build/san/unit: $(call objs,build/san,$(LIB_SRC) $(UNIT_SRC))
	$(CC) $(LDFLAGS) $(SAN) $^ $(LIBS) $(CHECK_LIBS) -o $@

# --- tests -------------------------------------------------------------------
# make test: the edit-compile-test loop (unit, golden, CLI, build outputs on
# the plain build; no browser, office suite, sanitizers or valgrind).
test: build/safar build/unit
	@echo '== unit'
	@CK_FORK=no build/unit
	@echo '== golden'
	@sh tests/run-golden.sh build/safar
	@echo '== cli'
	@sh tests/cli/run.sh build/safar
	@echo '== build outputs'
	@sh tests/build/run.sh build/safar
	@echo '== writes'
	@sh tests/cli/writes.sh build/safar
	@echo '== scale'
	@sh tests/cli/scale.sh build/safar

# make check: everything. Unit tests (Check), golden diagnostics, CLI tests:
# once on the plain build, once under ASan+UBSan, then the golden cases under
# valgrind; XLSX read back, print, install, threads.
check: build/safar build/unit build/san/safar build/san/unit
	@echo '== unit (plain)'
	@CK_FORK=no build/unit
	@echo '== unit (asan+ubsan)'
	@build/san/unit
	@echo '== golden (plain)'
	@sh tests/run-golden.sh build/safar
	@echo '== golden (asan+ubsan)'
	@sh tests/run-golden.sh build/san/safar
	@echo '== cli (plain)'
	@sh tests/cli/run.sh build/safar
	@echo '== cli (asan+ubsan)'
	@sh tests/cli/run.sh build/san/safar
	@echo '== build outputs (plain)'
	@sh tests/build/run.sh build/safar
	@echo '== build outputs (asan+ubsan)'
	@sh tests/build/run.sh build/san/safar
	@echo '== writes (plain, asan+ubsan)'
	@sh tests/cli/writes.sh build/safar
	@sh tests/cli/writes.sh build/san/safar
	@echo '== scale (plain, asan+ubsan)'
	@sh tests/cli/scale.sh build/safar
	@sh tests/cli/scale.sh build/san/safar
	@echo '== xlsx read back'
	@sh tests/xlsx/check-xlsx.sh build/safar
	@echo '== print (chromium)'
	@sh tests/print/run.sh build/safar
	@echo '== pdf (poppler, zbar)'
	@sh tests/pdf/run.sh build/safar
	@echo '== pdf (asan+ubsan): the PDF writer under the sanitizers'
	@sh tests/pdf/run.sh build/san/safar
	@echo '== install'
	@rm -rf build/inst && $(MAKE) -s install DESTDIR=$(CURDIR)/build/inst >/dev/null
	@test -x build/inst$(PREFIX)/bin/safar && test -f build/inst$(PREFIX)/share/man/man1/safar.1
	@cd build && SAFAR_DATADIR=$(CURDIR)/build/inst$(DATADIR) inst$(PREFIX)/bin/safar list corridors | grep -q '^kg-ru '
	@$(MAKE) -s uninstall DESTDIR=$(CURDIR)/build/inst
	@test -z "$$(find build/inst -type f)"
	@echo 'install: the binary, the manual and the bundled content are in place; uninstall removes them'
	@echo '== threads (tsan)'
	@$(MAKE) -s tsan
	@echo '== fuzz (smoke: the saved reproducers, then each target a few seconds)'
	@$(MAKE) -s fuzz-smoke
	@echo '== golden (valgrind)'
	@SAFAR_WRAP='valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$(CURDIR)/tests/valgrind.supp' \
		sh tests/run-golden.sh build/safar
	@echo '== build outputs (valgrind)'
	@SAFAR_WRAP='valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$(CURDIR)/tests/valgrind.supp' \
		sh tests/build/run.sh build/safar
	@echo 'all test suites passed'

# --- benchmarks --------------------------------------------------------------
# Generated roots of 10,000 modules (200 corridors) and 2,000 (30); whole
# processes, ratios measured in one interleaved run; figures, not pass/fail
# (docs/performance.md). BENCH_REPS=N repeats each ratio N times.
BENCH_REPS ?= 3
build/bench: $(call objs,build,$(LIB_SRC) tests/bench/bench.c)
	$(CC) $(CFLAGS) $^ $(LIBS) -o $@

build/cmark-bodies: tests/bench/cmark_bodies.c
	$(CC) $(WARN) $(PKGCFLAGS) $(CFLAGS) $< $(shell pkg-config --libs libcmark) -o $@

build/bench-10k/safar.yaml: tests/bench/gen.py
	rm -rf build/bench-10k
	python3 tests/bench/gen.py build/bench-10k 10000 200

build/bench-2k/safar.yaml: tests/bench/gen.py
	rm -rf build/bench-2k
	python3 tests/bench/gen.py build/bench-2k 2000 30

bench: build/safar build/bench build/cmark-bodies build/bench-10k/safar.yaml build/bench-2k/safar.yaml
	python3 tests/bench/bench.py build/safar build/bench build/cmark-bodies \
		build/bench-10k build/bench-2k $(BENCH_REPS)

# ThreadSanitizer: `build -j` shares the model across threads; races are
# intermittent, so the fixture is built several times.
build/tsan/safar: $(LIB_SRC) $(CLI_SRC) $(HDRS)
	@mkdir -p build/tsan
	clang -std=c11 -g -O1 -fsanitize=thread $(CPPFLAGS) $(PKGCFLAGS) -DSAFAR_DATADIR='"$(DATADIR)"' \
		$(LIB_SRC) $(CLI_SRC) $(LIBS) -o $@

tsan: build/tsan/safar
	@for i in 1 2 3 4 5; do rm -rf build/tsan/out; \
		TSAN_OPTIONS=halt_on_error=1:exitcode=66 build/tsan/safar build -C tests/fixtures/render \
		-o build/tsan/out -j 4 2>build/tsan/log || { cat build/tsan/log; exit 1; }; done
	@for i in 1 2; do rm -rf build/tsan/outp; G_SLICE=always-malloc \
		TSAN_OPTIONS=halt_on_error=1:exitcode=66:suppressions=$(CURDIR)/tests/tsan.supp build/tsan/safar build \
		-C tests/fixtures/render -o build/tsan/outp -j 4 --format pdf,helpcard 2>build/tsan/log || { cat build/tsan/log; exit 1; }; done
	@echo 'tsan: 5 parallel builds and 2 parallel PDF builds, no data race'

# --- fuzzing ------------------------------------------------------------------
# libFuzzer targets under ASan and UBSan (clang), one per input kind (config,
# corridor, module, rules, i18n: tests/fuzz/fuzz_<kind>.c) and one through
# load, check and every renderer (pipeline). docs/testing.md says more.
#   make fuzz                      every target, FUZZ_SECONDS each (default 60)
#   make fuzz FUZZ_TARGET=module   one target (or a list)
#   make fuzz-smoke                for CI: the saved reproducers, each kind 5 s, the pipeline 30 s
# Seeds are made from the repository's roots (tests/fuzz/seeds.sh) into
# build/fuzz/seeds/; what a run finds is kept in build/fuzz/corpus/<target>/
# for the next run; crashes go to build/fuzz/artifacts/<target>/.
FUZZ_SECONDS ?= 60
FUZZ_KINDS   := config corridor module rules i18n
FUZZ_TARGETS := $(FUZZ_KINDS) pipeline
FUZZ_TARGET  ?= $(FUZZ_TARGETS)
FUZZ_CFLAGS  := $(WARN) -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
		-fno-sanitize-recover=all
FUZZ_OBJS    := $(call objs,build/fuzz/obj,$(LIB_SRC) tests/fuzz/common.c)

# (build/fuzz was once the one harness's binary: a folder now.)
build/fuzz/obj/%.o: %.c $(HDRS) tests/fuzz/common.h build/datadir
	@if [ -f build/fuzz ]; then rm build/fuzz; fi
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(CPPFLAGS) -DSAFAR_DATADIR='"$(DATADIR)"' \
		$(PKGCFLAGS) -c $< -o $@

.PRECIOUS: build/fuzz/obj/%.o
build/fuzz/fuzz-%: build/fuzz/obj/tests/fuzz/fuzz_%.o $(FUZZ_OBJS)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ $(LIBS) -o $@

build/fuzz/seeds: tests/fuzz/seeds.sh FORCE
	@rm -rf $@ && sh tests/fuzz/seeds.sh $@ >/dev/null

# A kind's dictionary is YAML's and its own; the pipeline's is all of them.
build/fuzz/pipeline.dict: $(wildcard tests/fuzz/dict/*.dict)
	@mkdir -p build/fuzz && cat $^ >$@
build/fuzz/%.dict: tests/fuzz/dict/yaml.dict tests/fuzz/dict/%.dict
	@mkdir -p build/fuzz && cat $^ >$@

FUZZ_DEPS = build/fuzz/fuzz-$(1) build/fuzz/$(1).dict
fuzz: $(foreach t,$(FUZZ_TARGET),$(call FUZZ_DEPS,$(t))) build/fuzz/seeds
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGET)

fuzz-smoke: $(foreach t,$(FUZZ_TARGETS),$(call FUZZ_DEPS,$(t))) build/fuzz/seeds
	@sh tests/fuzz/run.sh -s 5 $(FUZZ_KINDS)
	@sh tests/fuzz/run.sh -s 30 pipeline

# --- set-up ------------------------------------------------------------------
DEB_PKGS := build-essential pkg-config libyaml-dev libcmark-dev libxlsxwriter-dev check libgettextpo-dev gettext \
	valgrind clang python3 python3-openpyxl python3-jsonschema python3-yaml chromium poppler-utils libreoffice-calc-nogui \
	libpango1.0-dev libharfbuzz-dev libdeflate-dev libcairo2-dev libqrencode-dev libhyphen-dev zlib1g-dev fonts-dejavu-core hyphen-en-us hyphen-ru zbar-tools

deps:
	@missing=$$(for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "dependencies: all installed"; fi

demo: deps
	$(MAKE) safar
	./safar check --quiet
	@echo "safar check: no errors (origin-language texts are drafts awaiting review: 'safar check' lists them)"
	./safar list corridors
	./safar build -o out
	@echo 'open out/index.html to see every handbook, checklist, SMS set and session pack'

install: safar
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(DATADIR)
	install -m 755 safar $(DESTDIR)$(PREFIX)/bin/safar
	install -m 644 docs/safar.1 $(DESTDIR)$(PREFIX)/share/man/man1/safar.1
	cp -R corridors content $(DESTDIR)$(DATADIR)/
	for f in safar.yaml rules.yaml; do [ ! -f $$f ] || install -m 644 $$f $(DESTDIR)$(DATADIR)/; done
	[ ! -d i18n ] || cp -R i18n $(DESTDIR)$(DATADIR)/

# Removes what install put there, and nothing else (the data directory is
# safar's own).
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/safar $(DESTDIR)$(PREFIX)/share/man/man1/safar.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build safar

FORCE:
.PHONY: all bench check deps demo fuzz fuzz-smoke install test tsan uninstall clean FORCE
