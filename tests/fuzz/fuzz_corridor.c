/* fuzz_corridor.c: libFuzzer target: any bytes as a corridor (corridors/kg-ru.yaml) of a small valid content root. */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_kind("corridors/kg-ru.yaml", data, size, 0);
}
