/* target.c: one target named on the command line (explain, sms), with defaults. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "safar/fsio.h"
#include "safar/resolve.h"
#include "safar/suggest.h"

/* The values a filter may take: what the chosen corridors have. */
typedef struct choices {
	const char *v[256];
	size_t n;
} choices;

static void add_choice(choices *c, const char *s)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i], s) == 0)
			return;
	if (c->n < SF_NELEM(c->v))
		c->v[c->n++] = s;
}

static void add_choices(choices *c, const sf_strv *v)
{
	for (size_t i = 0; i < v->n; i++)
		add_choice(c, v->v[i]);
}

/* "a, b, c" */
static const char *list_of(const choices *c, char *buf, size_t cap)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < c->n && n + 1 < cap; i++)
		n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? ", " : "", c->v[i]);
	return buf;
}

/* value must be one of c; else a usage error naming what there is, with the
 * nearest as a suggestion. what: "language"; of: a corridor's id, or NULL
 * for the corridors chosen. */
static int expect_one_of(const sf_cmd *cmd, const choices *c, const char *value,
			 const char *what, const char *of)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i], value) == 0)
			return EXIT_CLEAN;
	char all[1024], head[256], tail[256] = "";
	if (of)
		snprintf(head, sizeof head, "%s has no %s '%s'", of, what, value);
	else
		snprintf(head, sizeof head, "no corridor has the %s '%s'", what, value);
	const char *near = sf_suggest(value, c->v, c->n);
	if (near)
		snprintf(tail, sizeof tail, "; did you mean '%s'?", near);
	if (c->n == 0)
		return sf_usage_error(cmd, "%s%s (%s none)", head, tail, of ? "it has" : "there are");
	return sf_usage_error(cmd, "%s%s (%s: %s)", head, tail, of ? "it has" : "there are",
			      list_of(c, all, sizeof all));
}

static const sf_corridor *find_corridor(const sf_root *root, const char *id)
{
	for (size_t i = 0; i < root->ncorridors; i++)
		if (strcmp(root->corridors[i].id, id) == 0)
			return &root->corridors[i];
	return NULL;
}

static int check_corridor(const sf_cmd *cmd, const sf_root *root, const char *id)
{
	choices ids = { .n = 0 };
	for (size_t i = 0; i < root->ncorridors; i++)
		add_choice(&ids, root->corridors[i].id);
	return expect_one_of(cmd, &ids, id, "corridor", "the content root");
}

/* The corridor's sector editions: "all" and its sectors. */
static void sector_choices(choices *c, const sf_corridor *co)
{
	add_choice(c, "all");
	add_choices(c, &co->sectors);
}

int sf_cli_filter_check(const sf_cmd *cmd, const sf_root *root, const sf_filter *f)
{
	choices langs = { .n = 0 }, auds = { .n = 0 }, secs = { .n = 0 };
	for (size_t i = 0; i < f->ncorridors; i++)
		if (check_corridor(cmd, root, f->corridors[i]) != EXIT_CLEAN)
			return EXIT_USAGE;
	for (size_t i = 0; i < root->ncorridors; i++) {
		const sf_corridor *co = &root->corridors[i];
		int chosen = f->ncorridors == 0;
		for (size_t k = 0; k < f->ncorridors && !chosen; k++)
			chosen = strcmp(f->corridors[k], co->id) == 0;
		if (!chosen)
			continue;
		add_choices(&langs, &co->languages);
		add_choices(&auds, &co->audiences);
		sector_choices(&secs, co);
	}
	const char *of = f->ncorridors == 1 ? f->corridors[0] : NULL;
	if ((f->lang && expect_one_of(cmd, &langs, f->lang, "language", of) != EXIT_CLEAN) ||
	    (f->audience && expect_one_of(cmd, &auds, f->audience, "audience", of) != EXIT_CLEAN) ||
	    (f->sector && expect_one_of(cmd, &secs, f->sector, "sector edition", of) != EXIT_CLEAN))
		return EXIT_USAGE;
	return EXIT_CLEAN;
}

/* 1 when loading reported an error in corridors/<cid>.yaml, or in the
 * corridors folder itself: then that error, not the command line, is why
 * no corridor has the id. */
static int corridor_failed(const sf_cli_root *cr, const char *cid)
{
	const char *file = sf_path_join(cr->a, cr->root.dir, sf_printf(cr->a, "corridors/%s.yaml", cid));
	const char *dir = sf_path_join(cr->a, cr->root.dir, "corridors");
	for (size_t i = 0; i < sf_sink_count(cr->sink); i++) {
		const sf_diag *d = sf_sink_get(cr->sink, i);
		if (d->sev >= SF_ERROR && d->loc.path &&
		    (strcmp(d->loc.path, file) == 0 || strcmp(d->loc.path, dir) == 0))
			return 1;
	}
	return 0;
}

/* Fills *t from the arguments; returns 0 or an exit status. */
int sf_cli_target(const sf_cmd *cmd, const sf_cli_root *cr, const char *cid,
		  const sf_edition_args *ea, sf_target *t)
{
	const char *lang = ea->lang, *audience = ea->audience, *sector = ea->sector;
	const sf_root *root = &cr->root;
	const sf_corridor *co = find_corridor(root, cid);
	if (!co && corridor_failed(cr, cid))
		return sf_exit_for(cr->sink); /* the sink reports it */
	if (!co && check_corridor(cmd, root, cid) != EXIT_CLEAN)
		return EXIT_USAGE;
	if (!lang)
		lang = co->languages.n ? co->languages.v[0] : "en";
	if (!audience)
		audience = sf_strv_has(&co->audiences, "general") || !co->audiences.n ? "general"
										   : co->audiences.v[0];
	choices langs = { .n = 0 }, auds = { .n = 0 }, secs = { .n = 0 };
	add_choices(&langs, &co->languages);
	add_choices(&auds, &co->audiences);
	if (!co->audiences.n)
		add_choice(&auds, "general");
	sector_choices(&secs, co);
	if (expect_one_of(cmd, &langs, lang, "language", cid) != EXIT_CLEAN ||
	    expect_one_of(cmd, &auds, audience, "audience", cid) != EXIT_CLEAN ||
	    (sector && expect_one_of(cmd, &secs, sector, "sector edition", cid) != EXIT_CLEAN))
		return EXIT_USAGE;
	if (sector && strcmp(sector, "all") == 0)
		sector = NULL;
	*t = (sf_target){ co, sector, audience, lang, (1u << SF_NSTAGE) - 1 };
	return 0;
}

