/* fuzz_scenario.c -- libFuzzer target: any bytes as a scenario file, read
 * as if it were tests/cases/bad/fuzz.ini, so that "profiles =
 * good.profile.ini" in the seeds finds a real profile and the fuzzer gets
 * past the reader into the checks of states, actors, matrices and the
 * uncertainty spec (calc_read: every check of the file, nothing run). */
#include <gsl/gsl_errno.h>
#include <stddef.h>
#include <stdint.h>

#include "samkalk/vary/calc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gsl_set_error_handler_off();
	diag d;
	diag_init(&d);
	scenario *s = NULL;
	unc_spec *spec = NULL;
	calc_read("tests/cases/bad/fuzz.ini", (const char *)data, size, &s, &spec, &d);
	uncertainty_spec_free(spec);
	scenario_free(s);
	diag_free(&d);
	return 0;
}
