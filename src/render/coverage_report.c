/* coverage_report.c: the coverage matrix as text, Markdown, HTML and JSON. */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "safar/coverage.h"

const char *const sf_cov_format_names[5] = { "text", "md", "html", "json", "xlsx" };

/* Short enough for a terminal column, still words. */
static const char *const short_names[SF_NCELL] = { "ok", "fallback", "draft", "soon",
						   "STALE", "MISSING", "-" };

static const char *col_name(const sf_cov_corridor *cc, size_t col, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%s", cc->col_lang[col], cc->col_audience[col]);
	return buf;
}

static void totals_line(sf_buf *b, const size_t *t)
{
	for (int s = 0; s < SF_CELL_ABSENT; s++)
		sf_buf_printf(b, "%s%s %zu", s ? ", " : "", sf_cell_names[s], t[s]);
}

static void text(sf_buf *b, const sf_coverage *c)
{
	char name[96];
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		sf_buf_printf(b, "%s%s (%s -> %s)\n%-42s", i ? "\n" : "", cc->corridor->id,
			      cc->corridor->origin ? cc->corridor->origin : "?",
			      cc->corridor->destination ? cc->corridor->destination : "?", "");
		for (size_t col = 0; col < cc->ncols; col++)
			sf_buf_printf(b, " %-10s", col_name(cc, col, name, sizeof name));
		sf_buf_putc(b, '\n');
		for (size_t r = 0; r < cc->nrows; r++) {
			const sf_cov_row *row = &cc->rows[r];
			sf_buf_printf(b, "%s %-36s%s", sf_stage_names[row->stage], row->id,
				      row->required ? " *" : "  ");
			for (size_t col = 0; col < cc->ncols; col++)
				sf_buf_printf(b, " %-10s", short_names[row->cells[col]]);
			sf_buf_putc(b, '\n');
		}
		sf_buf_puts(b, "totals: ");
		totals_line(b, cc->totals);
		sf_buf_putc(b, '\n');
	}
	sf_buf_puts(b, "\n* required. All corridors: ");
	totals_line(b, c->totals);
	sf_buf_putc(b, '\n');
}

static void md(sf_buf *b, const sf_coverage *c)
{
	char name[96];
	sf_buf_puts(b, "# Coverage\n");
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		sf_buf_printf(b, "\n## %s (%s → %s)\n\n| stage | topic | required |", cc->corridor->id,
			      cc->corridor->origin ? cc->corridor->origin : "?",
			      cc->corridor->destination ? cc->corridor->destination : "?");
		for (size_t col = 0; col < cc->ncols; col++)
			sf_buf_printf(b, " %s |", col_name(cc, col, name, sizeof name));
		sf_buf_puts(b, "\n| --- | --- | --- |");
		for (size_t col = 0; col < cc->ncols; col++)
			sf_buf_puts(b, " --- |");
		sf_buf_putc(b, '\n');
		for (size_t r = 0; r < cc->nrows; r++) {
			const sf_cov_row *row = &cc->rows[r];
			sf_buf_printf(b, "| %s | %s | %s |", sf_stage_names[row->stage], row->id,
				      row->required ? "yes" : "no");
			for (size_t col = 0; col < cc->ncols; col++)
				sf_buf_printf(b, " %s |", sf_cell_names[row->cells[col]]);
			sf_buf_putc(b, '\n');
		}
		sf_buf_puts(b, "\nTotals: ");
		totals_line(b, cc->totals);
		sf_buf_puts(b, ".\n");
	}
	sf_buf_puts(b, "\nAll corridors: ");
	totals_line(b, c->totals);
	sf_buf_puts(b, ".\n");
}

/* Colour helps on screen; the words carry the meaning in print. */
static const char *const cell_class[SF_NCELL] = { "g", "a", "a", "a", "r", "r", "n" };

