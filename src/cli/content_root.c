/* content_root.c: what every command that reads a content root does first and last. */
#include <stdio.h>

#include "cli.h"
#include "safar/check.h"
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
