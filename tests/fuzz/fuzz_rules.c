/* fuzz_rules.c: libFuzzer target: any bytes as rules.yaml of a small valid content root. */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_kind("rules.yaml", data, size, 0);
}
