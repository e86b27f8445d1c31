/* cli.h: what the command files share: option tables, parsing, exit codes. */
#ifndef SAFAR_CLI_H
#define SAFAR_CLI_H

#include <stddef.h>

#include "safar/buf.h"
#include "safar/diag.h"
#include "safar/arena.h"
#include "safar/model.h"
#include "safar/nelem.h"

/* Exit status (DESIGN §4). */
enum { EXIT_CLEAN = 0, EXIT_CONTENT = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };

/* One option as the user types it. Tables are sorted by long name; a test
 * checks that --help and docs/safar.1 list exactly these. */
typedef struct sf_opt {
	int id;           /* what the command switches on */
	char shrt;        /* 0: none */
	const char *lng;  /* without the dashes */
	const char *arg;  /* NULL: a flag */
	const char *help;
} sf_opt;

typedef struct sf_cmd {
	const char *name;
	const char *args;    /* positional part of the usage line */
	const char *summary; /* one line for safar --help */
	const sf_opt *opts;
	size_t nopts;
	int (*run)(int argc, char **argv);
} sf_cmd;

/* Table entries several commands share, with each command's own id. */
#define SF_OPT_DIR(id) { id, 'C', "directory", "DIR", "content root (default: ., else the bundled content)" }
#define SF_OPT_HELP(id) { id, 'h', "help", NULL, "show this help" }
/* The commands that name one edition (dump, explain, sms). */
#define SF_OPT_AUDIENCE(id) { id, 0, "audience", "A", "audience (default: general)" }
#define SF_OPT_LANG(id) { id, 0, "lang", "L", "language (default: the corridor's first)" }
#define SF_OPT_SECTOR(id) { id, 0, "sector", "S", "sector edition (default: the all-sector edition)" }

/* Ids of the options an edition command shares, and what they set. */
enum { SF_O_AUDIENCE = 1000, SF_O_DIR, SF_O_HELP, SF_O_LANG, SF_O_SECTOR };
typedef struct sf_edition_args {
	const char *dir, *lang, *audience, *sector;
} sf_edition_args;
/* Takes option id into e when it is one of SF_O_*: 1; else 0. */
int sf_cli_edition_opt(int id, const char *arg, sf_edition_args *e);

/* --format text|json: 0 with *json set, or EXIT_USAGE after saying why. */
int sf_cli_text_or_json(const sf_cmd *cmd, const char *arg, int *json);

/* Iterates over argv[1..] (argv[0] is the command's name). Returns the id of
 * the next option (its argument in *arg), 0 at the end, or -1 after printing
 * a usage error. Operands are moved to the front, after argv[0]: their count
 * is in *nops at the end. "-h/--help" is handled by the caller through its
 * own table entry. */
typedef struct sf_optparse {
	const sf_cmd *cmd;
	int argc;
	char **argv;
	int i, nops;
	const char *cluster; /* rest of a -xyz cluster */
} sf_optparse;

void sf_optparse_init(sf_optparse *p, const sf_cmd *cmd, int argc, char **argv);
int sf_optparse_next(sf_optparse *p, const char **arg);

/* A whole number in [min, max] for option name; -1 after a usage error. */
int sf_opt_int(const char *name, const char *arg, long min, long max, long *out);
/* Prints "safar CMD: message" and a pointer to --help; returns EXIT_USAGE. */
int sf_usage_error(const sf_cmd *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void sf_cmd_help(const sf_cmd *cmd);

/* The date the command calls today, as days since 1970: the --today option
 * (today_opt, or NULL), else SOURCE_DATE_EPOCH, else the clock. Returns 0,
 * or EXIT_USAGE after a usage error (a malformed date or epoch). */
int sf_cli_today(const sf_cmd *cmd, const char *today_opt, long *days);

/* Prints the sorted diagnostics to stderr (text) and returns the exit status
 * they call for. */
int sf_report_text(sf_sink *sink, int verbose, int quiet_summary);
/* Colour on stderr: a terminal, and NO_COLOR not set. */
int sf_use_color(void);
/* The exit status for the worst severity seen. */
int sf_exit_for(const sf_sink *sink);
/* Writes a command's output to stdout. text: it is for a person, so each
 * line is escaped as diagnostics are (docs/decisions.md, "Escaping what
 * leaves safar"); JSON, CSV and the like are written as they are. */
void sf_cli_print(const sf_buf *b, int text);

/* A command's run over one content root: arena, sink, and the loaded model. */
typedef struct sf_cli_root {
	sf_arena *a;
	sf_sink *sink;
	sf_root root;
	int loaded; /* the root could be read */
} sf_cli_root;

/* The content root: dir (-C), else ".", else the bundled content, which it
 * says on stderr that it uses. */
const char *sf_cli_root_dir(const char *dir);
/* Loads the root (sf_cli_root_dir) and, with schema, checks its schema. */
void sf_cli_open(sf_cli_root *r, const char *dir, int schema);
/* Prints the diagnostics on stderr, frees everything, and returns status
 * when the command already failed, else what the diagnostics call for. */
int sf_cli_close(sf_cli_root *r, int status);

/* What an edition command does once its edition is decided: prints into
 * out (sf_cli_print'ed when it returns EXIT_CLEAN); returns an exit status. */
struct sf_edition;
struct sf_resolver;
typedef int (*sf_edition_fn)(struct sf_resolver *r, const struct sf_edition *e, sf_buf *out,
			     int *text, void *ctx);
/* Loads the root (ea->dir), names the edition CORRIDOR with ea, decides it
 * as of today, runs fn, prints what fn wrote, reports the diagnostics and
 * returns the exit status: dump, explain and sms. */
int sf_cli_with_edition(const sf_cmd *cmd, const sf_edition_args *ea, const char *cid, long today,
			sf_edition_fn fn, void *ctx);

/* Every value of a build's filter names something the content has: its
 * corridors, and their languages, audiences and sector editions. Returns 0,
 * or EXIT_USAGE after a usage error with a suggestion. */
struct sf_filter;
int sf_cli_filter_check(const sf_cmd *cmd, const sf_root *root, const struct sf_filter *f);

/* The target CORRIDOR [--lang] [--audience] [--sector] names: by default the
 * corridor's first language, the general audience, the all-sector edition.
 * Returns 0, or the exit status after a usage error, or that of the content
 * errors when the corridor's own file could not be loaded. */
struct sf_target;
int sf_cli_target(const sf_cmd *cmd, const sf_cli_root *cr, const char *cid,
		  const sf_edition_args *ea, struct sf_target *t);

extern const sf_cmd sf_cmd_build, sf_cmd_check, sf_cmd_coverage, sf_cmd_dump, sf_cmd_explain, sf_cmd_init, sf_cmd_list, sf_cmd_sms, sf_cmd_translate;

#endif
