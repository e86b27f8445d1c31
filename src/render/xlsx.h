/* xlsx.h: writing workbooks with libxlsxwriter, atomically and reproducibly (render/ only). */
#ifndef SAFAR_RENDER_XLSX_H
#define SAFAR_RENDER_XLSX_H

#include <xlsxwriter.h>

#include "safar/render.h"

/* Built with a sanitizer (gcc says so with __SANITIZE_*__, clang with
 * __has_feature): X_SANITIZED for any, X_ASAN for AddressSanitizer. */
#if defined(__SANITIZE_ADDRESS__)
#define X_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define X_ASAN 1
#endif
#endif
#if defined(X_ASAN) || defined(__SANITIZE_THREAD__)
#define X_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define X_SANITIZED 1
#endif
#endif

/* A workbook written to a temporary name beside the final one; x_close
 * renames it into place. Document dates come from the build's content date,
 * so two builds of the same content are byte-identical. */
typedef struct xbook {
	lxw_workbook *wb;
	const char *path;
	char tmp[4096];
	lxw_format *bold, *wrap, *header, *date;
	int yesno; /* a drop-down uses the yes / no list: x_close writes it */
} xbook;

int x_open(xbook *x, const sf_output *o, const char *name);

/* libxlsxwriter prints its errors on stderr itself, one per workbook in
 * flight (a full disk gave a thousand lines). A build captures stderr
 * while its threads run, and x_capture_end turns what was printed into one
 * diagnostic at where, unless a write failure was already reported. Only
 * the main thread calls these, before and after the workers. */
typedef struct x_capture {
	int saved;  /* the real stderr while capturing, else -1 */
	FILE *file; /* what was printed meanwhile */
} x_capture;
void x_capture_begin(x_capture *c);
/* Where progress for the terminal goes meanwhile. */
int x_capture_fd(const x_capture *c);
void x_capture_end(x_capture *c, sf_writes *w, const char *where);
/* A workbook at an exclusively created temporary name beside path (its name
 * in tmp, cap bytes), dated date (days since 1970); NULL after reporting. */
/* The folder for libxlsxwriter's temporary files; NULL: its default. */
char *x_tmpdir(void);
lxw_workbook *x_workbook_new(const char *path, long date, const char *title, char *tmp,
			     size_t cap, sf_writes *w);
/* Closes wb and renames tmp over path; on failure reports the errno behind
 * it, removes tmp, and returns -1. */
int x_workbook_commit(lxw_workbook *wb, const char *tmp, const char *path, sf_writes *w);
/* workbook_close, one thread at a time (see xlsx.c). */
lxw_error x_workbook_close(lxw_workbook *wb);
int x_close(xbook *x, const sf_output *o);

/* The interface's yes and no (i18n `yes`, `no`) as workbook names: a
 * formula compares a cell with X_YES; X_YESNO is the drop-down's list. */
#define X_YES "SafarYes"
#define X_YESNO "SafarYesNo"
/* A yes / no drop-down on the cells from (r1, c1) to (r2, c2). */
void x_yesno(xbook *x, lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2);
/* A new worksheet named as near want as Excel accepts: at most 31
 * characters, none of []:*?/\' nor a control character or non-character,
 * not one already used nor "History" (else " 2", " 3", … is added). Never
 * NULL, whatever want holds. */
lxw_worksheet *x_sheet(lxw_workbook *wb, const char *want);
/* worksheet_write_string for any text that is not safar's own: a string
 * cell (no spreadsheet evaluates it), and what XML cannot hold as U+FFFD. */
lxw_error x_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
		   lxw_format *f);


/* Recorded: a workbook is filled and assembled (its parts written out and
 * deflated, which is most of its cost) once per process for each distinct
 * recording of the calls that made it; another edition whose workbook comes
 * out of the same calls gets the bytes made the first time
 * (docs/performance.md).
 * So every libxlsxwriter call that shapes a workbook goes through
 * xlsx_rec.c, which records it: the names below are routed there in every
 * file that includes this header. A library call not routed here must be
 * added to xlsx_rec.c before it is used (a call it cannot record, such as
 * worksheet_conditional_format_range, makes the workbook unrecorded: made
 * every time, never reused). */
/* Starts the recording of wb on this thread (x_workbook_new). From then
 * on, the calls that fill it are held back (returning LXW_NO_ERROR; the
 * library's own errors, which safar never acted on, come when they are
 * made) until xr_flush, or until xr_end finds the recording spoilt. */
