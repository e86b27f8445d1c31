/* model.h: the loaded content root: settings, corridors, modules, rules. */
#ifndef SAFAR_MODEL_H
#define SAFAR_MODEL_H

#include <stddef.h>

#include "safar/diag.h"

/* Ownership: every string, array and struct here lives in the arena the
 * loader was given, and so does each module's parsed cmark tree (freed by an
 * arena cleanup). Nothing in the model is freed on its own; nothing in it
 * refers to libyaml. */

struct cmark_node;

enum sf_stage { SF_PEO, SF_PDO, SF_PAO, SF_PRO, SF_NSTAGE };
enum sf_merge { SF_REPLACE, SF_APPEND, SF_PREPEND };
enum sf_status { SF_STATUS_DRAFT, SF_STATUS_REVIEWED };
enum sf_side { SF_SIDE_ORIGIN, SF_SIDE_DESTINATION };
/* What a contact is (DESIGN §1); SF_KIND_NONE: not said. */
enum sf_contact_kind {
	SF_KIND_GOVERNMENT, SF_KIND_EMBASSY, SF_KIND_HELPLINE, SF_KIND_EMERGENCY,
	SF_KIND_LEGAL_AID, SF_KIND_NGO, SF_KIND_WOMEN, SF_KIND_TRAFFICKING, SF_KIND_HEALTH,
	SF_NKIND, SF_KIND_NONE = -1
};
enum sf_when_key {
	SF_W_CORRIDOR, SF_W_ORIGIN, SF_W_DESTINATION, SF_W_SECTOR, SF_W_AUDIENCE,
	SF_NWHEN
};

extern const char *const sf_stage_names[SF_NSTAGE];   /* "PEO" … */
extern const char *const sf_merge_names[3];           /* "replace" … */
extern const char *const sf_status_names[2];          /* "draft", "reviewed" */
extern const char *const sf_side_names[2];            /* "origin", "destination" */
extern const char *const sf_kind_names[SF_NKIND];     /* "government" … "health" */
extern const char *const sf_when_names[SF_NWHEN];     /* "corridor" … */
extern const int sf_when_weight[SF_NWHEN];            /* corridor 16, origin 4, destination 8, sector 2, audience 1 */

/* A list of strings, each with where it was written. */
typedef struct sf_strv {
	const char **v;
	sf_loc *loc;
	size_t n;
} sf_strv;

/* A value written once, or once per language ({en: …, ru: …}). */
typedef struct sf_text {
	const char *plain; /* set when written as one value */
	sf_loc loc;
	const char **lang, **val;
	sf_loc *lang_loc;
	size_t n;
} sf_text;

/* Scope of a module or rule: key k is present when present & (1u << k). */
typedef struct sf_when {
	unsigned present;
	sf_strv key[SF_NWHEN];
	sf_loc loc;
} sf_when;

/* When a person last confirmed a fact or contact, and where from. */
typedef struct sf_evidence {
	long checked; /* days since 1970-01-01; 0: not said */
	const char *checked_text;
	sf_loc checked_loc;
	sf_strv sources;
} sf_evidence;

typedef struct sf_fact {
	const char *name;
	sf_loc loc;
	sf_text value;
	sf_evidence ev; /* the {text, checked, sources} form; zero otherwise */
} sf_fact;

typedef struct sf_contact {
	/* url, phone: NULL when absent or null; check proves the phone E.164
	 * or a national short code. name: the plain name, or the English (else
	 * first) one of name_text, for diagnostics; readers get name_text in
	 * their language (docs/content-format.md, Contacts) */
	const char *name, *url, *phone;
	sf_text name_text;
	enum sf_side side;
	sf_strv languages;
	unsigned stages; /* bit per enum sf_stage; 0: every stage */
	sf_loc loc, url_loc, phone_loc;
	int kind;           /* enum sf_contact_kind; SF_KIND_NONE when not said */
	sf_strv audiences;  /* who it is for; [general] when not said */
	sf_evidence ev;
} sf_contact;

typedef struct sf_corridor {
	const char *path;
	sf_loc loc;
	const char *id, *origin, *destination;
	sf_loc id_loc, origin_loc, destination_loc;
	sf_text title;
	sf_strv languages, sectors, audiences;
	sf_fact *facts;
	size_t nfacts;
	sf_loc facts_loc; /* the facts: key; line 0 when there is none */
	sf_contact *contacts;
	size_t ncontacts;
	sf_strv require[SF_NSTAGE];
} sf_corridor;

