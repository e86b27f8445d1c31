/* test_sms.c: SMS counting and splitting: limits, encodings, cut points, languages, a property test. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "safar/arena.h"
#include "safar/sms.h"
#include "safar/utf8.h"
#include "suites.h"
#include "safar/nelem.h"

/* n copies of s, joined by sep (NULL: nothing between them). */
static char *rep(sf_arena *a, const char *s, size_t n, const char *sep)
{
	size_t ls = strlen(s), lsep = sep ? strlen(sep) : 0;
	char *r = sf_alloc(a, n * (ls + lsep) + 1), *p = r;
	for (size_t i = 0; i < n; i++) {
		if (i && sep)
			p += sprintf(p, "%s", sep);
		p += sprintf(p, "%s", s);
	}
	return r;
}

static char *cat(sf_arena *a, const char *x, const char *y)
{
	return sf_printf(a, "%s%s", x, y);
}

/* UTF-16 code units, counted here apart from the code under test. */
static size_t utf16_units(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xC0) != 0x80)
			n++;
		if ((*p & 0xF8) == 0xF0)
			n++; /* 4-byte sequence: above U+FFFF, a surrogate pair */
	}
	return n;
}

/* A part's own encoding and units: each part is sent as its own SMS, so it
 * is GSM-7 when all of it is, whatever the rest of the text needs. UCS-2
 * units are counted again here apart from the code under test. */
static size_t part_units(const char *s, enum sf_sms_encoding *encoding)
{
	size_t u = sf_sms_units(s, strlen(s), encoding);
	if (*encoding == SF_SMS_UCS2)
		ck_assert_uint_eq(u, utf16_units(s));
	return u;
}

static size_t limit_of(int encoding)
{
	return encoding == SF_SMS_GSM7 ? SF_SMS_GSM7_LIMIT : SF_SMS_UCS2_LIMIT;
}

/* Splits text and checks everything exactly; want is NULL-terminated.
 * encoding and units are the whole text's; each part is checked against its
 * own encoding. */
static void expect(const char *text, int encoding, size_t units, const char *const *want)
{
	sf_arena *a = sf_arena_new();
	sf_sms m;
	size_t n = 0;
	while (want[n])
		n++;
	sf_sms_split(text, strlen(text), a, &m);
	ck_assert_int_eq(m.encoding, encoding);
	ck_assert_uint_eq(m.units, units);
	ck_assert_uint_eq(m.nparts, n);
	for (size_t k = 0; k < n; k++) {
		enum sf_sms_encoding e;
		ck_assert_str_eq(m.parts[k].text, want[k]);
		ck_assert_uint_eq(m.parts[k].units, part_units(want[k], &e));
		ck_assert_int_eq(m.parts[k].encoding, e);
		ck_assert_uint_le(m.parts[k].units, limit_of(e));
	}
	enum sf_sms_encoding e = (enum sf_sms_encoding)-1; /* neither: the call must set it */
	ck_assert_uint_eq(sf_sms_units(text, strlen(text), &e), units);
	ck_assert_int_eq(e, encoding);
	sf_arena_free(a);
}

/* The parts' encodings, as sms.csv names them, space-separated. */
static void expect_encodings(const char *text, const char *want)
{
	sf_arena *a = sf_arena_new();
	sf_sms m;
	sf_sms_split(text, strlen(text), a, &m);
	char *got = "";
	for (size_t k = 0; k < m.nparts; k++)
		got = sf_printf(a, "%s%s%s", got, k ? " " : "",
				m.parts[k].encoding == SF_SMS_GSM7 ? "GSM-7" : "UCS-2");
	ck_assert_str_eq(got, want);
	sf_arena_free(a);
}

#define EXPECT(text, enc, units, ...) expect((text), (enc), (units), (const char *const[]){ __VA_ARGS__, NULL })

