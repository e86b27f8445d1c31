/* module.c: one content/ Markdown file: front matter into an sf_module, body parsed once. */
#include <cmark.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "loadint.h"
#include "safar/strmap.h"
#include "safar/utf8.h"
#include "safar/xalloc.h"
#include "safar/nelem.h"

static const char *const module_keys[] = { "id", "stage", "title", "lang", "when",
					   "merge", "order", "minutes", "review_by", "status",
					   "sources", "sms", "checklist", "trainer_notes", "quiz",
					   "reviewed", "translation_of" };
static const char *const module_required[] = { "id", "stage", "title", "lang", "sources",
					       "review_by" };
static const char *const quiz_keys[] = { "q", "options", "answer" };
static const char *const translation_keys[] = { "lang", "hash", "units" };
static const char *const translation_required[] = { "lang" };

/* A line that is exactly `mark` but for trailing spaces and a CR. */
static int is_fence(const char *p, const char *end, const char *mark)
{
	size_t m = strlen(mark);
	if ((size_t)(end - p) < m || memcmp(p, mark, m) != 0)
		return 0;
	for (p += m; p < end && *p != '\n'; p++)
		if (*p != ' ' && *p != '\r' && *p != '\t')
			return 0;
	return 1;
}

/* cmark turns a node's text into a C string the first time it is asked for
 * it, writing to the node. Renderers share these trees across threads, so
 * every such string is made here, once, while only the loader holds them. */
static void warm(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		(void)cmark_node_get_literal(n);
		(void)cmark_node_get_url(n);
		(void)cmark_node_get_title(n);
		(void)cmark_node_get_fence_info(n);
		(void)cmark_node_get_on_enter(n);
		(void)cmark_node_get_on_exit(n);
	}
	cmark_iter_free(it);
}

/* Records every link of the body with its place in the file: cmark counts
 * columns in bytes, diagnostics in characters. */
static void find_links(lctx *c, sf_module *m)
{
	size_t cap = 0;
	cmark_iter *it = cmark_iter_new(m->doc);
	cmark_event_type ev;
	/* Links come in document order: the line and column reached so far are
	 * kept, so a body is scanned once however many links it has (40,000
	 * links on one line were quadratic). */
	const char *end = m->body + m->body_len, *p = m->body;
	int at_line = 1;
	size_t at_byte = 0, at_chars = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		const char *url = cmark_node_get_url(n);
		int line = cmark_node_get_start_line(n), bytecol = cmark_node_get_start_column(n);
		for (; at_line < line && p < end; at_line++, at_byte = at_chars = 0) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			p = nl ? nl + 1 : end;
		}
		size_t nb = bytecol > 1 ? (size_t)(bytecol - 1) : 0;
		if (nb > (size_t)(end - p))
			nb = (size_t)(end - p);
		if (nb < at_byte)
			at_byte = at_chars = 0;
		at_chars += sf_utf8_count(p + at_byte, nb - at_byte);
		at_byte = nb;
		sf_link *k = SF_PUSH(c->f.a, m->links, m->nlinks, cap);
		/* A copy: the tree may not outlive the load (no_trees). */
		k->url = url ? sf_strdup(c->f.a, url) : "";
		k->loc = (sf_loc){ m->path, m->body_line + line - 1, (int)at_chars + 1 };
	}
	cmark_iter_free(it);
}

/* cmark's own allocator aborts on failure; ours ends with exit 3 like
 * every other allocation (docs/decisions.md, "Out of memory"). */
static void *x_calloc(size_t n, size_t size)
{
	return sf_xcalloc(n, size);
}

static void *x_realloc(void *p, size_t n)
{
	return sf_xrealloc(p, n);
}

static cmark_mem mem = { x_calloc, x_realloc, free };

