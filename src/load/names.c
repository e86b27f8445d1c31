/* names.c: the fixed vocabularies of the content format. */
#include <string.h>

#include "safar/model.h"

const char *const sf_stage_names[SF_NSTAGE] = { "PEO", "PDO", "PAO", "PRO" };
const char *const sf_merge_names[3] = { "replace", "append", "prepend" };
const char *const sf_status_names[2] = { "draft", "reviewed" };
const char *const sf_side_names[2] = { "origin", "destination" };
const char *const sf_kind_names[SF_NKIND] = { "government", "embassy", "helpline", "emergency",
					      "legal-aid", "ngo", "women", "trafficking",
					      "health" };
const char *const sf_when_names[SF_NWHEN] = { "corridor", "origin", "destination", "sector",
					      "audience" };
const int sf_when_weight[SF_NWHEN] = { 16, 4, 8, 2, 1 }; /* DESIGN §2.3 */

int sf_name_index(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (names[i][0] == s[0] && strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

int sf_strv_has(const sf_strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i] == s || strcmp(v->v[i], s) == 0)
			return 1;
	return 0;
}
