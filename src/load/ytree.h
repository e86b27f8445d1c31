/* ytree.h: a YAML document as a small tree with source positions (load/ only). */
#ifndef SAFAR_LOAD_YTREE_H
#define SAFAR_LOAD_YTREE_H

#include <stddef.h>

#include "safar/arena.h"
#include "safar/diag.h"

typedef enum { YN_SCALAR, YN_SEQ, YN_MAP } yn_kind;

typedef struct ynode {
	yn_kind kind;
	sf_loc loc;
	/* scalar */
	const char *s;
	size_t len;
	int plain; /* unquoted: null, numbers and dates are only read from these */
	/* sequence: items[0..n); mapping: items[2i] key, items[2i+1] value */
	struct ynode **items;
	size_t n;
} ynode;

/* Parses text (a whole file, or a module's front matter whose first line is
 * line first_line of path) and returns its root node. Returns NULL with
 * *failed = 1 after emitting an error, or NULL with *failed = 0 when the
 * document is empty. Rejects tabs in indentation, anchors, aliases, explicit
 * tags and duplicate keys. */
ynode *yn_parse(sf_arena *a, sf_sink *sink, const char *path, const char *text,
		size_t len, int first_line, int *failed);

/* A null scalar: empty, ~ or null, unquoted. */
int yn_is_null(const ynode *n);
/* The value of key in a mapping, or NULL. */
ynode *yn_get(const ynode *map, const char *key);
/* The key itself (where it is written), or NULL. */
ynode *yn_key(const ynode *map, const char *key);

#endif
