/* xlsx_rec.c: every libxlsxwriter call that shapes a workbook, recorded as
 * it is made, so that two workbooks made by the same calls are known to be
 * byte for byte the same before either is assembled (xlsx.h, "Recorded").
 * This file calls the library itself: xlsx.h's macros are not applied. */
#define X_REC_IMPL 1
#include <stdlib.h>
#include <string.h>

#include "safar/buf.h"
#include "safar/xalloc.h"
#include "xlsx.h"

/* The recording of the workbook this thread is filling; the workbook's
 * formats and sheets by order of creation, which is how a recording names
 * them. A call the recording cannot name exactly spoils it. */
enum { XR_OBJS = 64 };
typedef struct xr {
	const lxw_workbook *wb;
	sf_buf b;
	int ok;
	const void *obj[XR_OBJS];
	size_t nobj;
} xr;
static _Thread_local xr *cur;

void xr_begin(const lxw_workbook *wb)
{
	if (!cur)
		cur = sf_xcalloc(1, sizeof *cur);
	sf_buf_reset(&cur->b);
	cur->wb = wb;
	cur->ok = wb != NULL;
	cur->nobj = 0;
	/* What workbook_new_opt was given (x_workbook_new): nothing else of
	 * it changes a byte of the workbook. */
	sf_buf_puts(&cur->b, "safar-xlsx 1, constant_memory 0, use_zip64 0");
}

int xr_end(const lxw_workbook *wb, const char **key, size_t *klen)
{
	if (!cur || cur->wb != wb || !cur->ok || !wb)
		return 0;
	cur->wb = NULL;
	*key = cur->b.data;
	*klen = cur->b.len;
	return 1;
}

void xr_release(void)
{
	if (cur) {
		sf_buf_free(&cur->b);
		free(cur);
		cur = NULL;
	}
}

static int on(void)
{
	return cur && cur->ok;
}

static void op(const char *name)
{
	sf_buf_add(&cur->b, "\n", 1);
	sf_buf_puts(&cur->b, name);
}

static void u(unsigned long v)
{
	sf_buf_printf(&cur->b, " %lu", v);
}

static void num(double v)
{
	/* The bits, not a decimal: every double recorded apart. */
	unsigned char bits[sizeof v];
	memcpy(bits, &v, sizeof v);
	sf_buf_add(&cur->b, " ", 1);
	sf_buf_add(&cur->b, (const char *)bits, sizeof bits);
}

static void str(const char *s)
{
	if (!s) {
		sf_buf_puts(&cur->b, " -");
		return;
	}
	size_t n = strlen(s);
	sf_buf_printf(&cur->b, " %zu:", n);
	sf_buf_add(&cur->b, s, n);
}

/* A format or a sheet: its number; NULL is 0. */
static void obj(const void *p)
{
	if (!p) {
		u(0);
		return;
	}
	for (size_t i = 0; i < cur->nobj; i++)
		if (cur->obj[i] == p) {
			u(i + 1);
			return;
		}
	cur->ok = 0; /* not made through a recording call */
}

static void made(const void *p)
{
	if (cur->nobj == XR_OBJS) {
		cur->ok = 0;
		return;
	}
	cur->obj[cur->nobj++] = p;
}

lxw_format *xr_workbook_add_format(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);
	if (on()) {
		op("add_format");
		made(f);
	}
	return f;
}

lxw_worksheet *xr_workbook_add_worksheet(lxw_workbook *wb, const char *name)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	if (on()) {
		op("add_worksheet");
		str(name);
		made(ws);
	}
	return ws;
}

lxw_error xr_workbook_define_name(lxw_workbook *wb, const char *name, const char *formula)
{
	if (on()) {
		op("define_name");
		str(name);
		str(formula);
	}
	return workbook_define_name(wb, name, formula);
}

lxw_error xr_workbook_set_properties(lxw_workbook *wb, lxw_doc_properties *p)
{
	if (on()) {
		op("set_properties");
		const char *s[] = { p->title,	 p->subject,  p->author,   p->manager,
				    p->company,	 p->category, p->keywords, p->comments,
				    p->status,	 p->hyperlink_base };
		for (size_t i = 0; i < sizeof s / sizeof *s; i++)
			str(s[i]);
		num((double)p->created);
	}
	return workbook_set_properties(wb, p);
}

void xr_format_set_bold(lxw_format *f)
{
	if (on()) {
		op("bold");
		obj(f);
	}
	format_set_bold(f);
}

void xr_format_set_text_wrap(lxw_format *f)
{
	if (on()) {
		op("text_wrap");
		obj(f);
	}
	format_set_text_wrap(f);
}

void xr_format_set_align(lxw_format *f, uint8_t alignment)
{
	if (on()) {
		op("align");
		obj(f);
		u(alignment);
	}
	format_set_align(f, alignment);
}

void xr_format_set_bottom(lxw_format *f, uint8_t style)
{
	if (on()) {
		op("bottom");
		obj(f);
		u(style);
	}
	format_set_bottom(f, style);
}

void xr_format_set_num_format(lxw_format *f, const char *fmt)
{
	if (on()) {
		op("num_format");
		obj(f);
		str(fmt);
	}
	format_set_num_format(f, fmt);
}

