/*
 * fatal.h - the one way out when nothing can be repaired.
 *
 * fatal() runs the registered cleanup (the UI registers one that calls
 * endwin(), so the message lands on a sane terminal), prints
 * "coopstock: MESSAGE" to stderr and exits with status 1.
 */
#ifndef COOPSTOCK_FATAL_H
#define COOPSTOCK_FATAL_H

/* Print the message and exit(1), after running the cleanup hook once. */
void fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

/* Register the function fatal() calls first (NULL clears it). */
void fatal_set_cleanup(void (*fn)(void));

#endif
