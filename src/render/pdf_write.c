/* pdf_write.c: the PDF writer of the print engine: objects, pages, glyph
 * runs, strokes, QR masks, links, outline and subset fonts (pdf_write.h).
 *
 * Why not Cairo's PDF surface: it records every page, replays it twice
 * (analysis, then output), prints every number through printf and splits
 * each face into a Latin and a CID subset, so Cyrillic text switched fonts
 * at every space; that was three quarters of a PDF build
 * (docs/performance.md, "PDF"). The engine already has every glyph placed
 * by Pango; this writes them once. */
#include "pdf_write.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>

#include "safar/hash.h"
#include "safar/utf8.h"
#include "safar/xalloc.h"

/* One more slot of a heap array v (n used, cap allocated). */
#define XPUSH(v, n, cap)                                                              \
	((n) == (cap) ? ((cap) = (cap) ? (cap) * 2 : 16,                              \
			 (v) = sf_xrealloc((v), (cap) * sizeof *(v)), 0)              \
		      : 0,                                                            \
	 &(v)[(n)++])

/* --- numbers and strings ---------------------------------------------------- */

/* v to 3 decimals, trailing zeros dropped: what a page needs, the same on
 * every machine, and without printf's cost on every glyph run. */
static void num(sf_buf *b, double v)
{
	if (!(v > -1e9 && v < 1e9))
		v = 0;
	long long m = llround(v * 1000);
	int neg = m < 0;
	if (neg)
		m = -m;
	char s[32], *p = s + sizeof s;
	*--p = '\0';
	long long ip = m / 1000, fp = m % 1000;
	if (fp) {
		int digits = 3;
		while (fp % 10 == 0) {
			fp /= 10;
			digits--;
		}
		for (int i = 0; i < digits; i++) {
			*--p = (char)('0' + fp % 10);
			fp /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	if (neg)
		*--p = '-';
	sf_buf_puts(b, p);
}

/* An integer, without printf: objects, their references and the
 * cross-reference table are written once per object of every PDF. */
static void inum(sf_buf *b, long long v)
{
	char s[24], *p = s + sizeof s;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	sf_buf_add(b, p, (size_t)(s + sizeof s - p));
}

/* "N 0 R". */
static void ref(sf_buf *b, int no)
{
	inum(b, no);
	sf_buf_add(b, " 0 R", 4);
}

static void sp(sf_buf *b)
{
	sf_buf_putc(b, ' ');
}

static void hex4(sf_buf *b, unsigned v)
{
	static const char hx[] = "0123456789ABCDEF";
	char s[4] = { hx[(v >> 12) & 15], hx[(v >> 8) & 15], hx[(v >> 4) & 15], hx[v & 15] };
	sf_buf_add(b, s, 4);
}

/* UTF-8 as UTF-16BE hex digits; a byte that starts no valid sequence as
 * U+FFFD. */
static void utf16_hex(sf_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = sf_utf8_decode(s + i, n - i, &cp);
		if (k > 0) {
			i += (size_t)k;
		} else {
			cp = 0xFFFD;
			i++;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			hex4(b, 0xD800 + (cp >> 10));
			hex4(b, 0xDC00 + (cp & 0x3FF));
		} else {
			hex4(b, cp);
		}
	}
}

/* A text string (outline titles, document information): UTF-16BE. */
static void text_str(sf_buf *b, const char *s)
{
	sf_buf_puts(b, "<FEFF");
	utf16_hex(b, s, strlen(s));
	sf_buf_putc(b, '>');
}

/* A byte string (a URI): ( ) \ escaped, control bytes in octal. */
static void byte_str(sf_buf *b, const char *s)
{
	sf_buf_putc(b, '(');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '(' || c == ')' || c == '\\') {
			sf_buf_putc(b, '\\');
			sf_buf_putc(b, (char)c);
		} else if (c < 0x20 || c == 0x7F) {
			char o[5] = { '\\', (char)('0' + (c >> 6)), (char)('0' + ((c >> 3) & 7)),
				      (char)('0' + (c & 7)), 0 };
			sf_buf_puts(b, o);
		} else {
			sf_buf_putc(b, (char)c);
		}
	}
	sf_buf_putc(b, ')');
}

/* --- faces ------------------------------------------------------------------- */

typedef struct pw_face {
	hb_face_t *face; /* referenced */
	hb_face_t *prepared; /* for subsetting (shared, prepared_of), when first needed */
	hb_font_t *font; /* at units per em */
	unsigned upem, nglyphs;
	double *width; /* per glyph, thousandths of an em to 3 decimals; < 0: not measured yet */
	char name[64];
	double bbox[4], ascent, descent, cap, italic;
	int flags;
	/* A document's record of the glyphs it drew (pw_font): kept here and
	 * cleared up to the highest glyph drawn after each document, rather
	 * than a new 40 KB allocated and cleared for every font of every PDF. */
	unsigned char *used;
	uint32_t *text, *tlen;
	int busy;
} pw_face;

/* A font subset made before: a face's glyph set, and the bodies of its
 * font file and CIDToGIDMap objects. A corridor language's documents draw
 * the same glyphs again and again: 1,257 sets among 5,160 fonts in the
 * bundled content's PDFs. */
typedef struct pw_sub {
	struct pw_sub *next;
	size_t face, n;
	uint32_t hash;
	uint16_t *gids;
	sf_buf file, gmap;
	sf_buf widths;    /* the /W array's entries */
	sf_buf ukey, uni; /* the glyphs' text, and the ToUnicode object made of it */
} pw_sub;

enum { SUB_BUCKETS = 1024, SUB_BYTES = 64 << 20 };

/* A page content deflated before. Two fifths of the bundled content's
 * page bytes are pages another PDF of the same thread already had (the
 * sector and audience editions of a corridor language share most pages,
 * headers and numbers included): those are looked up, not deflated. */
typedef struct pw_page_z {
	struct pw_page_z *next;
	uint64_t hash;
	size_t len;
	char *raw;   /* the content, to compare */
	sf_buf body; /* the stream object's body */
} pw_page_z;

enum { PAGE_BUCKETS = 4096, PAGE_BYTES = 48 << 20 };

struct pw_ctx {
	pw_face *faces;
	size_t nfaces;
	pw_sub *subs[SUB_BUCKETS];
	size_t sub_bytes;
	pw_page_z *pages[PAGE_BUCKETS];
	size_t page_bytes;
	sf_buf key; /* scratch: a font's glyphs' text, to compare */
	uint64_t docs; /* documents begun */
	struct libdeflate_compressor *z;
};

pw_ctx *pw_ctx_new(void)
{
	pw_ctx *c = sf_xcalloc(1, sizeof *c);
	/* libdeflate at level 1: page contents shrink threefold, at a
	 * fraction of zlib's time (docs/performance.md, "PDF"). */
	c->z = libdeflate_alloc_compressor(1);
	return c;
}

