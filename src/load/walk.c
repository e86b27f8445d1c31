/* walk.c: finding content files: sorted, any depth, safe from link loops, inside the root. */
/* d_type (what readdir says an entry is) is a BSD and glibc extension; where
 * it is missing every entry is looked at with lstat, as the walk always did. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loadint.h"
#include "safar/buf.h"
#include "safar/fsio.h"
#include "safar/utf8.h"
#include "safar/nelem.h"

struct seen {
	dev_t dev;
	ino_t ino;
};

struct walk {
	lctx *c;
	const char *ext;
	int deep;
	const char **out;
	size_t n, cap;
	struct seen stack[64]; /* the directories from the top to here */
	int depth;
};

static void walk_dir(struct walk *w, const char *rel);

#ifdef DT_REG
#define ENTRY_TYPE(e) ((unsigned char)(e)->d_type)
#define IS_REG_TYPE(t) ((t) == DT_REG)
#else
#define ENTRY_TYPE(e) 0
#define IS_REG_TYPE(t) 0
#endif

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A folder's entry: its name, and what readdir says it is. */
typedef struct entry {
	const char *name;
	unsigned char type;
} entry;

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static int ends_with(const char *s, const char *ext)
{
	size_t n = strlen(s), m = strlen(ext);
	return n > m && strcmp(s + n - m, ext) == 0;
}

/* A printable form of a name that is not UTF-8: bad bytes as \xHH, as a
 * terminal is shown them (sf_buf_term). */
static const char *escape_name(sf_arena *a, const char *s)
{
	sf_buf b = { 0 };
	sf_buf_term(&b, s, strlen(s));
	const char *o = sf_strdup(a, b.data);
	sf_buf_free(&b);
	return o;
}

/* path exists but cannot be looked at (errno says why). */
static void cannot_read(lctx *c, const char *path)
{
	sf_emit(c->f.sink, SF_D_IO, (sf_loc){ path, 0, 0 }, "cannot read: %s", strerror(errno));
}

/* For a link: *st becomes what it points to. 0 when it is not followed: it
 * cannot be resolved, or it leads out of the root to a folder or to a file
 * named like content (reported). A link out to any other file is left to be
 * ignored as any such file is: it will not be read either way. */
static int follow(struct walk *w, const char *full, int named, struct stat *st)
{
	lctx *c = w->c;
	const char *real = src_real(c, full);
	if (!real)
		return 0;
	if (stat(real, st) != 0) {
		cannot_read(c, full);
		return 0;
	}
	return !(named || S_ISDIR(st->st_mode)) || src_within(c, real, full);
}

/* A folder below the walk's top: walked once, never in a loop. */
static void enter(struct walk *w, const char *child, const char *full, const struct stat *st)
{
	lctx *c = w->c;
	for (int k = 0; k < w->depth; k++)
		if (w->stack[k].dev == st->st_dev && w->stack[k].ino == st->st_ino) {
			sf_emit(c->f.sink, SF_D_SYMLINK_LOOP, (sf_loc){ full, 0, 0 },
				"directory link leads back to a directory above it; skipped");
			return;
		}
	if (w->depth == (int)(SF_NELEM(w->stack))) {
		sf_emit(c->f.sink, SF_D_SYMLINK_LOOP, (sf_loc){ full, 0, 0 },
			"directories nested more than 64 deep; skipped");
		return;
	}
	w->stack[w->depth++] = (struct seen){ st->st_dev, st->st_ino };
	walk_dir(w, child);
	w->depth--;
}

/* One entry of a folder. Only regular files named like content are listed;
 * anything else so named is reported, never opened, so a FIFO or a device
 * can neither hang the run nor go missing unnoticed. */
