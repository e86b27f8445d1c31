/* pdf_engine.c: the print engine: Pango lays text out into pages, the PDF
 * writer (pdf_write.c) draws them (docs/outputs.md, "PDF"). Layout first, drawing
 * after: every page is known before the first is drawn, so the contents
 * print the pages their headings landed on and a booklet can be imposed. */
#include <cairo.h>
#include <cmark.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <hyphen.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "pdf.h"
#include "pdf_write.h"
#include "safar/date.h"
#include "safar/hash.h"
#include "safar/nelem.h"
#include "safar/strmap.h"
#include "safar/xalloc.h"

#define PS ((double)PANGO_SCALE)

/* --- fonts ----------------------------------------------------------------
 * One family, DejaVu (fonts-dejavu-core; docs/decisions.md, "PDF fonts"):
 * its files are found once through fontconfig by family name, and each
 * state's font map sees only them, so what another font package on the
 * machine provides never changes a page. */
#define PD_FAMILY "DejaVu Sans"
#define PD_MONO_FAMILY "DejaVu Sans Mono"

static pthread_once_t fonts_once = PTHREAD_ONCE_INIT;
static char **font_files;
static size_t nfont_files;

static void find_family(const char *family)
{
	FcPattern *pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)family, (char *)0);
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, FC_FAMILY, (char *)0);
	FcFontSet *fs = FcFontList(NULL, pat, os);
	for (int i = 0; fs && i < fs->nfont; i++) {
		FcChar8 *file, *fam;
		/* The family as a font's first name: not "DejaVu Sans Condensed". */
		if (FcPatternGetString(fs->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
		    FcPatternGetString(fs->fonts[i], FC_FAMILY, 0, &fam) != FcResultMatch ||
		    strcmp((const char *)fam, family) != 0)
			continue;
		const char *base = strrchr((const char *)file, '/');
		base = base ? base + 1 : (const char *)file;
		if (strstr(base, "Condensed") || strstr(base, "Light"))
			continue;
		font_files = sf_xrealloc(font_files, (nfont_files + 1) * sizeof *font_files);
		font_files[nfont_files++] = sf_xstrdup((const char *)file);
	}
	/* The order fontconfig lists files in is the machine's; sorted, a
	 * font map is the same everywhere. */
	if (fs)
		FcFontSetDestroy(fs);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* At exit, when every build thread is done: Cairo's and fontconfig's
 * caches, so that a leak checker sees only real leaks. */
static void release_caches(void)
{
	pw_shutdown();
	cairo_debug_reset_static_data();
	FcFini();
}

static void find_fonts(void)
{
	atexit(release_caches);
	find_family(PD_FAMILY);
	find_family(PD_MONO_FAMILY);
	if (nfont_files)
		qsort(font_files, nfont_files, sizeof *font_files, cmp_str);
}

/* --- hyphenation ------------------------------------------------------------
 * libhyphen with Debian's dictionaries (hyphen-en-us, hyphen-ru …), found by
 * language; a language without one is not hyphenated. */
#ifndef SAFAR_HYPHEN_DIR
#define SAFAR_HYPHEN_DIR "/usr/share/hyphen"
#endif
static const char *const hyph_files[][2] = {
	{ "en", "hyph_en_US.dic" }, { "ru", "hyph_ru_RU.dic" },
};

typedef struct hyph {
	const char *lang;
	HyphenDict *dict; /* NULL: none on this machine */
} hyph;

/* Laid-out text is kept per state (per thread) and reused: the editions of
 * a corridor and language print most paragraphs alike, and shaping is most
 * of a layout's cost (docs/performance.md, "PDF"). Keyed by everything a
 * layout depends on (font size and weight, line spacing, width, alignment,
 * the attributes as they were set, the text), so a reused layout is the one
 * that would have been made. Two generations: when the current one holds
 * LAYOUT_GEN_BYTES of text, the previous is dropped and it becomes the
 * previous; a layout found in the previous moves to the current. */
enum { LAYOUT_GEN_BYTES = 2 << 20, HYPH_WORDS = 1 << 16, HYPH_RUN_BYTES = 4 << 20 };

typedef struct lay_gen {
	GHashTable *map; /* GBytes key -> PangoLayout */
	size_t bytes;
} lay_gen;

struct pdf_state {
	FcConfig *fc;
	PangoFontMap *fm;
	PangoContext *ctx;
	hyph hy[SF_NELEM(hyph_files)];
	int hy_loaded;
	lay_gen cur, old;
	sf_buf key;
	GHashTable *words; /* "dict:word" -> the word with soft hyphens */
	GHashTable *runs;  /* "dict:text" -> the text with soft hyphens */
	size_t runs_bytes;
	sf_buf run_key;
	GHashTable *qrs;   /* text -> its qr_code (width 0: cannot be encoded) */
	pw_ctx *pw;        /* the PDF writer's faces and deflate stream */
};

/* A layout key's hash, eight bytes at a time (sf_hash): every paragraph of
 * every PDF is looked up by its whole text, and g_bytes_hash takes a byte
 * at a time. */
static guint key_hash(gconstpointer p)
{
	gsize n;
	const void *s = g_bytes_get_data((GBytes *)p, &n);
	return (guint)sf_hash(0, s, n);
}

static GHashTable *lay_map(void)
{
	return g_hash_table_new_full(key_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref,
				     g_object_unref);
}

static void free_qr(void *p)
{
	qr_code *q = p;
	free(q->m);
	free(q);
}

/* The QR code of text, encoded once per state: a contact's code is on its
 * edition's help card, handbook and handouts, and on other editions'. 0 or
 * -1 as qr_encode; the modules belong to the state. */
static int state_qr(pdf_state *st, sf_arena *a, const char *text, qr_code *out)
{
	qr_code *q = g_hash_table_lookup(st->qrs, text);
	if (!q) {
		qr_code tmp = { 0 };
		q = sf_xcalloc(1, sizeof *q);
		if (qr_encode(a, text, &tmp) == 0) {
			size_t n = (size_t)tmp.width * (size_t)tmp.width;
			q->width = tmp.width;
			q->m = sf_xmalloc(n);
			memcpy(q->m, tmp.m, n);
		}
		if (g_hash_table_size(st->qrs) >= 4096)
			g_hash_table_remove_all(st->qrs);
		g_hash_table_insert(st->qrs, g_strdup(text), q);
	}
	*out = *q;
	return q->width ? 0 : -1;
}

pdf_state *pdf_state_new(void)
{
	pthread_once(&fonts_once, find_fonts);
	pdf_state *st = sf_xcalloc(1, sizeof *st);
	st->fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (nfont_files && st->fm) {
		st->fc = FcConfigCreate();
		for (size_t i = 0; i < nfont_files; i++)
			FcConfigAppFontAddFile(st->fc, (const FcChar8 *)font_files[i]);
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(st->fm), st->fc);
	}
	if (!st->fm)
		st->fm = pango_cairo_font_map_new();
	st->ctx = pango_font_map_create_context(st->fm);
	/* Print metrics: unhinted, unrounded, the same on every machine. */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(st->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(st->ctx, FALSE);
	st->cur.map = lay_map();
	st->old.map = lay_map();
	st->words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	st->runs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	st->qrs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_qr);
	st->pw = pw_ctx_new();
	return st;
}

