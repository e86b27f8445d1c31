/* hash.c: a fast 64-bit hash of bytes: eight bytes at a time, each word mixed in. */
#include "safar/hash.h"

#include <string.h>

uint64_t sf_mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

uint64_t sf_hash_u64(uint64_t h, uint64_t v)
{
	return sf_mix64(h ^ sf_mix64(v + 0x9e3779b97f4a7c15u));
}

uint64_t sf_hash(uint64_t h, const void *p, size_t len)
{
	const unsigned char *b = p;
	h = sf_hash_u64(h, len);
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, b + i, 8);
		h = (h ^ w) * 0x100000001b3u;
		h ^= h >> 29;
	}
	uint64_t last = 0;
	memcpy(&last, b + i, len - i);
	return sf_hash_u64(h, last);
}

uint64_t sf_hash_str(uint64_t h, const char *s)
{
	if (!s)
		return sf_hash_u64(h, 0x5afa);
	return sf_hash(h, s, strlen(s) + 1);
}
