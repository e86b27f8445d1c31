/* report.c: the commands' diagnostics on stderr, and the exit status they call for. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "safar/report.h"

int sf_exit_for(const sf_sink *sink)
{
	switch (sf_sink_worst(sink)) {
	case SF_SYSTEM: return EXIT_SYSTEM;
	case SF_ERROR: return EXIT_CONTENT;
	default: return EXIT_CLEAN;
	}
}

int sf_use_color(void)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(fileno(stderr)) && !(nc && *nc);
}

int sf_report_text(sf_sink *sink, int verbose, int quiet_summary)
{
	sf_report_opts o = { SF_REPORT_TEXT, verbose || isatty(fileno(stderr)), sf_use_color(), 0,
			     !quiet_summary };
	sf_report(sink, NULL, stderr, &o);
	return sf_exit_for(sink);
}
