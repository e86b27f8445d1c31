/* yalloc.c: libyaml's allocations, kept for reuse. libyaml allocates and
 * frees every token's and event's strings (about 140 blocks for a module's
 * front matter) through yaml_malloc, yaml_realloc, yaml_free and
 * yaml_strdup, which it exports and calls through the dynamic linker: safar
 * defines them here and libyaml's calls bind to these. glibc's malloc keeps only a few
 * freed blocks of each size at hand and sends the rest to its bins, which
 * at 10,000 modules was a twentieth of `check` (docs/performance.md, "Pass
 * 8"); a freed block here goes on a free list of its size and serves the
 * next request of that size.
 *
 * Every block is still one of malloc's, its size read back with
 * malloc_usable_size: a block of ours freed by libyaml's own free(), or one
 * of malloc's given to yaml_free here, is handled correctly either way, so
 * nothing depends on which calls the binding reaches. Without glibc, or
 * under AddressSanitizer (which should see every block come and go), these
 * are libyaml's own definitions. */
#define _DEFAULT_SOURCE 1
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#if defined(__SANITIZE_ADDRESS__)
#define YALLOC_PLAIN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define YALLOC_PLAIN 1
#endif
#endif
#if !defined(__GLIBC__)
#define YALLOC_PLAIN 1
#endif

#ifndef YALLOC_PLAIN
#include <malloc.h>

/* Classes of 16 bytes up to 1 KiB: class k serves requests of up to 16 k
 * bytes. Larger blocks (the parser's buffers, made once per document) go
 * back to malloc. */
#define STEP 16
#define NCLASS 64

struct yblock {
	struct yblock *next;
};

/* Per thread: a block freed in one thread serves the next request in that
 * thread; each is malloc's, so it does not matter which. */
static _Thread_local struct yblock *freed[NCLASS + 1];

void *yaml_malloc(size_t size)
{
	size_t k = size ? (size + STEP - 1) / STEP : 1;
	if (k <= NCLASS) {
		struct yblock *b = freed[k];
		if (b) {
			freed[k] = b->next;
			return b;
		}
		return malloc(k * STEP);
	}
	return malloc(size);
}

void yaml_free(void *ptr)
{
	if (!ptr)
		return;
	/* The largest class the block can serve whole. */
	size_t k = malloc_usable_size(ptr) / STEP;
	if (k >= 1 && k <= NCLASS) {
		struct yblock *b = ptr;
		b->next = freed[k];
		freed[k] = b;
		return;
	}
	free(ptr);
}

void *yaml_realloc(void *ptr, size_t size)
{
	if (!ptr)
		return yaml_malloc(size);
	size_t have = malloc_usable_size(ptr);
	if (size <= have && size)
		return ptr;
	if (have / STEP > NCLASS)
		return realloc(ptr, size ? size : 1);
	void *q = yaml_malloc(size);
	if (q) {
		memcpy(q, ptr, have < size ? have : size);
		yaml_free(ptr);
	}
	return q;
}

#else

void *yaml_malloc(size_t size)
{
	return malloc(size ? size : 1);
}

void yaml_free(void *ptr)
{
	free(ptr);
}

void *yaml_realloc(void *ptr, size_t size)
{
	return ptr ? realloc(ptr, size ? size : 1) : malloc(size ? size : 1);
}

#endif

yaml_char_t *yaml_strdup(const yaml_char_t *str)
{
	if (!str)
		return NULL;
	size_t n = strlen((const char *)str) + 1;
	yaml_char_t *p = yaml_malloc(n);
	if (p)
		memcpy(p, str, n);
	return p;
}
