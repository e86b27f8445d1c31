/* output.c: what every renderer shares: atomic writes, dates, buffer state. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "safar/fsio.h"

int sf_output_write(const sf_output *o, const char *name, const sf_buf *b)
{
	const char *path = sf_path_join(o->a, o->dir, name);
	if (sf_write_atomic(path, b->data ? b->data : "", b->len) != 0) {
		sf_emit(o->sink, SF_D_IO, (sf_loc){ path, 0, 0 }, "cannot write: %s", strerror(errno));
		return -1;
	}
	if (o->written)
		atomic_fetch_add(o->written, 1);
	return 0;
}

void *h_buf_new(void)
{
	sf_buf *b = calloc(1, sizeof *b);
	if (!b)
		abort();
	return b;
}

void h_buf_free(void *state)
{
	sf_buf_free(state);
	free(state);
}