typedef struct sf_quiz {
	const char *q;
	sf_strv options;
	int answer; /* the right option, counted from 1 as written; 0: none valid */
	sf_loc loc;
} sf_quiz;

/* A {{name}} in a body, sms or checklist, found once when the module loads. */
typedef struct sf_placeholder {
	const char *name;
	sf_loc loc;
} sf_placeholder;

/* A link in a body, found once when the module loads. */
typedef struct sf_link {
	const char *url;
	sf_loc loc;
} sf_link;

/* translation_of: the source version a translation renders (see
 * safar/translate.h and docs/content-format.md). */
typedef struct sf_translation_of {
	const char *lang;  /* the source's language */
	const char *hash;  /* 8 hex digits; NULL: never stamped */
	const char *units; /* the per-unit short hashes, as `translate stamp` wrote them; NULL: none */
	sf_loc loc, hash_loc;
} sf_translation_of;

typedef struct sf_module {
	const char *path;
	sf_loc loc; /* the front matter's first line */
	const char *id, *title, *lang;
	sf_loc id_loc, lang_loc, title_loc;
	enum sf_stage stage;
	sf_when when;
	enum sf_merge merge;
	int order;
	int minutes;
	long review_by; /* days since 1970-01-01; 0: none */
	const char *review_by_text;
	sf_loc review_loc;
	enum sf_status status;
	sf_loc status_loc;
	long reviewed_on; /* reviewed.on, days since 1970-01-01; 0: none */
	const char *reviewed_on_text, *reviewed_by;
	sf_loc reviewed_loc;
	sf_strv sources;
	const char *sms; /* NULL: none */
	sf_loc sms_loc;
	sf_strv checklist;
	const char *trainer_notes;
	sf_quiz *quiz;
	size_t nquiz;
	const char *body; /* Markdown after the front matter */
	size_t body_len;
	int body_line; /* file line of the body's first line */
	struct cmark_node *doc; /* the body, parsed once */
	sf_placeholder *placeholders;
	size_t nplaceholders;
	sf_link *links;
	size_t nlinks;
	const sf_translation_of *translation_of; /* NULL: not marked as a translation */
} sf_module;

typedef struct sf_fallback {
	const char *lang;
	sf_loc loc;
	sf_strv chain;
} sf_fallback;

typedef struct sf_config {
	const char *path; /* NULL: built-in defaults */
	sf_strv languages, audiences, sectors;
	sf_fallback *fallback;
	size_t nfallback;
	sf_strv required[SF_NSTAGE];
	int sms_max_parts;
	int review_warn_days;
	int review_fact_days; /* facts and contacts: checked longer ago is stale */
} sf_config;

/* A contact a rule requires: of this kind, on this side, for this audience. */
typedef struct sf_contact_req {
	sf_loc loc;
	unsigned kinds;       /* bit per enum sf_contact_kind: any of them will do */
	int side;             /* enum sf_side; -1: either */
	const char *audience; /* NULL: any (general counts for everyone) */
} sf_contact_req;

/* One entry of rules.yaml. */
typedef struct sf_rule {
	sf_loc loc;
	sf_when when;
	sf_strv exclude;
	sf_strv require[SF_NSTAGE];
	sf_fact *facts;
	size_t nfacts;
	sf_strv require_facts;          /* fact names every matching target defines */
	sf_contact_req *require_contacts;
	size_t nrequire_contacts;
} sf_rule;

/* One language's interface strings by key (see i18n.h): the root's
 * i18n/<lang>.yaml over safar's own. */
typedef struct sf_i18n_file {
	const char *lang;
	const char *path; /* the root's file; NULL: it has none, all are safar's */
	const char **val; /* SF_NSTRINGS entries; NULL where the file lacks a key */
	sf_loc *loc;      /* per key; safar's own are at <built-in>/<lang>.yaml */
	struct sf_sector_name {
		const char *sector, *name; /* key sector_<sector>: how it is called */
	} *sectors;
	size_t nsectors;
} sf_i18n_file;

typedef struct sf_root {
	const char *dir;
	sf_config config;
	sf_corridor *corridors; /* sorted by id */
	size_t ncorridors;
	sf_module *modules; /* sorted by path */
	size_t nmodules;
	sf_rule *rules; /* in file order */
	size_t nrules;
	sf_i18n_file *i18n; /* by language */
	size_t ni18n;
} sf_root;

/* Index of s in names[0..n), or -1. */
int sf_name_index(const char *const *names, size_t n, const char *s);
/* 1 when v holds s. */
int sf_strv_has(const sf_strv *v, const char *s);

#endif
