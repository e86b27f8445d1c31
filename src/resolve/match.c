/* match.c: does a `when` scope match a target, and how specific is it. */
#include <stdio.h>
#include <string.h>

#include "safar/resolve.h"

/* `audience: general` matches every audience, exactly as no audience key
 * does, so it weighs nothing either: otherwise a general base written with
 * an explicit `audience: general` would tie with every audience variant. */
static int general_audience(const sf_when *w)
{
	return (w->present & (1u << SF_W_AUDIENCE)) && sf_strv_has(&w->key[SF_W_AUDIENCE], "general");
}

int sf_specificity(const sf_when *w)
{
	int s = 0;
	for (int k = 0; k < SF_NWHEN; k++)
		if (w->present & (1u << k))
			s += sf_when_weight[k];
	if (general_audience(w))
		s -= sf_when_weight[SF_W_AUDIENCE];
	return s;
}

static void list(char *buf, size_t n, const sf_strv *v)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < v->n && used + 1 < n; i++) {
		int w = snprintf(buf + used, n - used, "%s%s", i ? ", " : "", v->v[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

int sf_when_match(const sf_when *w, const sf_target *t, char *why, size_t whylen)
{
	const char *val[SF_NWHEN] = { t->corridor->id, t->corridor->origin,
				      t->corridor->destination, t->sector, t->audience };
	for (int k = 0; k < SF_NWHEN; k++) {
		if (!(w->present & (1u << k)))
			continue;
		if (k == SF_W_AUDIENCE && general_audience(w))
			continue;
		if (k == SF_W_SECTOR && !t->sector) {
			if (why)
				snprintf(why, whylen, "it names a sector, and this is the all-sector edition");
			return 0;
		}
		if (val[k] && sf_strv_has(&w->key[k], val[k]))
			continue;
		if (why) {
			char l[160];
			list(l, sizeof l, &w->key[k]);
			snprintf(why, whylen, "when %s is [%s], not %s", sf_when_names[k], l,
				 val[k] ? val[k] : "?");
		}
		return 0;
	}
	return 1;
}
