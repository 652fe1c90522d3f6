# `make bench`: figures, not tests (nothing is asserted; not in make check).
# bench-csv times CSV import and export against the sqlite3 shell.
bench: bench-csv
bench: bench-search bench-tty
bench-csv: coopstock$(EXEEXT)
	COOPSTOCK='$(abs_top_builddir)/coopstock$(EXEEXT)' \
	COOPSTOCK_DATADIR='$(abs_top_srcdir)/share' SQLITE3='$(SQLITE3)' \
	$(SHELL) $(top_srcdir)/bench/csv.sh
.PHONY: bench bench-csv
EXTRA_DIST += bench/csv.sh
# bench-wave: batch confirmation and a wave's pick list, 10,000 orders.
bench: bench-wave
bench-wave: coopstock$(EXEEXT)
	COOPSTOCK='$(abs_top_builddir)/coopstock$(EXEEXT)' \
	COOPSTOCK_DATADIR='$(abs_top_srcdir)/share' \
	$(SHELL) $(top_srcdir)/bench/wave.sh
.PHONY: bench-wave
EXTRA_DIST += bench/wave.sh
# The big database: bench-gen (bench/gen.c) writes it through the model.
# (check_PROGRAMS: built and warning-checked by make check, never installed)
check_PROGRAMS += bench/bench-gen
bench_bench_gen_SOURCES = bench/gen.c
bench_bench_gen_LDADD = $(COOPSTOCK_LIBS)
check_PROGRAMS += bench/bench-search
bench_bench_search_SOURCES = bench/search.c
bench_bench_search_LDADD = $(COOPSTOCK_LIBS)
check_PROGRAMS += bench/bench-home
bench_bench_home_SOURCES = bench/home.c
bench_bench_home_LDADD = $(COOPSTOCK_LIBS)

# The big database (100,000 products, 1,000,000 order lines) and the same
# product list as text for less; built once, then reused.
BENCH_DB = bench/big.db
BENCH_TABLE = bench/big.txt
$(BENCH_DB): bench/bench-gen$(EXEEXT)
	rm -f $@ $@-wal $@-shm $(BENCH_TABLE)
	@echo "bench: generating $@ (100,000 products, 1,000,000 order lines)"
	COOPSTOCK_DATADIR='$(abs_top_srcdir)/share' \
	  bench/bench-gen$(EXEEXT) -t $(BENCH_TABLE) $@
CLEANFILES += $(BENCH_DB) $(BENCH_DB)-wal $(BENCH_DB)-shm $(BENCH_TABLE)

# bench-search: per keystroke, a page of the product list and its
# capped count, for 1-3 Chinese characters and SKU prefixes.
bench-search: bench/bench-search$(EXEEXT) $(BENCH_DB)
	COOPSTOCK_DATADIR='$(abs_top_srcdir)/share' \
	  bench/bench-search$(EXEEXT) $(BENCH_DB)

# bench-tty: bytes per key, first screen, idle, startup and RSS against
# less on the same rows (bench/tty.sh).
bench-tty: coopstock$(EXEEXT) tests/tools/ptyrec$(EXEEXT) $(BENCH_DB) \
	$(BENCH_STATIC)
	COOPSTOCK='$(abs_top_builddir)/coopstock$(EXEEXT)' \
	COOPSTOCK_STATIC='$(BENCH_STATIC)' \
	PTYREC='$(abs_top_builddir)/tests/tools/ptyrec$(EXEEXT)' \
	COOPSTOCK_DATADIR='$(abs_top_srcdir)/share' \
	  $(SHELL) $(top_srcdir)/bench/tty.sh $(BENCH_DB) $(BENCH_TABLE)

# bench-home: Home's counts (summary_get and the live counter), 20 draws.
bench: bench-home
bench-home: bench/bench-home$(EXEEXT) $(BENCH_DB)
	COOPSTOCK_DATADIR='$(abs_top_srcdir)/share' \
	  bench/bench-home$(EXEEXT) $(BENCH_DB)
.PHONY: bench-search bench-tty bench-home
EXTRA_DIST += bench/tty.sh

# bench/coopstock-static: coopstock linked from the libraries' static
# archives (what --enable-static-deps builds), when they link; bench-tty
# times its start next to the shared build's.
if STATIC_DEPS
check_PROGRAMS += bench/coopstock-static
bench_coopstock_static_SOURCES = src/main.c
bench_coopstock_static_LDADD = libcoopstock.a $(STATIC_DEPS_LIBS) $(SYS_LIBS)
BENCH_STATIC = $(abs_top_builddir)/bench/coopstock-static$(EXEEXT)
else
BENCH_STATIC =
endif
