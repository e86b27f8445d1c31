/* report_formats.c: diagnostics as text, JSON (docs/check-json.md), GitHub workflow commands, JUnit XML. */
#include <errno.h>
#include <string.h>
#include <stdlib.h>

#include "safar/buf.h"
#include "safar/report.h"
#include "safar/resolve.h"
#include "safar/nelem.h"

const char *const sf_report_format_names[4] = { "text", "json", "github", "junit" };

static void text(sf_sink *sink, FILE *out, const sf_report_opts *o)
{
	sf_print_opts po = { o->verbose, o->color };
	size_t e = 0, w = 0;
	for (size_t i = 0; i < sf_sink_count(sink); i++) {
		const sf_diag *d = sf_sink_get(sink, i);
		if (d->sev == SF_WARNING)
			w++;
		else
			e++;
		if (!(o->quiet && d->sev == SF_WARNING))
			sf_diag_print(sink, d, out, po);
	}
	if (o->summary && !o->quiet && (e || w)) {
		/* Ends with counts by code, most severe first: what to fix first. */
		size_t by[SF_D_COUNT] = { 0 };
		for (size_t i = 0; i < sf_sink_count(sink); i++)
			by[sf_sink_get(sink, i)->code]++;
		fprintf(out, "%zu error%s, %zu warning%s", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s");
		const char *sep = ": ";
		for (int c = 0; c < SF_D_COUNT; c++)
			if (by[c]) {
				fprintf(out, "%s%s %zu", sep, sf_dcode_name((sf_dcode)c), by[c]);
				sep = ", ";
			}
		fputc('\n', out);
	}
}

static void json(sf_sink *sink, FILE *out)
{
	sf_buf b = { 0 };
	size_t e = 0, w = 0;
	sf_buf_puts(&b, "{\"version\":1,\"diagnostics\":[");
	for (size_t i = 0; i < sf_sink_count(sink); i++) {
		const sf_diag *d = sf_sink_get(sink, i);
		d->sev == SF_WARNING ? w++ : e++;
		sf_buf_puts(&b, i ? ",\n {\"file\":" : "\n {\"file\":");
		if (d->loc.path)
			sf_buf_json_str(&b, d->loc.path);
		else
			sf_buf_puts(&b, "null");
		sf_buf_printf(&b, ",\"line\":%d,\"column\":%d,\"severity\":\"%s\",\"code\":\"%s\",\"message\":",
			      d->loc.line > 0 ? d->loc.line : 1, d->loc.col > 0 ? d->loc.col : 1,
			      sf_severity_name(d->sev), sf_dcode_name(d->code));
		sf_buf_json_str(&b, d->msg);
		sf_buf_puts(&b, ",\"target\":");
		if (d->group)
			sf_buf_json_str(&b, d->group);
		else
			sf_buf_puts(&b, "null");
		sf_buf_putc(&b, '}');
	}
	sf_buf_printf(&b, "%s],\"summary\":{\"errors\":%zu,\"warnings\":%zu}}\n",
		      sf_sink_count(sink) ? "\n" : "", e, w);
	fwrite(b.data, 1, b.len, out);
	sf_buf_free(&b);
}

/* A workflow command's value: first escaped as for a terminal (the log
 * shows it; no control character may act there), then as the runner
 * decodes it: data escapes %, CR, LF; a property also : and , (the
 * escapes of actions/toolkit's command.ts). */
static void gh_esc(FILE *out, const char *s, int prop)
{
	sf_buf b = { 0 };
	sf_buf_term(&b, s, strlen(s));
	for (size_t i = 0; i < b.len; i++) {
		char c = b.data[i];
		if (c == '%')
			fputs("%25", out);
		else if (c == '\r')
			fputs("%0D", out);
		else if (c == '\n')
			fputs("%0A", out);
		else if (prop && c == ':')
			fputs("%3A", out);
		else if (prop && c == ',')
			fputs("%2C", out);
		else
			fputc(c, out);
	}
	sf_buf_free(&b);
}

/* Markdown text: a table cell holds no pipe, newline or markup. */
static void md_esc(FILE *out, const char *s)
{
	sf_buf b = { 0 };
	sf_buf_term(&b, s, strlen(s));
	for (size_t i = 0; i < b.len; i++) {
		char c = b.data[i];
		if (strchr("|\\`*_<>[]", c))
			fputc('\\', out);
		fputc(c == '\n' || c == '\r' ? ' ' : c, out);
	}
	sf_buf_free(&b);
}

/* $GITHUB_STEP_SUMMARY: counts by code, then every finding by file, so a
 * run with more findings than GitHub annotates still lists them all. */
static void step_summary(sf_sink *sink, FILE *f)
{
	size_t n = sf_sink_count(sink), e = 0, by[SF_D_COUNT] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const sf_diag *d = sf_sink_get(sink, i);
		e += d->sev != SF_WARNING;
		by[d->code]++;
	}
	fprintf(f, "## safar check\n\n%zu error%s, %zu warning%s.\n", e, e == 1 ? "" : "s", n - e,
		n - e == 1 ? "" : "s");
	if (!n)
		return;
	fputs("\n| code | severity | count |\n| --- | --- | --- |\n", f);
	for (int c = 0; c < SF_D_COUNT; c++)
		if (by[c])
			fprintf(f, "| `%s` | %s | %zu |\n", sf_dcode_name((sf_dcode)c),
				sf_severity_name(sf_dcode_severity((sf_dcode)c)), by[c]);
	fputs("\n| file | line | severity | code | message |\n| --- | --- | --- | --- | --- |\n", f);
	for (size_t i = 0; i < n; i++) {
		const sf_diag *d = sf_sink_get(sink, i);
		fputs("| ", f);
		md_esc(f, d->loc.path ? d->loc.path : "safar");
		fprintf(f, " | %d:%d | %s | `%s` | ", d->loc.line, d->loc.col, sf_severity_name(d->sev),
			sf_dcode_name(d->code));
		md_esc(f, d->msg);
		fputs(" |\n", f);
	}
}

