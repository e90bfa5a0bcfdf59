/* test_report_csv.c -- the flows CSV: exactly the SPEC §7 columns first,
 * one row per year x actor x sex, full precision (report_fixture.h). */
#include "report_fixture.h"

static sk_status write_csv(const calc *c, FILE *f)
{
	return report_csv(c, f);
}

Test(report_csv, header_and_row_count)
{
	calc *c = fixture_calc();
	char *csv = fixture_output(write_csv, c);
	const char *head =
	        "year,actor,sex,baseline_cost,intervention_cost,investment,savings,net,net_pv,";
	cr_assert_eq(strncmp(csv, head, strlen(head)), 0, "%.100s", csv);
	int lines = 0;
	for (const char *p = csv; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(lines, 1 + 2 * 2 * 3); /* 2 years x 2 actors x (women, men, all) */
	free(csv);
	calc_free(c);
}

Test(report_csv, a_row_at_full_precision)
{
	calc *c = fixture_calc();
	char *csv = fixture_output(write_csv, c);
	const char *row = strstr(csv, "\n2027,kommun,all,");
	cr_assert_not_null(row);
	row += strlen("\n2027,kommun,all,");
	double v[6];
	char *end = (char *)row;
	for (int k = 0; k < 6; k++) {
		v[k] = strtod(end, &end);
		cr_assert_eq(*end, ',');
		end++;
	}
	double unit = 1000 + 500 * 50000.0 / 60000;     /* 1416.666... */
	cr_assert_float_eq(v[0], 5 * unit, 1e-9);       /* baseline: 5 in A */
	cr_assert_float_eq(v[1], 0, 0);                 /* intervention: none in A */
	cr_assert_float_eq(v[2], 0, 0);                 /* no investment in 2027 */
	cr_assert_float_eq(v[3], 5 * unit, 1e-9);       /* savings */
	cr_assert_float_eq(v[4], 5 * unit, 1e-9);       /* net */
	cr_assert_float_eq(v[5], 5 * unit / 1.1, 1e-9); /* net_pv, year 2 at r = 0.1 */
	/* women and men each half of all: size 10, women 0.5 (default) */
	const char *w = strstr(csv, "\n2026,kommun,women,");
	cr_assert_not_null(w);
	cr_assert_float_eq(strtod(w + strlen("\n2026,kommun,women,"), NULL), 5 * unit * 2 / 2,
	                   1e-9); /* 5 women in A in 2026 */
	free(csv);
	calc_free(c);
}