void pdf_state_free(pdf_state *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < SF_NELEM(st->hy); i++)
		if (st->hy[i].dict)
			hnj_hyphen_free(st->hy[i].dict);
	g_hash_table_destroy(st->cur.map);
	g_hash_table_destroy(st->old.map);
	g_hash_table_destroy(st->words);
	g_hash_table_destroy(st->runs);
	sf_buf_free(&st->run_key);
	g_hash_table_destroy(st->qrs);
	pw_ctx_free(st->pw);
	sf_buf_free(&st->key);
	g_object_unref(st->ctx);
	if (st->fc)
		pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(st->fm));
	g_object_unref(st->fm);
	if (st->fc)
		FcConfigDestroy(st->fc);
	free(st);
}

static HyphenDict *hyph_dict(pdf_state *st, const char *lang)
{
	if (!lang)
		return NULL;
	if (!st->hy_loaded) {
		for (size_t i = 0; i < SF_NELEM(hyph_files); i++) {
			char path[512];
			snprintf(path, sizeof path, "%s/%s", SAFAR_HYPHEN_DIR, hyph_files[i][1]);
			st->hy[i].lang = hyph_files[i][0];
			st->hy[i].dict = hnj_hyphen_load(path);
		}
		st->hy_loaded = 1;
	}
	for (size_t i = 0; i < SF_NELEM(st->hy); i++)
		if (strcmp(st->hy[i].lang, lang) == 0)
			return st->hy[i].dict;
	return NULL;
}

/* A word (letters only) with U+00AD where the dictionary allows a break;
 * Pango breaks there and prints the hyphen. Words under 6 letters are kept. */
static void hyphenate_word_now(sf_buf *out, HyphenDict *dict, const char *w, size_t n)
{
	glong nchars = g_utf8_strlen(w, (gssize)n);
	gchar *low = nchars >= 6 ? g_utf8_strdown(w, (gssize)n) : NULL;
	gchar *enc = NULL;
	gsize enclen = 0;
	int utf8 = strcasecmp(dict->cset, "UTF-8") == 0;
	if (low)
		enc = utf8 ? g_strdup(low) : g_convert(low, -1, dict->cset, "UTF-8", NULL, &enclen, NULL);
	if (enc && utf8)
		enclen = strlen(enc);
	/* An 8-bit dictionary has a byte per letter; a UTF-8 one a byte per byte. */
	if (!enc || (!utf8 && (glong)enclen != nchars)) {
		sf_buf_add(out, w, n);
		g_free(low);
		g_free(enc);
		return;
	}
	char *hy = sf_xcalloc(enclen + 5, 1);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	if (hnj_hyphen_hyphenate3(dict, enc, (int)enclen, hy, NULL, &rep, &pos, &cut, 2, 3, 2, 3) != 0 || rep) {
		sf_buf_add(out, w, n); /* non-standard hyphenation: left alone */
	} else {
		/* Byte k of enc is letter k (8-bit) or a byte of a letter (UTF-8):
		 * walk the original letters alongside. */
		const char *p = w, *end = w + n;
		size_t k = 0;
		while (p < end) {
			const char *next = g_utf8_next_char(p);
			size_t clen = (size_t)(next - p);
			sf_buf_add(out, p, clen);
			k += utf8 ? clen : 1;
			if (next < end && k > 0 && k <= enclen && (hy[k - 1] & 1))
				sf_buf_puts(out, "\xC2\xAD");
			p = next;
		}
	}
	if (rep) {
		for (size_t i = 0; i < enclen; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	free(hy);
	g_free(low);
	g_free(enc);
}

/* The same through the state's memory of words met before (per
 * dictionary), which a corridor's editions repeat. */
static void hyphenate_word(sf_buf *out, pdf_state *st, HyphenDict *dict, const char *w, size_t n)
{
	if (g_utf8_strlen(w, (gssize)n) < 6) {
		sf_buf_add(out, w, n);
		return;
	}
	char *key = g_strdup_printf("%p:%.*s", (void *)dict, (int)n, w);
	const char *done = g_hash_table_lookup(st->words, key);
	if (done) {
		sf_buf_puts(out, done);
		g_free(key);
		return;
	}
	size_t at = out->len;
	hyphenate_word_now(out, dict, w, n);
	if (g_hash_table_size(st->words) >= HYPH_WORDS)
		g_hash_table_remove_all(st->words);
	g_hash_table_insert(st->words, key, g_strndup(out->data + at, out->len - at));
}

/* Text with soft hyphens in its long words (letters only: no URL, number or
 * code is broken). */
static void hyphenate(sf_buf *out, pdf_state *st, HyphenDict *dict, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		const char *p = s + i;
		gunichar c = g_utf8_get_char_validated(p, (gssize)(n - i));
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			sf_buf_add(out, p, n - i);
			return;
		}
		size_t j = i;
		while (j < n) {
			gunichar d = g_utf8_get_char_validated(s + j, (gssize)(n - j));
			if (d == (gunichar)-1 || d == (gunichar)-2 || !g_unichar_isalpha(d))
				break;
			j = (size_t)(g_utf8_next_char(s + j) - s);
		}
		if (j > i) {
			/* a letter run touching '/', '.', '@', '_' or a digit is part of
			 * an address or a code: kept whole */
			char before = i > 0 ? s[i - 1] : ' ', after = j < n ? s[j] : ' ';
			if (strchr("/@_:", before) || strchr("/@_", after) || (after == '.' && j + 1 < n && s[j + 1] != ' ') ||
			    (before >= '0' && before <= '9') || (after >= '0' && after <= '9'))
				sf_buf_add(out, p, j - i);
			else
				hyphenate_word(out, st, dict, p, j - i);
			i = j;
		} else {
			const char *next = g_utf8_next_char(p);
			sf_buf_add(out, p, (size_t)(next - p));
			i = (size_t)(next - s);
		}
	}
}

/* The same for a run of text as pd_put is given it (a paragraph's text
 * between its links and emphases), remembered whole: the editions of a
 * corridor and language give the same runs again. */
