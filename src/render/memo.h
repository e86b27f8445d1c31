/* memo.h: outputs made once per process and reused where an edition's
 * output would come out byte for byte the same (render/ only;
 * docs/performance.md). */
#ifndef SAFAR_RENDER_MEMO_H
#define SAFAR_RENDER_MEMO_H

#include <stddef.h>

/* A table from keys to values, both byte strings, shared by the build's
 * threads. The key is everything the value is made from, compared whole
 * (not a hash of it), so a value found is the one the caller would make.
 * Entries stay until memo_clear; past cap bytes of keys and values the
 * table takes no more (the caller makes the rest itself). */
typedef struct memo memo;

memo *memo_new(size_t cap);
/* The value stored under key[0..klen), valid until memo_clear; NULL when
 * there is none. */
const void *memo_get(memo *m, const void *key, size_t klen, size_t *vlen);
/* Stores a copy of val[0..vlen) under a copy of key[0..klen), unless the
 * key is there already or the table is full. */
void memo_put(memo *m, const void *key, size_t klen, const void *val, size_t vlen);
/* Drops every entry (no thread may be using the table). */
void memo_clear(memo *m);

/* The memos of the renderers (qr.c, xlsx.c): emptied once a build is done. */
void sf_render_memos_clear(void);
void qr_memo_clear(void);
void x_memo_clear(void);

#endif
