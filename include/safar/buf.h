/* buf.h: growable byte buffer for building output text. */
#ifndef SAFAR_BUF_H
#define SAFAR_BUF_H

#include <stdarg.h>
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
void sf_buf_vprintf(sf_buf *b, const char *fmt, va_list ap);
/* Text escaped for where it goes (docs/decisions.md, "Escaping what leaves
 * safar"). What no destination shows raw: control characters, Unicode
 * non-characters, bytes that are not UTF-8.
 *
 * A JSON string literal, quotes included (RFC 8259): exact, with \uXXXX for
 * every control character, non-character, U+2028 and U+2029; a byte that
 * is not UTF-8 becomes U+FFFD. */
void sf_buf_json_str(sf_buf *b, const char *s);
/* For a terminal or a CI log: every control character but TAB as \xHH (its
 * code point), a non-character as \uHHHH or \UHHHHHHHH, a byte that is not
 * UTF-8 as \xHH. Everything else as it is. */
void sf_buf_term(sf_buf *b, const char *s, size_t n);
/* s with what XML forbids or no text means (control characters but TAB, LF
 * and CR, non-characters, bytes that are not UTF-8) as U+FFFD: for a writer
 * that does the rest of the escaping itself (libxlsxwriter). */
void sf_buf_plain(sf_buf *b, const char *s);
/* XML 1.0 character data or a double-quoted attribute value: & < > " as
 * entities, TAB, LF, CR as character references (an attribute keeps them),
 * and what XML forbids or no text means (other control characters,
 * non-characters, bytes that are not UTF-8) as U+FFFD. */
void sf_buf_xml_str(sf_buf *b, const char *s);
void sf_buf_reset(sf_buf *b);
void sf_buf_free(sf_buf *b);

#endif
