libcoopstock_a_SOURCES += \
	src/db/db.c src/db/db.h
