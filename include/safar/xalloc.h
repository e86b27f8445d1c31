/* xalloc.h: the one out-of-memory policy: allocate or stop with exit status 3. */
#ifndef SAFAR_XALLOC_H
#define SAFAR_XALLOC_H

#include <stddef.h>

/* Like malloc, calloc, realloc and strdup, but never return NULL: without
 * memory nothing useful can be reported or written, so sf_oom() prints one
 * line and ends the process with exit status 3, the status of a system
 * error (docs/decisions.md, "Out of memory"). */
void *sf_xmalloc(size_t n);
void *sf_xcalloc(size_t count, size_t size);
void *sf_xrealloc(void *p, size_t n);
char *sf_xstrdup(const char *s);

/* "safar: out of memory" on stderr, then _exit(3). Safe from any thread: it
 * allocates nothing and runs no atexit handler. */
_Noreturn void sf_oom(void);
/* Where sf_oom writes (default 2): a build that captures stderr points it
 * at the real one. Set by the main thread only. */
void sf_oom_fd(int fd);

#endif
