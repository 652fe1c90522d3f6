/*
 * fuzz.h - what every fuzz target in tests/fuzz/ shares.
 *
 * A target is one file defining LLVMFuzzerTestOneInput.  It is linked two
 * ways: with libFuzzer (./configure CC=clang --enable-fuzz) to search for
 * new inputs, and with replay.c (always, in make check) to run every file
 * of its corpus and regressions again, so a crash found once stays fixed.
 * A target checks its properties with FUZZ_CHECK, which aborts: both
 * libFuzzer and the replayer report an abort with the input that caused it.
 */
#ifndef COOPSTOCK_FUZZ_H
#define COOPSTOCK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The entry point libFuzzer calls; replay.c calls it too.  Returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                      \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "%s:%d: fuzz check failed: %s\n",     \
			    __FILE__, __LINE__, #cond);                       \
			abort();                                              \
		}                                                             \
	} while (0)

#endif
