/* cmd_dump.c: `safar dump CORRIDOR`: one edition as the rules engine decided it, as a tree. */
#include <stdio.h>

#include "cli.h"
#include "safar/edition.h"

enum { O_TODAY = 1 };

static const sf_opt opts[] = {
	SF_OPT_AUDIENCE(SF_O_AUDIENCE),
	SF_OPT_DIR(SF_O_DIR),
	SF_OPT_HELP(SF_O_HELP),
	SF_OPT_LANG(SF_O_LANG),
	SF_OPT_SECTOR(SF_O_SECTOR),
	{ O_TODAY, 0, "today", "YYYY-MM-DD", "the date freshness is judged on (default: today)" },
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_dump = { "dump", "CORRIDOR", "print one edition as a tree: topics, modules, facts, SMS, links",
			     opts, SF_NELEM(opts), run };

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg, *today = NULL;
	sf_edition_args ea = { 0 };
	int id;
	sf_optparse_init(&p, &sf_cmd_dump, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		if (id == SF_O_HELP) {
			sf_cmd_help(&sf_cmd_dump);
			return EXIT_CLEAN;
		}
		if (id == O_TODAY)
			today = arg;
		sf_cli_edition_opt(id, arg, &ea);
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops != 1)
		return sf_usage_error(&sf_cmd_dump, "say which corridor: safar dump CORRIDOR");
	long days;
	if (sf_cli_today(&sf_cmd_dump, today, &days) != EXIT_CLEAN)
		return EXIT_USAGE;

	sf_cli_root cr;
	int status = EXIT_CLEAN;
	sf_cli_open(&cr, ea.dir, 1);
	if (cr.loaded) {
		sf_target t;
		status = sf_cli_target(&sf_cmd_dump, &cr, argv[1], &ea, &t);
		if (status == EXIT_CLEAN) {
			sf_resolver *r = sf_resolver_new(&cr.root, cr.sink);
			sf_edition e;
			sf_edition_make(r, &t, days, cr.a, &e);
			sf_buf out = { 0 };
			sf_edition_dump(&e, &out);
			fwrite(out.data ? out.data : "", 1, out.len, stdout);
			sf_buf_free(&out);
			sf_resolver_free(r);
		}
	}
	return sf_cli_close(&cr, status);
}
