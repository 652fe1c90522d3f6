libcoopstock_a_SOURCES += \
	src/cli/backup.c \
	src/cli/check.c \
	src/cli/cli.c src/cli/cli.h \
	src/cli/commands.h \
	src/cli/demo.c \
	src/cli/init.c \
	src/cli/orders.c \
	src/cli/report.c \
	src/cli/export.c \
	src/cli/import.c
libcoopstock_a_SOURCES += src/cli/sync.c src/cli/sync.h
libcoopstock_a_SOURCES += src/cli/wave.c
