/* units.c: a module's translatable units, their hashes and stamps. */
#include <cmark.h>
#include <stdio.h>
#include <string.h>

#include "safar/buf.h"
#include "safar/load.h"
#include "safar/translate.h"

unsigned sf_norm_hash(const char *text, size_t len)
{
	unsigned h = 2166136261u;
	int space = 0, any = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			space = any;
			continue;
		}
		if (space) {
			h = (h ^ ' ') * 16777619u;
			space = 0;
		}
		h = (h ^ ch) * 16777619u;
		any = 1;
	}
	return h;
}

static sf_unit *push(sf_arena *a, sf_unit **v, size_t *n, size_t *cap, int kind, int num,
		     int k, const char *text, sf_loc loc)
{
	sf_unit *u = SF_PUSH(a, *v, *n, *cap);
	memset(u, 0, sizeof *u);
	u->kind = kind;
	u->n = num;
	u->k = k;
	u->text = text ? text : "";
	u->len = strlen(u->text);
	u->loc = loc;
	return u;
}

/* Byte offset of (line, byte column), both from 1, in the body. */
static size_t body_off(const sf_module *m, int line, int col)
{
	const char *p = m->body, *end = m->body + m->body_len;
	for (int l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	size_t off = (size_t)(p - m->body) + (size_t)(col > 0 ? col - 1 : 0);
	return off > m->body_len ? m->body_len : off;
}

/* A paragraph or heading: its Markdown from its first to its last byte,
 * continuation lines without their indentation (inside a list item that
 * indentation is the item's, not the text's). */
static void body_unit(sf_arena *a, const sf_module *m, cmark_node *nd, sf_unit **v, size_t *n,
		      size_t *cap, int num)
{
	int bl = cmark_node_get_start_line(nd), bc = cmark_node_get_start_column(nd);
	int el = cmark_node_get_end_line(nd), ec = cmark_node_get_end_column(nd);
	size_t s = body_off(m, bl, bc), e = body_off(m, el, ec + 1);
	while (e > s && strchr(" \t\r\n", m->body[e - 1]))
		e--;
	sf_buf b = { 0 };
	for (size_t i = s; i < e; i++) {
		sf_buf_putc(&b, m->body[i]);
		if (m->body[i] == '\n')
			while (i + 1 < e && (m->body[i + 1] == ' ' || m->body[i + 1] == '\t'))
				i++;
	}
	sf_unit *u = push(a, v, n, cap, SF_U_PARA, num, 0, sf_strndup(a, b.data ? b.data : "", b.len),
			  (sf_loc){ m->path, m->body_line + bl - 1, 1 });
	sf_buf_free(&b);
	u->bline = bl, u->bcol = bc, u->eline = el, u->ecol = ec;
}

size_t sf_units(sf_arena *a, const sf_module *m, sf_unit **out)
{
	sf_unit *v = NULL;
	size_t n = 0, cap = 0;
	push(a, &v, &n, &cap, SF_U_TITLE, 0, 0, m->title, (sf_loc){ m->path, 0, 0 });
	/* Loaded without its tree (check): parsed again, as the loader did. */
	cmark_node *own = m->doc ? NULL : sf_body_tree(m);
	cmark_node *doc = m->doc ? m->doc : own;
	if (doc) {
		int num = 0;
		cmark_iter *it = cmark_iter_new(doc);
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *nd = cmark_iter_get_node(it);
			cmark_node_type ty = cmark_node_get_type(nd);
			if (ev != CMARK_EVENT_ENTER || (ty != CMARK_NODE_PARAGRAPH && ty != CMARK_NODE_HEADING))
				continue;
			body_unit(a, m, nd, &v, &n, &cap, ++num);
			/* Its inlines are part of it. */
			cmark_iter_reset(it, nd, CMARK_EVENT_EXIT);
		}
		cmark_iter_free(it);
	}
	if (own)
		cmark_node_free(own);
	if (m->sms)
		push(a, &v, &n, &cap, SF_U_SMS, 0, 0, m->sms, m->sms_loc);
	for (size_t i = 0; i < m->checklist.n; i++)
		push(a, &v, &n, &cap, SF_U_CHECK, (int)i + 1, 0, m->checklist.v[i], m->checklist.loc[i]);
	if (m->trainer_notes)
		push(a, &v, &n, &cap, SF_U_NOTES, 0, 0, m->trainer_notes, (sf_loc){ m->path, 0, 0 });
	for (size_t i = 0; i < m->nquiz; i++) {
		push(a, &v, &n, &cap, SF_U_QUIZ, (int)i + 1, 0, m->quiz[i].q, m->quiz[i].loc);
		for (size_t k = 0; k < m->quiz[i].options.n; k++)
			push(a, &v, &n, &cap, SF_U_OPTION, (int)i + 1, (int)k + 1, m->quiz[i].options.v[k],
			     m->quiz[i].options.loc[k]);
	}
	*out = v;
	return n;
}

