/* leak.c: a general module (read in every corridor) that names a country
 * some corridor goes from or to (docs/diagnostics.md, "Countries in general
 * modules"). */
#include <stdint.h>
#include <string.h>

#include "checkint.h"
#include "safar/nelem.h"
#include "safar/utf8.h"

/* Country names by ISO code and language, '|' between forms; a form ending
 * in '*' is a stem that any letters may follow (the case endings of
 * Russian, Kyrgyz, Kazakh, Uzbek and Tajik), any other a whole word (or
 * words). Matched with their case as written: names are capitalised. */
static const struct country_names {
	const char *code, *lang, *forms;
} names[] = {
	{ "KG", "en", "Kyrgyzstan|Kyrgyz Republic|Kirghizia" },
	{ "KG", "ru", "Кыргызстан*|Киргизстан*|Киргизи*|Кыргызская Республика|Кыргызской Республик*" },
	{ "KG", "ky", "Кыргызстан*|Кыргыз Республикасы*" },
	{ "KG", "kk", "Қырғызстан*" },
	{ "KG", "uz", "Qirgʻiziston*|Qirg'iziston*|Qirgʼiziston*" },
	{ "KG", "tg", "Қирғизистон*" },
	{ "KZ", "en", "Kazakhstan" },
	{ "KZ", "ru", "Казахстан*" },
	{ "KZ", "ky", "Казакстан*" },
	{ "KZ", "kk", "Қазақстан*" },
	{ "KZ", "uz", "Qozogʻiston*|Qozog'iston*|Qozogʼiston*" },
	{ "KZ", "tg", "Қазоқистон*" },
	{ "TJ", "en", "Tajikistan" },
	{ "TJ", "ru", "Таджикистан*" },
	{ "TJ", "ky", "Тажикстан*" },
	{ "TJ", "kk", "Тәжікстан*" },
	{ "TJ", "uz", "Tojikiston*" },
	{ "TJ", "tg", "Тоҷикистон*" },
	{ "UZ", "en", "Uzbekistan" },
	{ "UZ", "ru", "Узбекистан*" },
	{ "UZ", "ky", "Өзбекстан*" },
	{ "UZ", "kk", "Өзбекстан*" },
	{ "UZ", "uz", "Oʻzbekiston*|O'zbekiston*|Oʼzbekiston*|Ozbekiston*" },
	{ "UZ", "tg", "Ӯзбекистон*" },
	{ "TM", "en", "Turkmenistan" },
	{ "TM", "ru", "Туркменистан*|Туркмени*" },
	{ "RU", "en", "Russia|Russian Federation" },
	{ "RU", "ru", "Россия|России|Россию|Россией|Российская Федерация|Российской Федерации|РФ" },
	{ "RU", "ky", "Россия*|Орусия*" },
	{ "RU", "kk", "Ресей*" },
	{ "RU", "uz", "Rossiya*" },
	{ "RU", "tg", "Русия*" },
	{ "GB", "en", "United Kingdom|UK|Great Britain|Britain|England|Scotland|Wales|Northern Ireland" },
	{ "GB", "ru", "Великобритани*|Соединённое Королевство|Соединенное Королевство|Соединённом Королевстве|Соединенном Королевстве|Англия|Англии|Англию" },
	{ "GB", "ky", "Улуу Британия*|Британия*" },
	{ "GB", "kk", "Ұлыбритания*|Британия*" },
	{ "GB", "uz", "Buyuk Britaniya*|Britaniya*" },
	{ "GB", "tg", "Британия*|Бритониё*" },
	{ "KR", "en", "Korea|South Korea|Republic of Korea" },
	{ "KR", "ru", "Корея|Кореи|Корею|Кореей|Южная Корея|Южной Корее|Республика Корея|Республике Корея" },
	{ "KR", "ky", "Корея*" },
	{ "KR", "kk", "Корея*" },
	{ "KR", "uz", "Koreya*" },
	{ "KR", "tg", "Корея*" },
	{ "TR", "en", "Turkey|Türkiye" },
	{ "TR", "ru", "Турци*" },
	{ "TR", "ky", "Түркия*" },
	{ "TR", "kk", "Түркия*" },
	{ "TR", "uz", "Turkiya*" },
	{ "TR", "tg", "Туркия*" },
	{ "AE", "en", "United Arab Emirates|UAE" },
	{ "AE", "ru", "ОАЭ|Объединённы* Арабски* Эмират*|Объединенны* Арабски* Эмират*" },
	{ "SA", "en", "Saudi Arabia" },
	{ "SA", "ru", "Саудовск* Арави*" },
	{ "QA", "en", "Qatar" },
	{ "QA", "ru", "Катар*" },
	{ "DE", "en", "Germany" },
	{ "DE", "ru", "Германи*" },
	{ "PL", "en", "Poland" },
	{ "PL", "ru", "Польша|Польши|Польшу|Польше|Польшей" },
	{ "JP", "en", "Japan" },
	{ "JP", "ru", "Япони*" },
	{ "CN", "en", "China" },
	{ "CN", "ru", "Китай|Китая|Китаю|Китаем|Китае" },
	{ "US", "en", "United States|USA" },
	{ "US", "ru", "США|Соединённы* Штат*|Соединенны* Штат*" },
	{ "UA", "en", "Ukraine" },
	{ "UA", "ru", "Украин*" },
	{ "BY", "en", "Belarus" },
	{ "BY", "ru", "Беларус*|Белорусси*" },
	{ "AM", "en", "Armenia" },
	{ "AM", "ru", "Армени*" },
	{ "AZ", "en", "Azerbaijan" },
	{ "AZ", "ru", "Азербайджан*" },
	{ "IL", "en", "Israel" },
	{ "IL", "ru", "Израил*" },
	{ "CZ", "en", "Czech Republic|Czechia" },
	{ "CZ", "ru", "Чехи*" },
	{ "LT", "en", "Lithuania" },
	{ "LT", "ru", "Литв*" },
	{ "FI", "en", "Finland" },
	{ "FI", "ru", "Финлянди*" },
};

