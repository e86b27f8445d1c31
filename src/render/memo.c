/* memo.c: a byte-string table shared by threads, for outputs made once
 * (memo.h). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "safar/hash.h"
#include "safar/xalloc.h"

typedef struct entry {
	uint64_t hash;
	size_t klen, vlen;
	char *kv; /* the key, then the value */
} entry;

struct memo {
	pthread_mutex_t lock;
	entry *slots; /* open addressing, a power of two of them */
	size_t nslots, n, bytes, cap;
};

memo *memo_new(size_t cap)
{
	memo *m = sf_xcalloc(1, sizeof *m);
	pthread_mutex_init(&m->lock, NULL);
	m->cap = cap;
	return m;
}

static entry *find(const memo *m, uint64_t h, const void *key, size_t klen)
{
	if (!m->nslots)
		return NULL;
	for (size_t i = (size_t)h & (m->nslots - 1);; i = (i + 1) & (m->nslots - 1)) {
		entry *e = &m->slots[i];
		if (!e->kv)
			return e;
		if (e->hash == h && e->klen == klen && memcmp(e->kv, key, klen) == 0)
			return e;
	}
}

const void *memo_get(memo *m, const void *key, size_t klen, size_t *vlen)
{
	uint64_t h = sf_hash(0, key, klen);
	pthread_mutex_lock(&m->lock);
	const entry *e = find(m, h, key, klen);
	const void *v = e && e->kv ? e->kv + e->klen : NULL;
	if (v)
		*vlen = e->vlen;
	pthread_mutex_unlock(&m->lock);
	return v;
}

void memo_put(memo *m, const void *key, size_t klen, const void *val, size_t vlen)
{
	uint64_t h = sf_hash(0, key, klen);
	pthread_mutex_lock(&m->lock);
	if (m->bytes + klen + vlen > m->cap)
		goto out;
	if (2 * (m->n + 1) > m->nslots) { /* at most half full */
		size_t ns = m->nslots ? 2 * m->nslots : 64;
		entry *old = m->slots;
		size_t no = m->nslots;
		m->slots = sf_xcalloc(ns, sizeof *m->slots);
		m->nslots = ns;
		for (size_t i = 0; i < no; i++)
			if (old[i].kv)
				*find(m, old[i].hash, old[i].kv, old[i].klen) = old[i];
		free(old);
	}
	entry *e = find(m, h, key, klen);
	if (e->kv)
		goto out;
	e->kv = sf_xmalloc(klen + vlen + 1);
	memcpy(e->kv, key, klen);
	if (vlen)
		memcpy(e->kv + klen, val, vlen);
	e->hash = h;
	e->klen = klen;
	e->vlen = vlen;
	m->n++;
	m->bytes += klen + vlen;
out:
	pthread_mutex_unlock(&m->lock);
}

void memo_clear(memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nslots; i++)
		free(m->slots[i].kv);
	free(m->slots);
	m->slots = NULL;
	m->nslots = m->n = m->bytes = 0;
}

void sf_render_memos_clear(void)
{
	qr_memo_clear();
	x_memo_clear();
}
