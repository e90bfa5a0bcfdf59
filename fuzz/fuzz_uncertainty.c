/* fuzz_uncertainty.c -- libFuzzer target: the [sensitivity X] and
 * [uncertainty X] sections of a whole run in memory (two_files.h): the
 * tornado, at most 64 draws on one thread and then two, the draws CSV and
 * every report, without a fault (issues #5, #7). */
#define _GNU_SOURCE
#include <gsl/gsl_errno.h>

#include "samkalk/report/report.h"
#include "samkalk/vary/uncertainty.h"
#include "two_files.h"

static void draws(calc *c)
{
	if (!c->spec)
		return;
	FILE *null = fopen("/dev/null", "w");
	if (!null)
		return;
	for (int threads = 1; threads <= 2; threads++) {
		unc_options o = {.draws = c->spec->draws > 64 ? 64 : -1,
		                 .seed = -1,
		                 .threads = threads,
		                 .draws_csv = null};
		diag d;
		diag_init(&d);
		unc_results *u = NULL;
		if (uncertainty_run(c, &o, &u, &d) == SK_OK) {
			unc_results_free(c->u);
			c->u = u;
			report_text(c, LANG_SV, null);
			report_json(c, null);
		}
		diag_free(&d);
	}
	fclose(null);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gsl_set_error_handler_off();
	two_files(data, size, draws);
	return 0;
}
