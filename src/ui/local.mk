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
