/* diag.c: the diagnostic sink: collect, sort, print (escaped for a terminal) with a quoted caret. */
#include "safar/diag.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "safar/buf.h"
#include "safar/utf8.h"
#include "safar/xalloc.h"
#include "safar/nelem.h"

static const struct {
	const char *name, *what;
	sf_severity sev;
} catalogue[SF_D_COUNT] = {
#define SF_X(n, s, code, w) [SF_D_##n] = { code, w, s },
	SF_DIAG_CATALOGUE(SF_X)
#undef SF_X
};

struct source {
	const char *path, *text;
	size_t len;
};

struct sf_sink {
	pthread_mutex_t lock;
	int strict;
	sf_diag *v;
	size_t n, cap;
	struct source *src;
	size_t nsrc, capsrc;
	/* The strings of diagnostics' places and keys, each held once: a large
	 * root's hundreds of thousands of findings name a few thousand files
	 * and editions. */
	char **str;
	size_t nstr, capstr;
	/* The messages, packed in large blocks rather than one allocation
	 * each; freed with the sink. */
	char **blocks;
	size_t nblocks, capblocks;
	char *free_at;
	size_t room;
};

#define MSG_BLOCK ((size_t)256 * 1024)

const char *sf_dcode_name(sf_dcode c) { return catalogue[c].name; }
const char *sf_dcode_what(sf_dcode c) { return catalogue[c].what; }
sf_severity sf_dcode_severity(sf_dcode c) { return catalogue[c].sev; }

const char *sf_severity_name(sf_severity s)
{
	return s == SF_WARNING ? "warning" : "error";
}

static void *xrealloc(void *p, size_t n)
{
	return sf_xrealloc(p, n);
}

sf_sink *sf_sink_new(void)
{
	sf_sink *s = xrealloc(NULL, sizeof *s);
	memset(s, 0, sizeof *s);
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

void sf_sink_free(sf_sink *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nblocks; i++)
		free(s->blocks[i]);
	free(s->blocks);
	for (size_t i = 0; i < s->capstr; i++)
		free(s->str[i]);
	free(s->str);
	for (size_t i = 0; i < s->nsrc; i++)
		free((char *)s->src[i].path);
	free(s->v);
	free(s->src);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

static char *xstrdup(const char *p)
{
	if (!p)
		return NULL;
	size_t n = strlen(p) + 1;
	return memcpy(xrealloc(NULL, n), p, n);
}

static size_t str_slot(const char *p, size_t cap)
{
	uint64_t h = 14695981039346656037ULL; /* FNV-1a */
	for (const unsigned char *q = (const unsigned char *)p; *q; q++)
		h = (h ^ *q) * 1099511628211ULL;
	return (size_t)(h ^ (h >> 32)) & (cap - 1);
}

/* The sink's one copy of p (NULL for NULL); the caller holds the lock. */
static char *intern(sf_sink *s, const char *p)
{
	if (!p)
		return NULL;
	if (s->nstr * 2 >= s->capstr) {
		size_t nc = s->capstr ? s->capstr * 2 : 256;
		char **t = xrealloc(NULL, nc * sizeof *t);
		memset(t, 0, nc * sizeof *t);
		for (size_t i = 0; i < s->capstr; i++) {
			if (!s->str[i])
				continue;
			size_t j = str_slot(s->str[i], nc);
			while (t[j])
				j = (j + 1) & (nc - 1);
			t[j] = s->str[i];
		}
		free(s->str);
		s->str = t;
		s->capstr = nc;
	}
	size_t j = str_slot(p, s->capstr);
	for (; s->str[j]; j = (j + 1) & (s->capstr - 1))
		if (strcmp(s->str[j], p) == 0)
			return s->str[j];
	s->nstr++;
	return s->str[j] = xstrdup(p);
}

/* A copy of msg[0..n] (with its NUL) among the sink's messages; the caller
 * holds the lock. */
static char *keep_msg(sf_sink *s, const char *msg, size_t n)
{
	if (n + 1 > s->room) {
		size_t size = n + 1 > MSG_BLOCK / 4 ? n + 1 : MSG_BLOCK;
		char *b = xrealloc(NULL, size);
		if (s->nblocks == s->capblocks) {
			s->capblocks = s->capblocks ? s->capblocks * 2 : 16;
			s->blocks = xrealloc(s->blocks, s->capblocks * sizeof *s->blocks);
		}
		s->blocks[s->nblocks++] = b;
		if (size != MSG_BLOCK)
			return memcpy(b, msg, n + 1); /* a big one: its own block */
		s->free_at = b;
		s->room = size;
	}
	char *out = memcpy(s->free_at, msg, n + 1);
	s->free_at += n + 1;
	s->room -= n + 1;
	return out;
}

/* "kg-ru ky all-sector women PDO": the fields that are set, in that order. */
static void key_name(const sf_diag_key *k, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	const char *part[] = { k->corridor, k->lang,
			       k->sector && strcmp(k->sector, "all") == 0 ? "all-sector" : k->sector,
			       k->audience, k->stage };
	for (size_t i = 0; i < SF_NELEM(part) && part[i]; i++)
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s",
				      n ? " " : "", part[i]);
}

