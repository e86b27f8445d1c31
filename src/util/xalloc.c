/* xalloc.c: allocation that ends the process cleanly when memory runs out. */
#include "safar/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int oom_fd = STDERR_FILENO;

void sf_oom_fd(int fd)
{
	oom_fd = fd;
}

_Noreturn void sf_oom(void)
{
	static const char msg[] = "safar: out of memory\n";
	/* write(2), not stdio: stdio may itself need memory. Temporary files
	 * a build leaves behind are removed by the next build. */
	ssize_t w = write(oom_fd, msg, sizeof msg - 1);
	(void)w;
	_exit(3);
}

void *sf_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		sf_oom();
	return p;
}

void *sf_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		sf_oom();
	return p;
}

void *sf_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		sf_oom();
	return q;
}

char *sf_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(sf_xmalloc(n), s, n);
}
