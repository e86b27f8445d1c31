/* bench.c: `make bench`: load, resolve every target, and parse bodies, timed. */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "safar/check.h"
#include "safar/load.h"
#include "safar/render.h"
#include "safar/resolve.h"
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define RUNS 5

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: bench ROOT\n", stderr);
		return 2;
	}
	double best_load = 1e9, best_resolve = 1e9, best_check = 1e9;
	size_t nmod = 0, ncor = 0, ntargets = 0, ntopics = 0, bytes = 0, rendered = 0;
	double best_build = 1e9, best_cmark = 1e9;
	for (int run = 0; run < RUNS; run++) {
		sf_arena *a = sf_arena_new();
		sf_sink *sink = sf_sink_new();
		sf_root root;
		double t0 = now();
		if (sf_load(argv[1], a, sink, &root) != 0)
			return 3;
		double t1 = now();
		sf_resolver *r = sf_resolver_new(&root, sink);
		sf_target *t;
		ntargets = sf_targets(&root, NULL, a, &t);
		ntopics = 0;
		rendered = 0;
		for (size_t i = 0; i < ntargets; i++) {
			sf_arena *ta = sf_arena_new();
			sf_resolved res;
			sf_resolve(r, &t[i], ta, &res);
			ntopics += res.ntopics;
			for (size_t k = 0; k < res.ntopics; k++)
				for (size_t p = 0; p < res.topics[k].nparts; p++)
					rendered += res.topics[k].parts[p]->body_len;
			sf_arena_free(ta);
		}
		double t2 = now();
		sf_resolver_free(r);
		/* What `safar check` does: schema, then every target again. */
		double t3 = now();
		sf_check_schema(&root, sink);
		sf_check_opts co = { 20000 };
		sf_check_content(&root, sink, &co);
		double t4 = now();
		/* The handbooks of every target, in parallel, into a scratch tree. */
		char outdir[] = "/tmp/safar-bench-XXXXXX";
		if (!mkdtemp(outdir))
			return 3;
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		sf_build_opts bo = { outdir, SF_FMT_HTML, cpus > 0 ? (int)cpus : 1, 0, 540, 20000, 0 };
		double t5 = now();
		sf_build(&root, NULL, &bo, sink, NULL);
		double t6 = now();
		char cmd[96];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", outdir);
		if (system(cmd) != 0)
			return 3;
		/* Raw cmark on the same bodies, each parsed and rendered once. */
		double t7 = now();
		for (size_t i = 0; i < root.nmodules; i++)
			free(cmark_markdown_to_html(root.modules[i].body, root.modules[i].body_len,
						    CMARK_OPT_DEFAULT));
		double t8 = now();
		if (t6 - t5 < best_build)
			best_build = t6 - t5;
		if (t8 - t7 < best_cmark)
			best_cmark = t8 - t7;
		if (sf_sink_worst(sink) >= SF_ERROR) {
			fprintf(stderr, "bench: the generated root has errors\n");
			return 1;
		}
		nmod = root.nmodules;
		ncor = root.ncorridors;
		bytes = 0;
		for (size_t i = 0; i < root.nmodules; i++)
			bytes += root.modules[i].body_len;
		if (t1 - t0 < best_load)
			best_load = t1 - t0;
		if (t2 - t1 < best_resolve)
			best_resolve = t2 - t1;
		if (t4 - t3 + (t1 - t0) < best_check)
			best_check = t4 - t3 + (t1 - t0);
		sf_sink_free(sink);
		sf_arena_free(a);
	}
	printf("root: %zu modules (%.1f MB of Markdown), %zu corridors, %zu targets, %zu topics resolved\n",
	       nmod, bytes / 1e6, ncor, ntargets, ntopics);
	printf("load (read, YAML, cmark parse):  %8.1f ms\n", best_load * 1e3);
	printf("resolve every target:            %8.1f ms  (%.1f us per target)\n",
	       best_resolve * 1e3, best_resolve * 1e6 / (double)(ntargets ? ntargets : 1));
	printf("check (load + every check):      %8.1f ms\n", best_check * 1e3);
	printf("build handbooks (-j %ld):         %8.1f ms  %.1f MB of Markdown rendered: %.1f MB/s\n",
	       sysconf(_SC_NPROCESSORS_ONLN), best_build * 1e3, rendered / 1e6, rendered / 1e6 / best_build);
	printf("raw cmark, parse + render:       %8.1f ms  %.1f MB: %.1f MB/s\n", best_cmark * 1e3,
	       bytes / 1e6, bytes / 1e6 / best_cmark);
	printf("best of %d runs\n", RUNS);
	return 0;
}
