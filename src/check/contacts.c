/* contacts.c: each corridor has somewhere to turn on both sides, and it is reachable. */
#include <string.h>
#include <strings.h>

#include "checkint.h"

/* Whether s is digits only, from min to max of them. */
static int digits_only(const char *s, size_t min, size_t max)
{
	size_t n = strspn(s, "0123456789");
	return s[n] == '\0' && n >= min && n <= max;
}

/* E.164 has at most 15 digits; the shortest numbers in use have 7 (+683
 * 4002, Niue). A hotline is often a short code only (112, 1345), dialled
 * inside its country: 2 to 6 digits, no '+'. docs/content-format.md. */
int sf_phone_valid(const char *p)
{
	if (p[0] == '+')
		return p[1] >= '1' && p[1] <= '9' && digits_only(p + 1, 7, 15);
	return digits_only(p, 2, 6);
}

static int url_valid(const char *u)
{
	const char *rest = NULL;
	if (strncasecmp(u, "https://", 8) == 0)
		rest = u + 8;
	else if (strncasecmp(u, "http://", 7) == 0)
		rest = u + 7;
	if (!rest || !*rest || *rest == '/')
		return 0;
	for (const char *q = u; *q; q++)
		if (*q == ' ' || (unsigned char)*q < 0x20)
			return 0;
	return 1;
}

void ck_contacts(ck_ctx *c)
{
	for (size_t i = 0; i < c->root->ncorridors; i++) {
		const sf_corridor *co = &c->root->corridors[i];
		int reachable[2] = { 0, 0 };
		for (size_t k = 0; k < co->ncontacts; k++) {
			const sf_contact *ct = &co->contacts[k];
			int ok = 0;
			if (ct->url && !url_valid(ct->url))
				sf_emit(c->sink, SF_D_BAD_CONTACT, ct->url_loc,
					"url '%s' must be a whole http:// or https:// address", ct->url);
			else if (ct->url)
				ok = 1;
			if (ct->phone && !sf_phone_valid(ct->phone))
				sf_emit(c->sink, SF_D_BAD_CONTACT, ct->phone_loc,
					"phone '%s' must be E.164 ('+', then the country code and number: 7 to 15 digits) "
					"or a national short code (2 to 6 digits, such as 112), with no spaces or dashes",
					ct->phone);
			else if (ct->phone)
				ok = 1;
			if (!ct->url && !ct->phone)
				sf_emit(c->sink, SF_D_BAD_CONTACT, ct->loc,
					"contact '%s' has neither a url nor a phone", ct->name ? ct->name : "?");
			reachable[ct->side] |= ok;
		}
		for (int side = 0; side < 2; side++)
			if (!reachable[side])
				sf_emit(c->sink, SF_D_MISSING_CONTACT, co->id_loc.line ? co->id_loc : co->loc,
					"corridor %s has no %s contact with a valid url or phone: migrants need somewhere to turn %s",
					co->id, sf_side_names[side],
					side == SF_SIDE_ORIGIN ? "at home" : "in the country of work");
	}
}