void xr_begin(lxw_workbook *wb);
/* The recording of wb, if every call was recorded: 1 and its bytes in
 * key[0..klen), valid until xr_release or the next xr_begin; else 0, the
 * held calls made. */
int xr_end(const lxw_workbook *wb, const char **key, size_t *klen);
/* Makes the held calls, in order, before the workbook is closed. */
void xr_flush(void);
/* Frees this thread's recording. */
void xr_release(void);

lxw_format *xr_workbook_add_format(lxw_workbook *wb);
lxw_worksheet *xr_workbook_add_worksheet(lxw_workbook *wb, const char *name);
lxw_error xr_workbook_define_name(lxw_workbook *wb, const char *name, const char *formula);
lxw_error xr_workbook_set_properties(lxw_workbook *wb, lxw_doc_properties *p);
void xr_format_set_bold(lxw_format *f);
void xr_format_set_text_wrap(lxw_format *f);
void xr_format_set_align(lxw_format *f, uint8_t alignment);
void xr_format_set_bottom(lxw_format *f, uint8_t style);
void xr_format_set_num_format(lxw_format *f, const char *fmt);
void xr_format_set_bg_color(lxw_format *f, lxw_color_t color);
lxw_error xr_worksheet_write_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
				    const char *s, lxw_format *f);
lxw_error xr_worksheet_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double n,
				    lxw_format *f);
lxw_error xr_worksheet_write_formula_str(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
					 const char *formula, lxw_format *f, const char *result);
lxw_error xr_worksheet_write_formula_num(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
					 const char *formula, lxw_format *f, double result);
lxw_error xr_worksheet_set_column(lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
				  double width, lxw_format *f);
lxw_error xr_worksheet_set_row(lxw_worksheet *ws, lxw_row_t row, double height, lxw_format *f);
void xr_worksheet_freeze_panes(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
void xr_worksheet_fit_to_pages(lxw_worksheet *ws, uint16_t width, uint16_t height);
lxw_error xr_worksheet_repeat_rows(lxw_worksheet *ws, lxw_row_t first, lxw_row_t last);
void xr_worksheet_set_paper(lxw_worksheet *ws, uint8_t paper);
void xr_worksheet_set_landscape(lxw_worksheet *ws);
void xr_worksheet_hide(lxw_worksheet *ws);
lxw_error xr_worksheet_data_validation_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
					     lxw_row_t r2, lxw_col_t c2, lxw_data_validation *v);
lxw_error xr_worksheet_merge_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
				   lxw_col_t c2, const char *s, lxw_format *f);
lxw_error xr_worksheet_conditional_format_range(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
						lxw_row_t r2, lxw_col_t c2,
						lxw_conditional_format *cf);

#ifndef X_REC_IMPL
#define workbook_add_format xr_workbook_add_format
#define workbook_add_worksheet xr_workbook_add_worksheet
#define workbook_define_name xr_workbook_define_name
#define workbook_set_properties xr_workbook_set_properties
#define format_set_bold xr_format_set_bold
#define format_set_text_wrap xr_format_set_text_wrap
#define format_set_align xr_format_set_align
#define format_set_bottom xr_format_set_bottom
#define format_set_num_format xr_format_set_num_format
#define format_set_bg_color xr_format_set_bg_color
#define worksheet_write_string xr_worksheet_write_string
#define worksheet_write_number xr_worksheet_write_number
#define worksheet_write_formula_str xr_worksheet_write_formula_str
#define worksheet_write_formula_num xr_worksheet_write_formula_num
#define worksheet_set_column xr_worksheet_set_column
#define worksheet_set_row xr_worksheet_set_row
#define worksheet_freeze_panes xr_worksheet_freeze_panes
#define worksheet_fit_to_pages xr_worksheet_fit_to_pages
#define worksheet_repeat_rows xr_worksheet_repeat_rows
#define worksheet_set_paper xr_worksheet_set_paper
#define worksheet_set_landscape xr_worksheet_set_landscape
#define worksheet_hide xr_worksheet_hide
#define worksheet_data_validation_range xr_worksheet_data_validation_range
#define worksheet_merge_range xr_worksheet_merge_range
#define worksheet_conditional_format_range xr_worksheet_conditional_format_range
#endif

#endif
