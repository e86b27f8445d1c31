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
	h_checklist_items(b, o, 2, 1);
	h_end(b);
	return sf_output_write(o, "checklist.html", b);
}

const sf_renderer sf_render_checklist = { "checklist", SF_FMT_CHECKLIST, h_buf_new, render,
					  h_buf_free };
