/* cmd_dump.c: `safar dump CORRIDOR`: one edition as the rules engine decided it, as a tree. */
#include <stdio.h>

#include "cli.h"
#include "safar/edition.h"

enum { O_AUDIENCE = 1, O_DIR, O_HELP, O_LANG, O_SECTOR, O_TODAY };

static const sf_opt opts[] = {
	{ O_AUDIENCE, 0, "audience", "A", "audience (default: general)" },
	{ O_DIR, 'C', "directory", "DIR", "content root (default: ., else the bundled content)" },
	{ O_HELP, 'h', "help", NULL, "show this help" },
	{ O_LANG, 0, "lang", "L", "language (default: the corridor's first)" },
	{ O_SECTOR, 0, "sector", "S", "sector edition (default: the all-sector edition)" },
	{ O_TODAY, 0, "today", "YYYY-MM-DD", "the date freshness is judged on (default: today)" },
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_dump = { "dump", "CORRIDOR", "print one edition as a tree: topics, modules, facts, SMS, links",
			     opts, SF_NELEM(opts), run };

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg, *dir = NULL, *lang = NULL, *audience = NULL, *sector = NULL, *today = NULL;
	int id;
	sf_optparse_init(&p, &sf_cmd_dump, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		switch (id) {
		case O_AUDIENCE: audience = arg; break;
		case O_DIR: dir = arg; break;
		case O_HELP: sf_cmd_help(&sf_cmd_dump); return EXIT_CLEAN;
		case O_LANG: lang = arg; break;
		case O_SECTOR: sector = arg; break;
		case O_TODAY: today = arg; break;
		}
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
	sf_cli_open(&cr, dir, 1);
	if (cr.loaded) {
		sf_target t;
		status = sf_cli_target(&sf_cmd_dump, &cr, argv[1], lang, audience, sector, &t);
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
