/* test_values.c -- reading one value (values.h, SPEC §8): only plain finite
 * decimals are numbers ("12abc", "nan", "inf", "0x10", "1e400" and "0,5"
 * are refused with a message saying what was expected and what was found),
 * whole numbers refuse fractions, ids are ASCII, and an unknown key gets the
 * nearest known one suggested. Expected values by hand, in the comments. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/values.h"

/* Everything diag_print would show; the caller frees it. */
static char *printed(diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	diag_print(d, f);
	fclose(f);
	return buf;
}

/* value_number_text on s in [min, max]: true and *out, or false. */
static bool number(const char *s, double min, double max, double *out)
{
	diag d;
	diag_init(&d);
	bool ok = value_number_text(&d, "s.ini", 7, "k", s, min, max, "a number", out);
	cr_assert_eq(ok, diag_count(&d) == 0, "a refusal adds exactly one message, for '%s'", s);
	cr_assert_eq(diag_count(&d), ok ? 0 : 1);
	diag_free(&d);
	return ok;
}

/* Asserts that s is refused with exactly this message. */
static void refused(const char *s, double min, double max, const char *want)
{
	diag d;
	diag_init(&d);
	double out = 42;
	cr_assert_not(value_number_text(&d, "s.ini", 7, "k", s, min, max, "a number", &out),
	              "'%s' accepted", s);
	cr_assert_eq(out, 42, "a refused value leaves *out alone");
	char *text = printed(&d);
	cr_assert_str_eq(text, want);
	free(text);
	diag_free(&d);
}

static void accepted(const char *s, double want)
{
	double v = -12345;
	cr_assert(number(s, -1e12, 1e12, &v), "'%s' refused", s);
	cr_assert_eq(v, want, "'%s' read as %.17g", s, v);
}

Test(values, plain_decimals_accepted)
{
	accepted("0.035", 0.035);
	accepted("72", 72);
	accepted("-62000", -62000);
	accepted("+10", 10);
	accepted("1e3", 1000);
	accepted("2.5E-1", 0.25);
	accepted(".5", 0.5);
	accepted("10.", 10);
}

Test(values, minus_zero_becomes_zero)
{
	/* no "-0" in any output */
	double v = 1;
	cr_assert(number("-0", -1, 1, &v));
	cr_assert_eq(v, 0);
	cr_assert_not(signbit(v));
}

Test(values, range_bounds_inclusive)
{
	double v;
	cr_assert(number("0", 0, 1, &v));
	cr_assert(number("1", 0, 1, &v));
	refused("1.4", 0, 1, "s.ini:7: k: expected a number, got 1.4\n");
	refused("-0.05", 0, 1, "s.ini:7: k: expected a number, got -0.05\n");
}

Test(values, empty_refused)
{
	/* "got nothing": there is nothing to quote */
	refused("", 0, 1, "s.ini:7: k: expected a number, got nothing\n");
}

Test(values, trailing_junk_refused)
{
	refused("12abc", 0, 100, "s.ini:7: k: expected a number, got '12abc'\n");
	refused("1.2.3", 0, 100, "s.ini:7: k: expected a number, got '1.2.3'\n");
	refused("1e", 0, 100, "s.ini:7: k: expected a number, got '1e'\n");
	refused("--1", -100, 100, "s.ini:7: k: expected a number, got '--1'\n");
	refused("-", -100, 100, "s.ini:7: k: expected a number, got '-'\n");
	refused("tio", 0, 100, "s.ini:7: k: expected a number, got 'tio'\n");
}

Test(values, nan_and_infinity_refused)
{
	/* strtod reads all of these; none is a number of a file */
	refused("nan", 0, 1, "s.ini:7: k: expected a number, got 'nan'\n");
	refused("NaN", 0, 1, "s.ini:7: k: expected a number, got 'NaN'\n");
	refused("inf", 0, 1e12, "s.ini:7: k: expected a number, got 'inf'\n");
	refused("-inf", -1e12, 0, "s.ini:7: k: expected a number, got '-inf'\n");
	refused("infinity", 0, 1e12, "s.ini:7: k: expected a number, got 'infinity'\n");
}

Test(values, hexadecimal_refused)
{
	/* strtod would read 0x10 as 16 */
	refused("0x10", 0, 100, "s.ini:7: k: expected a number, got '0x10'\n");
	refused("0x1p3", 0, 100, "s.ini:7: k: expected a number, got '0x1p3'\n");
}

Test(values, out_of_double_range_refused)
{
	refused("1e400", 0, 1e12,
	        "s.ini:7: k: expected a number, got a number too large to represent in '1e400'\n");
	refused("-1e400", -1e12, 0,
	        "s.ini:7: k: expected a number, got a number too large to represent in '-1e400'\n");
	/* underflow is not "too large" */
	refused("1e-400", 0, 1e12,
	        "s.ini:7: k: expected a number, got a number too small to represent in '1e-400'\n");
}