/* Whether a code point is part of a word: ASCII letters and digits, Latin
 * letters with marks, the Uzbek ʻ and ʼ, Greek and Cyrillic. */
static int word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x2B0 && cp <= 0x2FF) ||
	       (cp >= 0x370 && cp <= 0x52F);
}

/* The length of the word (or words) form matches at s + i, or 0. */
static size_t match(const char *s, size_t n, size_t i, const char *form, size_t flen)
{
	int stem = flen && form[flen - 1] == '*';
	if (stem)
		flen--;
	if (flen == 0 || n - i < flen || memcmp(s + i, form, flen) != 0)
		return 0;
	size_t j = i + flen;
	uint32_t cp = 0;
	int len;
	while (j < n && (len = sf_utf8_decode(s + j, n - j, &cp)) > 0 && word_cp(cp)) {
		if (!stem)
			return 0; /* more letters: another word */
		j += (size_t)len;
	}
	return j - i;
}

/* The countries to look for: the origins and destinations of the root's
 * corridors that the table names, each form apart, filed by its first byte
 * in the table's order (a text position tries only the forms that can start
 * there, first match first, as a walk of the whole table would). */
typedef struct leak_form {
	const char *s; /* as written, '*' included */
	size_t len;
	size_t name;   /* index in leak_names.v */
} leak_form;

typedef struct leak_names {
	const struct country_names **v;
	size_t n;
	leak_form *forms;
	size_t nforms;
	size_t start[257]; /* forms starting with byte b: forms[start[b] .. start[b + 1]) */
	/* By first byte: the second bytes its forms can go on with (bit
	 * c of second[b][c / 64]), and whether one of them takes any (a
	 * one-byte form, or a stem after one byte): most word starts begin
	 * no form (a lower-case letter after a capital's lead byte). */
	uint64_t second[256][4];
	unsigned char any[256];
} leak_names;

static int in_lang(const char *lang, const sf_module *m)
{
	return strcmp(lang, "en") == 0 || (m->lang && strcmp(lang, m->lang) == 0);
}

/* A found name: where, and which. */
typedef struct leak_hit {
	sf_loc loc;
	const char *word;
	const char *code;
} leak_hit;

typedef struct leak_scan {
	ck_ctx *c;
	const leak_names *ln;
	const sf_module *m;
	const unsigned char *use; /* by name: its language is the module's, or en */
	leak_hit first;
	size_t nhits;
	const char *more[4]; /* other words, once each */
	size_t nmore;
} leak_scan;

