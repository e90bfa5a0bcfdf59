/* sha256.h -- SHA-256 (FIPS 180-4) of an input file, for the audit trail
 * (SPEC §7: "a SHA-256 of every input file").
 *
 * Written here rather than taken from libcrypto: OpenSSL 3 spends about
 * 5 million instructions initialising its providers on the first digest,
 * a third of a whole run (bench/README.md), to hash two small files. */
#ifndef SAMKALK_SHA256_H
#define SAMKALK_SHA256_H

#include <stddef.h>

/* The two ways through the blocks, giving the same digest: FIPS 180-4's
 * rounds in C, or the x86-64 SHA extensions' instructions. */
typedef enum sha256_path { SHA256_PORTABLE, SHA256_SHA_NI } sha256_path;

/* The way sha256_hex takes: SHA256_SHA_NI on an x86-64 CPU with the SHA
 * extensions (and SSSE3, SSE4.1), unless sha256_path_set chose the
 * portable one; else SHA256_PORTABLE. */
sha256_path sha256_path_used(void);

/* For tests: SHA256_PORTABLE makes sha256_hex take the portable way
 * anywhere; SHA256_SHA_NI lets it take the SHA extensions where the CPU has
 * them (the default). Not thread-safe: call it before any hashing. Returns
 * the way now taken (sha256_path_used). */
sha256_path sha256_path_set(sha256_path path);

/* Writes the digest of len bytes at data as 64 lowercase hex digits and a
 * NUL into hex. */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
