/* common.c: the fuzz harnesses' scratch content root, the container format, and one run of the pipeline. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "safar/check.h"
#include "safar/coverage.h"
#include "safar/date.h"
#include "safar/fsio.h"
#include "safar/load.h"
#include "safar/render.h"
#include "safar/report.h"

/* One folder per process, on tmpfs when there is one: root/ is the content
 * root the loader reads, out/ takes whatever the renderers write and is
 * removed after every input, so a long run never fills the disk. */
static struct {
	char base[512], root[560], out[560];
	FILE *devnull; /* where the reports go */
	long today;    /* a fixed date, so a run is the same on any day */
} fz;

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

static void rmtree(const char *path)
{
	nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void cleanup(void)
{
	rmtree(fz.base);
}

static void init(void)
{
	if (fz.devnull)
		return;
	const char *tmp = getenv("TMPDIR");
	if (access("/dev/shm", W_OK) == 0)
		tmp = "/dev/shm";
	else if (!tmp || !*tmp)
		tmp = "/tmp";
	snprintf(fz.base, sizeof fz.base, "%s/safar-fuzz.XXXXXX", tmp);
	if (!mkdtemp(fz.base)) {
		perror(fz.base);
		abort();
	}
	snprintf(fz.root, sizeof fz.root, "%s/root", fz.base);
	snprintf(fz.out, sizeof fz.out, "%s/out", fz.base);
	fz.devnull = fopen("/dev/null", "w");
	if (!fz.devnull || mkdir(fz.root, 0755) != 0)
		abort();
	fz.today = sf_days_from_civil(2026, 12, 1);
	atexit(cleanup);
}

/* A path the container may name: relative, components of [A-Za-z0-9._-]
 * that do not start with a dot (so no "..": nothing lands outside the
 * root), at most 8 deep. */
static int safe_path(const char *p, size_t n)
{
	if (n == 0 || n > 200)
		return 0;
	int depth = 1;
	for (size_t i = 0; i < n; i++) {
		char ch = p[i];
		int start = i == 0 || p[i - 1] == '/';
		if (ch == '/') {
			if (start || i + 1 == n || ++depth > 8)
				return 0;
		} else if ((start && ch == '.') ||
			   !(('a' <= ch && ch <= 'z') || ('A' <= ch && ch <= 'Z') ||
			     ('0' <= ch && ch <= '9') || ch == '.' || ch == '_' || ch == '-')) {
			return 0;
		}
	}
	return 1;
}

/* Writes data to root/rel, creating its folders; a path the fuzzer made
 * impossible (a file where a folder must be) is skipped. */
static void put(const char *rel, size_t rlen, const char *data, size_t len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%.*s", fz.root, (int)rlen, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	int ok = sf_mkdirs(path) == 0;
	*slash = '/';
	int fd = ok ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
	if (fd < 0)
		return;
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w <= 0)
			break;
		data += w, len -= (size_t)w;
	}
	close(fd);
}

/* The container: a line "==> PATH <==" (as head(1) prints between files)
 * starts the file PATH; its bytes run to the next such line or the end.
 * Bytes before the first marker are ignored, as are unsafe paths and files
 * past the 64th. */
#define MARK "==> "
#define MARK_END " <=="
#define MAX_FILES 64

/* The path of the marker line [p, eol), or NULL. */
static const char *marker(const char *p, const char *eol, size_t *n)
{
	size_t len = (size_t)(eol - p), m = strlen(MARK), e = strlen(MARK_END);
	if (len <= m + e || memcmp(p, MARK, m) != 0 || memcmp(eol - e, MARK_END, e) != 0)
		return NULL;
	*n = len - m - e;
	return p + m;
}

static void unpack(const char *data, size_t size)
{
	const char *p = data, *end = data + size, *path = NULL, *body = NULL;
	size_t plen = 0;
	int files = 0;
	for (;;) {
		const char *eol = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		const char *line_end = eol ? eol : end;
		size_t n = 0;
		const char *next = p < end ? marker(p, line_end, &n) : NULL;
		if (path && (next || p >= end) && files++ < MAX_FILES && safe_path(path, plen))
			put(path, plen, body, (size_t)(p - body));
		if (p >= end)
			break;
		if (next)
			path = next, plen = n, body = eol ? eol + 1 : end;
		p = eol ? eol + 1 : end;
	}
}

/* What `safar build` does: content with errors is not rendered
 * (docs/decisions.md), so neither is it here. */
static void build(const sf_root *root, sf_sink *sink)
{
	sf_check_resolve(root, sink);
	if (sf_sink_worst(sink) >= SF_ERROR)
		return;
	sf_build_opts o = { .outdir = fz.out, .formats = SF_FMT_ALL, .jobs = 1,
			    .start_minutes = 9 * 60, .date = fz.today };
	sf_build(root, NULL, &o, sink, NULL);
}

/* `safar coverage` in every format. */
static void coverage(const sf_root *root, sf_sink *sink, sf_arena *a)
{
	sf_coverage cov;
	sf_coverage_compute(root, sink, fz.today, a, &cov);
	sf_buf b = { 0 };
	for (int f = SF_COV_TEXT; f < SF_COV_XLSX; f++) {
		sf_coverage_format(&b, &cov, f);
		sf_buf_reset(&b);
	}
	sf_buf_free(&b);
	if (sf_mkdirs(fz.out) == 0)
		sf_coverage_xlsx(&cov, sf_path_join(a, fz.out, "coverage.xlsx"), fz.today, sink);
}