static void html(sf_buf *b, const sf_coverage *c)
{
	char name[96];
	h_begin(b, "en", "Coverage", NULL);
	sf_buf_puts(b, "<style>@page{size:A4 landscape}body{max-width:none}td,th{font-size:.85em}"
		       ".g{background:#c8e6c9}.a{background:#ffe082}.r{background:#ef9a9a;font-weight:bold}"
		       ".n{color:#555}</style>\n<h1>Coverage</h1>\n<p>");
	sf_buf_puts(b, "All corridors: ");
	totals_line(b, c->totals);
	sf_buf_puts(b, ".</p>\n");
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		sf_buf_printf(b, "<h2 id=\"%s\">", cc->corridor->id);
		h_esc(b, cc->corridor->id);
		sf_buf_puts(b, "</h2>\n<table>\n<tr><th>stage</th><th>topic</th>");
		for (size_t col = 0; col < cc->ncols; col++) {
			sf_buf_puts(b, "<th>");
			h_esc(b, col_name(cc, col, name, sizeof name));
			sf_buf_puts(b, "</th>");
		}
		sf_buf_puts(b, "</tr>\n");
		for (size_t r = 0; r < cc->nrows; r++) {
			const sf_cov_row *row = &cc->rows[r];
			sf_buf_printf(b, "<tr><td>%s</td><td>", sf_stage_names[row->stage]);
			h_esc(b, row->id);
			sf_buf_puts(b, row->required ? " *</td>" : "</td>");
			for (size_t col = 0; col < cc->ncols; col++)
				sf_buf_printf(b, "<td class=\"%s\">%s</td>", cell_class[row->cells[col]],
					      sf_cell_names[row->cells[col]]);
			sf_buf_puts(b, "</tr>\n");
		}
		sf_buf_puts(b, "</table>\n<p>Totals: ");
		totals_line(b, cc->totals);
		sf_buf_puts(b, ". * required.</p>\n");
	}
	h_end(b);
}

static void json_totals(sf_buf *b, const size_t *t)
{
	sf_buf_putc(b, '{');
	for (int s = 0; s < SF_CELL_ABSENT; s++)
		sf_buf_printf(b, "%s\"%s\":%zu", s ? "," : "", sf_cell_names[s], t[s]);
	sf_buf_putc(b, '}');
}

static void json(sf_buf *b, const sf_coverage *c)
{
	sf_buf_puts(b, "{\"version\":1,\"corridors\":[");
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		sf_buf_puts(b, i ? ",\n{\"id\":" : "\n{\"id\":");
		sf_buf_json_str(b, cc->corridor->id);
		sf_buf_puts(b, ",\"columns\":[");
		for (size_t col = 0; col < cc->ncols; col++) {
			sf_buf_puts(b, col ? ",{\"lang\":" : "{\"lang\":");
			sf_buf_json_str(b, cc->col_lang[col]);
			sf_buf_puts(b, ",\"audience\":");
			sf_buf_json_str(b, cc->col_audience[col]);
			sf_buf_putc(b, '}');
		}
		sf_buf_puts(b, "],\"rows\":[");
		for (size_t r = 0; r < cc->nrows; r++) {
			const sf_cov_row *row = &cc->rows[r];
			sf_buf_printf(b, "%s{\"stage\":\"%s\",\"id\":", r ? ",\n " : "\n ",
				      sf_stage_names[row->stage]);
			sf_buf_json_str(b, row->id);
			sf_buf_printf(b, ",\"required\":%s,\"cells\":[", row->required ? "true" : "false");
			for (size_t col = 0; col < cc->ncols; col++)
				sf_buf_printf(b, "%s\"%s\"", col ? "," : "", sf_cell_names[row->cells[col]]);
			sf_buf_puts(b, "]}");
		}
		sf_buf_puts(b, "],\"totals\":");
		json_totals(b, cc->totals);
		sf_buf_putc(b, '}');
	}
	sf_buf_puts(b, "],\"totals\":");
	json_totals(b, c->totals);
	sf_buf_puts(b, "}\n");
}

void sf_coverage_format(sf_buf *b, const sf_coverage *c, int format)
{
	switch (format) {
	case SF_COV_MD: md(b, c); break;
	case SF_COV_HTML: html(b, c); break;
	case SF_COV_JSON: json(b, c); break;
	default: text(b, c); break;
	}
}
