/* cmark_bodies.c: the baseline of `make bench`: cmark parses and renders the
 * bodies of the Markdown files named on the command line, file by file, in one
 * process: what any Markdown tool pays for the same content. A file's YAML front
 * matter (between its first two "---" lines) is skipped, as safar does. Prints
 * the bytes of Markdown it rendered. */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 14, n = 0;
	char *b = malloc(cap);
	size_t got;
	while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *nb = realloc(b, cap *= 2);
			if (!nb) {
				free(b);
				b = NULL;
			}
			b = nb;
		}
	}
	fclose(f);
	*len = n;
	return b;
}

int main(int argc, char **argv)
{
	size_t total = 0;
	for (int i = 1; i < argc; i++) {
		size_t len;
		char *text = slurp(argv[i], &len);
		if (!text) {
			perror(argv[i]);
			return 1;
		}
		const char *body = text;
		if (len >= 4 && strncmp(text, "---\n", 4) == 0) {
			const char *end = strstr(text + 4, "\n---\n");
			if (end)
				body = end + 5;
		}
		size_t blen = len - (size_t)(body - text);
		char *html = cmark_markdown_to_html(body, blen, CMARK_OPT_DEFAULT);
		free(html);
		free(text);
		total += blen;
	}
	printf("%zu\n", total);
	return 0;
}
