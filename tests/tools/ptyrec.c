/*
 * ptyrec.c - run a program on a pseudo-terminal, type a key script at it,
 * and count what it writes back: the bytes a clerk's SSH link would carry.
 *
 *   ptyrec [-s COLSxROWS] [-t TERM] [-q QUIET_MS] [-o RAWFILE] SCRIPT -- CMD...
 *
 * SCRIPT is a file of lines (or "-" for none):
 *   key NAME [COUNT]   send a key COUNT times (down up pgdn pgup home end
 *                      enter esc tab f1 f10 bs ctrl-l ctrl-w, or a single
 *                      character),
 *                      waiting for the output to go quiet after each;
 *                      a key is sent as TERM's terminfo entry has it
 *                      (xterm: Down is ESC O B), else as xterm's ESC [ B
 *   text STRING        send STRING as typed text, then wait for quiet
 *   idle SECONDS       send nothing for SECONDS and count the bytes
 *   mark LABEL         start a new report line called LABEL
 * The report (stdout) has one line per mark:
 *   LABEL keys=N bytes=B mean=M
 * preceded by "first_screen bytes=B ms=T us=U cpu_us=C" (the time from
 * the fork to the first screen's last byte, in ms and in us, and the
 * program's CPU time when that byte was read) and followed by
 * "exit status=S peak_rss_kb=K cpu_ms=C minflt=F" (C: the program's
 * user and system CPU time, its whole run; F its minor page faults,
 * which on a virtual machine cost more than most of its instructions).  RAWFILE receives every byte written,
 * for tests that look for escape sequences.  Used by make bench and by
 * the idle and injection tests in make check (which assert bytes, never
 * times).
 */
#include <config.h>

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

struct rec {
	int fd;
	pid_t pid;
	FILE *raw;
	long long total;
	int quiet_ms;
	int dead;
	const char *term;
};

static long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long long
now_ms(void)
{
	return now_us() / 1000;
}

/* The CPU time the program's main thread has used so far, in
 * microseconds, from the scheduler's own count (nanoseconds, where
 * getrusage of a live process is only ticks); -1 where there is none. */
static long long
cpu_us(pid_t pid)
{
	char path[64];
	unsigned long long ns;
	FILE *f;
	int ok;

	snprintf(path, sizeof path, "/proc/%ld/schedstat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	ok = fscanf(f, "%llu", &ns) == 1;
	fclose(f);
	return ok ? (long long)(ns / 1000) : -1;
}

/* Read whatever arrives within ms; returns bytes read (0 on timeout). */
static long long
drain(struct rec *r, int ms)
{
	char buf[65536];
	struct pollfd p = { .fd = r->fd, .events = POLLIN };
	long long got = 0;
	ssize_t n;

	if (r->dead || poll(&p, 1, ms) <= 0)
		return 0;
	n = read(r->fd, buf, sizeof buf);
	if (n <= 0) {
		r->dead = 1;
		return 0;
	}
	if (r->raw != NULL)
		fwrite(buf, 1, (size_t)n, r->raw);
	r->total += n;
	got += n;
	return got;
}

/* Count bytes until nothing arrives for quiet_ms; if last is not NULL,
 * last[0] gets the time of the last byte (microseconds) and last[1] the
 * program's CPU time then. */
static long long
until_quiet(struct rec *r, long long *last)
{
	long long bytes = 0, n;

	while ((n = drain(r, r->quiet_ms)) > 0) {
		bytes += n;
		if (last != NULL) {
			last[0] = now_us();
			last[1] = cpu_us(r->pid);
		}
	}
	return bytes;
}

/* What a terminal of type term sends for key name: its terminfo entry
 * (so a program in keypad mode, as curses puts it, understands it), else
 * the xterm sequence; a single character is itself. */
static const char *
key_bytes(const char *name, const char *term)
{
	static const struct { const char *name, *cap, *seq; } keys[] = {
		{ "down", "kcud1", "\033[B" }, { "up", "kcuu1", "\033[A" },
		{ "right", "kcuf1", "\033[C" }, { "left", "kcub1", "\033[D" },
		{ "pgdn", "knp", "\033[6~" }, { "pgup", "kpp", "\033[5~" },
		{ "home", "khome", "\033[H" }, { "end", "kend", "\033[F" },
		{ "enter", NULL, "\r" }, { "esc", NULL, "\033" },
		{ "tab", NULL, "\t" }, { "f1", "kf1", "\033OP" },
		{ "f10", "kf10", "\033[21~" }, { "bs", NULL, "\177" },
		{ "ctrl-l", NULL, "\014" }, { "ctrl-w", NULL, "\027" },
	};
	static char one[2];
	static int loaded;
	int err;

	if (!loaded)
		loaded = setupterm((char *)term, STDOUT_FILENO, &err) == OK ? 1 : -1;
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char *v;

		if (strcmp(keys[i].name, name) != 0)
			continue;
		if (loaded < 0 || keys[i].cap == NULL)
			return keys[i].seq;
		v = tigetstr((char *)keys[i].cap);
		return v != NULL && v != (char *)-1 && *v != '\0' ? v
		    : keys[i].seq;
	}
	if (strlen(name) == 1) {
		one[0] = name[0];
		return one;
	}
	return NULL;
}

