/* resolution.c: `check` resolves every target so resolution errors surface in CI. */
#include "safar/check.h"
#include "safar/resolve.h"

void sf_check_resolve(const sf_root *root, sf_sink *sink)
{
	sf_resolver *r = sf_resolver_new(root, sink);
	sf_arena *a = sf_arena_new();
	sf_target *t;
	size_t n = sf_targets(root, NULL, a, &t);
	for (size_t i = 0; i < n; i++) {
		/* Each target's result is dropped at once; only diagnostics stay. */
		sf_arena *ta = sf_arena_new();
		sf_resolved res;
		sf_resolve(r, &t[i], ta, &res);
		sf_arena_free(ta);
	}
	sf_arena_free(a);
	sf_resolver_free(r);
}
