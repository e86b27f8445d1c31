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

#endif
