/* editint.h: finding values in a module's text (translate/ only). */
#ifndef SAFAR_TRANSLATE_EDITINT_H
#define SAFAR_TRANSLATE_EDITINT_H

#include <stddef.h>

#include "safar/arena.h"

/* A YAML scalar as written: [off, end) of the file. */
typedef struct ed_span {
	size_t off, end;
	int style;             /* '"', '\'', '|', '>', or 0 (plain) */
	int flow;              /* inside [ ] or { } */
	size_t parent_indent;  /* indentation of the line it starts on */
	size_t content_indent; /* a block scalar's lines */
} ed_span;

/* The front matter's first byte, its closing fence's and the body's; -1 when none. */
int ed_front_matter(const char *t, size_t len, size_t *fm, size_t *close, size_t *body);
/* A top-level entry `key:`, key through its last non-blank line; 1: absent, -1: no front matter. */
int ed_top_entry(const char *t, size_t len, const char *key, size_t *start, size_t *end);
/* The byte at file line and character column (from 1). */
size_t ed_offset(const char *t, size_t len, int line, int col);
/* The scalar starting at byte p; -1 when it cannot be delimited. */
int ed_scalar(const char *t, size_t len, size_t p, ed_span *out);
/* The value of `key:` in the block mapping whose first key is at p; -1: absent. */
long ed_map_value(const char *t, size_t len, size_t p, const char *key);
/* s written in place of the scalar sp: its style kept where s allows. */
char *ed_scalar_text(sf_arena *a, const ed_span *sp, const char *s);

#endif
