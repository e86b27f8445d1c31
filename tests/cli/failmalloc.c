/* failmalloc.c: an LD_PRELOAD shim for the tests: every allocation after the first FAIL_AFTER fails. */
#include <stddef.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static long left = -1;

static int fail(void)
{
	if (left < 0) {
		const char *e = getenv("FAIL_AFTER");
		left = e ? atol(e) : 1L << 40;
	}
	return left-- <= 0;
}

void *malloc(size_t n)
{
	return fail() ? NULL : __libc_malloc(n);
}

void *calloc(size_t c, size_t n)
{
	return fail() ? NULL : __libc_calloc(c, n);
}

void *realloc(void *p, size_t n)
{
	return fail() ? NULL : __libc_realloc(p, n);
}
