/* pdf_write.h: a small PDF writer: glyph runs, strokes, image masks, links,
 * an outline and subset TrueType fonts (docs/outputs.md, "PDF"). render/ only.
 *
 * Coordinates are points from the top left corner of the page, y down, as
 * the print engine lays pages out. Fonts are HarfBuzz faces: glyph ids are
 * the font's own, each font is embedded as a CID TrueType subset that keeps
 * them (Identity-H), with the widths and the Unicode text of every glyph
 * drawn, so that text can be searched and copied. */
#ifndef SAFAR_RENDER_PDF_WRITE_H
#define SAFAR_RENDER_PDF_WRITE_H

#include <hb.h>
#include <stddef.h>

#include "safar/buf.h"

/* What one thread keeps across documents: the faces' metrics, the subsets
 * already made, a deflate stream. Not shared between threads. */
typedef struct pw_ctx pw_ctx;
pw_ctx *pw_ctx_new(void);
void pw_ctx_free(pw_ctx *c);
/* Frees what the threads share (faces prepared for subsetting): at exit,
 * once no thread writes a PDF. */
void pw_shutdown(void);

/* One document of npages pages, all width x height points. */
typedef struct pw_doc pw_doc;
pw_doc *pw_new(pw_ctx *c, int npages, double width, double height);
void pw_free(pw_doc *d);

/* Pages are drawn in order: pw_page, what is on it, pw_page again. */
void pw_page(pw_doc *d);

/* The graphics state: saved and restored around a transformation (x' = sx
 * x + tx, y' = sy y + ty) and a clip. */
void pw_save(pw_doc *d);
void pw_restore(pw_doc *d);
void pw_transform(pw_doc *d, double sx, double sy, double tx, double ty);
void pw_clip(pw_doc *d, double x, double y, double w, double h);

void pw_line(pw_doc *d, double x0, double y0, double x1, double y1, double width);
void pw_box(pw_doc *d, double x, double y, double w, double h, double width);
/* n x n modules (m[y * n + x] nonzero: dark) filling the square of side
 * size at x, y: a QR code, one bit per module, scaled without smoothing. */
void pw_mask(pw_doc *d, const unsigned char *m, int n, double x, double y, double size);

/* A glyph: its id, its advance (points), its offset from where the advance
 * puts it, and the text it stands for (the first glyph of a cluster; NULL
 * for the others). */
typedef struct pw_glyph {
	unsigned gid;
	double adv, dx, dy;
	const char *text;
	size_t len;
} pw_glyph;

/* Text is drawn a line at a time: pw_line_at puts the line's origin (its
 * baseline's left end) at x, y; each pw_run draws glyphs of face at size
 * points from x, y off that origin. What the runs of a line write does
 * not depend on where the line is or what came before it, so a line drawn
 * again (a paragraph every edition prints) is replayed from a record:
 * pw_rec_new(base), base the text the glyphs' text points into (it must
 * outlive the record), given to each pw_run of the line, then pw_replay
 * for the line's next drawing, after its pw_line_at. */
typedef struct pw_rec pw_rec;
pw_rec *pw_rec_new(const char *base);
void pw_rec_free(pw_rec *r);
void pw_line_at(pw_doc *d, double x, double y);
void pw_run(pw_doc *d, hb_face_t *face, double size, double x, double y, const pw_glyph *g,
	    size_t n, pw_rec *rec);
void pw_replay(pw_doc *d, pw_rec *r);

/* A link over the rectangle: to uri, or to the point (x, y) of page (from 0). */
void pw_link_uri(pw_doc *d, double x, double y, double w, double h, const char *uri);
void pw_link_page(pw_doc *d, double x, double y, double w, double h, int page, double px,
		  double py);
/* An outline entry at level (1 the top) after the previous ones. */
void pw_outline(pw_doc *d, int level, const char *title, int page, double x, double y);

/* Writes the document into out: 0, or -1 when a font cannot be subset.
 * date: YYYY-MM-DD, the document's creation and modification date. */
int pw_finish(pw_doc *d, const char *title, const char *creator, const char *date, sf_buf *out);

#endif
