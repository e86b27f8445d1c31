/* arena.c: chunked bump allocator with cleanup hooks. */
#include "safar/arena.h"
#include "safar/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_MIN ((size_t)64 * 1024)
#define ALIGN (_Alignof(max_align_t))

struct chunk {
	struct chunk *next;
	size_t size, used;
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
};

#define oom sf_oom

sf_arena *sf_arena_new(void)
{
	sf_arena *a = calloc(1, sizeof *a);
	if (!a)
		oom();
	return a;
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
			free(c);
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

void *sf_alloc_raw(sf_arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2)
		oom();
	n = (n + ALIGN - 1) / ALIGN * ALIGN;
	struct chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
		struct chunk **sp = &a->spare;
		while (*sp && (*sp)->size < n)
			sp = &(*sp)->next;
		if (*sp) {
			c = *sp;
			*sp = c->next;
			size = c->size;
		} else {
			c = malloc(sizeof *c + size);
			if (!c)
				oom();
		}
		c->size = size;
		c->used = 0;
		/* A big one-off block goes behind the head so the head keeps
		 * serving small requests. */
		if (a->head && n > CHUNK_MIN) {
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
	return p;
}

void *sf_alloc(sf_arena *a, size_t n)
{
	void *p = sf_alloc_raw(a, n);
	memset(p, 0, n ? n : 1);
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
