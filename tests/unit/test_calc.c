/* test_calc.c -- the order scenario -> model -> projection -> figures:
 * check stops after the model, run goes to the end, and a mistake only
 * visible in the model (a row above 1) is bad input, not a crash. */
#include <criterion/criterion.h>
#include <gsl/gsl_errno.h>

#include "samkalk/vary/calc.h"

Test(calc, check_accepts_a_good_scenario)
{
	gsl_set_error_handler_off();
	diag d;
	diag_init(&d);
	cr_assert_eq(calc_check("tests/unit/data/reader_defaults.ini", &d), SK_OK);
	cr_assert_eq(diag_count(&d), 0);
	diag_free(&d);
}

Test(calc, row_above_one_is_bad_input_with_one_message)
{
	gsl_set_error_handler_off();
	/* A -> B 0.7 + A -> C 0.4 = 1.1 > 1 (SPEC §5) */
	static const char text[] =
	        "[scenario]\nprofiles = reader_profile.ini\nstart_year = 2026\n"
	        "years = 2\n[cohort]\nsize = 1\nA = 1\n[intervention]\nyears = 1\n[baseline]\nA -> B = 0.7\nA -> C = 0.4\n"
	        "[intervention.transitions]\nA -> B = 0.5\n";
	diag d;
	diag_init(&d);
	calc *c = NULL;
	sk_status st = calc_run_buffer("tests/unit/data/row.ini", text, sizeof text - 1, &c, &d);
	cr_assert_eq(st, SK_EINPUT);
	cr_assert_null(c);
	/* one message, though the row is wrong in all six matrices (3 sets x 2 sexes) */
	cr_assert_eq(diag_count(&d), 1);
	cr_assert_eq(d.msgs[0].line, 12); /* the last key of the row */
	diag_free(&d);
}

Test(calc, run_fills_figures_for_every_target)
{
	gsl_set_error_handler_off();
	diag d;
	diag_init(&d);
	calc *c = NULL;
	cr_assert_eq(calc_run("tests/unit/data/reader_defaults.ini", &c, &d), SK_OK);
	/* 2 actors + fiscal + society */
	cr_assert_eq(c->r->n_targets, 4);
	/* no costs in [intervention]: nobody invests, so no payback and no return */
	for (size_t j = 0; j < 4; j++) {
		cr_assert_eq(c->r->fig[j].nominal.status, PAYBACK_NONE);
		cr_assert_eq(c->r->fig[j].has_return, false);
	}
	calc_free(c);
	diag_free(&d);
}
