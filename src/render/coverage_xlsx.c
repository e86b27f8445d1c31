/* coverage_xlsx.c: the coverage matrix as a workbook: a sheet per corridor, coloured cells. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "safar/coverage.h"
#include "xlsx.h"
#include "safar/nelem.h"

/* The first sheet: one row per corridor, one column per language it is
 * built in: the share of tailored topics, as a donor report quotes it. */
static void summary_sheet(lxw_workbook *wb, const sf_coverage *c, lxw_format *head)
{
	lxw_worksheet *ws = x_sheet(wb, "Summary");
	static const char *const cols[] = { "corridor", "origin", "destination", "% tailored",
					    "% reviewed", "next review" };
	for (size_t k = 0; k < SF_NELEM(cols); k++)
		worksheet_write_string(ws, 0, (lxw_col_t)k, cols[k], head);
	const char *langs[64];
	size_t nlangs = 0;
	for (size_t i = 0; i < c->ncorridors; i++)
		for (size_t l = 0; l < c->corridors[i].corridor->languages.n; l++) {
			const char *lg = c->corridors[i].corridor->languages.v[l];
			size_t k = 0;
			while (k < nlangs && strcmp(langs[k], lg) != 0)
				k++;
			if (k == nlangs && nlangs < SF_NELEM(langs))
				langs[nlangs++] = lg;
		}
	for (size_t k = 0; k < nlangs; k++) {
		char name[64];
		snprintf(name, sizeof name, "%% tailored, %s", langs[k]);
		x_string(ws, 0, (lxw_col_t)(SF_NELEM(cols) + k), name, head);
	}
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		lxw_row_t y = (lxw_row_t)(i + 1);
		x_string(ws, y, 0, cc->corridor->id, NULL);
		if (cc->corridor->origin)
			x_string(ws, y, 1, cc->corridor->origin, NULL);
		if (cc->corridor->destination)
			x_string(ws, y, 2, cc->corridor->destination, NULL);
		worksheet_write_number(ws, y, 3, sf_cov_percent(cc->totals[SF_CELL_TAILORED], cc->cells), NULL);
		worksheet_write_number(ws, y, 4, sf_cov_percent(cc->reviewed, cc->cells), NULL);
		worksheet_write_string(ws, y, 5, cc->next_review_text ? cc->next_review_text : "none", NULL);
		for (size_t k = 0; k < nlangs; k++) {
			size_t n = 0, t = 0;
			for (size_t col = 0; col < cc->ncols; col++) {
				if (strcmp(cc->col_lang[col], langs[k]) != 0)
					continue;
				for (size_t r = 0; r < cc->nrows; r++) {
					n += cc->rows[r].cells[col] != SF_CELL_ABSENT;
					t += cc->rows[r].cells[col] == SF_CELL_TAILORED;
				}
			}
			if (n)
				worksheet_write_number(ws, y, (lxw_col_t)(SF_NELEM(cols) + k), sf_cov_percent(t, n), NULL);
			else
				worksheet_write_string(ws, y, (lxw_col_t)(SF_NELEM(cols) + k), "-", NULL);
		}
	}
	worksheet_set_column(ws, 0, 0, 16, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)(SF_NELEM(cols) + nlangs), 12, NULL);
	worksheet_freeze_panes(ws, 1, 1);
}

int sf_coverage_xlsx(const sf_coverage *c, const char *path, long date, sf_sink *sink)
{
	char tmp[4096];
	sf_writes w = { .sink = sink };
	lxw_workbook *wb = x_workbook_new(path, date, "Coverage", tmp, sizeof tmp, &w);
	if (!wb)
		return -1;
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bottom(head, LXW_BORDER_THIN);
	/* Green, amber, red, as a programme manager reads a traffic light. */
	static const struct { const char *text; uint32_t colour; } shades[] = {
		{ "tailored", 0x66BB6A }, { "generic", 0xC8E6C9 }, { "fallback", 0xFFE082 },
		{ "draft", 0xFFCC80 }, { "stale", 0xEF9A9A }, { "missing", 0xE57373 },
	};
	lxw_format *fill[SF_NELEM(shades)];
	for (size_t i = 0; i < SF_NELEM(shades); i++) {
		fill[i] = workbook_add_format(wb);
		format_set_bg_color(fill[i], shades[i].colour);
	}
	summary_sheet(wb, c, head);
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		/* Ids check reports as bad or duplicated still get a sheet. */
		lxw_worksheet *ws = x_sheet(wb, cc->corridor->id);
		worksheet_write_string(ws, 0, 0, "stage", head);
		worksheet_write_string(ws, 0, 1, "topic", head);
		worksheet_write_string(ws, 0, 2, "title", head);
		worksheet_write_string(ws, 0, 3, "required", head);
		for (size_t col = 0; col < cc->ncols; col++) {
			char name[96];
			snprintf(name, sizeof name, "%s/%s", cc->col_lang[col], cc->col_audience[col]);
			x_string(ws, 0, (lxw_col_t)(col + 4), name, head);
		}
		for (size_t r = 0; r < cc->nrows; r++) {
			const sf_cov_row *row = &cc->rows[r];
			lxw_row_t y = (lxw_row_t)(r + 1);
			worksheet_write_string(ws, y, 0, sf_stage_names[row->stage], NULL);
			x_string(ws, y, 1, row->id, NULL);
			if (row->title)
				x_string(ws, y, 2, row->title, NULL);
			worksheet_write_string(ws, y, 3, row->required ? "yes" : "no", NULL);
			for (size_t col = 0; col < cc->ncols; col++)
				worksheet_write_string(ws, y, (lxw_col_t)(col + 4),
						       row->cells[col] == SF_CELL_ABSENT ? "-" : sf_cell_names[row->cells[col]], NULL);
		}
		if (cc->nrows && cc->ncols) {
			for (int k = 0; k < 6; k++) {
				lxw_conditional_format cf = { 0 };
				cf.type = LXW_CONDITIONAL_TYPE_CELL;
				cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
				char quoted[32];
				snprintf(quoted, sizeof quoted, "\"%s\"", shades[k].text);
				cf.value_string = quoted;
				cf.format = fill[k];
				worksheet_conditional_format_range(ws, 1, 4, (lxw_row_t)cc->nrows,
								   (lxw_col_t)(cc->ncols + 3), &cf);
			}
		}
		worksheet_set_column(ws, 0, 0, 7, NULL);
		worksheet_set_column(ws, 1, 1, 34, NULL);
		worksheet_set_column(ws, 2, 2, 40, NULL);
		worksheet_set_column(ws, 3, 3, 9, NULL);
		worksheet_set_column(ws, 4, (lxw_col_t)(cc->ncols + 3), 12, NULL);
		worksheet_freeze_panes(ws, 1, 4);
	}
	if (c->ncorridors == 0)
		workbook_add_worksheet(wb, "Coverage");
	return x_workbook_commit(wb, tmp, path, &w);
}
