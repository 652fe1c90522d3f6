# `make bench`: figures, not tests (nothing is asserted; not in make check).
# bench-csv times CSV import and export against the sqlite3 shell.
bench: bench-csv
bench-csv: coopstock$(EXEEXT)
	COOPSTOCK='$(abs_top_builddir)/coopstock$(EXEEXT)' \
	COOPSTOCK_DATADIR='$(abs_top_srcdir)/share' SQLITE3='$(SQLITE3)' \
	$(SHELL) $(top_srcdir)/bench/csv.sh
.PHONY: bench bench-csv
EXTRA_DIST += bench/csv.sh
# The big database: bench-gen (bench/gen.c) writes it through the model.
# (check_PROGRAMS: built and warning-checked by make check, never installed)
check_PROGRAMS += bench/bench-gen
bench_bench_gen_SOURCES = bench/gen.c
bench_bench_gen_LDADD = $(COOPSTOCK_LIBS)
check_PROGRAMS += bench/bench-search
bench_bench_search_SOURCES = bench/search.c
bench_bench_search_LDADD = $(COOPSTOCK_LIBS)
