/* bench.c: `build/bench ROOT` prints the bytes of Markdown that the handbooks
 * of every edition of ROOT render (each edition's composition, module by
 * module), for the MB/s figure of `make bench` (tests/bench/bench.py). */
#include <stdio.h>

#include "safar/load.h"
#include "safar/resolve.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: bench ROOT\n", stderr);
		return 2;
	}
	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	sf_root root;
	if (sf_load(argv[1], a, sink, &root) != 0)
		return 3;
	sf_resolver *r = sf_resolver_new(&root, sink);
	sf_target *t;
	size_t n = sf_targets(&root, NULL, a, &t), bytes = 0;
	for (size_t i = 0; i < n; i++) {
		sf_arena *ta = sf_arena_new();
		sf_resolved res;
		sf_resolve(r, &t[i], ta, &res);
		for (size_t k = 0; k < res.ntopics; k++)
			for (size_t p = 0; p < res.topics[k].nparts; p++)
				bytes += res.topics[k].parts[p]->body_len;
		sf_arena_free(ta);
	}
	sf_resolver_free(r);
	printf("%zu %zu %zu\n", bytes, n, root.nmodules);
	sf_sink_free(sink);
	sf_arena_free(a);
	return 0;
}
