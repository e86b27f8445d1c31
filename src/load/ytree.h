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

/* yn_parse with the tree's nodes in their own arena (freed once the caller
 * has read them) and its scalars' text in a, where fields borrow it. */
ynode *yn_parse_nodes(sf_arena *a, sf_arena *nodes, sf_sink *sink, const char *path,
		      const char *text, size_t len, int first_line, int *failed);
/* A syntax error as libyaml saw it, for yn_hint. Lines are 0-based lines of
 * text (line first_line of the file), columns 0-based code points. */
typedef struct yn_error {
	const char *text;
	size_t len;
	int first_line;
	const char *problem, *context; /* libyaml's words; context may be NULL */
	int line, col;                 /* the problem */
	int ctx_line, ctx_col;         /* what was being read */
	int quote;                     /* the last value read: '"', '\'' or 0 (plain) */
	int q_line, q_col, q_end_line; /* where it opened, and the line it closed on */
} yn_error;

/* A short plain hint when the error's typical cause shows in its line (a
 * value with ': ' unquoted, a list item out of line, a quote left open, a
 * key without ':', a reserved first character); NULL when none does. */
const char *yn_hint(sf_arena *a, const yn_error *y);

/* A null scalar: empty, ~ or null, unquoted. */
int yn_is_null(const ynode *n);
/* The value of key in a mapping, or NULL. */
ynode *yn_get(const ynode *map, const char *key);
/* The key itself (where it is written), or NULL. */
ynode *yn_key(const ynode *map, const char *key);

#endif
