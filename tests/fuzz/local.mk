# Fuzzing.  Every target is built twice: replay_TARGET (always; a make
# check test replaying the target's corpus and regressions through the
# same code, without libFuzzer) and, with ./configure CC=clang
# --enable-fuzz, the libFuzzer binary tests/fuzz/TARGET.  To add a target
# (the CSV reader, say): write tests/fuzz/fuzz_csv.c, seed
# tests/fuzz/corpus/fuzz_csv/, and add fuzz_csv to the three lists below
# with its _SOURCES/_CPPFLAGS lines copied from fuzz_num's.  See
# tests/fuzz/README.
fuzz_replays = \
	tests/fuzz/replay_sanitize \
	tests/fuzz/replay_num \
	tests/fuzz/replay_csv \
	tests/fuzz/replay_roundtrip
check_PROGRAMS += $(fuzz_replays)
TESTS += $(fuzz_replays)

FUZZ_COMMON = tests/fuzz/fuzz.h
tests_fuzz_replay_sanitize_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_sanitize.c $(FUZZ_COMMON)
tests_fuzz_replay_sanitize_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"fuzz_sanitize"'
tests_fuzz_replay_sanitize_LDADD = $(COOPSTOCK_LIBS)
tests_fuzz_replay_num_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_num.c $(FUZZ_COMMON)
tests_fuzz_replay_num_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"fuzz_num"'
tests_fuzz_replay_num_LDADD = $(COOPSTOCK_LIBS)
FUZZ_DB = tests/fuzz/fuzzdb.c tests/fuzz/fuzzdb.h
tests_fuzz_replay_csv_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_csv.c $(FUZZ_COMMON) $(FUZZ_DB)
tests_fuzz_replay_csv_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"fuzz_csv"' \
	-DSTRESS_MUTATIONS=100
tests_fuzz_replay_csv_LDADD = $(COOPSTOCK_LIBS)
tests_fuzz_replay_roundtrip_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_roundtrip.c $(FUZZ_COMMON) $(FUZZ_DB)
tests_fuzz_replay_roundtrip_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_TARGET='"fuzz_roundtrip"' \
	-DSTRESS_MUTATIONS=200
tests_fuzz_replay_roundtrip_LDADD = $(COOPSTOCK_LIBS)

fuzz_targets = \
	tests/fuzz/fuzz_sanitize \
	tests/fuzz/fuzz_num \
	tests/fuzz/fuzz_csv \
	tests/fuzz/fuzz_roundtrip
if FUZZ
noinst_PROGRAMS = $(fuzz_targets)
endif
EXTRA_PROGRAMS = $(fuzz_targets)
tests_fuzz_fuzz_sanitize_SOURCES = tests/fuzz/fuzz_sanitize.c $(FUZZ_COMMON)
tests_fuzz_fuzz_sanitize_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_sanitize_LDADD = $(COOPSTOCK_LIBS)
tests_fuzz_fuzz_num_SOURCES = tests/fuzz/fuzz_num.c $(FUZZ_COMMON)
tests_fuzz_fuzz_num_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_num_LDADD = $(COOPSTOCK_LIBS)
tests_fuzz_fuzz_csv_SOURCES = tests/fuzz/fuzz_csv.c $(FUZZ_COMMON) $(FUZZ_DB)
tests_fuzz_fuzz_csv_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_csv_LDADD = $(COOPSTOCK_LIBS)
tests_fuzz_fuzz_roundtrip_SOURCES = tests/fuzz/fuzz_roundtrip.c $(FUZZ_COMMON) $(FUZZ_DB)
tests_fuzz_fuzz_roundtrip_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_roundtrip_LDADD = $(COOPSTOCK_LIBS)

# The corpora, regressions and dictionary travel in the tarball, because
# make check replays them.
EXTRA_DIST += tests/fuzz/README tests/fuzz/coopstock.dict \
	tests/fuzz/corpus tests/fuzz/regressions

# make fuzz: run each libFuzzer target for FUZZ_SECONDS (default an hour)
# on a scratch copy of its corpus; new inputs land in fuzz-out/TARGET.
FUZZ_SECONDS = 3600
fuzz:
	@if test "x$(FUZZ_ENABLED)" != xyes; then \
	  echo "make fuzz: configure with CC=clang --enable-fuzz first" >&2; \
	  exit 1; \
	fi
	$(MAKE) $(AM_MAKEFLAGS) $(fuzz_targets)
	@set -e; for t in $(fuzz_targets); do \
	  n=$$(basename $$t); mkdir -p fuzz-out/$$n; \
	  echo "fuzzing $$n for $(FUZZ_SECONDS) s"; \
	  COOPSTOCK_DATADIR='$(abs_top_srcdir)/share' ./$$t \
	    -dict='$(srcdir)/tests/fuzz/coopstock.dict' \
	    -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    fuzz-out/$$n '$(srcdir)/tests/fuzz/corpus/'$$n; \
	done
.PHONY: fuzz
