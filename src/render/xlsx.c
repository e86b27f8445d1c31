/* xlsx.c: checklist.xlsx (a sheet per stage), and the workbook plumbing all XLSX share. */
/* memfd_create (Linux) */
#define _GNU_SOURCE 1
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "html.h"
#include "safar/buf.h"
#include "safar/fsio.h"
#include "safar/utf8.h"
#include "memo.h"
#include "xlsx.h"
#include "safar/nelem.h"

/* Where libxlsxwriter puts the parts of a workbook while it assembles one
 * (Debian's build has no in-memory option): each part is a temporary file
 * created, written, read back and removed, a dozen per workbook. On a disk
 * that costs more than making the workbook does, so they go to memory
 * (/dev/shm) when there is one we may write to; else TMPDIR, else /tmp.
 * docs/performance.md. */
static pthread_once_t tmpdir_once = PTHREAD_ONCE_INIT;
static char *tmpdir;

static void find_tmpdir(void)
{
	if (access("/dev/shm", W_OK | X_OK) == 0)
		tmpdir = "/dev/shm";
}

char *x_tmpdir(void)
{
	pthread_once(&tmpdir_once, find_tmpdir);
	return tmpdir;
}

/* Workbooks are assembled in memory where the system allows: an anonymous
 * file (memfd_create) that libxlsxwriter opens by its /proc/self/fd name,
 * then written to the output as any other file (sf_write_if_changed): no
 * temporary name in the output folder, nothing left behind by a killed
 * build, and one file created per workbook. Elsewhere, a temporary file
 * beside the output, renamed into place. */
