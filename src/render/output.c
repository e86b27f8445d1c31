/* output.c: what every renderer shares: atomic writes, dates, buffer state. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "manifest.h"
#include "safar/fsio.h"
#include "safar/xalloc.h"

void sf_writes_done(sf_writes *w, const char *path, int changed)
{
	atomic_fetch_add(changed ? &w->written : &w->unchanged, 1);
	if (w->mf)
		mf_produced(w->mf, path);
}

void sf_writes_fail(sf_writes *w, const char *path, const char *what, int err)
{
	/* One cause, one error: the writes that fail after the first (the
	 * other threads' editions in flight) fail for the same reason. */
	if (atomic_exchange(&w->failed, 1) == 0)
		sf_emit(w->sink, SF_D_IO, (sf_loc){ path, 0, 0 }, "cannot %s: %s; the build stopped here",
			what, strerror(err));
}

int sf_output_write(const sf_output *o, const char *name, const sf_buf *b)
{
	const char *path = sf_path_join(o->a, o->dir, name);
	/* Unchanged bytes are not rewritten: make and rsync see no change. */
	int changed;
	if (sf_write_if_changed(path, b->data ? b->data : "", b->len, &changed) != 0) {
		sf_writes_fail(o->w, path, "write", errno);
		return -1;
	}
	sf_writes_done(o->w, path, changed);
	return 0;
}

void *h_buf_new(void)
{
	return sf_xcalloc(1, sizeof(sf_buf));
}

void h_buf_free(void *state)
{
	sf_buf_free(state);
	free(state);
}
