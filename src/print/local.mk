# src/print: plain-text printouts (pick lists, packing slips) for the CLI
# and the TUI; above the model, below cli/ and ui/.
libcoopstock_a_SOURCES += \
	src/print/line.c src/print/line.h \
	src/print/picklist.c src/print/picklist.h \
	src/print/slip.c src/print/slip.h
