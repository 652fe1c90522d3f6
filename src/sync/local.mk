# src/sync: CSV exchange with shops and couriers (no curses here).
libcoopstock_a_SOURCES += \
	src/sync/cell.c src/sync/cell.h \
	src/sync/csvread.c src/sync/csvread.h \
	src/sync/csvwrite.c src/sync/csvwrite.h \
	src/sync/decode.c src/sync/decode.h \
	src/sync/header.c src/sync/header.h \
	src/sync/template.c src/sync/template.h \
	src/sync/export.c src/sync/export.h \
	src/sync/imp.c src/sync/imp.h \
	src/sync/imp_catalog.c src/sync/imp_catalog.h \
	src/sync/imp_orders.c src/sync/imp_orders.h \
	src/sync/imp_stock.c src/sync/imp_stock.h \
	src/sync/import.c src/sync/import.h \
	src/sync/strmap.c src/sync/strmap.h
libcoopstock_a_SOURCES += src/sync/bundle.c src/sync/bundle.h
