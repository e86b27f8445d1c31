/* translate.h: translation state (translation_of), stamping, and the gettext
 * PO round trip (docs/content-format.md "Translations", docs/decisions.md). */
#ifndef SAFAR_TRANSLATE_H
#define SAFAR_TRANSLATE_H

#include <stddef.h>

#include "safar/arena.h"
#include "safar/diag.h"
#include "safar/model.h"

/* A module's translatable units, in this order: title (t), body paragraphs
 * and headings (p, numbered from 1), sms (s), checklist items (c), trainer
 * notes (n), quiz questions (q) each with its options (o). */
enum sf_unit_kind { SF_U_TITLE = 't', SF_U_PARA = 'p', SF_U_SMS = 's', SF_U_CHECK = 'c',
		    SF_U_NOTES = 'n', SF_U_QUIZ = 'q', SF_U_OPTION = 'o' };

typedef struct sf_unit {
	int kind;        /* enum sf_unit_kind */
	int n, k;        /* number from 1 (p, c, q; an option's question); k: option from 1 */
	const char *text; /* as written (a body unit's Markdown, continuation lines unindented) */
	size_t len;
	sf_loc loc;      /* where it starts in the file (line 0: unknown, e.g. the title) */
	/* body units: line and byte column in the body, as cmark counts them */
	int bline, bcol, eline, ecol;
} sf_unit;

/* The units of m into the arena; returns how many. */
size_t sf_units(sf_arena *a, const sf_module *m, sf_unit **out);
/* "title", "paragraph 3", "sms", "checklist item 2", "trainer notes",
 * "quiz question 1", "quiz question 1 option 2" */
const char *sf_unit_name(sf_arena *a, const sf_unit *u);
/* The same as a msgctxt suffix: "title", "p3", "sms", "c2", "notes", "q1", "q1o2" */
const char *sf_unit_key(sf_arena *a, const sf_unit *u);

/* FNV-1a 32 over text with every run of whitespace one space, ends trimmed:
 * a whitespace-only edit keeps the hash. */
unsigned sf_norm_hash(const char *text, size_t len);

/* What a stamp records: the module hash (8 hex) and the per-unit short
 * hashes, "t:1a2b p:3c4d,5e6f s:9c0d c:aaaa,bbbb n:cccc q:dddd" (q: a
 * question with its options; "-" for a unit not known to be translated). */
typedef struct sf_stamp {
	char hash[9];
	const char *units;
} sf_stamp;
void sf_stamp_of(sf_arena *a, const sf_unit *u, size_t n, sf_stamp *out);
/* The same from per-unit texts where some may be unknown (text NULL): the
 * unit is "-" and the module hash is `old` (or 00000000 when NULL). */
void sf_stamp_partial(sf_arena *a, const sf_unit *u, size_t n, const char *const *texts,
		      const char *old, sf_stamp *out);

/* The translation state of every module of a root, computed once. */
enum sf_tr_state {
	SF_TR_NONE,       /* not a translation (no translation_of) */
	SF_TR_CURRENT,    /* stamped with its source's current hash */
	SF_TR_STALE,      /* the source changed since the stamp */
	SF_TR_UNSTAMPED,  /* translation_of without a hash */
	SF_TR_NO_SOURCE   /* no module in translation_of.lang with its id, stage, merge and when */
};
typedef struct sf_translations sf_translations;
sf_translations *sf_translations_new(const sf_root *root, sf_arena *a);
/* m must be one of the root's modules. */
int sf_translation_state(const sf_translations *t, const sf_module *m);
/* The source of translation m (or of the module m would translate, when
 * m is not marked: the module with its id, stage, merge and when in lang). */
const sf_module *sf_translation_source(const sf_translations *t, const sf_module *m, const char *lang);
/* The translation of source s in lang, or NULL. */
const sf_module *sf_translation_in(const sf_translations *t, const sf_module *s, const char *lang);
/* For a stale translation: what changed, e.g. "title, paragraphs 3 and 5,
 * checklist item 2 (new)"; "" when the stamp has no unit hashes to tell. */
const char *sf_translation_changes(const sf_translations *t, const sf_module *m, sf_arena *a);
/* 1 when unit u of source s changed since translation m was stamped
 * (unstamped or unknown: 1). */
int sf_unit_stale(const sf_translations *t, const sf_module *m, const sf_unit *u);

/* `safar translate stamp`: writes translation_of's hash and units into each
 * translation (every translation of the root when nfiles is 0), editing only
 * that entry of the front matter. A module without translation_of is
 * taken as a translation of `from` (NULL: reported). 0, or -1 after a
 * reported error; *changed: how many files changed. */
int sf_translate_stamp(const sf_root *root, const char *const *files, size_t nfiles,
		       const char *from, sf_sink *sink, int *changed);

/* `safar translate export`: one PO file per module of `from` into dir. */
int sf_translate_export(const sf_root *root, const char *from, const char *lang,
			const char *dir, sf_sink *sink, size_t *nfiles, size_t *nchanged);
/* `safar translate import`: every PO file under dir into its module. */
int sf_translate_import(const sf_root *root, const char *dir, sf_sink *sink,
			size_t *nfiles, size_t *nchanged);

/* File editing shared by stamp and import (src/translate/edit.c). */
typedef struct sf_edit {
	size_t off, end; /* bytes of the file replaced */
	const char *with;
} sf_edit;
/* text with the edits (sorted, not overlapping) applied, malloc'd. */
char *sf_apply_edits(const char *text, size_t len, sf_edit *e, size_t n, size_t *out_len);
/* The edit setting the front matter's top-level `key:` entry to `line`
 * (a whole "key: value" line, no newline), inserted after `after:`'s entry
 * when key is absent. -1 when the front matter cannot be found. */
int sf_edit_top_entry(const char *text, size_t len, const char *key, const char *after,
		      const char *line, sf_edit *out, sf_arena *a);

#endif
