/* coverage_xlsx.c: the coverage matrix as a workbook: a sheet per corridor, coloured cells. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "safar/coverage.h"
#include "xlsx.h"
#include "safar/nelem.h"

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
		{ "present", 0xC8E6C9 }, { "fallback", 0xFFE082 }, { "draft", 0xFFE082 },
		{ "stale soon", 0xFFE082 }, { "stale", 0xEF9A9A }, { "missing", 0xEF9A9A },
	};
	lxw_format *fill[SF_NELEM(shades)];
	for (size_t i = 0; i < SF_NELEM(shades); i++) {
		fill[i] = workbook_add_format(wb);
		format_set_bg_color(fill[i], shades[i].colour);
	}
	for (size_t i = 0; i < c->ncorridors; i++) {
		const sf_cov_corridor *cc = &c->corridors[i];
		/* Ids check reports as bad or duplicated still get a sheet. */
		lxw_worksheet *ws = x_sheet(wb, cc->corridor->id);
		worksheet_write_string(ws, 0, 0, "stage", head);
		worksheet_write_string(ws, 0, 1, "topic", head);
		worksheet_write_string(ws, 0, 2, "required", head);
		for (size_t col = 0; col < cc->ncols; col++) {
			char name[96];
			snprintf(name, sizeof name, "%s/%s", cc->col_lang[col], cc->col_audience[col]);
			x_string(ws, 0, (lxw_col_t)(col + 3), name, head);
		}
		for (size_t r = 0; r < cc->nrows; r++) {
			const sf_cov_row *row = &cc->rows[r];
			lxw_row_t y = (lxw_row_t)(r + 1);
			worksheet_write_string(ws, y, 0, sf_stage_names[row->stage], NULL);
			x_string(ws, y, 1, row->id, NULL);
			worksheet_write_string(ws, y, 2, row->required ? "yes" : "no", NULL);
			for (size_t col = 0; col < cc->ncols; col++)
				worksheet_write_string(ws, y, (lxw_col_t)(col + 3),
						       sf_cell_names[row->cells[col]], NULL);
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
				worksheet_conditional_format_range(ws, 1, 3, (lxw_row_t)cc->nrows,
								   (lxw_col_t)(cc->ncols + 2), &cf);
			}
		}
		worksheet_set_column(ws, 0, 0, 7, NULL);
		worksheet_set_column(ws, 1, 1, 34, NULL);
		worksheet_set_column(ws, 2, 2, 9, NULL);
		worksheet_set_column(ws, 3, (lxw_col_t)(cc->ncols + 2), 12, NULL);
		worksheet_freeze_panes(ws, 1, 3);
	}
	if (c->ncorridors == 0)
		workbook_add_worksheet(wb, "Coverage");
	return x_workbook_commit(wb, tmp, path, &w);
}
