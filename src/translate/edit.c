/* edit.c: editing a module's text in place. Stamp and import change the
 * bytes of the values they set and nothing else: the YAML is never
 * re-serialised (docs/decisions.md, "Translations are edited, not rewritten"). */
#include <stdlib.h>
#include <string.h>

#include "safar/buf.h"
#include "safar/translate.h"
#include "safar/xalloc.h"
#include "editint.h"

static int cmp_edit(const void *a, const void *b)
{
	const sf_edit *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

char *sf_apply_edits(const char *text, size_t len, sf_edit *e, size_t n, size_t *out_len)
{
	qsort(e, n, sizeof *e, cmp_edit);
	sf_buf b = { 0 };
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		if (e[i].off < at)
			continue; /* overlapping: the first wins */
		sf_buf_add(&b, text + at, e[i].off - at);
		sf_buf_puts(&b, e[i].with);
		at = e[i].end;
	}
	sf_buf_add(&b, text + at, len - at);
	*out_len = b.len;
	if (!b.data)
		return sf_xcalloc(1, 1);
	return b.data;
}

static size_t line_end(const char *t, size_t len, size_t p)
{
	const char *nl = memchr(t + p, '\n', len - p);
	return nl ? (size_t)(nl - t) : len;
}

static size_t next_line(const char *t, size_t len, size_t p)
{
	size_t e = line_end(t, len, p);
	return e < len ? e + 1 : len;
}

static int is_fence(const char *t, size_t len, size_t p, const char *mark)
{
	size_t m = strlen(mark), e = line_end(t, len, p);
	if (e - p < m || memcmp(t + p, mark, m) != 0)
		return 0;
	for (size_t i = p + m; i < e; i++)
		if (!strchr(" \t\r", t[i]))
			return 0;
	return 1;
}

int ed_front_matter(const char *t, size_t len, size_t *fm, size_t *close, size_t *body)
{
	size_t p = 0;
	if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
		p = 3;
	if (!is_fence(t, len, p, "---"))
		return -1;
	*fm = p = next_line(t, len, p);
	for (; p < len; p = next_line(t, len, p))
		if (is_fence(t, len, p, "---") || is_fence(t, len, p, "...")) {
			*close = p;
			*body = next_line(t, len, p);
			return 0;
		}
	return -1;
}

static int blank_line(const char *t, size_t len, size_t p)
{
	for (size_t e = line_end(t, len, p); p < e; p++)
		if (!strchr(" \t\r", t[p]))
			return 0;
	return 1;
}

static size_t indent_at(const char *t, size_t len, size_t p)
{
	size_t i = 0;
	while (p + i < len && t[p + i] == ' ')
		i++;
	return i;
}

/* The top-level entry `key:` of the front matter: [*start, *end) from its
 * key to the end of its last non-blank line, newline included. */
int ed_top_entry(const char *t, size_t len, const char *key, size_t *start, size_t *end)
{
	size_t fm, close, body, k = strlen(key);
	if (ed_front_matter(t, len, &fm, &close, &body) != 0)
		return -1;
	for (size_t p = fm; p < close; p = next_line(t, len, p)) {
		if (close - p <= k || memcmp(t + p, key, k) != 0 || t[p + k] != ':')
			continue;
		*start = p;
		size_t q = next_line(t, len, p), last = q;
		for (; q < close; q = next_line(t, len, q)) {
			if (blank_line(t, len, q))
				continue;
			if (t[q] != ' ')
				break;
			last = next_line(t, len, q);
		}
		*end = last;
		return 0;
	}
	return 1;
}

int sf_edit_top_entry(const char *text, size_t len, const char *key, const char *after,
		      const char *line, sf_edit *out, sf_arena *a)
{
	size_t s, e, fm, close, body;
	if (ed_front_matter(text, len, &fm, &close, &body) != 0)
		return -1;
	int r = ed_top_entry(text, len, key, &s, &e);
	if (r < 0)
		return -1;
	if (r == 0) {
		*out = (sf_edit){ s, e, sf_printf(a, "%s\n", line) };
		return 0;
	}
	size_t at = close;
	if (after && ed_top_entry(text, len, after, &s, &e) == 0)
		at = e;
	/* A front matter whose last line has no newline before the fence cannot
	 * happen: the fence is a line of its own. */
	*out = (sf_edit){ at, at, sf_printf(a, "%s\n", line) };
	return 0;
}

size_t ed_offset(const char *t, size_t len, int line, int col)
{
	size_t p = 0;
	for (int l = 1; l < line && p < len; l++)
		p = next_line(t, len, p);
	for (int c = 1; c < col && p < len && t[p] != '\n'; c++) {
		p++;
		while (p < len && ((unsigned char)t[p] & 0xC0) == 0x80)
			p++;
	}
	return p;
}

static size_t line_start(const char *t, size_t p)
{
	while (p > 0 && t[p - 1] != '\n')
		p--;
	return p;
}

