/* fuzz_config.c: libFuzzer target: any bytes as safar.yaml of a small valid content root. */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_kind("safar.yaml", data, size, 0);
}
