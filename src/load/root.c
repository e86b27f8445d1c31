/* root.c: which content root a command works on (DESIGN §1). */
#include <stdlib.h>
#include <sys/stat.h>

#include "safar/load.h"

#ifndef SAFAR_DATADIR
#define SAFAR_DATADIR "/usr/local/share/safar"
#endif

static int exists(const char *path, int dir)
{
	struct stat st;
	return stat(path, &st) == 0 && (dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

const char *sf_find_root(const char *dir)
{
	if (dir)
		return dir;
	if (exists("safar.yaml", 0) || exists("corridors", 1))
		return ".";
	/* SAFAR_DATADIR in the environment lets an uninstalled build find its
	 * bundled content (the tests use it). */
	const char *env = getenv("SAFAR_DATADIR");
	return env && *env ? env : SAFAR_DATADIR;
}
