/* test_report_json.c -- the JSON fields of SPEC §7, with the figures of
 * the hand-computed case in report_fixture.h. */
#include "report_fixture.h"

static sk_status write_json(const calc *c, FILE *f)
{
	return report_json(c, f);
}

Test(report_json, figures_per_actor_and_totals)
{
	calc *c = fixture_calc();
	char *js = fixture_output(write_json, c);
	/* actors in order kommun, prod; then totals fiscal, society */
	cr_assert_float_eq(json_number(js, "npv", 0), KOMMUN_NPV, 1e-6);
	cr_assert_float_eq(json_number(js, "pv_investment", 0), 1000, 1e-9);
	cr_assert_float_eq(json_number(js, "pv_savings", 0), KOMMUN_NPV + 1000, 1e-6);
	cr_assert_float_eq(json_number(js, "return", 0), (KOMMUN_NPV + 1000) / 1000, 1e-9);
	cr_assert_float_eq(json_number(js, "npv", 1), PROD_NPV, 1e-6);
	cr_assert_float_eq(json_number(js, "npv", 2), KOMMUN_NPV, 1e-6); /* fiscal */
	cr_assert_float_eq(json_number(js, "npv", 3), SOCIETY_NPV, 1e-6);
	/* payback kommun: cum -1000, +6083.3: 2027, (2-1) + 1000/7083.33 = 1.141176 */
	const char *k = strstr(js, "\"id\": \"kommun\"");
	cr_assert_not_null(k);
	cr_assert_float_eq(json_number(k, "years", 0), 1 + 1000 / (7083.0 + 1.0 / 3), 1e-9);
	cr_assert_eq((int)json_number(k, "year", 0), 2027);
	free(js);
	calc_free(c);
}

Test(report_json, nulls_none_and_metadata)
{
	calc *c = fixture_calc();
	char *js = fixture_output(write_json, c);
	/* prod invests nothing: payback "none", return null */
	cr_assert_not_null(
	        strstr(js, "\"kind\": \"economic\", \"pv_investment\": 0, \"pv_savings\""));
	cr_assert_not_null(strstr(js, "\"return\": null, \"payback\": \"none\""));
	cr_assert_not_null(strstr(js, "\"fiscal\": {\"actors\": [\"kommun\"]"));
	cr_assert_not_null(strstr(js, "\"society\": {\"actors\": [\"kommun\", \"prod\"]"));
	cr_assert_not_null(strstr(js, "\"program\": \"samkalk\""));
	/* the name is escaped, never raw */
	cr_assert_not_null(strstr(js, "\"scenario\": \"=Rapport med \\\"citat\\\"\""));
	cr_assert_eq((int)json_number(js, "price_year", 0), 2024);
	cr_assert_float_eq(json_number(js, "discount_rate", 0), 0.1, 0);
	/* outcomes: person-years in B: baseline 0 + 5, intervention 0 + 10 */
	const char *b = strstr(js, "{\"state\": \"B\"");
	cr_assert_not_null(b);
	cr_assert_float_eq(json_number(b, "baseline", 0), 5, 1e-12);
	cr_assert_float_eq(json_number(b, "intervention", 0), 10, 1e-12);
	cr_assert_float_eq(json_number(b, "difference", 0), 5, 1e-12);
	/* two inputs with their SHA-256 */
	cr_assert_not_null(
	        strstr(js, "\"path\": \"tests/unit/data/reader_report.ini\", \"sha256\": \""));
	free(js);
	calc_free(c);
}
