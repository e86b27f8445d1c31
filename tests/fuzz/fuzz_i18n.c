/* fuzz_i18n.c: libFuzzer target: any bytes as i18n/ru.yaml of a small valid content root, rendered. */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_kind("i18n/ru.yaml", data, size, FZ_RENDER);
}
