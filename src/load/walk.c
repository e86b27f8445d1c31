/* walk.c: finding content files: sorted, any depth, safe from link loops. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loadint.h"
#include "safar/buf.h"
#include "safar/fsio.h"
#include "safar/utf8.h"

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

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
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
	const char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* hidden files, editors' backups, . and .. */
		*SF_PUSH(c->f.a, names, n, cap) = sf_strdup(c->f.a, e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str); /* readdir order is not stable */

	for (size_t i = 0; i < n; i++) {
		const char *child = sf_printf(c->f.a, "%s/%s", rel, names[i]);
		const char *full = sf_path_join(c->f.a, c->dir, child);
		if (!sf_utf8_valid(names[i], strlen(names[i]), NULL)) {
			sf_emit(c->f.sink, SF_D_FILE_NAME,
				(sf_loc){ sf_printf(c->f.a, "%s/%s", path, escape_name(c->f.a, names[i])), 0, 0 },
				"file name is not valid UTF-8; rename it");
			continue;
		}
		struct stat st;
		if (stat(full, &st) != 0) {
			if (errno == ELOOP)
				sf_emit(c->f.sink, SF_D_SYMLINK_LOOP, (sf_loc){ full, 0, 0 },
					"symbolic link loop");
			else if (errno == ENOENT)
				sf_emit(c->f.sink, SF_D_IO, (sf_loc){ full, 0, 0 },
					"broken symbolic link");
			else
				sf_emit(c->f.sink, SF_D_IO, (sf_loc){ full, 0, 0 }, "cannot read: %s",
					strerror(errno));
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (!w->deep)
				continue;
			int loop = 0;
			for (int k = 0; k < w->depth; k++)
				if (w->stack[k].dev == st.st_dev && w->stack[k].ino == st.st_ino)
					loop = 1;
			if (loop) {
				sf_emit(c->f.sink, SF_D_SYMLINK_LOOP, (sf_loc){ full, 0, 0 },
					"directory link leads back to a directory above it; skipped");
				continue;
			}
			if (w->depth == (int)(sizeof w->stack / sizeof w->stack[0])) {
				sf_emit(c->f.sink, SF_D_SYMLINK_LOOP, (sf_loc){ full, 0, 0 },
					"directories nested more than 64 deep; skipped");
				continue;
			}
			w->stack[w->depth++] = (struct seen){ st.st_dev, st.st_ino };
			walk_dir(w, child);
			w->depth--;
		} else if (S_ISREG(st.st_mode) && ends_with(names[i], w->ext)) {
			*SF_PUSH(c->f.a, w->out, w->n, w->cap) = child;
		} else if (S_ISREG(st.st_mode) && !w->deep) {
			sf_emit(c->f.sink, SF_D_IGNORED_FILE, (sf_loc){ full, 0, 0 },
				"not read: only %s files are", w->ext);
		}
	}
}

size_t walk_files(lctx *c, const char *dir, const char *ext, int deep, const char ***out)
{
	struct walk w = { .c = c, .ext = ext, .deep = deep };
	struct stat st;
	const char *path = sf_path_join(c->f.a, c->dir, dir);
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*out = NULL;
		return 0;
	}
	w.stack[w.depth++] = (struct seen){ st.st_dev, st.st_ino };
	walk_dir(&w, dir);
	/* Children were visited in sorted order per directory; sort the whole
	 * list so "a/b.md" and "a-b.md" order by bytes, as paths do elsewhere. */
	if (w.n)
		qsort(w.out, w.n, sizeof *w.out, cmp_str);
	*out = w.out;
	return w.n;
}