static void hyphenate_run(sf_buf *out, pdf_state *st, HyphenDict *dict, const char *s, size_t n)
{
	if (memchr(s, '\0', n)) { /* not a key */
		hyphenate(out, st, dict, s, n);
		return;
	}
	sf_buf *k = &st->run_key;
	sf_buf_reset(k);
	sf_buf_printf(k, "%p:", (void *)dict);
	sf_buf_add(k, s, n);
	sf_buf_putc(k, '\0');
	const char *done = g_hash_table_lookup(st->runs, k->data);
	if (done) {
		sf_buf_puts(out, done);
		return;
	}
	size_t at = out->len;
	hyphenate(out, st, dict, s, n);
	if (st->runs_bytes > HYPH_RUN_BYTES) {
		g_hash_table_remove_all(st->runs);
		st->runs_bytes = 0;
	}
	g_hash_table_insert(st->runs, g_strdup(k->data), g_strndup(out->data + at, out->len - at));
	st->runs_bytes += 2 * n;
}

/* --- pages --------------------------------------------------------------- */
pd_size pd_paper(int paper, int def)
{
	switch (paper == SF_PAPER_DEFAULT ? def : paper) {
	case SF_PAPER_A4: return (pd_size){ 595.276, 841.890 };
	case SF_PAPER_A6: return (pd_size){ 297.638, 419.528 };
	case SF_PAPER_LETTER: return (pd_size){ 612, 792 };
	default: return (pd_size){ 419.528, 595.276 };
	}
}

typedef struct pd_link {
	int start, end; /* bytes of the layout's text */
	const char *uri; /* "#anchor" within the document */
} pd_link;

struct pd_text {
	pd_doc *d;
	sf_buf s;
	sf_buf sig; /* the attributes as set (layout_of) */
	PangoAttrList *attrs;
	HyphenDict *hy;
	pd_link *links;
	size_t nlinks, cap;
	int in_link;
	const char *lang;
};

enum { IT_LINES, IT_LAYOUT, IT_RULE, IT_BOX, IT_QR, IT_PAGEREF, IT_LINKREF };

typedef struct pd_item {
	int kind, page;
	double x, y; /* top left, points */
	PangoLayout *lay;
	int l0, l1;  /* IT_LINES: lines [l0, l1) */
	double ytop; /* IT_LINES: layout y of line l0 */
	const pd_link *links;
	size_t nlinks;
	double w, h;
	qr_code qr;
	const char *anchor; /* IT_PAGEREF, IT_LINKREF */
	int style;
} pd_item;

typedef struct pd_pg {
	const char *header;
	int number;
} pd_pg;

typedef struct pd_anch {
	const char *name, *title;
	int level, page;
	double y;
} pd_anch;

struct pd_doc {
	pdf_state *st;
	const sf_output *o;
	const char *title;
	pd_size size;
	double margin, top, bottom, x0, width;
	double y;
	int at_top;
	PangoFontDescription *font[PD_NSTYLES];
	double lh[PD_NSTYLES]; /* line height of each style, points */
	const char *header;
	int number;
	pd_item *items;
	size_t nitems, citems;
	pd_pg *pages;
	size_t npages, cpages;
	pd_anch *anchors;
	size_t nanchors, canchors, pending; /* anchors from pending on wait for a position */
	PangoLayout **lays;
	size_t nlays, clays;
	int back; /* first page of the back matter, or -1 */
	sf_strmap *anchor_map; /* name -> its first anchor, once all are placed */
};

static void key_int(sf_buf *k, int v)
{
	sf_buf_add(k, (const char *)&v, sizeof v);
}

/* The layout of text (len bytes) in style at width points (<= 0: one line
 * per paragraph), centred or not, with attrs (consumed) whose insertions
 * sig records: the state's when the same was laid out before, else a new
 * one, kept. The document holds a reference until pd_discard. */
static PangoLayout *layout_of(pd_doc *d, int style, double width, int center, const char *text,
			      size_t len, PangoAttrList *attrs, const sf_buf *sig, int bare)
{
	pdf_state *st = d->st;
	sf_buf *k = &st->key;
	sf_buf_reset(k);
	key_int(k, style);
	key_int(k, pango_font_description_get_size(d->font[style]));
	key_int(k, width > 0 ? (int)(width * PS) : -1);
	key_int(k, center);
	key_int(k, bare);
	key_int(k, sig ? (int)sig->len : 0);
	if (sig && sig->len)
		sf_buf_add(k, sig->data, sig->len);
	sf_buf_add(k, text, len);
	GBytes *probe = g_bytes_new_static(k->data, k->len);
	PangoLayout *l = g_hash_table_lookup(st->cur.map, probe);
	if (!l && (l = g_hash_table_lookup(st->old.map, probe)) != NULL) {
		g_hash_table_insert(st->cur.map, g_bytes_new(k->data, k->len), g_object_ref(l));
		st->cur.bytes += k->len;
	}
	g_bytes_unref(probe);
	if (!l) {
		l = pango_layout_new(st->ctx);
		pango_layout_set_font_description(l, d->font[style]);
		if (width > 0)
			pango_layout_set_width(l, (int)(width * PS));
		if (!bare) {
			pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
			pango_layout_set_line_spacing(l, style == PD_TITLE || style == PD_BIG ? 1.1f : 1.3f);
		}
		pango_layout_set_text(l, text, (int)len);
		if (attrs)
			pango_layout_set_attributes(l, attrs);
		if (center)
			pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		g_hash_table_insert(st->cur.map, g_bytes_new(k->data, k->len), l);
		st->cur.bytes += k->len;
	}
	if (st->cur.bytes > LAYOUT_GEN_BYTES) {
		g_hash_table_destroy(st->old.map);
		st->old = st->cur;
		st->cur = (lay_gen){ lay_map(), 0 };
	}
	if (attrs)
		pango_attr_list_unref(attrs);
	*SF_PUSH(d->o->a, d->lays, d->nlays, d->clays) = g_object_ref(l);
	return l;
}

/* A line of plain text; bare: without the flow's line spacing (running
 * headers, page numbers). */
static PangoLayout *plain_layout(pd_doc *d, int style, const char *s, int bare)
{
	return layout_of(d, style, 0, 0, s, strlen(s), NULL, NULL, bare);
}

pd_doc *pd_begin(pdf_state *st, const sf_output *o, pd_size page, const char *title)
{
	return pd_begin_scaled(st, o, page, title, 1);
}

