/* source.c: reading one content file whole and checking its bytes. */
#include <string.h>

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

int src_read(lctx *c, const char *rel, int flags, srcfile *out)
{
	const char *path = sf_path_join(c->f.a, c->dir, rel);
	sf_loc top = { path, 1, 1 };
	char *data;
	size_t len;
	int err = 0;
	switch (sf_read_file(c->f.a, path, SF_MAX_FILE, &data, &len, &err)) {
	case SF_READ_TOO_BIG:
		sf_emit(c->f.sink, SF_D_FILE_SIZE, top, "file is larger than %zu bytes (1 MiB)",
			SF_MAX_FILE);
		return -1;
	case SF_READ_ERROR:
		sf_emit(c->f.sink, SF_D_IO, top, "cannot read: %s", strerror(err));
		return -1;
	default:
		break;
	}
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
