/* cmd_list.c: `safar list corridors|topics|modules`: what a content root holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "safar/buf.h"
#include "safar/load.h"
#include "safar/xalloc.h"

enum { O_DIR = 1, O_FORMAT, O_HELP };

static const sf_opt opts[] = {
	SF_OPT_DIR(O_DIR),
	{ O_FORMAT, 0, "format", "FMT", "output format: text or json" },
	SF_OPT_HELP(O_HELP),
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_list = { "list", "corridors|topics|modules",
			     "list the corridors, topics or modules of the content",
			     opts, SF_NELEM(opts), run };

static const char *title_en(const sf_text *t)
{
	if (t->plain)
		return t->plain;
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->lang[i], "en") == 0)
			return t->val[i];
	return t->n ? t->val[0] : "";
}

static void json_strv(sf_buf *b, const sf_strv *v)
{
	sf_buf_putc(b, '[');
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			sf_buf_putc(b, ',');
		sf_buf_json_str(b, v->v[i]);
	}
	sf_buf_putc(b, ']');
}

static void json_key(sf_buf *b, const char *k)
{
	sf_buf_json_str(b, k);
	sf_buf_putc(b, ':');
}

static void join(sf_buf *b, const sf_strv *v, const char *sep)
{
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			sf_buf_puts(b, sep);
		sf_buf_puts(b, v->v[i]);
	}
}

static void list_corridors(const sf_root *r, int json, sf_buf *b)
{
	if (json)
		sf_buf_putc(b, '[');
	for (size_t i = 0; i < r->ncorridors; i++) {
		const sf_corridor *c = &r->corridors[i];
		if (json) {
			sf_buf_puts(b, i ? ",\n {" : "\n {");
			json_key(b, "id"), sf_buf_json_str(b, c->id);
			sf_buf_putc(b, ','), json_key(b, "origin"), sf_buf_json_str(b, c->origin ? c->origin : "");
			sf_buf_putc(b, ','), json_key(b, "destination"),
				sf_buf_json_str(b, c->destination ? c->destination : "");
			sf_buf_putc(b, ','), json_key(b, "title"), sf_buf_json_str(b, title_en(&c->title));
			sf_buf_putc(b, ','), json_key(b, "languages"), json_strv(b, &c->languages);
			sf_buf_putc(b, ','), json_key(b, "sectors"), json_strv(b, &c->sectors);
			sf_buf_putc(b, ','), json_key(b, "audiences"), json_strv(b, &c->audiences);
			sf_buf_putc(b, ','), json_key(b, "path"), sf_buf_json_str(b, c->path);
			sf_buf_putc(b, '}');
		} else {
			sf_buf_printf(b, "%-18s %s -> %s  ", c->id, c->origin ? c->origin : "??",
				      c->destination ? c->destination : "??");
			join(b, &c->languages, ",");
			sf_buf_printf(b, "  %s\n", title_en(&c->title));
		}
	}
	if (json)
		sf_buf_puts(b, r->ncorridors ? "\n]\n" : "]\n");
}

static int cmp_topic(const void *x, const void *y)
{
	const sf_module *a = *(const sf_module *const *)x, *b = *(const sf_module *const *)y;
	if (a->stage != b->stage)
		return a->stage - b->stage;
	int c = strcmp(a->id, b->id);
	return c ? c : strcmp(a->path, b->path);
}

/* A topic is a (stage, id); its languages are those any module is in. */
static void list_topics(const sf_root *r, int json, sf_buf *b)
{
	const sf_module **v = sf_xcalloc(r->nmodules + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < r->nmodules; i++)
		if (r->modules[i].id)
			v[n++] = &r->modules[i];
	qsort(v, n, sizeof *v, cmp_topic);
	if (json)
		sf_buf_putc(b, '[');
	int first = 1;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && v[j]->stage == v[i]->stage && strcmp(v[j]->id, v[i]->id) == 0)
			j++;
		/* Languages in first-seen order of the sorted modules, deduplicated. */
		const char *langs[64];
		size_t nl = 0;
		for (size_t k = i; k < j; k++) {
			int seen = !v[k]->lang;
			for (size_t m = 0; m < nl && !seen; m++)
				seen = strcmp(langs[m], v[k]->lang) == 0;
			if (!seen && nl < 64)
				langs[nl++] = v[k]->lang;
		}
		sf_strv lv = { langs, NULL, nl };
		if (json) {
			sf_buf_puts(b, first ? "\n {" : ",\n {");
			json_key(b, "stage"), sf_buf_json_str(b, sf_stage_names[v[i]->stage]);
			sf_buf_putc(b, ','), json_key(b, "id"), sf_buf_json_str(b, v[i]->id);
			sf_buf_putc(b, ','), json_key(b, "languages"), json_strv(b, &lv);
			sf_buf_printf(b, ",\"modules\":%zu}", j - i);
		} else {
			sf_buf_printf(b, "%s %-32s %2zu module%s  ", sf_stage_names[v[i]->stage],
				      v[i]->id, j - i, j - i == 1 ? " " : "s");
			join(b, &lv, ",");
			sf_buf_putc(b, '\n');
		}
		first = 0;
		i = j;
	}
	if (json)
		sf_buf_puts(b, first ? "]\n" : "\n]\n");
	free(v);
}

