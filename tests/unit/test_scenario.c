/* test_scenario.c -- reading a scenario (SPEC §4): the defaults exactly as
 * SPEC §4 states them, the profile path relative to the scenario, and the
 * transitions kept as listed. */
#include <criterion/criterion.h>
#include <string.h>

#include "samkalk/read/scenario.h"

Test(scenario, defaults_as_spec_section_4)
{
	diag d;
	diag_init(&d);
	scenario *s = NULL;
	sk_status st = scenario_load("tests/unit/data/reader_defaults.ini", &s, &d);
	cr_assert_eq(st, SK_OK, "status %d, %zu messages", st, diag_count(&d));
	cr_assert_float_eq(s->discount_rate, 0.035, 0); /* default 0.035 */
	cr_assert_eq(s->timing, TIMING_START);          /* discount_timing: start */
	cr_assert_eq(s->costs_on, COSTS_START);         /* costs_on: start */
	cr_assert_eq(s->intakes, 1);                    /* intakes: 1 */
	cr_assert_float_eq(s->women, 0.5, 0);           /* women: 0.5 */
	cr_assert_eq(s->price_year, 2024);              /* the profile's price year */
	cr_assert_str_eq(s->profile_path, "tests/unit/data/reader_profile.ini");
	/* [cohort] A = 1 for both sexes without [cohort.women] */
	cr_assert_float_eq(s->start[SEX_WOMEN][0], 1, 0);
	cr_assert_float_eq(s->start[SEX_MEN][0], 1, 0);
	cr_assert_eq(s->tr[TR_BASELINE][FOR_ALL].n, 1);
	cr_assert_eq(s->tr[TR_BASELINE][FOR_ALL].v[0].from, 0);
	cr_assert_eq(s->tr[TR_BASELINE][FOR_ALL].v[0].to, 1);
	cr_assert_eq(s->tr[TR_BASELINE][FOR_ALL].v[0].line, 16);
	cr_assert_eq(s->tr[TR_AFTER][FOR_ALL].line, 0); /* no [after]: absent */
	cr_assert_eq(s->outcome_mode, false);
	scenario_free(s);
	diag_free(&d);
}

Test(scenario, transition_keys_with_or_without_blanks)
{
	static const char text[] =
	        "[scenario]\nprofiles = reader_profile.ini\nstart_year = 2026\n"
	        "years = 2\n[cohort]\nsize = 1\nA = 1\n[intervention]\nyears = 1\n[baseline]\nA->B = 0.25\nB  ->  C = 0.5\n"
	        "[intervention.transitions]\nA -> B = 0.5\n";
	diag d;
	diag_init(&d);
	scenario *s = NULL;
	sk_status st = scenario_parse("tests/unit/data/inline.ini", text, sizeof text - 1, &s, &d);
	cr_assert_eq(st, SK_OK, "%zu messages", diag_count(&d));
	const transitions *t = &s->tr[TR_BASELINE][FOR_ALL];
	cr_assert_eq(t->n, 2);
	cr_assert_eq(t->v[0].from, 0);
	cr_assert_eq(t->v[0].to, 1);
	cr_assert_float_eq(t->v[0].p, 0.25, 0);
	cr_assert_eq(t->v[1].from, 1); /* B */
	cr_assert_eq(t->v[1].to, 2);   /* C */
	cr_assert_eq(t->v[1].line, 12);
	scenario_free(s);
	diag_free(&d);
}
