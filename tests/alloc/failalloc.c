/* failalloc.c -- makes the N-th allocation of samkalk's own code fail, for
 * tests/run_alloc.sh (issue #7, as SQLite tests out-of-memory). Linked with
 * -Wl,--wrap=malloc,... so that every call from samkalk's objects comes
 * here; the libraries' own allocations are not counted.
 *   SAMKALK_FAIL_AT=N   the N-th allocation (from 1) returns NULL
 *   SAMKALK_COUNT=1     print "allocations: K" to stderr at exit */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_aligned_alloc(size_t align, size_t n);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);

static long count, fail_at = -1;
static int inited;

static void report(void)
{
	fprintf(stderr, "allocations: %ld\n", count);
}

static int failing(void)
{
	if (!inited) {
		inited = 1;
		const char *e = getenv("SAMKALK_FAIL_AT");
		fail_at = e ? atol(e) : -1;
		if (getenv("SAMKALK_COUNT"))
			atexit(report);
	}
	/* atomic: worker threads allocate their own copies */
	return __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED) == fail_at;
}

/* SAMKALK_FAIL_TRACE=1: name the caller of the failing allocation. */
#define FAIL_HERE()                                                                                \
	do {                                                                                       \
		if (getenv("SAMKALK_FAIL_TRACE"))                                                  \
			fprintf(stderr, "failalloc: %p\n", __builtin_return_address(0));           \
		return NULL;                                                                       \
	} while (0)

void *__wrap_malloc(size_t n)
{
	if (failing())
		FAIL_HERE();
	return __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t m)
{
	if (failing())
		FAIL_HERE();
	return __real_calloc(n, m);
}

void *__wrap_aligned_alloc(size_t align, size_t n)
{
	if (failing())
		FAIL_HERE();
	return __real_aligned_alloc(align, n);
}

void *__wrap_realloc(void *p, size_t n)
{
	if (failing())
		FAIL_HERE();
	return __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	if (failing())
		FAIL_HERE();
	return __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	if (failing())
		FAIL_HERE();
	return __real_strndup(s, n);
}
