libcoopstock_a_SOURCES += \
	src/cli/backup.c \
	src/cli/check.c \
	src/cli/cli.c src/cli/cli.h \
	src/cli/commands.h \
	src/cli/init.c \
	src/cli/export.c \
	src/cli/import.c
