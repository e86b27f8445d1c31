/* suggest.h: "did you mean …?" by edit distance. */
#ifndef SAFAR_SUGGEST_H
#define SAFAR_SUGGEST_H

#include <stddef.h>

/* Damerau-Levenshtein (optimal string alignment) distance, in bytes. */
size_t sf_edit_distance(const char *a, const char *b);

/* The candidate nearest to word when it is near enough to be a likely typo
 * (distance at most 2, or a third of its length), else NULL. */
const char *sf_suggest(const char *word, const char *const *cands, size_t n);

#endif
