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

void sf_date_str(long days, char out[11])
{
	/* Howard Hinnant's civil_from_days. */
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	if (y < 0 || y > 9999)
		y = 0, m = 1, d = 1;
	unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u, ud = (unsigned)d % 100u;
	snprintf(out, 11, "%04u-%02u-%02u", uy, um, ud);
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
