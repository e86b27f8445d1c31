/* sms_csv.c: sms.csv, one row per SMS part, RFC 4180, for bulk-SMS tools. */
#include <string.h>

#include "html.h"
#include "safar/sms.h"

/* RFC 4180: quote a field holding a comma, a quote or a line break. A
 * field a spreadsheet would read as a formula (one starting = + - @ TAB CR)
 * gets a leading ', OWASP's advice against CSV injection: an SMS text is
 * content, and content must not run in the office that opens the file
 * (docs/outputs.md says what it costs). */
static void field(sf_buf *b, const char *s, int last)
{
	const char *lead = *s && strchr("=+-@\t\r", *s) ? "'" : "";
	if (strpbrk(s, ",\"\r\n")) {
		sf_buf_putc(b, '"');
		sf_buf_puts(b, lead);
		for (; *s; s++) {
			if (*s == '"')
				sf_buf_putc(b, '"');
			sf_buf_putc(b, *s);
		}
		sf_buf_putc(b, '"');
	} else {
		sf_buf_puts(b, lead);
		sf_buf_puts(b, s);
	}
	sf_buf_puts(b, last ? "\r\n" : ",");
}

void sf_sms_csv(sf_buf *b, const sf_edition *e, int header)
{
	if (header)
		sf_buf_puts(b, "corridor,lang,sector,audience,stage,id,part,parts,encoding,units,text\r\n");
	for (size_t i = 0; i < e->ntopics; i++) {
		const sf_ed_topic *tp = &e->topics[i];
		/* Each module of the composition that has an sms is its own message. */
		for (size_t p = 0; p < tp->nparts; p++) {
			const sf_sms *m = &tp->parts[p].sms_split;
			for (size_t k = 0; k < m->nparts; k++) {
				field(b, e->key.corridor, 0);
				field(b, tp->lang, 0);
				field(b, e->key.sector, 0);
				field(b, e->key.audience, 0);
				field(b, sf_stage_names[tp->stage], 0);
				field(b, tp->id, 0);
				sf_buf_printf(b, "%zu,%zu,%s,%zu,", k + 1, m->nparts,
					      m->parts[k].encoding == SF_SMS_GSM7 ? "GSM-7" : "UCS-2", m->parts[k].units);
				field(b, m->parts[k].text, 1);
			}
		}
	}
}

static int render(void *state, const sf_output *o)
{
	sf_buf *b = state;
	sf_buf_reset(b);
	sf_sms_csv(b, o->ed, 1);
	return sf_output_write(o, "sms.csv", b);
}

const sf_renderer sf_render_sms = { "sms", SF_FMT_SMS, h_buf_new, render, h_buf_free };
