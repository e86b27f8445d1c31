/* diag.h: the catalogue of diagnostic codes, and the sink they are emitted to. */
#ifndef SAFAR_DIAG_H
#define SAFAR_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum sf_severity {
	SF_WARNING = 1,
	SF_ERROR = 2,
	SF_SYSTEM = 3, /* I/O or system failure: exit status 3 */
} sf_severity;

/* The whole catalogue, most severe first (as mandoc orders its own). Each
 * row: enum tail, severity, code printed in brackets, what it means (for
 * docs/diagnostics.md, which a test keeps in step with this table). */
#define SF_DIAG_CATALOGUE(X) \
	X(IO, SF_SYSTEM, "io", "a file or directory cannot be read") \
	X(ENCODING, SF_ERROR, "encoding", "a file is not valid UTF-8") \
	X(FILE_NAME, SF_ERROR, "file-name", "a file name is not valid UTF-8") \
	X(FILE_SIZE, SF_ERROR, "file-size", "a file is larger than 1 MiB") \
	X(SYMLINK_LOOP, SF_ERROR, "symlink-loop", "a directory link leads back into itself") \
	X(OUTSIDE_ROOT, SF_ERROR, "outside-root", "a link leads out of the content root; it is not followed") \
	X(NOT_A_FILE, SF_ERROR, "not-a-file", "a content path is a FIFO, device or socket, or a folder where a file belongs (or the reverse)") \
	X(EMPTY_FILE, SF_ERROR, "empty-file", "a file holds nothing") \
	X(FRONT_MATTER, SF_ERROR, "front-matter", "a module does not start with a --- front matter block") \
	X(FRONT_MATTER_OPEN, SF_ERROR, "front-matter-open", "a module's front matter is never closed") \
	X(YAML_SYNTAX, SF_ERROR, "yaml-syntax", "the YAML cannot be parsed") \
	X(YAML_TAB, SF_ERROR, "yaml-tab", "a tab indents YAML") \
	X(YAML_ALIAS, SF_ERROR, "yaml-alias", "YAML anchors and aliases are not accepted") \
	X(YAML_TAG, SF_ERROR, "yaml-tag", "explicit YAML tags are not accepted") \
	X(DUPLICATE_KEY, SF_ERROR, "duplicate-key", "a mapping names the same key twice") \
	X(UNKNOWN_KEY, SF_ERROR, "unknown-key", "a key the format does not define") \
	X(MISSING_KEY, SF_ERROR, "missing-key", "a required key is absent") \
	X(WRONG_TYPE, SF_ERROR, "wrong-type", "a value of the wrong YAML type") \
	X(BAD_VALUE, SF_ERROR, "bad-value", "a value outside its allowed set") \
	X(BAD_DATE, SF_ERROR, "bad-date", "not a real YYYY-MM-DD date") \
	X(BAD_ID, SF_ERROR, "bad-id", "an id or name that is not kebab-case") \
	X(BAD_NUMBER, SF_ERROR, "bad-number", "a number that is not an integer in range") \
	X(ID_MISMATCH, SF_ERROR, "id-mismatch", "a corridor id differs from its file name") \
	X(DUPLICATE_ID, SF_ERROR, "duplicate-id", "two corridors share an id") \
	X(BAD_COUNTRY, SF_ERROR, "bad-country", "not an ISO 3166-1 alpha-2 country code") \
	X(UNDECLARED_LANGUAGE, SF_ERROR, "undeclared-language", "a language not in safar.yaml languages") \
	X(UNDECLARED_SECTOR, SF_ERROR, "undeclared-sector", "a sector not in safar.yaml sectors") \
	X(UNDECLARED_AUDIENCE, SF_ERROR, "undeclared-audience", "an audience not in safar.yaml audiences") \
	X(EMPTY_ROOT, SF_ERROR, "empty-root", "a content root without any corridor or any module") \
	X(AMBIGUOUS, SF_ERROR, "ambiguous", "two replace modules tie at the top specificity") \
	X(NO_BASE, SF_ERROR, "no-base", "append or prepend modules with no replace module to stack on") \
	X(UNKNOWN_FACT, SF_ERROR, "unknown-fact", "a corridor lacks facts its modules use, or a {{placeholder}} names a fact nothing defines") \
	X(FACT_LANGUAGE, SF_ERROR, "fact-language", "a fact has no value in the target language or its fallbacks") \
	X(TOO_EXPANDED, SF_ERROR, "too-expanded", "a module grows past 4 MiB once its facts are substituted") \
	X(UNKNOWN_TOPIC, SF_ERROR, "unknown-topic", "a rule excludes or requires a topic no module defines") \
	X(MISSING_TOPIC, SF_ERROR, "missing-topic", "a required topic does not resolve for a target") \
	X(MISSING_CONTACT, SF_ERROR, "missing-contact", "a corridor has no contact on one side") \
	X(MISSING_FACT, SF_ERROR, "missing-fact", "a rule's require_facts names a fact a corridor it applies to does not define") \
	X(MISSING_CONTACT_KIND, SF_ERROR, "missing-contact-kind", "a rule's require_contacts asks for a contact of a kind, side and audience a corridor does not list") \
	X(BAD_CONTACT, SF_ERROR, "bad-contact", "a contact's url is not http(s) or its phone neither E.164 nor a short code") \
	X(STALE, SF_ERROR, "stale", "a module is past its review_by date") \
	X(STALE_FACT, SF_ERROR, "stale-fact", "a fact or contact was checked longer ago than review.fact_days") \
	X(DEAD_REFERENCE, SF_ERROR, "dead-reference", "a #link to a topic or section an edition does not have") \
	X(SMS_TOO_LONG, SF_ERROR, "sms-too-long", "an sms needs more parts than sms.max_parts") \
	X(PO, SF_ERROR, "po", "a PO file `translate import` cannot use (libgettextpo's error, or no X-Safar-Source)") \
	X(STALE_SOON, SF_WARNING, "stale-soon", "a module's review_by date is within review.warn_days") \
	X(STALE_FACT_SOON, SF_WARNING, "stale-fact-soon", "a fact or contact turns stale within review.warn_days") \
	X(LANGUAGE_PARITY, SF_WARNING, "language-parity", "a topic or audience section written for a corridor in one of its languages is generic or missing in another") \
	X(FALLBACK, SF_WARNING, "fallback", "topics resolve through a fallback language (an error with --strict)") \
	X(DRAFT, SF_WARNING, "draft", "a module has status: draft (an error with --strict)") \
	X(STALE_TRANSLATION, SF_WARNING, "stale-translation", "a translation's source changed since it was stamped, or it was never stamped (an error with --strict)") \
	X(PO_WARNING, SF_WARNING, "po-warning", "a PO file entry `translate import` leaves out, or libgettextpo's warning") \
	X(TRANSLATION_SOURCE, SF_WARNING, "translation-source", "translation_of names a language with no module of the same id, stage, merge and when") \
	X(I18N_MISSING, SF_WARNING, "i18n-missing", "interface strings missing for a language that is built") \
	X(DROPPED_LINK, SF_WARNING, "dropped-link", "a link outputs show as text: not http, https, mailto, tel or #") \
	X(IGNORED_FILE, SF_WARNING, "ignored-file", "a file safar does not read where it expects content") \
	X(EMPTY_BODY, SF_WARNING, "empty-body", "a module has no Markdown body") \
	X(COUNTRY_IN_GENERAL_MODULE, SF_WARNING, "country-in-general-module", "a module read in every corridor names a country that is a corridor's origin or destination")

