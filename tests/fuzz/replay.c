/*
 * replay.c - run a fuzz target over stored inputs without libFuzzer.
 *
 *   replay_TARGET [FILE|DIR]...
 *
 * With no arguments it replays the target's seed corpus and its
 * regressions (tests/fuzz/corpus/TARGET and tests/fuzz/regressions/TARGET
 * in the source tree), one TAP line per directory: this is the make check
 * test that keeps a crash found once fixed.  A crash or a failed
 * FUZZ_CHECK aborts, and the driver reports the test as failed; the file
 * being run is printed to stderr first.
 *
 * With COOPSTOCK_STRESS set (make stress) each input is also run in
 * STRESS_MUTATIONS mutated forms (bytes flipped, cut, duplicated, and
 * pieces of other inputs spliced in) from a fixed seed, so the long run
 * repeats exactly.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "util/xalloc.h"

#ifndef STRESS_MUTATIONS
#define STRESS_MUTATIONS 100000
#endif
#define REPLAY_MAX 65536

static int stress;
static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t
next_rand(void)
{
	/* xorshift64: small, and the same on every machine. */
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* One mutated copy of data into buf (room for REPLAY_MAX); returns size. */
static size_t
mutate(const uint8_t *data, size_t n, uint8_t *buf)
{
	size_t len = n < REPLAY_MAX ? n : REPLAY_MAX, pos, k;

	memcpy(buf, data, len);
	for (int rounds = 1 + (int)(next_rand() % 4); rounds > 0; rounds--) {
		pos = len ? next_rand() % len : 0;
		switch (next_rand() % 5) {
		case 0: /* flip a bit */
			if (len)
				buf[pos] ^= (uint8_t)(1u << (next_rand() % 8));
			break;
		case 1: /* set a byte to an interesting value */
			if (len)
				buf[pos] = (uint8_t[]){ 0, 0x1b, 0x7f, 0x80, 0x9b,
				    0xc2, 0xe2, 0xef, 0xf0, 0xff, '-', '.', ',',
				    '9' }[next_rand() % 14];
			break;
		case 2: /* cut the tail */
			len = pos;
			break;
		case 3: /* duplicate a piece */
			k = len - pos < 8 ? len - pos : 8;
			if (len + k <= REPLAY_MAX) {
				memmove(buf + pos + k, buf + pos, len - pos);
				len += k;
			}
			break;
		default: /* insert a random byte */
			if (len < REPLAY_MAX) {
				memmove(buf + pos + 1, buf + pos, len - pos);
				buf[pos] = (uint8_t)next_rand();
				len++;
			}
			break;
		}
	}
	return len;
}

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data, *buf;
	size_t n;

	if (f == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	data = xmalloc(REPLAY_MAX);
	n = fread(data, 1, REPLAY_MAX, f);
	fclose(f);
	fprintf(stderr, "replay: %s\n", path);
	LLVMFuzzerTestOneInput(data, n);
	if (stress) {
		buf = xmalloc(REPLAY_MAX);
		for (int i = 0; i < STRESS_MUTATIONS; i++) {
			size_t m = mutate(data, n, buf);

			LLVMFuzzerTestOneInput(buf, m);
		}
		free(buf);
	}
	free(data);
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every regular file in dir (sorted, so runs repeat); count them. */
static int
run_dir(const char *dir, long *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	int rc = 0;

	*count = 0;
	if (d == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		struct stat sb;

		if (stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode)) {
			if (run_file(names[i]) != 0)
				rc = -1;
			(*count)++;
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *s = getenv("COOPSTOCK_STRESS");
	const char *kinds[] = { "corpus", "regressions" };
	long count;
	int failed = 0;

	stress = s != NULL && *s != '\0' && strcmp(s, "0") != 0;
	if (argc > 1) {
		for (int i = 1; i < argc; i++) {
			struct stat sb;

			if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode))
				failed |= run_dir(argv[i], &count) != 0;
			else
				failed |= run_file(argv[i]) != 0;
		}
		return failed;
	}
	printf("1..2\n");
	for (int i = 0; i < 2; i++) {
		char *dir = xasprintf("%s/tests/fuzz/%s/%s", ABS_TOP_SRCDIR,
		    kinds[i], FUZZ_TARGET);
		int rc = run_dir(dir, &count);

		/* An empty seed corpus would make this test pass vacuously. */
		if (i == 0 && count == 0)
			rc = -1;
		printf("%s %d - %s/%s: %ld inputs%s\n", rc == 0 ? "ok" : "not ok",
		    i + 1, kinds[i], FUZZ_TARGET, count,
		    stress ? " (with mutations)" : "");
		free(dir);
	}
	return 0;
}