static void emit(sf_sink *s, const sf_diag_key *key, sf_dcode code, sf_loc loc, const char *fmt,
		 va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	char small[1024];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	size_t len = n > 0 ? (size_t)n : 0;
	char *big = NULL;
	if (len >= sizeof small) {
		big = xrealloc(NULL, len + 1);
		vsnprintf(big, len + 1, fmt, aq);
	} else if (n < 0) {
		small[0] = '\0';
	}
	va_end(aq);

	pthread_mutex_lock(&s->lock);
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	sf_diag *d = &s->v[s->n];
	d->code = code;
	d->sev = catalogue[code].sev;
	if (s->strict && (code == SF_D_FALLBACK || code == SF_D_DRAFT || code == SF_D_STALE_TRANSLATION))
		d->sev = SF_ERROR;
	d->loc = loc;
	d->loc.path = intern(s, loc.path); /* the sink may outlive the model */
	d->msg = keep_msg(s, big ? big : small, len);
	free(big);
	d->keyed = key != NULL;
	d->key = (sf_diag_key){ 0 };
	d->group = NULL;
	if (key) {
		d->key = (sf_diag_key){ intern(s, key->corridor), intern(s, key->lang),
					intern(s, key->sector), intern(s, key->audience),
					intern(s, key->stage) };
		char name[512];
		key_name(key, name, sizeof name);
		d->group = intern(s, name);
	}
	d->seq = s->n++;
	pthread_mutex_unlock(&s->lock);
}

void sf_emit(sf_sink *s, sf_dcode code, sf_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(s, NULL, code, loc, fmt, ap);
	va_end(ap);
}

void sf_emit_group(sf_sink *s, const sf_diag_key *key, sf_dcode code, sf_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(s, key, code, loc, fmt, ap);
	va_end(ap);
}

void sf_sink_set_strict(sf_sink *s, int strict)
{
	s->strict = strict;
}

void sf_sink_source(sf_sink *s, const char *path, const char *text, size_t len)
{
	pthread_mutex_lock(&s->lock);
	if (s->nsrc == s->capsrc) {
		s->capsrc = s->capsrc ? s->capsrc * 2 : 32;
		s->src = xrealloc(s->src, s->capsrc * sizeof *s->src);
	}
	s->src[s->nsrc++] = (struct source){ xstrdup(path), text, len };
	pthread_mutex_unlock(&s->lock);
}

size_t sf_sink_nsources(sf_sink *s)
{
	pthread_mutex_lock(&s->lock);
	size_t n = s->nsrc;
	pthread_mutex_unlock(&s->lock);
	return n;
}

void sf_sink_source_at(sf_sink *s, size_t i, const char **path, const char **text, size_t *len)
{
	pthread_mutex_lock(&s->lock);
	*path = s->src[i].path;
	*text = s->src[i].text;
	*len = s->src[i].len;
	pthread_mutex_unlock(&s->lock);
}

static int cmp_diag(const void *a, const void *b)
{
	const sf_diag *x = a, *y = b;
	const char *px = x->loc.path ? x->loc.path : "";
	const char *py = y->loc.path ? y->loc.path : "";
	int c = strcmp(px, py);
	if (c)
		return c;
	if (x->loc.line != y->loc.line)
		return x->loc.line < y->loc.line ? -1 : 1;
	if (x->loc.col != y->loc.col)
		return x->loc.col < y->loc.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void sf_sink_sort(sf_sink *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, cmp_diag);
}

