/* pdf_deflate.c: how hard Cairo compresses a PDF's streams. Cairo deflates
 * every stream it writes (page contents, font subsets) through zlib's
 * deflateInit at zlib's default level, and has no setting for it. safar
 * defines deflateInit_ (what the deflateInit macro calls) itself, which the
 * dynamic linker binds Cairo's calls to: while pd_end draws and writes a PDF
 * on this thread, the level is Z_BEST_SPEED, about three times faster for
 * about 6 % more bytes; every other caller gets the level it asks for, as
 * zlib's own deflateInit_ would give it (docs/performance.md, "PDF"). Where
 * the binding does not happen (a static build), the PDFs are the same, only
 * slower to write. */
#include <zlib.h>

#include "pdf.h"

static _Thread_local int fast;

void pd_fast_deflate(int on)
{
	fast = on;
}

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	/* zlib's deflateInit_ is deflateInit2_ with these (DEF_MEM_LEVEL 8). */
	return deflateInit2_(strm, fast ? Z_BEST_SPEED : level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
			     version, stream_size);
}
