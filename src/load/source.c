/* source.c: reading one content file whole and checking its bytes; only inside the content root. */
/* realpath is XSI; the rest of safar asks only for POSIX. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loadint.h"
#include "safar/fsio.h"
#include "safar/utf8.h"

/* Line and column (in code points) of byte offset off. */
static sf_loc loc_of(const char *path, const char *text, size_t off)
{
	int line = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n')
			line++, start = i + 1;
	return (sf_loc){ path, line, (int)sf_utf8_count(text + start, off - start) + 1 };
}

const char *src_realpath(sf_arena *a, const char *path)
{
	char *r = realpath(path, NULL);
	if (!r)
		return NULL;
	const char *real = sf_strdup(a, r);
	free(r);
	return real;
}

/* The real path of a file that is not a link: its folder's, resolved once
 * per folder, and its name. NULL when that does not apply (realpath then
 * says what is wrong). */
static const char *real_by_folder(lctx *c, const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	if (!slash || !*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return NULL;
	struct stat st;
	if (lstat(path, &st) != 0 || S_ISLNK(st.st_mode))
		return NULL;
	size_t dn = (size_t)(slash - path);
	if (!c->dir_of || strlen(c->dir_of) != dn || strncmp(c->dir_of, path, dn) != 0) {
		const char *dir = sf_strndup(c->f.a, path, dn ? dn : 1);
		const char *real = src_realpath(c->f.a, dir);
		if (!real)
			return NULL;
		c->dir_of = sf_strndup(c->f.a, path, dn);
		c->dir_real = real;
	}
	return sf_printf(c->f.a, "%s/%s", strcmp(c->dir_real, "/") == 0 ? "" : c->dir_real, base);
}

const char *src_real(lctx *c, const char *path)
{
	const char *real = real_by_folder(c, path);
	if (real)
		return real;
	real = src_realpath(c->f.a, path);
	if (!real) {
		sf_loc at = { path, 0, 0 };
		if (errno == ELOOP)
			sf_emit(c->f.sink, SF_D_SYMLINK_LOOP, at, "symbolic link loop");
		else if (errno == ENOENT)
			sf_emit(c->f.sink, SF_D_IO, at, "broken symbolic link");
		else
			sf_emit(c->f.sink, SF_D_IO, at, "cannot read: %s", strerror(errno));
		return NULL;
	}
	return real;
}

int src_within(lctx *c, const char *real, const char *path)
{
	size_t n = strlen(c->real);
	if (strcmp(c->real, "/") == 0 ||
	    (strncmp(real, c->real, n) == 0 && (real[n] == '/' || real[n] == '\0')))
		return 1;
	/* Named by the link only: where it points may itself be private. */
	sf_emit(c->f.sink, SF_D_OUTSIDE_ROOT, (sf_loc){ path, 0, 0 },
		"a link out of the content root, not followed: copy what it points to into the root instead");
	return 0;
}

const char *src_kind(unsigned mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISFIFO(mode))
		return "a FIFO (named pipe)";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return S_ISREG(mode) ? "a regular file" : "not a regular file";
}

void src_not_a_file(lctx *c, const char *path, unsigned mode)
{
	sf_loc at = { path, 0, 0 };
	if (S_ISDIR(mode))
		sf_emit(c->f.sink, SF_D_NOT_A_FILE, at,
			"a folder named like a content file, not read: rename it");
	else
		sf_emit(c->f.sink, SF_D_NOT_A_FILE, at,
			"%s, not a regular file, not read: safar reads only regular files; put the file itself here",
			src_kind(mode));
}

/* The file at real, which path names, read whole: the size checked first,
 * only a regular file, and no link put there since it was resolved. */
static int read_real(lctx *c, const char *path, const char *real, char **data, size_t *len)
{
	sf_loc top = { path, 1, 1 };
	int err = 0;
	switch (sf_read_file_nofollow(c->f.a, real, SF_MAX_FILE, data, len, &err)) {
	case SF_READ_OK:
		return 0;
	case SF_READ_TOO_BIG:
		sf_emit(c->f.sink, SF_D_FILE_SIZE, top, "file is larger than %zu bytes (1 MiB)",
			SF_MAX_FILE);
		return -1;
	case SF_READ_NOT_REGULAR: {
		struct stat st;
		src_not_a_file(c, path, stat(real, &st) == 0 ? (unsigned)st.st_mode : 0);
		return -1;
	}
	default:
		sf_emit(c->f.sink, SF_D_IO, top, "cannot read: %s", strerror(err));
		return -1;
	}
}

/* 1 when real lies inside the content root; reports nothing. */
static int inside(const lctx *c, const char *real)
{
	size_t n = strlen(c->real);
	return strcmp(c->real, "/") == 0 ||
	       (strncmp(real, c->real, n) == 0 && (real[n] == '/' || real[n] == '\0'));
}

/* The common case read in four system calls (open, fstat, read, close):
 * the folder is resolved, checked to lie in the root and opened once, and
 * the file opened in it by name without following a link. 1 when read;
 * 0 when not (a link, anything unusual): the caller then takes the long
 * way, which tells what is wrong as it always did. */
static int read_in_folder(lctx *c, const char *path, char **data, size_t *len)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	if (!slash || slash == path || !*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return 0;
	size_t dn = (size_t)(slash - path);
	if (!c->fd_of || strlen(c->fd_of) != dn || strncmp(c->fd_of, path, dn) != 0) {
		if (c->dir_fd >= 0)
			close(c->dir_fd);
		c->dir_fd = -1;
		c->fd_of = sf_strndup(c->f.a, path, dn);
		const char *real = src_realpath(c->f.a, c->fd_of);
		if (real && inside(c, real))
			c->dir_fd = open(real, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	}
	int err;
	return c->dir_fd >= 0 && sf_read_file_at_nofollow(c->f.a, c->dir_fd, base, SF_MAX_FILE, data,
							  len, &err) == SF_READ_OK;
}

void src_done(lctx *c)
{
	if (c->dir_fd >= 0)
		close(c->dir_fd);
	c->dir_fd = -1;
	c->fd_of = NULL;
}

int src_read(lctx *c, const char *rel, int flags, srcfile *out)
{
	const char *path = sf_path_join(c->f.a, c->dir, rel);
	char *data;
	size_t len;
	if (!read_in_folder(c, path, &data, &len)) {
		const char *real = src_real(c, path);
		if (!real || !src_within(c, real, path) || read_real(c, path, real, &data, &len) != 0)
			return -1;
	}
	sf_loc top = { path, 1, 1 };
	size_t bad;
	if (!sf_utf8_valid(data, len, &bad)) {
		sf_emit(c->f.sink, SF_D_ENCODING, loc_of(path, data, bad),
			"invalid UTF-8 (byte 0x%02X at offset %zu); save the file as UTF-8",
			(unsigned char)data[bad], bad);
		return -1;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3;
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	if (i == len && !(flags & SRC_MAY_BE_EMPTY)) {
		sf_emit(c->f.sink, SF_D_EMPTY_FILE, top, "file is empty");
		return -1;
	}
	if (memchr(data, '\0', len)) {
		sf_loc at = loc_of(path, data, (size_t)((const char *)memchr(data, '\0', len) - data));
		sf_emit(c->f.sink, SF_D_ENCODING, at, "a NUL byte is not text");
		return -1;
	}
	sf_sink_source(c->f.sink, path, data, len);
	*out = (srcfile){ path, data, len };
	return 0;
}
