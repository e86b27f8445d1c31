/* coverage_matrix.c: how well each corridor is covered, cell by cell, for `safar coverage`. */
#include <stdlib.h>
#include <string.h>

#include "safar/coverage.h"
#include "safar/edition.h"

const char *const sf_cell_names[SF_NCELL] = { "present", "fallback", "draft", "stale soon",
					      "stale", "missing", "absent" };

/* The state of an edition's topic: the worst of its parts' and its language's. */
static int topic_state(const sf_ed_topic *t)
{
	int st = t->fallback ? SF_CELL_FALLBACK : SF_CELL_PRESENT;
	for (size_t p = 0; p < t->nparts; p++) {
		const sf_ed_part *ep = &t->parts[p];
		int s = ep->freshness == SF_STALE	? SF_CELL_STALE
			: ep->freshness == SF_STALE_SOON ? SF_CELL_STALE_SOON
			: ep->draft			? SF_CELL_DRAFT
							: SF_CELL_PRESENT;
		if (s > st)
			st = s;
	}
	return st;
}

static int cmp_row(const void *x, const void *y)
{
	const sf_cov_row *a = x, *b = y;
	if (a->stage != b->stage)
		return a->stage - b->stage;
	if (a->required != b->required)
		return b->required - a->required;
	return strcmp(a->id, b->id);
}

/* Rows: every topic required of the corridor or resolved in any of its editions. */
static void add_row(sf_arena *a, sf_cov_corridor *cc, size_t *cap, int stage, const char *id,
		    int required)
{
	for (size_t i = 0; i < cc->nrows; i++)
		if (cc->rows[i].stage == stage && strcmp(cc->rows[i].id, id) == 0) {
			cc->rows[i].required |= required;
			return;
		}
	sf_cov_row *r = SF_PUSH(a, cc->rows, cc->nrows, *cap);
	r->stage = stage;
	r->id = id;
	r->required = required;
}

void sf_coverage_compute(const sf_root *root, sf_sink *sink, long today, sf_arena *a,
			 sf_coverage *out)
{
	memset(out, 0, sizeof *out);
	sf_resolver *r = sf_resolver_new(root, sink);
	out->corridors = sf_alloc_array(a, root->ncorridors + 1, sizeof *out->corridors);
	for (size_t ci = 0; ci < root->ncorridors; ci++) {
		const sf_corridor *co = &root->corridors[ci];
		sf_cov_corridor *cc = &out->corridors[out->ncorridors++];
		cc->corridor = co;
		const char *ids[] = { co->id };
		sf_filter f = { ids, 1, NULL, NULL, NULL, 0 };
		sf_target *t;
		size_t nt = sf_targets(root, &f, a, &t);
		sf_edition *ed = sf_alloc_array(a, nt + 1, sizeof *ed);
		size_t cap = 0;
		for (size_t i = 0; i < nt; i++) {
			sf_edition_make(r, &t[i], today, a, &ed[i]);
			const sf_resolved *res = ed[i].res;
			for (int s = 0; s < SF_NSTAGE; s++)
				for (size_t k = 0; k < res->policy[s].n; k++)
					if (!sf_strv_has(&res->excluded, res->policy[s].v[k]))
						add_row(a, cc, &cap, s, res->policy[s].v[k], 1);
			for (size_t k = 0; k < ed[i].ntopics; k++)
				add_row(a, cc, &cap, ed[i].topics[k].stage, ed[i].topics[k].id, 0);
		}
		if (cc->nrows > 1)
			qsort(cc->rows, cc->nrows, sizeof *cc->rows, cmp_row);
		/* Columns: the corridor's languages x audiences, in its order. */
		size_t ncols = co->languages.n * co->audiences.n;
		cc->col_lang = sf_alloc_array(a, ncols + 1, sizeof *cc->col_lang);
		cc->col_audience = sf_alloc_array(a, ncols + 1, sizeof *cc->col_audience);
		for (size_t l = 0; l < co->languages.n; l++)
			for (size_t au = 0; au < co->audiences.n; au++) {
				cc->col_lang[cc->ncols] = co->languages.v[l];
				cc->col_audience[cc->ncols++] = co->audiences.v[au];
			}
		for (size_t ri = 0; ri < cc->nrows; ri++) {
			sf_cov_row *row = &cc->rows[ri];
			row->cells = sf_alloc_array(a, cc->ncols + 1, sizeof *row->cells);
			for (size_t col = 0; col < cc->ncols; col++) {
				int state = row->required ? SF_CELL_MISSING : SF_CELL_ABSENT;
				/* Editions come all-sector first, then each sector. */
				for (size_t i = 0; i < nt && state >= SF_CELL_MISSING; i++) {
					if (strcmp(t[i].lang, cc->col_lang[col]) != 0 ||
					    strcmp(t[i].audience, cc->col_audience[col]) != 0)
						continue;
					for (size_t k = 0; k < ed[i].ntopics; k++)
						if (ed[i].topics[k].stage == row->stage &&
						    strcmp(ed[i].topics[k].id, row->id) == 0)
							state = topic_state(&ed[i].topics[k]);
				}
				row->cells[col] = state;
				cc->totals[state]++;
				out->totals[state]++;
			}
		}
	}
	sf_resolver_free(r);
}
