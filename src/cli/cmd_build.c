/* cmd_build.c: `safar build`: every edition of the content, into out/. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "safar/check.h"
#include "safar/fsio.h"
#include "safar/load.h"
#include "safar/render.h"

enum { O_AUDIENCE = 1, O_BOOKLET, O_CORRIDOR, O_DIR, O_FORMAT, O_HELP, O_JOBS, O_LANG, O_OUT,
       O_PAPER, O_SECTOR, O_STAGE, O_START };

static const sf_opt opts[] = {
	{ O_AUDIENCE, 0, "audience", "A", "only this audience" },
	{ O_BOOKLET, 0, "booklet", NULL, "handbook.pdf as a folded booklet: pages two-up on A4 landscape sheets" },
	{ O_CORRIDOR, 0, "corridor", "ID", "only this corridor (repeatable)" },
	SF_OPT_DIR(O_DIR),
	{ O_FORMAT, 0, "format", "LIST", "outputs, comma-separated: html,checklist,xlsx,sms,session,helpcard,pdf (default: all but pdf)" },
	SF_OPT_HELP(O_HELP),
	{ O_JOBS, 'j', "jobs", "N", "build N editions at once (default: the number of processors)" },
	{ O_LANG, 0, "lang", "L", "only this language" },
	{ O_OUT, 'o', "output", "DIR", "where to write (default: out)" },
	{ O_PAPER, 0, "paper", "SIZE", "page size of printed outputs: A4, A5 (default), A6 or letter" },
	{ O_SECTOR, 0, "sector", "S", "only this sector edition ('all': the all-sector edition)" },
	{ O_STAGE, 0, "stage", "STAGE", "only this stage: PEO, PDO, PAO or PRO (repeatable)" },
	{ O_START, 0, "start", "HH:MM", "start time of training sessions (default: 09:00)" },
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_build = { "build", "",
			      "build handbooks, checklists, SMS and session packs into out/",
			      opts, SF_NELEM(opts), run };

static int parse_formats(const char *list, unsigned *out)
{
	/* In the order of the enum sf_format bits. */
	static const char *const names[] = { "html", "checklist", "xlsx", "sms", "session", "helpcard", "pdf" };
	*out = 0;
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ",");
		int found = 0;
		for (size_t i = 0; i < SF_NELEM(names); i++)
			if (strlen(names[i]) == n && strncmp(names[i], p, n) == 0) {
				*out |= 1u << i;
				found = 1;
			}
		if (!found)
			return -1;
		p += n;
		if (*p == ',')
			p++;
	}
	return *out ? 0 : -1;
}

/* safar writes only inside -o, and -o must not hold the content root: a
 * build removes what it no longer produces, and an empty -o (an unset
 * variable in CI) must not mean "/" (docs/decisions.md, "What a build may
 * touch"). Returns 0, or EXIT_USAGE after saying why. */
static int check_outdir(const char *outdir, const char *rootdir)
{
	if (*outdir == '\0')
		return sf_usage_error(&sf_cmd_build, "-o is empty: name the folder to write into (e.g. -o out)");
	char *out = sf_abspath(outdir), *root = sf_abspath(rootdir);
	int status = EXIT_CLEAN;
	if (!out)
		status = sf_usage_error(&sf_cmd_build, "cannot use -o '%s': %s", outdir, strerror(errno));
	else if (strcmp(out, "/") == 0)
		status = sf_usage_error(&sf_cmd_build,
					"refusing to write into '/': name a folder of its own (e.g. -o out)");
	else if (root && sf_path_within(root, out))
		status = sf_usage_error(&sf_cmd_build,
					"refusing to write into '%s': it holds the content root '%s'; "
					"name a folder of its own (e.g. -o out)",
					outdir, rootdir);
	free(out);
	free(root);
	return status;
}

/* Each filter names something real, but together they may select nothing
 * (a language no corridor with that sector has): say so, write nothing. */