Test(values, decimal_comma_refused_with_a_hint)
{
	refused("0,5", 0, 1,
	        "s.ini:7: k: expected a number, got a ',' (use '.' as the decimal sign) in '0,5'\n");
}

Test(values, spaces_and_percent_refused_with_a_hint)
{
	refused("1 500 000", 0, 1e12,
	        "s.ini:7: k: expected a number, got spaces inside the number (write 1500000, not 1 500 000) in '1 500 000'\n");
	refused("30%", 0, 1,
	        "s.ini:7: k: expected a number, got a '%' (write 0.05 for 5 %) in '30%'\n");
}

Test(values, long_bad_value_quoted_to_40_bytes)
{
	/* 50 'x': the message quotes the first 40 (SHOWN in values.c) */
	refused("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 0, 1,
	        "s.ini:7: k: expected a number, got 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n");
}

/* A document with one section [a] holding text, for value_int and
 * value_number on entries. */
static ini_doc *doc_of(const char *text)
{
	diag d;
	diag_init(&d);
	ini_doc *doc = NULL;
	cr_assert_eq(inifile_parse("c.ini", text, strlen(text), &doc, &d), SK_OK);
	diag_free(&d);
	return doc;
}

Test(values, number_of_an_entry_names_its_file_line_and_key)
{
	ini_doc *doc = doc_of("[baseline]\nAM3 -> AM2 = 0.05\nAM2 -> arbete = 1.4\n");
	diag d;
	diag_init(&d);
	double p = -1;
	cr_assert(
	        value_number(&d, doc, &doc->entries[0], 0, 1, "a probability between 0 and 1", &p));
	cr_assert_eq(p, 0.05);
	cr_assert_not(
	        value_number(&d, doc, &doc->entries[1], 0, 1, "a probability between 0 and 1", &p));
	char *text = printed(&d);
	/* the example of SPEC §8 */
	cr_assert_str_eq(
	        text, "c.ini:3: AM2 -> arbete: expected a probability between 0 and 1, got 1.4\n");
	free(text);
	diag_free(&d);
	inifile_free(doc);
}

Test(values, whole_numbers)
{
	ini_doc *doc = doc_of("[cohort]\na = 72\nb = 10.5\nc = 1e3\nd = -10\ne = 12abc\nf = 10.0\n"
	                      "g = 0.1e1\n");
	diag d;
	diag_init(&d);
	long v = -1;
	const char *what = "a whole number, at least 1";
	cr_assert(value_int(&d, doc, &doc->entries[0], 1, 1000, what, &v));
	cr_assert_eq(v, 72);
	cr_assert(value_int(&d, doc, &doc->entries[2], 1, 1000, what, &v)); /* 1e3 = 1000 */
	cr_assert_eq(v, 1000);
	cr_assert(value_int(&d, doc, &doc->entries[5], 1, 1000, what, &v)); /* 10.0 = 10 */
	cr_assert_eq(v, 10);
	cr_assert(value_int(&d, doc, &doc->entries[6], 1, 1000, what, &v)); /* 0.1e1 = 1 */
	cr_assert_eq(v, 1);
	cr_assert_eq(diag_count(&d), 0);
	v = -1;
	cr_assert_not(value_int(&d, doc, &doc->entries[1], 1, 1000, what, &v));
	cr_assert_not(value_int(&d, doc, &doc->entries[3], 1, 1000, what, &v));
	cr_assert_not(value_int(&d, doc, &doc->entries[4], 1, 1000, what, &v));
	cr_assert_eq(v, -1, "a refused value leaves *out alone");
	char *text = printed(&d);
	cr_assert_str_eq(text,
	                 "c.ini:3: b: expected a whole number, at least 1, got the fraction 10.5\n"
	                 "c.ini:5: d: expected a whole number, at least 1, got -10\n"
	                 "c.ini:6: e: expected a whole number, at least 1, got '12abc'\n");
	free(text);
	diag_free(&d);
	inifile_free(doc);
}

Test(values, whole_number_bounds_inclusive)
{
	ini_doc *doc = doc_of("[scenario]\nyears = 0\nmore = 1\nmost = 100\nover = 101\n");
	diag d;
	diag_init(&d);
	long v;
	const char *what = "a horizon of 1 to 100 whole years";
	cr_assert_not(value_int(&d, doc, &doc->entries[0], 1, 100, what, &v));
	cr_assert(value_int(&d, doc, &doc->entries[1], 1, 100, what, &v));
	cr_assert_eq(v, 1);
	cr_assert(value_int(&d, doc, &doc->entries[2], 1, 100, what, &v));
	cr_assert_eq(v, 100);
	cr_assert_not(value_int(&d, doc, &doc->entries[3], 1, 100, what, &v));
	char *text = printed(&d);
	cr_assert_str_eq(text,
	                 "c.ini:2: years: expected a horizon of 1 to 100 whole years, got 0\n"
	                 "c.ini:5: over: expected a horizon of 1 to 100 whole years, got 101\n");
	free(text);
	diag_free(&d);
	inifile_free(doc);
}

