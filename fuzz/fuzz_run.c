/* fuzz_run.c -- libFuzzer target: a whole run in memory, from two file
 * buffers (two_files.h) to the figures. A run that reads must project,
 * find every figure and write its reports without a fault (issue #7). */
#define _GNU_SOURCE
#include <gsl/gsl_errno.h>

#include "samkalk/report/report.h"
#include "two_files.h"

static void reports(calc *c)
{
	FILE *null = fopen("/dev/null", "w");
	if (!null)
		return;
	report_text(c, LANG_SV, null);
	report_csv(c, null);
	report_json(c, null);
	fclose(null);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gsl_set_error_handler_off();
	two_files(data, size, reports);
	return 0;
}
