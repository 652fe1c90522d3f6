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
	unset COOPSTOCK_DB XDG_DATA_HOME; LANGUAGE=en; export LANGUAGE; \
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
# db_pcache_fixed, in child processes (the cache is process-wide).
check_PROGRAMS += tests/unit/test_pcache
TESTS += tests/unit/test_pcache
tests_unit_test_pcache_SOURCES = tests/unit/test_pcache.c tests/unit/testlib.c tests/unit/testlib.h
tests_unit_test_pcache_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pcache_LDADD = $(UNIT_LDADD)

# db_alloc_install, in child processes (the allocator is process-wide).
check_PROGRAMS += tests/unit/test_alloc
TESTS += tests/unit/test_alloc
tests_unit_test_alloc_SOURCES = tests/unit/test_alloc.c tests/unit/testlib.c tests/unit/testlib.h
tests_unit_test_alloc_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_alloc_LDADD = $(UNIT_LDADD)

# The pseudo-terminal recorder: bytes per key, idle bytes (make check) and
# the figures of make bench.
check_PROGRAMS += tests/tools/ptyrec
tests_tools_ptyrec_SOURCES = tests/tools/ptyrec.c
tests_tools_ptyrec_LDADD = $(PTY_LIBS) $(NCURSES_LIBS)

# Command-line tests: shell scripts driving the real binary.
cli_tests = \
	tests/cli/backup.sh \
	tests/cli/check-ledger.sh \
	tests/cli/db-open.sh \
	tests/cli/migrate.sh \
	tests/cli/readonly.sh \
	tests/cli/static-build.sh \
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
# CSV machinery (src/sync): decoding, reading, headers, cells, writing,
# templates.  Fixtures are real bytes (tests/data/gbk.csv is GB18030).
sync_unit_tests = \
	tests/unit/test_cell \
	tests/unit/test_csvread \
	tests/unit/test_csvwrite \
	tests/unit/test_header \
	tests/unit/test_template
check_PROGRAMS += $(sync_unit_tests)
TESTS += $(sync_unit_tests)
tests_unit_test_cell_SOURCES = tests/unit/test_cell.c
tests_unit_test_cell_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_cell_LDADD = $(UNIT_LDADD)
tests_unit_test_csvread_SOURCES = tests/unit/test_csvread.c
tests_unit_test_csvread_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_csvread_LDADD = $(UNIT_LDADD)
tests_unit_test_csvwrite_SOURCES = tests/unit/test_csvwrite.c
tests_unit_test_csvwrite_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_csvwrite_LDADD = $(UNIT_LDADD)
tests_unit_test_header_SOURCES = tests/unit/test_header.c
tests_unit_test_header_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_header_LDADD = $(UNIT_LDADD)
tests_unit_test_template_SOURCES = tests/unit/test_template.c
tests_unit_test_template_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_template_LDADD = $(UNIT_LDADD)
EXTRA_DIST += \
	tests/data/bad-bytes.csv \
	tests/data/bad-template.tmpl \
	tests/data/crlf.csv \
	tests/data/gbk.csv \
	tests/data/quoted-newline.csv \
	tests/data/stray-quote.csv \
	tests/data/unterminated.csv \
	tests/data/utf16.csv \
	tests/data/utf8-bom.csv \
	tests/data/utf8.csv
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
tests_unit_test_order_SOURCES = tests/unit/test_order.c \
	tests/unit/faultvfs.c tests/unit/faultvfs.h $(MODEL_TEST_SOURCES)
tests_unit_test_order_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_order_LDADD = $(UNIT_LDADD)
tests_unit_test_concurrency_SOURCES = tests/unit/test_concurrency.c $(MODEL_TEST_SOURCES)
tests_unit_test_concurrency_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_concurrency_LDADD = $(UNIT_LDADD)
# The demo cooperative, reports and batch confirmation.
demo_cli_tests = \
	tests/cli/demo.sh \
	tests/cli/report.sh \
	tests/cli/orders.sh
TESTS += $(demo_cli_tests)
EXTRA_DIST += $(demo_cli_tests)
EXTRA_DIST += \
	tests/data/report-low-stock.csv \
	tests/data/report-low-stock.txt \
	tests/data/report-payouts.csv \
	tests/data/report-payouts.txt \
	tests/data/report-sales-range.txt \
	tests/data/report-sales.csv \
	tests/data/report-sales.txt \
	tests/data/report-stock.csv \
	tests/data/report-stock.txt
