/* arena.c: chunked bump allocator with cleanup hooks. */
/* MAP_ANONYMOUS and madvise: glibc and the BSDs. */
#define _DEFAULT_SOURCE 1
#include "safar/arena.h"
#include "safar/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Chunks grow geometrically, from CHUNK_MIN to CHUNK_MAX, so a small arena
 * (one edition's) stays small and a large one (a root of ten thousand
 * modules) takes few chunks. From HUGE_CHUNK up a chunk is mapped on its
 * own, aligned, and offered to the kernel for transparent huge pages: one
 * page fault per 2 MiB rather than per 4 KiB, which at 10,000 modules was a
 * tenth of `check`'s time (docs/performance.md). Fresh mapped memory is
 * zero, so sf_alloc does not clear what no one has written yet. */
#define CHUNK_MIN ((size_t)64 * 1024)
#define CHUNK_MAX ((size_t)4 * 1024 * 1024)
#define HUGE_CHUNK ((size_t)2 * 1024 * 1024)
#define ALIGN (_Alignof(max_align_t))

struct chunk {
	struct chunk *next;
	size_t size, used;
	size_t zero_from; /* bytes from here on are known to be zero */
	size_t mapped;	  /* the mapping's length, 0 for a malloc'd chunk */
	max_align_t data[];
};

struct cleanup {
	struct cleanup *next;
	void (*fn)(void *);
	void *p;
};

struct sf_arena {
	struct chunk *head;
	struct chunk *spare; /* chunks kept by sf_arena_reset, for reuse */
	struct cleanup *cleanups;
	size_t total;
	size_t next_size; /* the next new chunk's size */
};

#define oom sf_oom

sf_arena *sf_arena_new(void)
{
	sf_arena *a = calloc(1, sizeof *a);
	if (!a)
		oom();
	return a;
}

static void chunk_free(struct chunk *c)
{
	if (c->mapped)
		munmap(c, c->mapped);
	else
		free(c);
}

/* A chunk of at least size bytes of data; mapped and huge-page aligned when
 * big enough to hold a huge page. */
static struct chunk *chunk_new(size_t size)
{
	size_t need = sizeof(struct chunk) + size;
	if (need >= HUGE_CHUNK) {
		size_t len = (need + HUGE_CHUNK - 1) / HUGE_CHUNK * HUGE_CHUNK;
		/* Over-map by one huge page and trim to an aligned start. */
		char *m = mmap(NULL, len + HUGE_CHUNK, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (m != MAP_FAILED) {
			uintptr_t at = ((uintptr_t)m + HUGE_CHUNK - 1) / HUGE_CHUNK * HUGE_CHUNK;
			size_t head = (size_t)(at - (uintptr_t)m);
			if (head)
				munmap(m, head);
			if (HUGE_CHUNK - head)
				munmap((char *)at + len, HUGE_CHUNK - head);
#ifdef MADV_HUGEPAGE
			madvise((void *)at, len, MADV_HUGEPAGE);
#endif
			struct chunk *c = (struct chunk *)at;
			c->mapped = len;
			c->size = len - sizeof *c;
			c->zero_from = 0;
			return c;
		}
	}
	struct chunk *c = malloc(need);
	if (!c)
		oom();
	c->mapped = 0;
	c->size = size;
	c->zero_from = size;
	return c;
}

void sf_arena_free(sf_arena *a)
{
	if (!a)
		return;
	for (struct cleanup *c = a->cleanups; c; c = c->next)
		c->fn(c->p);
	for (int l = 0; l < 2; l++) {
		struct chunk *c = l ? a->spare : a->head;
		while (c) {
			struct chunk *next = c->next;
			chunk_free(c);
			c = next;
		}
	}
	free(a);
}

void sf_arena_reset(sf_arena *a)
{
	for (struct cleanup *c = a->cleanups; c; c = c->next)
		c->fn(c->p);
	a->cleanups = NULL;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		c->used = 0;
		c->next = a->spare;
		a->spare = c;
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}

/* n bytes from the head chunk, or from a new one; *in is the chunk. */
static void *bump(sf_arena *a, size_t n, struct chunk **in)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2)
		oom();
	n = (n + ALIGN - 1) / ALIGN * ALIGN;
	struct chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		if (!a->next_size)
			a->next_size = CHUNK_MIN;
		struct chunk **sp = &a->spare;
		while (*sp && (*sp)->size < n)
			sp = &(*sp)->next;
		if (*sp) {
			c = *sp;
			*sp = c->next;
		} else if (n > a->next_size) {
			c = chunk_new(n);
		} else {
			c = chunk_new(a->next_size);
			if (a->next_size < CHUNK_MAX)
				a->next_size *= 2;
		}
		c->used = 0;
		/* A big one-off block goes behind the head so the head keeps
		 * serving small requests. */
		if (a->head && n > a->next_size) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	a->total += n;
	*in = c;
	return p;
}

void *sf_alloc_raw(sf_arena *a, size_t n)
{
	struct chunk *c;
	void *p = bump(a, n, &c);
	if (c->used > c->zero_from)
		c->zero_from = c->used; /* the caller writes it */
	return p;
}

void *sf_alloc(sf_arena *a, size_t n)
{
	struct chunk *c;
	char *p = bump(a, n, &c);
	size_t at = (size_t)(p - (char *)c->data), end = c->used;
	if (at < c->zero_from)
		memset(p, 0, (end < c->zero_from ? end : c->zero_from) - at);
	if (end > c->zero_from)
		c->zero_from = end;
	return p;
}

void *sf_alloc_array(sf_arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		oom();
	return sf_alloc(a, count * size);
}

char *sf_strndup(sf_arena *a, const char *s, size_t n)
{
	char *p = sf_alloc_raw(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *sf_strdup(sf_arena *a, const char *s)
{
	return sf_strndup(a, s, strlen(s));
}

char *sf_printf(sf_arena *a, const char *fmt, ...)
{
	va_list ap, aq;
	va_start(ap, fmt);
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *p = sf_alloc_raw(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, aq);
	va_end(aq);
	return p;
}

void *sf_grow(sf_arena *a, void *vp, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return vp;
	size_t ncap = *cap ? *cap * 2 : 8;
	void *nv = sf_alloc_array(a, ncap, size);
	if (n)
		memcpy(nv, vp, n * size);
	*cap = ncap;
	return nv;
}

void sf_arena_on_free(sf_arena *a, void (*fn)(void *), void *p)
{
	struct cleanup *c = sf_alloc(a, sizeof *c);
	c->fn = fn;
	c->p = p;
	c->next = a->cleanups;
	a->cleanups = c;
}

size_t sf_arena_used(const sf_arena *a)
{
	return a->total;
}
