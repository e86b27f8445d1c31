/* strmap.c: open-addressing string hash table with linear probing, in an arena. */
#include "safar/strmap.h"
#include "safar/hash.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

struct slot {
	const char *key;
	size_t len;
	uint64_t hash;
	void *value; /* NULL: an empty slot */
};

struct sf_strmap {
	sf_arena *a;
	struct slot *slots;
	size_t cap; /* a power of two, at least twice count */
	size_t count;
	uint64_t seed;
};


/* FNV-1a from a seeded basis, then mixed: FNV-1a alone keeps its low bits
 * a function of the low bits only, which makes colliding keys easy to write. */
static uint64_t hash(const sf_strmap *m, const char *key, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u ^ m->seed;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 0x100000001b3u;
	}
	return sf_mix64(h);
}

sf_strmap *sf_strmap_new(sf_arena *a, size_t hint)
{
	sf_strmap *m = sf_alloc(a, sizeof *m);
	m->a = a;
	m->cap = 8;
	while (m->cap < 2 * hint)
		m->cap *= 2;
	m->slots = sf_alloc_array(a, m->cap, sizeof *m->slots);
	/* The seed only has to be unknown when the input was written: the
	 * clock and where this table lives (address-space randomisation). */
	struct timespec ts = { 0, 0 };
	clock_gettime(CLOCK_REALTIME, &ts);
	m->seed = sf_mix64((uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^ (uint64_t)(uintptr_t)m);
	return m;
}

/* The slot holding key, or the empty slot where it would go. */
static struct slot *find(const sf_strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)(h >> 32) & mask;; i = (i + 1) & mask) {
		struct slot *s = &m->slots[i];
		if (!s->value || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
			return s;
	}
}

/* Doubles the table; the old one stays in the arena. */
static void grow(sf_strmap *m)
{
	struct slot *old = m->slots;
	size_t n = m->cap;
	m->cap *= 2;
	m->slots = sf_alloc_array(m->a, m->cap, sizeof *m->slots);
	for (size_t i = 0; i < n; i++)
		if (old[i].value)
			*find(m, old[i].key, old[i].len, old[i].hash) = old[i];
}

void *sf_strmap_get(const sf_strmap *m, const char *key, size_t len)
{
	return find(m, key, len, hash(m, key, len))->value;
}

void *sf_strmap_put(sf_strmap *m, const char *key, size_t len, void *value)
{
	if (2 * (m->count + 1) > m->cap)
		grow(m);
	uint64_t h = hash(m, key, len);
	struct slot *s = find(m, key, len, h);
	if (s->value)
		return s->value;
	*s = (struct slot){ key, len, h, value };
	m->count++;
	return NULL;
}

size_t sf_strmap_count(const sf_strmap *m)
{
	return m->count;
}