check_PROGRAMS += tests/unit/test_batch
TESTS += tests/unit/test_batch
tests_unit_test_batch_SOURCES = tests/unit/test_batch.c $(MODEL_TEST_SOURCES)
tests_unit_test_batch_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_batch_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/test_report
TESTS += tests/unit/test_report
tests_unit_test_report_SOURCES = tests/unit/test_report.c $(MODEL_TEST_SOURCES)
tests_unit_test_report_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_report_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/test_demo
TESTS += tests/unit/test_demo
tests_unit_test_demo_SOURCES = tests/unit/test_demo.c $(MODEL_TEST_SOURCES)
tests_unit_test_demo_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_demo_LDADD = $(UNIT_LDADD)

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
# input in 100,000 mutated forms.  About 36 minutes on 2 busy cores, most
# of it test_faults' OOM loops (db_open alone meets 40,000 allocations).
stress_tests = tests/unit/test_faults $(fuzz_replays) $(hardening_tests)
stress:
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(stress_tests)' COOPSTOCK_STRESS=1
.PHONY: stress

# CSV exchange: import and export kinds through the real binary, with
# fixtures in the shops' own layouts (tests/data/imex).
imex_tests = \
	tests/cli/export.sh \
	tests/cli/import-catalog.sh \
	tests/cli/import-orders.sh \
	tests/cli/import-solo.sh
TESTS += $(imex_tests)
EXTRA_DIST += $(imex_tests) \
	tests/data/imex/douyin.csv \
	tests/data/imex/intake.csv \
	tests/data/imex/members.csv \
	tests/data/imex/orders-bad.csv \
	tests/data/imex/orders-unterminated.csv \
	tests/data/imex/orders.csv \
	tests/data/imex/pinduoduo.csv \
	tests/data/imex/products-bad.csv \
	tests/data/imex/products-gbk.csv \
	tests/data/imex/products.csv \
	tests/data/imex/taobao-items-bad.csv \
	tests/data/imex/taobao-items.csv \
	tests/data/imex/taobao-orders.csv
check_PROGRAMS += tests/unit/test_imex
TESTS += tests/unit/test_imex
tests_unit_test_imex_SOURCES = tests/unit/test_imex.c tests/unit/testlib.c tests/unit/testlib.h
tests_unit_test_imex_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_imex_LDADD = $(UNIT_LDADD)

# Site-to-site sync (src/util/sha256, src/sync/bundle, model/replica).
unit_tests_sitesync = tests/unit/test_sha256 tests/unit/test_replica
check_PROGRAMS += $(unit_tests_sitesync)
TESTS += $(unit_tests_sitesync)
tests_unit_test_sha256_SOURCES = tests/unit/test_sha256.c
tests_unit_test_sha256_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sha256_LDADD = $(UNIT_LDADD)
tests_unit_test_replica_SOURCES = tests/unit/test_replica.c $(MODEL_TEST_SOURCES)
tests_unit_test_replica_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_replica_LDADD = $(UNIT_LDADD)
# Other sites' orders on the screens' model (Home counts, Orders lists).
check_PROGRAMS += tests/unit/test_away
TESTS += tests/unit/test_away
tests_unit_test_away_SOURCES = tests/unit/test_away.c $(MODEL_TEST_SOURCES)
tests_unit_test_away_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_away_LDADD = $(UNIT_LDADD)
sitesync_cli_tests = tests/cli/sitesync.sh
TESTS += $(sitesync_cli_tests)
EXTRA_DIST += $(sitesync_cli_tests)
# TUI tests: tests/tui/uidemo drives the widgets; widgets.sh runs it in
# tmux (skipped when tmux is missing).
check_PROGRAMS += tests/tui/uidemo
tests_tui_uidemo_SOURCES = tests/tui/uidemo.c
tests_tui_uidemo_LDADD = $(COOPSTOCK_LIBS)
tui_tests = tests/tui/widgets.sh tests/tui/zh.sh tests/tui/screens.sh \
	tests/tui/quiet.sh
