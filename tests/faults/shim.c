/* shim.c -- LD_PRELOAD library for tests/run_faults.sh: makes the system
 * refuse what samkalk's unnamed outputs need, as some file systems and
 * sandboxes do, to check that the outputs are still written whole (by the
 * named route) and nothing is left behind.
 *   SHIM_NO_TMPFILE=1  open(..., O_TMPFILE) fails with EOPNOTSUPP
 *   SHIM_NO_LINKAT=1   linkat() fails with EPERM */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>

typedef int (*open_fn)(const char *, int, ...);
typedef int (*linkat_fn)(int, const char *, int, const char *, int);

static int refuse_tmpfile(int flags)
{
	return (flags & O_TMPFILE) == O_TMPFILE && getenv("SHIM_NO_TMPFILE");
}

static int call_open(const char *name, const char *path, int flags, va_list ap)
{
	mode_t mode =
	        (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(ap, mode_t) : 0;
	if (refuse_tmpfile(flags)) {
		errno = EOPNOTSUPP;
		return -1;
	}
	open_fn real = (open_fn)dlsym(RTLD_NEXT, name);
	return real(path, flags, mode);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	int fd = call_open("open", path, flags, ap);
	va_end(ap);
	return fd;
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	int fd = call_open("open64", path, flags, ap);
	va_end(ap);
	return fd;
}

int linkat(int olddir, const char *old, int newdir, const char *new, int flags)
{
	if (getenv("SHIM_NO_LINKAT")) {
		errno = EPERM;
		return -1;
	}
	linkat_fn real = (linkat_fn)dlsym(RTLD_NEXT, "linkat");
	return real(olddir, old, newdir, new, flags);
}
