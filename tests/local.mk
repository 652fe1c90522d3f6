# Tests: every test speaks TAP, through automake's tap-driver.sh, so a
# failing case is named in the summary rather than hidden in a log.
TEST_EXTENSIONS = .sh
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	COOPSTOCK_DATADIR='$(abs_top_srcdir)/share'; export COOPSTOCK_DATADIR; \
	COOPSTOCK='$(abs_top_builddir)/coopstock$(EXEEXT)'; export COOPSTOCK; \
	TESTS_SRCDIR='$(abs_top_srcdir)/tests'; export TESTS_SRCDIR; \
	TOP_SRCDIR='$(abs_top_srcdir)'; export TOP_SRCDIR; \
	SQLITE3='$(SQLITE3)'; export SQLITE3; TMUX_BIN='$(TMUX)'; export TMUX_BIN; \
	unset COOPSTOCK_DB XDG_DATA_HOME; \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1; export ASAN_OPTIONS; \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1; export UBSAN_OPTIONS;

# Unit tests: cmocka, one program per module, on real temp databases.
UNIT_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
UNIT_LDADD = $(COOPSTOCK_LIBS) $(CMOCKA_LIBS)
unit_tests = \
	tests/unit/test_db \
	tests/unit/test_num \
	tests/unit/test_text
check_PROGRAMS += $(unit_tests)
TESTS += $(unit_tests)

tests_unit_test_db_SOURCES = tests/unit/test_db.c tests/unit/testlib.c tests/unit/testlib.h
tests_unit_test_db_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_db_LDADD = $(UNIT_LDADD)
tests_unit_test_num_SOURCES = tests/unit/test_num.c
tests_unit_test_num_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_num_LDADD = $(UNIT_LDADD)
tests_unit_test_text_SOURCES = tests/unit/test_text.c
tests_unit_test_text_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_text_LDADD = $(UNIT_LDADD)

# Command-line tests: shell scripts driving the real binary.
cli_tests = \
	tests/cli/check-ledger.sh \
	tests/cli/db-open.sh \
	tests/cli/usage.sh \
	tests/potfiles.sh
TESTS += $(cli_tests)
EXTRA_DIST += $(cli_tests) tests/lib.sh

# The model: stock ledger, orders, and a race of processes for the last jar.
model_tests = \
	tests/unit/test_stock \
	tests/unit/test_order \
	tests/unit/test_concurrency
check_PROGRAMS += $(model_tests)
TESTS += $(model_tests)
MODEL_TEST_SOURCES = tests/unit/testlib.c tests/unit/testlib.h \
	tests/unit/fixture.c tests/unit/fixture.h
tests_unit_test_stock_SOURCES = tests/unit/test_stock.c $(MODEL_TEST_SOURCES)
tests_unit_test_stock_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_stock_LDADD = $(UNIT_LDADD)
tests_unit_test_order_SOURCES = tests/unit/test_order.c $(MODEL_TEST_SOURCES)
tests_unit_test_order_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_order_LDADD = $(UNIT_LDADD)
tests_unit_test_concurrency_SOURCES = tests/unit/test_concurrency.c $(MODEL_TEST_SOURCES)
tests_unit_test_concurrency_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_concurrency_LDADD = $(UNIT_LDADD)
