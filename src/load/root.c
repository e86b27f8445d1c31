/* root.c: which content root a command works on (DESIGN §1). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safar/load.h"

#ifndef SAFAR_DATADIR
#define SAFAR_DATADIR "/usr/local/share/safar"
#endif

static int exists(const char *path, int dir)
{
	struct stat st;
	return stat(path, &st) == 0 && (dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

/* dir holds a content root of its own. */
static int is_root(const char *dir)
{
	char p[PATH_MAX + 16];
	snprintf(p, sizeof p, "%s/corridors", dir);
	return exists(p, 1);
}

const char *sf_bundled_dir(void)
{
	/* SAFAR_DATADIR in the environment first (the tests use it). */
	const char *env = getenv("SAFAR_DATADIR");
	if (env && *env)
		return env;
	/* Right after make, the binary is ./safar or build/[san/]safar of the
	 * source tree, whose corridors/ and content/ are the bundled content
	 * (docs/decisions.md, "Which content root"). */
	static char here[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", here, sizeof here - 16);
	if (n > 0) {
		here[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(here, '/');
			if (!slash || slash == here)
				break;
			*slash = '\0';
			char p[PATH_MAX + 16];
			snprintf(p, sizeof p, "%s/content", here);
			if (is_root(here) && exists(p, 1))
				return here;
		}
	}
	return SAFAR_DATADIR;
}

const char *sf_find_root(const char *dir, int *bundled)
{
	*bundled = 0;
	if (dir)
		return dir;
	if (exists("safar.yaml", 0) || exists("corridors", 1))
		return ".";
	*bundled = 1;
	return sf_bundled_dir();
}
