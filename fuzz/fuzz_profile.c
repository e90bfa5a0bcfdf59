/* fuzz_profile.c -- libFuzzer target: any bytes as a profile file. Reading
 * must end in SK_OK or SK_EINPUT with messages, never a crash, a leak or
 * undefined behaviour (issue #7). */
#include <gsl/gsl_errno.h>
#include <stddef.h>
#include <stdint.h>

#include "samkalk/read/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gsl_set_error_handler_off();
	diag d;
	diag_init(&d);
	ini_doc *doc = NULL;
	sk_status st = inifile_parse("fuzz.profile.ini", (const char *)data, size, &doc, &d);
	if (doc) {
		profile *p = NULL;
		st = profile_from_doc(doc, &p, &d);
		profile_free(p);
	}
	(void)st;
	diag_free(&d);
	return 0;
}