static void visit(struct walk *w, const char *child, const char *name, unsigned char type)
{
	lctx *c = w->c;
	int named = ends_with(name, w->ext);
	/* readdir says a regular file (not a link): no lstat needed to list it
	 * or to leave it out; src_read opens it without following a link. */
	if (IS_REG_TYPE(type) && w->deep) {
		if (named)
			*SF_PUSH(c->f.a, w->out, w->n, w->cap) = child;
		return;
	}
	const char *full = sf_path_join(c->f.a, c->dir, child);
	struct stat st;
	if (lstat(full, &st) != 0) {
		cannot_read(c, full);
		return;
	}
	if (S_ISLNK(st.st_mode) && !follow(w, full, named, &st))
		return;
	if (S_ISDIR(st.st_mode) && named)
		src_not_a_file(c, full, (unsigned)st.st_mode);
	else if (S_ISDIR(st.st_mode) && w->deep)
		enter(w, child, full, &st);
	else if (S_ISREG(st.st_mode) && named)
		*SF_PUSH(c->f.a, w->out, w->n, w->cap) = child;
	else if (named)
		src_not_a_file(c, full, (unsigned)st.st_mode);
	else if (!S_ISDIR(st.st_mode) && !w->deep)
		sf_emit(c->f.sink, SF_D_IGNORED_FILE, (sf_loc){ full, 0, 0 },
			"not read: only %s files are", w->ext);
}

static void walk_dir(struct walk *w, const char *rel)
{
	lctx *c = w->c;
	const char *path = sf_path_join(c->f.a, c->dir, rel);
	DIR *d = opendir(path);
	if (!d) {
		sf_emit(c->f.sink, SF_D_IO, (sf_loc){ path, 0, 0 }, "cannot open directory: %s",
			strerror(errno));
		return;
	}
	entry *names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* hidden files, editors' backups, . and .. */
		*SF_PUSH(c->f.a, names, n, cap) = (entry){ sf_strdup(c->f.a, e->d_name), ENTRY_TYPE(e) };
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_entry); /* readdir order is not stable */

	size_t rn = strlen(rel);
	for (size_t i = 0; i < n; i++) {
		size_t nn = strlen(names[i].name);
		if (!sf_utf8_valid(names[i].name, nn, NULL)) {
			sf_emit(c->f.sink, SF_D_FILE_NAME,
				(sf_loc){ sf_printf(c->f.a, "%s/%s", path, escape_name(c->f.a, names[i].name)), 0, 0 },
				"file name is not valid UTF-8; rename it");
			continue;
		}
		char *child = sf_alloc(c->f.a, rn + nn + 2);
		memcpy(child, rel, rn);
		child[rn] = '/';
		memcpy(child + rn + 1, names[i].name, nn + 1);
		visit(w, child, names[i].name, names[i].type);
	}
}

/* The top folder (content/, corridors/, i18n/): absent is fine, but a link
 * out of the root or something that is not a folder is reported. */
static int top_dir(lctx *c, const char *path, struct stat *st)
{
	if (lstat(path, st) != 0) {
		if (errno != ENOENT)
			cannot_read(c, path);
		return 0;
	}
	if (S_ISLNK(st->st_mode)) {
		const char *real = src_real(c, path);
		if (!real || !src_within(c, real, path))
			return 0;
		if (stat(real, st) != 0) {
			cannot_read(c, path);
			return 0;
		}
	}
	if (S_ISDIR(st->st_mode))
		return 1;
	sf_emit(c->f.sink, SF_D_NOT_A_FILE, (sf_loc){ path, 0, 0 }, "%s where a folder must be; make it a folder",
		src_kind((unsigned)st->st_mode));
	return 0;
}

size_t walk_files(lctx *c, const char *dir, const char *ext, int deep, const char ***out)
{
	struct walk w = { .c = c, .ext = ext, .deep = deep };
	struct stat st;
	*out = NULL;
	if (!top_dir(c, sf_path_join(c->f.a, c->dir, dir), &st))
		return 0;
	w.stack[w.depth++] = (struct seen){ st.st_dev, st.st_ino };
	walk_dir(&w, dir);
	/* Children were visited in sorted order per directory; sort the whole
	 * list so "a/b.md" and "a-b.md" order by bytes, as paths do elsewhere. */
	if (w.n)
		qsort(w.out, w.n, sizeof *w.out, cmp_str);
	*out = w.out;
	return w.n;
}
