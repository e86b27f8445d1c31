/* coverage_matrix.c: how well each corridor is covered, cell by cell, for `safar coverage`. */
#include <stdlib.h>
#include <string.h>

#include "safar/coverage.h"
#include "safar/edition.h"

const char *const sf_cell_names[SF_NCELL] = { "tailored", "generic", "fallback", "draft",
					      "stale", "missing", "absent" };

unsigned sf_cov_percent(size_t part, size_t whole)
{
	return whole ? (unsigned)(part * 100 / whole) : 0;
}

/* The state of an edition's topic: the worst of its parts' and its
 * language's; tailored or generic as the edition decided. */
static int topic_state(const sf_ed_topic *t)
{
	int st = t->tailored ? SF_CELL_TAILORED : SF_CELL_GENERIC;
	if (t->fallback)
		st = SF_CELL_FALLBACK;
	for (size_t p = 0; p < t->nparts; p++) {
		const sf_ed_part *ep = &t->parts[p];
		int s = ep->freshness == SF_STALE ? SF_CELL_STALE
			: ep->draft		  ? SF_CELL_DRAFT
						  : st;
		if (s > st)
			st = s;
	}
	return st;
}

static int all_reviewed(const sf_ed_topic *t)
{
	for (size_t p = 0; p < t->nparts; p++)
		if (t->parts[p].draft)
			return 0;
	return 1;
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
	out->today = today;
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
			for (size_t k = 0; k < ed[i].ntopics; k++) {
				const sf_ed_topic *tp = &ed[i].topics[k];
				add_row(a, cc, &cap, tp->stage, tp->id, 0);
				for (size_t p = 0; p < tp->nparts; p++) {
					const sf_module *m = tp->parts[p].m;
					if (m->review_by > 0 && (!cc->next_review || m->review_by < cc->next_review)) {
						cc->next_review = m->review_by;
						cc->next_review_text = m->review_by_text;
					}
				}
			}
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
				const sf_ed_topic *found = NULL;
				/* Editions come all-sector first, then each sector. */
				for (size_t i = 0; i < nt && !found; i++) {
					if (strcmp(t[i].lang, cc->col_lang[col]) != 0 ||
					    strcmp(t[i].audience, cc->col_audience[col]) != 0)
						continue;
					for (size_t k = 0; k < ed[i].ntopics && !found; k++)
						if (ed[i].topics[k].stage == row->stage &&
						    strcmp(ed[i].topics[k].id, row->id) == 0)
							found = &ed[i].topics[k];
				}
				if (found) {
					state = topic_state(found);
					cc->reviewed += all_reviewed(found);
					/* Columns go language by language in the
					 * corridor's order: the first title found is
					 * in its first language. */
					if (!row->title)
						row->title = found->title;
				}
				row->cells[col] = state;
				cc->totals[state]++;
				out->totals[state]++;
				cc->cells += state != SF_CELL_ABSENT;
			}
		}
	}
	sf_resolver_free(r);
}
