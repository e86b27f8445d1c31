/* sms.c: SMS cost (GSM 03.38 septets or UTF-16 units) and splitting into " (k/n)" parts, per part. */
#include <stdint.h>
#include <string.h>

#include "safar/sms.h"
#include "safar/utf8.h"

/* Septets a code point costs in GSM 03.38: 1 in the default alphabet, 2 in
 * the extension table (ESC + char), 0 when it has no GSM form at all. */
static int gsm_cost(uint32_t c)
{
	if (c >= 0x20 && c < 0x7F) {
		/* Printable ASCII is the default alphabet except the backtick (absent)
		 * and the brackets and friends that live in the extension table. */
		switch (c) {
		case '`':
			return 0;
		case '^': case '{': case '}': case '\\': case '[': case '~': case ']': case '|':
			return 2;
		default:
			return 1;
		}
	}
	switch (c) {
	case '\n': case '\r':
	case 0x00A1: case 0x00A3: case 0x00A4: case 0x00A5: case 0x00A7: case 0x00BF:
	case 0x00C4: case 0x00C5: case 0x00C6: case 0x00C7: case 0x00C9: case 0x00D1:
	case 0x00D6: case 0x00D8: case 0x00DC: case 0x00DF: case 0x00E0: case 0x00E4:
	case 0x00E5: case 0x00E6: case 0x00E8: case 0x00E9: case 0x00EC: case 0x00F1:
	case 0x00F2: case 0x00F6: case 0x00F8: case 0x00F9: case 0x00FC:
	case 0x0393: case 0x0394: case 0x0398: case 0x039B: case 0x039E: case 0x03A0:
	case 0x03A3: case 0x03A6: case 0x03A8: case 0x03A9:
		return 1;
	case '\f': case 0x20AC:
		return 2;
	default:
		return 0;
	}
}

/* gsm_cost of each ASCII code point (a table: the loop below meets
 * mostly ASCII). */
static const unsigned char ascii_septets[128] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 0,
};

/* Code points that belong to the character before them: a cut before one
 * would leave a bare accent, a broken emoji or a half flag on a phone. Beyond
 * the combining blocks and variation selectors, emoji skin-tone modifiers and
 * tag characters (subdivision flags) extend an emoji in the same way. */
