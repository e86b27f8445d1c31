/* fsio.c: whole-file reads, atomic writes, directory creation. */
/* realpath() is an XSI function of POSIX.1-2008. */
#define _XOPEN_SOURCE 700
/* d_type of a folder entry (DT_DIR): glibc and the BSDs. */
#define _DEFAULT_SOURCE 1
#include "safar/fsio.h"
#include "safar/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads the open regular file fd whole; the caller closes it. The bytes go
 * straight into the arena, and a read that stops short at the size fstat
 * gave is the end of the file: one read for a file that does not change. */
static int read_fd(sf_arena *a, int fd, size_t max, char **data, size_t *len, int *err)
{
	struct stat st;
	if (fstat(fd, &st) != 0) {
		*err = errno;
		return SF_READ_ERROR;
	}
	if (!S_ISREG(st.st_mode))
		return SF_READ_NOT_REGULAR;
	if ((size_t)st.st_size > max)
		return SF_READ_TOO_BIG;
	size_t size = (size_t)st.st_size, n = 0;
	/* size + 1 asked: a file that grew shows it. */
	char *buf = sf_alloc_raw(a, size + 2);
	for (;;) {
		ssize_t r = read(fd, buf + n, size + 1 - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			return SF_READ_ERROR;
		}
		n += (size_t)r;
		/* At the size, this read asked one byte more than it got:
		 * the end. Past it, the file grew: read on below. */
		if (r == 0 || n >= size)
			break;
	}
	if (n <= size) {
		buf[n] = '\0';
		*data = buf;
		*len = n;
		return SF_READ_OK;
	}
	/* The file grew while we read: read on, up to max + 1 bytes, so
	 * it still cannot get past the limit. */
	size_t cap = n * 2 > max + 1 ? max + 1 : n * 2;
	if (cap < n)
		cap = n;
	char *big = malloc(cap + 1);
	if (!big) {
		*err = ENOMEM;
		return SF_READ_ERROR;
	}
	memcpy(big, buf, n);
	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;
			size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			char *nb = realloc(big, ncap + 1);
			if (!nb) {
				free(big);
				*err = ENOMEM;
				return SF_READ_ERROR;
			}
			big = nb;
			cap = ncap;
		}
		ssize_t r = read(fd, big + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			free(big);
			return SF_READ_ERROR;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > max) {
		free(big);
		return SF_READ_TOO_BIG;
	}
	*data = sf_strndup(a, big, n);
	*len = n;
	free(big);
	return SF_READ_OK;
}

/* Opening never blocks (O_NONBLOCK: a FIFO without a writer, a terminal) and
 * only a regular file is read: a FIFO or a device would block or never end. */
static int read_regular(sf_arena *a, int dirfd, const char *path, int oflags, size_t max,
			char **data, size_t *len, int *err)
{
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | oflags);
	if (fd < 0) {
		*err = errno;
		return SF_READ_ERROR;
	}
	int r = read_fd(a, fd, max, data, len, err);
	close(fd);
	return r;
}

int sf_read_file(sf_arena *a, const char *path, size_t max, char **data, size_t *len,
		 int *err)
{
	return read_regular(a, AT_FDCWD, path, 0, max, data, len, err);
}

int sf_read_file_nofollow(sf_arena *a, const char *path, size_t max, char **data, size_t *len,
			  int *err)
{
	return read_regular(a, AT_FDCWD, path, O_NOFOLLOW, max, data, len, err);
}

int sf_read_file_at_nofollow(sf_arena *a, int dirfd, const char *name, size_t max, char **data,
			     size_t *len, int *err)
{
	return read_regular(a, dirfd, name, O_NOFOLLOW, max, data, len, err);
}

