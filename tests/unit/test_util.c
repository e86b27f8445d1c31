/* test_util.c: arena, buffer, UTF-8, suggestions, diagnostics sink, atomic writes, string map. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safar/arena.h"
#include "safar/buf.h"
#include "safar/date.h"
#include "safar/diag.h"
#include "safar/fsio.h"
#include "safar/strmap.h"
#include "safar/suggest.h"
#include "safar/utf8.h"
#include "safar/nelem.h"
#include "suites.h"

START_TEST(arena_zeroed_and_aligned)
{
	sf_arena *a = sf_arena_new();
	for (int i = 1; i < 2000; i += 37) {
		unsigned char *p = sf_alloc(a, (size_t)i);
		ck_assert_uint_eq((uintptr_t)p % _Alignof(max_align_t), 0);
		for (int k = 0; k < i; k++)
			ck_assert_uint_eq(p[k], 0);
		memset(p, 0xAB, (size_t)i);
	}
	char *big = sf_alloc(a, 1 << 20); /* larger than a chunk */
	big[(1 << 20) - 1] = 1;
	ck_assert_str_eq(sf_printf(a, "%s-%d", "kg", 7), "kg-7");
	ck_assert_str_eq(sf_strndup(a, "abcdef", 3), "abc");
	sf_arena_free(a);
}
END_TEST

static int cleaned;
static void mark_clean(void *p) { cleaned += *(int *)p; }

START_TEST(arena_cleanups_run_once)
{
	sf_arena *a = sf_arena_new();
	static int one = 1, ten = 10;
	cleaned = 0;
	sf_arena_on_free(a, mark_clean, &one);
	sf_arena_on_free(a, mark_clean, &ten);
	sf_arena_free(a);
	ck_assert_int_eq(cleaned, 11);
}
END_TEST

START_TEST(arena_push_grows)
{
	sf_arena *a = sf_arena_new();
	int *v = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < 1000; i++)
		*SF_PUSH(a, v, n, cap) = i;
	ck_assert_uint_eq(n, 1000);
	for (int i = 0; i < 1000; i++)
		ck_assert_int_eq(v[i], i);
	sf_arena_free(a);
}
END_TEST

START_TEST(buf_json_escapes)
{
	sf_buf b = { 0 };
	sf_buf_json_str(&b, "a\"b\\c\nd\x01й");
	ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\nd\\u0001й\"");
	sf_buf_reset(&b);
	sf_buf_printf(&b, "%d|%s", 42, "x");
	ck_assert_str_eq(b.data, "42|x");
	sf_buf_free(&b);
}
END_TEST

/* RFC 8259 exactly, and nothing a terminal would act on left raw. */
START_TEST(buf_json_escapes_every_control)
{
	sf_buf b = { 0 };
	sf_buf_json_str(&b, "\x1b[2J\b\f\x7f\xc2\x9b\xef\xbf\xbe\xf0\x9f\xbf\xbf\xe2\x80\xa8\xff|");
	ck_assert_str_eq(b.data, "\"\\u001b[2J\\u0008\\u000c\\u007f\\u009b\\ufffe\\ud83f\\udfff"
				 "\\u2028\\ufffd|\"");
	sf_buf_free(&b);
}
END_TEST

START_TEST(buf_term_shows_controls)
{
	sf_buf b = { 0 };
	const char s[] = "a\tb\nc\x1b]0;t\x07\xc2\x9b\xef\xbf\xbf\xf4\x8f\xbf\xbe\xe9й";
	sf_buf_term(&b, s, sizeof s - 1);
	ck_assert_str_eq(b.data, "a\tb\\x0Ac\\x1B]0;t\\x07\\x9B\\uFFFF\\U0010FFFE\\xE9й");
	sf_buf_free(&b);
}
END_TEST

START_TEST(buf_xml_replaces_what_xml_forbids)
{
	sf_buf b = { 0 };
	sf_buf_xml_str(&b, "<a&\"b\">\t\n\r\x01\x1b\xef\xbf\xbe\xc2\x85\xff|й");
	ck_assert_str_eq(b.data, "&lt;a&amp;&quot;b&quot;&gt;&#9;&#10;&#13;"
				 "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|й");
	sf_buf_reset(&b);
	sf_buf_plain(&b, "<a&\t\n\x1b\xef\xbf\xbfй");
	ck_assert_str_eq(b.data, "<a&\t\n\xef\xbf\xbd\xef\xbf\xbdй");
	sf_buf_free(&b);
}
END_TEST

