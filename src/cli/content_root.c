/* content_root.c: what every command that reads a content root does first and last. */
#include <stdio.h>

#include "cli.h"
#include "safar/check.h"
#include "safar/edition.h"
#include "safar/load.h"

const char *sf_cli_root_dir(const char *dir)
{
	int bundled;
	const char *root = sf_find_root(dir, &bundled);
	if (bundled)
		fprintf(stderr, "safar: no content root here (no safar.yaml or corridors/); "
				"using the bundled sample content in %s\n", root);
	return root;
}

void sf_cli_open(sf_cli_root *r, const char *dir, int schema)
{
	r->a = sf_arena_new();
	r->sink = sf_sink_new();
	r->loaded = sf_load(sf_cli_root_dir(dir), r->a, r->sink, &r->root) == 0;
	if (r->loaded && schema)
		sf_check_schema(&r->root, r->sink);
}

int sf_cli_close(sf_cli_root *r, int status)
{
	int st = sf_report_text(r->sink, 0, 1);
	sf_sink_free(r->sink);
	sf_arena_free(r->a);
	return status != EXIT_CLEAN ? status : st;
}

int sf_cli_with_edition(const sf_cmd *cmd, const sf_edition_args *ea, const char *cid, long today,
			sf_edition_fn fn, void *ctx)
{
	sf_cli_root cr;
	sf_buf out = { 0 };
	int status = EXIT_CLEAN;
	sf_cli_open(&cr, ea->dir, 1);
	if (cr.loaded) {
		sf_target t;
		status = sf_cli_target(cmd, &cr, cid, ea, &t);
		if (status == EXIT_CLEAN) {
			sf_resolver *r = sf_resolver_new(&cr.root, cr.sink);
			sf_edition e;
			sf_edition_make(r, &t, today, cr.a, &e);
			int text = 1;
			status = fn(r, &e, &out, &text, ctx);
			if (status == EXIT_CLEAN)
				sf_cli_print(&out, text);
			/* Freed before the report: the resolver reports what it
			 * gathered across targets when it ends. */
			sf_resolver_free(r);
		}
	}
	sf_buf_free(&out);
	return sf_cli_close(&cr, status);
}
