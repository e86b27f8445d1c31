/* config.c: safar.yaml, and the built-in defaults that apply without it. */
#include <string.h>

#include "loadint.h"
#include "safar/nelem.h"

static sf_strv strv_of(sf_arena *a, const char *const *v, size_t n)
{
	sf_strv s = { sf_alloc_array(a, n ? n : 1, sizeof *s.v),
		      sf_alloc_array(a, n ? n : 1, sizeof *s.loc), n };
	for (size_t i = 0; i < n; i++)
		s.v[i] = v[i];
	return s;
}

#define STRV(a, ...) strv_of((a), (const char *const[]){ __VA_ARGS__ }, \
	sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

/* The defaults are DESIGN §1's example, so a root without safar.yaml works. */
void config_defaults(lctx *c, sf_config *cfg)
{
	sf_arena *a = c->f.a;
	memset(cfg, 0, sizeof *cfg);
	cfg->languages = STRV(a, "en", "ru", "ky", "uz", "tg", "kk");
	cfg->audiences = STRV(a, "general", "women", "men");
	cfg->sectors = STRV(a, "construction", "agriculture", "domestic-work", "hospitality",
			    "trade", "transport", "manufacturing", "care");
	static const char *const fb[] = { "ky", "uz", "tg", "kk" };
	cfg->fallback = sf_alloc_array(a, SF_NELEM(fb) + 1, sizeof *cfg->fallback);
	for (size_t i = 0; i < SF_NELEM(fb); i++)
		cfg->fallback[i] = (sf_fallback){ fb[i], { 0 }, STRV(a, "ru", "en") };
	cfg->fallback[SF_NELEM(fb)] = (sf_fallback){ "ru", { 0 }, STRV(a, "en") };
	cfg->nfallback = SF_NELEM(fb) + 1;
	cfg->required[SF_PDO] = STRV(a, "employment-contract", "recruitment-fees", "documents",
				     "emergency-contacts");
	cfg->sms_max_parts = 3;
	cfg->review_warn_days = 60;
	cfg->review_fact_days = 365;
}

static const char *const config_keys[] = { "languages", "fallback", "audiences", "sectors",
					    "required", "sms", "review" };

static void names(lctx *c, const ynode *v, const char *key, sf_strv *out)
{
	if (!v)
		return;
	sf_strv s = f_strv(&c->f, v, key);
	for (size_t i = 0; i < s.n; i++)
		f_kebab(&c->f, s.v[i], s.loc[i], key);
	*out = s;
}

/* The built-in chains serve the languages a root declares: with
 * `languages: [en]` and no `fallback`, ky -> ru -> en is not the author's
 * mistake to be told about (docs/decisions.md, "Built-in defaults"). */
static void prune_default_fallback(sf_config *cfg)
{
	size_t n = 0;
	for (size_t i = 0; i < cfg->nfallback; i++) {
		sf_fallback fb = cfg->fallback[i];
		if (!sf_strv_has(&cfg->languages, fb.lang))
			continue;
		size_t k = 0;
		for (size_t j = 0; j < fb.chain.n; j++)
			if (sf_strv_has(&cfg->languages, fb.chain.v[j]))
				fb.chain.v[k++] = fb.chain.v[j];
		fb.chain.n = k;
		if (k)
			cfg->fallback[n++] = fb;
	}
	cfg->nfallback = n;
}

void config_load(lctx *c, const srcfile *f, sf_config *cfg)
{
	int failed;
	ynode *root = yn_parse(c->f.a, c->f.sink, f->path, f->text, f->len, 1, &failed);
	cfg->path = f->path;
	if (!root)
		return; /* empty: the defaults stand */
	if (!f_keys(&c->f, root, "safar.yaml", config_keys, SF_NELEM(config_keys), NULL, 0, root->loc))
		return;
	names(c, yn_get(root, "languages"), "languages", &cfg->languages);
	names(c, yn_get(root, "audiences"), "audiences", &cfg->audiences);
	names(c, yn_get(root, "sectors"), "sectors", &cfg->sectors);

	const ynode *fb = yn_get(root, "fallback");
	if (fb && f_map(&c->f, fb, "fallback")) {
		size_t n = fb->n / 2;
		cfg->fallback = sf_alloc_array(c->f.a, n ? n : 1, sizeof *cfg->fallback);
		cfg->nfallback = 0;
		for (size_t i = 0; i + 1 < fb->n; i += 2) {
			const ynode *k = fb->items[i];
			if (k->kind != YN_SCALAR)
				continue;
			cfg->fallback[cfg->nfallback++] =
				(sf_fallback){ k->s, k->loc, f_strv(&c->f, fb->items[i + 1], "fallback") };
		}
	} else if (!fb) {
		prune_default_fallback(cfg);
	}

	const ynode *req = yn_get(root, "required");
	if (req && f_keys(&c->f, req, "required", sf_stage_names, SF_NSTAGE, NULL, 0, req->loc)) {
		for (int s = 0; s < SF_NSTAGE; s++) {
			const ynode *v = yn_get(req, sf_stage_names[s]);
			cfg->required[s] = f_strv(&c->f, v, sf_stage_names[s]);
			for (size_t i = 0; i < cfg->required[s].n; i++)
				f_kebab(&c->f, cfg->required[s].v[i], cfg->required[s].loc[i], "topic id");
		}
	}

	static const char *const sms_keys[] = { "max_parts" };
	const ynode *sms = yn_get(root, "sms");
	if (sms && f_keys(&c->f, sms, "sms", sms_keys, SF_NELEM(sms_keys), NULL, 0, sms->loc))
		f_int(&c->f, yn_get(sms, "max_parts"), "max_parts", 1, 255, &cfg->sms_max_parts);

	static const char *const review_keys[] = { "warn_days", "fact_days" };
	const ynode *rev = yn_get(root, "review");
	if (rev && f_keys(&c->f, rev, "review", review_keys, SF_NELEM(review_keys), NULL, 0, rev->loc))
	{
		f_int(&c->f, yn_get(rev, "warn_days"), "warn_days", 0, 3660, &cfg->review_warn_days);
		f_int(&c->f, yn_get(rev, "fact_days"), "fact_days", 1, 36600, &cfg->review_fact_days);
	}
}