START_TEST(units_per_character)
{
	const char *gsm = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
	enum sf_sms_encoding e = (enum sf_sms_encoding)-1; /* neither: the call must set it */
	ck_assert_uint_eq(sf_sms_units(gsm, strlen(gsm), &e), sf_utf8_count(gsm, strlen(gsm)));
	ck_assert_int_eq(e, SF_SMS_GSM7);
	const char *ext = "^{}\\[~]|€\f";
	ck_assert_uint_eq(sf_sms_units(ext, strlen(ext), &e), 20);
	ck_assert_int_eq(e, SF_SMS_GSM7);
	/* One character outside the alphabet makes the whole text UCS-2. */
	static const struct {
		const char *s;
		size_t units;
	} ucs2[] = {
		{ "a`b", 3 },         /* backtick */
		{ "ça", 2 },          /* only the capital Ç is GSM */
		{ "a\tb", 3 },        /* tab */
		{ "oʻzbek", 6 },      /* U+02BB */
		{ "“ok”", 4 },        /* curly quotes */
		{ "€😀", 3 },         /* € is 1 unit in UCS-2; the emoji a surrogate pair */
		{ "[ж]", 3 },         /* brackets are 1 unit in UCS-2 */
		{ "e\xCC\x81", 2 },   /* e + U+0301 */
	};
	for (size_t i = 0; i < SF_NELEM(ucs2); i++) {
		ck_assert_uint_eq(sf_sms_units(ucs2[i].s, strlen(ucs2[i].s), &e), ucs2[i].units);
		ck_assert_int_eq(e, SF_SMS_UCS2);
	}
	ck_assert_uint_eq(sf_sms_units("abc", 3, NULL), 3);
}
END_TEST

/* Eight ASCII bytes at a time where each costs one septet: a text's
 * count equals the sum of its characters', whatever mix of ASCII (every
 * byte value below 0x80) and Cyrillic, at every alignment. */
START_TEST(units_ascii_runs)
{
	unsigned seed = 7;
	char text[96];
	for (int round = 0; round < 20000; round++) {
		size_t len = 0, want_sept = 0, want_utf16 = 0;
		int gsm = 1;
		size_t n = (size_t)(round % 40);
		for (size_t k = 0; k < n && len + 2 < sizeof text; k++) {
			seed = seed * 1103515245u + 12345u;
			unsigned v = (seed >> 16) & 0xFF;
			if (v >= 0x80 && (v & 7) == 0) { /* Cyrillic: outside GSM */
				text[len++] = (char)0xD0;
				text[len++] = (char)0xB6;
				gsm = 0;
				want_utf16++;
				continue;
			}
			char ch = (char)(v < 0x80 ? v : 0x20 + (v % 0x5B));
			if (ch == 0)
				ch = 'a';
			enum sf_sms_encoding e1;
			size_t u = sf_sms_units(&ch, 1, &e1);
			text[len++] = ch;
			want_utf16++;
			if (e1 == SF_SMS_GSM7)
				want_sept += u;
			else
				gsm = 0;
		}
		enum sf_sms_encoding e;
		size_t got = sf_sms_units(text, len, &e);
		ck_assert_int_eq(e, gsm ? SF_SMS_GSM7 : SF_SMS_UCS2);
		ck_assert_uint_eq(got, (gsm ? want_sept : want_utf16));
	}
}
END_TEST

START_TEST(empty_text)
{
	sf_arena *a = sf_arena_new();
	sf_sms m;
	m.nparts = 99;
	sf_sms_split("", 0, a, &m);
	ck_assert_uint_eq(m.nparts, 0);
	ck_assert_int_eq(m.encoding, SF_SMS_GSM7);
	ck_assert_uint_eq(m.units, 0);
	enum sf_sms_encoding e = (enum sf_sms_encoding)-1; /* neither: the call must set it */
	ck_assert_uint_eq(sf_sms_units("", 0, &e), 0);
	ck_assert_int_eq(e, SF_SMS_GSM7);
	sf_arena_free(a);
}
END_TEST

START_TEST(gsm_160_and_161)
{
	sf_arena *a = sf_arena_new();
	char *a160 = rep(a, "a", 160, NULL);
	EXPECT(a160, SF_SMS_GSM7, 160, a160);
	/* One word of 161: each part holds 160 - 6 for " (k/n)". */
	EXPECT(rep(a, "a", 161, NULL), SF_SMS_GSM7, 161, cat(a, rep(a, "a", 154, NULL), " (1/2)"),
	       "aaaaaaa (2/2)");
	/* With words, the cut falls at the last space that fits; here 31 words
	 * fill the 154 septets exactly and the space after them is dropped. */
	char *w = cat(a, rep(a, "word", 32, " "), " abcdefghijkl");
	EXPECT(w, SF_SMS_GSM7, 172, cat(a, rep(a, "word", 31, " "), " (1/2)"),
	       "word abcdefghijkl (2/2)");
	sf_arena_free(a);
}
END_TEST

START_TEST(ucs2_70_and_71)
{
	sf_arena *a = sf_arena_new();
	char *z70 = rep(a, "ж", 70, NULL);
	EXPECT(z70, SF_SMS_UCS2, 70, z70);
	EXPECT(rep(a, "ж", 71, NULL), SF_SMS_UCS2, 71, cat(a, rep(a, "ж", 64, NULL), " (1/2)"),
	       "жжжжжжж (2/2)");
	sf_arena_free(a);
}
END_TEST