size_t sf_sink_count(const sf_sink *s) { return s->n; }
const sf_diag *sf_sink_get(const sf_sink *s, size_t i) { return &s->v[i]; }

size_t sf_sink_drop(sf_sink *s, sf_dcode code)
{
	size_t k = 0, dropped = 0;
	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].code == code) {
			/* its message and strings stay with the sink's others */
			dropped++;
			continue;
		}
		s->v[k++] = s->v[i];
	}
	s->n = k;
	pthread_mutex_unlock(&s->lock);
	return dropped;
}

size_t sf_sink_count_sev(const sf_sink *s, sf_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		n += s->v[i].sev == sev;
	return n;
}

int sf_sink_worst(const sf_sink *s)
{
	int w = 0;
	for (size_t i = 0; i < s->n; i++)
		if ((int)s->v[i].sev > w)
			w = (int)s->v[i].sev;
	return w;
}

/* Finds line `line` (1-based) of the registered text for path. */
static int find_line(const sf_sink *s, const char *path, int line,
		     const char **start, size_t *len)
{
	for (size_t i = 0; i < s->nsrc; i++) {
		if (strcmp(s->src[i].path, path) != 0)
			continue;
		const char *p = s->src[i].text, *end = p + s->src[i].len;
		for (int l = 1; l < line && p < end; l++) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			if (!nl)
				return 0;
			p = nl + 1;
		}
		if (p >= end)
			return 0;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n && p[n - 1] == '\r')
			n--;
		*start = p;
		*len = n;
		return 1;
	}
	return 0;
}

/* The source line, escaped as the message is (a module's bytes never reach
 * the terminal raw), and a caret under column col: one space per column of
 * what is shown before it, tabs kept so the caret lines up. */
static void print_quote(const sf_sink *s, const sf_diag *d, FILE *out, int color)
{
	const char *line;
	size_t len;
	if (!d->loc.path || d->loc.line <= 0 ||
	    !find_line(s, d->loc.path, d->loc.line, &line, &len))
		return;
	size_t i = 0;
	for (int c = 1; c < d->loc.col && i < len; c++) {
		uint32_t cp;
		int w = sf_utf8_decode(line + i, len - i, &cp);
		i += w > 0 ? (size_t)w : 1;
	}
	sf_buf shown = { 0 }, before = { 0 };
	sf_buf_term(&shown, line, len);
	sf_buf_term(&before, line, i);
	fprintf(out, " %5d | %s\n       | ", d->loc.line, shown.data ? shown.data : "");
	for (size_t k = 0; k < before.len; k++)
		if (((unsigned char)before.data[k] & 0xC0) != 0x80) /* one per code point */
			fputc(before.data[k] == '\t' ? '\t' : ' ', out);
	fprintf(out, "%s^%s\n", color ? "\033[1;32m" : "", color ? "\033[0m" : "");
	sf_buf_free(&shown);
	sf_buf_free(&before);
}

void sf_diag_print(const sf_sink *s, const sf_diag *d, FILE *out, sf_print_opts o)
{
	const char *sev = sf_severity_name(d->sev);
	const char *on = "", *off = "", *bold = "";
	if (o.color) {
		on = d->sev == SF_WARNING ? "\033[1;35m" : "\033[1;31m";
		off = "\033[0m";
		bold = "\033[1m";
	}
	/* A file name or a message may quote content: escaped, so no control
	 * character reaches the terminal and a diagnostic stays one line. */
	sf_buf b = { 0 };
	/* A problem with a whole file (unreadable, misnamed) points at 1:1,
	 * so every line parses as file:line:col. */
	if (d->loc.path) {
		sf_buf_puts(&b, bold);
		sf_buf_term(&b, d->loc.path, strlen(d->loc.path));
		sf_buf_printf(&b, ":%d:%d:%s ", d->loc.line > 0 ? d->loc.line : 1,
			      d->loc.col > 0 ? d->loc.col : 1, off);
	} else {
		sf_buf_puts(&b, "safar: ");
	}
	sf_buf_printf(&b, "%s%s:%s ", on, sev, off);
	sf_buf_term(&b, d->msg, strlen(d->msg));
	sf_buf_printf(&b, " [%s]\n", catalogue[d->code].name);
	fwrite(b.data, 1, b.len, out);
	sf_buf_free(&b);
	if (o.quote)
		print_quote(s, d, out, o.color);
}