static void subs_clear(pw_ctx *c)
{
	for (size_t b = 0; b < SUB_BUCKETS; b++)
		while (c->subs[b]) {
			pw_sub *s = c->subs[b];
			c->subs[b] = s->next;
			free(s->gids);
			sf_buf_free(&s->file);
			sf_buf_free(&s->gmap);
			sf_buf_free(&s->widths);
			sf_buf_free(&s->ukey);
			sf_buf_free(&s->uni);
			free(s);
		}
	c->sub_bytes = 0;
}

static void pages_clear(pw_ctx *c)
{
	for (size_t b = 0; b < PAGE_BUCKETS; b++)
		while (c->pages[b]) {
			pw_page_z *p = c->pages[b];
			c->pages[b] = p->next;
			free(p->raw);
			sf_buf_free(&p->body);
			free(p);
		}
	c->page_bytes = 0;
}

void pw_ctx_free(pw_ctx *c)
{
	if (!c)
		return;
	subs_clear(c);
	pages_clear(c);
	sf_buf_free(&c->key);
	for (size_t i = 0; i < c->nfaces; i++) {
		hb_font_destroy(c->faces[i].font);
		hb_face_destroy(c->faces[i].face);
		free(c->faces[i].used);
		free(c->faces[i].text);
		free(c->faces[i].tlen);
		free(c->faces[i].width);
	}
	free(c->faces);
	if (c->z)
		libdeflate_free_compressor(c->z);
	free(c);
}

static int be16(hb_blob_t *t, unsigned off)
{
	unsigned len;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(t, &len);
	if (!p || off + 2 > len)
		return 0;
	return (int16_t)(uint16_t)(p[off] << 8 | p[off + 1]);
}

static long be32(hb_blob_t *t, unsigned off)
{
	unsigned len;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(t, &len);
	if (!p || off + 4 > len)
		return 0;
	return (int32_t)((uint32_t)p[off] << 24 | (uint32_t)p[off + 1] << 16 | (uint32_t)p[off + 2] << 8 |
			 p[off + 3]);
}

/* face's index in the context, its metrics read once. */
static size_t face_of(pw_ctx *c, hb_face_t *face)
{
	for (size_t i = 0; i < c->nfaces; i++)
		if (c->faces[i].face == face)
			return i;
	c->faces = sf_xrealloc(c->faces, (c->nfaces + 1) * sizeof *c->faces);
	pw_face *f = &c->faces[c->nfaces];
	memset(f, 0, sizeof *f);
	f->face = hb_face_reference(face);
	f->font = hb_font_create(face);
	f->upem = hb_face_get_upem(face);
	if (!f->upem)
		f->upem = 1000;
	f->nglyphs = hb_face_get_glyph_count(face);
	f->width = sf_xmalloc(((size_t)f->nglyphs + 1) * sizeof *f->width);
	for (unsigned g = 0; g <= f->nglyphs; g++)
		f->width[g] = -1;
	unsigned len = sizeof f->name - 1;
	if (!hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, f->name))
		len = 0;
	f->name[len] = '\0';
	/* A PDF name: no spaces or delimiters. */
	for (char *p = f->name; *p; p++)
		if (*p <= ' ' || *p > '~' || strchr("()<>[]{}/%#", *p))
			*p = '-';
	if (!f->name[0])
		strcpy(f->name, "Font");
	/* The name is the font's resource name in every PDF (recorded lines
	 * name it): unique among this thread's faces. */
	for (size_t i = 0; i < c->nfaces; i++)
		if (strcmp(c->faces[i].name, f->name) == 0) {
			size_t at = strlen(f->name);
			snprintf(f->name + (at < 40 ? at : 40), sizeof f->name - (at < 40 ? at : 40), "-%zu", c->nfaces);
			i = (size_t)-1;
		}
	double k = 1000.0 / f->upem;
	hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
	for (int i = 0; i < 4; i++)
		f->bbox[i] = be16(head, 36 + 2 * (unsigned)i) * k;
	hb_blob_destroy(head);
	hb_blob_t *hhea = hb_face_reference_table(face, HB_TAG('h', 'h', 'e', 'a'));
	f->ascent = be16(hhea, 4) * k;
	f->descent = be16(hhea, 6) * k;
	hb_blob_destroy(hhea);
	hb_position_t cap = 0;
	f->cap = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) ? cap * k : f->ascent;
	hb_blob_t *post = hb_face_reference_table(face, HB_TAG('p', 'o', 's', 't'));
	f->italic = be32(post, 4) / 65536.0;
	int fixed = be32(post, 12) != 0;
	hb_blob_destroy(post);
	/* Nonsymbolic; fixed pitch, italic as the font says. */
	f->flags = 32 | (fixed ? 1 : 0) | (f->italic != 0 ? 64 : 0);
	return c->nfaces++;
}

/* As /W prints it (num: 3 decimals), so that the text position the
 * content expects is the one a viewer computes. */
static double glyph_width(pw_face *f, unsigned g)
{
	if (g >= f->nglyphs)
		return 0;
	if (f->width[g] < 0) {
		double w = hb_font_get_glyph_h_advance(f->font, g) * 1000.0 / f->upem;
		f->width[g] = w > 0 ? llround(w * 1000) / 1000.0 : 0;
	}
	return f->width[g];
}

/* n bytes of src deflated (zlib format, as /FlateDecode reads it) onto out. */
static int deflate_to(pw_ctx *c, const void *src, size_t n, sf_buf *out)
{
	if (!c->z)
		return -1;
	size_t bound = libdeflate_zlib_compress_bound(c->z, n);
	if (out->cap < out->len + bound + 1) {
		out->data = sf_xrealloc(out->data, out->len + bound + 1);
		out->cap = out->len + bound + 1;
	}
	size_t got = libdeflate_zlib_compress(c->z, src, n, out->data + out->len, bound);
	if (!got)
		return -1;
	out->len += got;
	out->data[out->len] = '\0';
	return 0;
}

/* --- documents ------------------------------------------------------------------ */

/* A font of the document: which glyphs it drew and what text each stands for. */
typedef struct pw_font {
	size_t face;
	int obj;
	unsigned char *used; /* per glyph */
	uint32_t *text;	     /* per glyph: offset + 1 into the document's texts, 0: none */
	uint32_t *tlen;
	uint16_t *list; /* the glyphs drawn, as first drawn; sorted when finishing */
	size_t nlist, clist;
	int own;        /* the arrays are this document's, not the face's */
} pw_font;

typedef struct pw_link {
	double x, y, w, h;
	const char *uri; /* owned; NULL: to a page */
	int page;
	double px, py;
} pw_link;

typedef struct pw_out {
	int level, page;
	char *title;
	double x, y;
} pw_out;

