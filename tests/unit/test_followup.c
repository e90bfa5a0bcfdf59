/* test_followup.c -- the follow-up's estimate, outcome and re-forecast
 * (model/followup.h) against values worked out by hand here; the data are
 * built by the test, so that the reader (test_followup_read.c) is not
 * needed. */
#include <criterion/criterion.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc_load.h"
#include "samkalk/model/followup.h"
#include "samkalk/read/followup.h"

/* The Beta(a, b) distribution function at x by Simpson's rule on its
 * density, with the Beta function from lgamma: a route that shares nothing
 * with GSL's quantile. */
static double beta_cdf(double x, double a, double b)
{
	double lnB = lgamma(a) + lgamma(b) - lgamma(a + b);
	int n = 200000; /* even */
	double h = x / n, sum = 0;
	for (int i = 0; i <= n; i++) {
		double u = i * h;
		double f = u <= 0 ? (a < 1    ? 0
		                     : a == 1 ? exp(-lnB)
		                              : 0)
		                  : exp((a - 1) * log(u) + (b - 1) * log1p(-u) - lnB);
		sum += (i == 0 || i == n ? 1 : i % 2 ? 4 : 2) * f;
	}
	return sum * h / 3;
}

/* Three states, prior p = (0.6, 0.3, 0.1) with weight 2, counts (3, 5, 0):
 * N = 8, alpha = (1.2, 0.6, 0.2), A = 10, so the estimate is
 * (4.2, 5.6, 0.2) / 10 = (0.42, 0.56, 0.02); each interval is that of
 * Beta(a_k, 10 - a_k). */
Test(followup, posterior_of_a_hand_example)
{
	const double p[3] = {0.6, 0.3, 0.1}, c[3] = {3, 5, 0};
	double est[3], lo[3], hi[3], alpha[3];
	followup_posterior(3, p, c, 2, est, lo, hi, alpha);
	const double want[3] = {0.42, 0.56, 0.02}, a[3] = {4.2, 5.6, 0.2};
	for (int k = 0; k < 3; k++) {
		cr_assert(fabs(est[k] - want[k]) < 1e-15, "est[%d] = %.17g", k, est[k]);
		cr_assert(fabs(alpha[k] - a[k]) < 1e-15, "alpha[%d] = %.17g", k, alpha[k]);
		cr_assert(lo[k] < est[k] && est[k] < hi[k]);
	}
	/* the interval's ends hold 5 % and 95 % of the Beta marginal (the
	 * Simpson sum is good to about 1e-6 away from a singular end) */
	for (int k = 0; k < 2; k++) {
		cr_assert(fabs(beta_cdf(lo[k], a[k], 10 - a[k]) - 0.05) < 1e-5, "lo[%d]", k);
		cr_assert(fabs(beta_cdf(hi[k], a[k], 10 - a[k]) - 0.95) < 1e-5, "hi[%d]", k);
	}
}

/* prior_weight = 0: the observed shares 3/8 and 5/8; a move neither
 * assumed nor seen stays 0, its interval [0, 0]. */
Test(followup, weight_zero_gives_the_observed_shares)
{
	const double p[3] = {0.6, 0.4, 0}, c[3] = {3, 5, 0};
	double est[3], lo[3], hi[3];
	followup_posterior(3, p, c, 0, est, lo, hi, NULL);
	cr_assert_eq(est[0], 3.0 / 8);
	cr_assert_eq(est[1], 5.0 / 8);
	cr_assert_eq(est[2], 0);
	cr_assert_eq(lo[2], 0);
	cr_assert_eq(hi[2], 0);
}

/* A suppressed cell ("<5") counts 2.5: prior (0.5, 0.5) weight 2, counts
 * (2.5, 7.5): (1 + 2.5, 1 + 7.5) / 12 = (3.5, 8.5) / 12. No moves at
 * all: the assumption, interval included. */
Test(followup, suppressed_count_and_no_moves)
{
	const double p[2] = {0.5, 0.5}, c[2] = {2.5, 7.5}, none[2] = {0, 0};
	double est[2], lo[2], hi[2];
	followup_posterior(2, p, c, 2, est, lo, hi, NULL);
	cr_assert(fabs(est[0] - 3.5 / 12) < 1e-15);
	cr_assert(fabs(est[1] - 8.5 / 12) < 1e-15);
	followup_posterior(2, p, none, 2, est, lo, hi, NULL);
	cr_assert_eq(est[0], 0.5);
	cr_assert_eq(lo[1], 0.5);
	cr_assert_eq(hi[1], 0.5);
}

