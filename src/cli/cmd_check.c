/* cmd_check.c: `safar check`: load and check everything, render nothing. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "safar/check.h"
#include "safar/load.h"
#include "safar/resolve.h"

enum { O_DIR = 1, O_FORMAT, O_HELP, O_VERBOSE };

static const sf_opt opts[] = {
	{ O_DIR, 'C', "directory", "DIR", "content root (default: ., else the bundled content)" },
	{ O_FORMAT, 0, "format", "FMT", "report format: text" },
	{ O_HELP, 'h', "help", NULL, "show this help" },
	{ O_VERBOSE, 'v', "verbose", NULL, "quote each source line with a caret" },
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_check = { "check", "", "check that the content is well-formed and resolves",
			      opts, sizeof opts / sizeof opts[0], run };

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg, *dir = NULL;
	int id, verbose = 0;
	sf_optparse_init(&p, &sf_cmd_check, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		switch (id) {
		case O_DIR: dir = arg; break;
		case O_FORMAT:
			if (strcmp(arg, "text") != 0)
				return sf_usage_error(&sf_cmd_check, "unknown format '%s' (text)", arg);
			break;
		case O_HELP: sf_cmd_help(&sf_cmd_check); return EXIT_CLEAN;
		case O_VERBOSE: verbose = 1; break;
		}
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops > 0)
		return sf_usage_error(&sf_cmd_check, "unexpected argument '%s'", argv[1]);

	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	sf_root root;
	if (sf_load(sf_find_root(dir), a, sink, &root) == 0) {
		sf_check_schema(&root, sink);
		sf_check_resolve(&root, sink);
	}
	int status = sf_report_text(sink, verbose, 0);
	sf_sink_free(sink);
	sf_arena_free(a);
	return status;
}