enum { OBJ_CATALOG = 1, OBJ_PAGES, OBJ_RESOURCES, OBJ_INFO, OBJ_FIRST_PAGE };
_Static_assert(OBJ_PAGES == 2 && OBJ_RESOURCES == 3, "close_page writes them as 2 0 R and 3 0 R");

struct pw_doc {
	pw_ctx *c;
	uint64_t serial; /* this document among the context's */
	int npages, page; /* page: the one being drawn, -1 before the first */
	double w, h;
	sf_buf out;
	size_t *off; /* per object number */
	int nobj, cobj;
	sf_buf ct; /* the page's content */
	int in_text;
	double org_x, org_y; /* the line's origin, as written (pw_line_at) */
	double lm_x, lm_y;   /* the line matrix, from the line's origin */
	int tf_ok;           /* the font and size below are the text state's */
	hb_face_t *tf_face;
	double tf_size;
	pw_font *fonts;
	size_t nfonts;
	sf_buf texts;
	pw_link *links;
	size_t nlinks, clinks;
	pw_out *outl;
	size_t noutl, coutl;
	int outline_obj;
};

static int new_obj(pw_doc *d)
{
	if (d->nobj + 1 >= d->cobj) {
		d->cobj = d->cobj ? d->cobj * 2 : 64;
		d->off = sf_xrealloc(d->off, (size_t)d->cobj * sizeof *d->off);
	}
	d->off[++d->nobj] = 0;
	return d->nobj;
}

static void begin_obj(pw_doc *d, int no)
{
	d->off[no] = d->out.len;
	inum(&d->out, no);
	sf_buf_add(&d->out, " 0 obj\n", 7);
}

static void end_obj(pw_doc *d)
{
	sf_buf_puts(&d->out, "\nendobj\n");
}

/* A stream object's body (what is between "obj" and "endobj"): its
 * dictionary (extra: more of it), then data, deflated. */
static void stream_body(pw_ctx *c, const char *data, size_t n, const char *extra, sf_buf *o)
{
	sf_buf z = { 0 };
	int rc = deflate_to(c, data, n, &z);
	sf_buf_puts(o, "<< ");
	if (extra)
		sf_buf_puts(o, extra);
	if (rc == 0) {
		sf_buf_puts(o, "/Filter /FlateDecode /Length ");
		inum(o, (long long)z.len);
		sf_buf_puts(o, " >>\nstream\n");
		sf_buf_add(o, z.data, z.len);
	} else {
		sf_buf_printf(o, "/Length %zu >>\nstream\n", n);
		sf_buf_add(o, data, n);
	}
	sf_buf_puts(o, "\nendstream");
	sf_buf_free(&z);
}

pw_doc *pw_new(pw_ctx *c, int npages, double width, double height)
{
	pw_doc *d = sf_xcalloc(1, sizeof *d);
	d->c = c;
	d->serial = ++c->docs;
	d->npages = npages;
	d->page = -1;
	d->w = width;
	d->h = height;
	for (int i = OBJ_CATALOG; i < OBJ_FIRST_PAGE + npages; i++)
		new_obj(d);
	/* %PDF and four bytes above 127: a binary file to any transfer. */
	sf_buf_puts(&d->out, "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n");
	return d;
}

void pw_free(pw_doc *d)
{
	if (!d)
		return;
	sf_buf_free(&d->out);
	sf_buf_free(&d->ct);
	sf_buf_free(&d->texts);
	for (size_t i = 0; i < d->nfonts; i++) {
		pw_font *f = &d->fonts[i];
		if (f->own) {
			free(f->used);
			free(f->text);
			free(f->tlen);
		} else {
			for (size_t k = 0; k < f->nlist; k++)
				f->used[f->list[k]] = 0, f->text[f->list[k]] = 0, f->tlen[f->list[k]] = 0;
			d->c->faces[f->face].busy = 0;
		}
		free(f->list);
	}
	free(d->fonts);
	for (size_t i = 0; i < d->nlinks; i++)
		free((char *)d->links[i].uri);
	free(d->links);
	for (size_t i = 0; i < d->noutl; i++)
		free(d->outl[i].title);
	free(d->outl);
	free(d->off);
	free(d);
}

static void end_text(pw_doc *d)
{
	if (d->in_text) {
		sf_buf_puts(&d->ct, "ET\n");
		d->in_text = 0;
	}
}

/* The page's content as object no: deflated before, or now and kept. */
static void content_obj(pw_doc *d, int no)
{
	pw_ctx *c = d->c;
	const char *data = d->ct.data ? d->ct.data : "";
	size_t n = d->ct.len;
	uint64_t h = sf_hash(0, data, n);
	pw_page_z **b = &c->pages[h % PAGE_BUCKETS];
	for (pw_page_z *p = *b; p; p = p->next)
		if (p->hash == h && p->len == n && memcmp(p->raw, data, n) == 0) {
			begin_obj(d, no);
			sf_buf_add(&d->out, p->body.data, p->body.len);
			end_obj(d);
			return;
		}
	if (c->page_bytes > PAGE_BYTES)
		pages_clear(c);
	pw_page_z *p = sf_xcalloc(1, sizeof *p);
	p->hash = h;
	p->len = n;
	p->raw = sf_xmalloc(n + 1);
	memcpy(p->raw, data, n);
	stream_body(c, data, n, NULL, &p->body);
	p->next = *b;
	*b = p;
	c->page_bytes += n + p->body.len + sizeof *p;
	begin_obj(d, no);
	sf_buf_add(&d->out, p->body.data, p->body.len);
	end_obj(d);
}

