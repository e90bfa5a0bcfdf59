/* test_error.c -- every status has a message, and exit codes are the
 * documented ones: 0 done, 1 machine, 2 input or usage (never renumbered). */
#include <criterion/criterion.h>
#include <string.h>

#include "samkalk/base/error.h"

Test(error, every_status_has_text)
{
	for (int s = 0; s < SK_STATUS_MAX; s++) {
		const char *m = sk_strerror((sk_status)s);
		cr_assert_not_null(m);
		cr_assert_str_neq(m, "unknown status", "status %d has no message", s);
		cr_assert_gt(strlen(m), 3);
	}
	cr_assert_str_eq(sk_strerror(SK_STATUS_MAX), "unknown status");
}

Test(error, exit_codes)
{
	cr_assert_eq(sk_exit_code(SK_OK), 0);
	cr_assert_eq(sk_exit_code(SK_EINPUT), 2);
	cr_assert_eq(sk_exit_code(SK_EUSAGE), 2);
	cr_assert_eq(sk_exit_code(SK_ENOMEM), 1);
	cr_assert_eq(sk_exit_code(SK_EIO), 1);
	cr_assert_eq(sk_exit_code(SK_ENUMERIC), 1);
}