START_TEST(extension_characters_at_the_limit)
{
	sf_arena *a = sf_arena_new();
	char *fits = cat(a, rep(a, "a", 158, NULL), "€");
	EXPECT(fits, SF_SMS_GSM7, 160, fits);
	EXPECT(cat(a, rep(a, "a", 159, NULL), "€"), SF_SMS_GSM7, 161,
	       cat(a, rep(a, "a", 154, NULL), " (1/2)"), "aaaaa€ (2/2)");
	/* The € would take septets 154 and 155 of a 154-septet part: it moves
	 * whole to the next part rather than leaving its ESC behind. */
	EXPECT(cat(a, rep(a, "a", 153, NULL), "€bbbbbbbbbb"), SF_SMS_GSM7, 165,
	       cat(a, rep(a, "a", 153, NULL), " (1/2)"), "€bbbbbbbbbb (2/2)");
	EXPECT(cat(a, rep(a, "a", 153, NULL), "[]"), SF_SMS_GSM7, 157, cat(a, rep(a, "a", 153, NULL), "[]"));
	sf_arena_free(a);
}
END_TEST

START_TEST(parts_of_154)
{
	sf_arena *a = sf_arena_new();
	char *x154 = rep(a, "x", 154, NULL), *y154 = rep(a, "y", 154, NULL);
	/* 2 x 154 fills two parts to the septet; one more needs a third. */
	EXPECT(rep(a, "x", 308, NULL), SF_SMS_GSM7, 308, cat(a, x154, " (1/2)"), cat(a, x154, " (2/2)"));
	EXPECT(rep(a, "x", 309, NULL), SF_SMS_GSM7, 309, cat(a, x154, " (1/3)"), cat(a, x154, " (2/3)"),
	       "x (3/3)");
	/* The space just past a full part is dropped, so 309 fit in two. */
	EXPECT(sf_printf(a, "%s %s", x154, y154), SF_SMS_GSM7, 309, cat(a, x154, " (1/2)"),
	       cat(a, y154, " (2/2)"));
	/* A word too long for any part starts its own and is cut there. */
	char *x153 = rep(a, "x", 153, NULL);
	EXPECT(sf_printf(a, "%s %s", x153, rep(a, "y", 160, NULL)), SF_SMS_GSM7, 314,
	       cat(a, x153, " (1/3)"), cat(a, y154, " (2/3)"), "yyyyyy (3/3)");
	sf_arena_free(a);
}
END_TEST

START_TEST(whitespace_is_content)
{
	sf_arena *a = sf_arena_new();
	/* Only a space is a word boundary: an LF stays inside the part. */
	EXPECT(sf_printf(a, "%s\n%s", rep(a, "a", 100, NULL), rep(a, "b", 100, NULL)), SF_SMS_GSM7, 201,
	       sf_printf(a, "%s\n%s (1/2)", rep(a, "a", 100, NULL), rep(a, "b", 53, NULL)),
	       cat(a, rep(a, "b", 47, NULL), " (2/2)"));
	/* A tab is not GSM: it makes the text UCS-2, 71 units, too long for one
	 * SMS; but only the part that holds it is sent as UCS-2. */
	EXPECT("Call\t112", SF_SMS_UCS2, 8, "Call\t112");
	EXPECT(cat(a, rep(a, "a", 70, NULL), "\t"), SF_SMS_UCS2, 71, cat(a, rep(a, "a", 70, NULL), " (1/2)"),
	       "\t (2/2)");
	expect_encodings(cat(a, rep(a, "a", 70, NULL), "\t"), "GSM-7 UCS-2");
	/* Of two spaces at a cut, one is dropped and one stays content. */
	char *x154 = rep(a, "x", 154, NULL);
	EXPECT(sf_printf(a, "%s  yyyyyyyyyy", x154), SF_SMS_GSM7, 166, cat(a, x154, " (1/2)"),
	       " yyyyyyyyyy (2/2)");
	/* A trailing space is not a cut: dropping it would lose it. */
	EXPECT(cat(a, rep(a, "x", 160, NULL), " "), SF_SMS_GSM7, 161, cat(a, x154, " (1/2)"),
	       "xxxxxx  (2/2)");
	sf_arena_free(a);
}
END_TEST

