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

#endif
