/* sha256.c -- SHA-256 as FIPS 180-4 §6.2 states it; checked against the
 * standard's examples in tests/unit/test_sha256.c.
 *
 * Two ways through the blocks, the same digest: the standard's rounds in
 * plain C, and on an x86-64 CPU with the SHA extensions its instructions
 * (Intel, "Intel SHA Extensions", 2013: SHA256RNDS2 does two rounds,
 * SHA256MSG1 and SHA256MSG2 the message schedule), about 10 times as fast.
 * The CPU is asked at run time, so one binary runs anywhere. */
#include "samkalk/base/sha256.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

static bool force_portable; /* tests only: sha256_path_set */

static const uint32_t K[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};

static uint32_t rotr(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64];
	for (int t = 0; t < 16; t++)
		w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
		       (uint32_t)p[4 * t + 2] << 8 | (uint32_t)p[4 * t + 3];
	for (int t = 16; t < 64; t++) {
		uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
		uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
		w[t] = w[t - 16] + s0 + w[t - 7] + s1;
	}
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
	for (int t = 0; t < 64; t++) {
		uint32_t t1 = k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) +
		              K[t] + w[t];
		uint32_t t2 =
		        (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		k = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

static void blocks_portable(uint32_t h[8], const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		block(h, p + 64 * i);
}

#if defined(__x86_64__)
/* Rounds t = 4i .. 4i + 3 with w[t..t+3] in m, while the schedule goes
 * on in the four registers in turn (FIPS 180-4 §6.2.2 step 1): next
 * (w[t-12..t-9] plus σ0 of w[t-11..t-8]) gets w[t-3..t] and the σ1 terms,
 * becoming w[t+4..t+7] (i = 3..14); prev (w[t-4..t-1]) gets σ0 of
 * w[t-3..t] (i = 1..12). The state is held as ABEF and CDGH, the halves
 * SHA256RNDS2 takes. */
#define QUAD(i, m, next, prev)                                                                     \
	do {                                                                                       \
		__m128i k_ = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)&K[4 * (i)]));      \
		cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k_);                                      \
		if ((i) >= 3 && (i) <= 14)                                                         \
			next = _mm_sha256msg2_epu32(                                               \
			        _mm_add_epi32(next, _mm_alignr_epi8(m, prev, 4)), m);              \
		abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(k_, 0x0e));             \
		if ((i) >= 1 && (i) <= 12)                                                         \
			prev = _mm_sha256msg1_epu32(prev, m);                                      \
	} while (0)

__attribute__((target("sha,sse4.1"))) static void blocks_sha_ni(uint32_t h[8],
                                                                const unsigned char *p, size_t n)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i dcba = _mm_loadu_si128((const __m128i *)&h[0]);
	__m128i hgfe = _mm_loadu_si128((const __m128i *)&h[4]);
	__m128i cdab = _mm_shuffle_epi32(dcba, 0xb1), efgh = _mm_shuffle_epi32(hgfe, 0x1b);
	__m128i abef = _mm_alignr_epi8(cdab, efgh, 8), cdgh = _mm_blend_epi16(efgh, cdab, 0xf0);
	for (size_t b = 0; b < n; b++, p += 64) {
		__m128i abef0 = abef, cdgh0 = cdgh;
		__m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)p), swap);
		__m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), swap);
		__m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), swap);
		__m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), swap);
		QUAD(0, m0, m1, m3);
		QUAD(1, m1, m2, m0);
		QUAD(2, m2, m3, m1);
		QUAD(3, m3, m0, m2);
		QUAD(4, m0, m1, m3);
		QUAD(5, m1, m2, m0);
		QUAD(6, m2, m3, m1);
		QUAD(7, m3, m0, m2);
		QUAD(8, m0, m1, m3);
		QUAD(9, m1, m2, m0);
		QUAD(10, m2, m3, m1);
		QUAD(11, m3, m0, m2);
		QUAD(12, m0, m1, m3);
		QUAD(13, m1, m2, m0);
		QUAD(14, m2, m3, m1);
		QUAD(15, m3, m0, m2);
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	__m128i feba = _mm_shuffle_epi32(abef, 0x1b), dchg = _mm_shuffle_epi32(cdgh, 0xb1);
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(feba, dchg, 0xf0)); /* DCBA */
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(dchg, feba, 8));    /* HGFE */
}
#undef QUAD

/* CPUID leaf 7 EBX bit 29 (SHA), leaf 1 ECX bits 9 and 19 (SSSE3,
 * SSE4.1). Asked here rather than with __builtin_cpu_supports("sha"):
 * clang 14, which builds the fuzz targets, does not know that name. */
static bool cpu_has_sha_ni(void)
{
	unsigned a, b, c, d;
	return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) && (c & bit_SSE4_1) &&
	       __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}
#endif

sha256_path sha256_path_used(void)
{
#if defined(__x86_64__)
	if (!force_portable && cpu_has_sha_ni())
		return SHA256_SHA_NI;
#endif
	return SHA256_PORTABLE;
}

sha256_path sha256_path_set(sha256_path path)
{
	force_portable = path == SHA256_PORTABLE;
	return sha256_path_used();
}

void sha256_hex(const void *data, size_t len, char hex[65])
{
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	const unsigned char *p = data;
	void (*blocks)(uint32_t h[8], const unsigned char *p, size_t n) = blocks_portable;
#if defined(__x86_64__)
	if (sha256_path_used() == SHA256_SHA_NI)
		blocks = blocks_sha_ni;
#endif
	size_t whole = len / 64 * 64;
	blocks(h, p, len / 64);
	/* the rest, a 1 bit, zeros, and the length in bits (FIPS 180-4 §5.1.1) */
	unsigned char tail[128] = {0};
	size_t rest = len - whole;
	memcpy(tail, p + whole, rest);
	tail[rest] = 0x80;
	size_t n = rest < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		tail[n - 1 - i] = (unsigned char)(bits >> (8 * i));
	blocks(h, tail, n / 64);
	for (int i = 0; i < 8; i++)
		snprintf(hex + 8 * i, 9, "%08x", h[i]);
}
