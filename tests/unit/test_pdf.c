/* test_pdf.c: the PDF writer's bytes: glyph codes escaped, lines moved and
 * replayed, the cross-reference table pointing at its objects. */
/* memmem: a GNU extension, in glibc and the BSDs. */
#define _GNU_SOURCE 1
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "../../src/render/pdf_write.h"
#include "suites.h"

/* Debian's fonts-dejavu-core (make deps), the family the PDFs use. */
#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

static hb_face_t *dejavu(void)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(DEJAVU);
	ck_assert_msg(blob != NULL, "%s is missing: make deps installs fonts-dejavu-core", DEJAVU);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	return face;
}

/* gid's advance at size points, as Pango gives it unhinted. */
static double adv(hb_face_t *face, unsigned gid, double size)
{
	hb_font_t *f = hb_font_create(face);
	double a = hb_font_get_glyph_h_advance(f, gid) * size / hb_face_get_upem(face);
	hb_font_destroy(f);
	return a;
}

/* The first stream of pdf (the first page's content), inflated. */
static char *first_stream(const sf_buf *pdf, size_t *len)
{
	const char *s = memmem(pdf->data, pdf->len, "stream\n", 7);
	ck_assert_ptr_nonnull(s);
	const char *l = memmem(pdf->data, pdf->len, "/Length ", 8);
	ck_assert_ptr_nonnull(l);
	size_t clen = strtoul(l + 8, NULL, 10);
	s += 7;
	char *out = calloc(1, 1 << 16);
	z_stream z = { 0 };
	ck_assert_int_eq(inflateInit(&z), Z_OK);
	z.next_in = (Bytef *)(size_t)s;
	z.avail_in = (uInt)clen;
	z.next_out = (Bytef *)out;
	z.avail_out = (1 << 16) - 1;
	ck_assert_int_eq(inflate(&z, Z_FINISH), Z_STREAM_END);
	*len = z.total_out;
	inflateEnd(&z);
	return out;
}

/* Finishes and frees d: its first page's content, inflated (n bytes), and
 * the whole file in out. */
static char *finish(pw_doc *d, sf_buf *out, size_t *n)
{
	*out = (sf_buf){ 0 };
	ck_assert_int_eq(pw_finish(d, "t", "safar test", "2026-12-04", out), 0);
	pw_free(d);
	return first_stream(out, n);
}

static void done(pw_ctx *c, hb_face_t *face)
{
	pw_ctx_free(c);
	pw_shutdown();
	hb_face_destroy(face);
}

/* Glyph ids whose bytes are CR, LF, ( ) and \: escaped in the string but
 * for LF, which a literal string may hold; a second line moved with Td;
 * the font set once. */
START_TEST(glyph_codes_escaped_and_lines_moved)
{
	hb_face_t *face = dejavu();
	pw_ctx *c = pw_ctx_new();
	pw_doc *d = pw_new(c, 1, 100, 100);
	pw_page(d);
	unsigned gids[] = { 0x0D28, 0x0A5C, 0x0D29 };
	pw_glyph g[3];
	for (int i = 0; i < 3; i++)
		g[i] = (pw_glyph){ .gid = gids[i], .adv = adv(face, gids[i], 10) };
	pw_line_at(d, 10, 20);
	pw_run(d, face, 10, 0, 0, g, 3, NULL);
	pw_line_at(d, 10, 35);
	pw_run(d, face, 10, 0, 0, g, 1, NULL);
	sf_buf out;
	size_t n;
	char *ct = finish(d, &out, &n);
	static const char want[] = "1 0 0 -1 0 100 cm\nBT\n1 0 0 -1 10 20 Tm\n/DejaVuSans 10 Tf\n"
				   "[(\\r\\(\n\\\\\\r\\))] TJ\n0 -15 Td\n[(\\r\\()] TJ\nET\n";
	ck_assert_uint_eq(n, sizeof want - 1);
	ck_assert_mem_eq(ct, want, n);
	free(ct);
	sf_buf_free(&out);
	done(c, face);
}
END_TEST

/* A line recorded in one document and replayed in another writes the same
 * bytes as drawing it anew would. */