/* A panel of the hand example's ten persons, counted as the reader would:
 * all ten in A at entry; a year later six in A and four in W (sex not
 * given). */
static followup_data *ten_persons(void)
{
	followup_data *d = calloc(1, sizeof *d);
	size_t n = 2;
	int T = 3;
	d->path = strdup("ten.csv");
	d->shape = FU_PANEL;
	d->n_states = n;
	d->intakes = 1;
	d->years = T;
	d->moves = calloc(N_TR * N_FU_SEX * n * n, sizeof(double));
	d->occupancy = calloc((size_t)(T + 1) * N_FU_SEX * n, sizeof(double));
	d->last_t = malloc(sizeof(int));
	d->last_t[0] = 1;
	d->rows = 20;
	d->persons = 10;
	d->n_moves = 10;
	*followup_moves(d, TR_INTERVENTION, FU_UNKNOWN, 0, 0) = 6;
	*followup_moves(d, TR_INTERVENTION, FU_UNKNOWN, 0, 1) = 4;
	*followup_occupancy(d, 0, 0, FU_UNKNOWN, 0) = 10;
	*followup_occupancy(d, 0, 1, FU_UNKNOWN, 0) = 6;
	*followup_occupancy(d, 0, 1, FU_UNKNOWN, 1) = 4;
	return d;
}

/* The hand example (fu_two.ini): 10 persons in A (1 000 kr a year to the
 * kommun, W costs nothing), baseline A -> W 0.1, one intervention year at
 * 0.3, costs on the year's end, no discounting, 1 000 kr fixed in year 1.
 *
 * Estimate, intervention row A: prior (0.7, 0.3) weight 2, moves (6, 4):
 * (1.4 + 6, 0.6 + 4) / 12 = (7.4, 4.6) / 12. Row W: no move, kept.
 *
 * Re-forecast: baseline from the observed entry (10, 0): (9, 1),
 * (8.1, 1.9), (7.29, 2.71). With: year 1 observed (6, 4); then the after
 * matrix, which is the baseline: (5.4, 4.6), (4.86, 5.14). Costs at the
 * year's end: without 9 000, 8 100, 7 290; with 6 000, 5 400, 4 860;
 * savings 3 000, 2 700, 2 430; net 2 000, 2 700, 2 430; NPV 7 130.
 * Year 1 is realised (observed through t = 1), year 2 not.
 *
 * The original forecast: with (7, 3), (6.3, 3.7), (5.67, 4.33): costs
 * 7 000, 6 300, 5 670; savings 2 000, 1 800, 1 620; NPV 5 420 - 1 000 =
 * 4 420. Its savings in year 1: 2 000 against 3 000 realised, optimism
 * 2/3. Outcome at t = 1: forecast (0.7, 0.3), observed (0.6, 0.4). */
Test(followup, hand_example_reforecast)
{
	calc *c = load("tests/unit/data/fu_two.ini");
	scenario *s = c->s;
	s->followup = ten_persons();
	s->value[IN_FOLLOWUP_PRIOR_WEIGHT] = 2;
	followup_results *u = NULL;
	cr_assert_eq(followup_compute(s, c->m, c->f, c->r, &u), SK_OK);
	cr_assert(u->estimated[TR_INTERVENTION]);
	cr_assert(!u->estimated[TR_BASELINE] && !u->estimated[TR_AFTER]);
	cr_assert_eq(u->n_rows, 2);
	NEAR(u->rows[0].estimate[0], 7.4 / 12);
	NEAR(u->rows[0].estimate[1], 4.6 / 12);
	NEAR(u->rows[0].assumed[1], 0.3);
	cr_assert(u->rows[1].kept);
	NEAR(u->rows[1].estimate[1], 1);

	cr_assert_eq(u->realised_years, 1);
	cr_assert(u->realised[0] && !u->realised[1] && !u->realised[2]);
	const double without[3] = {9000, 8100, 7290}, with[3] = {6000, 5400, 4860};
	for (int t = 0; t < 3; t++) {
		NEAR(results_flow(u->r, 0, FLOW_ALL, t)->without, without[t]);
		NEAR(results_flow(u->r, 0, FLOW_ALL, t)->with, with[t]);
	}
	NEAR(u->r->fig[0].npv, 7130);
	NEAR(c->r->fig[0].npv, 4420);
	NEAR(u->realised_savings[0], 3000);
	NEAR(u->forecast_savings[0], 2000);
	NEAR(u->optimism[0], 2.0 / 3);
	/* per participant in 2026: 7 000 / 10 forecast, 6 000 / 10 observed */
	NEAR(u->forecast_per_participant[0], 700);
	NEAR(u->observed_per_participant[0], 600);

	cr_assert_eq(u->n_outcome, 4); /* t = 0 and 1, two states each */
	NEAR(u->outcome[2].forecast, 0.7);
	NEAR(u->outcome[2].observed, 0.6);
	NEAR(u->outcome[3].count, 4);
	cr_assert_eq(u->outcome[3].year, 2027);
	followup_results_free(u);
	calc_free(c); /* frees s->followup */
}

