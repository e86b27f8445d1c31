/* ytree.c: libyaml events into a ynode tree; the only file that sees libyaml. */
#include "ytree.h"
#include "safar/xalloc.h"

#include <string.h>
#include <yaml.h>

#include "safar/strmap.h"
#include "safar/utf8.h"

/* Content never nests this deep; the bound keeps hostile input cheap. */
#define MAX_DEPTH 64

struct ctx {
	sf_arena *a;
	sf_sink *sink;
	const char *path;
	int first_line;
};

static sf_loc mark_loc(const struct ctx *c, yaml_mark_t m)
{
	return (sf_loc){ c->path, (int)m.line + c->first_line, (int)m.column + 1 };
}

/* libyaml places a reader error (a character YAML does not allow: a
 * control character, U+FFFE) by its byte offset alone. */
static sf_loc offset_loc(const struct ctx *c, const char *text, size_t len, size_t off)
{
	int line = c->first_line;
	size_t start = 0;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n')
			line++, start = i + 1;
	return (sf_loc){ c->path, line, (int)sf_utf8_count(text + start, off - start) + 1 };
}

/* Tabs cannot indent YAML; libyaml's own message for them ("cannot start any
 * token") misleads authors, so we find them first and say what they are. */
static int find_tabs(const struct ctx *c, const char *text, size_t len)
{
	int found = 0, line = c->first_line;
	size_t i = 0;
	while (i < len) {
		size_t j = i;
		int col = 1;
		while (j < len && (text[j] == ' ' || text[j] == '\t')) {
			if (text[j] == '\t') {
				sf_emit(c->sink, SF_D_YAML_TAB, (sf_loc){ c->path, line, col },
					"a tab indents this line; YAML indents with spaces only");
				found = 1;
				break;
			}
			j++, col++;
		}
		const char *nl = memchr(text + i, '\n', len - i);
		if (!nl)
			break;
		i = (size_t)(nl - text) + 1;
		line++;
	}
	return found;
}

static ynode *new_node(struct ctx *c, yn_kind k, yaml_mark_t m)
{
	ynode *n = sf_alloc(c->a, sizeof *n);
	n->kind = k;
	n->loc = mark_loc(c, m);
	return n;
}

/* Rejects anchors and tags on a node event; 1 when it is clean. Any tag at
 * all is refused: libyaml counts the non-specific tag '!' as implicit, but an
 * author wrote it, and the docs promise that tags are refused. */
static int plain_node(struct ctx *c, const yaml_event_t *e, const yaml_char_t *anchor,
		      const yaml_char_t *tag)
{
	if (anchor) {
		sf_emit(c->sink, SF_D_YAML_ALIAS, mark_loc(c, e->start_mark),
			"anchor '&%s': YAML anchors and aliases are not accepted; write the value out",
			(const char *)anchor);
		return 0;
	}
	if (tag) {
		sf_emit(c->sink, SF_D_YAML_TAG, mark_loc(c, e->start_mark),
			"tag '%s': explicit YAML tags are not accepted", (const char *)tag);
		return 0;
	}
	return 1;
}

/* A NUL written as an escape ("\0", "\x00", "\u0000") would cut the value
 * short where C reads it; the file itself holding one is refused earlier. */
static int nul_free(struct ctx *c, const yaml_event_t *e)
{
	if (!memchr(e->data.scalar.value, '\0', e->data.scalar.length))
		return 1;
	sf_emit(c->sink, SF_D_ENCODING, mark_loc(c, e->start_mark),
		"this value holds a NUL character (an escape such as \\0), which is not text; remove it");
	return 0;
}

struct frame {
	ynode *node;
	size_t cap;
};

static void add_child(struct ctx *c, struct frame *f, ynode *child)
{
	ynode *p = f->node;
	SF_PUSH(c->a, p->items, p->n, f->cap);
	p->items[p->n - 1] = child;
}

/* The key before items[i] of mapping m that equals k, or NULL. */
static const ynode *earlier_key(const ynode *m, size_t i, const ynode *k)
{
	for (size_t j = 0; j < i; j += 2) {
		const ynode *prev = m->items[j];
		if (prev->kind == YN_SCALAR && prev->len == k->len &&
		    memcmp(prev->s, k->s, k->len) == 0)
			return prev;
	}
	return NULL;
}

/* After a mapping closes: keys must be scalars and must not repeat. Content's
 * mappings are small and are compared pairwise; a big one (a hostile file can
 * hold 100,000 keys) goes through a hash set, so the check stays linear. */
static void check_map(struct ctx *c, ynode *m)
{
	sf_strmap *seen = m->n / 2 > 32 ? sf_strmap_new(c->a, m->n / 2) : NULL;
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		ynode *k = m->items[i];
		if (k->kind != YN_SCALAR) {
			sf_emit(c->sink, SF_D_WRONG_TYPE, k->loc, "a mapping key must be a plain word");
			continue;
		}
		const ynode *prev = seen ? sf_strmap_put(seen, k->s, k->len, k) : earlier_key(m, i, k);
		if (prev)
			sf_emit(c->sink, SF_D_DUPLICATE_KEY, k->loc, "key '%s' is already given at line %d",
				k->s, prev->loc.line);
	}
}

/* libyaml's message, its place, and a plain hint when the line shows the
 * typical cause: libyaml's words alone ("mapping values are not allowed in
 * this context") leave authors guessing. */
