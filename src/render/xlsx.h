/* xlsx.h: writing workbooks with libxlsxwriter, atomically and reproducibly (render/ only). */
#ifndef SAFAR_RENDER_XLSX_H
#define SAFAR_RENDER_XLSX_H

#include <xlsxwriter.h>

#include "safar/render.h"

/* A workbook written to a temporary name beside the final one; x_close
 * renames it into place. Document dates come from the build's content date,
 * so two builds of the same content are byte-identical. */
typedef struct xbook {
	lxw_workbook *wb;
	const char *path, *tmp;
	lxw_format *bold, *wrap, *header, *date;
} xbook;

int x_open(xbook *x, const sf_output *o, const char *name);
/* workbook_close, one thread at a time (see xlsx.c). */
lxw_error x_workbook_close(lxw_workbook *wb);
int x_close(xbook *x, const sf_output *o);
/* A new worksheet named as near want as Excel accepts: at most 31
 * characters, none of []:*?/\ or ', not one already used (else a number is
 * added). Never NULL, whatever want holds. */
lxw_worksheet *x_add_sheet(lxw_workbook *wb, const char *want);
/* x_add_sheet into x's workbook. */
lxw_worksheet *x_sheet(xbook *x, const sf_output *o, const char *want);

#endif
