/* buf.h: growable byte buffer for building output text. */
#ifndef SAFAR_BUF_H
#define SAFAR_BUF_H

#include <stddef.h>

/* Ownership: the buffer owns its heap block; sf_buf_free releases it.
 * The data is always NUL-terminated once anything was added. */
typedef struct sf_buf {
	char *data;
	size_t len, cap;
} sf_buf;

void sf_buf_add(sf_buf *b, const char *s, size_t n);
void sf_buf_puts(sf_buf *b, const char *s);
void sf_buf_putc(sf_buf *b, char c);
void sf_buf_printf(sf_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* JSON string literal, quotes included. */
void sf_buf_json_str(sf_buf *b, const char *s);
void sf_buf_reset(sf_buf *b);
void sf_buf_free(sf_buf *b);

#endif