START_TEST(parts_have_their_own_encoding)
{
	sf_arena *a = sf_arena_new();
	/* The first part is plain ASCII and is sent as GSM-7 although the text
	 * is UCS-2: its 40 brackets count 80 septets, not 40 units. */
	char *br = rep(a, "[", 40, NULL), *zh = rep(a, "ж", 40, NULL);
	EXPECT(sf_printf(a, "%s %s", br, zh), SF_SMS_UCS2, 81, cat(a, br, " (1/2)"), cat(a, zh, " (2/2)"));
	expect_encodings(sf_printf(a, "%s %s", br, zh), "GSM-7 UCS-2");
	/* Whatever the order: UCS-2 first, then a GSM part of more than 70. */
	char *x100 = rep(a, "x", 100, NULL);
	EXPECT(sf_printf(a, "%s %s", zh, x100), SF_SMS_UCS2, 141, cat(a, zh, " (1/2)"), cat(a, x100, " (2/2)"));
	expect_encodings(sf_printf(a, "%s %s", zh, x100), "UCS-2 GSM-7");
	sf_arena_free(a);
}
END_TEST

START_TEST(gsm_parts_need_fewer_messages)
{
	sf_arena *a = sf_arena_new();
	/* English with a Russian sentence: 187 UTF-16 units as one text, so at
	 * least three parts of 64 if every part were UCS-2; the English part
	 * holds 141 septets in GSM-7, and two messages do. */
	const char *mixed = "Keep your passport and your contract with you at all times, and never give them to "
			    "your employer or to anyone else to hold. Call the hotline: Звоните на горячую "
			    "линию при любых проблемах.";
	EXPECT(mixed, SF_SMS_UCS2, 187,
	       "Keep your passport and your contract with you at all times, and never give them to "
	       "your employer or to anyone else to hold. Call the hotline: (1/2)",
	       "Звоните на горячую линию при любых проблемах. (2/2)");
	expect_encodings(mixed, "GSM-7 UCS-2");
	/* One word outside GSM at the end: 157 units, three UCS-2 parts; per
	 * part, 150 septets of GSM-7 and the word alone. */
	char *w = cat(a, rep(a, "word", 30, " "), " boʻlsa");
	EXPECT(w, SF_SMS_UCS2, 156, cat(a, rep(a, "word", 30, " "), " (1/2)"), "boʻlsa (2/2)");
	expect_encodings(w, "GSM-7 UCS-2");
	/* A word that turns a part UCS-2 does not join a part already past 64
	 * units: it opens the next part, which then holds at most 64. */
	char *z = sf_printf(a, "%s %s %s", rep(a, "x", 100, NULL), rep(a, "ж", 50, NULL), rep(a, "y", 10, NULL));
	EXPECT(z, SF_SMS_UCS2, 162, cat(a, rep(a, "x", 100, NULL), " (1/2)"),
	       sf_printf(a, "%s yyyyyyyyyy (2/2)", rep(a, "ж", 50, NULL)));
	expect_encodings(z, "GSM-7 UCS-2");
	/* A part that starts in GSM and takes a UCS-2 word while it is short. */
	z = sf_printf(a, "%s yyyyyyyyyy %s", rep(a, "x", 150, NULL), rep(a, "ж", 40, NULL));
	EXPECT(z, SF_SMS_UCS2, 202, cat(a, rep(a, "x", 150, NULL), " (1/2)"),
	       sf_printf(a, "yyyyyyyyyy %s (2/2)", rep(a, "ж", 40, NULL)));
	expect_encodings(z, "GSM-7 UCS-2");
	sf_arena_free(a);
}
END_TEST

START_TEST(astral_and_combining_at_a_cut)
{
	sf_arena *a = sf_arena_new();
	char *z10 = rep(a, "ж", 10, NULL);
	/* 63 + 2 units overflow a 64-unit part: the surrogate pair moves whole. */
	EXPECT(sf_printf(a, "%s😀%s", rep(a, "ж", 63, NULL), z10), SF_SMS_UCS2, 75,
	       cat(a, rep(a, "ж", 63, NULL), " (1/2)"), cat(a, "😀", cat(a, z10, " (2/2)")));
	/* e + U+0301: the e fits, its accent would not; both move. */
	EXPECT(sf_printf(a, "%se\xCC\x81%s", rep(a, "ж", 63, NULL), z10), SF_SMS_UCS2, 75,
	       cat(a, rep(a, "ж", 63, NULL), " (1/2)"), cat(a, "e\xCC\x81", cat(a, z10, " (2/2)")));
	/* 👩 ZWJ 💻: the cut may fall neither before the ZWJ nor after it. */
	EXPECT(sf_printf(a, "%s👩\u200D💻%s", rep(a, "ж", 60, NULL), z10), SF_SMS_UCS2, 75,
	       cat(a, rep(a, "ж", 60, NULL), " (1/2)"), cat(a, "👩\u200D💻", cat(a, z10, " (2/2)")));
	/* A skin-tone modifier and a flag's second letter stay with their emoji. */
	EXPECT(sf_printf(a, "%s👍🏽%s", rep(a, "ж", 62, NULL), z10), SF_SMS_UCS2, 76,
	       cat(a, rep(a, "ж", 62, NULL), " (1/2)"), cat(a, "👍🏽", cat(a, z10, " (2/2)")));
	EXPECT(sf_printf(a, "%s🇰🇬%s", rep(a, "ж", 61, NULL), z10), SF_SMS_UCS2, 75,
	       cat(a, rep(a, "ж", 61, NULL), " (1/2)"), cat(a, "🇰🇬", cat(a, z10, " (2/2)")));
	sf_arena_free(a);
}
END_TEST