static void hit(leak_scan *sc, sf_loc loc, const char *s, size_t len, const char *code)
{
	const char *word = sf_strndup(sc->c->a, s, len);
	if (sc->nhits++ == 0) {
		sc->first = (leak_hit){ loc, word, code };
		return;
	}
	if (strcmp(word, sc->first.word) == 0)
		return;
	for (size_t k = 0; k < sc->nmore; k++)
		if (strcmp(sc->more[k], word) == 0)
			return;
	if (sc->nmore < SF_NELEM(sc->more))
		sc->more[sc->nmore++] = word;
}

static int ascii_word(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

/* One character of s at i (n bytes in all): its code point and length,
 * as sf_utf8_decode reads it, a byte it cannot read being one character
 * with code point 0. Two-byte sequences (Cyrillic) are read here. */
static size_t one_cp(const char *s, size_t n, size_t i, uint32_t *cp)
{
	unsigned char b = (unsigned char)s[i];
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(b & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
		return 2;
	}
	int l = sf_utf8_decode(s + i, n - i, cp);
	if (l <= 0) {
		*cp = 0;
		return 1;
	}
	return (size_t)l;
}

/* Moves *line and *col from s + from to s + to, character by character. */
static void walk(const char *s, size_t n, size_t from, size_t to, int *line, int *col)
{
	while (from < to) {
		uint32_t cp;
		from += one_cp(s, n, from, &cp);
		if (cp == '\n')
			++*line, *col = 1;
		else
			++*col;
	}
}

/* Every name in text. exact: at is where text starts, and each hit gets
 * its own line and column; else each hit is at at (a front matter value,
 * whose text is the YAML's after quoting and folding). A name may start
 * only where no word goes on and a form starts with that byte; lines and
 * columns are counted only up to a hit (names are rare, text is not). */
static void scan(leak_scan *sc, const char *s, size_t n, sf_loc at, int exact)
{
	const leak_names *ln = sc->ln;
	int line = at.line, col = at.col;
	size_t counted = 0; /* line and col are those of s + counted */
	int in_word = 0; /* the code point before i is part of a word */
	size_t i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		size_t len = 0;
		if (!in_word && ln->start[b] != ln->start[b + 1] &&
		    (ln->any[b] || i + 1 >= n ||
		     (ln->second[b][(unsigned char)s[i + 1] >> 6] >> ((unsigned char)s[i + 1] & 63) & 1))) {
			for (size_t k = ln->start[b]; k < ln->start[b + 1] && !len; k++) {
				const leak_form *f = &ln->forms[k];
				if (!sc->use[f->name] || (f->len > 1 && i + 1 < n && f->s[1] != '*' &&
							  f->s[1] != s[i + 1]))
					continue;
				len = match(s, n, i, f->s, f->len);
				if (!len)
					continue;
				if (exact) {
					walk(s, n, counted, i, &line, &col);
					counted = i;
				}
				hit(sc, exact ? (sf_loc){ at.path, line, col } : at, s + i, len,
				    ln->v[f->name]->code);
			}
		}
		if (!len && b < 0x80) {
			in_word = ascii_word(b);
			i++;
			continue;
		}
		/* On past the name found, or one code point (and any stray
		 * continuation bytes after it, one by one). */
		size_t end = i + (len ? len : 1);
		while (i < end || (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)) {
			uint32_t cp;
			i += one_cp(s, n, i, &cp);
			in_word = word_cp(cp);
		}
	}
}

/* The corridors a code is the origin or destination of: "origin of kg-kz,
 * kg-ru; destination of kz-kr" (at most 3 named per side). */
static const char *which_corridors(ck_ctx *c, const char *code)
{
	sf_buf b = { 0 };
	for (int dest = 0; dest < 2; dest++) {
		size_t n = 0;
		for (size_t i = 0; i < c->root->ncorridors; i++) {
			const sf_corridor *co = &c->root->corridors[i];
			const char *at = dest ? co->destination : co->origin;
			if (!at || strcmp(at, code) != 0)
				continue;
			if (n == 0)
				sf_buf_printf(&b, "%s%s of ", b.len ? "; " : "", dest ? "destination" : "origin");
			if (n++ < 3)
				sf_buf_printf(&b, "%s%s", n > 1 ? ", " : "", co->id ? co->id : "?");
		}
		if (n > 3)
			sf_buf_printf(&b, " and %zu more", n - 3);
	}
	const char *r = sf_strndup(c->a, b.data ? b.data : "", b.len);
	sf_buf_free(&b);
	return r;
}