pd_doc *pd_begin_scaled(pdf_state *st, const sf_output *o, pd_size page, const char *title,
			double scale)
{
	pd_doc *d = sf_alloc(o->a, sizeof *d);
	memset(d, 0, sizeof *d);
	d->st = st;
	d->o = o;
	d->title = title;
	d->size = page;
	d->back = -1;
	/* Type and margins grow with the page: 8 pt on A6, 9.5 on A5, 11 on A4. */
	double base = (page.w < 350 ? 8 : page.w < 500 ? 9.5 : 11) * scale;
	d->margin = page.w < 350 ? 20 : page.w < 500 ? 36 : 50;
	d->top = d->margin + base * 1.6;
	d->bottom = page.h - d->margin - base * 1.2;
	d->x0 = d->margin;
	d->width = page.w - 2 * d->margin;
	static const struct {
		double scale;
		int bold, mono;
	} styles[PD_NSTYLES] = { [PD_BODY] = { 1, 0, 0 },    [PD_SMALL] = { 0.82, 0, 0 },
				 [PD_H1] = { 1.6, 1, 0 },    [PD_H2] = { 1.25, 1, 0 },
				 [PD_H3] = { 1.05, 1, 0 },   [PD_TITLE] = { 2.2, 1, 0 },
				 [PD_BIG] = { 1.9, 1, 0 } };
	for (int s = 0; s < PD_NSTYLES; s++) {
		d->font[s] = pango_font_description_new();
		pango_font_description_set_family(d->font[s], PD_FAMILY);
		pango_font_description_set_size(d->font[s], (int)(base * styles[s].scale * PANGO_SCALE));
		if (styles[s].bold)
			pango_font_description_set_weight(d->font[s], PANGO_WEIGHT_BOLD);
		PangoLayout *l = plain_layout(d, s, "Xg", 0);
		int h;
		pango_layout_get_size(l, NULL, &h);
		d->lh[s] = h / PS;
	}
	return d;
}

int pd_npages(const pd_doc *d)
{
	return (int)d->npages;
}

double pd_room(const pd_doc *d)
{
	return d->bottom - d->y;
}

double pd_width(const pd_doc *d)
{
	return d->width;
}

double pd_line_height(const pd_doc *d, int style)
{
	return d->lh[style];
}

static void new_page(pd_doc *d)
{
	*SF_PUSH(d->o->a, d->pages, d->npages, d->cpages) = (pd_pg){ d->header, d->number };
	d->y = d->top;
	d->at_top = 1;
}

void pd_page(pd_doc *d, const char *header, int number)
{
	d->header = header;
	d->number = number;
	if (d->npages && d->at_top) { /* nothing on it yet: it becomes this page */
		d->pages[d->npages - 1] = (pd_pg){ header, number };
		return;
	}
	new_page(d);
}

static void ensure_page(pd_doc *d)
{
	if (!d->npages)
		new_page(d);
}

static void settle_anchors(pd_doc *d)
{
	for (; d->pending < d->nanchors; d->pending++) {
		d->anchors[d->pending].page = (int)d->npages - 1;
		d->anchors[d->pending].y = d->y;
	}
}

void pd_goto(pd_doc *d, double y)
{
	ensure_page(d);
	d->y = y;
}

void pd_space(pd_doc *d, double lines)
{
	ensure_page(d);
	if (!d->at_top)
		d->y += lines * d->lh[PD_BODY];
}

static pd_item *push_item(pd_doc *d, int kind, double x, double y)
{
	pd_item *it = SF_PUSH(d->o->a, d->items, d->nitems, d->citems);
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->page = (int)d->npages - 1;
	it->x = x;
	it->y = y;
	return it;
}

void pd_rule(pd_doc *d)
{
	ensure_page(d);
	if (d->y + d->lh[PD_BODY] > d->bottom)
		new_page(d);
	settle_anchors(d);
	d->y += d->lh[PD_BODY] * 0.4;
	pd_item *it = push_item(d, IT_RULE, d->x0, d->y);
	it->w = d->width;
	d->y += d->lh[PD_BODY] * 0.6;
	d->at_top = 0;
}

void pd_anchor(pd_doc *d, const char *name, int level, const char *title)
{
	*SF_PUSH(d->o->a, d->anchors, d->nanchors, d->canchors) =
		(pd_anch){ .name = name, .title = title, .level = level, .page = -1 };
}

static const pd_anch *find_anchor(const pd_doc *d, const char *name)
{
	if (d->anchor_map) /* while drawing */
		return sf_strmap_get(d->anchor_map, name, strlen(name));
	for (size_t i = 0; i < d->nanchors; i++)
		if (strcmp(d->anchors[i].name, name) == 0)
			return &d->anchors[i];
	return NULL;
}

void pd_back_matter(pd_doc *d)
{
	d->back = (int)d->npages - (d->at_top ? 1 : 0);
}

/* --- text ------------------------------------------------------------------ */
pd_text *pd_text_new(pd_doc *d, const char *lang)
{
	pd_text *t = sf_alloc(d->o->a, sizeof *t);
	memset(t, 0, sizeof *t);
	t->d = d;
	t->attrs = pango_attr_list_new();
	t->lang = lang;
	t->hy = hyph_dict(d->st, lang);
	return t;
}

size_t pd_text_len(const pd_text *t)
{
	return t->s.len;
}

static void attr(pd_text *t, PangoAttribute *a, size_t start)
{
	a->start_index = (guint)start;
	a->end_index = (guint)t->s.len;
	pango_attr_list_insert(t->attrs, a);
	/* what the layout cache keys on (layout_of): the attribute's kind (each
	 * kind has one value; the language's is added by text_layout_w) and range */
	unsigned v[3] = { (unsigned)a->klass->type, a->start_index, a->end_index };
	sf_buf_add(&t->sig, (const char *)v, sizeof v);
}

