/* buf.c: growable byte buffer. */
#include "safar/buf.h"
#include "safar/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(sf_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = sf_xrealloc(b->data, cap);
	b->cap = cap;
}

void sf_buf_add(sf_buf *b, const char *s, size_t n)
{
	reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sf_buf_puts(sf_buf *b, const char *s)
{
	sf_buf_add(b, s, strlen(s));
}

void sf_buf_putc(sf_buf *b, char c)
{
	sf_buf_add(b, &c, 1);
}

void sf_buf_printf(sf_buf *b, const char *fmt, ...)
{
	va_list ap, aq;
	va_start(ap, fmt);
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0) {
		reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, aq);
		b->len += (size_t)n;
	}
	va_end(aq);
}

void sf_buf_json_str(sf_buf *b, const char *s)
{
	sf_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': sf_buf_puts(b, "\\\""); break;
		case '\\': sf_buf_puts(b, "\\\\"); break;
		case '\n': sf_buf_puts(b, "\\n"); break;
		case '\r': sf_buf_puts(b, "\\r"); break;
		case '\t': sf_buf_puts(b, "\\t"); break;
		default:
			if (*p < 0x20)
				sf_buf_printf(b, "\\u%04x", *p);
			else
				sf_buf_putc(b, (char)*p);
		}
	}
	sf_buf_putc(b, '"');
}

void sf_buf_reset(sf_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void sf_buf_free(sf_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