const char *sf_unit_name(sf_arena *a, const sf_unit *u)
{
	switch (u->kind) {
	case SF_U_TITLE: return "title";
	case SF_U_PARA: return sf_printf(a, "paragraph %d", u->n);
	case SF_U_SMS: return "sms";
	case SF_U_CHECK: return sf_printf(a, "checklist item %d", u->n);
	case SF_U_NOTES: return "trainer notes";
	case SF_U_QUIZ: return sf_printf(a, "quiz question %d", u->n);
	default: return sf_printf(a, "quiz question %d option %d", u->n, u->k);
	}
}

const char *sf_unit_key(sf_arena *a, const sf_unit *u)
{
	switch (u->kind) {
	case SF_U_TITLE: return "title";
	case SF_U_PARA: return sf_printf(a, "p%d", u->n);
	case SF_U_SMS: return "sms";
	case SF_U_CHECK: return sf_printf(a, "c%d", u->n);
	case SF_U_NOTES: return "notes";
	case SF_U_QUIZ: return sf_printf(a, "q%d", u->n);
	default: return sf_printf(a, "q%do%d", u->n, u->k);
	}
}

/* The stamp's groups, in the order units come: t p s c n q. A quiz
 * question's short hash covers its options. */
static const char groups[] = "tpscnq";

static unsigned mix(unsigned h, unsigned v)
{
	for (int i = 0; i < 4; i++, v >>= 8)
		h = (h ^ (v & 0xff)) * 16777619u;
	return h;
}

void sf_stamp_partial(sf_arena *a, const sf_unit *u, size_t n, const char *const *texts,
		      const char *old, sf_stamp *out)
{
	sf_buf b = { 0 };
	unsigned whole = 2166136261u;
	int known = 1;
	for (const char *g = groups; *g; g++) {
		int first = 1;
		for (size_t i = 0; i < n; i++) {
			if (u[i].kind != *g)
				continue;
			const char *t = texts ? texts[i] : u[i].text;
			unsigned h = t ? sf_norm_hash(t, strlen(t)) : 0;
			int ok = t != NULL;
			/* A question and its options are one entry. */
			for (size_t k = i + 1; *g == SF_U_QUIZ && k < n && u[k].kind == SF_U_OPTION; k++) {
				const char *o = texts ? texts[k] : u[k].text;
				ok = ok && o;
				h = mix(h, o ? sf_norm_hash(o, strlen(o)) : 0);
			}
			known = known && ok;
			whole = mix(mix(whole, (unsigned char)*g), h);
			if (first)
				sf_buf_printf(&b, "%s%c:", b.len ? " " : "", *g);
			else
				sf_buf_putc(&b, ',');
			if (ok)
				sf_buf_printf(&b, "%04x", (h ^ (h >> 16)) & 0xffff);
			else
				sf_buf_putc(&b, '-');
			first = 0;
		}
	}
	if (known)
		snprintf(out->hash, sizeof out->hash, "%08x", whole);
	else
		snprintf(out->hash, sizeof out->hash, "%s", old ? old : "00000000");
	out->units = sf_strndup(a, b.data ? b.data : "", b.len);
	sf_buf_free(&b);
}

void sf_stamp_of(sf_arena *a, const sf_unit *u, size_t n, sf_stamp *out)
{
	sf_stamp_partial(a, u, n, NULL, NULL, out);
}