static void
send_str(struct rec *r, const char *s)
{
	size_t len = strlen(s);

	if (!r->dead && write(r->fd, s, len) != (ssize_t)len)
		r->dead = 1;
}

struct mark {
	char label[64];
	long long keys, bytes;
};

static void
mark_print(const struct mark *m)
{
	if (m->label[0] == '\0')
		return;
	printf("%s keys=%lld bytes=%lld mean=%.1f\n", m->label, m->keys,
	    m->bytes, m->keys ? (double)m->bytes / (double)m->keys : 0.0);
}

static int
script_line(struct rec *r, char *line, struct mark *m)
{
	char *cmd = strtok(line, " \t\n"), *arg = strtok(NULL, "\n");
	const char *seq;
	long count;

	if (cmd == NULL || cmd[0] == '#')
		return 0;
	if (strcmp(cmd, "mark") == 0) {
		mark_print(m);
		memset(m, 0, sizeof *m);
		snprintf(m->label, sizeof m->label, "%s", arg ? arg : "keys");
	} else if (strcmp(cmd, "key") == 0 && arg != NULL) {
		char *name = strtok(arg, " "), *n = strtok(NULL, " ");

		count = n ? strtol(n, NULL, 10) : 1;
		if ((seq = key_bytes(name, r->term)) == NULL)
			return -1;
		for (long i = 0; i < count && !r->dead; i++) {
			send_str(r, seq);
			m->keys++;
			m->bytes += until_quiet(r, NULL);
		}
	} else if (strcmp(cmd, "text") == 0 && arg != NULL) {
		send_str(r, arg);
		m->keys += (long long)strlen(arg);
		m->bytes += until_quiet(r, NULL);
	} else if (strcmp(cmd, "idle") == 0 && arg != NULL) {
		long long end = now_ms() + strtol(arg, NULL, 10) * 1000;

		while (now_ms() < end && !r->dead)
			m->bytes += drain(r, (int)(end - now_ms()));
	} else
		return -1;
	return 0;
}

int
main(int argc, char **argv)
{
	struct winsize ws = { .ws_col = 80, .ws_row = 24 };
	struct rec r = { .quiet_ms = 150 };
	struct mark m = { .label = "" };
	const char *term = "xterm-256color", *rawpath = NULL;
	char line[4096];
	long long start, last[2];
	struct rusage ru;
	FILE *script = NULL;
	int opt, status = 0;
	pid_t pid;

	while ((opt = getopt(argc, argv, "+s:t:q:o:")) != -1) {
		switch (opt) {
		case 's':
			if (sscanf(optarg, "%hux%hu", &ws.ws_col, &ws.ws_row) != 2)
				return 2;
			break;
		case 't': term = optarg; break;
		case 'q': r.quiet_ms = atoi(optarg); break;
		case 'o': rawpath = optarg; break;
		default: return 2;
		}
	}
	r.term = term;
	if (argc - optind < 3 || strcmp(argv[optind + 1], "--") != 0) {
		fprintf(stderr, "usage: ptyrec [-s COLSxROWS] [-t TERM] [-q MS] [-o RAW] SCRIPT -- CMD...\n");
		return 2;
	}
	if (strcmp(argv[optind], "-") != 0 &&
	    (script = fopen(argv[optind], "r")) == NULL) {
		perror(argv[optind]);
		return 2;
	}
	if (rawpath != NULL && (r.raw = fopen(rawpath, "wb")) == NULL) {
		perror(rawpath);
		return 2;
	}
	start = last[0] = now_us();
	last[1] = -1;
	pid = forkpty(&r.fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 2;
	}
	if (pid == 0) {
		setenv("TERM", term, 1);
		execvp(argv[optind + 2], argv + optind + 2);
		_exit(127);
	}
	r.pid = pid;
	printf("first_screen bytes=%lld", until_quiet(&r, last));
	printf(" ms=%lld us=%lld cpu_us=%lld\n", (last[0] - start) / 1000,
	    last[0] - start, last[1]);
	while (script != NULL && fgets(line, sizeof line, script) != NULL)
		if (script_line(&r, line, &m) != 0) {
			fprintf(stderr, "ptyrec: bad script line: %s", line);
			kill(pid, SIGKILL);
			break;
		}
	mark_print(&m);
	/* Hang up the way a dropped SSH link does, then collect the child. */
	close(r.fd);
	for (int i = 0; i < 50 && waitpid(pid, &status, WNOHANG) == 0; i++)
		usleep(20000);
	if (waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("exit status=%d peak_rss_kb=%ld cpu_ms=%.2f minflt=%ld\n",
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
	    ru.ru_maxrss,
	    (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3,
	    ru.ru_minflt);
	if (r.raw != NULL)
		fclose(r.raw);
	if (script != NULL)
		fclose(script);
	return 0;
}
