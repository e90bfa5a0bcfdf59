/* sha256.h -- SHA-256 (FIPS 180-4) of an input file, for the audit trail
 * (SPEC §7: "a SHA-256 of every input file").
 *
 * Written here rather than taken from libcrypto: OpenSSL 3 spends about
 * 5 million instructions initialising its providers on the first digest,
 * a third of a whole run (bench/README.md), to hash two small files. */
#ifndef SAMKALK_SHA256_H
#define SAMKALK_SHA256_H

#include <stddef.h>

/* Writes the digest of len bytes at data as 64 lowercase hex digits and a
 * NUL into hex. */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
