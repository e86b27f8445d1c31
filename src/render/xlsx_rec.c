/* xlsx_rec.c: every libxlsxwriter call that shapes a workbook, recorded and
 * held back until the workbook is committed, so that a workbook made by the
 * same calls as one before is known to be byte for byte the same before
 * any of its cells is written into the library's model (xlsx.h,
 * "Recorded"). This file calls the library itself: xlsx.h's macros are not
 * applied here. */
#define X_REC_IMPL 1
#include <stdlib.h>
#include <string.h>

#include "safar/arena.h"
#include "safar/buf.h"
#include "safar/xalloc.h"
#include "xlsx.h"

/* A call held back, with copies of what it was given. */
enum {
	O_PROPS, O_DEFINE_NAME, O_BOLD, O_TEXT_WRAP, O_ALIGN, O_BOTTOM, O_NUM_FORMAT,
	O_BG_COLOR, O_STRING, O_NUMBER, O_FORMULA_STR, O_FORMULA_NUM, O_SET_COLUMN, O_SET_ROW,
	O_FREEZE, O_FIT, O_REPEAT_ROWS, O_PAPER, O_LANDSCAPE, O_HIDE, O_VALIDATION, O_MERGE
};
typedef struct xop {
	int op;
	void *p;       /* the workbook, sheet or format it acts on */
	lxw_format *f; /* a cell's, row's, column's or range's format */
	unsigned long a, b, c, d;
	double x;
	const char *s, *t;
	lxw_data_validation *v;
	lxw_doc_properties *props;
} xop;

/* The workbook this thread is filling: the recording of its calls, the
 * calls held back, and its formats and sheets by order of creation, which
 * is how a recording names them. Formats and sheets are made at once (the
 * renderers hold them; x_sheet asks the library which names are taken);
 * every other call waits, in order. A call the recording cannot name
 * exactly spoils it (the workbook is then assembled, never reused); a call
 * that cannot wait sends the held calls to the library first. */
enum { XR_OBJS = 64 };
typedef struct xr {
	lxw_workbook *wb;
	sf_buf b;
	int ok;
	int direct; /* calls go to the library as they come */
	const void *obj[XR_OBJS];
	size_t nobj;
	sf_arena *a; /* the copies held calls keep */
	xop *ops;
	size_t nops, cap;
} xr;
static _Thread_local xr *cur;

void xr_begin(lxw_workbook *wb)
{
	if (!cur)
		cur = sf_xcalloc(1, sizeof *cur);
	sf_buf_reset(&cur->b);
	if (cur->a)
		sf_arena_free(cur->a);
	cur->a = sf_arena_new();
	cur->ops = NULL;
	cur->nops = cur->cap = 0;
	cur->wb = wb;
	cur->ok = wb != NULL;
	cur->direct = wb == NULL;
	cur->nobj = 0;
	/* What workbook_new_opt was given (x_workbook_new): nothing else of
	 * it changes a byte of the workbook. */
	sf_buf_puts(&cur->b, "safar-xlsx 1, constant_memory 0, use_zip64 0");
}

