/* xlsx.c: checklist.xlsx (a sheet per stage), and the workbook plumbing all XLSX share. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "safar/fsio.h"
#include "safar/utf8.h"
#include "xlsx.h"

int x_open(xbook *x, const sf_output *o, const char *name)
{
	memset(x, 0, sizeof *x);
	x->path = sf_path_join(o->a, o->dir, name);
	x->tmp = sf_printf(o->a, "%s.tmp-%lx", x->path, (unsigned long)(size_t)o->a);
	lxw_workbook_options wo = { 0 };
	x->wb = workbook_new_opt(x->tmp, &wo);
	if (!x->wb) {
		sf_emit(o->sink, SF_D_IO, (sf_loc){ x->path, 0, 0 }, "cannot write: %s", strerror(errno));
		return -1;
	}
	lxw_doc_properties props = { 0 };
	props.created = (time_t)(o->opts->date * 86400);
	props.title = (char *)name;
	workbook_set_properties(x->wb, &props);
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	x->wrap = workbook_add_format(x->wb);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	x->header = workbook_add_format(x->wb);
	format_set_bold(x->header);
	format_set_bottom(x->header, LXW_BORDER_THIN);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	return 0;
}

/* libxlsxwriter writes the document dates with gmtime(), whose result is
 * one static buffer: two workbooks closing at once on two threads race on
 * it (ThreadSanitizer saw it). Closing is serialised; filling sheets is not. */
static pthread_mutex_t close_lock = PTHREAD_MUTEX_INITIALIZER;

lxw_error x_workbook_close(lxw_workbook *wb)
{
	pthread_mutex_lock(&close_lock);
	lxw_error e = workbook_close(wb);
	pthread_mutex_unlock(&close_lock);
	return e;
}

int x_close(xbook *x, const sf_output *o)
{
	lxw_error e = x_workbook_close(x->wb);
	if (e != LXW_NO_ERROR || rename(x->tmp, x->path) != 0) {
		remove(x->tmp);
		sf_emit(o->sink, SF_D_IO, (sf_loc){ x->path, 0, 0 }, "cannot write: %s",
			e != LXW_NO_ERROR ? lxw_strerror(e) : strerror(errno));
		return -1;
	}
	if (o->written)
		atomic_fetch_add(o->written, 1);
	return 0;
}

/* Excel's rules (workbook_validate_sheet_name: length, characters, not
 * already used, whatever the case) and one libxlsxwriter leaves to us:
 * Excel reserves "History". */
static int sheet_ok(lxw_workbook *wb, const char *name)
{
	return workbook_validate_sheet_name(wb, name) == LXW_NO_ERROR &&
	       strcasecmp(name, "History") != 0;
}

lxw_worksheet *x_add_sheet(lxw_workbook *wb, const char *want)
{
	/* Keep whole characters: at most 28 of them, without the forbidden
	 * ones; end[i] is the length in bytes of the first i + 1. */
	char base[4 * 28 + 1];
	size_t end[28], n = 0, chars = 0, len = strlen(want);
	for (size_t i = 0; i < len && chars < 28;) {
		uint32_t cp;
		int w = sf_utf8_decode(want + i, len - i, &cp);
		if (w <= 0)
			break;
		if (!strchr("[]:*?/\\'", want[i])) {
			memcpy(base + n, want + i, (size_t)w);
			n += (size_t)w;
			end[chars++] = n;
		}
		i += (size_t)w;
	}
	if (chars == 0)
		return x_add_sheet(wb, "Sheet");
	/* The name, else the name shortened to make room for " 2", " 3", …:
	 * only a name in use can fail now, so this ends. Content with two
	 * corridors of one id, or two stages translated alike, still builds. */
	char name[sizeof base + 24];
	for (unsigned long k = 1;; k++) {
		char suffix[24] = "";
		if (k > 1)
			snprintf(suffix, sizeof suffix, " %lu", k);
		size_t keep = 31 - strlen(suffix);
		int bytes = (int)(keep >= chars ? n : end[keep - 1]);
		snprintf(name, sizeof name, "%.*s%s", bytes, base, suffix);
		if (sheet_ok(wb, name))
			return workbook_add_worksheet(wb, name);
	}
}

lxw_worksheet *x_sheet(xbook *x, const sf_output *o, const char *want)
{
	(void)o;
	return x_add_sheet(x->wb, want);
}

static int render(void *state, const sf_output *o)
{
	(void)state;
	const sf_resolved *res = o->res;
	xbook x;
	if (x_open(&x, o, "checklist.xlsx") != 0)
		return -1;
	const char *cols[] = { o->str[SF_S_item], o->str[SF_S_done], o->str[SF_S_date],
			       o->str[SF_S_notes] };
	const char *choices[] = { o->str[SF_S_yes], o->str[SF_S_no], NULL };
	int sheets = 0;
	for (int s = 0; s < SF_NSTAGE; s++) {
		lxw_worksheet *ws = NULL;
		lxw_row_t row = 1;
		for (size_t i = 0; i < res->ntopics; i++) {
			const sf_topic *t = &res->topics[i];
			for (size_t p = 0; t->stage == s && p < t->nparts; p++)
				for (size_t k = 0; k < t->parts[p]->checklist.n; k++) {
					if (!ws) {
						ws = x_sheet(&x, o, o->str[H_STAGE(s)]);
						for (int c = 0; c < 4; c++)
							worksheet_write_string(ws, 0, (lxw_col_t)c, cols[c], x.header);
						worksheet_set_column(ws, 0, 0, 60, x.wrap);
						worksheet_set_column(ws, 1, 1, 10, NULL);
						worksheet_set_column(ws, 2, 2, 12, x.date);
						worksheet_set_column(ws, 3, 3, 30, x.wrap);
						worksheet_freeze_panes(ws, 1, 0);
						worksheet_fit_to_pages(ws, 1, 0);
						worksheet_repeat_rows(ws, 0, 0);
						worksheet_set_paper(ws, o->opts->paper_a4 ? 9 : 11);
						sheets++;
					}
					sf_buf item = { 0 };
					const char *text = t->parts[p]->checklist.v[k];
					sf_subst(&item, text, strlen(text), res);
					worksheet_write_string(ws, row, 0, item.data ? item.data : "", x.wrap);
					sf_buf_free(&item);
					row++;
				}
		}
		if (ws) {
			lxw_data_validation dv = { 0 };
			dv.validate = LXW_VALIDATION_TYPE_LIST;
			dv.value_list = (char **)choices;
			worksheet_data_validation_range(ws, 1, 1, row - 1, 1, &dv);
		}
	}
	if (!sheets) /* a workbook needs one sheet; say there is nothing to tick */
		worksheet_write_string(x_sheet(&x, o, o->str[SF_S_checklist]), 0, 0,
				       o->str[SF_S_checklist], x.header);
	return x_close(&x, o);
}

static void *no_state(void) { return NULL; }
static void no_free(void *p) { (void)p; }

const sf_renderer sf_render_xlsx = { "xlsx", SF_FMT_XLSX, no_state, render, no_free };
