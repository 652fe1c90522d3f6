libcoopstock_a_SOURCES += \
	src/ui/app.c src/ui/app.h src/ui/screen.h \
	src/ui/dialog.c src/ui/dialog.h \
	src/ui/draw.c src/ui/draw.h \
	src/ui/form.c src/ui/form.h \
	src/ui/help.c src/ui/help.h \
	src/ui/keys.c src/ui/keys.h \
	src/ui/table.c src/ui/table.h
libcoopstock_a_SOURCES += src/ui/print_receipt.c src/ui/print_receipt.h
libcoopstock_a_SOURCES += \
	src/ui/desk.c src/ui/desk.h \
	src/ui/imex.c src/ui/imex.h \
	src/ui/intake.c src/ui/intake.h \
	src/ui/members.c src/ui/members.h \
	src/ui/memrows.c src/ui/memrows.h \
	src/ui/reports.c src/ui/reports.h