void ck_leaks(ck_ctx *c)
{
	const sf_root *root = c->root;
	leak_names ln = { .v = sf_alloc_array(c->a, SF_NELEM(names) + 1, sizeof *ln.v) };
	size_t nforms = 0;
	for (size_t k = 0; k < SF_NELEM(names); k++)
		for (size_t i = 0; i < root->ncorridors; i++) {
			const sf_corridor *co = &root->corridors[i];
			if ((co->origin && strcmp(co->origin, names[k].code) == 0) ||
			    (co->destination && strcmp(co->destination, names[k].code) == 0)) {
				ln.v[ln.n++] = &names[k];
				for (const char *f = names[k].forms; *f; f += strcspn(f, "|"), f += *f == '|')
					nforms++;
				break;
			}
		}
	if (!ln.n)
		return;
	/* The forms by first byte (a counting sort keeps the table's order). */
	leak_form *all = sf_alloc_array(c->a, nforms + 1, sizeof *all);
	size_t nall = 0, count[256] = { 0 };
	for (size_t k = 0; k < ln.n; k++)
		for (const char *f = ln.v[k]->forms; *f;) {
			size_t flen = strcspn(f, "|");
			all[nall++] = (leak_form){ f, flen, k };
			count[(unsigned char)*f]++;
			f += flen + (f[flen] == '|');
		}
	for (int b = 0; b < 256; b++)
		ln.start[b + 1] = ln.start[b] + count[b];
	ln.forms = sf_alloc_array(c->a, nforms + 1, sizeof *ln.forms);
	size_t at[256];
	memcpy(at, ln.start, sizeof at);
	for (size_t k = 0; k < nall; k++)
		ln.forms[at[(unsigned char)*all[k].s]++] = all[k];
	ln.nforms = nall;
	for (size_t k = 0; k < nall; k++) {
		unsigned char b0 = (unsigned char)all[k].s[0], b1 = (unsigned char)all[k].s[1];
		if (all[k].len < 2 || b1 == '*')
			ln.any[b0] = 1;
		else
			ln.second[b0][b1 >> 6] |= (uint64_t)1 << (b1 & 63);
	}
	unsigned char *use = sf_alloc(c->a, ln.n + 1);
	const unsigned scoped = (1u << SF_W_CORRIDOR) | (1u << SF_W_ORIGIN) | (1u << SF_W_DESTINATION);
	for (size_t i = 0; i < root->nmodules; i++) {
		const sf_module *m = &root->modules[i];
		if (m->when.present & scoped)
			continue;
		for (size_t k = 0; k < ln.n; k++)
			use[k] = (unsigned char)in_lang(ln.v[k]->lang, m);
		leak_scan sc = { .c = c, .ln = &ln, .m = m, .use = use };
		if (m->title)
			scan(&sc, m->title, strlen(m->title), m->title_loc.line ? m->title_loc : m->loc, 0);
		if (m->sms)
			scan(&sc, m->sms, strlen(m->sms), m->sms_loc, 0);
		for (size_t k = 0; k < m->checklist.n; k++)
			scan(&sc, m->checklist.v[k], strlen(m->checklist.v[k]), m->checklist.loc[k], 0);
		if (m->body)
			scan(&sc, m->body, m->body_len, (sf_loc){ m->path, m->body_line, 1 }, 1);
		if (!sc.nhits)
			continue;
		sf_buf also = { 0 };
		for (size_t k = 0; k < sc.nmore; k++)
			sf_buf_printf(&also, "%s%s", k ? ", " : "; also ", sc.more[k]);
		sf_emit(c->sink, SF_D_COUNTRY_IN_GENERAL_MODULE, sc.first.loc,
			"every corridor reads this module (its when: has no corridor, origin or destination), "
			"yet it names %s (%s)%s: move the line into a module scoped by origin, destination "
			"or corridor, or into a corridor's fact",
			sc.first.word, which_corridors(c, sc.first.code), also.data ? also.data : "");
		sf_buf_free(&also);
	}
}
