/* sms_limit.c: every sms, with its facts in, fits sms.max_parts messages. */
#include <string.h>

#include "checkint.h"
#include "safar/buf.h"
#include "safar/sms.h"

void ck_sms(ck_ctx *c, const sf_resolved *res)
{
	int max = c->root->config.sms_max_parts;
	for (size_t i = 0; i < res->ntopics; i++) {
		const sf_topic *t = &res->topics[i];
		for (size_t p = 0; p < t->nparts; p++) {
			const sf_module *m = t->parts[p];
			size_t idx = (size_t)(m - c->root->modules);
			if (!m->sms || c->sms_reported[idx])
				continue;
			if (c->sms_corridor[idx] &&
			    (!m->nplaceholders || (c->sms_corridor[idx] == res->target.corridor &&
						   c->sms_lang[idx] == res->target.lang)))
				continue;
			c->sms_corridor[idx] = res->target.corridor;
			c->sms_lang[idx] = res->target.lang;
			/* Facts differ per corridor, so the same sms may fit in one
			 * corridor and not in another. */
			sf_buf text = { 0 };
			sf_subst(&text, m->sms, strlen(m->sms), res);
			sf_sms sms;
			sf_sms_split(text.data ? text.data : "", text.len, c->a, &sms);
			sf_buf_free(&text);
			if (sms.nparts <= (size_t)max)
				continue;
			c->sms_reported[idx] = 1;
			sf_emit_group(c->sink,
				      sf_printf(c->a, "%s %s", ck_target_name(c, &res->target),
						sf_stage_names[t->stage]),
				      SF_D_SMS_TOO_LONG, m->sms_loc,
				      "the sms needs %zu messages in %s (%zu %s), more than sms.max_parts %d%s%s",
				      sms.nparts, sms.encoding == SF_SMS_GSM7 ? "GSM-7" : "UCS-2", sms.units,
				      sms.encoding == SF_SMS_GSM7 ? "septets" : "UTF-16 units", max,
				      m->nplaceholders ? " for " : "",
				      m->nplaceholders ? res->target.corridor->id : "");
		}
	}
}
