libcoopstock_a_SOURCES += \
	src/ui/app.c src/ui/app.h src/ui/screen.h \
	src/ui/dialog.c src/ui/dialog.h \
	src/ui/draw.c src/ui/draw.h \
	src/ui/form.c src/ui/form.h \
	src/ui/help.c src/ui/help.h \
	src/ui/keys.c src/ui/keys.h \
	src/ui/table.c src/ui/table.h
libcoopstock_a_SOURCES += \
	src/ui/session.c src/ui/session.h \
	src/ui/shell.c src/ui/shell.h \
	src/ui/signin.c src/ui/signin.h \
	src/ui/home.c src/ui/home.h \
	src/ui/products.c src/ui/products.h \
	src/ui/product_detail.c \
	src/ui/product_form.c src/ui/product_form.h \
	src/ui/lots.c src/ui/lots.h
libcoopstock_a_SOURCES += \
	src/ui/print_order.c src/ui/print_order.h \
	src/ui/scr_order_new.c src/ui/scr_order_new.h \
	src/ui/scr_orders.c src/ui/scr_orders.h
libcoopstock_a_SOURCES += src/ui/print_receipt.c src/ui/print_receipt.h
libcoopstock_a_SOURCES += \
	src/ui/desk.c src/ui/desk.h \
	src/ui/imex.c src/ui/imex.h \
	src/ui/intake.c src/ui/intake.h \
	src/ui/members.c src/ui/members.h \
	src/ui/memrows.c src/ui/memrows.h \
	src/ui/reports.c src/ui/reports.h
libcoopstock_a_SOURCES += \
	src/ui/batch_confirm.c src/ui/batch_confirm.h \
	src/ui/scr_quick.c src/ui/scr_quick.h \
	src/ui/scr_waves.c src/ui/scr_waves.h
libcoopstock_a_SOURCES += \
	src/ui/scr_sync.c src/ui/scr_sync.h
