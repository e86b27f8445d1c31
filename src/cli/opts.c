/* opts.c: option parsing from a command's sorted table, and its --help. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "safar/suggest.h"

void sf_optparse_init(sf_optparse *p, const sf_cmd *cmd, int argc, char **argv)
{
	*p = (sf_optparse){ cmd, argc, argv, 1, 0, NULL };
}

static const sf_opt *by_long(const sf_cmd *c, const char *name, size_t n)
{
	for (size_t i = 0; i < c->nopts; i++)
		if (strlen(c->opts[i].lng) == n && strncmp(c->opts[i].lng, name, n) == 0)
			return &c->opts[i];
	return NULL;
}

static const sf_opt *by_short(const sf_cmd *c, char s)
{
	for (size_t i = 0; i < c->nopts; i++)
		if (c->opts[i].shrt == s)
			return &c->opts[i];
	return NULL;
}

int sf_usage_error(const sf_cmd *cmd, const char *fmt, ...)
{
	/* The message quotes what was typed and names from the content:
	 * escaped for the terminal, as diagnostics are. */
	sf_buf msg = { 0 }, shown = { 0 };
	va_list ap;
	va_start(ap, fmt);
	sf_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	sf_buf_term(&shown, msg.data ? msg.data : "", msg.len);
	fprintf(stderr, "safar%s%s: %s", cmd ? " " : "", cmd ? cmd->name : "",
		shown.data ? shown.data : "");
	sf_buf_free(&msg);
	sf_buf_free(&shown);
	fprintf(stderr, "\nTry 'safar %s%s--help'.\n", cmd ? cmd->name : "", cmd ? " " : "");
	return EXIT_USAGE;
}

int sf_optparse_next(sf_optparse *p, const char **arg)
{
	const sf_cmd *c = p->cmd;
	*arg = NULL;
	if (p->cluster && *p->cluster) {
		char s = *p->cluster++;
		const sf_opt *o = by_short(c, s);
		if (!o) {
			sf_usage_error(c, "unknown option '-%c'", s);
			return -1;
		}
		if (o->arg) {
			if (*p->cluster) {
				*arg = p->cluster;
			} else if (p->i < p->argc) {
				*arg = p->argv[p->i++];
			} else {
				sf_usage_error(c, "option '-%c' needs %s", s, o->arg);
				return -1;
			}
			p->cluster = NULL;
		}
		return o->id;
	}
	while (p->i < p->argc) {
		char *a = p->argv[p->i++];
		if (strcmp(a, "--") == 0) {
			while (p->i < p->argc)
				p->argv[1 + p->nops++] = p->argv[p->i++];
			break;
		}
		if (a[0] == '-' && a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t n = eq ? (size_t)(eq - name) : strlen(name);
			const sf_opt *o = by_long(c, name, n);
			if (!o) {
				const char *names[64];
				size_t k = 0;
				for (; k < c->nopts && k < 64; k++)
					names[k] = c->opts[k].lng;
				char word[64];
				snprintf(word, sizeof word, "%.*s", (int)(n < 63 ? n : 63), name);
				const char *near = sf_suggest(word, names, k);
				if (near)
					sf_usage_error(c, "unknown option '--%s'; did you mean '--%s'?", word, near);
				else
					sf_usage_error(c, "unknown option '--%s'", word);
				return -1;
			}
			if (!o->arg) {
				if (eq) {
					sf_usage_error(c, "option '--%s' takes no value", o->lng);
					return -1;
				}
				return o->id;
			}
			if (eq) {
				*arg = eq + 1;
			} else if (p->i < p->argc) {
				*arg = p->argv[p->i++];
			} else {
				sf_usage_error(c, "option '--%s' needs %s", o->lng, o->arg);
				return -1;
			}
			return o->id;
		}
		if (a[0] == '-' && a[1] != '\0') {
			p->cluster = a + 1;
			return sf_optparse_next(p, arg);
		}
		p->argv[1 + p->nops++] = a;
	}
	return 0;
}

int sf_opt_int(const char *name, const char *arg, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || errno == ERANGE || v < min || v > max) {
		fprintf(stderr, "safar: %s must be a whole number from %ld to %ld, not '%s'\n",
			name, min, max, arg);
		return -1;
	}
	*out = v;
	return 0;
}

void sf_cmd_help(const sf_cmd *c)
{
	printf("usage: safar %s%s%s [options]\n%s\n\noptions:\n", c->name, *c->args ? " " : "",
	       c->args, c->summary);
	for (size_t i = 0; i < c->nopts; i++) {
		const sf_opt *o = &c->opts[i];
		char left[64];
		if (o->shrt)
			snprintf(left, sizeof left, "-%c, --%s%s%s", o->shrt, o->lng,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", o->lng, o->arg ? " " : "",
				 o->arg ? o->arg : "");
		printf("  %-28s %s\n", left, o->help);
	}
}

int sf_cli_edition_opt(int id, const char *arg, sf_edition_args *e)
{
	switch (id) {
	case SF_O_AUDIENCE: e->audience = arg; return 1;
	case SF_O_DIR: e->dir = arg; return 1;
	case SF_O_LANG: e->lang = arg; return 1;
	case SF_O_SECTOR: e->sector = arg; return 1;
	default: return 0;
	}
}

int sf_cli_text_or_json(const sf_cmd *cmd, const char *arg, int *json)
{
	if (strcmp(arg, "json") == 0 || strcmp(arg, "text") == 0) {
		*json = arg[0] == 'j';
		return EXIT_CLEAN;
	}
	return sf_usage_error(cmd, "unknown format '%s' (text, json)", arg);
}
