/* cmd_check.c: `safar check`: load, resolve and check everything, render nothing. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "safar/check.h"
#include "safar/load.h"
#include "safar/report.h"
#include "safar/suggest.h"

enum { O_DIR = 1, O_FORMAT, O_HELP, O_IGNORE, O_MAX_WARNINGS, O_QUIET, O_STRICT, O_TODAY, O_VERBOSE };

static const sf_opt opts[] = {
	SF_OPT_DIR(O_DIR),
	{ O_FORMAT, 0, "format", "FMT", "report format: text (stderr), json, github or junit (stdout)" },
	SF_OPT_HELP(O_HELP),
	{ O_IGNORE, 0, "ignore", "CODE", "drop findings of CODE from the report and the exit status (repeatable)" },
	{ O_MAX_WARNINGS, 0, "max-warnings", "N", "fail (exit 1) when there are more than N warnings" },
	{ O_QUIET, 'q', "quiet", NULL, "text: print errors only, and no summary" },
	{ O_STRICT, 0, "strict", NULL, "fallback languages, drafts and stale translations are errors, not warnings" },
	{ O_TODAY, 0, "today", "YYYY-MM-DD", "the date review_by is measured from (default: today)" },
	{ O_VERBOSE, 'v', "verbose", NULL, "quote each source line with a caret" },
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_check = { "check", "", "check that the content is well-formed, complete and current",
			      opts, SF_NELEM(opts), run };

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg, *dir = NULL;
	int id, strict = 0;
	long max_warnings = -1;
	sf_report_opts ro = { SF_REPORT_TEXT, 0, 0, 0, 1 };
	const char *today = NULL;
	sf_check_opts co = { 0 };
	int ignore[SF_D_COUNT] = { 0 };
	sf_optparse_init(&p, &sf_cmd_check, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		switch (id) {
		case O_DIR: dir = arg; break;
		case O_FORMAT: {
			int f = sf_name_index(sf_report_format_names, SF_NELEM(sf_report_format_names), arg);
			if (f < 0)
				return sf_usage_error(&sf_cmd_check, "unknown format '%s' (text, json, github, junit)", arg);
			ro.format = (enum sf_report_format)f;
			break;
		}
		case O_HELP: sf_cmd_help(&sf_cmd_check); return EXIT_CLEAN;
		case O_IGNORE: {
			int k = -1;
			for (int c = 0; c < SF_D_COUNT && k < 0; c++)
				if (strcmp(sf_dcode_name((sf_dcode)c), arg) == 0)
					k = c;
			if (k < 0 || sf_dcode_severity((sf_dcode)k) == SF_SYSTEM) {
				const char *names[SF_D_COUNT];
				for (int c = 0; c < SF_D_COUNT; c++)
					names[c] = sf_dcode_name((sf_dcode)c);
				const char *near = sf_suggest(arg, names, SF_D_COUNT);
				if (k >= 0)
					return sf_usage_error(&sf_cmd_check, "--ignore %s: an I/O failure cannot be ignored", arg);
				if (near)
					return sf_usage_error(&sf_cmd_check, "--ignore: no code '%s'; did you mean '%s'? (docs/diagnostics.md)", arg, near);
				return sf_usage_error(&sf_cmd_check, "--ignore: no code '%s' (docs/diagnostics.md lists them)", arg);
			}
			ignore[k] = 1;
			break;
		}
		case O_MAX_WARNINGS:
			if (sf_opt_int("--max-warnings", arg, 0, 1000000, &max_warnings) != 0)
				return EXIT_USAGE;
			break;
		case O_QUIET: ro.quiet = 1; break;
		case O_STRICT: strict = 1; break;
		case O_TODAY: today = arg; break;
		case O_VERBOSE: ro.verbose = 1; break;
		}
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops > 0)
		return sf_usage_error(&sf_cmd_check, "unexpected argument '%s'", argv[1]);
	if (sf_cli_today(&sf_cmd_check, today, &co.today) != EXIT_CLEAN)
		return EXIT_USAGE;

	/* Checking content you did not write is always a mistake in CI. */
	int bundled;
	const char *rootdir = sf_find_root(dir, &bundled);
	if (bundled)
		return sf_usage_error(&sf_cmd_check, "no content root here (no safar.yaml or corridors/); use -C DIR");
	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	sf_sink_set_strict(sink, strict);
	sf_root root;
	/* check renders nothing: no cmark trees kept (docs/performance.md). */
	sf_load_opts lo = { .no_trees = 1 };
	int loaded = sf_load_ex(rootdir, a, sink, &lo, &root) == 0;
	if (loaded) {
		sf_check_schema(&root, sink);
		sf_check_content(&root, sink, &co);
	}
	for (int c = 0; c < SF_D_COUNT; c++)
		if (ignore[c])
			sf_sink_drop(sink, (sf_dcode)c);
	FILE *out = stdout;
	if (ro.format == SF_REPORT_TEXT) {
		out = stderr;
		ro.verbose |= isatty(fileno(stderr));
		ro.color = sf_use_color();
	}
	sf_report(sink, loaded ? &root : NULL, out, &ro);
	int status = sf_exit_for(sink);
	size_t warnings = sf_sink_count_sev(sink, SF_WARNING);
	if (status == EXIT_CLEAN && max_warnings >= 0 && warnings > (size_t)max_warnings) {
		fprintf(stderr, "safar: %zu warnings, more than --max-warnings %ld\n", warnings, max_warnings);
		status = EXIT_CONTENT;
	}
	sf_sink_free(sink);
	sf_arena_free(a);
	return status;
}
