/* index.c: out/index.html, the catalogue of every edition a build wrote. */
#include <errno.h>
#include <string.h>

#include "html.h"
#include "manifest.h"
#include "safar/fsio.h"

static void link(sf_buf *b, const char *href, const char *label)
{
	sf_buf_puts(b, " <a href=\"");
	h_esc(b, href);
	sf_buf_puts(b, "\">");
	h_esc(b, label);
	sf_buf_puts(b, "</a>");
}

/* A link to rel/name when the output folder has that file. */
static void link_if(sf_buf *b, const manifest *mf, sf_arena *a, const char *rel, const char *name,
		    const char *label)
{
	const char *path = sf_printf(a, "%s/%s", rel, name);
	if (mf_has(mf, path))
		link(b, path, label);
}

void sf_build_index(const sf_root *root, const sf_target *t, size_t n, const sf_build_opts *opts,
		    manifest *mf, sf_writes *w)
{
	sf_arena *a = sf_arena_new();
	const char *en = "en", *str[SF_NSTRINGS];
	sf_i18n_resolve(root, &en, 1, str, NULL);
	sf_buf b = { 0 };
	h_begin(&b, "en", str[SF_S_catalogue], opts);
	sf_buf_puts(&b, "<h1>");
	h_esc(&b, str[SF_S_catalogue]);
	sf_buf_puts(&b, "</h1>\n");
	const sf_corridor *cur = NULL;
	const char *curlang = NULL;
	for (size_t i = 0; i < n; i++) {
		if (t[i].corridor != cur) {
			if (cur)
				sf_buf_puts(&b, "</ul>\n");
			cur = t[i].corridor;
			curlang = NULL;
			sf_buf_puts(&b, "<h2>");
			h_esc(&b, cur->id);
			sf_buf_puts(&b, "</h2>\n");
		}
		if (!curlang || strcmp(curlang, t[i].lang) != 0) {
			if (curlang)
				sf_buf_puts(&b, "</ul>\n");
			curlang = t[i].lang;
			sf_buf_puts(&b, "<h3>");
			h_esc(&b, h_language_name(curlang));
			sf_buf_puts(&b, "</h3>\n<ul>\n");
		}
		const char *rel = sf_target_dir(a, ".", &t[i]) + 2;
		sf_buf_puts(&b, "<li>");
		h_esc(&b, t[i].sector ? t[i].sector : str[SF_S_all_sectors]);
		sf_buf_puts(&b, " · ");
		h_esc(&b, t[i].audience);
		/* An edition with unreviewed text says so before anyone prints it. */
		if (mf_is_draft(mf, rel)) {
			sf_buf_puts(&b, " <em class=\"draft\">(");
			h_esc(&b, str[SF_S_draft_mark]);
			sf_buf_puts(&b, ")</em>");
		}
		sf_buf_puts(&b, ":");
		/* The index lists every edition of the root; a narrowed build
		 * leaves the others' files, and links what the folder has. */
		link_if(&b, mf, a, rel, "handbook.html", str[SF_S_handbook]);
		link_if(&b, mf, a, rel, "checklist.html", str[SF_S_checklist]);
		link_if(&b, mf, a, rel, "checklist.xlsx", "XLSX");
		link_if(&b, mf, a, rel, "sms.csv", "SMS");
		for (int s = 0; s < SF_NSTAGE; s++)
			link_if(&b, mf, a, rel, sf_printf(a, "session-%s/agenda.html", sf_stage_names[s]),
				sf_printf(a, "%s %s", str[SF_S_session], sf_stage_names[s]));
		sf_buf_puts(&b, "</li>\n");
	}
	if (cur)
		sf_buf_puts(&b, "</ul>\n");
	h_end(&b);
	sf_output o = { .root = root, .str = str, .opts = opts, .dir = opts->outdir, .a = a,
			.sink = w->sink, .w = w };
	if (sf_mkdirs(opts->outdir) == 0)
		sf_output_write(&o, "index.html", &b);
	else
		sf_writes_fail(w, opts->outdir, "create the output folder", errno);
	sf_buf_free(&b);
	sf_arena_free(a);
}