static void replay(const xop *o)
{
	lxw_worksheet *ws = o->p;
	lxw_format *fm = o->p;
	switch (o->op) {
	case O_PROPS: workbook_set_properties(o->p, o->props); break;
	case O_DEFINE_NAME: workbook_define_name(o->p, o->s, o->t); break;
	case O_BOLD: format_set_bold(fm); break;
	case O_TEXT_WRAP: format_set_text_wrap(fm); break;
	case O_ALIGN: format_set_align(fm, (uint8_t)o->a); break;
	case O_BOTTOM: format_set_bottom(fm, (uint8_t)o->a); break;
	case O_NUM_FORMAT: format_set_num_format(fm, o->s); break;
	case O_BG_COLOR: format_set_bg_color(fm, (lxw_color_t)o->a); break;
	case O_STRING:
		worksheet_write_string(ws, (lxw_row_t)o->a, (lxw_col_t)o->b, o->s, o->f);
		break;
	case O_NUMBER:
		worksheet_write_number(ws, (lxw_row_t)o->a, (lxw_col_t)o->b, o->x, o->f);
		break;
	case O_FORMULA_STR:
		worksheet_write_formula_str(ws, (lxw_row_t)o->a, (lxw_col_t)o->b, o->s, o->f, o->t);
		break;
	case O_FORMULA_NUM:
		worksheet_write_formula_num(ws, (lxw_row_t)o->a, (lxw_col_t)o->b, o->s, o->f, o->x);
		break;
	case O_SET_COLUMN:
		worksheet_set_column(ws, (lxw_col_t)o->a, (lxw_col_t)o->b, o->x, o->f);
		break;
	case O_SET_ROW: worksheet_set_row(ws, (lxw_row_t)o->a, o->x, o->f); break;
	case O_FREEZE: worksheet_freeze_panes(ws, (lxw_row_t)o->a, (lxw_col_t)o->b); break;
	case O_FIT: worksheet_fit_to_pages(ws, (uint16_t)o->a, (uint16_t)o->b); break;
	case O_REPEAT_ROWS: worksheet_repeat_rows(ws, (lxw_row_t)o->a, (lxw_row_t)o->b); break;
	case O_PAPER: worksheet_set_paper(ws, (uint8_t)o->a); break;
	case O_LANDSCAPE: worksheet_set_landscape(ws); break;
	case O_HIDE: worksheet_hide(ws); break;
	case O_VALIDATION:
		worksheet_data_validation_range(ws, (lxw_row_t)o->a, (lxw_col_t)o->b,
						(lxw_row_t)o->c, (lxw_col_t)o->d, o->v);
		break;
	case O_MERGE:
		worksheet_merge_range(ws, (lxw_row_t)o->a, (lxw_col_t)o->b, (lxw_row_t)o->c,
				      (lxw_col_t)o->d, o->s, o->f);
		break;
	}
}

/* The held calls, made now, in order; later calls go straight through. */
static void flush(void)
{
	for (size_t i = 0; i < cur->nops; i++)
		replay(&cur->ops[i]);
	cur->nops = 0;
	cur->direct = 1;
}

int xr_end(const lxw_workbook *wb, const char **key, size_t *klen)
{
	if (!cur || cur->wb != wb || !wb)
		return 0;
	if (!cur->ok) {
		flush();
		return 0;
	}
	*key = cur->b.data;
	*klen = cur->b.len;
	return 1;
}

void xr_flush(void)
{
	if (cur)
		flush();
}

void xr_release(void)
{
	if (cur) {
		sf_buf_free(&cur->b);
		if (cur->a)
			sf_arena_free(cur->a);
		free(cur);
		cur = NULL;
	}
}

/* 1 when a call is recorded and held back, with *o to fill in. */
static int hold(int code, void *p, xop **o)
{
	if (!cur || cur->direct)
		return 0;
	*o = SF_PUSH(cur->a, cur->ops, cur->nops, cur->cap);
	memset(*o, 0, sizeof **o);
	(*o)->op = code;
	(*o)->p = p;
	return 1;
}

static const char *keep(const char *s)
{
	return s ? sf_strdup(cur->a, s) : NULL;
}

static void op(const char *name)
{
	sf_buf_add(&cur->b, "\n", 1);
	sf_buf_puts(&cur->b, name);
}

static void u(unsigned long v)
{
	char d[24];
	size_t n = sizeof d;
	do
		d[--n] = (char)('0' + v % 10);
	while ((v /= 10) && n > 1);
	d[--n] = ' ';
	sf_buf_add(&cur->b, d + n, sizeof d - n);
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
	u(n);
	sf_buf_add(&cur->b, ":", 1);
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
	if (cur && cur->ok) {
		op("add_format");
		made(f);
	}
	return f;
}

lxw_worksheet *xr_workbook_add_worksheet(lxw_workbook *wb, const char *name)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	if (cur && cur->ok) {
		op("add_worksheet");
		str(name);
		made(ws);
	}
	return ws;
}

lxw_error xr_workbook_define_name(lxw_workbook *wb, const char *name, const char *formula)
{
	xop *o;
	if (!hold(O_DEFINE_NAME, wb, &o))
		return workbook_define_name(wb, name, formula);
	op("define_name");
	str(name);
	str(formula);
	o->s = keep(name);
	o->t = keep(formula);
	return LXW_NO_ERROR;
}

