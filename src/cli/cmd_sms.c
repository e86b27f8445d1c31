/* cmd_sms.c: `safar sms CORRIDOR`: one edition's SMS snippets as CSV on stdout. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
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

	sf_cli_root cr;
	sf_buf out = { 0 };
	int status = EXIT_CLEAN;
	sf_cli_open(&cr, ea.dir, 1);
	if (cr.loaded) {
		sf_target t;
		status = sf_cli_target(&sf_cmd_sms, &cr, argv[1], &ea, &t);
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
