/*
 * faultvfs.c - see faultvfs.h.
 *
 * The usual SQLite shim layout: our sqlite3_file is followed in the same
 * allocation (szOsFile is the sum) by the real VFS's file, and each I/O
 * method forwards to it.  The counters are plain globals: the tests are
 * single-threaded, and SQLite calls the VFS only from the calling thread.
 */
#include <config.h>

#include <sqlite3.h>
#include <string.h>

#include "faultvfs.h"

struct ffile {
	sqlite3_file base;
	sqlite3_file *real;
};

static sqlite3_vfs *root;
static sqlite3_vfs shim;
static sqlite3_io_methods shim_io;

static int nosync;

static struct {
	int armed;
	enum faultvfs_op op;
	long nth;
	int err;
	int persistent;
	long calls[FAULTVFS_NOPS];
	long hits;
} fs;

void
faultvfs_arm(enum faultvfs_op op, long nth, int err, int persistent)
{
	memset(&fs, 0, sizeof fs);
	fs.armed = 1;
	fs.op = op;
	fs.nth = nth;
	fs.err = err;
	fs.persistent = persistent;
}

void
faultvfs_set_nosync(int on)
{
	nosync = on;
}

void
faultvfs_disarm(void)
{
	fs.armed = 0;
}

long
faultvfs_hits(void)
{
	return fs.hits;
}

long
faultvfs_calls(enum faultvfs_op op)
{
	return fs.calls[op];
}

const char *
faultvfs_op_name(enum faultvfs_op op)
{
	static const char *const names[] = { "open", "write", "sync",
		"truncate" };

	return op < FAULTVFS_NOPS ? names[op] : "?";
}

/* Count a call of op; return the code to fail it with, or SQLITE_OK. */
static int
fault(enum faultvfs_op op)
{
	static const int ioerr[] = { SQLITE_IOERR, SQLITE_IOERR_WRITE,
		SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE };
	long n = ++fs.calls[op];

	if (!fs.armed || op != fs.op)
		return SQLITE_OK;
	if (n == fs.nth || (fs.persistent && n > fs.nth)) {
		fs.hits++;
		return fs.err == SQLITE_IOERR ? ioerr[op] : fs.err;
	}
	return SQLITE_OK;
}

static sqlite3_file *
real_of(sqlite3_file *f)
{
	return ((struct ffile *)f)->real;
}

static int
ff_close(sqlite3_file *f)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods != NULL ? r->pMethods->xClose(r) : SQLITE_OK;
}

static int
ff_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xRead(r, buf, n, off);
}

static int
ff_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	sqlite3_file *r = real_of(f);
	int rc = fault(FAULTVFS_WRITE);

	return rc != SQLITE_OK ? rc : r->pMethods->xWrite(r, buf, n, off);
}

static int
ff_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	sqlite3_file *r = real_of(f);
	int rc = fault(FAULTVFS_TRUNCATE);

	return rc != SQLITE_OK ? rc : r->pMethods->xTruncate(r, size);
}

static int
ff_sync(sqlite3_file *f, int flags)
{
	sqlite3_file *r = real_of(f);
	int rc = fault(FAULTVFS_SYNC);

	if (rc != SQLITE_OK || nosync)
		return rc;
	return r->pMethods->xSync(r, flags);
}

static int
ff_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xFileSize(r, size);
}

static int
ff_lock(sqlite3_file *f, int lock)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xLock(r, lock);
}

static int
ff_unlock(sqlite3_file *f, int lock)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xUnlock(r, lock);
}

static int
ff_check_reserved(sqlite3_file *f, int *out)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xCheckReservedLock(r, out);
}

static int
ff_file_control(sqlite3_file *f, int op, void *arg)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xFileControl(r, op, arg);
}

static int
ff_sector_size(sqlite3_file *f)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xSectorSize(r);
}

static int
ff_device_characteristics(sqlite3_file *f)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xDeviceCharacteristics(r);
}

static int
ff_shm_map(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xShmMap(r, pg, pgsz, extend, pp);
}

static int
ff_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xShmLock(r, offset, n, flags);
}

static void
ff_shm_barrier(sqlite3_file *f)
{
	sqlite3_file *r = real_of(f);

	r->pMethods->xShmBarrier(r);
}

static int
ff_shm_unmap(sqlite3_file *f, int del)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xShmUnmap(r, del);
}

static int
ff_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xFetch(r, off, n, pp);
}

static int
ff_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xUnfetch(r, off, p);
}

static int
fv_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
    int *out_flags)
{
	struct ffile *ff = (struct ffile *)f;
	int rc = fault(FAULTVFS_OPEN);

	(void)vfs;
	ff->base.pMethods = NULL;
	ff->real = (sqlite3_file *)&ff[1];
	ff->real->pMethods = NULL;
	if (rc != SQLITE_OK)
		return rc;
	rc = root->xOpen(root, name, ff->real, flags, out_flags);
	if (ff->real->pMethods != NULL)
		ff->base.pMethods = &shim_io;
	return rc;
}

