/* buf.c: growable byte buffer, and text escaped for JSON, XML or a terminal. */
#include "safar/buf.h"
#include "safar/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safar/utf8.h"

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

void sf_buf_vprintf(sf_buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n > 0) {
		reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		b->len += (size_t)n;
	}
}

void sf_buf_printf(sf_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sf_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* The code point at s[*i], advancing *i past it; a byte that is not
 * UTF-8 comes back as -1 - byte, one byte at a time. */
static long next_cp(const char *s, size_t n, size_t *i)
{
	uint32_t cp;
	int w = sf_utf8_decode(s + *i, n - *i, &cp);
	if (w <= 0)
		return -1 - (long)(unsigned char)s[(*i)++];
	*i += (size_t)w;
	return (long)cp;
}

static int hidden(long c)
{
	return c < 0 || sf_cp_control((uint32_t)c) || sf_cp_nonchar((uint32_t)c);
}

static void json_u(sf_buf *b, long c)
{
	if (c > 0xFFFF) /* a surrogate pair, as RFC 8259 spells a code point above the BMP */
		sf_buf_printf(b, "\\u%04lx\\u%04lx", 0xD800 + ((c - 0x10000) >> 10),
			      0xDC00 + ((c - 0x10000) & 0x3FF));
	else
		sf_buf_printf(b, "\\u%04lx", c);
}

void sf_buf_json_str(sf_buf *b, const char *s)
{
	size_t n = strlen(s);
	sf_buf_putc(b, '"');
	for (size_t i = 0; i < n;) {
		size_t at = i;
		long c = next_cp(s, n, &i);
		switch (c) {
		case '"': sf_buf_puts(b, "\\\""); break;
		case '\\': sf_buf_puts(b, "\\\\"); break;
		case '\n': sf_buf_puts(b, "\\n"); break;
		case '\r': sf_buf_puts(b, "\\r"); break;
		case '\t': sf_buf_puts(b, "\\t"); break;
		default:
			if (c < 0)
				json_u(b, 0xFFFD);
			else if (hidden(c) || c == 0x2028 || c == 0x2029) /* JavaScript's line ends */
				json_u(b, c);
			else
				sf_buf_add(b, s + at, i - at);
		}
	}
	sf_buf_putc(b, '"');
}

void sf_buf_term(sf_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t at = i;
		long c = next_cp(s, n, &i);
		if (c == '\t' || !hidden(c))
			sf_buf_add(b, s + at, i - at);
		else if (c < 0)
			sf_buf_printf(b, "\\x%02lX", -1 - c);
		else if (c <= 0xFF)
			sf_buf_printf(b, "\\x%02lX", c);
		else if (c <= 0xFFFF)
			sf_buf_printf(b, "\\u%04lX", c);
		else
			sf_buf_printf(b, "\\U%08lX", c);
	}
}

/* Appends s, with what XML cannot hold as U+FFFD and, when xml is set,
 * markup characters as entities. */
static void xml_text(sf_buf *b, const char *s, int xml)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		size_t at = i;
		long c = next_cp(s, n, &i);
		if (xml && c == '&')
			sf_buf_puts(b, "&amp;");
		else if (xml && c == '<')
			sf_buf_puts(b, "&lt;");
		else if (xml && c == '>')
			sf_buf_puts(b, "&gt;");
		else if (xml && c == '"')
			sf_buf_puts(b, "&quot;");
		else if (xml && (c == '\t' || c == '\n' || c == '\r'))
			sf_buf_printf(b, "&#%ld;", c);
		else if (hidden(c) && c != '\t' && c != '\n' && c != '\r')
			sf_buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
		else
			sf_buf_add(b, s + at, i - at);
	}
}

void sf_buf_plain(sf_buf *b, const char *s)
{
	xml_text(b, s, 0);
}

void sf_buf_xml_str(sf_buf *b, const char *s)
{
	xml_text(b, s, 1);
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
