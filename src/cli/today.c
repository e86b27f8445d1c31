/* today.c: the one date every command calls today: --today, SOURCE_DATE_EPOCH, or the clock. */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "safar/date.h"

/* 9999-12-31T23:59:59Z: the last second a YYYY-MM-DD date can name. */
#define MAX_EPOCH 253402300799LL

int sf_cli_today(const sf_cmd *cmd, const char *today_opt, long *days)
{
	if (today_opt) {
		*days = sf_date_parse(today_opt);
		if (*days < 0)
			return sf_usage_error(cmd, "--today takes a date YYYY-MM-DD, not '%s'", today_opt);
		return EXIT_CLEAN;
	}
	/* Reproducible builds: a value that is set but wrong must not fall
	 * back to the clock in silence (docs/decisions.md, "SOURCE_DATE_EPOCH"). */
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		errno = 0;
		long long v = strtoll(e, &end, 10);
		if (*end != '\0' || errno == ERANGE || v < 0 || v > MAX_EPOCH || *e == '+' || *e == ' ')
			return sf_usage_error(cmd,
					      "SOURCE_DATE_EPOCH must be a whole number of seconds "
					      "from 0 to %lld (9999-12-31), not '%s'",
					      MAX_EPOCH, e);
		*days = (long)(v / 86400);
		return EXIT_CLEAN;
	}
	*days = (long)(time(NULL) / 86400);
	return EXIT_CLEAN;
}
