# `make bench`: figures, not tests (nothing is asserted; not in make check).
# bench-csv times CSV import and export against the sqlite3 shell.
bench: bench-csv
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