lxw_error xr_workbook_set_properties(lxw_workbook *wb, lxw_doc_properties *p)
{
	xop *o;
	if (!hold(O_PROPS, wb, &o))
		return workbook_set_properties(wb, p);
	op("set_properties");
	lxw_doc_properties *c = sf_alloc(cur->a, sizeof *c);
	*c = *p;
	char **s[] = { &c->title,    &c->subject,  &c->author,	 &c->manager, &c->company,
		       &c->category, &c->keywords, &c->comments, &c->status,  &c->hyperlink_base };
	for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
		str(*s[i]);
		*s[i] = (char *)keep(*s[i]);
	}
	num((double)p->created);
	o->props = c;
	return LXW_NO_ERROR;
}

/* A format's property: held, with its value in a (or s). */
static int prop(int code, const char *name, lxw_format *f, unsigned long a, const char *s)
{
	xop *o;
	if (!hold(code, f, &o))
		return 0;
	op(name);
	obj(f);
	u(a);
	str(s);
	o->a = a;
	o->s = keep(s);
	return 1;
}

void xr_format_set_bold(lxw_format *f)
{
	if (!prop(O_BOLD, "bold", f, 0, NULL))
		format_set_bold(f);
}

void xr_format_set_text_wrap(lxw_format *f)
{
	if (!prop(O_TEXT_WRAP, "text_wrap", f, 0, NULL))
		format_set_text_wrap(f);
}

void xr_format_set_align(lxw_format *f, uint8_t alignment)
{
	if (!prop(O_ALIGN, "align", f, alignment, NULL))
		format_set_align(f, alignment);
}

void xr_format_set_bottom(lxw_format *f, uint8_t style)
{
	if (!prop(O_BOTTOM, "bottom", f, style, NULL))
		format_set_bottom(f, style);
}

void xr_format_set_num_format(lxw_format *f, const char *fmt)
{
	if (!prop(O_NUM_FORMAT, "num_format", f, 0, fmt))
		format_set_num_format(f, fmt);
}

void xr_format_set_bg_color(lxw_format *f, lxw_color_t color)
{
	if (!prop(O_BG_COLOR, "bg_color", f, color, NULL))
		format_set_bg_color(f, color);
}

/* A call on a sheet, held, with its first numbers (rows, columns). */
static xop *sheet_call(int code, const char *name, lxw_worksheet *ws, unsigned long a,
		       unsigned long b)
{
	xop *o;
	if (!hold(code, ws, &o))
		return NULL;
	op(name);
	obj(ws);
	u(a);
	u(b);
	o->a = a;
	o->b = b;
	return o;
}

static void with_format(xop *o, lxw_format *f)
{
	obj(f);
	o->f = f;
}

static void with_num(xop *o, double x)
{
	num(x);
	o->x = x;
}

lxw_error xr_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
				    const char *s, lxw_format *f)
{
	xop *o = sheet_call(O_STRING, "string", ws, row, col);
	if (!o)
		return worksheet_write_string(ws, row, col, s, f);
	str(s);
	o->s = keep(s);
	with_format(o, f);
	return LXW_NO_ERROR;
}

lxw_error xr_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double n,
				    lxw_format *f)
{
	xop *o = sheet_call(O_NUMBER, "number", ws, row, col);
	if (!o)
		return worksheet_write_number(ws, row, col, n, f);
	with_num(o, n);
	with_format(o, f);
	return LXW_NO_ERROR;
}

lxw_error xr_worksheet_write_formula_str(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
					 const char *formula, lxw_format *f, const char *result)
{
	xop *o = sheet_call(O_FORMULA_STR, "formula_str", ws, row, col);
	if (!o)
		return worksheet_write_formula_str(ws, row, col, formula, f, result);
	str(formula);
	str(result);
	o->s = keep(formula);
	o->t = keep(result);
	with_format(o, f);
	return LXW_NO_ERROR;
}

lxw_error xr_worksheet_write_formula_num(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
					 const char *formula, lxw_format *f, double result)
{
	xop *o = sheet_call(O_FORMULA_NUM, "formula_num", ws, row, col);
	if (!o)
		return worksheet_write_formula_num(ws, row, col, formula, f, result);
	str(formula);
	o->s = keep(formula);
	with_num(o, result);
	with_format(o, f);
	return LXW_NO_ERROR;
}

lxw_error xr_worksheet_set_column(lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
				  double width, lxw_format *f)
{
	xop *o = sheet_call(O_SET_COLUMN, "set_column", ws, first, last);
	if (!o)
		return worksheet_set_column(ws, first, last, width, f);
	with_num(o, width);
	with_format(o, f);
	return LXW_NO_ERROR;
}

