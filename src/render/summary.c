/* summary.c: what the one-page "Most important" summary at the start of a
 * stage of the handbook holds, the same for handbook.html and handbook.pdf
 * (docs/outputs.md, "The stage's summary"). */
#include <string.h>

#include "html.h"

/* What a page of A5 holds under the stage's heading, its purpose and the
 * summary's own heading, in hundredths of a line of body text, and the
 * cost of each thing printed (docs/outputs.md, "The stage's summary"):
 * 22 lines less the purpose's, a line kept spare. Lines are counted by
 * wrapping the text at spaces: a line of A5 holds about 52 Latin letters
 * or 45 Cyrillic ones beside its bullet; an ASCII character is taken as 20
 * units, any other as 23, a line as 1000. */
enum {
	SUMMARY_ROOM = 2100,        /* less the purpose */
	SUMMARY_MAX_SMS = 8,
	SUMMARY_MAX_CONTACTS = 3,
	SUMMARY_CONTACT_ROOM = 800, /* at most, of the room, for contacts */
	SUMMARY_HEADING = 160,      /* "Where to get help" above the contacts */
	SUMMARY_GAP = 10,           /* space above a message or a contact */
	LINE_UNITS = 1000,
};

/* The lines text takes when wrapped at spaces, in hundredths. */
static long text_lines(const char *s)
{
	long lines = 1, used = 0, word = 0;
	for (const unsigned char *p = (const unsigned char *)s;; p++) {
		if (*p == ' ' || *p == '\0') {
			/* the word, and the space before it */
			long need = used ? used + 20 + word : word;
			if (need <= LINE_UNITS) {
				used = need;
			} else {
				lines += used > 0;
				while (word > LINE_UNITS) { /* a word longer than a line */
					lines++;
					word -= LINE_UNITS;
				}
				used = word;
			}
			word = 0;
			if (*p == '\0')
				break;
		} else if (*p < 0x80) {
			word += 20;
		} else if ((*p & 0xC0) != 0x80) {
			word += 23;
		}
	}
	return 100 * lines;
}

static int has_digit(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

const char *h_summary_site(const sf_output *o, const char *url)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t n = strcspn(p, "/?#");
	return sf_printf(o->a, "%.*s", (int)n, p);
}

int h_for_audience(const sf_contact *c, const sf_output *o)
{
	const char *aud = o->res->target.audience;
	return c->audiences.n == 0 || sf_strv_has(&c->audiences, "general") ||
	       (aud && sf_strv_has(&c->audiences, aud));
}

/* The rank of a message: 0 carries a number (a deadline, a phone, an
 * amount), 1 was written for this corridor, country, sector or audience,
 * 2 the rest. */
static int sms_rank(const sf_ed_part *p)
{
	return has_digit(p->sms) ? 0 : sf_module_tailored(p->m) ? 1 : 2;
}

/* The rank of a contact: with a phone first (the page says whom to call),
 * then those written for the edition's own audience, then those who speak
 * a language of the reader's chain. Lower is first. */
static int contact_rank(const sf_contact *c, const sf_output *o)
{
	const char *aud = o->res->target.audience;
	int own = aud && strcmp(aud, "general") != 0 && sf_strv_has(&c->audiences, aud);
	return (c->phone ? 0 : 4) + (own ? 0 : 2) + (h_speaks(c, o->res) ? 0 : 1);
}

void h_summary_make(const sf_output *o, int s, h_summary *out)
{
	const sf_edition *e = o->ed;
	memset(out, 0, sizeof *out);
	/* Every part's message of the stage, in reading order. */
	size_t n = 0;
	for (size_t i = 0; i < e->ntopics; i++)
		if (e->topics[i].stage == s)
			n += e->topics[i].nparts;
	const sf_ed_part **part = sf_alloc_array(o->a, n + 1, sizeof *part);
	const sf_ed_topic **topic = sf_alloc_array(o->a, n + 1, sizeof *topic);
	char *take = sf_alloc(o->a, n + 1);
	memset(take, 0, n + 1);
	n = 0;
	for (size_t i = 0; i < e->ntopics; i++)
		for (size_t p = 0; e->topics[i].stage == s && p < e->topics[i].nparts; p++) {
			const sf_ed_part *ep = &e->topics[i].parts[p];
			if (!ep->sms || !*ep->sms)
				continue;
			int dup = 0;
			for (size_t k = 0; k < n && !dup; k++)
				dup = strcmp(part[k]->sms, ep->sms) == 0;
			if (dup)
				continue;
			part[n] = ep;
			topic[n++] = &e->topics[i];
		}
	/* The contacts first, since whom to call is what the page is for: the
	 * stage's as "Where to get help" lists them, for the edition's
	 * audience, best ranked first (stable), while they fit their room. */
	long room = SUMMARY_ROOM - text_lines(o->str[H_PURPOSE(s)]);
	const sf_contact **c;
	size_t nc = h_stage_contact_list(o, s, &c);
	out->contacts = sf_alloc_array(o->a, SUMMARY_MAX_CONTACTS + 1, sizeof *out->contacts);
	long croom = SUMMARY_CONTACT_ROOM - SUMMARY_HEADING;
	for (int rank = 0; rank < 8; rank++)
		for (size_t i = 0; i < nc && out->ncontacts < SUMMARY_MAX_CONTACTS; i++) {
			if (!h_for_audience(c[i], o) || contact_rank(c[i], o) != rank)
				continue;
			const char *line = sf_printf(o->a, "%s: %s", h_contact_name(o, c[i]),
						     c[i]->phone ? c[i]->phone : c[i]->url ? h_summary_site(o, c[i]->url) : "");
			long cost = text_lines(line) + SUMMARY_GAP;
			if (cost > croom)
				continue;
			croom -= cost;
			out->contacts[out->ncontacts++] = c[i];
		}
	if (out->ncontacts)
		room -= SUMMARY_CONTACT_ROOM - croom;
	/* Then the messages, rank by rank, in reading order within one, while
	 * they fit. */
	size_t taken = 0;
	for (int rank = 0; rank < 3; rank++)
		for (size_t k = 0; k < n && taken < SUMMARY_MAX_SMS; k++) {
			if (sms_rank(part[k]) != rank)
				continue;
			long cost = text_lines(part[k]->sms) + SUMMARY_GAP;
			if (cost > room)
				continue;
			take[k] = 1;
			room -= cost;
			taken++;
		}
	out->sms = sf_alloc_array(o->a, taken + 1, sizeof *out->sms);
	out->topic = sf_alloc_array(o->a, taken + 1, sizeof *out->topic);
	for (size_t k = 0; k < n; k++)
		if (take[k]) {
			out->sms[out->nsms] = part[k]->sms;
			out->topic[out->nsms++] = topic[k];
		}
}
