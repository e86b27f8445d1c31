/* strmap.h: a string-keyed hash table in an arena (open addressing, FNV-1a). */
#ifndef SAFAR_STRMAP_H
#define SAFAR_STRMAP_H

#include <stddef.h>

#include "safar/arena.h"

/* Ownership: the table and its growth live in the arena; keys and values are
 * borrowed and must outlive it. Keys are byte strings (a NUL is a byte like
 * any other). Not thread-safe. Lookups cost O(1) on average whatever the
 * keys: each table hashes with its own unpredictable seed, so an input cannot
 * be crafted to make every key collide. */
typedef struct sf_strmap sf_strmap;

/* hint: how many keys are expected (0 when unknown); the table grows past it. */
sf_strmap *sf_strmap_new(sf_arena *a, size_t hint);

/* The value stored under key[0..len), or NULL. */
void *sf_strmap_get(const sf_strmap *m, const char *key, size_t len);

/* Stores value (not NULL) under key[0..len) unless the key is there already.
 * Returns NULL when it was added, else the value already stored (which is
 * kept: the first one wins). */
void *sf_strmap_put(sf_strmap *m, const char *key, size_t len, void *value);

size_t sf_strmap_count(const sf_strmap *m);

#endif
