/* cmd_explain.c: `safar explain CORRIDOR ID`: why each module is, or is not, in a topic. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "safar/edition.h"
#include "safar/buf.h"
#include "safar/check.h"
#include "safar/load.h"
#include "safar/resolve.h"
#include "safar/suggest.h"

enum { O_FORMAT = 1 };

static const sf_opt opts[] = {
	SF_OPT_AUDIENCE(SF_O_AUDIENCE),
	SF_OPT_DIR(SF_O_DIR),
	{ O_FORMAT, 0, "format", "FMT", "output format: text or json" },
	SF_OPT_HELP(SF_O_HELP),
	SF_OPT_LANG(SF_O_LANG),
	SF_OPT_SECTOR(SF_O_SECTOR),
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_explain = { "explain", "CORRIDOR ID",
				"show how a topic is resolved for a target, module by module",
				opts, SF_NELEM(opts), run };

/* The facts a composition's placeholders use, each once. */
static void facts_used(const sf_resolved *res, const sf_topic *tp, const sf_fact_ref **v,
		       size_t *n, size_t max)
{
	*n = 0;
	for (size_t p = 0; p < tp->nparts; p++)
		for (size_t i = 0; i < tp->parts[p]->nplaceholders; i++) {
			const sf_fact_ref *f = sf_fact_lookup(res, tp->parts[p]->placeholders[i].name);
			int seen = !f;
			for (size_t k = 0; k < *n && !seen; k++)
				seen = v[k] == f;
			if (!seen && *n < max)
				v[(*n)++] = f;
		}
}

static void text_out(sf_buf *b, const sf_target *t, const sf_resolved *res,
		     const sf_explanation *e, size_t ne)
{
	for (size_t k = 0; k < ne; k++) {
		const sf_explanation *x = &e[k];
		sf_buf_printf(b, "%s%s %s %s %s: %s topic '%s'\n", k ? "\n" : "", t->corridor->id,
			      t->lang, t->sector ? t->sector : "all-sector", t->audience,
			      sf_stage_names[x->stage], x->id);
		sf_buf_puts(b, "language chain:");
		for (size_t i = 0; i < res->nchain; i++)
			sf_buf_printf(b, " %s", res->chain[i]);
		sf_buf_puts(b, "\ncandidates:\n");
		for (size_t i = 0; i < x->ncands; i++) {
			const sf_candidate *c = &x->cands[i];
			sf_buf_printf(b, "  %s  %s %s, specificity %d: %s%s%s\n", c->module->path,
				      c->module->lang, sf_merge_names[c->module->merge], c->specificity,
				      sf_role_names[c->role], c->why ? ": " : "", c->why ? c->why : "");
		}
		if (!x->topic) {
			sf_buf_puts(b, "result: not in this edition\n");
			continue;
		}
		sf_buf_printf(b, "result: %s%s\n", x->topic->lang,
			      x->topic->fallback ? " (a fallback language)" : "");
		for (size_t i = 0; i < x->topic->nparts; i++)
			sf_buf_printf(b, "  %zu. %s (%s)\n", i + 1, x->topic->parts[i]->path,
				      x->topic->parts[i] == x->topic->base
					      ? "base"
					      : sf_merge_names[x->topic->parts[i]->merge]);
		const sf_fact_ref *fv[64];
		size_t nf;
		facts_used(res, x->topic, fv, &nf, 64);
		for (size_t i = 0; i < nf; i++)
			sf_buf_printf(b, "  fact %s (%s): %s\n", fv[i]->fact->name,
				      fv[i]->lang ? fv[i]->lang : "any language",
				      fv[i]->value ? fv[i]->value : "(no value)");
	}
}

static void json_kv(sf_buf *b, const char *k, const char *v, int comma)
{
	if (comma)
		sf_buf_putc(b, ',');
	sf_buf_json_str(b, k);
	sf_buf_putc(b, ':');
	if (v)
		sf_buf_json_str(b, v);
	else
		sf_buf_puts(b, "null");
}

