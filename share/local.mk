# Schema migrations, applied in order by src/db/db.c.
dist_sql_DATA += \
	share/sql/001-initial.sql
dist_sql_DATA += share/sql/003-catalog.sql
dist_sql_DATA += share/sql/009-sitesync.sql
dist_sql_DATA += share/sql/011-product-gram.sql
dist_sql_DATA += share/sql/012-home-counts.sql
dist_sql_DATA += share/sql/013-check-lists.sql
dist_sql_DATA += share/sql/014-short-triggers.sql
dist_sql_DATA += share/sql/015-product-key.sql
# Shop and courier layouts (src/sync/template.h): data, not code.
templatesdir = $(pkgdatadir)/templates
dist_templates_DATA = \
	share/templates/courier-generic.tmpl \
	share/templates/courier-sf.tmpl \
	share/templates/douyin.tmpl \
	share/templates/pinduoduo.tmpl \
	share/templates/taobao-items.tmpl \
	share/templates/taobao-orders.tmpl
# The manual page (tests/man.sh lints it and checks it names every
# command and option).
dist_man1_MANS = share/man/coopstock.1
dist_sql_DATA += share/sql/010-wave.sql
