/* pdf_deflate.c: how hard Cairo compresses a PDF's streams. Cairo deflates
 * every stream it writes through zlib's deflateInit at zlib's default level
 * and has no setting for it. safar defines deflateInit_ (what the
 * deflateInit macro calls) itself, and the dynamic linker binds Cairo's calls
 * to it. While pd_end draws the pages, the page contents (text operators,
 * which shrink four- to fivefold) are deflated at Z_BEST_SPEED; while it
 * finishes the file, the font subsets and their ToUnicode maps (glyph
 * outlines, which shrink by a third at best) are stored, not deflated: most
 * of the time zlib took went on them. Every other caller gets the level it
 * asks for, as zlib's own deflateInit_ would give it. Where the binding does
 * not happen (a static build), the PDFs are smaller and slower to write.
 * docs/performance.md, "PDF". */
#include <zlib.h>

#include "pdf.h"

static _Thread_local int mode;

void pd_deflate_mode(int m)
{
	mode = m;
}

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	if (mode == PD_DEFLATE_FAST)
		level = Z_BEST_SPEED;
	else if (mode == PD_DEFLATE_STORE)
		level = Z_NO_COMPRESSION;
	/* zlib's deflateInit_ is deflateInit2_ with these (DEF_MEM_LEVEL 8). */
	return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}
