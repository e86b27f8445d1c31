/* cmd_sms.c: `safar sms CORRIDOR`: one edition's SMS snippets as CSV on stdout. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "safar/edition.h"
#include "safar/check.h"
#include "safar/load.h"
#include "safar/render.h"

static const sf_opt opts[] = {
	SF_OPT_AUDIENCE(SF_O_AUDIENCE),
	SF_OPT_DIR(SF_O_DIR),
	SF_OPT_HELP(SF_O_HELP),
	SF_OPT_LANG(SF_O_LANG),
	SF_OPT_SECTOR(SF_O_SECTOR),
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_sms = { "sms", "CORRIDOR", "print one edition's SMS snippets as CSV",
			    opts, SF_NELEM(opts), run };

/* CSV is data: printed as it is, never escaped for the terminal. */
static int csv(sf_resolver *r, const sf_edition *e, sf_buf *out, int *text, void *ctx)
{
	(void)r, (void)ctx;
	*text = 0;
	sf_sms_csv(out, e, 1);
	return EXIT_CLEAN;
}

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg;
	sf_edition_args ea = { 0 };
	int id;
	sf_optparse_init(&p, &sf_cmd_sms, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		if (id == SF_O_HELP) {
			sf_cmd_help(&sf_cmd_sms);
			return EXIT_CLEAN;
		}
		sf_cli_edition_opt(id, arg, &ea);
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops != 1)
		return sf_usage_error(&sf_cmd_sms, "say which corridor: safar sms CORRIDOR");

	return sf_cli_with_edition(&sf_cmd_sms, &ea, argv[1], 0, csv, NULL);
}