static int
fv_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	return root->xDelete(root, name, nosync ? 0 : sync_dir);
}

static int
fv_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return root->xAccess(root, name, flags, out);
}

static int
fv_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return root->xFullPathname(root, name, n, out);
}

static void *
fv_dlopen(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return root->xDlOpen(root, name);
}

static void
fv_dlerror(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	root->xDlError(root, n, out);
}

static void (*fv_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	(void)vfs;
	return root->xDlSym(root, h, sym);
}

static void
fv_dlclose(sqlite3_vfs *vfs, void *h)
{
	(void)vfs;
	root->xDlClose(root, h);
}

static int
fv_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return root->xRandomness(root, n, out);
}

static int
fv_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return root->xSleep(root, us);
}

/* What faultvfs_clock_shift added to the clock, in milliseconds. */
static sqlite3_int64 clock_shift_ms;

static int
fv_current_time(sqlite3_vfs *vfs, double *t)
{
	int rc = root->xCurrentTime(root, t);

	(void)vfs;
	*t += (double)clock_shift_ms / 86400000.0; /* SQLite's Julian days */
	return rc;
}

static int
fv_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return root->xGetLastError(root, n, out);
}

static int
fv_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *t)
{
	int rc = root->xCurrentTimeInt64(root, t);

	(void)vfs;
	*t += clock_shift_ms;
	return rc;
}

void
faultvfs_clock_shift(long long seconds)
{
	clock_shift_ms += seconds * 1000;
}

int
faultvfs_install(void)
{
	static const sqlite3_io_methods io = {
		.iVersion = 3,
		.xClose = ff_close,
		.xRead = ff_read,
		.xWrite = ff_write,
		.xTruncate = ff_truncate,
		.xSync = ff_sync,
		.xFileSize = ff_file_size,
		.xLock = ff_lock,
		.xUnlock = ff_unlock,
		.xCheckReservedLock = ff_check_reserved,
		.xFileControl = ff_file_control,
		.xSectorSize = ff_sector_size,
		.xDeviceCharacteristics = ff_device_characteristics,
		.xShmMap = ff_shm_map,
		.xShmLock = ff_shm_lock,
		.xShmBarrier = ff_shm_barrier,
		.xShmUnmap = ff_shm_unmap,
		.xFetch = ff_fetch,
		.xUnfetch = ff_unfetch,
	};
	int rc;

	if (root != NULL)
		return SQLITE_OK;
	rc = sqlite3_initialize();
	if (rc != SQLITE_OK)
		return rc;
	root = sqlite3_vfs_find(NULL);
	if (root == NULL)
		return SQLITE_ERROR;
	shim_io = io;
	/* Version 2 is all the db layer needs; 3's system-call hooks are
	 * for SQLite's own tests. */
	shim.iVersion = 2;
	shim.szOsFile = (int)sizeof(struct ffile) + root->szOsFile;
	shim.mxPathname = root->mxPathname;
	shim.zName = "coopstock-faultvfs";
	shim.xOpen = fv_open;
	shim.xDelete = fv_delete;
	shim.xAccess = fv_access;
	shim.xFullPathname = fv_full_pathname;
	shim.xDlOpen = fv_dlopen;
	shim.xDlError = fv_dlerror;
	shim.xDlSym = fv_dlsym;
	shim.xDlClose = fv_dlclose;
	shim.xRandomness = fv_randomness;
	shim.xSleep = fv_sleep;
	shim.xCurrentTime = fv_current_time;
	shim.xGetLastError = fv_last_error;
	shim.xCurrentTimeInt64 = fv_current_time64;
	return sqlite3_vfs_register(&shim, 1);
}

static sqlite3_mem_methods real_mem;
static struct {
	int armed;
	long nth;
	int persistent;
	long calls;
	long hits;
} fm;

static int
mem_fault(void)
{
	long n;

	if (!fm.armed)
		return 0;
	n = ++fm.calls;
	if (n == fm.nth || (fm.persistent && n > fm.nth)) {
		fm.hits++;
		return 1;
	}
	return 0;
}

static void *
fm_malloc(int n)
{
	return mem_fault() ? NULL : real_mem.xMalloc(n);
}

static void *
fm_realloc(void *p, int n)
{
	return mem_fault() ? NULL : real_mem.xRealloc(p, n);
}

int
faultmem_install(void)
{
	sqlite3_mem_methods m;
	int rc = sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem);

	if (rc != SQLITE_OK)
		return rc;
	m = real_mem;
	m.xMalloc = fm_malloc;
	m.xRealloc = fm_realloc;
	return sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
}

void
faultmem_arm(long nth, int persistent)
{
	memset(&fm, 0, sizeof fm);
	fm.armed = 1;
	fm.nth = nth;
	fm.persistent = persistent;
}

void
faultmem_disarm(void)
{
	fm.armed = 0;
}

long
faultmem_hits(void)
{
	return fm.hits;
}