/* GitHub shows at most 10 error and 10 warning annotations of a step: one
 * annotation per file, at its first finding, with its count and every
 * finding of the file in the message (docs/ci.md). */
static void github(sf_sink *sink, FILE *out)
{
	size_t n = sf_sink_count(sink);
	for (size_t i = 0; i < n;) {
		const sf_diag *d0 = sf_sink_get(sink, i);
		size_t j = i, e = 0;
		while (j < n) {
			const sf_diag *d = sf_sink_get(sink, j);
			const char *a = d0->loc.path, *b = d->loc.path;
			if (!(a == b || (a && b && strcmp(a, b) == 0)))
				break;
			e += d->sev != SF_WARNING;
			j++;
		}
		fprintf(out, "::%s ", e ? "error" : "warning");
		if (d0->loc.path) {
			fputs("file=", out);
			gh_esc(out, d0->loc.path, 1);
			fprintf(out, ",line=%d,col=%d,", d0->loc.line > 0 ? d0->loc.line : 1,
				d0->loc.col > 0 ? d0->loc.col : 1);
		}
		if (j - i == 1) {
			fputs("title=", out);
			gh_esc(out, sf_dcode_name(d0->code), 1);
			fputs("::", out);
			gh_esc(out, d0->msg, 0);
		} else {
			char title[96];
			snprintf(title, sizeof title, "safar: %zu findings (%zu error%s, %zu warning%s)", j - i,
				 e, e == 1 ? "" : "s", j - i - e, j - i - e == 1 ? "" : "s");
			fputs("title=", out);
			gh_esc(out, title, 1);
			fputs("::", out);
			for (size_t k = i; k < j; k++) {
				const sf_diag *d = sf_sink_get(sink, k);
				char head[96];
				if (k > i)
					fputs("%0A", out); /* a newline inside the annotation */
				snprintf(head, sizeof head, "line %d:%d %s [%s]: ", d->loc.line, d->loc.col,
					 sf_severity_name(d->sev), sf_dcode_name(d->code));
				gh_esc(out, head, 0);
				gh_esc(out, d->msg, 0);
			}
		}
		fputc('\n', out);
		i = j;
	}
	const char *path = getenv("GITHUB_STEP_SUMMARY");
	if (path && *path) {
		FILE *f = fopen(path, "a");
		if (!f) {
			fprintf(stderr, "safar: cannot append to GITHUB_STEP_SUMMARY %s: %s\n", path, strerror(errno));
			return;
		}
		step_summary(sink, f);
		if (fclose(f) != 0)
			fprintf(stderr, "safar: cannot write GITHUB_STEP_SUMMARY %s: %s\n", path, strerror(errno));
	}
}

static void diag_line(sf_buf *b, const sf_diag *d)
{
	sf_buf_xml_str(b, d->loc.path ? d->loc.path : "safar");
	sf_buf_printf(b, ":%d:%d: %s: ", d->loc.line > 0 ? d->loc.line : 1,
		      d->loc.col > 0 ? d->loc.col : 1, sf_severity_name(d->sev));
	sf_buf_xml_str(b, d->msg);
	sf_buf_printf(b, " [%s]\n", sf_dcode_name(d->code));
}

/* One testcase: its failures (errors) and, as system-out, its warnings. */
static void testcase(sf_buf *b, const char *cls, const char *name, const sf_diag **v, size_t n)
{
	sf_buf_puts(b, "  <testcase classname=\"");
	sf_buf_xml_str(b, cls);
	sf_buf_puts(b, "\" name=\"");
	sf_buf_xml_str(b, name);
	sf_buf_puts(b, "\" time=\"0\"");
	if (n == 0) {
		sf_buf_puts(b, "/>\n");
		return;
	}
	sf_buf_puts(b, ">\n");
	for (size_t i = 0; i < n; i++) {
		if (v[i]->sev == SF_WARNING)
			continue;
		sf_buf_puts(b, "   <failure type=\"");
		sf_buf_xml_str(b, sf_dcode_name(v[i]->code));
		sf_buf_puts(b, "\" message=\"");
		sf_buf_xml_str(b, v[i]->msg);
		sf_buf_puts(b, "\">");
		diag_line(b, v[i]);
		sf_buf_puts(b, "</failure>\n");
	}
	int warned = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i]->sev != SF_WARNING)
			continue;
		if (!warned++)
			sf_buf_puts(b, "   <system-out>");
		diag_line(b, v[i]);
	}
	if (warned)
		sf_buf_puts(b, "</system-out>\n");
	sf_buf_puts(b, "  </testcase>\n");
}