static int mem_open(char *tmp, size_t cap)
{
#if defined(MFD_CLOEXEC)
	int fd = memfd_create("safar-xlsx", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	int n = snprintf(tmp, cap, "/proc/self/fd/%d", fd);
	if (n < 0 || (size_t)n >= cap || access(tmp, W_OK) != 0) {
		close(fd);
		return -1;
	}
	return fd;
#else
	(void)tmp, (void)cap;
	return -1;
#endif
}

/* The memfd a workbook named tmp is assembled in, else -1. */
static int mem_fd(const char *tmp)
{
	static const char pre[] = "/proc/self/fd/";
	if (strncmp(tmp, pre, sizeof pre - 1) != 0)
		return -1;
	return atoi(tmp + sizeof pre - 1);
}

lxw_workbook *x_workbook_new(const char *path, long date, const char *title, char *tmp,
			     size_t cap, sf_writes *w)
{
	/* The temporary file is created exclusively by us (see fsio.h);
	 * libxlsxwriter then opens that name and truncates it. */
	int mfd = mem_open(tmp, cap);
	int fd = mfd >= 0 ? mfd : sf_tmp_open(path, tmp, cap);
	lxw_workbook *wb = NULL;
	if (fd >= 0) {
		if (mfd < 0)
			close(fd);
		lxw_workbook_options opt = { .constant_memory = 0, .tmpdir = x_tmpdir(),
					     .use_zip64 = 0 };
		wb = workbook_new_opt(tmp, &opt);
		if (!wb) {
			int e = errno;
			if (mfd >= 0)
				close(mfd);
			else
				unlink(tmp);
			errno = e;
		}
	}
	if (!wb) {
		sf_writes_fail(w, path, "write", errno);
		return NULL;
	}
	xr_begin(wb);
	lxw_doc_properties props = { 0 };
	props.created = (time_t)(date * 86400); /* reproducible */
	props.title = (char *)title;
	workbook_set_properties(wb, &props);
	return wb;
}

/* Workbooks made once per process, by their recordings (xlsx.h). */
static pthread_once_t memo_once = PTHREAD_ONCE_INIT;
static memo *x_memo;

static void x_memo_new(void)
{
	x_memo = memo_new((size_t)64 << 20);
}

void x_memo_clear(void)
{
	memo_clear(x_memo);
}

/* The whole of the memfd fd, in a. */
static int read_fd(int fd, sf_arena *a, char **data, size_t *len)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return -1;
	size_t n = (size_t)st.st_size, off = 0;
	char *p = sf_alloc(a, n + 1);
	while (off < n) {
		ssize_t r = pread(fd, p + off, n - off, (off_t)off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		off += (size_t)r;
	}
	*data = p;
	*len = n;
	return 0;
}

int x_workbook_commit(lxw_workbook *wb, const char *tmp, const char *path, sf_writes *w)
{
	pthread_once(&memo_once, x_memo_new);
	int mfd = mem_fd(tmp), changed, err = 0;
	const char *key;
	size_t klen, len;
	int recorded = xr_end(wb, &key, &klen);
	const char *known = recorded ? memo_get(x_memo, key, klen, &len) : NULL;
	if (known) {
		/* The same calls made this workbook before: the same bytes. */
		lxw_workbook_free(wb);
		xr_release();
		if (mfd >= 0)
			close(mfd);
		else
			unlink(tmp);
		if (sf_write_if_changed(path, known, len, &changed) == 0) {
			sf_writes_done(w, path, changed);
			return 0;
		}
		sf_writes_fail(w, path, "write", errno);
		return -1;
	}
	xr_flush();
	lxw_error e = x_workbook_close(wb);
	err = errno;
	sf_arena *a = sf_arena_new();
	char *data = NULL;
	if (e == LXW_NO_ERROR) {
		int r = mfd >= 0 ? read_fd(mfd, a, &data, &len) : -1;
		if (mfd < 0 && recorded &&
		    sf_read_file_nofollow(a, tmp, (size_t)256 << 20, &data, &len, &err) != SF_READ_OK)
			data = NULL;
		if (mfd >= 0 && r != 0) {
			e = LXW_ERROR_CREATING_TMPFILE;
			err = errno ? errno : EIO;
		}
		if (recorded && data)
			memo_put(x_memo, key, klen, data, len);
	}
	xr_release();
	int rc = -1;
	if (e != LXW_NO_ERROR) {
		/* The zip layer says "ZIP_ERRNO"; the errno behind it (a full
		 * disk, say) is what the user can act on. */
		err = err ? err : EIO;
		if (mfd < 0)
			unlink(tmp);
	} else if (mfd >= 0 ? sf_write_if_changed(path, data, len, &changed) == 0
			    : sf_tmp_commit_if_changed(tmp, path, &changed) == 0) {
		sf_writes_done(w, path, changed);
		rc = 0;
	} else {
		err = errno;
	}
	if (mfd >= 0)
		close(mfd);
	sf_arena_free(a);
	if (rc != 0)
		sf_writes_fail(w, path, "write", err);
	return rc;
}

int x_open(xbook *x, const sf_output *o, const char *name)
{
	memset(x, 0, sizeof *x);
	x->path = sf_path_join(o->a, o->dir, name);
	x->wb = x_workbook_new(x->path, o->opts->date, name, x->tmp, sizeof x->tmp, o->w);
	if (!x->wb)
		return -1;
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	x->wrap = workbook_add_format(x->wb);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	x->header = workbook_add_format(x->wb);
	format_set_bold(x->header);
	format_set_bottom(x->header, LXW_BORDER_THIN);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	return 0;
}

/* libxlsxwriter writes the document dates with gmtime(), whose result is
 * one static buffer: two workbooks closing at once on two threads race on
 * it (ThreadSanitizer saw it). Closing is serialised; filling sheets is not. */
static pthread_mutex_t close_lock = PTHREAD_MUTEX_INITIALIZER;

lxw_error x_workbook_close(lxw_workbook *wb)
{
	pthread_mutex_lock(&close_lock);
	errno = 0;
	lxw_error e = workbook_close(wb);
	pthread_mutex_unlock(&close_lock);
	return e;
}

#if defined(X_ASAN)
/* libxlsxwriter 1.1.4 (Debian's) copies a list formula twice and keeps one
 * (fixed in 1.1.6, commit 5c5b3046): a few bytes per drop-down, not ours.
 * LeakSanitizer reads this hook. Its fast unwinder stops inside the library
 * (built without frame pointers), so it sees only lxw_strdup; valgrind
 * unwinds fully and tests/valgrind.supp names the exact call. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:lxw_strdup\n";
}

/* And says nothing of it: the tests compare what safar prints. */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif

void x_yesno(xbook *x, lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2)
{
	lxw_data_validation dv = { 0 };
	dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	dv.value_formula = "=" X_YESNO;
	worksheet_data_validation_range(ws, r1, c1, r2, c2, &dv);
	x->yesno = 1;
}

/* An inline list ("Yes,No") cannot hold a comma, and the interface strings
 * of a language may (docs/outputs.md): so yes and no are the cells A1 and A2
 * of a hidden last sheet, named for the drop-downs and formulas. A name,
 * not a sheet reference, because the sheets that use it come first. */
static void yesno_sheet(xbook *x, const sf_output *o)
{
	lxw_worksheet *ws = x_sheet(x->wb, "Lists");
	x_string(ws, 0, 0, o->str[SF_S_yes], NULL);
	x_string(ws, 1, 0, o->str[SF_S_no], NULL);
	worksheet_hide(ws);
	/* x_sheet leaves no ' in a sheet name, so quoting it is safe. */
	workbook_define_name(x->wb, X_YES, sf_printf(o->a, "='%s'!$A$1", ws->name));
	workbook_define_name(x->wb, X_YESNO, sf_printf(o->a, "='%s'!$A$1:$A$2", ws->name));
}

int x_close(xbook *x, const sf_output *o)
{
	if (x->yesno)
		yesno_sheet(x, o);
	return x_workbook_commit(x->wb, x->tmp, x->path, o->w);
}

lxw_error x_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
		   lxw_format *f)
{
	/* libxlsxwriter writes control characters as _xHHHH_ but U+FFFE raw,
	 * which leaves the workbook's XML ill-formed: Excel repairs it, other
	 * readers refuse it. */
	sf_buf b = { 0 };
	sf_buf_plain(&b, s);
	lxw_error e = worksheet_write_string(ws, row, col, b.data ? b.data : "", f);
	sf_buf_free(&b);
	return e;
}