/* The page's content, its links and the page itself. */
static void close_page(pw_doc *d)
{
	if (d->page < 0)
		return;
	end_text(d);
	int content = new_obj(d);
	content_obj(d, content);
	sf_buf_reset(&d->ct);
	sf_buf a = { 0 };
	for (size_t i = 0; i < d->nlinks; i++) {
		const pw_link *l = &d->links[i];
		int no = new_obj(d);
		begin_obj(d, no);
		sf_buf_puts(&d->out, "<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [");
		num(&d->out, l->x), sp(&d->out), num(&d->out, d->h - l->y - l->h), sp(&d->out);
		num(&d->out, l->x + l->w), sp(&d->out), num(&d->out, d->h - l->y);
		sf_buf_puts(&d->out, "] ");
		if (l->uri) {
			sf_buf_puts(&d->out, "/A << /S /URI /URI ");
			byte_str(&d->out, l->uri);
			sf_buf_puts(&d->out, " >>");
		} else {
			sf_buf_puts(&d->out, "/Dest [");
			ref(&d->out, OBJ_FIRST_PAGE + l->page);
			sf_buf_puts(&d->out, " /XYZ ");
			num(&d->out, l->px), sp(&d->out), num(&d->out, d->h - l->py);
			sf_buf_puts(&d->out, " null]");
		}
		sf_buf_puts(&d->out, " >>");
		end_obj(d);
		if (a.len)
			sp(&a);
		ref(&a, no);
		free((char *)l->uri);
	}
	d->nlinks = 0;
	begin_obj(d, OBJ_FIRST_PAGE + d->page);
	sf_buf_puts(&d->out, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ");
	num(&d->out, d->w), sp(&d->out), num(&d->out, d->h);
	sf_buf_puts(&d->out, "] /Resources 3 0 R /Contents ");
	ref(&d->out, content);
	if (a.len) {
		sf_buf_puts(&d->out, " /Annots [");
		sf_buf_add(&d->out, a.data, a.len);
		sf_buf_putc(&d->out, ']');
	}
	sf_buf_puts(&d->out, " >>");
	end_obj(d);
	sf_buf_free(&a);
}

void pw_page(pw_doc *d)
{
	close_page(d);
	if (d->page + 1 >= d->npages)
		return; /* more pages than announced: drawn nowhere */
	d->page++;
	d->tf_ok = 0; /* a new content stream: no font yet */
	/* y down from the top left, as the engine places things. */
	sf_buf_puts(&d->ct, "1 0 0 -1 0 ");
	num(&d->ct, d->h);
	sf_buf_puts(&d->ct, " cm\n");
}

void pw_save(pw_doc *d)
{
	end_text(d);
	sf_buf_puts(&d->ct, "q\n");
}

void pw_restore(pw_doc *d)
{
	end_text(d);
	sf_buf_puts(&d->ct, "Q\n");
	d->tf_ok = 0; /* the text state is the one saved */
}

void pw_transform(pw_doc *d, double sx, double sy, double tx, double ty)
{
	end_text(d);
	num(&d->ct, sx), sf_buf_puts(&d->ct, " 0 0 "), num(&d->ct, sy), sp(&d->ct);
	num(&d->ct, tx), sp(&d->ct), num(&d->ct, ty), sf_buf_puts(&d->ct, " cm\n");
}

static void rect(pw_doc *d, double x, double y, double w, double h)
{
	num(&d->ct, x), sp(&d->ct), num(&d->ct, y), sp(&d->ct);
	num(&d->ct, w), sp(&d->ct), num(&d->ct, h), sf_buf_puts(&d->ct, " re ");
}

void pw_clip(pw_doc *d, double x, double y, double w, double h)
{
	end_text(d);
	rect(d, x, y, w, h);
	sf_buf_puts(&d->ct, "W n\n");
}

void pw_line(pw_doc *d, double x0, double y0, double x1, double y1, double width)
{
	end_text(d);
	num(&d->ct, width), sf_buf_puts(&d->ct, " w ");
	num(&d->ct, x0), sp(&d->ct), num(&d->ct, y0), sf_buf_puts(&d->ct, " m ");
	num(&d->ct, x1), sp(&d->ct), num(&d->ct, y1), sf_buf_puts(&d->ct, " l S\n");
}

void pw_box(pw_doc *d, double x, double y, double w, double h, double width)
{
	end_text(d);
	num(&d->ct, width), sf_buf_puts(&d->ct, " w ");
	rect(d, x, y, w, h);
	sf_buf_puts(&d->ct, "S\n");
}

void pw_mask(pw_doc *d, const unsigned char *m, int n, double x, double y, double size)
{
	if (n <= 0)
		return;
	end_text(d);
	/* The image's first row is its top: unit square (0, 1) at y. */
	sf_buf_puts(&d->ct, "q ");
	num(&d->ct, size), sf_buf_puts(&d->ct, " 0 0 "), num(&d->ct, -size), sp(&d->ct);
	num(&d->ct, x), sp(&d->ct), num(&d->ct, y + size), sf_buf_puts(&d->ct, " cm\n");
	/* An inline stencil mask, 1 = dark, in hex: no binary in the content. */
	sf_buf_printf(&d->ct, "BI /W %d /H %d /BPC 1 /IM true /D [1 0] /F /AHx ID\n", n, n);
	static const char hx[] = "0123456789ABCDEF";
	for (int r = 0; r < n; r++) {
		for (int k = 0; k < n; k += 8) {
			unsigned v = 0;
			for (int b = 0; b < 8; b++)
				if (k + b < n && m[r * n + k + b])
					v |= 0x80u >> b;
			sf_buf_putc(&d->ct, hx[v >> 4]);
			sf_buf_putc(&d->ct, hx[v & 15]);
		}
		sf_buf_putc(&d->ct, '\n');
	}
	sf_buf_puts(&d->ct, ">\nEI Q\n");
}

/* A glyph id as the two bytes of its code in a literal string: ( ) \
 * escaped, and CR, which a reader would take for an end of line. */
static void glyph_code(sf_buf *b, unsigned gid)
{
	if (b->cap < b->len + 5) {
		b->cap = b->cap ? b->cap * 2 : 4096;
		b->data = sf_xrealloc(b->data, b->cap);
	}
	char *p = b->data + b->len;
	for (int k = 8; k >= 0; k -= 8) {
		char c = (char)((gid >> k) & 0xFF);
		if (c == '(' || c == ')' || c == '\\')
			*p++ = '\\', *p++ = c;
		else if (c == '\r')
			*p++ = '\\', *p++ = 'r';
		else
			*p++ = c;
	}
	*p = '\0';
	b->len = (size_t)(p - b->data);
}

static size_t font_of(pw_doc *d, hb_face_t *face)
{
	size_t fi = face_of(d->c, face);
	for (size_t i = 0; i < d->nfonts; i++)
		if (d->fonts[i].face == fi)
			return i;
	d->fonts = sf_xrealloc(d->fonts, (d->nfonts + 1) * sizeof *d->fonts);
	pw_font *f = &d->fonts[d->nfonts];
	pw_face *fc = &d->c->faces[fi];
	size_t n = (size_t)fc->nglyphs + 1;
	*f = (pw_font){ .face = fi, .obj = new_obj(d) };
	if (!fc->used) {
		fc->used = sf_xcalloc(n, 1);
		fc->text = sf_xcalloc(n, sizeof *fc->text);
		fc->tlen = sf_xcalloc(n, sizeof *fc->tlen);
	}
	if (!fc->busy) {
		fc->busy = 1;
		f->used = fc->used, f->text = fc->text, f->tlen = fc->tlen;
	} else { /* another document of this thread is open */
		f->own = 1;
		f->used = sf_xcalloc(n, 1);
		f->text = sf_xcalloc(n, sizeof *f->text);
		f->tlen = sf_xcalloc(n, sizeof *f->tlen);
	}
	return d->nfonts++;
}

/* What a recorded line holds: its bytes, and per run the face and the
 * glyphs it marks as drawn (with their text) in the document that
 * replays it. */
typedef struct rec_mark {
	uint32_t text; /* offset into the layout's text; UINT32_MAX: none */
	uint16_t gid, len;
} rec_mark;

typedef struct rec_run {
	hb_face_t *face;
	double size;
	size_t nmarks;
	size_t off, len; /* its bytes in the record */
} rec_run;

struct pw_rec {
	sf_buf bytes;
	rec_run *runs;
	size_t nruns, cruns;
	rec_mark *marks;
	size_t nmarks, cmarks;
	const char *base; /* the text offsets are from */
	double lm_x, lm_y; /* the line matrix at the end */
	uint64_t marked; /* the document whose glyphs it marked last */
};

pw_rec *pw_rec_new(const char *base)
{
	pw_rec *r = sf_xcalloc(1, sizeof *r);
	r->base = base;
	return r;
}

void pw_rec_free(pw_rec *r)
{
	if (!r)
		return;
	sf_buf_free(&r->bytes);
	free(r->runs);
	free(r->marks);
	free(r);
}

/* v as num() writes it. */
static double r3(double v)
{
	if (!(v > -1e9 && v < 1e9))
		return 0;
	return (double)llround(v * 1000) / 1000;
}

void pw_line_at(pw_doc *d, double x, double y)
{
	if (d->page < 0)
		return;
	sf_buf *b = &d->ct;
	if (!d->in_text) {
		sf_buf_puts(b, "BT\n1 0 0 -1 ");
		d->in_text = 1;
		d->org_x = r3(x), d->org_y = r3(y);
		num(b, x), sp(b), num(b, y);
		sf_buf_puts(b, " Tm\n");
	} else {
		/* From where the last line's text left the line matrix: a
		 * short move rather than a whole matrix. */
		double cx = d->org_x + d->lm_x, cy = d->org_y + d->lm_y;
		double dx = r3(x - cx), dy = r3(y - cy);
		if (dx != 0 || dy != 0) {
			num(b, dx), sp(b), num(b, -dy);
			sf_buf_puts(b, " Td\n");
		}
		d->org_x = cx + dx, d->org_y = cy + dy;
	}
	d->lm_x = d->lm_y = 0;
}

/* Marks glyph gid of font f drawn, standing for text (len bytes). */
static void mark(pw_doc *d, pw_font *f, unsigned gid, const char *text, size_t len)
{
	if (gid >= d->c->faces[f->face].nglyphs)
		return;
	if (!f->used[gid]) {
		f->used[gid] = 1;
		*XPUSH(f->list, f->nlist, f->clist) = (uint16_t)gid;
	}
	if (text && len && !f->text[gid]) {
		f->text[gid] = (uint32_t)(d->texts.len + 1);
		f->tlen[gid] = (uint32_t)len;
		sf_buf_add(&d->texts, text, len);
	}
}

/* The line matrix to (x, y) from the line's origin, y down. */
static void move_to(pw_doc *d, double x, double y)
{
	double dx = r3(x - d->lm_x), dy = r3(y - d->lm_y);
	if (dx == 0 && dy == 0)
		return;
	sf_buf *b = &d->ct;
	num(b, dx), sp(b), num(b, -dy);
	sf_buf_puts(b, " Td\n");
	d->lm_x += dx, d->lm_y += dy;
}

/* The text state's font to face at size, unless it is so already. */
static void set_font(pw_doc *d, const pw_face *fc, hb_face_t *face, double size)
{
	if (d->tf_ok && d->tf_face == face && d->tf_size == size)
		return;
	sf_buf *b = &d->ct;
	sf_buf_putc(b, '/');
	sf_buf_puts(b, fc->name);
	sp(b);
	num(b, size);
	sf_buf_puts(b, " Tf\n");
	d->tf_ok = 1, d->tf_face = face, d->tf_size = size;
}

void pw_run(pw_doc *d, hb_face_t *face, double size, double x, double y, const pw_glyph *g,
	    size_t n, pw_rec *rec)
{
	if (!n || d->page < 0 || !d->in_text)
		return;
	size_t fi = font_of(d, face);
	pw_font *f = &d->fonts[fi];
	pw_face *fc = &d->c->faces[f->face];
	sf_buf *b = &d->ct;
	/* The font is set outside what is recorded: a line replayed after
	 * other text sets it as the text state needs. */
	set_font(d, fc, face, size);
	size_t start = b->len;
	if (rec) {
		rec->marked = d->serial; /* the glyphs are marked below */
		rec_run *rr = XPUSH(rec->runs, rec->nruns, rec->cruns);
		*rr = (rec_run){ face, size, 0, rec->bytes.len, 0 };
	}
	/* want: where the next glyph's origin should be, from x; at: where
	 * the text position is, from x, after what was written; both in
	 * thousandths of the size. Glyphs go in one string, two bytes each,
	 * until a kerning gap or an offset breaks it. */
	double k = 1000.0 / size;
	double want = 0, at = 0;
	int open = 0; /* inside [ ... ] TJ */
	int str = 0;  /* inside ( ... ) */
	int moved = 1; /* a Td is due */
	for (size_t i = 0; i < n; i++) {
		unsigned gid = g[i].gid;
		mark(d, f, gid, g[i].text, g[i].len);
		if (rec) {
			rec_mark *m = XPUSH(rec->marks, rec->nmarks, rec->cmarks);
			*m = (rec_mark){ g[i].text && g[i].len ? (uint32_t)(g[i].text - rec->base) : UINT32_MAX,
					 (uint16_t)gid, (uint16_t)(g[i].len > 0xFFFF ? 0xFFFF : g[i].len) };
			rec->runs[rec->nruns - 1].nmarks++;
		}
		int off = g[i].dx != 0 || g[i].dy != 0;
		if (off || moved) {
			if (str)
				sf_buf_putc(b, ')'), str = 0;
			if (open)
				sf_buf_puts(b, "] TJ\n"), open = 0;
			move_to(d, x + want / k + g[i].dx, y + g[i].dy);
			at = want + g[i].dx * k;
			moved = off; /* after an offset glyph, the next one is placed again */
		}
		if (!open)
			sf_buf_putc(b, '['), open = 1;
		/* Kerning and rounding: the gap between where the font's width
		 * leaves the text and where Pango put the glyph, once it is worth
		 * a thousandth of the size (0.01 pt at 10 pt). */
		double gap = at - (want + g[i].dx * k);
		if (gap >= 1 || gap <= -1) {
			long adj = lround(gap);
			if (str)
				sf_buf_putc(b, ')'), str = 0;
			inum(b, adj);
			at -= adj;
		}
		if (!str)
			sf_buf_putc(b, '('), str = 1;
		glyph_code(b, gid);
		at += glyph_width(fc, gid);
		want += g[i].adv * k;
	}
	if (str)
		sf_buf_putc(b, ')');
	if (open)
		sf_buf_puts(b, "] TJ\n");
	if (rec) {
		sf_buf_add(&rec->bytes, b->data + start, b->len - start);
		rec->runs[rec->nruns - 1].len = b->len - start;
		rec->lm_x = d->lm_x, rec->lm_y = d->lm_y;
	}
}

void pw_replay(pw_doc *d, pw_rec *r)
{
	if (d->page < 0 || !d->in_text)
		return;
	/* A line drawn again in the same document (a running header, a page
	 * number) has its glyphs marked there already. */
	int marks = r->marked != d->serial;
	r->marked = d->serial;
	const rec_mark *m = r->marks;
	for (size_t i = 0; i < r->nruns; i++) {
		const rec_run *rr = &r->runs[i];
		size_t fi = font_of(d, rr->face); /* may move d->fonts */
		pw_font *f = &d->fonts[fi];
		for (size_t j = 0; marks && j < rr->nmarks; j++, m++)
			mark(d, f, m->gid, m->text == UINT32_MAX ? NULL : r->base + m->text, m->len);
		set_font(d, &d->c->faces[f->face], rr->face, rr->size);
		sf_buf_add(&d->ct, r->bytes.data + rr->off, rr->len);
	}
	/* The line matrix where the recording left it. */
	d->lm_x = r->lm_x, d->lm_y = r->lm_y;
}

void pw_link_uri(pw_doc *d, double x, double y, double w, double h, const char *uri)
{
	pw_link *l = XPUSH(d->links, d->nlinks, d->clinks);
	*l = (pw_link){ x, y, w, h, sf_xstrdup(uri), 0, 0, 0 };
}

void pw_link_page(pw_doc *d, double x, double y, double w, double h, int page, double px,
		  double py)
{
	if (page < 0 || page >= d->npages)
		return;
	pw_link *l = XPUSH(d->links, d->nlinks, d->clinks);
	*l = (pw_link){ x, y, w, h, NULL, page, px, py };
}

void pw_outline(pw_doc *d, int level, const char *title, int page, double x, double y)
{
	if (page < 0 || page >= d->npages || level < 1)
		return;
	pw_out *o = XPUSH(d->outl, d->noutl, d->coutl);
	*o = (pw_out){ level, page, sf_xstrdup(title), x, y };
}

/* --- finishing ------------------------------------------------------------------ */

/* Faces prepared for subsetting (hb_subset_preprocess: 60 M instructions a
 * face, which makes each subset some fifteen times cheaper), shared by the
 * build threads: each thread's Pango font map has faces of its own, of the
 * same files. A HarfBuzz face is immutable once made and safe to use from
 * several threads. Known by what identifies a font file here: its
 * PostScript name, glyph count and size. Freed by pw_shutdown. */
static pthread_mutex_t prep_lock = PTHREAD_MUTEX_INITIALIZER;
static struct prep {
	char name[64];
	unsigned nglyphs, len;
	hb_face_t *face;
} *preps;
static size_t npreps;

static hb_face_t *prepared_of(const pw_face *fc)
{
	hb_blob_t *blob = hb_face_reference_blob(fc->face);
	unsigned len = hb_blob_get_length(blob);
	hb_blob_destroy(blob);
	pthread_mutex_lock(&prep_lock);
	hb_face_t *p = NULL;
	for (size_t i = 0; i < npreps && !p; i++)
		if (preps[i].nglyphs == fc->nglyphs && preps[i].len == len && strcmp(preps[i].name, fc->name) == 0)
			p = preps[i].face;
	if (!p) {
		p = hb_subset_preprocess(fc->face);
		preps = sf_xrealloc(preps, (npreps + 1) * sizeof *preps);
		struct prep *e = &preps[npreps++];
		memcpy(e->name, fc->name, sizeof e->name);
		e->nglyphs = fc->nglyphs, e->len = len, e->face = p;
	}
	pthread_mutex_unlock(&prep_lock);
	return p;
}

void pw_shutdown(void)
{
	pthread_mutex_lock(&prep_lock);
	for (size_t i = 0; i < npreps; i++)
		hb_face_destroy(preps[i].face);
	free(preps);
	preps = NULL;
	npreps = 0;
	pthread_mutex_unlock(&prep_lock);
}

/* The subset of f's face with the glyphs drawn (and .notdef), hinting and
 * layout tables dropped (a PDF viewer needs neither), and into map (of
 * *nmap entries) each drawn glyph's id in it: the content keeps the face's
 * ids as CIDs, the font's CIDToGIDMap finds them in the subset. The face is
 * prepared for subsetting once (hb_subset_preprocess) and subset per
 * document. */
static hb_blob_t *subset(pw_face *fc, const pw_font *f, sf_buf *map)
{
	if (!fc->prepared)
		fc->prepared = prepared_of(fc);
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		return NULL;
	hb_set_t *gs = hb_subset_input_glyph_set(in);
	hb_set_add(gs, 0);
	for (size_t k = 0; k < f->nlist; k++)
		hb_set_add(gs, f->list[k]);
	unsigned top = f->nlist ? f->list[f->nlist - 1] : 0;
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	static const char tags[][5] = { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern",
					"morx", "mort", "kerx", "feat", "DSIG", "hdmx", "VDMX",
					"LTSH", "gasp", "vhea", "vmtx", "PCLT", "FFTM" };
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
		hb_set_add(drop, HB_TAG(tags[i][0], tags[i][1], tags[i][2], tags[i][3]));
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(fc->prepared, in);
	hb_subset_input_destroy(in);
	if (!plan)
		return NULL;
	const hb_map_t *old2new = hb_subset_plan_old_to_new_glyph_mapping(plan);
	unsigned char *m = sf_xcalloc((size_t)top + 1, 2);
	for (size_t k = 0; k < f->nlist; k++) {
		hb_codepoint_t n = hb_map_get(old2new, f->list[k]);
		if (n == HB_MAP_VALUE_INVALID)
			n = 0;
		m[2 * f->list[k]] = (unsigned char)(n >> 8);
		m[2 * f->list[k] + 1] = (unsigned char)(n & 0xFF);
	}
	sf_buf_add(map, (const char *)m, ((size_t)top + 1) * 2);
	free(m);
	hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
	hb_subset_plan_destroy(plan);
	if (!sub)
		return NULL;
	hb_blob_t *blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	if (!hb_blob_get_length(blob)) {
		hb_blob_destroy(blob);
		return NULL;
	}
	return blob;
}

/* The ToUnicode map's stream body into out: each drawn glyph's text, in
 * blocks of at most 100 (f->list sorted). */
static void to_unicode(pw_doc *d, const pw_font *f, sf_buf *out)
{
	sf_buf m = { 0 };
	sf_buf_puts(&m, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
			"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
			"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
			"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	size_t k = 0;
	while (k < f->nlist) {
		size_t start = k, n = 0;
		for (; k < f->nlist && n < 100; k++)
			n += f->text[f->list[k]] != 0;
		if (!n)
			break;
		inum(&m, (long long)n);
		sf_buf_puts(&m, " beginbfchar\n");
		for (size_t i = start; i < k; i++) {
			unsigned g = f->list[i];
			if (!f->text[g])
				continue;
			sf_buf_putc(&m, '<'), hex4(&m, g), sf_buf_puts(&m, "> <");
			utf16_hex(&m, d->texts.data + f->text[g] - 1, f->tlen[g]);
			sf_buf_puts(&m, ">\n");
		}
		sf_buf_puts(&m, "endbfchar\n");
	}
	sf_buf_puts(&m, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	stream_body(d->c, m.data, m.len, NULL, out);
	sf_buf_free(&m);
}

/* A subset's name tag: six capitals from the glyphs it holds. */
static void tag_of(const pw_font *f, char tag[7])
{
	uint32_t h = 2166136261u;
	for (size_t k = 0; k < f->nlist; k++) {
		unsigned g = f->list[k];
		h = (h ^ g) * 16777619u, h = (h ^ (g >> 8)) * 16777619u;
	}
	for (int i = 0; i < 6; i++, h /= 26)
		tag[i] = (char)('A' + h % 26);
	tag[6] = '\0';
}

/* The subset of f: made before, or made now and kept. */
static pw_sub *subset_of(pw_ctx *c, const pw_font *f)
{
	pw_face *fc = &c->faces[f->face];
	const uint16_t *gids = f->list;
	size_t n = f->nlist;
	uint32_t h = 2166136261u ^ (uint32_t)f->face;
	for (size_t k = 0; k < n; k++)
		h = (h ^ gids[k]) * 16777619u;
	pw_sub **b = &c->subs[h % SUB_BUCKETS];
	for (pw_sub *s = *b; s; s = s->next)
		if (s->hash == h && s->face == f->face && s->n == n && memcmp(s->gids, gids, n * sizeof *gids) == 0)
			return s;
	sf_buf map = { 0 };
	hb_blob_t *blob = subset(fc, f, &map);
	if (!blob) {
		sf_buf_free(&map);
		return NULL;
	}
	if (c->sub_bytes > SUB_BYTES)
		subs_clear(c);
	pw_sub *s = sf_xcalloc(1, sizeof *s);
	*s = (pw_sub){ .face = f->face, .n = n, .hash = h, .gids = sf_xmalloc((n + 1) * sizeof *gids) };
	memcpy(s->gids, gids, n * sizeof *gids);
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	char extra[64];
	snprintf(extra, sizeof extra, "/Length1 %u ", len);
	stream_body(c, data, len, extra, &s->file);
	hb_blob_destroy(blob);
	stream_body(c, map.data, map.len, NULL, &s->gmap);
	sf_buf_free(&map);
	/* /W: each run of consecutive glyphs as "first [w w …]". */
	for (size_t k = 0; k < n;) {
		inum(&s->widths, gids[k]);
		sf_buf_puts(&s->widths, " [");
		num(&s->widths, glyph_width(fc, gids[k]));
		for (k++; k < n && gids[k] == gids[k - 1] + 1; k++) {
			sp(&s->widths);
			num(&s->widths, glyph_width(fc, gids[k]));
		}
		sf_buf_puts(&s->widths, "] ");
	}
	c->sub_bytes += s->file.len + s->gmap.len + n * sizeof *gids + sizeof *s;
	s->next = c->subs[h % SUB_BUCKETS];
	c->subs[h % SUB_BUCKETS] = s;
	return s;
}

static int write_font(pw_doc *d, const pw_font *f)
{
	pw_face *fc = &d->c->faces[f->face];
	pw_sub *sub = subset_of(d->c, f);
	if (!sub)
		return -1;
	char tag[7];
	tag_of(f, tag);
	int file = new_obj(d), desc = new_obj(d), cid = new_obj(d), uni = new_obj(d), gmap = new_obj(d);
	begin_obj(d, gmap);
	sf_buf_add(&d->out, sub->gmap.data, sub->gmap.len);
	end_obj(d);
	begin_obj(d, file);
	sf_buf_add(&d->out, sub->file.data, sub->file.len);
	end_obj(d);
	sf_buf *o = &d->out;
	begin_obj(d, desc);
	/* "/TAG+Name": the subset's PostScript name */
	char psname[80]; /* six letters, "+", a name of at most 63 bytes */
	snprintf(psname, sizeof psname, "%s+%s", tag, fc->name);
	sf_buf_puts(o, "<< /Type /FontDescriptor /FontName /");
	sf_buf_puts(o, psname);
	sf_buf_puts(o, " /Flags ");
	inum(o, fc->flags);
	sf_buf_puts(o, " /FontBBox [");
	for (int i = 0; i < 4; i++)
		num(o, fc->bbox[i]), sf_buf_puts(o, i < 3 ? " " : "");
	sf_buf_puts(o, "] /ItalicAngle "), num(o, fc->italic);
	sf_buf_puts(o, " /Ascent "), num(o, fc->ascent);
	sf_buf_puts(o, " /Descent "), num(o, fc->descent);
	sf_buf_puts(o, " /CapHeight "), num(o, fc->cap);
	sf_buf_puts(o, " /StemV 80 /FontFile2 ");
	ref(o, file);
	sf_buf_puts(o, " >>");
	end_obj(d);
	begin_obj(d, cid);
	sf_buf_puts(o, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /");
	sf_buf_puts(o, psname);
	sf_buf_puts(o, " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
		       "/FontDescriptor ");
	ref(o, desc);
	sf_buf_puts(o, " /CIDToGIDMap ");
	ref(o, gmap);
	sf_buf_puts(o, " /W [");
	sf_buf_add(o, sub->widths.data, sub->widths.len);
	sf_buf_puts(o, "] >>");
	end_obj(d);
	/* The text of each glyph is nearly always what it was in the last
	 * document with these glyphs (a hyphen may stand for "-" or a soft
	 * hyphen): its ToUnicode map is reused when it is. */
	sf_buf *key = &d->c->key;
	sf_buf_reset(key);
	for (size_t k = 0; k < f->nlist; k++) {
		unsigned g = f->list[k];
		if (!f->text[g])
			continue;
		uint32_t hd[2] = { g, f->tlen[g] };
		sf_buf_add(key, (const char *)hd, sizeof hd);
		sf_buf_add(key, d->texts.data + f->text[g] - 1, f->tlen[g]);
	}
	begin_obj(d, uni);
	if (sub->uni.len && key->len == sub->ukey.len && memcmp(key->data, sub->ukey.data, key->len) == 0) {
		sf_buf_add(o, sub->uni.data, sub->uni.len);
	} else {
		size_t at = o->len;
		to_unicode(d, f, o);
		sf_buf_reset(&sub->uni);
		sf_buf_add(&sub->uni, o->data + at, o->len - at);
		/* the record keeps this key; the context's buffer is the old one */
		sf_buf t = sub->ukey;
		sub->ukey = *key;
		*key = t;
	}
	end_obj(d);
	begin_obj(d, f->obj);
	sf_buf_puts(o, "<< /Type /Font /Subtype /Type0 /BaseFont /");
	sf_buf_puts(o, psname);
	sf_buf_puts(o, " /Encoding /Identity-H /DescendantFonts [");
	ref(o, cid);
	sf_buf_puts(o, "] /ToUnicode ");
	ref(o, uni);
	sf_buf_puts(o, " >>");
	end_obj(d);
	return 0;
}

static void write_outline(pw_doc *d)
{
	size_t n = d->noutl;
	if (!n)
		return;
	int root = new_obj(d);
	d->outline_obj = root;
	int *obj = sf_xmalloc(n * sizeof *obj);
	long *parent = sf_xmalloc(n * sizeof *parent), *prev = sf_xmalloc(n * sizeof *prev);
	long *next = sf_xmalloc(n * sizeof *next), *first = sf_xmalloc(n * sizeof *first);
	long *last = sf_xmalloc(n * sizeof *last);
	size_t *kids = sf_xcalloc(n, sizeof *kids);
	long rfirst = -1, rlast = -1;
	size_t rkids = 0;
	for (size_t i = 0; i < n; i++) {
		obj[i] = new_obj(d);
		first[i] = last[i] = next[i] = -1;
		/* The parent: the nearest entry before at a higher level. */
		long p = (long)i - 1;
		while (p >= 0 && d->outl[p].level >= d->outl[i].level)
			p--;
		parent[i] = p;
		long *pl = p >= 0 ? &last[p] : &rlast;
		long *pf = p >= 0 ? &first[p] : &rfirst;
		prev[i] = *pl;
		if (*pl >= 0)
			next[*pl] = (long)i;
		else
			*pf = (long)i;
		*pl = (long)i;
		if (p >= 0)
			kids[p]++;
		else
			rkids++;
	}
	sf_buf *o = &d->out;
	begin_obj(d, root);
	sf_buf_printf(o, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %zu >>", obj[rfirst],
		      obj[rlast], rkids);
	end_obj(d);
	for (size_t i = 0; i < n; i++) {
		const pw_out *e = &d->outl[i];
		begin_obj(d, obj[i]);
		sf_buf_puts(o, "<< /Title ");
		text_str(o, e->title);
		sf_buf_puts(o, " /Parent ");
		ref(o, parent[i] >= 0 ? obj[parent[i]] : root);
		if (prev[i] >= 0)
			sf_buf_puts(o, " /Prev "), ref(o, obj[prev[i]]);
		if (next[i] >= 0)
			sf_buf_puts(o, " /Next "), ref(o, obj[next[i]]);
		/* Closed: a reader opens a stage to see its topics. */
		if (first[i] >= 0)
			sf_buf_printf(o, " /First %d 0 R /Last %d 0 R /Count -%zu", obj[first[i]],
				      obj[last[i]], kids[i]);
		sf_buf_puts(o, " /Dest [");
		ref(o, OBJ_FIRST_PAGE + e->page);
		sf_buf_puts(o, " /XYZ ");
		num(o, e->x), sp(o), num(o, d->h - e->y);
		sf_buf_puts(o, " null] >>");
		end_obj(d);
	}
	free(obj), free(parent), free(prev), free(next), free(first), free(last), free(kids);
}

static int cmp_gid(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

int pw_finish(pw_doc *d, const char *title, const char *creator, const char *date, sf_buf *out)
{
	close_page(d);
	/* Pages announced and not drawn: blank. */
	while (d->page + 1 < d->npages) {
		pw_page(d);
		close_page(d);
	}
	d->page = d->npages; /* nothing more is drawn */
	int rc = 0;
	for (size_t i = 0; i < d->nfonts; i++) {
		pw_font *f = &d->fonts[i];
		qsort(f->list, f->nlist, sizeof *f->list, cmp_gid);
		if (write_font(d, f) != 0)
			rc = -1;
	}
	write_outline(d);
	sf_buf *o = &d->out;
	begin_obj(d, OBJ_RESOURCES);
	sf_buf_puts(o, "<< /Font <<");
	for (size_t i = 0; i < d->nfonts; i++)
		sf_buf_printf(o, " /%s %d 0 R", d->c->faces[d->fonts[i].face].name, d->fonts[i].obj);
	sf_buf_puts(o, " >> >>");
	end_obj(d);
	begin_obj(d, OBJ_PAGES);
	sf_buf_puts(o, "<< /Type /Pages /Kids [");
	for (int p = 0; p < d->npages; p++)
		sf_buf_puts(o, p ? " " : ""), ref(o, OBJ_FIRST_PAGE + p);
	sf_buf_printf(o, "] /Count %d >>", d->npages);
	end_obj(d);
	char pdate[32] = "";
	if (date && strlen(date) == 10)
		snprintf(pdate, sizeof pdate, "D:%.4s%.2s%.2s000000Z", date, date + 5, date + 8);
	begin_obj(d, OBJ_INFO);
	sf_buf_puts(o, "<< /Title ");
	text_str(o, title ? title : "");
	sf_buf_puts(o, " /Creator ");
	text_str(o, creator);
	sf_buf_puts(o, " /Producer ");
	text_str(o, creator);
	if (pdate[0])
		sf_buf_printf(o, " /CreationDate (%s) /ModDate (%s)", pdate, pdate);
	sf_buf_puts(o, " >>");
	end_obj(d);
	begin_obj(d, OBJ_CATALOG);
	sf_buf_printf(o, "<< /Type /Catalog /Pages %d 0 R", OBJ_PAGES);
	if (d->outline_obj)
		sf_buf_printf(o, " /Outlines %d 0 R", d->outline_obj);
	sf_buf_puts(o, " >>");
	end_obj(d);
	size_t xref = o->len;
	sf_buf_printf(o, "xref\n0 %d\n0000000000 65535 f \n", d->nobj + 1);
	for (int i = 1; i <= d->nobj; i++) {
		char e[21] = "0000000000 00000 n \n";
		for (size_t v = d->off[i], k = 10; k-- > 0 && v; v /= 10)
			e[k] = (char)('0' + v % 10);
		sf_buf_add(o, e, 20);
	}
	sf_buf_printf(o, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
		      d->nobj + 1, OBJ_CATALOG, OBJ_INFO, xref);
	*out = d->out;
	d->out = (sf_buf){ 0 };
	return rc;
}