static int extends(uint32_t c)
{
	return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
	       (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
	       (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE00 && c <= 0xFE0F) ||
	       (c >= 0xE0100 && c <= 0xE01EF) || c == 0x200D ||
	       (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

static int regional_indicator(uint32_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* One code point of the text, with what the splitter needs to know of it. */
typedef struct cp {
	size_t off;            /* byte offset in the text */
	unsigned char septets; /* GSM 03.38 cost, 1 or 2; 0: not in GSM */
	unsigned char utf16;   /* UTF-16 code units: 1, or 2 above U+FFFF */
	unsigned char glue;    /* no cut may fall just before it */
	unsigned char space;   /* ASCII space: the only word boundary */
} cp;

/* What a run of code points costs in both encodings; it is GSM-7 while
 * every code point in it is in the GSM alphabet. */
typedef struct cost {
	size_t septets, utf16;
	int gsm;
} cost;

static const cost no_cost = { 0, 0, 1 };

static void add(cost *c, const cp *x)
{
	c->septets += x->septets;
	c->utf16 += x->utf16;
	c->gsm &= x->septets != 0;
}

static size_t units_of(const cost *c)
{
	return c->gsm ? c->septets : c->utf16;
}

static int encoding_of(const cost *c)
{
	return c->gsm ? SF_SMS_GSM7 : SF_SMS_UCS2;
}

/* Whether a run fits one SMS of its own encoding next to reserve units
 * (its marker). */
static int fits(const cost *c, size_t reserve)
{
	return units_of(c) + reserve <= (c->gsm ? SF_SMS_GSM7_LIMIT : SF_SMS_UCS2_LIMIT);
}

/* Decodes one code point; an invalid byte (the loader rules it out) costs one
 * unit and is consumed alone, so a caller bug cannot loop or read past len. */
static int next_cp(const char *s, size_t n, cp *out, uint32_t *c)
{
	int k = sf_utf8_decode(s, n, c);
	if (k == 0) {
		*c = 0xFFFD;
		k = 1;
	}
	out->septets = (unsigned char)gsm_cost(*c);
	out->utf16 = *c >= 0x10000 ? 2 : 1;
	return k;
}

/* Whether each of eight bytes is ASCII that costs one septet: a letter, a
 * digit, the space or punctuation of the default alphabet (0x20..0x5A,
 * 0x61..0x7A; the rest of ASCII goes byte by byte). Per byte, the high bit
 * of between(m, n) is set when m < byte < n, for bytes below 0x80. */
static int plain8(const char *s)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t w;
	memcpy(&w, s, 8);
	if (w & high)
		return 0;
#define BETWEEN(x, m, n)                                                                  \
	((ones * (127 + (n)) - ((x) & ones * 127)) & ~(x) & (((x) & ones * 127) + ones * (127 - (m))) & \
	 high)
	return (BETWEEN(w, 0x1F, 0x5B) | BETWEEN(w, 0x60, 0x7B)) == high;
#undef BETWEEN
}

size_t sf_sms_units(const char *text, size_t len, enum sf_sms_encoding *encoding)
{
	cost c = no_cost;
	for (size_t i = 0; i < len;) {
		unsigned char b = (unsigned char)text[i];
		if (b < 0x80 && i + 8 <= len && plain8(text + i)) {
			c.septets += 8;
			c.utf16 += 8;
			i += 8;
			continue;
		}
		if (b < 0x80) { /* ASCII: one UTF-16 unit, no decoding */
			int sept = ascii_septets[b];
			c.septets += (size_t)sept;
			c.utf16++;
			c.gsm &= sept != 0;
			i++;
			continue;
		}
		/* A two-byte sequence (Cyrillic, Greek, Latin with marks),
		 * decoded here; past U+03A9 none is in GSM 03.38. */
		if (b >= 0xC2 && b <= 0xDF && i + 1 < len &&
		    ((unsigned char)text[i + 1] & 0xC0) == 0x80) {
			uint32_t u = ((uint32_t)(b & 0x1F) << 6) | ((unsigned char)text[i + 1] & 0x3F);
			int sept = u > 0x3A9 ? 0 : gsm_cost(u);
			c.septets += (size_t)sept;
			c.utf16++;
			c.gsm &= sept != 0;
			i += 2;
			continue;
		}
		cp x;
		uint32_t u;
		i += (size_t)next_cp(text + i, len - i, &x, &u);
		add(&c, &x);
	}
	if (encoding)
		*encoding = encoding_of(&c);
	return units_of(&c);
}

static size_t digits(size_t v)
{
	size_t d = 1;
	while (v >= 10)
		v /= 10, d++;
	return d;
}

/* " (k/n)" for an n of nd digits: ASCII, so as many septets as UTF-16 units. */
static size_t marker_len(size_t k, size_t nd)
{
	return 4 + digits(k) + nd;
}

/* A space at j is a word cut when a cut may fall both before and after it and
 * something follows it: dropping a trailing space would lose it for good. */
static int word_cut(const cp *v, size_t n, size_t j)
{
	return v[j].space && !v[j].glue && j + 1 < n && !v[j + 1].glue;
}

/* Where the part starting at code point pos ends (*end, exclusive) and where
 * the next one starts (the return), for a part that keeps reserve units for
 * its marker. The part grows while it fits one SMS in its own encoding: a
 * word outside GSM may turn it UCS-2, and then it must fit 70 units. A
 * prefix that does not fit has no longer prefix that does (a GSM run over
 * 160 - r septets has over 70 - r UTF-16 units), so the first code point
 * that does not fit ends the search. */
static size_t fill_one(const cp *v, size_t n, size_t pos, size_t reserve, size_t *end)
{
	cost acc = no_cost;
	size_t e = pos, space = 0, brk = 0;
	while (e < n) {
		cost next = acc;
		add(&next, &v[e]);
		if (!fits(&next, reserve))
			break;
		acc = next;
		e++;
		/* e is now a candidate cut just before v[e]. */
		if (e < n && word_cut(v, n, e))
			space = e;
		if (e == n || !v[e].glue)
			brk = e;
	}
	if (e == n) {
		*end = n;
		return n;
	}
	/* The last word cut; a space at e itself is best: it is dropped anyway. */
	if (space > pos) {
		*end = space;
		return space + 1;
	}
	/* One word longer than a part: cut it between characters. */
	if (brk > pos) {
		*end = brk;
		return brk;
	}
	/* One combining sequence longer than a part: only code points remain. A
	 * code point costs at most 2 and a part holds far more, so e > pos. */
	*end = e;
	return e;
}

/* Greedy fill with markers " (k/n)" for an n of nd digits: each part takes
 * as much as fits. Records the parts' [start, end) code point ranges when se
 * is not NULL; returns the number of parts. */
static size_t fill(const cp *v, size_t ncp, size_t nd, size_t (*se)[2])
{
	size_t pos = 0, k = 0;
	while (pos < ncp) {
		size_t end, next = fill_one(v, ncp, pos, marker_len(k + 1, nd), &end);
		if (se)
			se[k][0] = pos, se[k][1] = end;
		k++;
		pos = next;
	}
	return k;
}

void sf_sms_split(const char *text, size_t len, sf_arena *a, sf_sms *out)
{
	memset(out, 0, sizeof *out);
	out->units = sf_sms_units(text, len, &out->encoding);
	if (len == 0)
		return;
	if (out->units <= (out->encoding == SF_SMS_GSM7 ? SF_SMS_GSM7_LIMIT : SF_SMS_UCS2_LIMIT)) {
		out->parts = sf_alloc(a, sizeof *out->parts);
		out->parts[0].text = sf_strndup(a, text, len);
		out->parts[0].encoding = out->encoding;
		out->parts[0].units = out->units;
		out->nparts = 1;
		return;
	}

	/* At most len code points; the scratch array dies with the arena. */
	cp *v = sf_alloc_array(a, len, sizeof *v);
	size_t ncp = 0;
	uint32_t prev = 0;
	int ri_open = 0; /* a regional indicator waits for its pair */
	for (size_t i = 0; i < len; ncp++) {
		uint32_t c;
		int k = next_cp(text + i, len - i, &v[ncp], &c);
		v[ncp].off = i;
		/* The character after a ZWJ is joined to the one before it. */
		v[ncp].glue = ncp > 0 && (extends(c) || prev == 0x200D ||
					  (ri_open && regional_indicator(c)));
		v[ncp].space = c == ' ';
		ri_open = regional_indicator(c) && !(ri_open && v[ncp].glue);
		prev = c;
		i += (size_t)k;
	}

	/* The parts depend on n only through its number of digits, so each
	 * width has one candidate: the count m its greedy fill gives. The
	 * smallest consistent n is the first m that has the width it was filled
	 * for. Wider markers only shrink parts, so m never has fewer digits than
	 * that width allows once narrower widths failed; should it, its parts
	 * were filled with more room kept for markers than they use, and they
	 * still fit. */
	size_t nd = 1, n;
	while (digits(n = fill(v, ncp, nd, NULL)) > nd)
		nd++;

	size_t(*se)[2] = sf_alloc_array(a, n, sizeof *se);
	fill(v, ncp, nd, se);
	out->parts = sf_alloc_array(a, n, sizeof *out->parts);
	out->nparts = n;
	for (size_t k = 0; k < n; k++) {
		size_t b = v[se[k][0]].off;
		size_t e = se[k][1] < ncp ? v[se[k][1]].off : len;
		cost c = no_cost;
		for (size_t j = se[k][0]; j < se[k][1]; j++)
			add(&c, &v[j]);
		out->parts[k].text = sf_printf(a, "%.*s (%zu/%zu)", (int)(e - b), text + b, k + 1, n);
		out->parts[k].encoding = encoding_of(&c);
		out->parts[k].units = units_of(&c) + marker_len(k + 1, digits(n));
	}
}