/* Attribution 0.5 credits half the observed effect: year 1's with
 * occupancy is base + 0.5 (observed - base) = (9 + 6) / 2 = 7.5 in A,
 * 2.5 in W; then P_base + 0.5 (P_after - P_base) = P_base: (6.75, 3.25),
 * (6.075, 3.925). Savings 1 500, 1 350, 1 215: realised 1 500, half the
 * 3 000 of the unscaled outcome. */
Test(followup, attribution_credits_the_outcome_by_its_share)
{
	calc *c = load("tests/unit/data/fu_two.ini");
	scenario *s = c->s;
	s->followup = ten_persons();
	s->value[IN_FOLLOWUP_PRIOR_WEIGHT] = 2;
	s->attribution = 0.5;
	followup_results *u = NULL;
	cr_assert_eq(followup_compute(s, c->m, c->f, c->r, &u), SK_OK);
	const double savings[3] = {1500, 1350, 1215};
	for (int t = 0; t < 3; t++)
		NEAR(results_flow(u->r, 0, FLOW_ALL, t)->savings, savings[t]);
	NEAR(u->realised_savings[0], 1500);
	/* the outcome's own cost is not scaled: 6 000 kr for 10 persons */
	NEAR(u->observed_per_participant[0], 600);
	followup_results_free(u);
	calc_free(c);
}

/* by_sex = yes with a sex column: a row per sex, each from its own moves.
 * Women A -> A 4, A -> W 1: (1.4 + 4, 0.6 + 1) / 7; men A -> A 2,
 * A -> W 3: (1.4 + 2, 0.6 + 3) / 7. Each sex's matrix takes its own row;
 * by_sex = no pools them into the (7.4, 4.6) / 12 of the hand example. */
Test(followup, rows_per_sex)
{
	calc *c = load("tests/unit/data/fu_two.ini");
	scenario *s = c->s;
	followup_data *d = ten_persons();
	d->has_sex = true;
	*followup_moves(d, TR_INTERVENTION, FU_UNKNOWN, 0, 0) = 0;
	*followup_moves(d, TR_INTERVENTION, FU_UNKNOWN, 0, 1) = 0;
	*followup_moves(d, TR_INTERVENTION, FU_WOMEN, 0, 0) = 4;
	*followup_moves(d, TR_INTERVENTION, FU_WOMEN, 0, 1) = 1;
	*followup_moves(d, TR_INTERVENTION, FU_MEN, 0, 0) = 2;
	*followup_moves(d, TR_INTERVENTION, FU_MEN, 0, 1) = 3;
	s->followup = d;
	s->value[IN_FOLLOWUP_PRIOR_WEIGHT] = 2;
	s->value[IN_FOLLOWUP_BY_SEX] = 1;
	followup_results *u = NULL;
	cr_assert_eq(followup_compute(s, c->m, c->f, c->r, &u), SK_OK);
	cr_assert(u->by_sex);
	cr_assert_eq(u->n_rows, 4); /* two states for each sex */
	cr_assert_eq(u->rows[0].sex, FLOW_WOMEN);
	NEAR(u->rows[0].estimate[1], 1.6 / 7);
	cr_assert_eq(u->rows[2].sex, FLOW_MEN);
	NEAR(u->rows[2].estimate[1], 3.6 / 7);
	NEAR(u->estimated_p[TR_INTERVENTION][SEX_WOMEN][1], 1.6 / 7);
	NEAR(u->estimated_p[TR_INTERVENTION][SEX_MEN][1], 3.6 / 7);
	followup_results_free(u);
	s->value[IN_FOLLOWUP_BY_SEX] = 0;
	cr_assert_eq(followup_compute(s, c->m, c->f, c->r, &u), SK_OK);
	cr_assert_eq(u->n_rows, 2);
	NEAR(u->rows[0].estimate[1], 4.6 / 12);
	NEAR(u->estimated_p[TR_INTERVENTION][SEX_MEN][1], 4.6 / 12);
	followup_results_free(u);
	calc_free(c);
}