static size_t failures(const sf_diag **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i]->sev != SF_WARNING)
			return 1;
	return 0;
}

/* 1 when a finding's key covers the edition and stage k: each field equal,
 * or unset (every value). */
static int key_covers(const sf_diag_key *f, const sf_diag_key *k)
{
	const char *fv[] = { f->corridor, f->lang, f->sector, f->audience, f->stage };
	const char *kv[] = { k->corridor, k->lang, k->sector, k->audience, k->stage };
	for (size_t i = 0; i < SF_NELEM(fv); i++)
		if (fv[i] && strcmp(fv[i], kv[i]) != 0)
			return 0;
	return 1;
}

/* A testsuite per corridor with a testcase per target and stage; the
 * findings not about a target go to a suite "content", a testcase per file.
 * A finding about several targets (a corridor language) goes to the first. */
static void junit(sf_sink *sink, const sf_root *root, FILE *out)
{
	size_t nd = sf_sink_count(sink);
	const sf_diag **v = calloc(nd + 1, sizeof *v);
	unsigned char *used = calloc(nd + 1, 1);
	sf_arena *a = sf_arena_new();
	sf_buf b = { 0 }, suites = { 0 };
	size_t total_tests = 0, total_fail = 0;

	/* content: per file, the findings without a target. */
	sf_buf cases = { 0 };
	size_t tests = 0, fails = 0;
	for (size_t i = 0; i < nd;) {
		const sf_diag *d = sf_sink_get(sink, i);
		if (d->keyed) {
			i++;
			continue;
		}
		const char *file = d->loc.path ? d->loc.path : "safar";
		size_t n = 0;
		for (size_t j = i; j < nd; j++) {
			const sf_diag *e = sf_sink_get(sink, j);
			if (!e->keyed && strcmp(e->loc.path ? e->loc.path : "safar", file) == 0 && !used[j]) {
				v[n++] = e;
				used[j] = 1;
			}
		}
		if (n) {
			testcase(&cases, "content", file, v, n);
			tests++;
			fails += failures(v, n);
		}
		i++;
	}
	if (tests) {
		sf_buf_printf(&suites, " <testsuite name=\"content\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n%s </testsuite>\n",
			      tests, fails, cases.data);
		total_tests += tests, total_fail += fails;
	}
	sf_buf_free(&cases);

	sf_target *t = NULL;
	size_t nt = root ? sf_targets(root, NULL, a, &t) : 0;
	for (size_t i = 0; i < nt;) {
		const sf_corridor *co = t[i].corridor;
		sf_buf cs = { 0 };
		tests = fails = 0;
		for (; i < nt && t[i].corridor == co; i++)
			for (int s = 0; s < SF_NSTAGE; s++) {
				sf_diag_key k = { co->id, t[i].lang, t[i].sector ? t[i].sector : "all",
						  t[i].audience, sf_stage_names[s] };
				const char *name = sf_printf(a, "%s %s %s %s %s", co->id, t[i].lang,
							     t[i].sector ? t[i].sector : "all-sector",
							     t[i].audience, sf_stage_names[s]);
				size_t n = 0;
				for (size_t j = 0; j < nd; j++) {
					const sf_diag *e = sf_sink_get(sink, j);
					if (used[j] || !e->keyed || !key_covers(&e->key, &k))
						continue;
					v[n++] = e;
					used[j] = 1;
				}
				testcase(&cs, co->id, name, v, n);
				tests++;
				fails += failures(v, n);
			}
		sf_buf_puts(&suites, " <testsuite name=\"");
		sf_buf_xml_str(&suites, co->id);
		sf_buf_printf(&suites, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n%s </testsuite>\n",
			      tests, fails, cs.data ? cs.data : "");
		total_tests += tests, total_fail += fails;
		sf_buf_free(&cs);
	}
	sf_buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			  "<testsuites name=\"safar check\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n%s</testsuites>\n",
		      total_tests, total_fail, suites.data ? suites.data : "");
	fwrite(b.data, 1, b.len, out);
	sf_buf_free(&b);
	sf_buf_free(&suites);
	sf_arena_free(a);
	free(used);
	free(v);
}

void sf_report(sf_sink *sink, const sf_root *root, FILE *out, const sf_report_opts *o)
{
	sf_sink_sort(sink);
	switch (o->format) {
	case SF_REPORT_JSON: json(sink, out); break;
	case SF_REPORT_GITHUB: github(sink, out); break;
	case SF_REPORT_JUNIT: junit(sink, root, out); break;
	default: text(sink, out, o); break;
	}
}
