/* utf8.h: UTF-8 validation and decoding (strict: no overlongs, no surrogates). */
#ifndef SAFAR_UTF8_H
#define SAFAR_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid sequence at s (1..4), or 0 when it is invalid or
 * truncated; *cp receives the code point when valid. */
int sf_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Returns 1 when all n bytes are valid UTF-8; else 0 with *bad set to the
 * offset of the first invalid byte. */
int sf_utf8_valid(const char *s, size_t n, size_t *bad);

/* Number of code points in the (valid) first n bytes. */
size_t sf_utf8_count(const char *s, size_t n);

/* A control character: C0 (TAB, LF and CR included: each destination says
 * which of those it keeps), DEL, or C1 (U+0080-U+009F). */
int sf_cp_control(uint32_t cp);

/* A Unicode non-character: U+FDD0-U+FDEF and the last two code points of
 * every plane (U+FFFE, U+FFFF, U+1FFFE ...). No text means one. */
int sf_cp_nonchar(uint32_t cp);

#endif
