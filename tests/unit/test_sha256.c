/* test_sha256.c -- SHA-256 against the examples of FIPS 180-2 Appendix B
 * and NIST's "SHA-256 example" sheets (values published, not computed here). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/sha256.h"

Test(sha256, one_block_message_abc)
{
	char hex[65];
	sha256_hex("abc", 3, hex); /* FIPS 180-2 B.1 */
	cr_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

Test(sha256, empty_message)
{
	char hex[65];
	sha256_hex("", 0, hex); /* NIST CAVS SHA256ShortMsg, Len = 0 */
	cr_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

Test(sha256, two_block_message_448_bits)
{
	/* FIPS 180-2 B.2: 56 bytes, so the length needs a second block */
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char hex[65];
	sha256_hex(m, strlen(m), hex);
	cr_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

Test(sha256, million_a)
{
	/* FIPS 180-2 B.3: one million 'a' */
	char *m = malloc(1000000);
	cr_assert_not_null(m);
	memset(m, 'a', 1000000);
	char hex[65];
	sha256_hex(m, 1000000, hex);
	free(m);
	cr_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
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
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char hex[65];
		sha256_hex(m, cases[i].n, hex);
		cr_assert_str_eq(hex, cases[i].hex, "length %zu", cases[i].n);
	}
}
