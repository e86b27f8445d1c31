/* cmd_init.c: `safar init DIR`: a new content root, copied from the bundled content. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "safar/fsio.h"
#include "safar/load.h"

enum { O_HELP = 1 };

static const sf_opt opts[] = {
	SF_OPT_HELP(O_HELP),
};

static int run(int argc, char **argv);

const sf_cmd sf_cmd_init = { "init", "DIR",
			     "start a new content root in DIR from the bundled content",
			     opts, SF_NELEM(opts), run };

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Copies the regular files and folders under from into to, in name order;
 * hidden entries and links are skipped. Returns the files copied, or -1. */
static long copy_tree(sf_arena *a, sf_sink *sink, const char *from, const char *to)
{
	DIR *d = opendir(from);
	if (!d) {
		sf_emit(sink, SF_D_IO, (sf_loc){ from, 0, 0 }, "cannot read: %s", strerror(errno));
		return -1;
	}
	const char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			*SF_PUSH(a, names, n, cap) = sf_strdup(a, e->d_name);
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	if (sf_mkdirs(to) != 0) {
		sf_emit(sink, SF_D_IO, (sf_loc){ to, 0, 0 }, "cannot create: %s", strerror(errno));
		return -1;
	}
	long count = 0;
	for (size_t i = 0; i < n; i++) {
		const char *src = sf_printf(a, "%s/%s", from, names[i]);
		const char *dst = sf_printf(a, "%s/%s", to, names[i]);
		struct stat st;
		if (lstat(src, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			long k = copy_tree(a, sink, src, dst);
			if (k < 0)
				return -1;
			count += k;
		} else if (S_ISREG(st.st_mode)) {
			char *data;
			size_t len;
			int err;
			if (sf_read_file(a, src, SF_MAX_FILE, &data, &len, &err) != SF_READ_OK ||
			    sf_write_atomic(dst, data, len) != 0) {
				sf_emit(sink, SF_D_IO, (sf_loc){ dst, 0, 0 }, "cannot copy %s here", src);
				return -1;
			}
			count++;
		}
	}
	return count;
}

static int run(int argc, char **argv)
{
	sf_optparse p;
	const char *arg;
	int id;
	sf_optparse_init(&p, &sf_cmd_init, argc, argv);
	while ((id = sf_optparse_next(&p, &arg)) > 0)
		if (id == O_HELP) {
			sf_cmd_help(&sf_cmd_init);
			return EXIT_CLEAN;
		}
	if (id < 0)
		return EXIT_USAGE;
	if (p.nops != 1)
		return sf_usage_error(&sf_cmd_init, "say where: safar init DIR");
	const char *dir = argv[1];
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		int empty = 1;
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
				empty = 0;
		closedir(d);
		if (!empty)
			return sf_usage_error(&sf_cmd_init, "%s is not empty; init never overwrites", dir);
	}
	/* The bundled content, wherever this safar finds it without -C. */
	const char *from = sf_bundled_dir();
	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	static const char *const parts[] = { "safar.yaml", "rules.yaml", "corridors", "content", "i18n" };
	long total = 0;
	int status = EXIT_CLEAN;
	for (size_t i = 0; i < SF_NELEM(parts) && status == EXIT_CLEAN; i++) {
		const char *src = sf_printf(a, "%s/%s", from, parts[i]);
		const char *dst = sf_printf(a, "%s/%s", dir, parts[i]);
		struct stat st;
		if (stat(src, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			long k = copy_tree(a, sink, src, dst);
			status = k < 0 ? EXIT_SYSTEM : EXIT_CLEAN;
			total += k > 0 ? k : 0;
		} else {
			char *data;
			size_t len;
			int err;
			if (sf_mkdirs(dir) != 0 ||
			    sf_read_file(a, src, SF_MAX_FILE, &data, &len, &err) != SF_READ_OK ||
			    sf_write_atomic(dst, data, len) != 0) {
				sf_emit(sink, SF_D_IO, (sf_loc){ dst, 0, 0 }, "cannot copy %s here", src);
				status = EXIT_SYSTEM;
			}
			total++;
		}
	}
	if (status == EXIT_CLEAN && total == 0) {
		sf_emit(sink, SF_D_IO, (sf_loc){ from, 0, 0 },
			"no bundled content here (run 'make install', or set SAFAR_DATADIR)");
		status = EXIT_SYSTEM;
	}
	if (status == EXIT_CLEAN)
		fprintf(stderr, "safar: %s holds a copy of the bundled content (%ld files); edit it, then run 'safar check -C %s'\n",
			dir, total, dir);
	sf_report_text(sink, 0, 1);
	sf_sink_free(sink);
	sf_arena_free(a);
	return status;
}
