/* arena.h: region allocator; everything a run loads lives here and dies at once. */
#ifndef SAFAR_ARENA_H
#define SAFAR_ARENA_H

#include <stddef.h>

/* Ownership: an arena owns every byte handed out by sf_alloc and friends, and
 * runs every registered cleanup (LIFO) when freed. Nothing it returns is ever
 * freed on its own. An arena is not thread-safe: use one per thread. */
typedef struct sf_arena sf_arena;

sf_arena *sf_arena_new(void);
void sf_arena_free(sf_arena *a);
/* Runs the cleanups and forgets every allocation, as sf_arena_free, but
 * keeps the arena and its ordinary chunks for what is allocated next: an
 * arena reset per module or per corridor does not hand its memory back
 * to the system and fault it in again. */
void sf_arena_reset(sf_arena *a);

/* Zeroed memory, aligned for any type. Aborts on out-of-memory: the process
 * cannot report anything useful without memory. */
void *sf_alloc(sf_arena *a, size_t n);
void *sf_alloc_array(sf_arena *a, size_t count, size_t size);
/* The same, not zeroed: for bytes the caller writes before reading
 * (copies, file text). */
void *sf_alloc_raw(sf_arena *a, size_t n);
char *sf_strndup(sf_arena *a, const char *s, size_t n);
char *sf_strdup(sf_arena *a, const char *s);
char *sf_printf(sf_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Grows *v (count *n, capacity *cap) by one slot and returns it; the old
 * block stays in the arena (cheap: arrays here are small and few). */
void *sf_grow(sf_arena *a, void *vp, size_t *cap, size_t n, size_t size);
#define SF_PUSH(a, v, n, cap) \
	((v) = sf_grow((a), (v), &(cap), (n), sizeof *(v)), &(v)[(n)++])

/* Registers fn(p) to run when the arena is freed (for foreign allocations
 * such as cmark trees). */
void sf_arena_on_free(sf_arena *a, void (*fn)(void *), void *p);

size_t sf_arena_used(const sf_arena *a);

#endif