static cmark_node *cmark_parse_document_with_mem(const char *s, size_t n, int opts)
{
	cmark_parser *p = cmark_parser_new_with_mem(opts, &mem);
	cmark_parser_feed(p, s, n);
	cmark_node *doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

/* A body parsed only for its links (check: no_trees) is dropped as soon as
 * they are copied out, so its parse allocates from a bump region reset per
 * body, and cmark's frees do nothing: malloc and free were a tenth of
 * loading. cmark's allocator has no context pointer, hence one region per
 * thread. Each block carries its size, for realloc. */
#define BUMP_ALIGN ((size_t)16)

static _Thread_local struct bump {
	char *base;
	size_t used, cap;
	size_t spilled;   /* bytes asked beyond cap since the last reset */
	void **spill;     /* malloc'd blocks past the region, freed at reset */
	size_t nspill, spillcap;
	char *last;       /* the last block handed out of the region */
} bump;

static void *bump_alloc(size_t n)
{
	if (n > SIZE_MAX / 2)
		sf_oom();
	size_t need = BUMP_ALIGN + (n + BUMP_ALIGN - 1) / BUMP_ALIGN * BUMP_ALIGN;
	char *p;
	if (bump.cap - bump.used >= need) {
		p = bump.base + bump.used;
		bump.used += need;
		bump.last = p + BUMP_ALIGN;
	} else {
		if (bump.nspill == bump.spillcap) {
			bump.spillcap = bump.spillcap ? bump.spillcap * 2 : 64;
			bump.spill = sf_xrealloc(bump.spill, bump.spillcap * sizeof *bump.spill);
		}
		p = sf_xmalloc(need);
		bump.spill[bump.nspill++] = p;
		bump.spilled += need;
	}
	*(size_t *)p = n;
	return p + BUMP_ALIGN;
}

static void *bump_calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / 2 / size)
		sf_oom();
	void *p = bump_alloc(n * size);
	memset(p, 0, n * size);
	return p;
}

static void *bump_realloc(void *old, size_t n)
{
	if (!old)
		return bump_alloc(n);
	size_t had = *(size_t *)((char *)old - BUMP_ALIGN);
	/* The last block of the region grows in place. */
	if (old == bump.last) {
		size_t start = (size_t)((char *)old - bump.base);
		size_t need = (n + BUMP_ALIGN - 1) / BUMP_ALIGN * BUMP_ALIGN;
		if (n <= SIZE_MAX / 2 && bump.cap - start >= need) {
			bump.used = start + need;
			*(size_t *)((char *)old - BUMP_ALIGN) = n;
			return old;
		}
	}
	void *p = bump_alloc(n);
	memcpy(p, old, had < n ? had : n);
	return p;
}

static void bump_free(void *p)
{
	(void)p;
}

/* Forgets every block; a region outgrown grows for the next body. */
static void bump_reset(void)
{
	for (size_t i = 0; i < bump.nspill; i++)
		free(bump.spill[i]);
	bump.nspill = 0;
	if (bump.spilled || !bump.base) {
		size_t cap = bump.cap + bump.spilled;
		if (cap < (size_t)256 * 1024)
			cap = (size_t)256 * 1024;
		free(bump.base);
		bump.base = sf_xmalloc(cap);
		bump.cap = cap;
	}
	bump.used = 0;
	bump.spilled = 0;
	bump.last = NULL;
}

void module_done(void)
{
	bump_reset();
	free(bump.base);
	free(bump.spill);
	memset(&bump, 0, sizeof bump);
}

static cmark_mem bump_mem = { bump_calloc, bump_realloc, bump_free };

/* The links of a body whose tree is not kept: parsed in the bump region,
 * only when the body can hold one at all (a link needs '[', an autolink
 * '<'; CMARK_OPT_DEFAULT has no bare-URL links). */
static void links_only(lctx *c, sf_module *m)
{
	if (!memchr(m->body, '[', m->body_len) && !memchr(m->body, '<', m->body_len))
		return;
	bump_reset();
	cmark_parser *p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &bump_mem);
	cmark_parser_feed(p, m->body, m->body_len);
	m->doc = cmark_parser_finish(p);
	if (m->doc)
		find_links(c, m);
	m->doc = NULL;
	/* Nothing to free: the region is reset before the next body. */
}

static void free_doc(void *p)
{
	cmark_node_free(p);
}

/* answer counts the options from 1, as trainers number them on the notes
 * page and in tracking.xlsx (docs/content-format.md). With no options there
 * is nothing to count, and that is reported on options. */
