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

/* The same for name inside the folder open as dirfd (one component to look
 * up, not a whole path): SF_READ_ERROR with ELOOP when name is a link. */
int sf_read_file_at_nofollow(sf_arena *a, int dirfd, const char *name, size_t max, char **data,
			     size_t *len, int *err);

/* Writes data to a temporary file beside path, then renames it over path,
 * so a reader never sees half a file. Returns 0, or -1 with errno set. */
int sf_write_atomic(const char *path, const char *data, size_t len);

/* Like sf_write_atomic, but leaves path alone (its mtime too) when it holds
 * exactly these bytes already; *changed says which. 0, or -1 with errno. */
int sf_write_if_changed(const char *path, const char *data, size_t len, int *changed);
/* Renames tmp over path, or removes tmp when path holds the same bytes;
 * *changed says which. 0, or -1 with errno (tmp removed). */
int sf_tmp_commit_if_changed(const char *tmp, const char *path, int *changed);

/* Creates, exclusively, a new temporary file beside path, named
 * ".safar-tmp.<pid>.<n>.<basename>", into tmp (cap bytes). Returns its
 * descriptor, or -1 with errno set. */
int sf_tmp_open(const char *path, char *tmp, size_t cap);
/* Closes fd (unless -1) and renames tmp over path; on failure removes tmp.
 * Returns 0, or -1 with errno set. */
int sf_tmp_commit(int fd, const char *tmp, const char *path);
/* Removes, below dir, the temporary files of safar processes that no longer
 * run (a killed build's); follows no link. Returns how many. With deep 0,
 * only those in dir itself. */
size_t sf_remove_leftovers(const char *dir, int deep);

/* mkdir -p; returns 0, or -1 with errno set (ENOENT for ""). */
int sf_mkdirs(const char *path);

/* The absolute form of path without links, "." or "..", whether or not it
 * exists yet (its deepest existing folder resolved by realpath), malloc'd;
 * NULL with errno set. */
char *sf_abspath(const char *path);
/* 1 when the absolute path inner is outer or lies below it. */
int sf_path_within(const char *inner, const char *outer);

/* "dir/rel", or rel alone when dir is "." */
char *sf_path_join(sf_arena *a, const char *dir, const char *rel);

#endif
