/* common.h: what the libFuzzer harnesses share: a scratch content root and the pipeline run over it. */
#ifndef SAFAR_FUZZ_COMMON_H
#define SAFAR_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every run loads, checks and prints every report format; what more: */
enum {
	FZ_RENDER = 1 << 0, /* sf_build (content without errors), coverage, explain, SMS */
};

/* The kind targets: data becomes the file rel of a small valid content
 * root (written once per process), replacing that file when the root has
 * one; then the run. */
int fz_kind(const char *rel, const uint8_t *data, size_t size, int flags);

/* The pipeline target: the scratch root is emptied and refilled from a
 * container (see common.c); then the run. */
int fz_container(const uint8_t *data, size_t size, int flags);

#endif