void pd_put(pd_text *t, const char *s, size_t n, unsigned flags)
{
	size_t start = t->s.len;
	if (t->hy && !t->in_link && !(flags & PD_MONO))
		hyphenate_run(&t->s, t->d->st, t->hy, s, n);
	else
		sf_buf_add(&t->s, s, n);
	if (t->s.len == start)
		return;
	if (flags & PD_B)
		attr(t, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
	if (flags & PD_I)
		attr(t, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
	if (flags & PD_MONO)
		attr(t, pango_attr_family_new(PD_MONO_FAMILY), start);
}

void pd_puts(pd_text *t, const char *s, unsigned flags)
{
	pd_put(t, s, strlen(s), flags);
}

void pd_link_begin(pd_text *t, const char *uri)
{
	pd_link *l = SF_PUSH(t->d->o->a, t->links, t->nlinks, t->cap);
	l->start = (int)t->s.len;
	l->end = -1;
	l->uri = sf_strdup(t->d->o->a, uri);
	t->in_link = 1;
}

void pd_link_end(pd_text *t)
{
	if (t->nlinks && t->links[t->nlinks - 1].end < 0)
		t->links[t->nlinks - 1].end = (int)t->s.len;
	t->in_link = 0;
}

/* What placing and drawing need of each line of a layout, points from the
 * layout's top: measured once per layout and kept with it, since a layout
 * is reused (layout_of) and a pango_layout_iter measures every line anew. */
typedef struct pd_line_m {
	double top, bot;  /* the line's range in the flow */
	double base;      /* its baseline */
	double lx, ly, lh; /* its logical rectangle: x, y, height */
	PangoLayoutLine *line;
} pd_line_m;

typedef struct pd_lines {
	int n;
	pw_rec **rec; /* per line, once drawn: what the PDF writer wrote for it */
	pd_line_m l[];
} pd_lines;

static void free_lines(void *p)
{
	pd_lines *m = p;
	if (m->rec)
		for (int i = 0; i < m->n; i++)
			pw_rec_free(m->rec[i]);
	free(m->rec);
	free(m);
}

static const pd_lines *lines_of(PangoLayout *l)
{
	pd_lines *m = g_object_get_data(G_OBJECT(l), "safar-lines");
	if (m)
		return m;
	int n = pango_layout_get_line_count(l);
	m = sf_xcalloc(1, sizeof *m + (size_t)(n + 1) * sizeof m->l[0]);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	do {
		int y0, y1;
		PangoRectangle logical;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		m->l[i] = (pd_line_m){ .top = y0 / PS,
				       .bot = y1 / PS,
				       .base = pango_layout_iter_get_baseline(it) / PS,
				       .lx = logical.x / PS,
				       .ly = logical.y / PS,
				       .lh = logical.height / PS,
				       .line = pango_layout_iter_get_line_readonly(it) };
		i++;
	} while (i < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	m->n = i;
	g_object_set_data_full(G_OBJECT(l), "safar-lines", m, free_lines);
	return m;
}

static PangoLayout *marker_layout(pd_doc *d, const char *marker, int style)
{
	return plain_layout(d, style, marker, 0);
}

/* Places a laid-out block; returns the index of its first IT_LINES item. */
static size_t flow(pd_doc *d, PangoLayout *l, int style, const pd_place *p, const pd_link *links,
		   size_t nlinks)
{
	ensure_page(d);
	double x = d->x0 + (p ? p->indent : 0);
	const pd_lines *lm = lines_of(l);
	int n = lm->n;
	const pd_line_m *L = lm->l;
	if (!d->at_top && p)
		d->y += p->before * d->lh[style];
	double need = n ? L[n < 2 ? n - 1 : 1].bot - L[0].top : 0;
	if (p && p->whole)
		need = n ? L[n - 1].bot - L[0].top : 0;
	if (p && p->keep > 0)
		need += p->keep * d->lh[PD_BODY];
	if (!d->at_top && d->y + need > d->bottom)
		new_page(d);
	settle_anchors(d);
	size_t first = d->nitems;
	int l0 = 0;
	while (l0 < n) {
		int k = l0;
		while (k < n && d->y + (L[k].bot - L[l0].top) <= d->bottom + 0.01)
			k++;
		if (k == l0) {
			if (!d->at_top) {
				new_page(d);
				continue;
			}
			k = l0 + 1; /* taller than a page: printed anyway */
		}
		/* no last line alone at the top of the next page */
		if (k < n && k == n - 1 && k - l0 >= 3)
			k--;
		pd_item *it = push_item(d, IT_LINES, x, d->y);
		it->lay = l;
		it->l0 = l0;
		it->l1 = k;
		it->ytop = L[l0].top;
		it->links = links;
		it->nlinks = nlinks;
		if (l0 == 0 && p && (p->marker || p->box)) {
			double base = L[0].base - L[0].top;
			if (p->box) {
				double side = d->lh[style] * 0.55;
				pd_item *b = push_item(d, IT_BOX, x - side - d->lh[style] * 0.45,
						       d->y + base - side);
				b->w = b->h = side;
			} else {
				PangoLayout *m = marker_layout(d, p->marker, style);
				int mw;
				pango_layout_get_size(m, &mw, NULL);
				double mbase = pango_layout_get_baseline(m) / PS;
				push_item(d, IT_LAYOUT, x - mw / PS - d->lh[style] * 0.35, d->y + base - mbase)->lay = m;
			}
		}
		d->y += L[k - 1].bot - L[l0].top;
		d->at_top = 0;
		l0 = k;
		if (l0 < n)
			new_page(d);
	}
	return first;
}

static PangoLayout *text_layout_w(pd_doc *d, pd_text *t, int style, const pd_place *p, double width)
{
	if (t->lang) {
		attr(t, pango_attr_language_new(pango_language_from_string(t->lang)), 0);
		sf_buf_puts(&t->sig, t->lang);
	}
	PangoLayout *l = layout_of(d, style, width, p && p->center, t->s.data ? t->s.data : "",
				   t->s.len, t->attrs, &t->sig, 0);
	t->attrs = NULL;
	sf_buf_free(&t->s);
	sf_buf_free(&t->sig);
	return l;
}

static PangoLayout *text_layout(pd_doc *d, pd_text *t, int style, const pd_place *p)
{
	return text_layout_w(d, t, style, p, d->width - (p ? p->indent : 0));
}

void pd_row(pd_doc *d, double lw, const char *left, pd_text *t, double rw, const char *right,
	    int style, double before)
{
	pd_place p = { .indent = lw, .before = before, .whole = 1, .marker = left && *left ? left : NULL };
	pd_link_end(t);
	PangoLayout *l = text_layout_w(d, t, style, &p, d->width - lw - rw);
	size_t first = flow(d, l, style, &p, t->links, t->nlinks);
	if (right && *right) {
		const pd_item *row = &d->items[first];
		PangoLayout *m = marker_layout(d, right, style);
		int mw;
		pango_layout_get_size(m, &mw, NULL);
		double y = row->y;
		push_item(d, IT_LAYOUT, d->x0 + d->width - mw / PS, y)->lay = m;
	}
}

void pd_block(pd_doc *d, pd_text *t, int style, const pd_place *p)
{
	pd_link_end(t);
	PangoLayout *l = text_layout(d, t, style, p);
	flow(d, l, style, p, t->links, t->nlinks);
}

void pd_line(pd_doc *d, const char *s, int style, const pd_place *p)
{
	pd_text *t = pd_text_new(d, NULL);
	pd_puts(t, s, 0);
	pd_block(d, t, style, p);
}

void pd_toc_line(pd_doc *d, const char *title, const char *anchor, int level)
{
	double numw = d->lh[PD_BODY] * 2.6;
	pd_place p = { .indent = level > 1 ? d->lh[PD_BODY] * 1.2 : 0, .before = level > 1 ? 0.1 : 0.45,
		       .whole = 1 };
	int style = level > 1 ? PD_BODY : PD_H3;
	pd_text *t = pd_text_new(d, NULL);
	pd_puts(t, title, 0);
	pd_link_end(t);
	PangoLayout *l = layout_of(d, style, d->width - p.indent - numw, 0, t->s.data ? t->s.data : "",
				   t->s.len, t->attrs, &t->sig, 0);
	t->attrs = NULL;
	sf_buf_free(&t->s);
	sf_buf_free(&t->sig);
	size_t first = flow(d, l, style, &p, NULL, 0);
	const pd_item *row = &d->items[first];
	pd_item *num = push_item(d, IT_PAGEREF, d->x0 + d->width, row->y);
	num->anchor = anchor;
	num->style = style;
	pd_item *link = push_item(d, IT_LINKREF, d->x0 + p.indent, row->y);
	link->w = d->width - p.indent;
	link->h = d->y - row->y;
	link->anchor = anchor;
}

void pd_qr_row(pd_doc *d, const char *uri, double size, pd_text *t, int style)
{
	ensure_page(d);
	qr_code q = { 0 };
	int has_qr = uri && state_qr(d->st, d->o->a, uri, &q) == 0;
	/* a module of at least 0.9 pt (0.32 mm), which phones read off paper */
	if (has_qr && size < (q.width + 8) * 0.9)
		size = (q.width + 8) * 0.9;
	double gap = d->lh[PD_BODY] * 0.8;
	pd_place p = { .indent = has_qr ? size + gap : 0, .whole = 1 };
	pd_link_end(t);
	PangoLayout *l = text_layout(d, t, style, &p);
	int h;
	pango_layout_get_size(l, NULL, &h);
	double th = h / PS;
	double rowh = has_qr && size > th ? size : th;
	if (!d->at_top)
		d->y += 0.6 * d->lh[style];
	if (!d->at_top && d->y + rowh > d->bottom)
		new_page(d);
	settle_anchors(d);
	double y = d->y;
	flow(d, l, style, &p, t->links, t->nlinks);
	if (has_qr) {
		pd_item *it = push_item(d, IT_QR, d->x0, y);
		it->w = size;
		it->qr = q;
		/* the code is a link too */
		pd_item *lk = push_item(d, IT_LINKREF, d->x0, y);
		lk->w = lk->h = size;
		lk->anchor = sf_strdup(d->o->a, uri);
	}
	if (d->y < y + rowh)
		d->y = y + rowh;
}

/* --- Markdown ------------------------------------------------------------- */

typedef struct md_state {
	pd_doc *d;
	const char *lang;
	pd_text *t;
	unsigned flags;
	int bold, ital;
	int depth, quote;
	int ordered[16], counter[16];
	const char *marker;
} md_state;

static pd_place md_place(md_state *m)
{
	pd_doc *d = m->d;
	pd_place p = { .indent = d->lh[PD_BODY] * (1.5 * m->depth + 1.2 * m->quote), .before = 0.45,
		       .marker = m->marker };
	if (m->depth && !m->marker)
		p.before = 0.2;
	if (m->marker)
		p.before = 0.25;
	m->marker = NULL;
	return p;
}

static unsigned md_flags(const md_state *m)
{
	return (m->bold ? PD_B : 0) | (m->ital ? PD_I : 0);
}

void pd_markdown(pd_doc *d, struct cmark_node *doc, const char *lang)
{
	if (!doc)
		return;
	md_state m = { .d = d, .lang = lang };
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	sf_buf sub = { 0 };
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int in = ev == CMARK_EVENT_ENTER;
		const char *lit = cmark_node_get_literal(n);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_BLOCK_QUOTE:
			m.quote += in ? 1 : -1;
			break;
		case CMARK_NODE_LIST:
			if (in && m.depth < 15) {
				m.depth++;
				m.ordered[m.depth] = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
				m.counter[m.depth] = cmark_node_get_list_start(n);
			} else if (!in && m.depth > 0) {
				m.depth--;
			}
			break;
		case CMARK_NODE_ITEM:
			if (in)
				m.marker = m.ordered[m.depth] ? sf_printf(d->o->a, "%d.", m.counter[m.depth]++)
							      : "•";
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING: {
			int heading = cmark_node_get_type(n) == CMARK_NODE_HEADING;
			if (in) {
				m.t = pd_text_new(d, heading ? NULL : lang);
			} else if (m.t) {
				pd_place p = md_place(&m);
				if (heading) {
					p.keep = 3;
					p.before = 0.8;
				}
				pd_block(d, m.t, heading ? PD_H3 : PD_BODY, &p);
				m.t = NULL;
			}
			break;
		}
		case CMARK_NODE_CODE_BLOCK: {
			pd_text *t = pd_text_new(d, NULL);
			size_t len = lit ? strlen(lit) : 0;
			while (len && lit[len - 1] == '\n')
				len--;
			pd_put(t, lit ? lit : "", len, PD_MONO);
			pd_place p = md_place(&m);
			p.indent += d->lh[PD_BODY];
			pd_block(d, t, PD_SMALL, &p);
			break;
		}
		case CMARK_NODE_THEMATIC_BREAK:
			pd_rule(d);
			break;
		case CMARK_NODE_TEXT:
			if (m.t && lit) {
				sf_buf_reset(&sub);
				sf_edition_subst(d->o->ed, &sub, lit, strlen(lit));
				pd_put(m.t, sub.data ? sub.data : "", sub.len, md_flags(&m));
			}
			break;
		case CMARK_NODE_SOFTBREAK:
			if (m.t)
				pd_puts(m.t, " ", 0);
			break;
		case CMARK_NODE_LINEBREAK:
			if (m.t)
				pd_puts(m.t, "\xE2\x80\xA8", 0); /* a line separator: same paragraph */
			break;
		case CMARK_NODE_CODE:
			if (m.t && lit)
				pd_puts(m.t, lit, PD_MONO | md_flags(&m));
			break;
		case CMARK_NODE_EMPH:
			m.ital += in ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			m.bold += in ? 1 : -1;
			break;
		case CMARK_NODE_LINK: {
			/* Only links a reader can follow safely; others keep their text. */
			const char *url = cmark_node_get_url(n);
			if (!m.t || !url || !h_safe_url(url))
				break;
			if (in)
				pd_link_begin(m.t, url);
			else
				pd_link_end(m.t);
			break;
		}
		default:
			/* Raw HTML is dropped; an image shows its alt text (its
			 * children). */
			break;
		}
	}
	sf_buf_free(&sub);
	cmark_iter_free(it);
}

/* --- drawing ----------------------------------------------------------------
 * Pages go to pdf_write.c glyph run by glyph run, as Pango placed them. */

/* A Pango font as the writer needs it: its face and its size in points. */
typedef struct font_sz {
	PangoFont *font;
	hb_face_t *face;
	double size;
} font_sz;

typedef struct drawing {
	pd_doc *d;
	pw_doc *w;
	int links; /* clickable links and the outline (not in a booklet) */
	font_sz *fonts;
	size_t nfonts;
	pw_glyph *g;
	size_t cg;
} drawing;

static const font_sz *font_of(drawing *g, PangoFont *font)
{
	for (size_t i = 0; i < g->nfonts; i++)
		if (g->fonts[i].font == font)
			return &g->fonts[i];
	g->fonts = sf_xrealloc(g->fonts, (g->nfonts + 1) * sizeof *g->fonts);
	font_sz *f = &g->fonts[g->nfonts++];
	PangoFontDescription *fd = pango_font_describe_with_absolute_size(font);
	*f = (font_sz){ font, hb_font_get_face(pango_font_get_hb_font(font)),
			pango_font_description_get_size(fd) / PS };
	pango_font_description_free(fd);
	return f;
}

/* Line i of layout l, its origin (the baseline's left end) at x, y: its
 * glyph runs as Pango placed them the first time, replayed after. */
static void show_line(drawing *g, PangoLayout *l, pd_lines *lm, int i, double x, double y)
{
	pw_line_at(g->w, x, y);
	if (!lm->rec)
		lm->rec = sf_xcalloc((size_t)lm->n + 1, sizeof *lm->rec);
	if (lm->rec[i]) {
		pw_replay(g->w, lm->rec[i]);
		return;
	}
	const char *text = pango_layout_get_text(l);
	pw_rec *rec = lm->rec[i] = pw_rec_new(text);
	PangoLayoutLine *line = lm->l[i].line;
	double xo = 0;
	for (GSList *r = line->runs; r; r = r->next) {
		PangoGlyphItem *run = r->data;
		PangoGlyphString *gs = run->glyphs;
		const PangoItem *item = run->item;
		const font_sz *f = font_of(g, item->analysis.font);
		if ((size_t)gs->num_glyphs > g->cg) {
			g->cg = (size_t)gs->num_glyphs * 2;
			g->g = sf_xrealloc(g->g, g->cg * sizeof *g->g);
		}
		size_t n = 0;
		double lead = 0, width = 0;
		for (int k = 0; k < gs->num_glyphs; k++) {
			const PangoGlyphInfo *gi = &gs->glyphs[k];
			double adv = gi->geometry.width / PS;
			width += adv;
			if (gi->glyph == PANGO_GLYPH_EMPTY || (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
				if (n)
					g->g[n - 1].adv += adv;
				else
					lead += adv;
				continue;
			}
			pw_glyph *p = &g->g[n++];
			*p = (pw_glyph){ .gid = gi->glyph, .adv = adv, .dx = gi->geometry.x_offset / PS,
					 .dy = gi->geometry.y_offset / PS };
			/* The text of the cluster this glyph begins, for copying and
			 * searching. */
			int c0 = gs->log_clusters[k];
			if (k == 0 || gs->log_clusters[k - 1] != c0) {
				/* The cluster ends where the next one in the text
				 * begins: after it in a left-to-right run, before it
				 * in a right-to-left one (glyphs in visual order). */
				int c1 = item->length, rtl = item->analysis.level % 2;
				for (int j = rtl ? k - 1 : k + 1; j >= 0 && j < gs->num_glyphs; j += rtl ? -1 : 1)
					if (gs->log_clusters[j] != c0) {
						c1 = gs->log_clusters[j];
						break;
					}
				if (c1 > c0 && c0 >= 0 && c1 <= item->length) {
					p->text = text + item->offset + c0;
					p->len = (size_t)(c1 - c0);
				}
			}
		}
		pw_run(g->w, f->face, f->size, xo + lead, -run->y_offset / PS, g->g, n, rec);
		xo += width;
	}
}

/* A whole layout, its top left corner at x, y. */
static void show_layout(drawing *g, PangoLayout *l, double x, double y)
{
	pd_lines *lm = (pd_lines *)lines_of(l);
	for (int i = 0; i < lm->n; i++)
		show_line(g, l, lm, i, x + lm->l[i].lx, y + lm->l[i].base);
}

/* A link over the rectangle (page coordinates) to uri, or to an anchor of
 * the document. */
static void link_rect(drawing *g, double x, double y, double w, double h, const char *uri)
{
	if (!g->links || w <= 0 || h <= 0)
		return;
	if (uri[0] == '#') {
		const pd_anch *a = find_anchor(g->d, uri + 1);
		if (a && a->page >= 0)
			pw_link_page(g->w, x, y, w, h, a->page, g->d->x0, a->y);
	} else {
		pw_link_uri(g->w, x, y, w, h, uri);
	}
}

static void draw_lines(drawing *g, const pd_item *it)
{
	pd_lines *lm = (pd_lines *)lines_of(it->lay);
	for (int i = it->l0; i < it->l1 && i < lm->n; i++) {
		const pd_line_m *m = &lm->l[i];
		PangoLayoutLine *line = m->line;
		show_line(g, it->lay, lm, i, it->x + m->lx, it->y + m->base - it->ytop);
		for (size_t k = 0; k < it->nlinks; k++) {
			const pd_link *lk = &it->links[k];
			if (lk->end <= lk->start || lk->end <= line->start_index ||
			    lk->start >= line->start_index + line->length)
				continue;
			int *r, nr;
			pango_layout_line_get_x_ranges(line, lk->start, lk->end, &r, &nr);
			for (int j = 0; j < nr; j++)
				link_rect(g, it->x + r[2 * j] / PS, it->y + m->ly - it->ytop,
					  (r[2 * j + 1] - r[2 * j]) / PS, m->lh, lk->uri);
			g_free(r);
		}
	}
}

static void draw_text(drawing *g, const char *s, int style, double x, double y, int align_right)
{
	PangoLayout *l = plain_layout(g->d, style, s, 1);
	int w;
	pango_layout_get_size(l, &w, NULL);
	show_layout(g, l, align_right == 1 ? x - w / PS : align_right == 2 ? x - w / PS / 2 : x, y);
}

/* A QR code as a stencil mask, one bit per module scaled up without
 * smoothing: a small image instead of a rectangle per run of modules. */
static void draw_qr(drawing *g, const pd_item *it)
{
	int qw = it->qr.width;
	double mod = it->w / (qw + 8);
	pw_mask(g->w, it->qr.m, qw, it->x + 4 * mod, it->y + 4 * mod, qw * mod);
}

static void draw_page(drawing *g, int p)
{
	pd_doc *d = g->d;
	const pd_pg *pg = &d->pages[p];
	if (pg->header) {
		double hy = d->margin - d->lh[PD_SMALL] * 0.2;
		draw_text(g, pg->header, PD_SMALL, d->x0, hy - d->lh[PD_SMALL], 0);
		pw_line(g->w, d->x0, hy + 1, d->x0 + d->width, hy + 1, 0.4);
	}
	if (pg->number) {
		char num[16];
		snprintf(num, sizeof num, "%d", p + 1);
		draw_text(g, num, PD_SMALL, d->size.w / 2, d->size.h - d->margin, 2);
	}
	for (size_t i = 0; i < d->nitems; i++) {
		const pd_item *it = &d->items[i];
		if (it->page != p)
			continue;
		switch (it->kind) {
		case IT_LINES:
			draw_lines(g, it);
			break;
		case IT_LAYOUT:
			show_layout(g, it->lay, it->x, it->y);
			break;
		case IT_RULE:
			pw_line(g->w, it->x, it->y, it->x + it->w, it->y, 0.6);
			break;
		case IT_BOX:
			pw_box(g->w, it->x, it->y, it->w, it->h, 0.9);
			break;
		case IT_QR:
			draw_qr(g, it);
			break;
		case IT_PAGEREF: {
			const pd_anch *a = find_anchor(d, it->anchor);
			if (a && a->page >= 0) {
				char num[16];
				snprintf(num, sizeof num, "%d", a->page + 1);
				draw_text(g, num, it->style, it->x, it->y, 1);
			}
			break;
		}
		case IT_LINKREF:
			link_rect(g, it->x, it->y, it->w, it->h,
				  it->anchor[0] == '#' || strchr(it->anchor, ':')
					  ? it->anchor
					  : sf_printf(d->o->a, "#%s", it->anchor));
			break;
		}
	}
}

/* A booklet's blank pages go before the back matter, so that it stays on
 * the last pages. */
static void pad_pages(pd_doc *d, int npad)
{
	if (npad <= 0)
		return;
	int at = d->back >= 0 ? d->back : (int)d->npages;
	for (int i = 0; i < npad; i++)
		(void)SF_PUSH(d->o->a, d->pages, d->npages, d->cpages);
	memmove(&d->pages[at + npad], &d->pages[at], ((size_t)d->npages - (size_t)npad - (size_t)at) * sizeof *d->pages);
	for (int i = 0; i < npad; i++)
		d->pages[at + i] = (pd_pg){ NULL, 0 };
	for (size_t i = 0; i < d->nitems; i++)
		if (d->items[i].page >= at)
			d->items[i].page += npad;
	for (size_t i = 0; i < d->nanchors; i++)
		if (d->anchors[i].page >= at)
			d->anchors[i].page += npad;
}

static void outline(drawing *g)
{
	for (size_t i = 0; i < g->d->nanchors; i++) {
		const pd_anch *a = &g->d->anchors[i];
		if (a->level < 1 || a->level > 3 || a->page < 0 || !a->title)
			continue;
		pw_outline(g->w, a->level, a->title, a->page, g->d->x0, a->y);
	}
}

int pd_end(pd_doc *d, const char *name, int booklet, pd_size sheet)
{
	ensure_page(d);
	settle_anchors(d);
	if (booklet)
		pad_pages(d, (4 - (int)d->npages % 4) % 4);
	/* The contents and every #link look their anchor up. */
	d->anchor_map = sf_strmap_new(d->o->a, d->nanchors);
	for (size_t i = 0; i < d->nanchors; i++)
		sf_strmap_put(d->anchor_map, d->anchors[i].name, strlen(d->anchors[i].name), &d->anchors[i]);
	pd_size first = booklet ? (pd_size){ sheet.h, sheet.w } : d->size;
	int n = (int)d->npages;
	pw_doc *w = pw_new(d->st->pw, booklet ? n / 2 : n, first.w, first.h);
	drawing g = { .d = d, .w = w, .links = !booklet };
	if (!booklet) {
		for (int p = 0; p < n; p++) {
			pw_page(w);
			draw_page(&g, p);
		}
		outline(&g);
	} else {
		/* Saddle stitch: sheet k's front holds pages N-1-2k and 2k, its
		 * back 2k+1 and N-2-2k (from 0); printed duplex and folded,
		 * the pages read in order. */
		for (int k = 0; k < n / 4; k++) {
			int sides[2][2] = { { n - 1 - 2 * k, 2 * k }, { 2 * k + 1, n - 2 - 2 * k } };
			for (int f = 0; f < 2; f++) {
				pw_page(w);
				for (int h = 0; h < 2; h++) {
					pw_save(w);
					pw_transform(w, 1, 1, h * first.w / 2, 0);
					pw_clip(w, 0, 0, first.w / 2, first.h);
					pw_transform(w, first.w / 2 / d->size.w, first.h / d->size.h, 0, 0);
					draw_page(&g, sides[f][h]);
					pw_restore(w);
				}
			}
		}
	}
	/* Reproducible: the date is the content's (SOURCE_DATE_EPOCH). */
	char date[11];
	sf_date_str(d->o->opts->date, date);
	sf_buf out = { 0 };
	int bad = pw_finish(w, d->title, "safar " SAFAR_VERSION, date, &out) != 0;
	pw_free(w);
	free(g.fonts);
	free(g.g);
	pd_discard(d);
	int rc;
	if (bad) {
		sf_writes_fail(d->o->w, sf_printf(d->o->a, "%s/%s", d->o->dir, name), "draw the PDF", ENOMEM);
		rc = -1;
	} else {
		rc = sf_output_write(d->o, name, &out);
	}
	sf_buf_free(&out);
	return rc;
}

void pd_discard(pd_doc *d)
{
	for (size_t i = 0; i < d->nlays; i++)
		g_object_unref(d->lays[i]);
	d->nlays = 0;
	for (int st = 0; st < PD_NSTYLES; st++)
		if (d->font[st])
			pango_font_description_free(d->font[st]), d->font[st] = NULL;
}

/* --- shared by the PDF outputs ---------------------------------------------- */

const char *pd_corridor_title(const sf_output *o)
{
	return h_corridor_title(o);
}

const char *pd_edition_line(const sf_output *o)
{
	const sf_target *t = &o->res->target;
	const char *sector;
	if (t->sector) {
		const char *name = sf_i18n_sector(o->root, o->res->chain, o->res->nchain, t->sector);
		sector = sf_printf(o->a, "%s: %s", o->str[SF_S_sector], name ? name : t->sector);
	} else {
		sector = o->str[SF_S_all_sectors];
	}
	const char *aud = strcmp(t->audience, "general") == 0 ? o->str[SF_S_audience_general]
			  : strcmp(t->audience, "women") == 0 ? o->str[SF_S_audience_women]
			  : strcmp(t->audience, "men") == 0   ? o->str[SF_S_audience_men]
							      : t->audience;
	return sf_printf(o->a, "%s · %s: %s · %s", sector, o->str[SF_S_audience], aud,
			 h_language_name(t->lang));
}