static void load_answer(lctx *c, const ynode *v, size_t noptions, int *answer)
{
	int a;
	if (!f_int(&c->f, v, "answer", INT_MIN, INT_MAX, &a) || noptions == 0)
		return;
	if (a < 1 || (size_t)a > noptions) {
		sf_emit(c->f.sink, SF_D_BAD_NUMBER, v->loc,
			"'answer' is the number of the right option, counted from 1: a whole number "
			"from 1 to %zu, not '%s'", noptions, v->s);
		return;
	}
	*answer = a;
}

static void load_quiz(lctx *c, const ynode *v, sf_module *m)
{
	if (!v || yn_is_null(v))
		return;
	if (v->kind != YN_SEQ) {
		sf_emit(c->f.sink, SF_D_WRONG_TYPE, v->loc, "'quiz' must be a list of questions");
		return;
	}
	m->quiz = sf_alloc_array(c->f.a, v->n + 1, sizeof *m->quiz);
	for (size_t i = 0; i < v->n; i++) {
		const ynode *q = v->items[i];
		if (!f_keys(&c->f, q, "a quiz question", quiz_keys, SF_NELEM(quiz_keys), quiz_keys, SF_NELEM(quiz_keys), q->loc))
			continue;
		sf_quiz *z = &m->quiz[m->nquiz++];
		z->loc = q->loc;
		z->q = f_str(&c->f, yn_get(q, "q"), "q");
		const ynode *opts = yn_get(q, "options");
		if (opts && opts->kind != YN_SEQ)
			sf_emit(c->f.sink, SF_D_WRONG_TYPE, opts->loc, "'options' must be a list");
		else if (opts && opts->n == 0)
			sf_emit(c->f.sink, SF_D_WRONG_TYPE, opts->loc,
				"'options' must list the options the question offers");
		else
			z->options = f_strv(&c->f, opts, "options");
		z->answer = 0;
		load_answer(c, yn_get(q, "answer"), z->options.n, &z->answer);
	}
}

/* Records each {{name}} of text. Body text starts at `at` and positions are
 * exact; a YAML value (exact = 0) points at its own start. */
typedef struct phvec {
	sf_placeholder *v;
	size_t n, cap;
} phvec;

static void scan_placeholders(lctx *c, sf_module *m, phvec *ph, const char *text,
			      size_t len, sf_loc at, int exact)
{
	int line = at.line, col = at.col;
	/* Lines and columns are counted only up to each "{{" found. */
	size_t counted = 0;
	for (size_t i = 0; i < len; i++) {
		const char *open = memchr(text + i, '{', len - i);
		if (!open)
			break;
		i = (size_t)(open - text);
		if (i + 1 < len && text[i + 1] == '{') {
			/* Whole lines skipped, then the characters of the last. */
			const char *nl;
			while ((nl = memchr(text + counted, '\n', i - counted)) != NULL) {
				line++, col = 1;
				counted = (size_t)(nl - text) + 1;
			}
			col += (int)sf_utf8_count(text + counted, i - counted);
			counted = i;
			size_t j = i + 2;
			while (j < len && text[j] == ' ')
				j++;
			size_t ns = j;
			while (j < len && (text[j] == '_' || text[j] == '-' ||
					   (text[j] >= 'a' && text[j] <= 'z') || (text[j] >= '0' && text[j] <= '9')))
				j++;
			size_t ne = j;
			while (j < len && text[j] == ' ')
				j++;
			if (ne > ns && j + 1 < len && text[j] == '}' && text[j + 1] == '}') {
				/* A few names are used ten thousand times. */
				if (!c->names)
					c->names = sf_strmap_new(c->f.a, 0);
				const char *name = sf_strmap_get(c->names, text + ns, ne - ns);
				if (!name) {
					name = sf_strndup(c->f.a, text + ns, ne - ns);
					sf_strmap_put(c->names, name, ne - ns, (void *)name);
				}
				if (f_fact_name_ok(name)) {
					if (ph->n == ph->cap) {
						ph->cap = ph->cap ? ph->cap * 2 : 16;
						ph->v = sf_xrealloc(ph->v, ph->cap * sizeof *ph->v);
					}
					sf_placeholder *p = &ph->v[ph->n++];
					p->name = name;
					p->loc = exact ? (sf_loc){ m->path, line, col } : at;
				}
			}
		}
	}
}