static void when_text(sf_buf *b, const sf_when *w)
{
	int any = 0;
	for (int k = 0; k < SF_NWHEN; k++) {
		if (!(w->present & (1u << k)))
			continue;
		sf_buf_printf(b, "%s%s=", any ? " " : "", sf_when_names[k]);
		join(b, &w->key[k], ",");
		any = 1;
	}
	if (!any)
		sf_buf_puts(b, "-");
}

static void module_json(sf_buf *b, const sf_module *m)
{
	sf_buf_putc(b, '{');
	json_key(b, "path"), sf_buf_json_str(b, m->path);
	sf_buf_putc(b, ','), json_key(b, "id"), sf_buf_json_str(b, m->id ? m->id : "");
	sf_buf_putc(b, ','), json_key(b, "stage"), sf_buf_json_str(b, sf_stage_names[m->stage]);
	sf_buf_putc(b, ','), json_key(b, "lang"), sf_buf_json_str(b, m->lang ? m->lang : "");
	sf_buf_putc(b, ','), json_key(b, "title"), sf_buf_json_str(b, m->title ? m->title : "");
	sf_buf_putc(b, ','), json_key(b, "when"), sf_buf_putc(b, '{');
	int any = 0;
	for (int k = 0; k < SF_NWHEN; k++) {
		if (!(m->when.present & (1u << k)))
			continue;
		if (any)
			sf_buf_putc(b, ',');
		json_key(b, sf_when_names[k]), json_strv(b, &m->when.key[k]);
		any = 1;
	}
	sf_buf_putc(b, '}');
	sf_buf_putc(b, ','), json_key(b, "merge"), sf_buf_json_str(b, sf_merge_names[m->merge]);
	sf_buf_printf(b, ",\"order\":%d,\"minutes\":%d", m->order, m->minutes);
	sf_buf_putc(b, ','), json_key(b, "review_by");
	if (m->review_by)
		sf_buf_json_str(b, m->review_by_text);
	else
		sf_buf_puts(b, "null");
	sf_buf_putc(b, ','), json_key(b, "status"), sf_buf_json_str(b, sf_status_names[m->status]);
	sf_buf_putc(b, ','), json_key(b, "sources"), json_strv(b, &m->sources);
	sf_buf_putc(b, ','), json_key(b, "sms");
	if (m->sms)
		sf_buf_json_str(b, m->sms);
	else
		sf_buf_puts(b, "null");
	sf_buf_putc(b, ','), json_key(b, "checklist"), json_strv(b, &m->checklist);
	sf_buf_printf(b, ",\"quiz\":%zu}", m->nquiz);
}

static void list_modules(const sf_root *r, int json, sf_buf *b)
{
	if (json)
		sf_buf_putc(b, '[');
	for (size_t i = 0; i < r->nmodules; i++) {
		const sf_module *m = &r->modules[i];
		if (json) {
			sf_buf_puts(b, i ? ",\n " : "\n ");
			module_json(b, m);
		} else {
			/* A newline in a file name must not split the line. */
			sf_buf_term(b, m->path, strlen(m->path));
			sf_buf_printf(b, " %s %-28s %-2s %-7s ", sf_stage_names[m->stage],
				      m->id ? m->id : "?", m->lang ? m->lang : "?",
				      sf_merge_names[m->merge]);
			when_text(b, &m->when);
			sf_buf_putc(b, '\n');
		}
	}
	if (json)
		sf_buf_puts(b, r->nmodules ? "\n]\n" : "]\n");
}

static int run(int argc, char **argv)
{
	static const char *const what_names[] = { "corridors", "topics", "modules" };
	sf_optparse p;
	const char *arg, *dir = NULL;
	int id, json = 0;
	sf_optparse_init(&p, &sf_cmd_list, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		switch (id) {
		case O_DIR: dir = arg; break;
		case O_FORMAT:
			if (sf_cli_text_or_json(&sf_cmd_list, arg, &json) != EXIT_CLEAN)
				return EXIT_USAGE;
			break;
		case O_HELP: sf_cmd_help(&sf_cmd_list); return EXIT_CLEAN;
		}
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops != 1)
		return sf_usage_error(&sf_cmd_list, "say what to list: corridors, topics or modules");
	int what = sf_name_index(what_names, SF_NELEM(what_names), argv[1]);
	if (what < 0)
		return sf_usage_error(&sf_cmd_list, "cannot list '%s' (corridors, topics, modules)",
				      argv[1]);

	sf_cli_root cr;
	sf_buf out = { 0 };
	sf_cli_open(&cr, dir, 0);
	if (cr.loaded) {
		if (what == 0)
			list_corridors(&cr.root, json, &out);
		else if (what == 1)
			list_topics(&cr.root, json, &out);
		else
			list_modules(&cr.root, json, &out);
		sf_cli_print(&out, !json);
	}
	sf_buf_free(&out);
	return sf_cli_close(&cr, EXIT_CLEAN);
}
