/* diagnostics.c: the commands' diagnostics on stderr, the exit status they call for, their output on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

void sf_cli_print(const sf_buf *b, int text)
{
	if (!b->len)
		return;
	if (!text) {
		fwrite(b->data, 1, b->len, stdout);
		return;
	}
	sf_buf e = { 0 };
	for (size_t i = 0; i < b->len;) {
		const char *nl = memchr(b->data + i, '\n', b->len - i);
		size_t n = nl ? (size_t)(nl - (b->data + i)) : b->len - i;
		sf_buf_term(&e, b->data + i, n);
		if (nl)
			sf_buf_putc(&e, '\n');
		i += n + (nl != NULL);
	}
	fwrite(e.data, 1, e.len, stdout);
	sf_buf_free(&e);
}