/* translation_of: {lang, hash, units}: which source version a translation
 * renders (docs/content-format.md, "Translations"). `safar translate stamp`
 * writes hash and units; a hand-written {lang: en} is a translation never
 * stamped. */
static void load_translation_of(lctx *c, const ynode *v, sf_module *m)
{
	if (!v || yn_is_null(v))
		return;
	if (!f_keys(&c->f, v, "translation_of", translation_keys, SF_NELEM(translation_keys),
		    translation_required, SF_NELEM(translation_required), v->loc))
		return;
	sf_translation_of *t = sf_alloc(c->f.a, sizeof *t);
	t->loc = v->loc;
	t->lang = f_str(&c->f, yn_get(v, "lang"), "lang");
	const ynode *h = yn_get(v, "hash");
	if (h && !yn_is_null(h) && (t->hash = f_str(&c->f, h, "hash"))) {
		t->hash_loc = h->loc;
		size_t n = 0;
		while (t->hash[n] && strchr("0123456789abcdef", t->hash[n]))
			n++;
		if (n != 8 || t->hash[n]) {
			sf_emit(c->f.sink, SF_D_BAD_VALUE, h->loc,
				"'hash' is 8 lowercase hex digits, as `safar translate stamp` writes it, not '%s'",
				t->hash);
			t->hash = NULL;
		}
	}
	const ynode *u = yn_get(v, "units");
	if (u && !yn_is_null(u))
		t->units = f_str(&c->f, u, "units");
	if (t->lang)
		m->translation_of = t;
}

static void load_fields(lctx *c, const ynode *root, sf_module *m)
{
	fctx *f = &c->f;
	const ynode *v;
	if ((v = yn_get(root, "id")) && (m->id = f_str(f, v, "id"))) {
		m->id_loc = v->loc;
		f_kebab(f, m->id, v->loc, "module id");
	}
	int stage = f_enum(f, yn_get(root, "stage"), "stage", sf_stage_names, SF_NSTAGE);
	m->stage = stage < 0 ? SF_PDO : stage;
	if ((v = yn_get(root, "title")))
		m->title_loc = v->loc;
	m->title = f_str(f, v, "title");
	if ((v = yn_get(root, "lang")) && (m->lang = f_str(f, v, "lang")))
		m->lang_loc = v->loc;
	m->when = f_when(f, yn_get(root, "when"));
	if ((v = yn_get(root, "merge"))) {
		int merge = f_enum(f, v, "merge", sf_merge_names, 3);
		m->merge = merge < 0 ? SF_REPLACE : merge;
	}
	f_int(f, yn_get(root, "order"), "order", -1000000, 1000000, &m->order);
	f_int(f, yn_get(root, "minutes"), "minutes", 0, 24 * 60, &m->minutes);
	if ((v = yn_get(root, "review_by"))) {
		m->review_by = f_date(f, v, "review_by");
		m->review_by_text = v->s;
		m->review_loc = v->loc;
	}
	/* Unreviewed until someone says otherwise. */
	m->status = SF_STATUS_DRAFT;
	if ((v = yn_get(root, "status"))) {
		int st = f_enum(f, v, "status", sf_status_names, 2);
		m->status = st < 0 ? SF_STATUS_DRAFT : st;
		m->status_loc = v->loc;
	}
	f_reviewed(f, root, m);
	if ((v = yn_get(root, "sources"))) {
		m->sources = f_strv(f, v, "sources");
		if (m->sources.n == 0)
			sf_emit(f->sink, SF_D_MISSING_KEY, v->loc,
				"'sources' must name at least one source");
	}
	if ((v = yn_get(root, "sms")) && !yn_is_null(v)) {
		m->sms = f_str(f, v, "sms");
		m->sms_loc = v->loc;
	}
	m->checklist = f_strv(f, yn_get(root, "checklist"), "checklist");
	m->trainer_notes = f_str_or_null(f, yn_get(root, "trainer_notes"), "trainer_notes");
	load_quiz(c, yn_get(root, "quiz"), m);
	load_translation_of(c, yn_get(root, "translation_of"), m);
}