START_TEST(utf8_strict)
{
	size_t bad = 99;
	uint32_t cp;
	ck_assert_int_eq(sf_utf8_valid("ok Кыргызстан oʻ", strlen("ok Кыргызстан oʻ"), &bad), 1);
	ck_assert_int_eq(sf_utf8_valid("ab\xC3", 3, &bad), 0); /* truncated */
	ck_assert_uint_eq(bad, 2);
	ck_assert_int_eq(sf_utf8_valid("\xC0\xAF", 2, &bad), 0); /* overlong */
	ck_assert_uint_eq(bad, 0);
	ck_assert_int_eq(sf_utf8_valid("x\xED\xA0\x80", 4, &bad), 0); /* surrogate */
	ck_assert_uint_eq(bad, 1);
	ck_assert_int_eq(sf_utf8_valid("\xF4\x90\x80\x80", 4, &bad), 0); /* > U+10FFFF */
	ck_assert_int_eq(sf_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F600);
	ck_assert_uint_eq(sf_utf8_count("oʻй", strlen("oʻй")), 3);
}
END_TEST

/* sf_utf8_valid reads eight bytes at a time where it can: on random
 * mixes of ASCII, two-byte characters, longer ones and broken bytes it
 * must agree with sf_utf8_decode, character by character, on whether the
 * text is valid and where the first fault is. */
START_TEST(utf8_valid_agrees_with_decode)
{
	static const char *const pieces[] = { "a", " ", "\xD0\xB6", "\xD1\x8F", "\xC2\x80", "\xDF\xBF",
					      "\xC0\x80", "\xC1\xBF", "\x80", "\xBF", "\xD0", "\xC2",
					      "\xE2\x80\x94", "\xE0\x80\x80", "\xED\xA0\x80",
					      "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80", "\xFF", "\xF8", "\n" };
	unsigned seed = 11;
	for (int round = 0; round < 200000; round++) {
		char text[64];
		size_t n = 0;
		int broken = round % 3 == 0; /* else mostly ASCII and Cyrillic */
		for (int k = 0; k < round % 24; k++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			size_t p = broken ? r % SF_NELEM(pieces) : r % 11 == 0 ? r % SF_NELEM(pieces) : r % 4;
			size_t l = strlen(pieces[p]);
			if (n + l > sizeof text)
				break;
			memcpy(text + n, pieces[p], l);
			n += l;
		}
		size_t want = n, at = 0;
		uint32_t cp;
		while (at < n) {
			int l = sf_utf8_decode(text + at, n - at, &cp);
			if (l == 0) {
				want = at;
				break;
			}
			at += (size_t)l;
		}
		size_t bad = 999;
		ck_assert_int_eq(sf_utf8_valid(text, n, &bad), (want == n));
		if (want != n)
			ck_assert_uint_eq(bad, want);
	}
}
END_TEST

START_TEST(suggest_near_names)
{
	static const char *const keys[] = { "id", "stage", "title", "review_by", "checklist" };
	ck_assert_str_eq(sf_suggest("stag", keys, 5), "stage");
	ck_assert_str_eq(sf_suggest("reveiw_by", keys, 5), "review_by"); /* transposition */
	ck_assert_str_eq(sf_suggest("Title", keys, 5), "title");
	ck_assert_ptr_null(sf_suggest("colour", keys, 5));
	ck_assert_uint_eq(sf_edit_distance("kitten", "sitting"), 3);
}
END_TEST

START_TEST(sink_sorts_and_ranks)
{
	sf_sink *s = sf_sink_new();
	sf_emit(s, SF_D_UNKNOWN_KEY, (sf_loc){ "b.md", 3, 1 }, "third");
	sf_emit(s, SF_D_EMPTY_BODY, (sf_loc){ "a.md", 9, 2 }, "second");
	sf_emit(s, SF_D_BAD_DATE, (sf_loc){ "a.md", 2, 5 }, "first");
	ck_assert_int_eq(sf_sink_worst(s), SF_ERROR);
	sf_sink_sort(s);
	ck_assert_str_eq(sf_sink_get(s, 0)->msg, "first");
	ck_assert_str_eq(sf_sink_get(s, 1)->msg, "second");
	ck_assert_str_eq(sf_sink_get(s, 2)->msg, "third");
	ck_assert_uint_eq(sf_sink_count_sev(s, SF_WARNING), 1);
	sf_sink_free(s);
}
END_TEST

