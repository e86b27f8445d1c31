/* cmd_translate.c: `safar translate export|import|stamp`: the translator's
 * round trip through gettext PO files, and stamping translations with the
 * source version they render (docs/content-format.md, "Translations"). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "safar/load.h"
#include "safar/translate.h"

enum { O_DIR = 1, O_FROM, O_HELP, O_LANG, O_OUT };

static const sf_opt opts[] = {
	SF_OPT_DIR(O_DIR),
	{ O_FROM, 0, "from", "L", "the source language (default: the first of safar.yaml languages)" },
	SF_OPT_HELP(O_HELP),
	{ O_LANG, 0, "lang", "L", "export: the language translated into" },
	{ O_OUT, 'o', "output", "DIR", "export: where to write the PO files (default: po/L)" },
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_translate = { "translate", "export --lang L | import DIR | stamp [FILE...]",
				  "export PO files for translators, import them, stamp translations",
				  opts, SF_NELEM(opts), run };

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg, *dir = NULL, *from = NULL, *lang = NULL, *out = NULL;
	int id;
	sf_optparse_init(&p, &sf_cmd_translate, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		switch (id) {
		case O_DIR: dir = arg; break;
		case O_FROM: from = arg; break;
		case O_HELP: sf_cmd_help(&sf_cmd_translate); return EXIT_CLEAN;
		case O_LANG: lang = arg; break;
		case O_OUT: out = arg; break;
		}
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops < 1)
		return sf_usage_error(&sf_cmd_translate, "name what to do: export, import or stamp");
	const char *what = argv[1];
	int exp = strcmp(what, "export") == 0, imp = strcmp(what, "import") == 0,
	    stamp = strcmp(what, "stamp") == 0;
	if (!exp && !imp && !stamp)
		return sf_usage_error(&sf_cmd_translate, "unknown action '%s' (export, import, stamp)", what);
	if (exp && !lang)
		return sf_usage_error(&sf_cmd_translate, "export needs --lang L: the language translated into");
	if (exp && p.nops > 1)
		return sf_usage_error(&sf_cmd_translate, "unexpected argument '%s'", argv[2]);
	if (imp && p.nops != 2)
		return sf_usage_error(&sf_cmd_translate, "import needs the folder of PO files: import DIR");
	if ((lang || out) && !exp)
		return sf_usage_error(&sf_cmd_translate, "--lang and --output go with export");

	/* These commands write into the content: never into the bundled copy. */
	int bundled;
	const char *rootdir = sf_find_root(dir, &bundled);
	if (bundled)
		return sf_usage_error(&sf_cmd_translate, "no content root here (no safar.yaml or corridors/); use -C DIR");
	sf_cli_root cr = { sf_arena_new(), sf_sink_new(), { 0 }, 0 };
	cr.loaded = sf_load(rootdir, cr.a, cr.sink, &cr.root) == 0;
	if (!cr.loaded || sf_exit_for(cr.sink) != EXIT_CLEAN) {
		fprintf(stderr, "safar translate: the content has errors; nothing written\n");
		return sf_cli_close(&cr, EXIT_CLEAN);
	}
	const sf_root *root = &cr.root;
	if (!from)
		from = root->config.languages.n ? root->config.languages.v[0] : "en";
	if (!sf_strv_has(&root->config.languages, from))
		return sf_cli_close(&cr, sf_usage_error(&sf_cmd_translate, "--from %s: not a language of safar.yaml", from));
	if (lang && (!sf_strv_has(&root->config.languages, lang) || strcmp(lang, from) == 0))
		return sf_cli_close(&cr, sf_usage_error(&sf_cmd_translate, "--lang %s: not another language of safar.yaml", lang));
	int r;
	size_t nfiles = 0, nchanged = 0;
	if (exp) {
		if (!out)
			out = sf_printf(cr.a, "po/%s", lang);
		r = sf_translate_export(root, from, lang, out, cr.sink, &nfiles, &nchanged);
		fprintf(stderr, "safar translate: %zu PO file%s in %s (%zu changed)\n", nfiles,
			nfiles == 1 ? "" : "s", out, nchanged);
	} else if (imp) {
		r = sf_translate_import(root, argv[2], cr.sink, &nfiles, &nchanged);
		fprintf(stderr, "safar translate: %zu PO file%s read, %zu module%s written\n", nfiles,
			nfiles == 1 ? "" : "s", nchanged, nchanged == 1 ? "" : "s");
	} else {
		int changed = 0;
		r = sf_translate_stamp(root, (const char *const *)argv + 2, (size_t)p.nops - 1, from, cr.sink, &changed);
		fprintf(stderr, "safar translate: %d module%s stamped\n", changed, changed == 1 ? "" : "s");
	}
	return sf_cli_close(&cr, r < 0 && sf_exit_for(cr.sink) == EXIT_CLEAN ? EXIT_CONTENT : EXIT_CLEAN);
}
