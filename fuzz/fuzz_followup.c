/* fuzz_followup.c -- libFuzzer target: any bytes as a follow-up data file
 * (issue #15), read against a fixed scenario: four states, categories with
 * spaces and å/ä/ö many to one, two intakes, T = 10, D = 1. Reading must
 * end in SK_OK with data or SK_EINPUT with messages and no data, never a
 * crash, a leak or undefined behaviour. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "samkalk/read/followup.h"

/* the profile's ids and the SUS-like names of the bundled files (the seed
 * corpus), so that seeds get past the categories */
static const char *const categories[] = {"AM1",
                                         "AM2",
                                         "AM3",
                                         "arbete",
                                         "Öppet arbetslös",
                                         "Studier på komvux",
                                         "Arbete utan stöd",
                                         "Arbete med stöd",
                                         "Arbetssökande, behöver visst stöd",
                                         "Arbetssökande, behöver omfattande stöd",
                                         "Studier",
                                         "Arbetsträning"};
static const size_t category_state[] = {0, 1, 2, 3, 0, 2, 3, 3, 1, 2, 2, 2};
#define N_CATEGORIES (sizeof categories / sizeof *categories)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const followup_context ctx = {
	        categories, category_state, N_CATEGORIES, 4, 2026, 2, 10, 1, "fuzz.ini",
	        3,          "followup"};
	diag d;
	diag_init(&d);
	followup_data *f = NULL;
	sk_status st = followup_parse("fuzz.csv", (const char *)data, size, &ctx, &f, &d);
	/* what the header promises: data exactly when SK_OK, messages with SK_EINPUT */
	if ((st == SK_OK) != (f != NULL) || (st == SK_EINPUT && diag_count(&d) == 0) ||
	    (st != SK_OK && st != SK_EINPUT && st != SK_ENOMEM) || (f && f->rows == 0))
		abort();
	followup_free(f);
	diag_free(&d);
	return 0;
}