int module_load(lctx *c, const srcfile *f, sf_module *m)
{
	memset(m, 0, sizeof *m);
	m->path = f->path;
	m->loc = (sf_loc){ f->path, 1, 1 };
	const char *p = f->text, *end = f->text + f->len;
	if (!is_fence(p, end, "---")) {
		sf_emit(c->f.sink, SF_D_FRONT_MATTER, m->loc,
			"a module must start with a '---' line opening its front matter");
		return -1;
	}
	/* Find the closing fence: a line '---' or '...'. */
	const char *yaml = memchr(p, '\n', (size_t)(end - p));
	yaml = yaml ? yaml + 1 : end;
	const char *q = yaml, *close = NULL;
	int line = 2;
	while (q < end) {
		if (is_fence(q, end, "---") || is_fence(q, end, "...")) {
			close = q;
			break;
		}
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		if (!nl)
			break;
		q = nl + 1;
		line++;
	}
	if (!close) {
		sf_emit(c->f.sink, SF_D_FRONT_MATTER_OPEN, m->loc,
			"the front matter opened here is never closed by a '---' line");
		return -1;
	}
	const char *body = memchr(close, '\n', (size_t)(end - close));
	body = body ? body + 1 : end;
	m->body = body;
	m->body_len = (size_t)(end - body);
	m->body_line = line + 1;

	int failed;
	/* The front matter's tree is read into the module and dropped: ten
	 * thousand of them were a fifth of a large root's memory. The arena is
	 * reset, not freed, so the next module's tree reuses its memory. */
	if (!c->nodes)
		c->nodes = sf_arena_new();
	else
		sf_arena_reset(c->nodes);
	sf_arena *nodes = c->nodes;
	ynode *root = yn_parse_nodes(c->f.a, nodes, c->f.sink, f->path, yaml, (size_t)(close - yaml),
				     2, &failed);
	if (!root) {
		if (!failed)
			sf_emit(c->f.sink, SF_D_MISSING_KEY, m->loc, "the front matter is empty");
		return -1;
	}
	if (!f_keys(&c->f, root, "module front matter", module_keys, SF_NELEM(module_keys), module_required, SF_NELEM(module_required),
		    root->loc)) {
		return -1;
	}
	m->loc = root->loc;
	load_fields(c, root, m);

	size_t i = 0;
	while (i < m->body_len && strchr(" \t\r\n", m->body[i]))
		i++;
	if (i == m->body_len)
		sf_emit(c->f.sink, SF_D_EMPTY_BODY, (sf_loc){ f->path, line, 1 },
			"module has no text after its front matter");
	/* Gathered aside and copied at their size: growing in the arena
	 * left every smaller copy behind. */
	phvec ph = { 0 };
	scan_placeholders(c, m, &ph, m->body, m->body_len, (sf_loc){ f->path, m->body_line, 1 }, 1);
	if (m->sms)
		scan_placeholders(c, m, &ph, m->sms, strlen(m->sms), m->sms_loc, 0);
	for (size_t k = 0; k < m->checklist.n; k++)
		scan_placeholders(c, m, &ph, m->checklist.v[k], strlen(m->checklist.v[k]),
				  m->checklist.loc[k], 0);
	if (ph.n) {
		m->placeholders = sf_alloc_array(c->f.a, ph.n, sizeof *m->placeholders);
		memcpy(m->placeholders, ph.v, ph.n * sizeof *ph.v);
		m->nplaceholders = ph.n;
	}
	free(ph.v);
	if (c->no_trees) {
		links_only(c, m);
		return 0;
	}
	/* Parsed once here; renderers walk this tree and never the text. */
	m->doc = sf_body_tree(m);
	if (m->doc) {
		find_links(c, m);
		sf_arena_on_free(c->f.a, free_doc, m->doc);
	}
	return 0;
}

struct cmark_node *sf_body_tree(const sf_module *m)
{
	if (!m->body)
		return NULL;
	cmark_node *doc = cmark_parse_document_with_mem(m->body, m->body_len, CMARK_OPT_DEFAULT);
	if (doc) {
		cmark_consolidate_text_nodes(doc);
		warm(doc);
	}
	return doc;
}