START_TEST(sink_quotes_with_caret)
{
	sf_sink *s = sf_sink_new();
	static const char text[] = "id: x\r\ntitle: \"Кыргыз\" bad\n";
	sf_sink_source(s, "m.md", text, sizeof text - 1);
	sf_emit(s, SF_D_YAML_SYNTAX, (sf_loc){ "m.md", 2, 17 }, "boom");
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	sf_diag_print(s, sf_sink_get(s, 0), f, (sf_print_opts){ 1, 0 });
	fclose(f);
	ck_assert_str_eq(out, "m.md:2:17: error: boom [yaml-syntax]\n"
			      "     2 | title: \"Кыргыз\" bad\n"
			      "       |                 ^\n");
	free(out);
	sf_sink_free(s);
}
END_TEST

START_TEST(catalogue_is_severity_ordered)
{
	for (int c = 1; c < SF_D_COUNT; c++)
		ck_assert_int_ge(sf_dcode_severity(c - 1), sf_dcode_severity(c));
	ck_assert_str_eq(sf_dcode_name(SF_D_UNKNOWN_KEY), "unknown-key");
}
END_TEST

START_TEST(atomic_write_replaces)
{
	char dir[] = "/tmp/safar-test-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/x/y/out.txt", dir);
	char sub[64];
	snprintf(sub, sizeof sub, "%s/x/y", dir);
	ck_assert_int_eq(sf_mkdirs(sub), 0);
	ck_assert_int_eq(sf_write_atomic(path, "one", 3), 0);
	ck_assert_int_eq(sf_write_atomic(path, "two!", 4), 0);
	sf_arena *a = sf_arena_new();
	char *data;
	size_t len;
	int err;
	ck_assert_int_eq(sf_read_file(a, path, 100, &data, &len, &err), SF_READ_OK);
	ck_assert_str_eq(data, "two!");
	ck_assert_int_eq(sf_read_file(a, path, 3, &data, &len, &err), SF_READ_TOO_BIG);
	sf_arena_free(a);
	unlink(path);
	rmdir(sub);
	snprintf(sub, sizeof sub, "%s/x", dir);
	rmdir(sub);
	rmdir(dir);
}
END_TEST

START_TEST(strmap_first_wins_and_grows)
{
	sf_arena *a = sf_arena_new();
	sf_strmap *m = sf_strmap_new(a, 0);
	static int one = 1, two = 2, three = 3;
	ck_assert_ptr_null(sf_strmap_get(m, "kg", 2));
	ck_assert_ptr_null(sf_strmap_put(m, "kg", 2, &one));
	ck_assert_ptr_eq(sf_strmap_put(m, "kg", 2, &two), &one); /* the first one stays */
	ck_assert_ptr_eq(sf_strmap_get(m, "kg", 2), &one);
	/* Lengths, not NULs, end keys: "a\0b", "a" and "a\0c" are three keys. */
	ck_assert_ptr_null(sf_strmap_put(m, "a\0b", 3, &two));
	ck_assert_ptr_null(sf_strmap_put(m, "a", 1, &three));
	ck_assert_ptr_null(sf_strmap_get(m, "a\0c", 3));
	ck_assert_ptr_eq(sf_strmap_get(m, "a\0b", 3), &two);
	ck_assert_ptr_null(sf_strmap_put(m, "", 0, &three)); /* the empty key is a key */
	ck_assert_ptr_eq(sf_strmap_get(m, "", 0), &three);
	ck_assert_uint_eq(sf_strmap_count(m), 4);
	/* Far past its first size: every key is still found, each once. */
	enum { N = 100000 };
	char **keys = sf_alloc_array(a, N, sizeof *keys);
	for (int i = 0; i < N; i++) {
		keys[i] = sf_printf(a, "k%d", i);
		ck_assert_ptr_null(sf_strmap_put(m, keys[i], strlen(keys[i]), keys[i]));
	}
	for (int i = 0; i < N; i++) {
		char k[16];
		snprintf(k, sizeof k, "k%d", i);
		ck_assert_ptr_eq(sf_strmap_get(m, k, strlen(k)), keys[i]);
		ck_assert_ptr_eq(sf_strmap_put(m, k, strlen(k), &one), keys[i]);
	}
	ck_assert_ptr_null(sf_strmap_get(m, "k100000", 7));
	ck_assert_uint_eq(sf_strmap_count(m), N + 4);
	sf_arena_free(a);
}
END_TEST

