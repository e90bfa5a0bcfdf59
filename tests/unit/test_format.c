/* test_format.c -- numbers for a committee: thousands separators, signs
 * that cannot be misread, decimal comma; and exact numbers for programs. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "samkalk/base/format.h"

#define MINUS FORMAT_MINUS
#define SP    FORMAT_GROUP_SV /* the no-break space between thousands */

Test(format, amounts_grouped_by_thousands)
{
	char b[64];
	cr_assert_str_eq(format_amount(b, sizeof b, 1700000, LANG_SV, false),
	                 "1" SP "700" SP "000");
	cr_assert_str_eq(format_amount(b, sizeof b, 1700000, LANG_EN, false), "1,700,000");
	cr_assert_str_eq(format_amount(b, sizeof b, 999, LANG_SV, false), "999");
	cr_assert_str_eq(format_amount(b, sizeof b, 1000, LANG_SV, false), "1" SP "000");
	cr_assert_str_eq(format_amount(b, sizeof b, 123456789012.0, LANG_SV, false),
	                 "123" SP "456" SP "789" SP "012");
}

Test(format, signs_are_explicit_and_zero_has_none)
{
	char b[64];
	cr_assert_str_eq(format_amount(b, sizeof b, 5100000.4, LANG_SV, true),
	                 "+5" SP "100" SP "000");
	cr_assert_str_eq(format_amount(b, sizeof b, -210091.5, LANG_SV, true),
	                 MINUS "210" SP "092");
	cr_assert_str_eq(format_amount(b, sizeof b, -3, LANG_SV, false), MINUS "3");
	/* -0.4 rounds to 0: neither a cost nor a saving */
	cr_assert_str_eq(format_amount(b, sizeof b, -0.4, LANG_SV, true), "0");
	cr_assert_str_eq(format_amount(b, sizeof b, 0.4, LANG_SV, true), "0");
}

Test(format, decimals_with_decimal_comma_in_swedish)
{
	char b[64];
	cr_assert_str_eq(format_decimal(b, sizeof b, 2.44, 1, LANG_SV, false), "2,4");
	cr_assert_str_eq(format_decimal(b, sizeof b, 2.45001, 1, LANG_EN, false), "2.5");
	cr_assert_str_eq(format_decimal(b, sizeof b, 3.5, 1, LANG_SV, false), "3,5");
	cr_assert_str_eq(format_decimal(b, sizeof b, 1234.5, 1, LANG_SV, true), "+1" SP "234,5");
	cr_assert_str_eq(format_decimal(b, sizeof b, -42.54, 1, LANG_SV, true), MINUS "42,5");
	cr_assert_str_eq(format_decimal(b, sizeof b, 84.4, 0, LANG_SV, false), "84");
}

Test(format, exact_reads_back_identically)
{
	char b[64];
	const double v[] = {0.1, 1.0 / 3, 943137.0123456789, -2760014.25, 1e-300, 0.035};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		cr_assert(strtod(format_exact(b, sizeof b, v[i]), NULL) == v[i], "%s", b);
	cr_assert_str_eq(format_exact(b, sizeof b, 0.1), "0.1"); /* shortest: 15 digits */
	cr_assert_str_eq(format_exact(b, sizeof b, -0.0), "0");  /* no -0 */
}

Test(format, width_counts_code_points)
{
	cr_assert_eq(format_width("Försäkringskassan"), 17); /* ö, ä are two bytes each */
	cr_assert_eq(format_width(MINUS "1"), 2);
}

Test(format, rates_in_words)
{
	char b[160];
	const double one[3] = {0.035, 0.035, 0.035};
	cr_assert_str_eq(format_rates(b, sizeof b, one, 3, LANG_SV), "3,5 % per år");
	cr_assert_str_eq(format_rates(b, sizeof b, one, 3, LANG_EN), "3.5% a year");
	/* bands cut at the horizon of 4 years; a one-year band says "year" */
	const double bands[4] = {0.1, 0.035, 0.03, 0.03};
	cr_assert_str_eq(format_rates(b, sizeof b, bands, 4, LANG_SV),
	                 "10,0 % per år år 1, 3,5 % per år år 2, 3,0 % per år år 3\xe2\x80\x93"
	                 "4");
	cr_assert_str_eq(
	        format_rates(b, sizeof b, bands, 4, LANG_EN),
	        "10.0% a year in year 1, 3.5% a year in year 2, 3.0% a year in years 3\xe2\x80\x93"
	        "4");
}
