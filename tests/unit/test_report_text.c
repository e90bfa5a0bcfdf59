/* test_report_text.c -- the summary states price year, rate and horizon,
 * what each total covers, and signs that cannot be misread
 * (report_fixture.h for the figures). */
#include "report_fixture.h"

static sk_status write_sv(const calc *c, FILE *f)
{
	return report_text(c, LANG_SV, f);
}

static sk_status write_en(const calc *c, FILE *f)
{
	return report_text(c, LANG_EN, f);
}

/* The line starting with label. */
static const char *line_of(const char *text, const char *label)
{
	const char *p = text;
	while (p && *p) {
		if (strncmp(p, label, strlen(label)) == 0)
			return p;
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	cr_assert_fail("no line starting with %s", label);
	return NULL;
}

Test(report_text, swedish_states_basis_and_coverage)
{
	calc *c = fixture_calc();
	char *t = fixture_output(write_sv, c);
	cr_assert_not_null(strstr(t, "Belopp i kronor, 2024 års priser."));
	cr_assert_not_null(strstr(t, "diskonteringsränta 10,0 % per år"));
	cr_assert_not_null(strstr(t, "Kalkylperiod 2 år, 2026–2027."));
	cr_assert_not_null(strstr(t, "Offentlig sektor = Kommunen."));
	cr_assert_not_null(strstr(t, "Samhället = alla aktörer: Kommunen och Produktion."));
	/* Kommunen: investment 1 000 (no sign: a cost), savings +6 439, NPV +5 439,
	 * return 6.44 kr (6439.39 / 1000) */
	const char *k = line_of(t, "Kommunen ");
	cr_assert_not_null(strstr(k, " 1" FORMAT_GROUP_SV "000 "));
	cr_assert_not_null(strstr(k, "+6" FORMAT_GROUP_SV "439 "));
	cr_assert_not_null(strstr(k, "+5" FORMAT_GROUP_SV "439 "));
	cr_assert_not_null(strstr(k, "6,44 kr"));
	/* payback 2027 after 1.1 years (1 + 1000/7083.33 = 1.14) */
	cr_assert_not_null(strstr(t, "2027 (efter 1,1 år)"));
	free(t);
	calc_free(c);
}

Test(report_text, english_and_no_investment_in_words)
{
	calc *c = fixture_calc();
	char *t = fixture_output(write_en, c);
	cr_assert_not_null(strstr(t, "Amounts in kronor (SEK), 2024 prices."));
	const char *p = line_of(t, "Produktion ");
	cr_assert_not_null(strstr(p, "+9,091 "));       /* NPV 10000/1.1 */
	cr_assert_not_null(strstr(p, "no investment")); /* return in words */
	cr_assert_not_null(strstr(t, "Society\xc2\xb2 "));
	free(t);
	calc_free(c);
}