START_TEST(languages)
{
	EXPECT("Перед выездом проверьте паспорт: срок действия должен быть не меньше шести месяцев. "
	       "Сохраните копию договора и номер горячей линии посольства.",
	       SF_SMS_UCS2, 142, "Перед выездом проверьте паспорт: срок действия должен быть не (1/3)",
	       "меньше шести месяцев. Сохраните копию договора и номер горячей (2/3)",
	       "линии посольства. (3/3)");
	/* Kyrgyz: ө ү ң */
	EXPECT("Өзүңүздүн паспортуңузду эч кимге бербеңиз. Иш берүүчү документтериңизди алууга "
	       "укуксуз. Жардам керек болсо, консулдукка кайрылыңыз.",
	       SF_SMS_UCS2, 131, "Өзүңүздүн паспортуңузду эч кимге бербеңиз. Иш берүүчү (1/3)",
	       "документтериңизди алууга укуксуз. Жардам керек болсо, (2/3)",
	       "консулдукка кайрылыңыз. (3/3)");
	/* Kazakh: ә ғ қ ң ө ұ ү һ і; the first part is exactly 70 units. */
	EXPECT("Жұмыс берушімен жазбаша шарт жасаңыз. Құжаттарыңыздың көшірмесін сақтаңыз. Әр "
	       "шаһарда тіркеу міндетті: мәселені ғаламтордан тексеріңіз. Көмек үшін елшілікке "
	       "хабарласыңыз.",
	       SF_SMS_UCS2, 170, "Жұмыс берушімен жазбаша шарт жасаңыз. Құжаттарыңыздың көшірмесін (1/3)",
	       "сақтаңыз. Әр шаһарда тіркеу міндетті: мәселені ғаламтордан (2/3)",
	       "тексеріңіз. Көмек үшін елшілікке хабарласыңыз. (3/3)");
	/* Tajik: ғ ӣ қ ӯ ҳ ҷ */
	EXPECT("Шартномаи меҳнатиро ҳамеша хаттӣ бандед. Ҳуҷҷатҳои худро ба касе надиҳед. Кори "
	       "ғайриқонунӣ хатарнок аст. Рӯйхати рақамҳои зарурӣ нигоҳ доред.",
	       SF_SMS_UCS2, 141, "Шартномаи меҳнатиро ҳамеша хаттӣ бандед. Ҳуҷҷатҳои худро ба касе (1/3)",
	       "надиҳед. Кори ғайриқонунӣ хатарнок аст. Рӯйхати рақамҳои зарурӣ (2/3)",
	       "нигоҳ доред. (3/3)");
	/* Uzbek Latin: oʻ/gʻ with U+02BB (not GSM) make a Latin text UCS-2, but
	 * the part before the first of them is sent as GSM-7... */
	EXPECT("Chet elga ketishdan oldin pasportingizni tekshiring. Ish beruvchi bilan yozma shartnoma "
	       "tuzing. Yordam kerak boʻlsa, elchixonaga murojaat qiling. Ogʻir ishlardan ehtiyot boʻling.",
	       SF_SMS_UCS2, 178,
	       "Chet elga ketishdan oldin pasportingizni tekshiring. Ish beruvchi bilan yozma shartnoma "
	       "tuzing. Yordam kerak (1/3)",
	       "boʻlsa, elchixonaga murojaat qiling. Ogʻir ishlardan ehtiyot (2/3)", "boʻling. (3/3)");
	/* ...while the ASCII apostrophe some authors type keeps it GSM. */
	const char *ascii = "O'zbekistondan chiqishdan oldin pasportingizni tekshiring. Ish beruvchi bilan "
			    "yozma shartnoma tuzing. Yordam kerak bo'lsa, elchixonaga murojaat qiling.";
	EXPECT(ascii, SF_SMS_GSM7, 151, ascii);
}
END_TEST