/* A register's counts: Beta(2833.1, 52921.9), where GSL 2.7's quantile
 * gives NaN. The interval must hold 5 % and 95 % of the distribution (GSL's
 * distribution function, which holds there, checked by the normal
 * approximation: mean a / (a + b), sd sqrt(ab / ((a + b)^2 (a + b + 1))),
 * its 5 % and 95 % points mean -+ 1.6449 sd: sd is 9e-4 and the normal
 * approximation's error here about 1e-5, so 2e-5). */
Test(followup, interval_of_large_counts)
{
	gsl_set_error_handler_off(); /* as main does: GSL's failure is a value */
	const double p[2] = {0.5, 0.5}, c[2] = {2832.1, 52920.9};
	double est[2], lo[2], hi[2];
	followup_posterior(2, p, c, 2, est, lo, hi, NULL);
	double a = 2833.1, b = 52921.9, mean = a / (a + b),
	       sd = sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
	cr_assert(isfinite(lo[0]) && isfinite(hi[0]));
	cr_assert(fabs(lo[0] - (mean - 1.6449 * sd)) < 2e-5, "lo %.9g", lo[0]);
	cr_assert(fabs(hi[0] - (mean + 1.6449 * sd)) < 2e-5, "hi %.9g", hi[0]);
}

/* Attribution does not change the forecast of what will be observed:
 * with 0.5, the outcome's forecast share at t = 1 is still the assumed
 * (0.7, 0.3), and the forecast cost per participant still 7 000 / 10; only
 * the credit of the effect is halved. */
Test(followup, attribution_leaves_the_observable_forecast)
{
	calc *c = load("tests/unit/data/fu_two.ini");
	scenario *s = c->s;
	s->followup = ten_persons();
	s->attribution = 0.5;
	followup_results *u = NULL;
	cr_assert_eq(followup_compute(s, c->m, c->f, c->r, &u), SK_OK);
	NEAR(u->outcome[2].forecast, 0.7);
	NEAR(u->outcome[3].forecast, 0.3);
	NEAR(u->forecast_per_participant[0], 700);
	followup_results_free(u);
	calc_free(c);
}

/* by_sex = no, a row without moves (W) keeps each sex's own assumed row:
 * women W -> A 0.2, men stay in W; the mix (0.1 at half women) is only the
 * prior of a row the data estimate. */
Test(followup, a_kept_row_keeps_each_sex)
{
	calc *c = load("tests/unit/data/fu_two_sex.ini");
	scenario *s = c->s;
	s->followup = ten_persons();
	followup_results *u = NULL;
	cr_assert_eq(followup_compute(s, c->m, c->f, c->r, &u), SK_OK);
	cr_assert(u->rows[1].kept);
	NEAR(u->rows[1].assumed[0], 0.1); /* 0.5 x 0.2 + 0.5 x 0 */
	NEAR(u->estimated_p[TR_INTERVENTION][SEX_WOMEN][2], 0.2);
	NEAR(u->estimated_p[TR_INTERVENTION][SEX_MEN][2], 0);
	followup_results_free(u);
	calc_free(c);
}

/* A comparison group estimates the baseline: A -> A 5, A -> W 5 give
 * (1.8 + 5, 0.2 + 5) / 12. The intervention's row A is written in
 * [intervention.transitions] and stays as assumed (0.7, 0.3); the after
 * matrix, which no section writes, is the baseline's and follows the
 * estimate, so the comparison shows no effect where none is assumed. */
Test(followup, rows_no_section_writes_follow_the_estimated_baseline)
{
	calc *c = load("tests/unit/data/fu_two.ini");
	scenario *s = c->s;
	followup_data *d = ten_persons();
	*followup_moves(d, TR_INTERVENTION, FU_UNKNOWN, 0, 0) = 0;
	*followup_moves(d, TR_INTERVENTION, FU_UNKNOWN, 0, 1) = 0;
	*followup_moves(d, TR_BASELINE, FU_UNKNOWN, 0, 0) = 5;
	*followup_moves(d, TR_BASELINE, FU_UNKNOWN, 0, 1) = 5;
	s->followup = d;
	followup_results *u = NULL;
	cr_assert_eq(followup_compute(s, c->m, c->f, c->r, &u), SK_OK);
	cr_assert(u->comparison_baseline);
	for (int g = 0; g < N_SEX; g++) {
		NEAR(u->estimated_p[TR_BASELINE][g][1], 5.2 / 12);
		NEAR(u->estimated_p[TR_INTERVENTION][g][1], 0.3);
		NEAR(u->estimated_p[TR_AFTER][g][1], 5.2 / 12);
	}
	followup_results_free(u);
	calc_free(c);
}
