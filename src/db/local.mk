libcoopstock_a_SOURCES += \
	src/db/db.c src/db/db.h src/db/pcache.c src/db/pcache.h \
	src/db/alloc.c src/db/alloc.h src/db/clock.c src/db/clock.h \
	src/db/journal.c src/db/journal.h src/db/maint.c src/db/maint.h
