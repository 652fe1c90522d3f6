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

# The pseudo-terminal recorder: bytes per key, idle bytes (make check) and
# the figures of make bench.
check_PROGRAMS += tests/tools/ptyrec
tests_tools_ptyrec_SOURCES = tests/tools/ptyrec.c
tests_tools_ptyrec_LDADD = $(PTY_LIBS)

# Command-line tests: shell scripts driving the real binary.
cli_tests = \
	tests/cli/backup.sh \
	tests/cli/db-open.sh \
	tests/cli/readonly.sh \
	tests/cli/usage.sh \
	tests/potfiles.sh
TESTS += $(cli_tests)
EXTRA_DIST += $(cli_tests) tests/lib.sh

# The catalogue (src/model: clerk, setting, product, member, payment).
catalog_tests = \
	tests/unit/test_clerk \
	tests/unit/test_member \
	tests/unit/test_payment \
	tests/unit/test_product \
	tests/unit/test_setting
check_PROGRAMS += $(catalog_tests)
TESTS += $(catalog_tests)
CATALOG_TEST_LIB = tests/unit/testlib.c tests/unit/testlib.h \
	tests/unit/testdump.c tests/unit/testdump.h
tests_unit_test_clerk_SOURCES = tests/unit/test_clerk.c $(CATALOG_TEST_LIB)
tests_unit_test_clerk_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_clerk_LDADD = $(UNIT_LDADD)
tests_unit_test_member_SOURCES = tests/unit/test_member.c $(CATALOG_TEST_LIB)
tests_unit_test_member_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_member_LDADD = $(UNIT_LDADD)
tests_unit_test_payment_SOURCES = tests/unit/test_payment.c $(CATALOG_TEST_LIB)
tests_unit_test_payment_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_payment_LDADD = $(UNIT_LDADD)
tests_unit_test_product_SOURCES = tests/unit/test_product.c $(CATALOG_TEST_LIB)
tests_unit_test_product_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_product_LDADD = $(UNIT_LDADD)
tests_unit_test_setting_SOURCES = tests/unit/test_setting.c $(CATALOG_TEST_LIB)
tests_unit_test_setting_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_setting_LDADD = $(UNIT_LDADD)

# Reliability: I/O faults through a test-only VFS, SQLite and xalloc
# out-of-memory, for every write path in test_faults.c's table.
check_PROGRAMS += tests/unit/test_faults
TESTS += tests/unit/test_faults
tests_unit_test_faults_SOURCES = tests/unit/test_faults.c \
	tests/unit/faultvfs.c tests/unit/faultvfs.h $(CATALOG_TEST_LIB)
tests_unit_test_faults_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_faults_LDADD = $(UNIT_LDADD)

# make stress: the long variants, not part of make check.  The fault loops
# try every N instead of a sample, and the fuzz replayers run each corpus
# input in 100,000 mutated forms.  A few minutes.
stress_tests = tests/unit/test_faults $(fuzz_replays)
stress:
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(stress_tests)' COOPSTOCK_STRESS=1
.PHONY: stress
