libcoopstock_a_SOURCES += \
	src/ui/app.c src/ui/app.h src/ui/screen.h \
	src/ui/dialog.c src/ui/dialog.h \
	src/ui/draw.c src/ui/draw.h \
	src/ui/form.c src/ui/form.h \
	src/ui/help.c src/ui/help.h \
	src/ui/keys.c src/ui/keys.h \
	src/ui/table.c src/ui/table.h