/* `safar dump`, `safar sms` and `safar explain` for every target and each
 * of its topics: none refuses content with errors. */
static void editions(const sf_root *root, sf_sink *sink, sf_arena *a)
{
	sf_target *t;
	size_t n = sf_targets(root, NULL, a, &t);
	sf_resolver *r = sf_resolver_new(root, sink);
	sf_buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		sf_arena *ta = sf_arena_new();
		sf_edition ed;
		sf_edition_make(r, &t[i], fz.today, ta, &ed);
		sf_sms_csv(&b, &ed, 1);
		sf_buf_reset(&b);
		sf_edition_dump(&ed, &b);
		sf_buf_reset(&b);
		for (size_t k = 0; k < ed.ntopics; k++) {
			sf_explanation *e;
			sf_explain(r, &t[i], ed.topics[k].id, ta, &e);
		}
		sf_arena_free(ta);
	}
	sf_buf_free(&b);
	sf_resolver_free(r);
}

/* `safar check` in every report format, source lines quoted. */
static void reports(sf_sink *sink, const sf_root *root)
{
	for (int f = SF_REPORT_TEXT; f <= SF_REPORT_JUNIT; f++) {
		sf_report_opts o = { f, 1, 1, 0, 1 };
		sf_report(sink, root, fz.devnull, &o);
	}
	fflush(fz.devnull);
}

static void run(int flags)
{
	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	sf_root root;
	int loaded = sf_load(fz.root, a, sink, &root) == 0;
	if (loaded) {
		sf_check_schema(&root, sink);
		if (flags & FZ_RENDER)
			build(&root, sink);
		sf_check_opts co = { fz.today };
		sf_check_content(&root, sink, &co);
		if (flags & FZ_RENDER) {
			coverage(&root, sink, a);
			editions(&root, sink, a);
		}
	}
	reports(sink, loaded ? &root : NULL);
	sf_sink_free(sink);
	sf_arena_free(a);
	rmtree(fz.out);
}

/* The valid root the kind targets put their one file into: small, so that
 * each input runs fast, yet with a fact, a rule, a contact per side and a
 * module that uses them. */
static const char context[] =
	"==> safar.yaml <==\n"
	"languages: [en, ru]\n"
	"fallback: { ru: [en] }\n"
	"audiences: [general, women]\n"
	"sectors: [construction]\n"
	"required: { PDO: [contract] }\n"
	"==> corridors/kg-ru.yaml <==\n"
	"id: kg-ru\n"
	"origin: KG\n"
	"destination: RU\n"
	"title: { en: \"Kyrgyzstan to Russia\", ru: \"Из Кыргызстана в Россию\" }\n"
	"languages: [ru, en]\n"
	"sectors: [construction]\n"
	"audiences: [general, women]\n"
	"facts:\n"
	"  office: { en: \"the office\", ru: \"офис\" }\n"
	"contacts:\n"
	"  - name: Origin office\n"
	"    side: origin\n"
	"    phone: \"+10000000000\"\n"
	"  - name: Destination office\n"
	"    side: destination\n"
	"    url: https://example.org/\n"
	"==> rules.yaml <==\n"
	"- when: { destination: RU }\n"
	"  facts: { hotline: \"112\" }\n"
	"==> i18n/ru.yaml <==\n"
	"contents: \"Содержание\"\n"
	"==> content/pdo/contract.en.md <==\n"
	"---\n"
	"id: contract\n"
	"stage: PDO\n"
	"title: Your contract\n"
	"lang: en\n"
	"minutes: 15\n"
	"review_by: 2027-06-30\n"
	"status: reviewed\nreviewed: {on: 2026-01-01, by: fixture}\n"
	"sources: [\"A source\"]\n"
	"sms: \"Ask {{office}}; call {{hotline}}.\"\n"
	"checklist: [\"Read it with {{office}}\"]\n"
	"trainer_notes: Ask who has a contract.\n"
	"quiz: [{ q: Who pays?, options: [You, The employer], answer: 1 }]\n"
	"---\n"
	"Ask {{office}}. See [the contract](#PDO-contract).\n"
	"==> content/pdo/contract.ru.md <==\n"
	"---\n"
	"id: contract\n"
	"stage: PDO\n"
	"title: Ваш договор\n"
	"lang: ru\n"
	"review_by: 2027-06-30\n"
	"sources: [\"Источник\"]\n"
	"when: { audience: women }\n"
	"---\n"
	"Спросите {{office}}.\n";

int fz_kind(const char *rel, const uint8_t *data, size_t size, int flags)
{
	static int ready;
	if (!ready) {
		init();
		unpack(context, sizeof context - 1);
		ready = 1;
	}
	put(rel, strlen(rel), (const char *)data, size);
	run(flags);
	return 0;
}

int fz_container(const uint8_t *data, size_t size, int flags)
{
	init();
	rmtree(fz.root);
	if (mkdir(fz.root, 0755) != 0)
		abort();
	unpack((const char *)data, size);
	run(flags);
	return 0;
}
