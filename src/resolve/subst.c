/* subst.c: {{name}} placeholders replaced by a target's facts. */
#include <string.h>

#include "safar/resolve.h"

static int name_char(char ch)
{
	return ch == '_' || ch == '-' || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

int sf_placeholder_next(const char *text, size_t len, size_t from, size_t *start, size_t *end,
			char *name, size_t size)
{
	for (size_t i = from; i + 1 < len; i++) {
		/* To the next '{' with one byte after it, by memchr. */
		const char *b = memchr(text + i, '{', len - 1 - i);
		if (!b)
			return 0;
		i = (size_t)(b - text);
		if (text[i + 1] != '{')
			continue;
		size_t j = i + 2;
		while (j < len && text[j] == ' ')
			j++;
		size_t ns = j;
		while (j < len && name_char(text[j]))
			j++;
		size_t ne = j;
		while (j < len && text[j] == ' ')
			j++;
		if (ne == ns || j + 1 >= len || text[j] != '}' || text[j + 1] != '}')
			continue;
		size_t nl = ne - ns < size - 1 ? ne - ns : size - 1;
		memcpy(name, text + ns, nl);
		name[nl] = '\0';
		*start = i;
		*end = j + 2;
		return 1;
	}
	return 0;
}

void sf_subst(sf_buf *out, const char *text, size_t len, const sf_resolved *res)
{
	size_t i = 0, done = 0, at, end;
	char name[128];
	while (sf_placeholder_next(text, len, i, &at, &end, name, sizeof name)) {
		const sf_fact_ref *f = sf_fact_lookup(res, name);
		/* Unknown, or past SF_MAX_EXPANDED: reported by resolution;
		 * kept as written. */
		if (!f || !f->value || out->len + strlen(f->value) > SF_MAX_EXPANDED) {
			i = end;
			continue;
		}
		sf_buf_add(out, text + done, at - done);
		sf_buf_puts(out, f->value);
		i = done = end;
	}
	sf_buf_add(out, text + done, len - done);
}