START_TEST(ten_parts_and_more)
{
	sf_arena *a = sf_arena_new();
	/* 42 sentences fit 9 parts; at 43 a tenth is needed, and with it every
	 * marker widens to " (k/10)", one septet more. */
	const char *s = "Keep your passport and contract.";
	sf_sms m;
	sf_sms_split(rep(a, s, 42, " "), strlen(rep(a, s, 42, " ")), a, &m);
	ck_assert_uint_eq(m.nparts, 9);
	ck_assert_str_eq(m.parts[8].text, "passport and contract. Keep your passport and contract. Keep your "
					  "passport and contract. Keep your passport and contract. Keep your "
					  "passport and contract. (9/9)");
	EXPECT(rep(a, s, 45, " "), SF_SMS_GSM7, 1484,
	       "Keep your passport and contract. Keep your passport and contract. Keep your passport and "
	       "contract. Keep your passport and contract. Keep your passport (1/10)",
	       "and contract. Keep your passport and contract. Keep your passport and contract. Keep your "
	       "passport and contract. Keep your passport and contract. Keep (2/10)",
	       "your passport and contract. Keep your passport and contract. Keep your passport and contract. "
	       "Keep your passport and contract. Keep your passport and (3/10)",
	       "contract. Keep your passport and contract. Keep your passport and contract. Keep your "
	       "passport and contract. Keep your passport and contract. Keep your (4/10)",
	       "passport and contract. Keep your passport and contract. Keep your passport and contract. "
	       "Keep your passport and contract. Keep your passport and (5/10)",
	       "contract. Keep your passport and contract. Keep your passport and contract. Keep your "
	       "passport and contract. Keep your passport and contract. Keep your (6/10)",
	       "passport and contract. Keep your passport and contract. Keep your passport and contract. "
	       "Keep your passport and contract. Keep your passport and (7/10)",
	       "contract. Keep your passport and contract. Keep your passport and contract. Keep your "
	       "passport and contract. Keep your passport and contract. Keep your (8/10)",
	       "passport and contract. Keep your passport and contract. Keep your passport and contract. "
	       "Keep your passport and contract. Keep your passport and (9/10)",
	       "contract. Keep your passport and contract. Keep your passport and contract. Keep your "
	       "passport and contract. Keep your passport and contract. (10/10)");
	/* One long word: nine parts of 153 and a tenth of the rest. */
	char *p153 = rep(a, "a", 153, NULL);
	EXPECT(rep(a, "a", 1387, NULL), SF_SMS_GSM7, 1387, cat(a, p153, " (1/10)"), cat(a, p153, " (2/10)"),
	       cat(a, p153, " (3/10)"), cat(a, p153, " (4/10)"), cat(a, p153, " (5/10)"),
	       cat(a, p153, " (6/10)"), cat(a, p153, " (7/10)"), cat(a, p153, " (8/10)"),
	       cat(a, p153, " (9/10)"), "aaaaaaaaaa (10/10)");
	sf_arena_free(a);
}
END_TEST

/* --- property test ----------------------------------------------------------- */