static void json_out(sf_buf *b, const sf_target *t, const sf_resolved *res,
		     const sf_explanation *e, size_t ne)
{
	sf_buf_puts(b, "{\"target\":{");
	json_kv(b, "corridor", t->corridor->id, 0);
	json_kv(b, "lang", t->lang, 1);
	json_kv(b, "sector", t->sector, 1);
	json_kv(b, "audience", t->audience, 1);
	sf_buf_puts(b, ",\"chain\":[");
	for (size_t i = 0; i < res->nchain; i++) {
		if (i)
			sf_buf_putc(b, ',');
		sf_buf_json_str(b, res->chain[i]);
	}
	sf_buf_puts(b, "]},\n\"topics\":[");
	for (size_t k = 0; k < ne; k++) {
		const sf_explanation *x = &e[k];
		sf_buf_puts(b, k ? ",\n{" : "\n{");
		json_kv(b, "stage", sf_stage_names[x->stage], 0);
		json_kv(b, "id", x->id, 1);
		sf_buf_puts(b, ",\"candidates\":[");
		for (size_t i = 0; i < x->ncands; i++) {
			const sf_candidate *c = &x->cands[i];
			sf_buf_puts(b, i ? ",\n  {" : "\n  {");
			json_kv(b, "path", c->module->path, 0);
			json_kv(b, "lang", c->module->lang, 1);
			json_kv(b, "merge", sf_merge_names[c->module->merge], 1);
			sf_buf_printf(b, ",\"specificity\":%d", c->specificity);
			json_kv(b, "role", sf_role_names[c->role], 1);
			json_kv(b, "why", c->why, 1);
			sf_buf_putc(b, '}');
		}
		sf_buf_puts(b, "],\n \"result\":");
		if (!x->topic) {
			sf_buf_puts(b, "null}");
			continue;
		}
		sf_buf_putc(b, '{');
		json_kv(b, "lang", x->topic->lang, 0);
		sf_buf_printf(b, ",\"fallback\":%s,\"parts\":[", x->topic->fallback ? "true" : "false");
		for (size_t i = 0; i < x->topic->nparts; i++) {
			sf_buf_puts(b, i ? ",{" : "{");
			json_kv(b, "path", x->topic->parts[i]->path, 0);
			json_kv(b, "role", x->topic->parts[i] == x->topic->base
					? "base" : sf_merge_names[x->topic->parts[i]->merge], 1);
			sf_buf_putc(b, '}');
		}
		sf_buf_puts(b, "],\"facts\":[");
		const sf_fact_ref *fv[64];
		size_t nf;
		facts_used(res, x->topic, fv, &nf, 64);
		for (size_t i = 0; i < nf; i++) {
			sf_buf_puts(b, i ? ",{" : "{");
			json_kv(b, "name", fv[i]->fact->name, 0);
			json_kv(b, "lang", fv[i]->lang, 1);
			json_kv(b, "value", fv[i]->value, 1);
			sf_buf_putc(b, '}');
		}
		sf_buf_puts(b, "]}}");
	}
	sf_buf_puts(b, "\n]}\n");
}

/* A usage error naming the nearest topic id, if one is near. */
static int no_topic(const sf_root *root, const char *topic)
{
	const char *ids[512];
	size_t n = 0;
	for (size_t i = 0; i < root->nmodules && n < 512; i++)
		if (root->modules[i].id)
			ids[n++] = root->modules[i].id;
	const char *near = sf_suggest(topic, ids, n);
	if (near)
		return sf_usage_error(&sf_cmd_explain, "no module defines topic '%s'; did you mean '%s'?",
				      topic, near);
	return sf_usage_error(&sf_cmd_explain, "no module defines topic '%s'", topic);
}

struct query {
	const char *topic;
	int json;
};

static int explain(sf_resolver *r, const sf_edition *ed, sf_buf *out, int *text, void *ctx)
{
	const struct query *q = ctx;
	sf_explanation *e;
	size_t ne = sf_explain(r, &ed->target, q->topic, ed->arena, &e);
	if (ne == 0)
		return no_topic(sf_resolver_root(r), q->topic);
	(q->json ? json_out : text_out)(out, &ed->target, ed->res, e, ne);
	*text = !q->json;
	return EXIT_CLEAN;
}

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg;
	sf_edition_args ea = { 0 };
	int id, json = 0;
	sf_optparse_init(&p, &sf_cmd_explain, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0) {
		if (id == SF_O_HELP) {
			sf_cmd_help(&sf_cmd_explain);
			return EXIT_CLEAN;
		}
		if (id == O_FORMAT && sf_cli_text_or_json(&sf_cmd_explain, arg, &json) != EXIT_CLEAN)
			return EXIT_USAGE;
		sf_cli_edition_opt(id, arg, &ea);
	}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops != 2)
		return sf_usage_error(&sf_cmd_explain, "say which corridor and topic: safar explain CORRIDOR ID");
	const char *cid = argv[1], *topic = argv[2];

	struct query q = { topic, json };
	return sf_cli_with_edition(&sf_cmd_explain, &ea, cid, 0, explain, &q);
}
