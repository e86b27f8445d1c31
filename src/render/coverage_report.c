/* coverage_report.c: the coverage matrix as text, Markdown, HTML and JSON (docs/coverage.md). */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "safar/coverage.h"
#include "safar/date.h"

const char *const sf_cov_format_names[5] = { "text", "md", "html", "json", "xlsx" };

/* Short enough for a terminal column, still words; the bad ones shout. */
static const char *const short_names[SF_NCELL] = { "tailored", "generic", "fallback", "draft",
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

/* "42% tailored, 80% reviewed, next review 2027-05-15" */
static void summary_line(sf_buf *b, const sf_cov_corridor *cc)
{
	sf_buf_printf(b, "%u%% tailored, %u%% reviewed, next review %s",
		      sf_cov_percent(cc->totals[SF_CELL_TAILORED], cc->cells),
		      sf_cov_percent(cc->reviewed, cc->cells),
		      cc->next_review_text ? cc->next_review_text : "none");
}

static const char *country(const char *c)
{
	return c ? c : "?";
}

static void text(sf_buf *b, const sf_coverage *c)
{
	char name[96];
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		sf_buf_printf(b, "%s%s (%s -> %s): ", i ? "\n" : "", cc->corridor->id,
			      country(cc->corridor->origin), country(cc->corridor->destination));
		summary_line(b, cc);
		sf_buf_printf(b, "\n%-42s", "");
		for (size_t col = 0; col < cc->ncols; col++)
			sf_buf_printf(b, " %-10s", col_name(cc, col, name, sizeof name));
		sf_buf_puts(b, " title\n");
		for (size_t r = 0; r < cc->nrows; r++) {
			const sf_cov_row *row = &cc->rows[r];
			sf_buf_printf(b, "%s %-36s%s", sf_stage_names[row->stage], row->id,
				      row->required ? " *" : "  ");
			for (size_t col = 0; col < cc->ncols; col++)
				sf_buf_printf(b, " %-10s", short_names[row->cells[col]]);
			sf_buf_printf(b, " %s\n", row->title ? row->title : "-");
		}
		sf_buf_puts(b, "totals: ");
		totals_line(b, cc->totals);
		sf_buf_putc(b, '\n');
	}
	sf_buf_puts(b, "\n* required. All corridors: ");
	totals_line(b, c->totals);
	sf_buf_putc(b, '\n');
}

/* A table cell holds no newline or pipe. */
static void md_cell(sf_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			sf_buf_puts(b, "\\|");
		else
			sf_buf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
	}
}

