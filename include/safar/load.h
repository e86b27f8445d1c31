/* load.h: reading a content root from disk into the model. */
#ifndef SAFAR_LOAD_H
#define SAFAR_LOAD_H

#include "safar/arena.h"
#include "safar/diag.h"
#include "safar/model.h"

/* Picks the content root: dir when given; else "." when it holds safar.yaml
 * or corridors/; else the bundled content (*bundled set), which the command
 * must say it uses, or refuse (check). */
const char *sf_find_root(const char *dir, int *bundled);
/* Where the bundled sample content is: $SAFAR_DATADIR; else the source tree
 * this binary was built in, when it runs from there; else the installed data
 * directory. */
const char *sf_bundled_dir(void);

/* Loads the root at dir into *root. Every problem found is emitted to sink
 * and loading goes on, so one run reports them all. Returns 0, or -1 when the
 * root itself cannot be read (also emitted). Each file is read once; each
 * module body is parsed once. */
int sf_load(const char *dir, sf_arena *a, sf_sink *sink, sf_root *root);

typedef struct sf_load_opts {
	/* Keep no cmark tree (sf_module.doc stays NULL): the links and
	 * placeholders are still extracted. For commands that render nothing
	 * (check): ten thousand trees are most of a root's memory. */
	int no_trees;
} sf_load_opts;
/* sf_load with options (NULL: the defaults, as sf_load). */
int sf_load_ex(const char *dir, sf_arena *a, sf_sink *sink, const sf_load_opts *o, sf_root *root);

/* m's body parsed as the loader parses it, for a module loaded without its
 * tree (its strings made, so threads may share it); the caller frees it
 * with cmark_node_free. NULL when it has none. */
struct cmark_node *sf_body_tree(const sf_module *m);

/* Largest file safar reads. */
#define SF_MAX_FILE ((size_t)1 << 20)

#endif