static uint32_t rnd(uint32_t *s)
{
	/* xorshift32: the same texts on every run and every platform. */
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Characters texts are drawn from: GSM ones (some 2 septets), then others. */
static const char *const gsm_chars[] = { "a", "e", "k", "T", "0", ".", ",", "€", "[", "^", "é", "Ø", "\n" };
static const char *const other_chars[] = { "ж", "ө", "ү", "ң", "ә", "қ", "ӣ", "ҷ", "ʻ", "\t", "😀",
					   "e\xCC\x81", "👩\u200D💻", "🇰🇬", "👍🏽", "☎\uFE0F", "“" };
#define N_GSM (SF_NELEM(gsm_chars))
#define N_OTHER (SF_NELEM(other_chars))

/* A text of words and separators, about up to 1,200 bytes: all GSM, or
 * UCS-2 throughout, or GSM words with some UCS-2 words among them (parts of
 * both encodings). */
static size_t random_text(uint32_t *s, char *out, size_t cap)
{
	size_t len = 0, target = rnd(s) % 1200;
	int mode = (int)(rnd(s) % 3);
	while (len < target) {
		/* Mostly short words; now and then one longer than a part. */
		size_t wl = rnd(s) % 8 == 0 ? 60 + rnd(s) % 200 : 1 + rnd(s) % 12;
		int ucs2 = mode == 1 || (mode == 2 && rnd(s) % 5 == 0);
		for (size_t i = 0; i < wl; i++) {
			const char *c = ucs2 && rnd(s) % 3 == 0 ? other_chars[rnd(s) % N_OTHER]
								: gsm_chars[rnd(s) % N_GSM];
			size_t cl = strlen(c);
			if (len + cl + 2 >= cap)
				goto done;
			memcpy(out + len, c, cl);
			len += cl;
		}
		out[len++] = ' ';
		if (rnd(s) % 10 == 0)
			out[len++] = ' '; /* a double space */
	}
done:
	/* Half the texts keep a trailing space, which must survive a split. */
	if (rnd(s) % 2)
		while (len > 0 && out[len - 1] == ' ')
			len--;
	out[len] = '\0';
	return len;
}

static int starts_with_mark(const char *s)
{
	uint32_t c;
	if (!*s || !sf_utf8_decode(s, strlen(s), &c))
		return 0;
	return (c >= 0x0300 && c <= 0x036F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D ||
	       (c >= 0x1F3FB && c <= 0x1F3FF);
}

/* Whether text[off..] is bodies[i..], joined by nothing (a cut inside a word)
 * or one space (a word cut), in some combination; offs[i..] receive where
 * the bodies start in text. */
static int rejoins(const char *text, size_t len, size_t off, char **bodies, size_t *offs, size_t i, size_t n)
{
	if (i == n)
		return off == len;
	size_t bl = strlen(bodies[i]);
	for (size_t sep = 0; sep <= (i > 0); sep++) {
		if (sep && (off >= len || text[off] != ' '))
			continue;
		size_t o = offs[i] = off + sep;
		if (o + bl <= len && memcmp(text + o, bodies[i], bl) == 0 &&
		    rejoins(text, len, o + bl, bodies, offs, i + 1, n))
			return 1;
	}
	return 0;
}

/* Whether s with marker fits one SMS of its own encoding. */
static int fits_alone(sf_arena *a, const char *s, size_t len, const char *marker)
{
	enum sf_sms_encoding e;
	char *t = sf_printf(a, "%.*s%s", (int)len, s, marker);
	return sf_sms_units(t, strlen(t), &e) <= limit_of(e);
}

/* Each part cut at a word took every word that fits: the part grown up to
 * the next word boundary (or the end) does not fit its own encoding's SMS. */
static void check_greedy(const char *text, size_t len, const sf_sms *m, char **bodies, const size_t *offs,
			 sf_arena *a)
{
	for (size_t k = 0; k + 1 < m->nparts; k++) {
		size_t cut = offs[k] + strlen(bodies[k]);
		if (offs[k + 1] == cut)
			continue; /* cut inside a word */
		size_t j = cut + 1;
		while (j < len && !(text[j] == ' ' && j + 1 < len))
			j++;
		char *marker = sf_printf(a, " (%zu/%zu)", k + 1, m->nparts);
		ck_assert_msg(!fits_alone(a, text + offs[k], j - offs[k], marker),
			      "part %zu could take the next word", k + 1);
	}
}

/* Returns whether the parts mix encodings. */
static int check_split(const char *text, size_t len, const sf_sms *m, sf_arena *a)
{
	enum sf_sms_encoding enc;
	size_t units = sf_sms_units(text, len, &enc);
	ck_assert_int_eq(m->encoding, enc);
	ck_assert_uint_eq(m->units, units);
	if (len == 0) {
		ck_assert_uint_eq(m->nparts, 0);
		return 0;
	}
	if (units <= limit_of(enc)) {
		ck_assert_uint_eq(m->nparts, 1);
		ck_assert_str_eq(m->parts[0].text, text);
		ck_assert_int_eq(m->parts[0].encoding, enc);
		ck_assert_uint_eq(m->parts[0].units, units);
		return 0;
	}
	ck_assert_uint_ge(m->nparts, 2);
	char **bodies = sf_alloc_array(a, m->nparts, sizeof *bodies);
	size_t *offs = sf_alloc_array(a, m->nparts, sizeof *offs);
	int seen[2] = { 0, 0 };
	for (size_t k = 0; k < m->nparts; k++) {
		const char *t = m->parts[k].text;
		enum sf_sms_encoding e;
		/* Every part fits its own encoding's limit, marker included. */
		ck_assert_uint_eq(m->parts[k].units, part_units(t, &e));
		ck_assert_int_eq(m->parts[k].encoding, e);
		ck_assert_uint_le(m->parts[k].units, limit_of(e));
		seen[e] = 1;
		char *marker = sf_printf(a, " (%zu/%zu)", k + 1, m->nparts);
		size_t tl = strlen(t), ml = strlen(marker);
		ck_assert_uint_gt(tl, ml); /* never an empty part */
		ck_assert_str_eq(t + tl - ml, marker);
		bodies[k] = sf_strndup(a, t, tl - ml);
		ck_assert_int_eq(sf_utf8_valid(bodies[k], strlen(bodies[k]), NULL), 1);
		ck_assert_int_eq(starts_with_mark(bodies[k]), 0);
		size_t bl = strlen(bodies[k]);
		ck_assert(bl < 3 || strcmp(bodies[k] + bl - 3, "\u200D") != 0);
	}
	/* The parts without their markers give back the text, words in order. */
	ck_assert_int_eq(rejoins(text, len, 0, bodies, offs, 0, m->nparts), 1);
	check_greedy(text, len, m, bodies, offs, a);
	return seen[SF_SMS_GSM7] && seen[SF_SMS_UCS2];
}

START_TEST(property_random_texts)
{
	uint32_t seed = 0x5AFA12u;
	char text[1400];
	size_t split = 0, ucs2 = 0, mixed = 0;
	for (int i = 0; i < 300; i++) {
		sf_arena *a = sf_arena_new();
		size_t len = random_text(&seed, text, sizeof text);
		sf_sms m;
		sf_sms_split(text, len, a, &m);
		mixed += (size_t)check_split(text, len, &m, a);
		split += m.nparts > 1;
		ucs2 += m.encoding == SF_SMS_UCS2;
		sf_arena_free(a);
	}
	/* The generator must exercise both encodings, real splits, and splits
	 * whose parts differ in encoding. */
	ck_assert_uint_gt(split, 150);
	ck_assert_uint_gt(ucs2, 75);
	ck_assert_uint_gt(300 - ucs2, 75);
	ck_assert_uint_gt(mixed, 30);
}
END_TEST

/* --- threads ------------------------------------------------------------------ */

#define NTHREAD 8
#define NTEXT 40

struct job {
	char (*texts)[1400];
	const size_t *lens;
	char *const *want; /* every part's text, "\x1F"-joined, per text */
	int ok;
};

static char *joined(sf_arena *a, const sf_sms *m)
{
	char *r = sf_printf(a, "%d|%zu|", m->encoding, m->units);
	for (size_t k = 0; k < m->nparts; k++)
		r = sf_printf(a, "%s%s\x1F%d\x1F%zu\x1F", r, m->parts[k].text, m->parts[k].encoding,
			      m->parts[k].units);
	return r;
}

static void *worker(void *p)
{
	struct job *j = p;
	j->ok = 1;
	for (int round = 0; round < 5; round++)
		for (int i = 0; i < NTEXT; i++) {
			sf_arena *a = sf_arena_new();
			sf_sms m;
			sf_sms_split(j->texts[i], j->lens[i], a, &m);
			if (strcmp(joined(a, &m), j->want[i]) != 0)
				j->ok = 0;
			sf_arena_free(a);
		}
	return NULL;
}

START_TEST(same_results_on_many_threads)
{
	static char texts[NTEXT][1400];
	size_t lens[NTEXT];
	char *want[NTEXT];
	uint32_t seed = 0xC0FFEEu;
	sf_arena *a = sf_arena_new();
	for (int i = 0; i < NTEXT; i++) {
		lens[i] = random_text(&seed, texts[i], sizeof texts[i]);
		sf_sms m;
		sf_sms_split(texts[i], lens[i], a, &m);
		want[i] = joined(a, &m);
	}
	pthread_t th[NTHREAD];
	struct job jobs[NTHREAD];
	for (int t = 0; t < NTHREAD; t++) {
		jobs[t] = (struct job){ texts, lens, want, 0 };
		ck_assert_int_eq(pthread_create(&th[t], NULL, worker, &jobs[t]), 0);
	}
	for (int t = 0; t < NTHREAD; t++) {
		pthread_join(th[t], NULL);
		ck_assert_int_eq(jobs[t].ok, 1);
	}
	sf_arena_free(a);
}
END_TEST

Suite *suite_sms(void)
{
	Suite *s = suite_create("sms");
	TCase *t = tcase_create("sms");
	tcase_add_test(t, units_per_character);
	tcase_add_test(t, units_ascii_runs);
	tcase_add_test(t, empty_text);
	tcase_add_test(t, gsm_160_and_161);
	tcase_add_test(t, ucs2_70_and_71);
	tcase_add_test(t, extension_characters_at_the_limit);
	tcase_add_test(t, parts_of_154);
	tcase_add_test(t, whitespace_is_content);
	tcase_add_test(t, parts_have_their_own_encoding);
	tcase_add_test(t, gsm_parts_need_fewer_messages);
	tcase_add_test(t, astral_and_combining_at_a_cut);
	tcase_add_test(t, languages);
	tcase_add_test(t, ten_parts_and_more);
	tcase_add_test(t, property_random_texts);
	tcase_add_test(t, same_results_on_many_threads);
	suite_add_tcase(s, t);
	return s;
}
