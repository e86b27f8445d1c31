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

static int tree(sf_resolver *r, const sf_edition *e, sf_buf *out, int *text, void *ctx)
{
	(void)r, (void)ctx, (void)text;
	sf_edition_dump(e, out);
	return EXIT_CLEAN;
}

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

	return sf_cli_with_edition(&sf_cmd_dump, &ea, argv[1], days, tree, NULL);
}