static int any_edition(const sf_root *root, const sf_filter *f, sf_arena *a)
{
	sf_target *t;
	if (sf_targets(root, f, a, &t) > 0)
		return EXIT_CLEAN;
	return sf_usage_error(&sf_cmd_build, "no edition matches --corridor, --lang, --audience, "
					     "--sector and --stage together; 'safar list corridors' "
					     "shows what each corridor has");
}

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg, *dir = NULL, *corridors[64];
	sf_filter f = { corridors, 0, NULL, NULL, NULL, 0 };
	sf_build_opts o = { .outdir = "out", .formats = SF_FMT_ALL, .start_minutes = 9 * 60 };
	long n;
	int id;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = cpus > 0 ? (int)(cpus < 64 ? cpus : 64) : 1;
	sf_optparse_init(&p, &sf_cmd_build, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		switch (id) {
		case O_AUDIENCE: f.audience = arg; break;
		case O_CORRIDOR:
			if (f.ncorridors == 64)
				return sf_usage_error(&sf_cmd_build, "at most 64 --corridor options");
			corridors[f.ncorridors++] = arg;
			break;
		case O_DIR: dir = arg; break;
		case O_FORMAT:
			if (parse_formats(arg, &o.formats) != 0)
				return sf_usage_error(&sf_cmd_build,
						      "unknown format in '%s' (html, checklist, xlsx, sms, session, helpcard, pdf)", arg);
			break;
		case O_HELP: sf_cmd_help(&sf_cmd_build); return EXIT_CLEAN;
		case O_JOBS:
			if (sf_opt_int("--jobs", arg, 1, 256, &n) != 0)
				return EXIT_USAGE;
			o.jobs = (int)n;
			break;
		case O_LANG: f.lang = arg; break;
		case O_OUT: o.outdir = arg; break;
		case O_PAPER: {
			static const char *const papers[] = { "A4", "A5", "A6", "letter" };
			o.paper = 0;
			for (size_t i = 0; i < SF_NELEM(papers); i++)
				if (strcasecmp(arg, papers[i]) == 0)
					o.paper = SF_PAPER_A4 + (int)i;
			if (!o.paper)
				return sf_usage_error(&sf_cmd_build, "--paper is A4, A5, A6 or letter, not '%s'", arg);
			o.paper_a4 = o.paper == SF_PAPER_A4;
			break;
		}
		case O_BOOKLET: o.booklet = 1; break;
		case O_SECTOR: f.sector = arg; break;
		case O_STAGE: {
			int s = sf_name_index(sf_stage_names, SF_NSTAGE, arg);
			if (s < 0)
				return sf_usage_error(&sf_cmd_build, "--stage is PEO, PDO, PAO or PRO, not '%s'", arg);
			f.stages |= 1u << s;
			break;
		}
		case O_START: {
			int h, m;
			char c;
			if (sscanf(arg, "%2d:%2d%c", &h, &m, &c) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
				return sf_usage_error(&sf_cmd_build, "--start is HH:MM, not '%s'", arg);
			o.start_minutes = h * 60 + m;
			break;
		}
		}
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops > 0)
		return sf_usage_error(&sf_cmd_build, "unexpected argument '%s'", argv[1]);
	if (sf_cli_today(&sf_cmd_build, NULL, &o.date) != EXIT_CLEAN)
		return EXIT_USAGE;
	const char *rootdir = sf_cli_root_dir(dir);
	if (check_outdir(o.outdir, rootdir) != EXIT_CLEAN)
		return EXIT_USAGE;
	o.progress = isatty(fileno(stderr));

	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	sf_root root;
	size_t files = 0, same = 0;
	int built = 0;
	int status = EXIT_CLEAN;
	/* The trees of module bodies are parsed by the build, for the editions
	 * it makes: a rebuild that makes none parses none. */
	sf_load_opts lo = { .no_trees = 1 };
	if (sf_load_ex(rootdir, a, sink, &lo, &root) == 0 &&
	    (status = sf_cli_filter_check(&sf_cmd_build, &root, &f)) == EXIT_CLEAN &&
	    (status = any_edition(&root, &f, a)) == EXIT_CLEAN) {
		sf_check_schema(&root, sink);
		sf_check_resolve(&root, sink);
		/* Content with errors is not printed: a print run must not go out
		 * with a missing or ambiguous module. The last good out/ stays. */
		if (sf_sink_worst(sink) < SF_ERROR) {
			files = sf_build(&root, &f, &o, sink, &same);
			built = 1;
		}
	}
	status = status != EXIT_CLEAN ? status : sf_report_text(sink, 0, 1);
	if (built && status == EXIT_CLEAN)
		fprintf(stderr, "safar: wrote %zu file%s into %s (%zu unchanged)\n", files,
			files == 1 ? "" : "s", o.outdir, same);
	else if (!built && status == EXIT_CONTENT)
		fputs("safar: nothing built: the content has errors\n", stderr);
	sf_sink_free(sink);
	sf_arena_free(a);
	return status;
}
