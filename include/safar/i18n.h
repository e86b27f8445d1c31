/* i18n.h: the interface strings of the outputs, per language (i18n/<lang>.yaml). */
#ifndef SAFAR_I18N_H
#define SAFAR_I18N_H

#include "safar/model.h"

/* Every string the outputs print that is not content: key, English default.
 * A language's strings are the root's i18n/<lang>.yaml over safar's own (see
 * sf_i18n_builtins), key by key; a key missing in both falls back along the
 * language's fallback chain, then to these defaults. */
#define SF_I18N_KEYS(X) \
	X(contents, "Contents") \
	X(checklist, "Checklist") \
	X(where_to_get_help, "Where to get help") \
	X(sources, "Sources") \
	X(handbook, "Handbook") \
	X(edition, "Edition") \
	X(all_sectors, "All sectors") \
	X(sector, "Sector") \
	X(audience, "For") \
	X(audience_general, "Everyone") \
	X(audience_women, "Women") \
	X(audience_men, "Men") \
	X(language, "Language") \
	X(content_date, "Content as of") \
	X(stage_PEO, "Before you decide") \
	X(stage_PEO_purpose, "Decide whether working abroad is right for you now, and find safe, legal recruitment.") \
	X(stage_PDO, "Before you leave") \
	X(stage_PDO_purpose, "Prepare for a safe departure, the journey and your first weeks, and know where to get help.") \
	X(stage_PAO, "After you arrive") \
	X(stage_PAO_purpose, "Know the rules of your new country and workplace, and how to stay legal and safe.") \
	X(stage_PRO, "Before you return") \
	X(stage_PRO_purpose, "Plan your return: wages, savings, skills, and the services that help you at home.") \
	X(side_origin, "In your home country") \
	X(side_destination, "In the country where you work") \
	X(website, "Website") \
	X(phone, "Phone") \
	X(no_contacts, "No contact has been confirmed yet for this stage. Ask the organisation that gave you this handbook.") \
	X(item, "Item") \
	X(done, "Done") \
	X(date, "Date") \
	X(notes, "Notes") \
	X(yes, "Yes") \
	X(no, "No") \
	X(agenda, "Agenda") \
	X(trainer_notes, "Trainer's notes") \
	X(handout, "Handout") \
	X(session, "Session") \
	X(start, "Start") \
	X(end, "End") \
	X(time, "Time") \
	X(minutes, "min") \
	X(break_time, "Break") \
	X(key_points, "Key points") \
	X(attendance, "Attendance") \
	X(participant, "Participant") \
	X(present, "Present") \
	X(checklist_progress, "Checklist progress") \
	X(quiz, "Quiz") \
	X(question, "Question") \
	X(answer, "Answer") \
	X(pre_session, "Before the session") \
	X(post_session, "After the session") \
	X(score, "Score") \
	X(average_gain, "Average gain") \
	X(catalogue, "Orientation materials") \
	X(corridor, "Corridor") \
	X(not_translated, "This section is not yet translated into {language}.") \
	X(draft_notice, "Draft: some texts in this edition have not been reviewed yet.") \
	X(checked, "Information checked") \
	X(not_checked, "Not yet checked against its sources") \
	X(draft_section, "Draft: this section has not been reviewed yet.") \
	X(draft_mark, "draft") \
	X(help_card, "Help card") \
	X(scan_to_call, "Scan the code with your phone to call or to open the website.") \
	X(page, "Page") \
	X(most_important, "Most important")

enum sf_i18n_key {
#define SF_X(k, en) SF_S_##k,
	SF_I18N_KEYS(SF_X)
#undef SF_X
	SF_NSTRINGS
};

extern const char *const sf_i18n_key_names[SF_NSTRINGS];
extern const char *const sf_i18n_defaults[SF_NSTRINGS];

/* safar's own interface strings: the repository's i18n/<lang>.yaml, compiled
 * in by tools/embed.sh (build/gen/i18n_builtin.c). The loader parses the one
 * of every declared language under the root's file (docs/decisions.md). */
typedef struct sf_i18n_builtin {
	const char *lang;
	const unsigned char *text; /* YAML, NUL-terminated */
	size_t len;                /* without the NUL */
} sf_i18n_builtin;

extern const sf_i18n_builtin sf_i18n_builtins[];
extern const size_t sf_i18n_nbuiltins;

/* Fills out[SF_NSTRINGS] for a language chain: each key from the first
 * language of chain whose file has it, else the English default. When
 * from_lang is not NULL it receives, per key, the language used (NULL: the
 * built-in default). */
void sf_i18n_resolve(const sf_root *root, const char *const *chain, size_t nchain,
		     const char **out, const char **from_lang);
/* How sector is called in the first language of chain whose file names it
 * (key sector_<name>), or NULL. */
const char *sf_i18n_sector(const sf_root *root, const char *const *chain, size_t nchain,
			   const char *sector);

#endif
