libcoopstock_a_SOURCES += \
	src/util/fatal.c src/util/fatal.h \
	src/util/i18n.h \
	src/util/num.c src/util/num.h \
	src/util/paths.c src/util/paths.h \
	src/util/sha256.c src/util/sha256.h \
	src/util/status.c src/util/status.h \
	src/util/text.c src/util/text.h \
	src/util/xalloc.c src/util/xalloc.h
