/* fsio.h: reading a file whole, and writing one atomically. */
#ifndef SAFAR_FSIO_H
#define SAFAR_FSIO_H

#include <stddef.h>

#include "safar/arena.h"

enum sf_read_status { SF_READ_OK, SF_READ_TOO_BIG, SF_READ_ERROR, SF_READ_NOT_REGULAR };

/* Reads path into arena memory (NUL-terminated) when it is a regular file of
 * at most max bytes. Never blocks: a directory, FIFO, device or socket gives
 * SF_READ_NOT_REGULAR unread. On SF_READ_ERROR, *err holds errno. */
int sf_read_file(sf_arena *a, const char *path, size_t max, char **data, size_t *len,
		 int *err);

/* The same, but a symbolic link as the last part of path is not followed
 * (SF_READ_ERROR, ELOOP): for a path already resolved and checked, so a link
 * put there since is not read. */
int sf_read_file_nofollow(sf_arena *a, const char *path, size_t max, char **data, size_t *len,
			  int *err);

/* Writes data to a temporary file beside path, then renames it over path,
 * so a reader never sees half a file. Returns 0, or -1 with errno set. */
int sf_write_atomic(const char *path, const char *data, size_t len);

/* mkdir -p; returns 0, or -1 with errno set. */
int sf_mkdirs(const char *path);

/* "dir/rel", or rel alone when dir is "." */
char *sf_path_join(sf_arena *a, const char *dir, const char *rel);

#endif