typedef enum sf_dcode {
#define SF_X(name, sev, code, what) SF_D_##name,
	SF_DIAG_CATALOGUE(SF_X)
#undef SF_X
	SF_D_COUNT
} sf_dcode;

typedef struct sf_loc {
	const char *path; /* as shown to the user; NULL: no file */
	int line, col;    /* 1-based; 0: unknown (col counts code points) */
} sf_loc;

/* The editions a finding is about, as fields: a report groups by them
 * (JUnit) and never parses a string. A NULL field means every value:
 * {"kg-ru", "ky"} is every kg-ru edition in Kyrgyz. */
typedef struct sf_diag_key {
	const char *corridor, *lang;
	const char *sector; /* "all": the all-sector edition */
	const char *audience;
	const char *stage; /* "PDO" */
} sf_diag_key;

typedef struct sf_diag {
	sf_dcode code;
	sf_severity sev;
	sf_loc loc;
	char *msg;
	size_t seq; /* emission order: the last sort key, for stable output */
	int keyed;  /* key is set: the finding is about editions */
	sf_diag_key key; /* the sink's own copies of the strings */
	char *group; /* the key as people say it: "kg-ru ky all-sector women PDO"; NULL unless keyed */
} sf_diag;

const char *sf_dcode_name(sf_dcode c);
const char *sf_dcode_what(sf_dcode c);
sf_severity sf_dcode_severity(sf_dcode c);
const char *sf_severity_name(sf_severity s);

/* Ownership: the sink owns its diagnostics and its copies of the source
 * texts registered with sf_sink_source. It is safe to emit to from several
 * threads at once. */
typedef struct sf_sink sf_sink;

sf_sink *sf_sink_new(void);
void sf_sink_free(sf_sink *s);

void sf_emit(sf_sink *s, sf_dcode code, sf_loc loc, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/* Like sf_emit, with the editions a finding is about, for reports that
 * group findings (JUnit) and say what a finding is about (JSON "target"). */
void sf_emit_group(sf_sink *s, const sf_diag_key *key, sf_dcode code, sf_loc loc, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

/* --strict: from now on, findings that are warnings only by leniency
 * (fallback, draft) are emitted as errors. */
void sf_sink_set_strict(sf_sink *s, int strict);

/* Remembers the text of path so a diagnostic can quote its line. The text
 * is borrowed: it must outlive the sink's last print. */
void sf_sink_source(sf_sink *s, const char *path, const char *text, size_t len);
/* The source texts registered, in order: how many, and the i-th. */
size_t sf_sink_nsources(sf_sink *s);
void sf_sink_source_at(sf_sink *s, size_t i, const char **path, const char **text, size_t *len);

/* Orders by file, line, column, then emission. */
void sf_sink_sort(sf_sink *s);
size_t sf_sink_count(const sf_sink *s);
/* check --ignore: forgets every diagnostic of code; returns how many. */
size_t sf_sink_drop(sf_sink *s, sf_dcode code);
const sf_diag *sf_sink_get(const sf_sink *s, size_t i);
size_t sf_sink_count_sev(const sf_sink *s, sf_severity sev);
/* The worst severity seen, 0 when none. */
int sf_sink_worst(const sf_sink *s);

typedef struct sf_print_opts {
	int quote; /* quote the source line with a caret */
	int color; /* ANSI colours */
} sf_print_opts;

void sf_diag_print(const sf_sink *s, const sf_diag *d, FILE *out, sf_print_opts o);

#endif
