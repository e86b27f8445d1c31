/* cmd_sms.c: `safar sms CORRIDOR`: one edition's SMS snippets as CSV on stdout. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "safar/check.h"
#include "safar/load.h"
#include "safar/render.h"

enum { O_AUDIENCE = 1, O_DIR, O_HELP, O_LANG, O_SECTOR };

static const sf_opt opts[] = {
	{ O_AUDIENCE, 0, "audience", "A", "audience (default: general)" },
	{ O_DIR, 'C', "directory", "DIR", "content root (default: ., else the bundled content)" },
	{ O_HELP, 'h', "help", NULL, "show this help" },
	{ O_LANG, 0, "lang", "L", "language (default: the corridor's first)" },
	{ O_SECTOR, 0, "sector", "S", "sector edition (default: the all-sector edition)" },
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_sms = { "sms", "CORRIDOR", "print one edition's SMS snippets as CSV",
			    opts, SF_NELEM(opts), run };

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg, *dir = NULL, *lang = NULL, *audience = NULL, *sector = NULL;
	int id;
	sf_optparse_init(&p, &sf_cmd_sms, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		switch (id) {
		case O_AUDIENCE: audience = arg; break;
		case O_DIR: dir = arg; break;
		case O_HELP: sf_cmd_help(&sf_cmd_sms); return EXIT_CLEAN;
		case O_LANG: lang = arg; break;
		case O_SECTOR: sector = arg; break;
		}
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops != 1)
		return sf_usage_error(&sf_cmd_sms, "say which corridor: safar sms CORRIDOR");

	sf_cli_root cr;
	sf_buf out = { 0 };
	int status = EXIT_CLEAN;
	sf_cli_open(&cr, dir, 1);
	if (cr.loaded) {
		sf_target t;
		status = sf_cli_target(&sf_cmd_sms, &cr, argv[1], lang, audience, sector, &t);
		if (status == EXIT_CLEAN) {
			sf_resolver *r = sf_resolver_new(&cr.root, cr.sink);
			sf_edition e;
			sf_edition_make(r, &t, 0, cr.a, &e);
			sf_sms_csv(&out, &e, 1);
			fwrite(out.data ? out.data : "", 1, out.len, stdout);
			sf_resolver_free(r);
		}
	}
	sf_buf_free(&out);
	return sf_cli_close(&cr, status);
}
