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
	tests/cli/db-open.sh \
	tests/cli/usage.sh \
	tests/potfiles.sh
TESTS += $(cli_tests)
EXTRA_DIST += $(cli_tests) tests/lib.sh

# TUI tests: tests/tui/uidemo drives the widgets; widgets.sh runs it in
# tmux (skipped when tmux is missing).
check_PROGRAMS += tests/tui/uidemo
tests_tui_uidemo_SOURCES = tests/tui/uidemo.c
tests_tui_uidemo_LDADD = $(COOPSTOCK_LIBS)
tui_tests = tests/tui/widgets.sh
TESTS += $(tui_tests)
EXTRA_DIST += $(tui_tests) tests/tui/lib.sh
tests_unit_test_ui_keys_SOURCES = tests/unit/test_ui_keys.c
tests_unit_test_ui_keys_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ui_keys_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/test_ui_keys
TESTS += tests/unit/test_ui_keys