void xr_format_set_bg_color(lxw_format *f, lxw_color_t color)
{
	if (on()) {
		op("bg_color");
		obj(f);
		u(color);
	}
	format_set_bg_color(f, color);
}

static void cell(const char *name, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
	op(name);
	obj(ws);
	u(row);
	u(col);
}

lxw_error xr_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
				    const char *s, lxw_format *f)
{
	if (on()) {
		cell("string", ws, row, col);
		str(s);
		obj(f);
	}
	return worksheet_write_string(ws, row, col, s, f);
}

lxw_error xr_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double n,
				    lxw_format *f)
{
	if (on()) {
		cell("number", ws, row, col);
		num(n);
		obj(f);
	}
	return worksheet_write_number(ws, row, col, n, f);
}

lxw_error xr_worksheet_write_formula_str(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
					 const char *formula, lxw_format *f, const char *result)
{
	if (on()) {
		cell("formula_str", ws, row, col);
		str(formula);
		obj(f);
		str(result);
	}
	return worksheet_write_formula_str(ws, row, col, formula, f, result);
}

lxw_error xr_worksheet_write_formula_num(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
					 const char *formula, lxw_format *f, double result)
{
	if (on()) {
		cell("formula_num", ws, row, col);
		str(formula);
		obj(f);
		num(result);
	}
	return worksheet_write_formula_num(ws, row, col, formula, f, result);
}

lxw_error xr_worksheet_set_column(lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
				  double width, lxw_format *f)
{
	if (on()) {
		op("set_column");
		obj(ws);
		u(first);
		u(last);
		num(width);
		obj(f);
	}
	return worksheet_set_column(ws, first, last, width, f);
}

lxw_error xr_worksheet_set_row(lxw_worksheet *ws, lxw_row_t row, double height, lxw_format *f)
{
	if (on()) {
		op("set_row");
		obj(ws);
		u(row);
		num(height);
		obj(f);
	}
	return worksheet_set_row(ws, row, height, f);
}

void xr_worksheet_freeze_panes(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
	if (on())
		cell("freeze_panes", ws, row, col);
	worksheet_freeze_panes(ws, row, col);
}

void xr_worksheet_fit_to_pages(lxw_worksheet *ws, uint16_t width, uint16_t height)
{
	if (on()) {
		op("fit_to_pages");
		obj(ws);
		u(width);
		u(height);
	}
	worksheet_fit_to_pages(ws, width, height);
}

lxw_error xr_worksheet_repeat_rows(lxw_worksheet *ws, lxw_row_t first, lxw_row_t last)
{
	if (on()) {
		op("repeat_rows");
		obj(ws);
		u(first);
		u(last);
	}
	return worksheet_repeat_rows(ws, first, last);
}

void xr_worksheet_set_paper(lxw_worksheet *ws, uint8_t paper)
{
	if (on()) {
		op("paper");
		obj(ws);
		u(paper);
	}
	worksheet_set_paper(ws, paper);
}

void xr_worksheet_set_landscape(lxw_worksheet *ws)
{
	if (on()) {
		op("landscape");
		obj(ws);
	}
	worksheet_set_landscape(ws);
}

void xr_worksheet_hide(lxw_worksheet *ws)
{
	if (on()) {
		op("hide");
		obj(ws);
	}
	worksheet_hide(ws);
}

static void when(const lxw_datetime *d)
{
	u((unsigned long)d->year);
	u((unsigned long)d->month);
	u((unsigned long)d->day);
	u((unsigned long)d->hour);
	u((unsigned long)d->min);
	num(d->sec);
}

lxw_error xr_worksheet_data_validation_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
					     lxw_row_t r2, lxw_col_t c2, lxw_data_validation *v)
{
	if (on()) {
		op("data_validation");
		obj(ws);
		u(r1);
		u(c1);
		u(r2);
		u(c2);
		if (!v) {
			str(NULL);
		} else {
			u(v->validate);
			u(v->criteria);
			u(v->ignore_blank);
			u(v->show_input);
			u(v->show_error);
			u(v->error_type);
			u(v->dropdown);
			num(v->value_number);
			str(v->value_formula);
			for (char **l = v->value_list; l && *l; l++)
				str(*l);
			str(NULL);
			when(&v->value_datetime);
			num(v->minimum_number);
			str(v->minimum_formula);
			when(&v->minimum_datetime);
			num(v->maximum_number);
			str(v->maximum_formula);
			when(&v->maximum_datetime);
			str(v->input_title);
			str(v->input_message);
			str(v->error_title);
			str(v->error_message);
		}
	}
	return worksheet_data_validation_range(ws, r1, c1, r2, c2, v);
}

lxw_error xr_worksheet_merge_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
				   lxw_col_t c2, const char *s, lxw_format *f)
{
	if (on()) {
		op("merge_range");
		obj(ws);
		u(r1);
		u(c1);
		u(r2);
		u(c2);
		str(s);
		obj(f);
	}
	return worksheet_merge_range(ws, r1, c1, r2, c2, s, f);
}

lxw_error xr_worksheet_conditional_format_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
						lxw_row_t r2, lxw_col_t c2,
						lxw_conditional_format *cf)
{
	if (cur)
		cur->ok = 0; /* not recorded: such a workbook is made every time */
	return worksheet_conditional_format_range(ws, r1, c1, r2, c2, cf);
}
