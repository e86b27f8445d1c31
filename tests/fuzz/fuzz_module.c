/* fuzz_module.c: libFuzzer target: any bytes as a module (beside one that is valid) of a small valid content root. */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_kind("content/pdo/fuzz.en.md", data, size, 0);
}
