/* utf8.c: strict UTF-8 decoding as RFC 3629 defines it. */
#include "safar/utf8.h"

#include <stdint.h>
#include <string.h>

int sf_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	int len;
	uint32_t c, min;
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2, c = s[0] & 0x1F, min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3, c = s[0] & 0x0F, min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if ((size_t)len > n)
		return 0;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* How many of the eight bytes at s are whole, well-formed characters of
 * one or two bytes, without a branch per character: 8, or 7 when the last
 * byte opens a two-byte sequence; 0 when anything else is there (a longer
 * sequence, a stray or missing continuation byte, C0 or C1), which the
 * caller then reads character by character. Per byte, the high bit of cont
 * is set for 10xxxxxx and of lead for 110xxxxx. */
static size_t valid8(const unsigned char *s)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	uint64_t w;
	memcpy(&w, s, 8);
	uint64_t hi = w & high;
	if (!hi)
		return 8;
	uint64_t cont = hi & ~(w << 1), lead = hi & (w << 1) & ~(w << 2);
	if (hi & ~cont & ~lead)
		return 0; /* a lead byte of three or four bytes, or F8..FF */
	/* C0 and C1 would start an overlong form: a zero byte here. */
	uint64_t c01 = (w ^ 0xC0C0C0C0C0C0C0C0u) & 0xFEFEFEFEFEFEFEFEu;
	if ((c01 - ones) & ~c01 & high)
		return 0;
	/* Each continuation byte right after a lead byte, and each lead
	 * byte but the last followed by one: the next byte is 8 bits up
	 * in a little-endian word, 8 bits down in a big-endian one. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (cont != lead << 8)
		return 0;
	return lead >> 63 ? 7 : 8;
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	if (cont != lead >> 8)
		return 0;
	return lead & 0x80 ? 7 : 8;
#else
	return 0; /* byte order unknown: character by character */
#endif
}

/* The same rules as sf_utf8_decode (RFC 3629's table of well-formed
 * sequences), without decoding: every file the loader reads passes here,
 * eight bytes at a time where they are ASCII and two-byte characters
 * (Cyrillic), the rest character by character. */
int sf_utf8_valid(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		if (n - i >= 8) {
			size_t k = valid8(s + i);
			if (k) {
				i += k;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		unsigned char b = s[i];
		/* Two-byte sequences (Cyrillic, most of the content) first:
		 * any continuation byte is valid after C2..DF. */
		if (b >= 0xC2 && b <= 0xDF) {
			if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
				goto fail;
			i += 2;
			continue;
		}
		/* The second byte's range depends on the first (no overlong
		 * form, no surrogate, nothing past U+10FFFF). */
		unsigned char lo = 0x80, hi = 0xBF;
		size_t len;
		if (b >= 0xE0 && b <= 0xEF)
			len = 3, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
		else if (b >= 0xF0 && b <= 0xF4)
			len = 4, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
		else
			goto fail;
		if (len > n - i || s[i + 1] < lo || s[i + 1] > hi)
			goto fail;
		for (size_t k = 2; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				goto fail;
		i += len;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

/* Bytes that are not continuation bytes (10xxxxxx), eight at a time: a
 * continuation byte has bit 7 set and bit 6 clear. */
size_t sf_utf8_count(const char *s, size_t n)
{
	size_t count = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t cont = w & ~(w << 1) & 0x8080808080808080u;
		count += 8 - (size_t)(((cont >> 7) * 0x0101010101010101u) >> 56);
	}
	for (; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

int sf_cp_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

int sf_cp_nonchar(uint32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}