START_TEST(replay_writes_what_drawing_writes)
{
	hb_face_t *face = dejavu();
	pw_ctx *c = pw_ctx_new();
	static const char text[] = "Ab";
	pw_glyph g[2] = { { .gid = 36, .adv = adv(face, 36, 12) + 0.5, .text = text, .len = 1 },
			  { .gid = 69, .adv = adv(face, 69, 12), .text = text + 1, .len = 1 } };
	pw_rec *rec = pw_rec_new(text);
	char *ct[2];
	size_t n[2];
	for (int k = 0; k < 2; k++) {
		pw_doc *d = pw_new(c, 1, 200, 200);
		pw_page(d);
		pw_line_at(d, 30, 40);
		if (k == 0)
			pw_run(d, face, 12, 5, 0, g, 2, rec);
		else
			pw_replay(d, rec);
		sf_buf out;
		ct[k] = finish(d, &out, &n[k]);
		/* the glyphs' text is in the ToUnicode map either way */
		ck_assert_ptr_nonnull(memmem(out.data, out.len, "/ToUnicode", 10));
		sf_buf_free(&out);
	}
	ck_assert_uint_eq(n[0], n[1]);
	ck_assert_mem_eq(ct[0], ct[1], n[0]);
	/* the run 5 pt from the line's origin; half a point after the A, a
	 * kerning of -500/12 thousandths of the size; glyph codes raw */
	static const char run[] = "/DejaVuSans 12 Tf\n5 0 Td\n[(\0$)-42(\0E)] TJ\n";
	ck_assert_ptr_nonnull(memmem(ct[0], n[0], run, sizeof run - 1));
	free(ct[0]);
	free(ct[1]);
	pw_rec_free(rec);
	done(c, face);
}
END_TEST

/* Every entry of the cross-reference table is the offset of its object. */
START_TEST(xref_points_at_objects)
{
	hb_face_t *face = dejavu();
	pw_ctx *c = pw_ctx_new();
	pw_doc *d = pw_new(c, 2, 100, 100);
	pw_glyph g = { .gid = 36, .adv = adv(face, 36, 9) };
	pw_page(d);
	pw_line_at(d, 10, 10);
	pw_run(d, face, 9, 0, 0, &g, 1, NULL);
	pw_link_uri(d, 10, 10, 20, 5, "https://example.org/(a)");
	pw_link_page(d, 10, 20, 20, 5, 1, 10, 10);
	pw_outline(d, 1, "Первый", 0, 10, 10);
	pw_outline(d, 2, "Second", 1, 10, 10);
	pw_page(d);
	sf_buf out = { 0 };
	ck_assert_int_eq(pw_finish(d, "Title", "safar test", "2026-12-04", &out), 0);
	pw_free(d);
	ck_assert_mem_eq(out.data, "%PDF-1.5\n", 9);
	/* the trailer is the file's last bytes */
	const char *sx = memmem(out.data + out.len - 64, 64, "startxref\n", 10);
	ck_assert_ptr_nonnull(sx);
	size_t xref = strtoul(sx + 10, NULL, 10);
	ck_assert_mem_eq(out.data + xref, "xref\n0 ", 7);
	char *p;
	long nobj = strtol(out.data + xref + 7, &p, 10);
	ck_assert_int_gt(nobj, 10);
	p = strchr(p, '\n') + 1 + 20; /* past entry 0 */
	for (long i = 1; i < nobj; i++, p += 20) {
		size_t off = strtoul(p, NULL, 10);
		char head[32];
		int w = snprintf(head, sizeof head, "%ld 0 obj\n", i);
		ck_assert_msg(off + (size_t)w <= out.len && memcmp(out.data + off, head, (size_t)w) == 0,
			      "object %ld is not at %zu", i, off);
	}
	ck_assert_ptr_nonnull(memmem(out.data, out.len, "/URI (https://example.org/\\(a\\))", 31));
	ck_assert_ptr_nonnull(memmem(out.data, out.len, "/CreationDate (D:20261204000000Z)", 33));
	/* "Первый" in UTF-16BE */
	ck_assert_ptr_nonnull(memmem(out.data, out.len, "<FEFF041F043504400432044B0439>", 30));
	sf_buf_free(&out);
	done(c, face);
}
END_TEST

Suite *suite_pdf(void)
{
	Suite *s = suite_create("pdf");
	TCase *tc = tcase_create("writer");
	tcase_add_test(tc, glyph_codes_escaped_and_lines_moved);
	tcase_add_test(tc, replay_writes_what_drawing_writes);
	tcase_add_test(tc, xref_points_at_objects);
	suite_add_tcase(s, tc);
	return s;
}
