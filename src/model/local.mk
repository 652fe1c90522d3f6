# src/model: files are added here as the layer grows.
libcoopstock_a_SOURCES += \
	src/model/check.c src/model/check.h \
	src/model/ledger.c src/model/ledger.h \
	src/model/order.c src/model/order.h \
	src/model/stock.c src/model/stock.h
