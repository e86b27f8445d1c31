/* load.c: the loader's driver: settings, then corridors, then modules. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loadint.h"
#include "safar/fsio.h"

static int cmp_corridor(const void *a, const void *b)
{
	return strcmp(((const sf_corridor *)a)->id, ((const sf_corridor *)b)->id);
}

/* "corridors/kg-ru.yaml" -> "kg-ru" */
static const char *stem_of(sf_arena *a, const char *rel)
{
	const char *base = strrchr(rel, '/');
	base = base ? base + 1 : rel;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	return sf_strndup(a, base, n);
}

/* A root with nothing to build must not pass check in silence (a CI job
 * pointed at the wrong folder); an empty folder is one mistake, one error. */
static void empty_root(lctx *c, size_t ncorridor_files, size_t nmodule_files)
{
	sf_arena *a = c->f.a;
	const char *fix = "or start from 'safar init DIR'";
	if (ncorridor_files == 0 && nmodule_files == 0)
		sf_emit(c->f.sink, SF_D_EMPTY_ROOT, (sf_loc){ c->dir, 0, 0 },
			"no content root here: no corridors/*.yaml and no content/**/*.md; "
			"name the right folder with -C, %s", fix);
	else if (ncorridor_files == 0)
		sf_emit(c->f.sink, SF_D_EMPTY_ROOT, (sf_loc){ sf_path_join(a, c->dir, "corridors"), 0, 0 },
			"no corridor in this content root: add corridors/<id>.yaml, %s", fix);
	else if (nmodule_files == 0)
		sf_emit(c->f.sink, SF_D_EMPTY_ROOT, (sf_loc){ sf_path_join(a, c->dir, "content"), 0, 0 },
			"no module in this content root: add content/**/*.md, %s", fix);
}

/* Reads the optional file rel (safar.yaml, rules.yaml) when the root names
 * it at all: a broken link or a FIFO is reported, not taken for absence. */
static int read_optional(lctx *c, const char *rel, srcfile *f)
{
	struct stat st;
	if (lstat(sf_path_join(c->f.a, c->dir, rel), &st) != 0 && errno == ENOENT)
		return 1;
	return src_read(c, rel, SRC_MAY_BE_EMPTY, f) == 0 ? 0 : -1;
}

int sf_load(const char *dir, sf_arena *a, sf_sink *sink, sf_root *root)
{
	return sf_load_ex(dir, a, sink, NULL, root);
}

int sf_load_ex(const char *dir, sf_arena *a, sf_sink *sink, const sf_load_opts *o, sf_root *root)
{
	lctx c = { { a, sink }, dir, NULL, o && o->no_trees, NULL, NULL, NULL, NULL, -1, NULL };
	memset(root, 0, sizeof *root);
	root->dir = dir;

	struct stat st;
	errno = 0;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || !(c.real = src_realpath(a, dir))) {
		sf_emit(sink, SF_D_IO, (sf_loc){ dir, 0, 0 }, "cannot open content root: %s",
			errno ? strerror(errno) : "not a directory");
		return -1;
	}

	config_defaults(&c, &root->config);
	srcfile f;
	int r = read_optional(&c, "safar.yaml", &f);
	if (r == 0)
		config_load(&c, &f, &root->config);
	else if (r < 0)
		root->config.path = sf_path_join(a, dir, "safar.yaml");
	if (read_optional(&c, "rules.yaml", &f) == 0)
		rules_load(&c, &f, root);

	const char **files;
	size_t n = walk_files(&c, "corridors", ".yaml", 0, &files);
	root->corridors = sf_alloc_array(a, n + 1, sizeof *root->corridors);
	for (size_t i = 0; i < n; i++) {
		if (src_read(&c, files[i], 0, &f) != 0)
			continue;
		if (corridor_load(&c, &f, stem_of(a, files[i]), &root->corridors[root->ncorridors]) == 0)
			root->ncorridors++;
	}
	size_t ncorridor_files = n;
	if (root->ncorridors > 1)
		qsort(root->corridors, root->ncorridors, sizeof *root->corridors, cmp_corridor);

	/* i18n/<lang>.yaml: the stem is the language. */
	n = walk_files(&c, "i18n", ".yaml", 0, &files);
	root->i18n = sf_alloc_array(a, n + 1, sizeof *root->i18n);
	for (size_t i = 0; i < n; i++) {
		if (src_read(&c, files[i], 0, &f) != 0)
			continue;
		if (i18n_load(&c, &f, stem_of(a, files[i]), &root->i18n[root->ni18n]) == 0)
			root->ni18n++;
	}
	i18n_builtin(&c, root);

	n = walk_files(&c, "content", ".md", 1, &files);
	root->modules = sf_alloc_array(a, n + 1, sizeof *root->modules);
	for (size_t i = 0; i < n; i++) {
		if (src_read(&c, files[i], 0, &f) != 0)
			continue;
		if (module_load(&c, &f, &root->modules[root->nmodules]) == 0)
			root->nmodules++;
	}
	empty_root(&c, ncorridor_files, n);
	src_done(&c);
	sf_arena_free(c.nodes);
	module_done();
	return 0;
}