/* Temporary files are named ".safar-tmp.<pid>.<n>.<name>" beside their
 * target: recognisable, so a later build can remove what a killed one left
 * (sf_remove_leftovers), and created with O_EXCL, so a file or link planted
 * under that name is never followed or reused (docs/decisions.md, "What a
 * build may touch"). Mode 0666 goes through the process umask as any file
 * does: no thread reads or changes the umask. */
#define TMP_PREFIX ".safar-tmp."

int sf_tmp_open(const char *path, char *tmp, size_t cap)
{
	static _Atomic unsigned long counter;
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	const char *base = slash ? slash + 1 : path;
	for (int tries = 0; tries < 100; tries++) {
		unsigned long n = atomic_fetch_add(&counter, 1);
		int w = snprintf(tmp, cap, "%.*s" TMP_PREFIX "%ld.%lu.%s", dirlen, path,
				 (long)getpid(), n, base);
		if (w < 0 || (size_t)w >= cap) {
			errno = ENAMETOOLONG;
			return -1;
		}
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

static int write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

int sf_write_atomic(const char *path, const char *data, size_t len)
{
	char tmp[PATH_MAX];
	int fd = sf_tmp_open(path, tmp, sizeof tmp);
	if (fd < 0)
		return -1;
	if (write_all(fd, data, len) != 0) {
		int e = errno;
		close(fd);
		unlink(tmp);
		errno = e;
		return -1;
	}
	return sf_tmp_commit(fd, tmp, path);
}

/* 1 when the regular file at path holds exactly data[0..len). */
static int holds(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return 0;
	struct stat st;
	int same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
	char buf[65536];
	for (size_t off = 0; same && off < len;) {
		ssize_t r = read(fd, buf, len - off < sizeof buf ? len - off : sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		same = r > 0 && memcmp(buf, data + off, (size_t)r) == 0;
		off += r > 0 ? (size_t)r : 0;
	}
	close(fd);
	return same;
}

int sf_write_if_changed(const char *path, const char *data, size_t len, int *changed)
{
	*changed = !holds(path, data, len);
	return *changed ? sf_write_atomic(path, data, len) : 0;
}

int sf_tmp_commit_if_changed(const char *tmp, const char *path, int *changed)
{
	/* Workbooks are small: read the new one whole, then compare. */
	*changed = 1;
	/* Nothing there yet (a first build): nothing to compare with. */
	struct stat st;
	if (lstat(path, &st) != 0 && errno == ENOENT)
		return sf_tmp_commit(-1, tmp, path);
	sf_arena *a = sf_arena_new();
	char *data;
	size_t len;
	int err;
	if (sf_read_file_nofollow(a, tmp, (size_t)256 << 20, &data, &len, &err) == SF_READ_OK &&
	    holds(path, data, len)) {
		*changed = 0;
		unlink(tmp);
	}
	sf_arena_free(a);
	return *changed ? sf_tmp_commit(-1, tmp, path) : 0;
}

int sf_tmp_commit(int fd, const char *tmp, const char *path)
{
	/* close() is where NFS and full disks report a failed write. */
	if ((fd >= 0 && close(fd) != 0) || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	return 0;
}

int sf_mkdirs(const char *path)
{
	size_t n = strlen(path);
	if (n == 0) {
		errno = ENOENT;
		return -1;
	}
	/* Most folders a build asks for are there, or their parent is: one
	 * call, not one per component. */
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	if (errno != ENOENT)
		return -1;
	char *p = sf_xstrdup(path);
	for (size_t i = 1; i < n; i++) {
		if (p[i] != '/')
			continue;
		p[i] = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		p[i] = '/';
	}
	int r = mkdir(p, 0777);
	free(p);
	return r != 0 && errno != EEXIST ? -1 : 0;
}

/* A leftover is ours and abandoned: our prefix, and its process is gone
 * (a build running at the same time into the same folder keeps its files). */
static int abandoned(const char *name)
{
	if (strncmp(name, TMP_PREFIX, sizeof TMP_PREFIX - 1) != 0)
		return 0;
	char *end;
	long pid = strtol(name + sizeof TMP_PREFIX - 1, &end, 10);
	if (end == name + sizeof TMP_PREFIX - 1 || *end != '.' || pid <= 0)
		return 0;
	return pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

static size_t remove_in(int dirfd, int depth, int deep)
{
	DIR *d = fdopendir(dirfd);
	if (!d) {
		close(dirfd);
		return 0;
	}
	size_t removed = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		/* The entry's type as the folder gives it, where it does: a
		 * no-op rebuild walks every output, and a stat of each was a
		 * third of its system time. */
		int isdir;
#if defined(DT_DIR) && defined(DT_UNKNOWN)
		if (e->d_type != DT_UNKNOWN) {
			isdir = e->d_type == DT_DIR;
		} else
#endif
		{
			struct stat st;
			if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
				continue;
			isdir = S_ISDIR(st.st_mode);
		}
		if (isdir) {
			if (!deep)
				continue;
			/* Our tree is six levels deep; a deeper one is not ours. */
			int sub = depth < 16 ? openat(dirfd, e->d_name,
						      O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
					     : -1;
			if (sub >= 0)
				removed += remove_in(sub, depth + 1, deep);
		} else if (abandoned(e->d_name) && unlinkat(dirfd, e->d_name, 0) == 0) {
			removed++;
		}
	}
	closedir(d);
	return removed;
}

size_t sf_remove_leftovers(const char *dir, int deep)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	return fd < 0 ? 0 : remove_in(fd, 0, deep);
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

/* Appends component c (n bytes) to the absolute path p, folding "." and
 * "..": used only below the deepest existing folder, where there is no link
 * for ".." to cross. */
static void push_component(char *p, const char *c, size_t n)
{
	if (n == 0 || (n == 1 && c[0] == '.'))
		return;
	size_t len = strlen(p);
	if (n == 2 && c[0] == '.' && c[1] == '.') {
		while (len > 1 && p[len - 1] != '/')
			len--;
		p[len > 1 ? len - 1 : 1] = '\0';
		return;
	}
	if (len > 1)
		p[len++] = '/';
	memcpy(p + len, c, n);
	p[len + n] = '\0';
}

char *sf_abspath(const char *path)
{
	size_t n = strlen(path);
	if (n == 0) {
		errno = ENOENT;
		return NULL;
	}
	char cwd[PATH_MAX] = "/";
	if (path[0] != '/' && !getcwd(cwd, sizeof cwd))
		return NULL;
	size_t cl = strlen(cwd);
	char *full = sf_xmalloc(cl + n + 2);
	snprintf(full, cl + n + 2, "%s/%s", path[0] == '/' ? "" : cwd, path);
	/* The deepest ancestor that exists is resolved by the system, links
	 * and all; the rest, which does not exist yet, is appended. */
	size_t cut = strlen(full);
	char *real = NULL;
	for (;;) {
		char save = full[cut];
		full[cut] = '\0';
		real = realpath(cut ? full : "/", NULL);
		full[cut] = save;
		if (real || cut == 0)
			break;
		while (cut > 0 && full[cut - 1] == '/')
			cut--;
		while (cut > 0 && full[cut - 1] != '/')
			cut--;
	}
	if (!real) {
		free(full);
		return NULL;
	}
	char *out = sf_xmalloc(strlen(real) + strlen(full + cut) + 2);
	strcpy(out, real);
	free(real);
	for (const char *s = full + cut; *s;) {
		size_t k = strcspn(s, "/");
		push_component(out, s, k);
		s += k;
		while (*s == '/')
			s++;
	}
	free(full);
	return out;
}

int sf_path_within(const char *inner, const char *outer)
{
	size_t n = strlen(outer);
	if (n == 1 && outer[0] == '/')
		return inner[0] == '/';
	return strncmp(inner, outer, n) == 0 && (inner[n] == '\0' || inner[n] == '/');
}
