/* translation.c: translations whose source changed since they were stamped. */
#include "checkint.h"
#include "safar/translate.h"

void ck_translations(ck_ctx *c)
{
	/* No module marked as a translation: nothing to check, and no index
	 * of every module by its translation key to build. */
	size_t any = 0;
	while (any < c->root->nmodules && !c->root->modules[any].translation_of)
		any++;
	if (any == c->root->nmodules)
		return;
	const sf_translations *tr = sf_translations_new(c->root, c->a);
	for (size_t i = 0; i < c->root->nmodules; i++) {
		const sf_module *m = &c->root->modules[i];
		const sf_translation_of *t = m->translation_of;
		int st = t ? sf_translation_state(tr, m) : SF_TR_NONE;
		const sf_module *s = st == SF_TR_NONE || st == SF_TR_NO_SOURCE ? NULL
				     : sf_translation_source(tr, m, NULL);
		if (st == SF_TR_STALE) {
			const char *what = sf_translation_changes(tr, m, c->a);
			sf_emit(c->sink, SF_D_STALE_TRANSLATION, t->hash_loc,
				"%s changed since this translation was stamped%s%s%s: update the translation, "
				"then run 'safar translate stamp'", s->path, *what ? " (" : "", what,
				*what ? ")" : "");
		} else if (st == SF_TR_UNSTAMPED) {
			sf_emit(c->sink, SF_D_STALE_TRANSLATION, t->loc,
				"this translation of %s was never stamped: once it renders the source, "
				"run 'safar translate stamp'", s->path);
		} else if (st == SF_TR_NO_SOURCE) {
			sf_emit(c->sink, SF_D_TRANSLATION_SOURCE, t->loc,
				"translation_of names %s, but no %s module has id %s with this stage, merge and when",
				t->lang, t->lang, m->id ? m->id : "?");
		}
	}
}
