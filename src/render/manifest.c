/* manifest.c: out/.safar-manifest: the files safar wrote, so a later build removes its own that no edition produces any more. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "manifest.h"
#include "safar/fsio.h"
#include "safar/xalloc.h"

#define MANIFEST ".safar-manifest"
#define HEADER "# safar manifest 1: the files safar wrote here; it removes only these\n"
/* "#draft kg-ru/ky/all/women": an edition whose text has drafts, so the
 * index can mark it when a narrowed build did not build it again. */
#define DRAFT "#draft "

/* A path safar could have written: relative, no "." or ".." part, no
 * empty part. A manifest edited by hand (or planted) never makes a build
 * remove anything outside -o. */
static int safe_rel(const char *p)
{
	if (!*p || *p == '/')
		return 0;
	for (const char *s = p; *s;) {
		size_t n = strcspn(s, "/");
		if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
			return 0;
		s += n;
		if (*s == '/')
			s++;
	}
	return 1;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

void mf_open(manifest *m, const char *outdir)
{
	memset(m, 0, sizeof *m);
	m->a = sf_arena_new();
	m->outdir = outdir;
	m->old = sf_strmap_new(m->a, 0);
	m->now = sf_strmap_new(m->a, 0);
	m->draft_old = sf_strmap_new(m->a, 0);
	m->draft_now = sf_strmap_new(m->a, 0);
	m->built = sf_strmap_new(m->a, 0);
	pthread_mutex_init(&m->lock, NULL);
	char *data;
	size_t len;
	int err;
	const char *path = sf_path_join(m->a, outdir, MANIFEST);
	if (sf_read_file_nofollow(m->a, path, (size_t)64 << 20, &data, &len, &err) != SF_READ_OK)
		return;
	size_t cap = 0;
	for (char *line = data; *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (strncmp(line, DRAFT, sizeof DRAFT - 1) == 0)
			sf_strmap_put(m->draft_old, line + sizeof DRAFT - 1, strlen(line + sizeof DRAFT - 1), line);
		else if (*line != '#' && safe_rel(line) && !sf_strmap_put(m->old, line, strlen(line), line))
			*SF_PUSH(m->a, m->oldv, m->nold, cap) = line;
		if (!nl)
			break;
		line = nl + 1;
	}
	/* Sorted (as written), so an edition's files are one run. */
	if (m->nold > 1)
		qsort(m->oldv, m->nold, sizeof *m->oldv, cmp_str);
}

void mf_produced(manifest *m, const char *path)
{
	size_t n = strlen(m->outdir);
	while (n > 1 && m->outdir[n - 1] == '/')
		n--;
	if (strncmp(path, m->outdir, n) != 0 || path[n] != '/')
		return;
	const char *rel = path + n + 1;
	mf_produced_rel(m, &rel, 1);
}

void mf_produced_rel(manifest *m, const char *const *rel, size_t n)
{
	pthread_mutex_lock(&m->lock);
	for (size_t i = 0; i < n; i++) {
		char *copy = sf_strdup(m->a, rel[i]);
		if (!sf_strmap_put(m->now, copy, strlen(copy), copy))
			*SF_PUSH(m->a, m->nowv, m->nnow, m->capnow) = copy;
	}
	pthread_mutex_unlock(&m->lock);
}

void mf_edition(manifest *m, const char *dir, int draft)
{
	pthread_mutex_lock(&m->lock);
	char *copy = sf_strdup(m->a, dir);
	sf_strmap_put(m->built, copy, strlen(copy), copy);
	if (draft)
		sf_strmap_put(m->draft_now, copy, strlen(copy), copy);
	pthread_mutex_unlock(&m->lock);
}

int mf_is_draft(manifest *m, const char *dir)
{
	size_t n = strlen(dir);
	int draft = sf_strmap_get(m->built, dir, n) ? sf_strmap_get(m->draft_now, dir, n) != NULL
						     : sf_strmap_get(m->draft_old, dir, n) != NULL;
	if (draft)
		*SF_PUSH(m->a, m->draftv, m->ndraft, m->capdraft) = sf_strdup(m->a, dir);
	return draft;
}

int mf_has(const manifest *m, const char *rel)
{
	return sf_strmap_get(m->now, rel, strlen(rel)) != NULL;
}

/* Removes dir's now empty folders up to (not including) outdir. */
static void prune_dirs(const manifest *m, const char *rel)
{
	char *p = sf_xstrdup(rel);
	for (char *slash = strrchr(p, '/'); slash; slash = strrchr(p, '/')) {
		*slash = '\0';
		const char *dir = sf_path_join(m->a, m->outdir, p);
		if (rmdir(dir) != 0)
			break; /* not empty, or not ours to remove */
	}
	free(p);
}

size_t mf_settle(manifest *m, int (*keep)(void *ctx, const char *rel), void *ctx)
{
	size_t removed = 0;
	for (size_t i = 0; i < m->nold; i++) {
		const char *rel = m->oldv[i];
		if (mf_has(m, rel))
			continue;
		if (keep(ctx, rel)) {
			sf_strmap_put(m->now, rel, strlen(rel), (void *)rel);
			*SF_PUSH(m->a, m->nowv, m->nnow, m->capnow) = rel;
			continue;
		}
		const char *path = sf_path_join(m->a, m->outdir, rel);
		/* unlink() removes a link, never what it points at. */
		if (unlink(path) == 0 || errno == ENOENT) {
			removed++;
			prune_dirs(m, rel);
		}
	}
	return removed;
}

void mf_close(manifest *m, sf_writes *w)
{
	if (m->nnow > 1)
		qsort(m->nowv, m->nnow, sizeof *m->nowv, cmp_str);
	sf_buf b = { 0 };
	sf_buf_puts(&b, HEADER);
	for (size_t i = 0; i < m->ndraft; i++)
		sf_buf_printf(&b, DRAFT "%s\n", m->draftv[i]);
	for (size_t i = 0; i < m->nnow; i++)
		sf_buf_printf(&b, "%s\n", m->nowv[i]);
	const char *path = sf_path_join(m->a, m->outdir, MANIFEST);
	int changed = 0;
	if (sf_write_if_changed(path, b.data, b.len, &changed) != 0)
		sf_writes_fail(w, path, "write", errno);
	sf_buf_free(&b);
	pthread_mutex_destroy(&m->lock);
	sf_arena_free(m->a);
}

size_t mf_old_under(const manifest *m, const char *rel, const char *const **first)
{
	size_t n = strlen(rel), lo = 0, hi = m->nold;
	/* The first entry not below rel + "/" in strcmp order. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(m->oldv[mid], rel, n);
		if (c < 0 || (c == 0 && (unsigned char)m->oldv[mid][n] < '/'))
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t k = lo;
	while (k < m->nold && strncmp(m->oldv[k], rel, n) == 0 && m->oldv[k][n] == '/')
		k++;
	*first = m->oldv + lo;
	return k - lo;
}

#define EDITIONS ".safar-editions"
#define EDITIONS_HEADER "# safar editions 1: what each edition was made from; delete to rebuild all\n"

void mf_editions_open(mf_editions *e, const char *outdir)
{
	memset(e, 0, sizeof *e);
	e->a = sf_arena_new();
	e->path = sf_path_join(e->a, outdir, EDITIONS);
	e->old = sf_strmap_new(e->a, 0);
	char *data;
	size_t len;
	int err;
	struct stat st;
	if (lstat(e->path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    sf_read_file_nofollow(e->a, e->path, (size_t)64 << 20, &data, &len, &err) != SF_READ_OK)
		return;
	e->mtime = st.st_mtim;
	e->found = 1;
	size_t cap = 0;
	for (char *line = data; *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *sp = strchr(line, ' ');
		if (*line != '#' && sp && strlen(sp + 1) == 16) {
			*sp = '\0';
			if (safe_rel(line) && !sf_strmap_put(e->old, line, strlen(line), sp + 1))
				*SF_PUSH(e->a, e->oldv, e->nold, cap) = line;
		}
		if (!nl)
			break;
		line = nl + 1;
	}
}

int mf_editions_same(const mf_editions *e, const char *rel, uint64_t h)
{
	const char *old = sf_strmap_get(e->old, rel, strlen(rel));
	char hex[17];
	snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
	return old && strcmp(old, hex) == 0;
}

int mf_editions_newer(const mf_editions *e, const struct timespec *t)
{
	return t->tv_sec != e->mtime.tv_sec ? t->tv_sec > e->mtime.tv_sec
					      : t->tv_nsec > e->mtime.tv_nsec;
}

void mf_editions_drop(mf_editions *e)
{
	int no = 0;
	if (atomic_compare_exchange_strong(&e->dropped, &no, 1))
		unlink(e->path);
}

void mf_editions_close(mf_editions *e, const char *const *rel, const uint64_t *h, size_t n,
		       int (*keep)(void *ctx, const char *rel), void *ctx, sf_writes *w)
{
	sf_strmap *now = sf_strmap_new(e->a, n);
	const char **v = sf_alloc_array(e->a, n + e->nold + 1, sizeof *v);
	size_t nv = 0;
	for (size_t i = 0; i < n; i++)
		if (rel[i] && !sf_strmap_put(now, rel[i], strlen(rel[i]), (void *)rel[i]))
			v[nv++] = sf_printf(e->a, "%s %016llx", rel[i], (unsigned long long)h[i]);
	for (size_t i = 0; i < e->nold; i++)
		if (!sf_strmap_get(now, e->oldv[i], strlen(e->oldv[i])) && keep(ctx, e->oldv[i]))
			v[nv++] = sf_printf(e->a, "%s %s", e->oldv[i],
					    (const char *)sf_strmap_get(e->old, e->oldv[i], strlen(e->oldv[i])));
	qsort(v, nv, sizeof *v, cmp_str);
	sf_buf b = { 0 };
	sf_buf_puts(&b, EDITIONS_HEADER);
	for (size_t i = 0; i < nv; i++)
		sf_buf_printf(&b, "%s\n", v[i]);
	int changed = 0;
	if (sf_write_if_changed(e->path, b.data, b.len, &changed) != 0)
		sf_writes_fail(w, e->path, "write", errno);
	sf_buf_free(&b);
	sf_arena_free(e->a);
}
