/* fsio.c: whole-file reads, atomic writes, directory creation. */
#include "safar/fsio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Opening never blocks (O_NONBLOCK: a FIFO without a writer, a terminal) and
 * only a regular file is read: a FIFO or a device would block or never end. */
static int read_regular(sf_arena *a, const char *path, int oflags, size_t max, char **data,
			size_t *len, int *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | oflags);
	if (fd < 0) {
		*err = errno;
		return SF_READ_ERROR;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		*err = errno;
		close(fd);
		return SF_READ_ERROR;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return SF_READ_NOT_REGULAR;
	}
	if ((size_t)st.st_size > max) {
		close(fd);
		return SF_READ_TOO_BIG;
	}
	/* Read up to max + 1 bytes: a file that grows while we read still
	 * cannot get past the limit. */
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		close(fd);
		*err = ENOMEM;
		return SF_READ_ERROR;
	}
	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;
			size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			char *nb = realloc(buf, ncap + 1);
			if (!nb) {
				free(buf);
				close(fd);
				*err = ENOMEM;
				return SF_READ_ERROR;
			}
			buf = nb;
			cap = ncap;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			free(buf);
			close(fd);
			return SF_READ_ERROR;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > max) {
		free(buf);
		return SF_READ_TOO_BIG;
	}
	*data = sf_strndup(a, buf, n);
	*len = n;
	free(buf);
	return SF_READ_OK;
}

int sf_read_file(sf_arena *a, const char *path, size_t max, char **data, size_t *len,
		 int *err)
{
	return read_regular(a, path, 0, max, data, len, err);
}

int sf_read_file_nofollow(sf_arena *a, const char *path, size_t max, char **data, size_t *len,
			  int *err)
{
	return read_regular(a, path, O_NOFOLLOW, max, data, len, err);
}

int sf_write_atomic(const char *path, const char *data, size_t len)
{
	size_t pl = strlen(path);
	char *tmp = malloc(pl + 16);
	if (!tmp)
		return -1;
	snprintf(tmp, pl + 16, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)w;
	}
	/* mkstemp makes 0600; outputs are for sharing like any file. */
	mode_t um = umask(0);
	umask(um);
	if (fchmod(fd, 0666 & ~um) != 0 || close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return 0;
fail:;
	int e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = e;
	return -1;
}

int sf_mkdirs(const char *path)
{
	char *p = strdup(path);
	if (!p)
		return -1;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	int r = mkdir(p, 0777);
	free(p);
	return r != 0 && errno != EEXIST ? -1 : 0;
}

char *sf_path_join(sf_arena *a, const char *dir, const char *rel)
{
	if (!dir || strcmp(dir, ".") == 0 || *dir == '\0')
		return sf_strdup(a, rel);
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	return sf_printf(a, "%.*s/%s", (int)n, dir, rel);
}
