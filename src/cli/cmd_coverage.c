/* cmd_coverage.c: `safar coverage`: where the content is thin, corridor by corridor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "safar/check.h"
#include "safar/coverage.h"
#include "safar/load.h"

enum { O_DIR = 1, O_FORMAT, O_HELP, O_OUT, O_TODAY };

static const sf_opt opts[] = {
	SF_OPT_DIR(O_DIR),
	{ O_FORMAT, 0, "format", "FMT", "text, md, html, json (stdout) or xlsx (a file)" },
	SF_OPT_HELP(O_HELP),
	{ O_OUT, 'o', "output", "FILE", "the xlsx file to write (default: coverage.xlsx)" },
	{ O_TODAY, 0, "today", "YYYY-MM-DD", "the date staleness is measured from (default: today)" },
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_coverage = { "coverage", "",
				 "show, per corridor, stage and topic, which languages and audiences are covered",
				 opts, SF_NELEM(opts), run };

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg, *dir = NULL, *outfile = "coverage.xlsx";
	int id, format = SF_COV_TEXT;
	const char *today_opt = NULL;
	long today;
	sf_optparse_init(&p, &sf_cmd_coverage, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		switch (id) {
		case O_DIR: dir = arg; break;
		case O_FORMAT:
			format = sf_name_index(sf_cov_format_names, SF_NELEM(sf_cov_format_names), arg);
			if (format < 0)
				return sf_usage_error(&sf_cmd_coverage, "unknown format '%s' (text, md, html, json, xlsx)", arg);
			break;
		case O_HELP: sf_cmd_help(&sf_cmd_coverage); return EXIT_CLEAN;
		case O_OUT: outfile = arg; break;
		case O_TODAY: today_opt = arg; break;
		}
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops > 0)
		return sf_usage_error(&sf_cmd_coverage, "unexpected argument '%s'", argv[1]);
	if (sf_cli_today(&sf_cmd_coverage, today_opt, &today) != EXIT_CLEAN)
		return EXIT_USAGE;

	sf_cli_root cr;
	sf_cli_open(&cr, dir, 1);
	if (cr.loaded) {
		sf_coverage cov;
		sf_coverage_compute(&cr.root, cr.sink, today, cr.a, &cov);
		if (format == SF_COV_XLSX) {
			sf_coverage_xlsx(&cov, outfile, today, cr.sink);
		} else {
			sf_buf b = { 0 };
			sf_coverage_format(&b, &cov, format);
			sf_cli_print(&b, format == SF_COV_TEXT);
			sf_buf_free(&b);
		}
	}
	return sf_cli_close(&cr, EXIT_CLEAN);
}
