/* loadint.h: what the loader's files share with each other (load/ only). */
#ifndef SAFAR_LOAD_INT_H
#define SAFAR_LOAD_INT_H

#include "field.h"
#include "safar/load.h"

typedef struct lctx {
	fctx f;         /* arena and sink */
	const char *dir; /* the content root as given */
	const char *real; /* the same, every link resolved: nothing outside it is read */
	int no_trees;     /* sf_load_opts.no_trees */
	struct sf_strmap *names; /* placeholder names, each held once */
	/* The folder of the last file resolved, and its real path: files come
	 * folder by folder (src_real). */
	const char *dir_of, *dir_real;
	/* The folder src_read last opened (dir_fd, -1 when it could not, or
	 * leads out of the root): files are opened in it by name. */
	const char *fd_of;
	int dir_fd;
	/* A module's front-matter tree, reset per module (module_load). */
	sf_arena *nodes;
} lctx;

/* A file read whole and checked: size, UTF-8, BOM stripped, CRLF kept (the
 * YAML parser and our line counting both accept it). */
typedef struct srcfile {
	const char *path; /* as shown in diagnostics */
	const char *text;
	size_t len;
} srcfile;

/* src_read's flags. The optional files (safar.yaml, rules.yaml) may be empty
 * or hold only blank lines: the same as leaving them out. */
enum { SRC_MAY_BE_EMPTY = 1 };

/* Reads and validates rel (relative to the root); 0 on success, else the
 * problem has been reported. */
int src_read(lctx *c, const char *rel, int flags, srcfile *out);

/* Closes what src_read kept open. */
void src_done(lctx *c);

/* path with every link resolved, in the arena; NULL with errno set. */
const char *src_realpath(sf_arena *a, const char *path);
/* The same, NULL when it cannot be (a loop, a broken
 * link: reported, naming path). */
const char *src_real(lctx *c, const char *path);
/* 1 when real lies inside the content root; else reports path (a link) as
 * leading out of it, never naming what it points to, and returns 0. */
int src_within(lctx *c, const char *real, const char *path);
/* "a folder", "a FIFO (named pipe)", …: what a file of this st_mode is. */
const char *src_kind(unsigned mode);
/* Reports that path, named like a content file, is not a regular file. */
void src_not_a_file(lctx *c, const char *path, unsigned mode);

/* Lists regular files under root-relative dir whose names end in ext,
 * recursing when deep; sorted, root-relative paths. */
size_t walk_files(lctx *c, const char *dir, const char *ext, int deep, const char ***out);

void config_defaults(lctx *c, sf_config *cfg);
void config_load(lctx *c, const srcfile *f, sf_config *cfg);
int corridor_load(lctx *c, const srcfile *f, const char *stem, sf_corridor *out);
int module_load(lctx *c, const srcfile *f, sf_module *out);
/* Frees what module_load keeps from one module to the next. */
void module_done(void);
void rules_load(lctx *c, const srcfile *f, sf_root *root);
int i18n_load(lctx *c, const srcfile *f, const char *lang, sf_i18n_file *out);
/* For every language safar.yaml declares that safar has strings for: the
 * built-in file under the root's, key by key, or as its file when it has none. */
void i18n_builtin(lctx *c, sf_root *root);

#endif
