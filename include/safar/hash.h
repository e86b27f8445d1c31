/* hash.h: a fast 64-bit hash of bytes, for recognising unchanged inputs (not for security). */
#ifndef SAFAR_HASH_H
#define SAFAR_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The hash of len bytes at p, continuing from h (start with 0). */
uint64_t sf_hash(uint64_t h, const void *p, size_t len);
/* The same for a C string, with its terminating NUL: "ab","c" and "a","bc"
 * hash apart. NULL hashes as a distinct value. */
uint64_t sf_hash_str(uint64_t h, const char *s);
uint64_t sf_hash_u64(uint64_t h, uint64_t v);
/* splitmix64's finaliser: spreads every input bit over the whole word. */
uint64_t sf_mix64(uint64_t x);

#endif
