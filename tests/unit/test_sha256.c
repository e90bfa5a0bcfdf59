/* test_sha256.c -- SHA-256 against the examples of FIPS 180-2 Appendix B
 * and NIST's "SHA-256 example" sheets (values published, not computed here),
 * on both ways through the blocks: the portable C and, where the CPU has
 * them, the SHA extensions; and the two against each other on messages of
 * every length from 0 to 200 bytes. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/sha256.h"

static const sha256_path paths[] = {SHA256_PORTABLE, SHA256_SHA_NI};
static const char *const path_names[] = {"portable", "SHA extensions"};

/* Chooses paths[i]; false (and a note) when this CPU cannot take it. */
static bool take(size_t i)
{
	if (sha256_path_set(paths[i]) == paths[i])
		return true;
	cr_log_info("no SHA extensions on this CPU: only the portable way is tested");
	return false;
}

/* Each way in turn: `for_each_path(i) { ... }`. */
#define for_each_path(i)                                                                           \
	for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)                                  \
		if (take(i))

Test(sha256, one_block_message_abc)
{
	for_each_path(i)
	{
		char hex[65];
		sha256_hex("abc", 3, hex); /* FIPS 180-2 B.1 */
		cr_assert_str_eq(hex,
		                 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		                 "%s", path_names[i]);
	}
}

Test(sha256, empty_message)
{
	for_each_path(i)
	{
		char hex[65];
		sha256_hex("", 0, hex); /* NIST CAVS SHA256ShortMsg, Len = 0 */
		cr_assert_str_eq(hex,
		                 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		                 "%s", path_names[i]);
	}
}

Test(sha256, two_block_message_448_bits)
{
	/* FIPS 180-2 B.2: 56 bytes, so the length needs a second block */
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	for_each_path(i)
	{
		char hex[65];
		sha256_hex(m, strlen(m), hex);
		cr_assert_str_eq(hex,
		                 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
		                 "%s", path_names[i]);
	}
}

Test(sha256, million_a)
{
	/* FIPS 180-2 B.3: one million 'a' */
	char *m = malloc(1000000);
	cr_assert_not_null(m);
	memset(m, 'a', 1000000);
	for_each_path(i)
	{
		char hex[65];
		sha256_hex(m, 1000000, hex);
		cr_assert_str_eq(hex,
		                 "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
		                 "%s", path_names[i]);
	}
	free(m);
}

/* Lengths around the padding boundary (55 bytes fit one block with the
 * length, 56 do not); digests from coreutils sha256sum of 'x' repeated. */
Test(sha256, padding_boundaries)
{
	static const struct {
		size_t n;
		const char *hex;
	} cases[] = {
	        {55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
	        {56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
	        {63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
	        {64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
	        {65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"},
	};
	char m[65];
	memset(m, 'x', sizeof m);
	for_each_path(p)
	{
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
			char hex[65];
			sha256_hex(m, cases[i].n, hex);
			cr_assert_str_eq(hex, cases[i].hex, "%s, length %zu", path_names[p],
			                 cases[i].n);
		}
	}
}

/* Every length from 0 to 200 bytes (up to four blocks with the padding),
 * of bytes 0..255 that no block repeats, at an odd address too: the SHA
 * extensions give what the portable C gives. */
Test(sha256, both_paths_agree_on_every_length_to_200)
{
	unsigned char buf[202];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 151 + 7);
	if (!take(1))
		return;
	for (size_t at = 0; at < 2; at++)
		for (size_t n = 0; n <= 200; n++) {
			char portable[65], sha_ni[65];
			sha256_path_set(SHA256_PORTABLE);
			sha256_hex(buf + at, n, portable);
			sha256_path_set(SHA256_SHA_NI);
			sha256_hex(buf + at, n, sha_ni);
			cr_assert_str_eq(sha_ni, portable, "length %zu at offset %zu", n, at);
		}
}

/* The SHA extensions are taken exactly when Linux lists "sha_ni" among the
 * CPU's flags (/proc/cpuinfo), unless the portable way is chosen. */
Test(sha256, path_follows_the_cpu)
{
	FILE *fp = fopen("/proc/cpuinfo", "r");
	if (!fp) {
		cr_log_info("no /proc/cpuinfo: not checked");
		return;
	}
	char line[8192];
	bool sha_ni = false;
	while (!sha_ni && fgets(line, sizeof line, fp))
		sha_ni = strncmp(line, "flags", 5) == 0 && strstr(line, " sha_ni");
	fclose(fp);
	cr_assert_eq(sha256_path_used(), sha_ni ? SHA256_SHA_NI : SHA256_PORTABLE);
	cr_assert_eq(sha256_path_set(SHA256_PORTABLE), SHA256_PORTABLE);
	cr_assert_eq(sha256_path_used(), SHA256_PORTABLE);
	cr_assert_eq(sha256_path_set(SHA256_SHA_NI), sha_ni ? SHA256_SHA_NI : SHA256_PORTABLE);
}
