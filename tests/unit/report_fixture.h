/* report_fixture.h -- the hand-computed case shared by the report tests.
 *
 * tests/unit/data/reader_report.ini with reader_profile.ini (price year
 * 2024; index 2024 = 50000, 2026 = 60000):
 *   unit cost A, kommun = 1000 + 500 (2026 prices) * 50000/60000
 *                       = 1000 + 416.6667 = 1416.6667
 *   unit cost B, prod   = -2000 (prod is economic)
 * 10 persons start in A; costs on the start of the year; r = 0.1, start.
 *   year 2026: both arms (10, 0): kommun 14 166.67, prod 0
 *   year 2027: baseline (5, 5): kommun 7 083.33, prod -10 000
 *              intervention (0, 10): kommun 0, prod -20 000
 *   investment kommun: 100 * 10 in 2026 (D = 1), 0 in 2027
 *   net kommun: -1000, +7083.33;  NPV = -1000 + 7083.333/1.1 = 5439.394
 *   net prod:   0, +10000;        NPV = 10000/1.1 = 9090.909
 *   fiscal = kommun; society = 5439.394 + 9090.909 = 14530.303 */
#ifndef REPORT_FIXTURE_H
#define REPORT_FIXTURE_H

#include <criterion/criterion.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/report/report.h"
#include "samkalk/vary/calc.h"

#define KOMMUN_NPV  (-1000 + (1000 + 500 * 50000.0 / 60000) * 5 / 1.1)
#define PROD_NPV    (10000 / 1.1)
#define SOCIETY_NPV (KOMMUN_NPV + PROD_NPV)

__attribute__((unused)) static calc *fixture_calc(void)
{
	gsl_set_error_handler_off();
	diag d;
	diag_init(&d);
	calc *c = NULL;
	sk_status st = calc_run("tests/unit/data/reader_report.ini", &c, &d);
	if (st != SK_OK)
		diag_print(&d, stderr);
	cr_assert_eq(st, SK_OK);
	diag_free(&d);
	return c;
}

/* Runs a writer into memory; the caller frees the text. */
__attribute__((unused, noinline)) static char *
fixture_output(sk_status (*write)(const calc *, FILE *), const calc *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(write(c, f), SK_OK);
	fclose(f);
	return buf;
}

/* The number after the n-th (from 0) occurrence of "key": in JSON text. */
__attribute__((unused)) static double json_number(const char *json, const char *key, int n)
{
	char pat[64];
	snprintf(pat, sizeof pat, "\"%s\": ", key);
	const char *p = json;
	for (int i = 0; i <= n; i++) {
		p = strstr(p, pat);
		cr_assert_not_null(p, "no %d-th %s", n, key);
		p += strlen(pat);
	}
	char *end;
	double v = strtod(p, &end);
	cr_assert_neq(end, p, "%s is not a number", key);
	return v;
}

#endif
