# src/model: files are added here as the layer grows.
libcoopstock_a_SOURCES += \
	src/model/clerk.c src/model/clerk.h \
	src/model/member.c src/model/member.h \
	src/model/payment.c src/model/payment.h \
	src/model/product.c src/model/product.h \
	src/model/search.c src/model/search.h \
	src/model/setting.c src/model/setting.h \
	src/model/txn.c src/model/txn.h \
	src/model/check.c src/model/check.h \
	src/model/ledger.c src/model/ledger.h \
	src/model/order.c src/model/order.h \
	src/model/order_bulk.c src/model/order_bulk.h \
	src/model/order_get.c src/model/order_get.h \
	src/model/index_defer.c src/model/index_defer.h \
	src/model/stock.c src/model/stock.h \
	src/model/demo.c src/model/demo.h \
	src/model/report.c src/model/report.h \
	src/model/batch.c src/model/batch.h
libcoopstock_a_SOURCES += src/model/lot_list.c src/model/lot_list.h
libcoopstock_a_SOURCES += src/model/exchange.c src/model/exchange.h
libcoopstock_a_SOURCES += src/model/summary.c src/model/summary.h \
	src/model/draft.c src/model/draft.h
libcoopstock_a_SOURCES += src/model/replica.c src/model/replica.h \
	src/model/replica_order.c src/model/replica_order.h
libcoopstock_a_SOURCES += src/model/syncstate.c src/model/syncstate.h
libcoopstock_a_SOURCES += src/model/order_list.c src/model/order_list.h
# Livestream bursts: quick entry lookups and packing waves.
libcoopstock_a_SOURCES += \
	src/model/burst.c src/model/burst.h \
	src/model/customer.c src/model/customer.h \
	src/model/quick.c src/model/quick.h \
	src/model/wave.c src/model/wave.h