/* Only regular files are read, and asking never blocks: a FIFO with no
 * writer would hang a blocking open for ever. */
START_TEST(read_file_only_regular)
{
	char dir[] = "/tmp/safar-read-XXXXXX", fifo[64], file[64], link[64];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	snprintf(file, sizeof file, "%s/file", dir);
	snprintf(link, sizeof link, "%s/link", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(sf_write_atomic(file, "ok", 2), 0);
	ck_assert_int_eq(symlink(file, link), 0);
	sf_arena *a = sf_arena_new();
	char *data;
	size_t len;
	int err = 0;
	ck_assert_int_eq(sf_read_file(a, fifo, 100, &data, &len, &err), SF_READ_NOT_REGULAR);
	ck_assert_int_eq(sf_read_file(a, dir, 100, &data, &len, &err), SF_READ_NOT_REGULAR);
	ck_assert_int_eq(sf_read_file(a, "/dev/zero", 100, &data, &len, &err), SF_READ_NOT_REGULAR);
	ck_assert_int_eq(sf_read_file(a, link, 100, &data, &len, &err), SF_READ_OK);
	ck_assert_str_eq(data, "ok");
	ck_assert_int_eq(sf_read_file_nofollow(a, link, 100, &data, &len, &err), SF_READ_ERROR);
	ck_assert_int_eq(err, ELOOP);
	ck_assert_int_eq(sf_read_file_nofollow(a, file, 100, &data, &len, &err), SF_READ_OK);
	sf_arena_free(a);
	unlink(link);
	unlink(file);
	unlink(fifo);
	rmdir(dir);
}
END_TEST

START_TEST(dates_round_trip)
{
	char out[11];
	ck_assert_int_eq(sf_date_parse("1970-01-01"), 0);
	ck_assert_int_eq(sf_date_parse("2028-02-29"), 21243);
	ck_assert_int_eq(sf_date_parse("2027-02-29"), -1); /* not a leap year */
	ck_assert_int_eq(sf_date_parse("2100-02-29"), -1); /* a century */
	ck_assert_int_eq(sf_date_parse("2000-02-29"), 11016); /* but a fourth one */
	ck_assert_int_eq(sf_date_parse("2027-1-01"), -1);
	ck_assert_int_eq(sf_date_parse("2027-01-01x"), -1);
	ck_assert_int_eq(sf_date_parse("1969-12-31"), -1);
	for (long d = 0; d < 40000; d += 37) {
		sf_date_str(d, out);
		ck_assert_int_eq(sf_date_parse(out), d);
	}
	sf_date_str(20717, out);
	ck_assert_str_eq(out, "2026-09-21");
}
END_TEST

Suite *suite_util(void)
{
	Suite *s = suite_create("util");
	TCase *t = tcase_create("util");
	tcase_add_test(t, arena_zeroed_and_aligned);
	tcase_add_test(t, arena_cleanups_run_once);
	tcase_add_test(t, arena_push_grows);
	tcase_add_test(t, buf_json_escapes);
	tcase_add_test(t, buf_json_escapes_every_control);
	tcase_add_test(t, buf_term_shows_controls);
	tcase_add_test(t, buf_xml_replaces_what_xml_forbids);
	tcase_add_test(t, utf8_strict);
	tcase_add_test(t, utf8_valid_agrees_with_decode);
	tcase_add_test(t, suggest_near_names);
	tcase_add_test(t, sink_sorts_and_ranks);
	tcase_add_test(t, sink_quotes_with_caret);
	tcase_add_test(t, catalogue_is_severity_ordered);
	tcase_add_test(t, atomic_write_replaces);
	tcase_add_test(t, dates_round_trip);
	tcase_add_test(t, read_file_only_regular);
	tcase_add_test(t, strmap_first_wins_and_grows);
	suite_add_tcase(s, t);
	return s;
}
