/* yhint.c: a plain hint for a YAML syntax error whose typical cause its line shows. */
#include <string.h>

#include "safar/buf.h"
#include "ytree.h"
#include "safar/nelem.h"

/* Line line0 (0-based) of text: [*s, *e), without its line end. */
static int line_span(const yn_error *y, int line0, const char **s, const char **e)
{
	const char *p = y->text, *end = y->text + y->len;
	for (int i = 0; i < line0; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return 0;
		p = nl + 1;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*s = p;
	*e = nl ? nl : end;
	if (*e > *s && (*e)[-1] == '\r')
		(*e)--;
	return 1;
}

/* The line before the one starting at s (s > text): [*ps, *pe). Walking
 * back this way keeps a search through a long file linear. */
static void prev_line(const char *text, const char *s, const char **ps, const char **pe)
{
	const char *e = s - 1; /* its '\n' */
	const char *p = e;
	while (p > text && p[-1] != '\n')
		p--;
	*ps = p;
	*pe = e > p && e[-1] == '\r' ? e - 1 : e;
}

/* The byte of [s, e) where code point col0 (0-based) starts, or NULL. */
static const char *at_col(const char *s, const char *e, int col0)
{
	for (; s < e; s++) {
		if (((unsigned char)*s & 0xC0) == 0x80)
			continue;
		if (col0-- == 0)
			return s;
	}
	return NULL;
}

static int indent(const char *s, const char *e)
{
	int n = 0;
	while (s + n < e && s[n] == ' ')
		n++;
	return n;
}

static int is_item(const char *s, const char *e)
{
	return s < e && *s == '-' && (s + 1 == e || s[1] == ' ');
}

/* A key as safar's files write them: a plain word. */
static int is_word(const char *s, const char *e)
{
	if (s == e)
		return 0;
	for (; s < e; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* v in quotes that keep it as written: double quotes unless it holds a
 * double quote or a backslash (an escape there), else single quotes with
 * each ' doubled. */
static void put_quoted(sf_buf *b, const char *s, const char *e)
{
	int dq = !memchr(s, '"', (size_t)(e - s)) && !memchr(s, '\\', (size_t)(e - s));
	sf_buf_putc(b, dq ? '"' : '\'');
	for (const char *p = s; p < e; p++) {
		if (!dq && *p == '\'')
			sf_buf_putc(b, '\'');
		sf_buf_putc(b, *p);
	}
	sf_buf_putc(b, dq ? '"' : '\'');
}

/* The line at line0 rewritten with its value quoted: "title: \"a: b\"", or
 * "- \"a: b\"" for a list item that is not `key: value`. 0 when the line is
 * not a block `key: value` or list item. */
static int quote_line(sf_buf *b, const yn_error *y, int line0)
{
	const char *s, *e;
	if (!line_span(y, line0, &s, &e))
		return 0;
	s += indent(s, e);
	const char *lead = s;
	while (is_item(s, e))
		s += s + 1 < e ? 2 : 1;
	for (const char *c = s; c + 1 < e; c++)
		if (c[0] == ' ' && c[1] == '#') {
			e = c; /* a comment ends a plain value */
			break;
		}
	while (e > s && e[-1] == ' ')
		e--;
	const char *colon = NULL;
	for (const char *c = s; c < e && !colon; c++)
		if (*c == ':' && (c + 1 == e || c[1] == ' '))
			colon = c;
	const char *v = s;
	if (colon && is_word(s, colon)) {
		v = colon + 1;
		while (v < e && *v == ' ')
			v++;
	}
	if (v == e || (v == s && lead == s) || strchr("\"'[{|>", *v))
		return 0; /* quoted already, or not one plain value */
	sf_buf_add(b, lead, (size_t)(v - lead));
	put_quoted(b, v, e);
	return 1;
}

/* `title: Step 1: sign`: the second ': ' would start a mapping. */
static int colon_hint(sf_buf *b, const yn_error *y)
{
	const char *s, *e, *at;
	if (!line_span(y, y->line, &s, &e) || !(at = at_col(s, e, y->col)) || *at != ':')
		return 0;
	const char *c = s;
	while (c < at && !(c[0] == ':' && c[1] == ' '))
		c++;
	if (c == at)
		return 0; /* the line's first ':': a key, not a value */
	if (strcmp(y->problem, "mapping values are not allowed in this context") != 0) {
		sf_buf_puts(b, "a value here contains ': ' — put it in quotes");
		return 1;
	}
	sf_buf_puts(b, "this value contains ': ' — put it in quotes: ");
	if (!quote_line(b, y, y->line)) {
		b->len = 0;
		sf_buf_puts(b, "a value here contains ': ' — put it in quotes");
	}
	return 1;
}

/* `- item` at a column its siblings are not at. */
static int item_hint(sf_buf *b, const yn_error *y)
{
	const char *s, *e;
	if (!line_span(y, y->line, &s, &e))
		return 0;
	int ind = indent(s, e);
	if (ind != y->col || !is_item(s + ind, e))
		return 0;
	for (int l = y->line - 1; l >= 0; l--) {
		prev_line(y->text, s, &s, &e);
		int i = indent(s, e);
		if (s + i == e || s[i] == '#')
			continue;
		if (is_item(s + i, e)) {
			if (i == ind)
				return 0;
			sf_buf_printf(b, "this list item starts in column %d, the one on line %d in column %d: line them up",
				      ind + 1, l + y->first_line, i + 1);
			return 1;
		}
		if (i < ind)
			return 0; /* the list's parent: no sibling before it */
	}
	return 0;
}

static int quote_hint(sf_buf *b, const yn_error *y)
{
	if (strcmp(y->problem, "found unexpected end of stream") == 0 && y->context &&
	    strcmp(y->context, "while scanning a quoted scalar") == 0) {
		const char *s, *e, *q;
		if (!line_span(y, y->ctx_line, &s, &e) || !(q = at_col(s, e, y->ctx_col)))
			return 0;
		sf_buf_printf(b, "the %c opened on line %d, column %d is never closed: end the value with %c",
			      *q, y->ctx_line + y->first_line, y->ctx_col + 1, *q);
		return 1;
	}
	if (!y->quote || strncmp(y->problem, "did not find expected", 21) != 0 ||
	    y->q_end_line != y->line)
		return 0;
	if (y->q_line != y->line)
		sf_buf_printf(b, "the %c opened on line %d, column %d closes only on line %d: is a closing %c missing on line %d?",
			      y->quote, y->q_line + y->first_line, y->q_col + 1,
			      y->line + y->first_line, y->quote, y->q_line + y->first_line);
	else
		sf_buf_printf(b, "the %c opened in column %d closes at the next %c: write a %c inside a value as %s",
			      y->quote, y->q_col + 1, y->quote, y->quote, y->quote == '"' ? "\\\"" : "''");
	return 1;
}

/* `title Step one` or `title:Step`: no ': ' after the key. */
static int key_hint(sf_buf *b, const yn_error *y)
{
	const char *s, *e;
	if (strcmp(y->problem, "could not find expected ':'") != 0 ||
	    !line_span(y, y->ctx_line, &s, &e))
		return 0;
	const char *c = memchr(s, ':', (size_t)(e - s));
	if (c && c + 1 < e && c[1] != ' ')
		sf_buf_printf(b, "line %d needs a space after its ':'", y->ctx_line + y->first_line);
	else
		sf_buf_printf(b, "line %d has no ':' after its key: write it as key: value",
			      y->ctx_line + y->first_line);
	return 1;
}

/* `title: @home`: YAML reserves @ and ` (and % at a line's start). */
static int reserved_hint(sf_buf *b, const yn_error *y)
{
	const char *s, *e, *at;
	if (strcmp(y->problem, "found character that cannot start any token") != 0 ||
	    !line_span(y, y->line, &s, &e) || !(at = at_col(s, e, y->col)) || !*at || !strchr("@`%", *at))
		return 0;
	sf_buf_printf(b, "YAML reserves %c as a first character — put the text in quotes", *at);
	size_t len = b->len;
	sf_buf_puts(b, ": ");
	if (!quote_line(b, y, y->line))
		b->len = len, b->data[len] = '\0';
	return 1;
}

const char *yn_hint(sf_arena *a, const yn_error *y)
{
	static int (*const hints[])(sf_buf *, const yn_error *) = { colon_hint, item_hint, quote_hint,
								    key_hint, reserved_hint };
	if (!y->problem)
		return NULL;
	sf_buf b = { 0 };
	const char *hint = NULL;
	for (size_t i = 0; i < SF_NELEM(hints) && !hint; i++) {
		if (hints[i](&b, y))
			hint = sf_strndup(a, b.data, b.len);
		b.len = 0;
	}
	sf_buf_free(&b);
	return hint;
}