int ed_scalar(const char *t, size_t len, size_t p, ed_span *out)
{
	memset(out, 0, sizeof *out);
	out->off = p;
	size_t ls = line_start(t, p), ind = indent_at(t, len, ls);
	out->parent_indent = ind;
	if (p >= len)
		return -1;
	size_t b = p;
	while (b > ls && t[b - 1] == ' ')
		b--;
	out->flow = b > ls && strchr("[,{", t[b - 1]) != NULL;
	char c = t[p];
	if (c == '"') {
		out->style = '"';
		for (size_t i = p + 1; i < len; i++) {
			if (t[i] == '\\')
				i++;
			else if (t[i] == '"') {
				out->end = i + 1;
				return 0;
			}
		}
		return -1;
	}
	if (c == '\'') {
		out->style = '\'';
		for (size_t i = p + 1; i < len; i++)
			if (t[i] == '\'') {
				if (i + 1 < len && t[i + 1] == '\'')
					i++;
				else {
					out->end = i + 1;
					return 0;
				}
			}
		return -1;
	}
	if (c == '|' || c == '>') {
		out->style = c;
		size_t q = next_line(t, len, p), last = line_end(t, len, p);
		out->content_indent = ind + 2;
		int first = 1;
		for (; q < len; q = next_line(t, len, q)) {
			if (blank_line(t, len, q))
				continue;
			size_t i = indent_at(t, len, q);
			if (i <= ind)
				break;
			if (first)
				out->content_indent = i, first = 0;
			last = line_end(t, len, q);
		}
		out->end = last;
		return 0;
	}
	out->style = 0;
	size_t e = line_end(t, len, p), i;
	for (i = p; i < e; i++) {
		if (out->flow && strchr(",]}", t[i]))
			break;
		if (t[i] == '#' && i > p && (t[i - 1] == ' ' || t[i - 1] == '\t'))
			break;
	}
	while (i > p && strchr(" \t\r", t[i - 1]))
		i--;
	out->end = i;
	if (out->flow)
		return 0;
	/* A plain value may go on over more indented lines. */
	for (size_t q = next_line(t, len, p); q < len; q = next_line(t, len, q)) {
		if (blank_line(t, len, q) || indent_at(t, len, q) <= ind)
			break;
		size_t s = q + indent_at(t, len, q), le = line_end(t, len, q);
		if (t[s] == '#' || (t[s] == '-' && (s + 1 == le || t[s + 1] == ' ')))
			break;
		int keyish = 0;
		for (size_t k = s; k < le && !keyish; k++)
			keyish = t[k] == ':' && (k + 1 == le || t[k + 1] == ' ' || t[k + 1] == '\r');
		if (keyish)
			break;
		size_t x = le;
		while (x > s && strchr(" \t\r", t[x - 1]))
			x--;
		out->end = x;
	}
	return 0;
}

/* Finds `key:` in the block mapping whose first key starts at byte p and
 * returns the offset of its value (-1 when absent). */
long ed_map_value(const char *t, size_t len, size_t p, const char *key)
{
	size_t ls = line_start(t, p), col = p - ls, k = strlen(key);
	for (size_t q = p; q < len;) {
		if (len - q > k && memcmp(t + q, key, k) == 0 && t[q + k] == ':') {
			size_t v = q + k + 1;
			while (v < len && t[v] == ' ')
				v++;
			return (long)v;
		}
		q = next_line(t, len, q);
		while (q < len && blank_line(t, len, q))
			q = next_line(t, len, q);
		if (q >= len || indent_at(t, len, q) != col)
			return -1;
		q += col;
	}
	return -1;
}

static int plain_safe(const char *s, int flow)
{
	size_t n = strlen(s);
	if (n == 0 || strchr(" \t", s[0]) || strchr(" \t", s[n - 1]) || strchr(s, '\n') || strchr(s, '\r'))
		return 0;
	if (strchr("-?:,[]{}#&*!|>'\"%@`0123456789+.~", s[0]) || s[n - 1] == ':')
		return 0;
	if (strstr(s, ": ") || strstr(s, " #") || (flow && strpbrk(s, ",[]{}")))
		return 0;
	static const char *const words[] = { "null", "true", "false", "yes", "no", "on", "off",
					     "Null", "NULL", "True", "TRUE", "False", "FALSE", "Yes",
					     "YES", "No", "NO", "On", "ON", "Off", "OFF", "y", "n", "Y", "N" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(s, words[i]) == 0)
			return 0;
	return 1;
}

static void double_quoted(sf_buf *b, const char *s)
{
	sf_buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			sf_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			sf_buf_puts(b, "\\n");
		else if (c == '\t')
			sf_buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sf_buf_printf(b, "\\x%02x", c);
		else
			sf_buf_putc(b, (char)c);
	}
	sf_buf_putc(b, '"');
}

char *ed_scalar_text(sf_arena *a, const ed_span *sp, const char *s)
{
	sf_buf b = { 0 };
	size_t n = strlen(s);
	if (sp->style == '\'' && !strchr(s, '\n')) {
		sf_buf_putc(&b, '\'');
		for (const char *p = s; *p; p++) {
			if (*p == '\'')
				sf_buf_putc(&b, '\'');
			sf_buf_putc(&b, *p);
		}
		sf_buf_putc(&b, '\'');
	} else if ((sp->style == '|' || sp->style == '>') && n > 0 && s[0] != ' ' && s[0] != '\n' &&
		   !(n >= 2 && s[n - 1] == '\n' && s[n - 2] == '\n') && !strchr(s, '\t')) {
		int clip = s[n - 1] == '\n';
		sf_buf_puts(&b, clip ? "|" : "|-");
		size_t e = clip ? n - 1 : n;
		for (size_t i = 0; i < e;) {
			const char *nl = memchr(s + i, '\n', e - i);
			size_t le = nl ? (size_t)(nl - s) : e;
			sf_buf_putc(&b, '\n');
			if (le > i)
				for (size_t k = 0; k < sp->content_indent; k++)
					sf_buf_putc(&b, ' ');
			sf_buf_add(&b, s + i, le - i);
			i = le + 1;
			if (nl && le + 1 == e) {
				sf_buf_putc(&b, '\n');
				break;
			}
		}
	} else if (sp->style == 0 && plain_safe(s, sp->flow)) {
		sf_buf_puts(&b, s);
	} else {
		double_quoted(&b, s);
	}
	char *r = sf_strndup(a, b.data ? b.data : "", b.len);
	sf_buf_free(&b);
	return r;
}