TESTS += $(tui_tests)
EXTRA_DIST += $(tui_tests) tests/tui/lib.sh
# wire.sh: bytes on the wire counted by tests/tools/ptyrec (idle, Down).
TESTS += tests/tui/wire.sh
EXTRA_DIST += tests/tui/wire.sh
tests_unit_test_ui_keys_SOURCES = tests/unit/test_ui_keys.c
tests_unit_test_ui_keys_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ui_keys_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/test_ui_keys
TESTS += tests/unit/test_ui_keys
# The Home screen's counts and the drafts of half-typed forms.
check_PROGRAMS += tests/unit/test_summary
TESTS += tests/unit/test_summary
tests_unit_test_summary_SOURCES = tests/unit/test_summary.c $(MODEL_TEST_SOURCES)
tests_unit_test_summary_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_summary_LDADD = $(UNIT_LDADD)
# The Orders screens in tmux on the demo cooperative.
TESTS += tests/tui/orders.sh
EXTRA_DIST += tests/tui/orders.sh
# The main flow once in Chinese: sign-in, intake, order, ship.
TESTS += tests/tui/zh-flow.sh
EXTRA_DIST += tests/tui/zh-flow.sh
# The README's text screenshots are the program's (tests/tools/screenshots.sh
# takes them; run it after changing a screen).
TESTS += tests/tui/screenshots.sh
EXTRA_DIST += tests/tui/screenshots.sh tests/tools/screenshots.sh
check_PROGRAMS += tests/unit/test_order_list
TESTS += tests/unit/test_order_list
tests_unit_test_order_list_SOURCES = tests/unit/test_order_list.c $(MODEL_TEST_SOURCES)
tests_unit_test_order_list_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_order_list_LDADD = $(UNIT_LDADD)
# Translations and documentation: zh_CN complete and current, the binary
# finds it (build tree and installed), the man page lints clean, and the
# README's commands work as written.
i18n_doc_tests = \
	tests/po.sh \
	tests/cli/i18n.sh \
	tests/man.sh \
	tests/cli/readme.sh
TESTS += $(i18n_doc_tests)
EXTRA_DIST += $(i18n_doc_tests)

# Livestream bursts: quick entry lookups, packing waves, slips and pick
# lists (golden text at 42 and 80 columns), the wave commands.
check_PROGRAMS += tests/unit/test_wave
TESTS += tests/unit/test_wave
tests_unit_test_wave_SOURCES = tests/unit/test_wave.c $(MODEL_TEST_SOURCES)
tests_unit_test_wave_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_wave_LDADD = $(UNIT_LDADD)
TESTS += tests/cli/wave.sh
EXTRA_DIST += tests/cli/wave.sh \
	tests/data/wave-print-42.txt tests/data/wave-print-80.txt
# The desk screens' parts (receipt, lot_list, report rows, import rules).
tests_unit_test_desk_SOURCES = tests/unit/test_desk.c $(CATALOG_TEST_LIB)
tests_unit_test_desk_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_desk_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/test_desk
TESTS += tests/unit/test_desk
# The desk screens in tmux, through the coopstock binary.
TESTS += tests/tui/desk.sh
EXTRA_DIST += tests/tui/desk.sh tests/data/desk/intake-bad.csv \
	tests/data/desk/intake-good.csv
TESTS += tests/tui/quick.sh
EXTRA_DIST += tests/tui/quick.sh
TESTS += tests/tui/sync.sh
EXTRA_DIST += tests/tui/sync.sh
TESTS += tests/tui/siteui.sh
EXTRA_DIST += tests/tui/siteui.sh
# The product search index (product_gram) against a plain scan.
check_PROGRAMS += tests/unit/test_product_gram
TESTS += tests/unit/test_product_gram
tests_unit_test_product_gram_SOURCES = tests/unit/test_product_gram.c \
	$(CATALOG_TEST_LIB)
tests_unit_test_product_gram_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_product_gram_LDADD = $(UNIT_LDADD)

# Reliability (issue 6): kills at random moments, backups under load, a
# frozen clerk, terminal injection through a pty.  COOPSTOCK_STRESS=1 (make
# stress) runs the long variants.
hardening_tests = \
	tests/cli/killloop.sh \
	tests/cli/backup-load.sh \
	tests/tui/frozen.sh \
	tests/tui/inject.sh
TESTS += $(hardening_tests)
EXTRA_DIST += $(hardening_tests)
