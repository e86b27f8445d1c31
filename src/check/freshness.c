/* freshness.c: review dates passed or near, and drafts. */
#include "checkint.h"

void ck_freshness(ck_ctx *c)
{
	long warn = c->root->config.review_warn_days;
	for (size_t i = 0; i < c->root->nmodules; i++) {
		const sf_module *m = &c->root->modules[i];
		if (m->review_by > 0 && m->review_by < c->opts->today)
			sf_emit(c->sink, SF_D_STALE, m->review_loc,
				"review_by %s has passed (%ld days ago): review the module and move the date",
				m->review_by_text, c->opts->today - m->review_by);
		else if (m->review_by > 0 && m->review_by - c->opts->today <= warn)
			sf_emit(c->sink, SF_D_STALE_SOON, m->review_loc,
				"review_by %s is in %ld days", m->review_by_text,
				m->review_by - c->opts->today);
		if (m->status == SF_STATUS_DRAFT)
			sf_emit(c->sink, SF_D_DRAFT, m->status_loc.line ? m->status_loc : m->loc,
				"module %s (%s) is a draft: have it reviewed, then set status: reviewed",
				m->id ? m->id : "?", m->lang ? m->lang : "?");
	}
}