static void syntax_error(const struct ctx *c, const yaml_parser_t *p, yn_error *y)
{
	sf_loc at = mark_loc(c, p->problem_mark);
	if (p->error == YAML_READER_ERROR && p->problem_value >= 0) {
		sf_emit(c->sink, SF_D_YAML_SYNTAX, offset_loc(c, y->text, y->len, p->problem_offset),
			"YAML cannot hold the character U+%04X (a control "
			"character or a non-character): delete it",
			(unsigned)p->problem_value);
		return;
	}
	y->problem = p->problem;
	y->context = p->context;
	y->line = (int)p->problem_mark.line;
	y->col = (int)p->problem_mark.column;
	y->ctx_line = (int)p->context_mark.line;
	y->ctx_col = (int)p->context_mark.column;
	const char *hint = yn_hint(c->a, y);
	sf_emit(c->sink, SF_D_YAML_SYNTAX, at, "%s%s%s%s%s", p->problem ? p->problem : "cannot parse YAML",
		p->context ? " " : "", p->context ? p->context : "", hint ? "; " : "", hint ? hint : "");
}

ynode *yn_parse(sf_arena *a, sf_sink *sink, const char *path, const char *text,
		size_t len, int first_line, int *failed)
{
	return yn_parse_nodes(a, a, sink, path, text, len, first_line, failed);
}

ynode *yn_parse_nodes(sf_arena *a, sf_arena *nodes, sf_sink *sink, const char *path,
		      const char *text, size_t len, int first_line, int *failed)
{
	struct ctx c = { nodes, sink, path, first_line };
	*failed = 0;
	if (find_tabs(&c, text, len)) {
		*failed = 1;
		return NULL;
	}

	yaml_parser_t p;
	/* libyaml fails only for want of memory, here and below. */
	if (!yaml_parser_initialize(&p))
		sf_oom();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);

	struct frame stack[MAX_DEPTH];
	int depth = 0, docs = 0, ok = 1, done = 0;
	ynode *root = NULL;
	yn_error y = { .text = text, .len = len, .first_line = first_line };

	while (ok && !done) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			if (p.error == YAML_MEMORY_ERROR)
				sf_oom();
			syntax_error(&c, &p, &y);
			ok = 0;
			break;
		}
		ynode *n = NULL;
		switch (e.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				sf_emit(sink, SF_D_YAML_SYNTAX, mark_loc(&c, e.start_mark),
					"only one YAML document is allowed here");
				ok = 0;
			}
			break;
		case YAML_ALIAS_EVENT:
			sf_emit(sink, SF_D_YAML_ALIAS, mark_loc(&c, e.start_mark),
				"alias '*%s': YAML anchors and aliases are not accepted; write the value out",
				(const char *)e.data.alias.anchor);
			ok = 0;
			break;
		case YAML_SCALAR_EVENT:
			if (!plain_node(&c, &e, e.data.scalar.anchor, e.data.scalar.tag) ||
			    !nul_free(&c, &e)) {
				ok = 0;
				break;
			}
			/* What a quote left open would have swallowed. */
			y.quote = e.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE   ? '"'
				  : e.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? '\''
											   : 0;
			y.q_line = (int)e.start_mark.line;
			y.q_col = (int)e.start_mark.column;
			y.q_end_line = (int)e.end_mark.line;
			n = new_node(&c, YN_SCALAR, e.start_mark);
			n->s = sf_strndup(a, (const char *)e.data.scalar.value, e.data.scalar.length);
			n->len = e.data.scalar.length;
			n->plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			int seq = e.type == YAML_SEQUENCE_START_EVENT;
			const yaml_char_t *anchor = seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor;
			const yaml_char_t *tag = seq ? e.data.sequence_start.tag : e.data.mapping_start.tag;
			if (!plain_node(&c, &e, anchor, tag)) {
				ok = 0;
				break;
			}
			if (depth == MAX_DEPTH) {
				sf_emit(sink, SF_D_YAML_SYNTAX, mark_loc(&c, e.start_mark),
					"nested more than %d levels deep", MAX_DEPTH);
				ok = 0;
				break;
			}
			ynode *col = new_node(&c, seq ? YN_SEQ : YN_MAP, e.start_mark);
			if (depth > 0)
				add_child(&c, &stack[depth - 1], col);
			else
				root = col;
			stack[depth++] = (struct frame){ col, 0 };
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			/* A repeated key is reported, and the first one wins,
			 * so the rest of the file is still checked. */
			if (stack[depth].node->kind == YN_MAP)
				check_map(&c, stack[depth].node);
			break;
		default:
			break;
		}
		if (n) {
			if (depth > 0)
				add_child(&c, &stack[depth - 1], n);
			else
				root = n;
		}
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	if (!ok) {
		*failed = 1;
		return NULL;
	}
	return root;
}

int yn_is_null(const ynode *n)
{
	return n && n->kind == YN_SCALAR && n->plain &&
	       (n->len == 0 || strcmp(n->s, "~") == 0 || strcmp(n->s, "null") == 0 ||
		strcmp(n->s, "Null") == 0 || strcmp(n->s, "NULL") == 0);
}

/* The index of key among map's items, or map->n when it is not there. */
static size_t key_index(const ynode *map, const char *key)
{
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (map->items[i]->kind == YN_SCALAR && map->items[i]->s[0] == key[0] &&
		    strcmp(map->items[i]->s, key) == 0)
			return i;
	return map->n;
}

ynode *yn_get(const ynode *map, const char *key)
{
	if (!map || map->kind != YN_MAP)
		return NULL;
	size_t i = key_index(map, key);
	return i < map->n ? map->items[i + 1] : NULL;
}

ynode *yn_key(const ynode *map, const char *key)
{
	if (!map || map->kind != YN_MAP)
		return NULL;
	size_t i = key_index(map, key);
	return i < map->n ? map->items[i] : NULL;
}
