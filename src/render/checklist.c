/* checklist.c: checklist.html: tick boxes grouped by stage, compact for print. */
#include "html.h"

static int render(void *state, const sf_output *o)
{
	sf_buf *b = state;
	const sf_resolved *res = o->res;
	sf_buf_reset(b);
	const char *title = sf_printf(o->a, "%s · %s", h_corridor_title(o), o->str[SF_S_checklist]);
	h_begin(b, res->target.lang, title, o->opts);
	/* Tighter than the handbook: a checklist should fit on few pages. */
	sf_buf_puts(b, "<style>h2{break-before:auto;margin-top:.8em}.check li{margin:.15em 0}"
		       "body{font-size:11pt}</style>\n<h1>");
	h_esc(b, o->str[SF_S_checklist]);
	sf_buf_puts(b, "</h1>\n<p class=\"meta\">");
	h_esc(b, h_corridor_title(o));
	sf_buf_puts(b, " · ");
	h_edition(b, o);
	sf_buf_puts(b, "</p>\n");
	for (int s = 0; s < SF_NSTAGE; s++) {
		int open = 0;
		for (size_t i = 0; i < res->ntopics; i++) {
			const sf_topic *t = &res->topics[i];
			for (size_t p = 0; t->stage == s && p < t->nparts; p++)
				for (size_t k = 0; k < t->parts[p]->checklist.n; k++) {
					if (!open) {
						sf_buf_printf(b, "<h2 id=\"stage-%s\">", sf_stage_names[s]);
						h_esc(b, o->str[H_STAGE(s)]);
						sf_buf_puts(b, "</h2>\n<ul class=\"check\">\n");
						open = 1;
					}
					sf_buf_puts(b, "<li><span class=\"box\"></span>");
					h_text(b, t->parts[p]->checklist.v[k], res);
					sf_buf_puts(b, "</li>\n");
				}
		}
		if (open)
			sf_buf_puts(b, "</ul>\n");
	}
	h_end(b);
	return sf_output_write(o, "checklist.html", b);
}

const sf_renderer sf_render_checklist = { "checklist", SF_FMT_CHECKLIST, h_buf_new, render,
					  h_buf_free };