lxw_error xr_worksheet_set_row(lxw_worksheet *ws, lxw_row_t row, double height, lxw_format *f)
{
	xop *o = sheet_call(O_SET_ROW, "set_row", ws, row, 0);
	if (!o)
		return worksheet_set_row(ws, row, height, f);
	with_num(o, height);
	with_format(o, f);
	return LXW_NO_ERROR;
}

void xr_worksheet_freeze_panes(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
	if (!sheet_call(O_FREEZE, "freeze_panes", ws, row, col))
		worksheet_freeze_panes(ws, row, col);
}

void xr_worksheet_fit_to_pages(lxw_worksheet *ws, uint16_t width, uint16_t height)
{
	if (!sheet_call(O_FIT, "fit_to_pages", ws, width, height))
		worksheet_fit_to_pages(ws, width, height);
}

lxw_error xr_worksheet_repeat_rows(lxw_worksheet *ws, lxw_row_t first, lxw_row_t last)
{
	if (!sheet_call(O_REPEAT_ROWS, "repeat_rows", ws, first, last))
		return worksheet_repeat_rows(ws, first, last);
	return LXW_NO_ERROR;
}

void xr_worksheet_set_paper(lxw_worksheet *ws, uint8_t paper)
{
	if (!sheet_call(O_PAPER, "paper", ws, paper, 0))
		worksheet_set_paper(ws, paper);
}

void xr_worksheet_set_landscape(lxw_worksheet *ws)
{
	if (!sheet_call(O_LANDSCAPE, "landscape", ws, 0, 0))
		worksheet_set_landscape(ws);
}

void xr_worksheet_hide(lxw_worksheet *ws)
{
	if (!sheet_call(O_HIDE, "hide", ws, 0, 0))
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
	xop *o = sheet_call(O_VALIDATION, "data_validation", ws, r1, c1);
	if (!o)
		return worksheet_data_validation_range(ws, r1, c1, r2, c2, v);
	u(r2);
	u(c2);
	o->c = r2;
	o->d = c2;
	if (!v) {
		str(NULL);
		return LXW_NO_ERROR;
	}
	u(v->validate);
	u(v->criteria);
	u(v->ignore_blank);
	u(v->show_input);
	u(v->show_error);
	u(v->error_type);
	u(v->dropdown);
	num(v->value_number);
	str(v->value_formula);
	size_t nlist = 0;
	for (char **l = v->value_list; l && *l; l++, nlist++)
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
	lxw_data_validation *c = sf_alloc(cur->a, sizeof *c);
	*c = *v;
	c->value_formula = (char *)keep(v->value_formula);
	c->minimum_formula = (char *)keep(v->minimum_formula);
	c->maximum_formula = (char *)keep(v->maximum_formula);
	c->input_title = (char *)keep(v->input_title);
	c->input_message = (char *)keep(v->input_message);
	c->error_title = (char *)keep(v->error_title);
	c->error_message = (char *)keep(v->error_message);
	if (v->value_list) {
		c->value_list = sf_alloc(cur->a, (nlist + 1) * sizeof *c->value_list);
		for (size_t i = 0; i < nlist; i++)
			c->value_list[i] = (char *)keep(v->value_list[i]);
		c->value_list[nlist] = NULL;
	}
	o->v = c;
	return LXW_NO_ERROR;
}

lxw_error xr_worksheet_merge_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
				   lxw_col_t c2, const char *s, lxw_format *f)
{
	xop *o = sheet_call(O_MERGE, "merge_range", ws, r1, c1);
	if (!o)
		return worksheet_merge_range(ws, r1, c1, r2, c2, s, f);
	u(r2);
	u(c2);
	str(s);
	o->c = r2;
	o->d = c2;
	o->s = keep(s);
	with_format(o, f);
	return LXW_NO_ERROR;
}

lxw_error xr_worksheet_conditional_format_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
						lxw_row_t r2, lxw_col_t c2,
						lxw_conditional_format *cf)
{
	/* Not recorded: the workbook is made every time, from here on
	 * directly. */
	if (cur) {
		cur->ok = 0;
		flush();
	}
	return worksheet_conditional_format_range(ws, r1, c1, r2, c2, cf);
}
