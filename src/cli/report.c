/* report.c: printing the sink as text for a person, and the exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

int sf_exit_for(const sf_sink *sink)
{
	switch (sf_sink_worst(sink)) {
	case SF_SYSTEM: return EXIT_SYSTEM;
	case SF_ERROR: return EXIT_CONTENT;
	default: return EXIT_CLEAN;
	}
}

int sf_report_text(sf_sink *sink, int verbose, int quiet_summary)
{
	int tty = isatty(fileno(stderr));
	const char *nc = getenv("NO_COLOR");
	sf_print_opts o = { verbose || tty, tty && !(nc && *nc) };
	sf_sink_sort(sink);
	for (size_t i = 0; i < sf_sink_count(sink); i++)
		sf_diag_print(sink, sf_sink_get(sink, i), stderr, o);
	size_t e = sf_sink_count_sev(sink, SF_ERROR) + sf_sink_count_sev(sink, SF_SYSTEM);
	size_t w = sf_sink_count_sev(sink, SF_WARNING);
	if (!quiet_summary && (e || w))
		fprintf(stderr, "%zu error%s, %zu warning%s\n", e, e == 1 ? "" : "s", w,
			w == 1 ? "" : "s");
	return sf_exit_for(sink);
}