Test(values, text_must_not_be_empty)
{
	ini_doc *doc = doc_of("[scenario]\nname = Unga vuxna\nlabel =\n");
	diag d;
	diag_init(&d);
	cr_assert(value_text(&d, doc, &doc->entries[0], "the scenario's name"));
	cr_assert_not(value_text(&d, doc, &doc->entries[1], "the state's label"));
	char *text = printed(&d);
	cr_assert_str_eq(text, "c.ini:3: label: expected the state's label, got nothing\n");
	free(text);
	diag_free(&d);
	inifile_free(doc);
}

Test(values, ids_are_ascii_letters_digits_underscore_hyphen)
{
	cr_assert(value_is_id("AM2"));
	cr_assert(value_is_id("arbete"));
	cr_assert(value_is_id("sjukersattning"));
	cr_assert(value_is_id("a_b-c9"));
	cr_assert(value_is_id("9"));
	cr_assert_not(value_is_id(""));
	cr_assert_not(value_is_id("förvärv"));        /* non-ASCII */
	cr_assert_not(value_is_id("sjukersättning")); /* non-ASCII */
	cr_assert_not(value_is_id("a b"));
	cr_assert_not(value_is_id("a.b")); /* the dot separates ACTOR.ITEM */
	cr_assert_not(value_is_id("a->b"));
	cr_assert_not(value_is_id("a=b"));
	char id[70];
	memset(id, 'x', 64);
	id[64] = '\0';
	cr_assert(value_is_id(id)); /* 64 bytes: the longest */
	id[64] = 'x';
	id[65] = '\0';
	cr_assert_not(value_is_id(id)); /* 65 bytes */
}

static const char *const scenario_keys[] = {
        "name",       "profiles",      "start_year",      "years",
        "price_year", "discount_rate", "discount_timing", "costs_on"};

Test(values, nearest_key_for_a_typo)
{
	/* one letter missing: edit distance 1 */
	cr_assert_str_eq(value_nearest("discount_rat", scenario_keys, 8), "discount_rate");
	/* two letters swapped: distance 2, longer word 10: 2*3 <= 11 */
	cr_assert_str_eq(value_nearest("start_yaer", scenario_keys, 8), "start_year");
	/* case is ignored */
	cr_assert_str_eq(value_nearest("YEARS", scenario_keys, 8), "years");
	/* "efter" -> "after": distance 2, 5 letters, 2*3 <= 6 */
	static const char *const sections[] = {"scenario", "cohort", "after", "outcome"};
	cr_assert_str_eq(value_nearest("efter", sections, 4), "after");
}

Test(values, nearest_ties_go_to_the_first_candidate)
{
	/* AM4 is at distance 1 from both AM3 and AM2: the profile's order wins */
	static const char *const states[] = {"AM3", "AM2", "arbete"};
	cr_assert_str_eq(value_nearest("AM4", states, 3), "AM3");
}

Test(values, nothing_near_gives_null)
{
	cr_assert_null(value_nearest("xyz", scenario_keys, 8));
	cr_assert_null(value_nearest("kommun", scenario_keys, 8));
	/* distance 3 for 6 letters: 3*3 > 7, not a likely typo */
	static const char *const words[] = {"abcxyz"};
	cr_assert_null(value_nearest("abcdef", words, 1));
	/* distance 2 for 6 letters: 2*3 <= 7 */
	static const char *const words2[] = {"abcdxy"};
	cr_assert_str_eq(value_nearest("abcdef", words2, 1), "abcdxy");
	cr_assert_null(value_nearest("years", NULL, 0));
}

Test(values, unknown_lists_candidates_and_suggests)
{
	diag d;
	diag_init(&d);
	value_unknown(&d, "s.ini", 7, "discount_rat", "key in [scenario]", "discount_rat",
	              scenario_keys, 8);
	static const char *const states[] = {"AM3", "AM2", "arbete"};
	value_unknown(&d, "s.ini", 9, "AM1 -> X", "state", "X", states, 3);
	static const char *const many[] = {"a1", "a2", "a3",  "a4",  "a5",  "a6", "a7",
	                                   "a8", "a9", "a10", "a11", "a12", "a13"};
	value_unknown(&d, "s.ini", 11, NULL, "section", "zzzzzz", many, 13);
	char *text = printed(&d);
	cr_assert_str_eq(
	        text,
	        "s.ini:7: discount_rat: unknown key 'discount_rat' in [scenario], did you mean 'discount_rate'? (expected one of name, profiles, start_year, years, price_year, discount_rate, discount_timing, costs_on)\n"
	        "s.ini:9: AM1 -> X: unknown state 'X', expected one of AM3, AM2, arbete\n"
	        "s.ini:11: unknown section 'zzzzzz', expected one of a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, ...\n");
	free(text);
	diag_free(&d);
}
