/*
 * faultvfs.h - a test-only SQLite VFS that makes the Nth file operation
 * fail, to prove that a failed write leaves the database as it was.
 *
 * The shim wraps the default VFS (unix) and forwards every call to it,
 * counting xOpen, xWrite, xSync and xTruncate.  Armed for one kind of
 * operation, the Nth call of that kind since arming fails with the chosen
 * SQLite code (SQLITE_IOERR or SQLITE_FULL), once or, when persistent,
 * every call from the Nth on.  It is linked only into the tests and
 * registered as the default VFS (faultvfs_install), so the db layer's
 * sqlite3_open_v2(..., NULL) goes through it unchanged; the shipped binary
 * never contains it.
 *
 * It can also move the clock SQLite reads (faultvfs_clock_shift).
 *
 * faultmem_* does the same for SQLite's memory allocations, through
 * sqlite3_config(SQLITE_CONFIG_MALLOC).
 */
#ifndef COOPSTOCK_FAULTVFS_H
#define COOPSTOCK_FAULTVFS_H

enum faultvfs_op {
	FAULTVFS_OPEN,
	FAULTVFS_WRITE,
	FAULTVFS_SYNC,
	FAULTVFS_TRUNCATE,
	FAULTVFS_NOPS
};

/* Register the shim over the current default VFS and make it the default.
 * Returns an SQLite code; calling it again does nothing. */
int faultvfs_install(void);

/*
 * Arm: the nth (>= 1) call of op from now fails with err (an SQLite
 * primary code: SQLITE_IOERR or SQLITE_FULL; an IOERR is reported with
 * the matching extended code), and with persistent every later call of op
 * too.  Counters and the hit count start again at zero.
 */
void faultvfs_arm(enum faultvfs_op op, long nth, int err, int persistent);

/* Disarm; calls are only forwarded from now on. */
void faultvfs_disarm(void);

/* Number of calls made to fail since the last faultvfs_arm. */
long faultvfs_hits(void);

/* Number of calls of op since the last faultvfs_arm (failed ones too). */
long faultvfs_calls(enum faultvfs_op op);

/*
 * With on nonzero, xSync is still counted (and failed when armed) but not
 * passed on: the tests never pull the power, so a real fsync only costs
 * time.  Off by default.
 */
void faultvfs_set_nosync(int on);

/* Move the clock SQLite reads (datetime('now')) seconds ahead, on top
 * of earlier shifts: for tests of what is stamped when. */
void faultvfs_clock_shift(long long seconds);

/* Name of op for test messages ("write"). */
const char *faultvfs_op_name(enum faultvfs_op op);

/*
 * Route SQLite's own allocations through a counting wrapper.  Must be
 * called before anything initializes SQLite (first thing in main, before
 * faultvfs_install).  Returns an SQLite code.
 */
int faultmem_install(void);

/* Arm: the nth (>= 1) allocation or reallocation from now returns NULL,
 * and with persistent every later one too.  Counters start at zero. */
void faultmem_arm(long nth, int persistent);
/* Disarm the allocation fault. */
void faultmem_disarm(void);
/* Number of allocations made to fail since the last faultmem_arm. */
long faultmem_hits(void);

#endif