static void md(sf_buf *b, const sf_coverage *c)
{
	char name[96];
	sf_buf_puts(b, "# Coverage\n\n| corridor | tailored | reviewed | next review |\n| --- | --- | --- | --- |\n");
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		sf_buf_printf(b, "| %s | %u%% | %u%% | %s |\n", cc->corridor->id,
			      sf_cov_percent(cc->totals[SF_CELL_TAILORED], cc->cells),
			      sf_cov_percent(cc->reviewed, cc->cells),
			      cc->next_review_text ? cc->next_review_text : "none");
	}
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		sf_buf_printf(b, "\n## %s (%s → %s)\n\n", cc->corridor->id,
			      country(cc->corridor->origin), country(cc->corridor->destination));
		summary_line(b, cc);
		sf_buf_puts(b, ".\n\n| stage | topic | title | required |");
		for (size_t col = 0; col < cc->ncols; col++)
			sf_buf_printf(b, " %s |", col_name(cc, col, name, sizeof name));
		sf_buf_puts(b, "\n| --- | --- | --- | --- |");
		for (size_t col = 0; col < cc->ncols; col++)
			sf_buf_puts(b, " --- |");
		sf_buf_putc(b, '\n');
		for (size_t r = 0; r < cc->nrows; r++) {
			const sf_cov_row *row = &cc->rows[r];
			sf_buf_printf(b, "| %s | %s | ", sf_stage_names[row->stage], row->id);
			md_cell(b, row->title ? row->title : "-");
			sf_buf_printf(b, " | %s |", row->required ? "yes" : "no");
			for (size_t col = 0; col < cc->ncols; col++)
				sf_buf_printf(b, " %s |", row->cells[col] == SF_CELL_ABSENT ? "-" : sf_cell_names[row->cells[col]]);
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

/* Colour helps on screen; the words carry the meaning in print and for
 * readers who do not tell red from green. */
static const char *const cell_colour[SF_NCELL] = { "#2e7d32", "#a5d6a7", "#ffe082", "#ffcc80",
						   "#ef9a9a", "#c62828", "#fff" };
static const char *const cell_ink[SF_NCELL] = { "#fff", "#000", "#000", "#000", "#000", "#fff", "#555" };

/* A corridor's languages, as the corridor lists them. */
static void lang_counts(const sf_cov_corridor *cc, const char *lang, size_t *n, size_t st[SF_NCELL])
{
	*n = 0;
	memset(st, 0, SF_NCELL * sizeof *st);
	for (size_t col = 0; col < cc->ncols; col++) {
		if (strcmp(cc->col_lang[col], lang) != 0)
			continue;
		for (size_t r = 0; r < cc->nrows; r++) {
			int s = cc->rows[r].cells[col];
			if (s == SF_CELL_ABSENT)
				continue;
			st[s]++;
			(*n)++;
		}
	}
}

/* One bar: the share of each state, best on the left. */
static void bar(sf_buf *b, size_t n, const size_t *st)
{
	sf_buf_puts(b, "<div class=\"bar\">");
	for (int s = 0; s < SF_CELL_ABSENT && n; s++)
		if (st[s])
			sf_buf_printf(b, "<span class=\"s%d\" style=\"width:%.2f%%\" title=\"%s %zu\"></span>",
				      s, 100.0 * (double)st[s] / (double)n, sf_cell_names[s], st[s]);
	sf_buf_puts(b, "</div>");
}

static void html(sf_buf *b, const sf_coverage *c)
{
	char name[96], today[11];
	sf_date_str(c->today, today);
	h_begin(b, "en", "Coverage", NULL);
	sf_buf_puts(b, "<style>@page{size:A4 landscape}body{max-width:none}td,th{font-size:.85em}"
		       "td.c{text-align:center;white-space:nowrap}.bar{display:flex;height:.8em;width:9em;"
		       "border:1px solid #999;margin:.2em auto}.bar span{display:block}"
		       ".key span{display:inline-block;padding:0 .5em;margin-right:.3em}");
	for (int s = 0; s < SF_NCELL; s++)
		sf_buf_printf(b, ".s%d{background:%s;color:%s}", s, cell_colour[s], cell_ink[s]);
	sf_buf_printf(b, "</style>\n<h1>Coverage</h1>\n<p>As of %s. Each cell is a topic of a "
		      "corridor's handbook in one language for one audience: ", today);
	static const char *const meaning[SF_CELL_ABSENT] = {
		"written for this corridor, country, sector or audience, reviewed, in the reader's language",
		"the general text every corridor gets, reviewed, in the reader's language",
		"read in another language: not yet translated",
		"in the reader's language, not yet reviewed",
		"past its review date",
		"required, and nothing is written",
	};
	sf_buf_puts(b, "</p>\n<p class=\"key\">");
	for (int s = 0; s < SF_CELL_ABSENT; s++)
		sf_buf_printf(b, "<span class=\"s%d\">%s</span>%s. ", s, sf_cell_names[s], meaning[s]);
	sf_buf_puts(b, "</p>\n<h2>Own content by corridor and language</h2>\n"
		       "<p>Share of tailored topics in each language; the bar shows every state.</p>\n"
		       "<table>\n<tr><th>corridor</th><th>tailored</th><th>reviewed</th><th>next review</th>"
		       "<th>languages</th></tr>\n");
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		const sf_corridor *co = cc->corridor;
		sf_buf_printf(b, "<tr><td><a href=\"#%s\">", co->id);
		h_esc(b, co->id);
		sf_buf_printf(b, "</a><br>%s → %s</td><td class=\"c\">%u%%</td><td class=\"c\">%u%%</td><td class=\"c\">%s</td><td><table><tr>",
			      country(co->origin), country(co->destination),
			      sf_cov_percent(cc->totals[SF_CELL_TAILORED], cc->cells),
			      sf_cov_percent(cc->reviewed, cc->cells),
			      cc->next_review_text ? cc->next_review_text : "none");
		for (size_t l = 0; l < co->languages.n; l++) {
			size_t n, st[SF_NCELL];
			lang_counts(cc, co->languages.v[l], &n, st);
			sf_buf_puts(b, "<td class=\"c\"><b>");
			h_esc(b, co->languages.v[l]);
			sf_buf_printf(b, "</b> %u%% tailored", sf_cov_percent(st[SF_CELL_TAILORED], n));
			bar(b, n, st);
			sf_buf_puts(b, "</td>");
		}
		sf_buf_puts(b, "</tr></table></td></tr>\n");
	}
	sf_buf_puts(b, "</table>\n<p>All corridors: ");
	totals_line(b, c->totals);
	sf_buf_puts(b, ".</p>\n");
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		sf_buf_printf(b, "<h2 id=\"%s\">", cc->corridor->id);
		h_esc(b, cc->corridor->id);
		sf_buf_printf(b, " (%s → %s)</h2>\n<p>", country(cc->corridor->origin),
			      country(cc->corridor->destination));
		summary_line(b, cc);
		sf_buf_puts(b, ".</p>\n<table>\n<tr><th>stage</th><th>topic</th>");
		for (size_t col = 0; col < cc->ncols; col++) {
			sf_buf_puts(b, "<th>");
			h_esc(b, col_name(cc, col, name, sizeof name));
			sf_buf_puts(b, "</th>");
		}
		sf_buf_puts(b, "</tr>\n");
		for (size_t r = 0; r < cc->nrows; r++) {
			const sf_cov_row *row = &cc->rows[r];
			sf_buf_printf(b, "<tr><td>%s</td><td>", sf_stage_names[row->stage]);
			if (row->title) {
				h_esc(b, row->title);
				sf_buf_puts(b, "<br><small>");
			}
			h_esc(b, row->id);
			sf_buf_puts(b, row->title ? "</small>" : "");
			sf_buf_puts(b, row->required ? " *</td>" : "</td>");
			for (size_t col = 0; col < cc->ncols; col++) {
				int s = row->cells[col];
				sf_buf_printf(b, "<td class=\"c s%d\">%s</td>", s, s == SF_CELL_ABSENT ? "–" : sf_cell_names[s]);
			}
			sf_buf_puts(b, "</tr>\n");
		}
		sf_buf_puts(b, "</table>\n<p>Totals: ");
		totals_line(b, cc->totals);
		sf_buf_puts(b, ". * required; – not required and not written.</p>\n");
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

static void json_str_or_null(sf_buf *b, const char *s)
{
	if (s)
		sf_buf_json_str(b, s);
	else
		sf_buf_puts(b, "null");
}

/* docs/coverage-json.schema.json */
static void json(sf_buf *b, const sf_coverage *c)
{
	char today[11];
	sf_date_str(c->today, today);
	sf_buf_printf(b, "{\"version\":2,\"today\":\"%s\",\"corridors\":[", today);
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		sf_buf_puts(b, i ? ",\n{\"id\":" : "\n{\"id\":");
		sf_buf_json_str(b, cc->corridor->id);
		sf_buf_puts(b, ",\"origin\":");
		json_str_or_null(b, cc->corridor->origin);
		sf_buf_puts(b, ",\"destination\":");
		json_str_or_null(b, cc->corridor->destination);
		sf_buf_printf(b, ",\"tailored_percent\":%u,\"reviewed_percent\":%u,\"next_review\":",
			      sf_cov_percent(cc->totals[SF_CELL_TAILORED], cc->cells),
			      sf_cov_percent(cc->reviewed, cc->cells));
		json_str_or_null(b, cc->next_review_text);
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
			sf_buf_puts(b, ",\"title\":");
			json_str_or_null(b, row->title);
			sf_buf_printf(b, ",\"required\":%s,\"cells\":[", row->required ? "true" : "false");
			for (size_t col = 0; col < cc->ncols; col++) {
				int s = row->cells[col];
				if (s == SF_CELL_ABSENT)
					sf_buf_puts(b, col ? ",null" : "null");
				else
					sf_buf_printf(b, "%s{\"state\":\"%s\"}", col ? "," : "", sf_cell_names[s]);
			}
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
