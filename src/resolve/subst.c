/* subst.c: {{name}} placeholders replaced by a target's facts. */
#include <string.h>

#include "safar/resolve.h"

static int name_char(char ch)
{
	return ch == '_' || ch == '-' || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

void sf_subst(sf_buf *out, const char *text, size_t len, const sf_resolved *res)
{
	size_t i = 0, done = 0;
	while (i + 1 < len) {
		if (text[i] != '{' || text[i + 1] != '{') {
			i++;
			continue;
		}
		size_t j = i + 2;
		while (j < len && text[j] == ' ')
			j++;
		size_t ns = j;
		while (j < len && name_char(text[j]))
			j++;
		size_t ne = j;
		while (j < len && text[j] == ' ')
			j++;
		if (ne == ns || j + 1 >= len || text[j] != '}' || text[j + 1] != '}') {
			i++;
			continue;
		}
		char name[128];
		size_t nl = ne - ns < sizeof name - 1 ? ne - ns : sizeof name - 1;
		memcpy(name, text + ns, nl);
		name[nl] = '\0';
		const sf_fact_ref *f = sf_fact_lookup(res, name);
		/* Unknown, or past SF_MAX_EXPANDED: reported by resolution;
		 * kept as written. */
		if (!f || !f->value || out->len + strlen(f->value) > SF_MAX_EXPANDED) {
			i = j + 2;
			continue;
		}
		sf_buf_add(out, text + done, i - done);
		sf_buf_puts(out, f->value);
		i = done = j + 2;
	}
	sf_buf_add(out, text + done, len - done);
}