/* Excel's rules (workbook_validate_sheet_name: length, characters, not
 * already used, whatever the case) and one libxlsxwriter leaves to us:
 * Excel reserves "History". */
static int sheet_ok(lxw_workbook *wb, const char *name)
{
	return workbook_validate_sheet_name(wb, name) == LXW_NO_ERROR &&
	       strcasecmp(name, "History") != 0;
}

lxw_worksheet *x_sheet(lxw_workbook *wb, const char *want)
{
	/* Keep whole characters: at most 28 of them, without the ones Excel
	 * forbids, control characters and non-characters; end[i] is the length
	 * in bytes of the first i + 1. */
	char base[4 * 28 + 1];
	size_t end[28], n = 0, chars = 0, len = strlen(want);
	for (size_t i = 0; i < len && chars < 28;) {
		uint32_t cp;
		int w = sf_utf8_decode(want + i, len - i, &cp);
		if (w <= 0)
			break;
		if (!strchr("[]:*?/\\'", want[i]) && !sf_cp_control(cp) && !sf_cp_nonchar(cp)) {
			memcpy(base + n, want + i, (size_t)w);
			n += (size_t)w;
			end[chars++] = n;
		}
		i += (size_t)w;
	}
	if (chars == 0)
		return x_sheet(wb, "Sheet");
	/* The name, else the name shortened to make room for " 2", " 3", …:
	 * only a name in use can fail now, so this ends, and it never returns
	 * NULL: content with two corridors of one id, or two stages translated
	 * alike, still builds (a fuzzer found the NULL this used to return). */
	char name[sizeof base + 24];
	for (unsigned long k = 1;; k++) {
		char suffix[24] = "";
		if (k > 1)
			snprintf(suffix, sizeof suffix, " %lu", k);
		size_t keep = 31 - strlen(suffix);
		int bytes = (int)(keep >= chars ? n : end[keep - 1]);
		snprintf(name, sizeof name, "%.*s%s", bytes, base, suffix);
		if (sheet_ok(wb, name))
			return workbook_add_worksheet(wb, name); /* which copies the name */
	}
}

static int render(void *state, const sf_output *o)
{
	(void)state;
	const sf_edition *e = o->ed;
	xbook x;
	if (x_open(&x, o, "checklist.xlsx") != 0)
		return -1;
	const char *cols[] = { o->str[SF_S_item], o->str[SF_S_done], o->str[SF_S_date],
			       o->str[SF_S_notes] };
	int sheets = 0;
	for (int s = 0; s < SF_NSTAGE; s++) {
		lxw_worksheet *ws = NULL;
		lxw_row_t row = 1;
		for (size_t i = 0; i < e->ntopics; i++) {
			const sf_ed_topic *t = &e->topics[i];
			for (size_t p = 0; t->stage == s && p < t->nparts; p++)
				for (size_t k = 0; k < t->parts[p].nchecklist; k++) {
					if (!ws) {
						ws = x_sheet(x.wb, o->str[H_STAGE(s)]);
						for (int c = 0; c < (int)SF_NELEM(cols); c++)
							x_string(ws, 0, (lxw_col_t)c, cols[c], x.header);
						worksheet_set_column(ws, 0, 0, 60, x.wrap);
						worksheet_set_column(ws, 1, 1, 10, NULL);
						worksheet_set_column(ws, 2, 2, 12, x.date);
						worksheet_set_column(ws, 3, 3, 30, x.wrap);
						worksheet_freeze_panes(ws, 1, 0);
						worksheet_fit_to_pages(ws, 1, 0);
						worksheet_repeat_rows(ws, 0, 0);
						worksheet_set_paper(ws, o->opts->paper_a4 ? 9 : 11);
						sheets++;
					}
					x_string(ws, row, 0, t->parts[p].checklist[k], x.wrap);
					row++;
				}
		}
		if (ws)
			x_yesno(&x, ws, 1, 1, row - 1, 1);
	}
	if (!sheets) /* a workbook needs one sheet; say there is nothing to tick */
		x_string(x_sheet(x.wb, o->str[SF_S_checklist]), 0, 0, o->str[SF_S_checklist],
			 x.header);
	return x_close(&x, o);
}

static void *no_state(void) { return NULL; }
static void no_free(void *p) { (void)p; }

const sf_renderer sf_render_xlsx = { "xlsx", SF_FMT_XLSX, no_state, render, no_free };
