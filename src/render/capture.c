/* capture.c: what libxlsxwriter prints on stderr, turned into one diagnostic. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "safar/xalloc.h"
#include "xlsx.h"

/* A sanitizer's report goes to stderr too, and must not vanish into the
 * capture if the process dies: sanitized builds (the tests) leave stderr
 * alone (X_SANITIZED, xlsx.h). */

void x_capture_begin(x_capture *c)
{
	c->saved = -1;
	c->file = NULL;
#ifndef X_SANITIZED
	fflush(stderr);
	c->file = tmpfile();
	if (!c->file)
		return;
	c->saved = dup(STDERR_FILENO);
	if (c->saved < 0 || dup2(fileno(c->file), STDERR_FILENO) < 0) {
		if (c->saved >= 0)
			close(c->saved);
		c->saved = -1;
		fclose(c->file);
		c->file = NULL;
		return;
	}
	sf_oom_fd(c->saved);
#endif
}

int x_capture_fd(const x_capture *c)
{
	return c->saved >= 0 ? c->saved : STDERR_FILENO;
}

void x_capture_end(x_capture *c, sf_writes *w, const char *where)
{
	if (c->saved < 0)
		return;
	fflush(stderr);
	dup2(c->saved, STDERR_FILENO);
	close(c->saved);
	c->saved = -1;
	sf_oom_fd(STDERR_FILENO);
	rewind(c->file);
	char line[1024], first[1024] = "";
	size_t n = 0;
	while (fgets(line, sizeof line, c->file)) {
		if (strncmp(line, "[ERROR]", 7) != 0 && strncmp(line, "[WARNING]", 9) != 0)
			continue;
		if (n++ == 0)
			snprintf(first, sizeof first, "%s", line);
	}
	fclose(c->file);
	c->file = NULL;
	/* After a failed write the library's lines say it again in its own
	 * words; otherwise its first line is the one error. */
	if (n == 0 || atomic_load(&w->failed))
		return;
	first[strcspn(first, "\n")] = '\0';
	const char *msg = strstr(first, "]: ");
	msg = msg ? msg + 3 : first;
	atomic_store(&w->failed, 1);
	sf_emit(w->sink, SF_D_IO, (sf_loc){ where, 0, 0 },
		"the XLSX library failed: %s (%zu message%s)", msg, n, n == 1 ? "" : "s");
}
