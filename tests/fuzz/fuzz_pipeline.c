/* fuzz_pipeline.c: libFuzzer target: a whole content root (a container, see common.c) loaded, checked and rendered. */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_container(data, size, FZ_RENDER);
}
