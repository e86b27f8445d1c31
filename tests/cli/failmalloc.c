/* failmalloc.c: an LD_PRELOAD shim for the tests: every allocation after the first FAIL_AFTER fails.
 * Counting starts when the program starts (__libc_start_main): the shared
 * libraries' own constructors run before, and GLib's (linked for Pango)
 * aborts when one of its start-up allocations fails, which no program can
 * handle. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static long left = -1;
static int armed;

typedef int (*start_fn)(int (*)(int, char **, char **), int, char **, void (*)(void), void (*)(void),
			void (*)(void), void *);

int __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv, void (*init)(void),
		      void (*fini)(void), void (*rtld_fini)(void), void *stack)
{
	start_fn real = (start_fn)dlsym(RTLD_NEXT, "__libc_start_main");
	armed = 1;
	return real(main, argc, argv, init, fini, rtld_fini, stack);
}

static int fail(void)
{
	if (!armed)
		return 0;
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
