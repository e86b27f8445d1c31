/* fuzz_load.c: libFuzzer harness: any bytes as a module, a corridor, safar.yaml or rules.yaml. */
#include <stdint.h>
#include <string.h>

#include "../../src/load/loadint.h"
#include "safar/check.h"
#include "safar/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > SF_MAX_FILE)
		return 0;
	/* The first byte picks the kind of file; the loader sees the rest, as
	 * src_read would hand it over: valid UTF-8 only. */
	int kind = data[0] % 4;
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	if (!sf_utf8_valid(text, len, NULL) || memchr(text, '\0', len))
		return 0;
	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	lctx c = { { a, sink }, "." };
	srcfile f = { "fuzz", sf_strndup(a, text, len), len };
	sf_root root;
	memset(&root, 0, sizeof root);
	config_defaults(&c, &root.config);
	switch (kind) {
	case 0: {
		sf_module m;
		if (module_load(&c, &f, &m) == 0) {
			root.modules = &m;
			root.nmodules = 1;
			sf_check_schema(&root, sink);
		}
		break;
	}
	case 1: {
		sf_corridor co;
		if (corridor_load(&c, &f, "fuzz", &co) == 0) {
			root.corridors = &co;
			root.ncorridors = 1;
			sf_check_schema(&root, sink);
		}
		break;
	}
	case 2:
		config_load(&c, &f, &root.config);
		break;
	default:
		rules_load(&c, &f, &root);
		break;
	}
	sf_sink_free(sink);
	sf_arena_free(a);
	return 0;
}
