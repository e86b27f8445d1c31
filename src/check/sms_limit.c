/* sms_limit.c: every sms, with its facts in, fits sms.max_parts messages. */
#include <string.h>

#include "checkint.h"
#include "safar/buf.h"
#include "safar/sms.h"

/* How the parts go out: one encoding, with the whole text's size in it; or,
 * when parts differ (each is sent in its own), how many go in each. */
static const char *how_sent(sf_arena *a, const sf_sms *sms)
{
	size_t gsm = 0;
	for (size_t k = 0; k < sms->nparts; k++)
		gsm += sms->parts[k].encoding == SF_SMS_GSM7;
	if (gsm == sms->nparts)
		return sf_printf(a, "in GSM-7 (%zu septets)", sms->units);
	if (gsm == 0)
		return sf_printf(a, "in UCS-2 (%zu UTF-16 units)", sms->units);
	return sf_printf(a, "(%zu in GSM-7, %zu in UCS-2)", gsm, sms->nparts - gsm);
}

void ck_sms(ck_ctx *c, const sf_edition *e)
{
	int max = c->root->config.sms_max_parts;
	const sf_target *tg = &e->target;
	for (size_t i = 0; i < e->ntopics; i++) {
		const sf_ed_topic *t = &e->topics[i];
		for (size_t p = 0; p < t->nparts; p++) {
			const sf_module *m = t->parts[p].m;
			const sf_sms *sms = &t->parts[p].sms_split;
			size_t idx = (size_t)(m - c->root->modules);
			if (!m->sms || c->sms_reported[idx])
				continue;
			/* Facts differ per corridor, so the same sms may fit in one
			 * corridor and not in another; one without facts is judged
			 * once. */
			if (c->sms_corridor[idx] &&
			    (!m->nplaceholders || (c->sms_corridor[idx] == tg->corridor &&
						   c->sms_lang[idx] == tg->lang)))
				continue;
			c->sms_corridor[idx] = tg->corridor;
			c->sms_lang[idx] = tg->lang;
			if (sms->nparts <= (size_t)max)
				continue;
			c->sms_reported[idx] = 1;
			sf_emit_group(c->sink,
				      sf_printf(c->a, "%s %s", ck_edition_name(c, e), sf_stage_names[t->stage]),
				      SF_D_SMS_TOO_LONG, m->sms_loc,
				      "the sms needs %zu messages %s, more than sms.max_parts %d%s%s",
				      sms->nparts, how_sent(c->a, sms), max, m->nplaceholders ? " for " : "",
				      m->nplaceholders ? tg->corridor->id : "");
		}
	}
}
