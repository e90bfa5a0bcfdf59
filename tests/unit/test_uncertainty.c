/* test_uncertainty.c -- the tornado and the Monte Carlo of SPEC §6
 * (uncertainty.h) on scenarios small enough to work out by hand.
 *
 * unc_tornado.ini and unc_uniform.ini share metrics_basic.ini's flows: 10
 * people in A, none move without the intervention, half move to B in its one
 * year and stay; costs on the end occupancy, r = 0.1, timing start. A costs
 * kommun 2000 a year and B earns prod (economic) 3000, so in each of years
 * 1..3 kommun saves 5 x 2000 = 10000 and prod 5 x 3000 = 15000, and kommun
 * invests 10 c in year 1 for a cost c per participant. With the discount
 * factors 1, 1/1.1, 1/1.21:
 *   NPV kommun(c, r) = -10 c + 10000 (1 + 1/(1+r) + 1/(1+r)^2)
 *   NPV prod(r)      =         15000 (1 + 1/(1+r) + 1/(1+r)^2)
 * fiscal = kommun (prod is economic), society = kommun + prod. At r = 0.1:
 *   K = 10000 x 2.7355371900826446 = 27355.371900826446
 *   P = 15000 x 2.7355371900826446 = 41033.05785123967
 * Cumulative nominal net of kommun: 10000 - 10c, 20000 - 10c, 30000 - 10c;
 * of society: 25000 - 10c, 50000 - 10c, 75000 - 10c.
 *
 * Monte Carlo checks against closed forms allow 4 standard errors (the
 * seed is fixed, so the outcome is the same on every run; a correct program
 * lands outside 4 SE with probability 6e-5 per check). */
#include <criterion/criterion.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/vary/calc.h"
#include "samkalk/vary/uncertainty.h"

#include "calc_load.h"

#define DATA "tests/unit/data/"

enum { KOMMUN = 0, PROD = 1 };
#define N_ACT   2
#define FISCAL  TARGET_FISCAL(N_ACT)
#define SOCIETY TARGET_SOCIETY(N_ACT)

#define F01 (1 + 1 / 1.1 + 1 / (1.1 * 1.1)) /* discount factors, r = 0.1 */
#define K   (10000 * F01)                   /* kommun's PV of savings */
#define P   (15000 * F01)                   /* prod's PV of savings */

static void setup(void)
{
	gsl_set_error_handler_off();
}

TestSuite(tornado, .init = setup);
TestSuite(montecarlo, .init = setup);

/* 1e-9 relative, or 1e-6 kr near 0: the hand values are closed forms and
 * the program sums a few doubles. NEAR (calc_load.h) checks it. */

/* A Monte Carlo estimate within 4 standard errors of its closed form. */
#define WITHIN_4SE(got, want, se)                                                                  \
	do {                                                                                       \
		double g_ = (got), w_ = (want), s_ = (se);                                         \
		cr_assert(fabs(g_ - w_) <= 4 * s_, "%s = %.17g, expected %.17g within 4 SE = %g",  \
		          #got, g_, w_, 4 * s_);                                                   \
	} while (0)

/* The file's draws and seed (-1), on threads threads; csv may be NULL. */
static unc_results *run(const calc *c, int threads, FILE *csv)
{
	unc_options o = {.draws = -1, .seed = -1, .threads = threads, .draws_csv = csv};
	diag d;
	diag_init(&d);
	unc_results *u = NULL;
	sk_status st = uncertainty_run(c, &o, &u, &d);
	if (st != SK_OK)
		diag_print(&d, stderr);
	diag_free(&d);
	cr_assert_eq(st, SK_OK, "uncertainty_run: %s", sk_strerror(st));
	cr_assert_not_null(u);
	return u;
}

/* unc_uniform.ini with another distribution for the cost. */
static calc *load_cost(const char *distribution)
{
	FILE *f = fopen(DATA "unc_uniform.ini", "rb");
	cr_assert_not_null(f);
	static char text[4096];
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	const char *at = strstr(text, "= uniform(1500, 3500)"); /* not the comment's */
	cr_assert_not_null(at);
	static char changed[4200];
	int len = snprintf(changed, sizeof changed, "%.*s= %s%s", (int)(at - text), text,
	                   distribution, at + strlen("= uniform(1500, 3500)"));
	diag d;
	diag_init(&d);
	calc *c = NULL;
	sk_status st = calc_run_buffer(DATA "unc_changed.ini", changed, (size_t)len, &c, &d);
	if (st != SK_OK)
		diag_print(&d, stderr);
	diag_free(&d);
	cr_assert_eq(st, SK_OK);
	return c;
}

Test(tornado, cost_and_rate_ends_by_hand)
{
	calc *c = load(DATA "unc_tornado.ini");
	/* base: c = 1950, K - 19500 = 7855.371900826446 */
	NEAR(c->r->fig[KOMMUN].npv, K - 19500);
	unc_results *u = run(c, 1, NULL);
	cr_assert_eq(u->n_targets, 4);
	cr_assert_eq(u->draws, 0); /* no [uncertainty X]: no draws */
	cr_assert_null(u->stats);
	cr_assert_eq(u->n_tornado, 2);

	/* sorted by the swing of the fiscal NPV: the cost moves it by
	 * 10 x (3000 - 1000) = 20000, the rate by 10500 - 5777.78 = 4722.22 */
	const unc_tornado_row *cost = &u->tornado[0], *rate = &u->tornado[1];
	cr_assert_eq(u->spec->v[cost->input].kind, UNC_PER_ACTOR);
	cr_assert_eq(u->spec->v[cost->input].row, &input_keys[IN_COST_PER_PARTICIPANT]);
	cr_assert_eq(u->spec->v[rate->input].kind, UNC_RATE);

	/* cost 1000 and 3000: kommun K - 10000 and K - 30000, 20000 apart (10
	 * participants x 2000 kr more, in year 1, undiscounted); prod does not
	 * pay for it */
	cr_assert_eq(cost->low, 1000);
	cr_assert_eq(cost->high, 3000);
	NEAR(cost->npv_low[KOMMUN], K - 10000);  /* 17355.371900826446 */
	NEAR(cost->npv_high[KOMMUN], K - 30000); /* -2644.628099173554 */
	NEAR(cost->npv_low[KOMMUN] - cost->npv_high[KOMMUN], 20000);
	NEAR(cost->npv_low[KOMMUN] - c->r->fig[KOMMUN].npv, 10 * (1950 - 1000));
	NEAR(cost->npv_low[PROD], P);
	NEAR(cost->npv_high[PROD], P);
	NEAR(cost->npv_low[FISCAL], K - 10000);
	NEAR(cost->npv_high[FISCAL], K - 30000);
	NEAR(cost->npv_low[SOCIETY], K + P - 10000);  /* 58388.42975206612 */
	NEAR(cost->npv_high[SOCIETY], K + P - 30000); /* 38388.42975206612 */

	/* rate 0: kommun -19500 + 3 x 10000 = 10500, prod 3 x 15000 = 45000;
	 * rate 0.2: factors 1 + 1/1.2 + 1/1.44 = 2.527777..., kommun -19500 +
	 * 25277.78 = 5777.78, prod 37916.67 */
	cr_assert_eq(rate->low, 0);
	cr_assert_eq(rate->high, 0.2);
	const double f02 = 1 + 1 / 1.2 + 1 / 1.44;
	NEAR(rate->npv_low[KOMMUN], 10500);
	NEAR(rate->npv_low[PROD], 45000);
	NEAR(rate->npv_low[FISCAL], 10500);
	NEAR(rate->npv_low[SOCIETY], 55500);
	NEAR(rate->npv_high[KOMMUN], -19500 + 10000 * f02);
	NEAR(rate->npv_high[PROD], 15000 * f02);
	NEAR(rate->npv_high[SOCIETY], -19500 + 25000 * f02);
	unc_results_free(u);
	/* the tornado leaves the calculation it started from as it was */
	NEAR(c->r->fig[KOMMUN].npv, K - 19500);
	calc_free(c);
}

Test(tornado, without_sensitivity_p5_and_p95_of_the_distribution)
{
	calc *c = load(DATA "unc_uniform.ini");
	unc_results *u = run(c, 1, NULL);
	cr_assert_eq(u->n_tornado, 1);
	/* uniform(1500, 3500): P5 = 1500 + 0.05 x 2000 = 1600, P95 = 3400 */
	NEAR(u->tornado[0].low, 1600);
	NEAR(u->tornado[0].high, 3400);
	NEAR(u->tornado[0].npv_low[KOMMUN], K - 16000);  /* 11355.37 */
	NEAR(u->tornado[0].npv_high[KOMMUN], K - 34000); /* -6644.63 */
	NEAR(u->tornado[0].npv_low[PROD], P);
	unc_results_free(u);
	calc_free(c);
}

Test(montecarlo, uniform_cost_against_closed_forms)
{
	calc *c = load(DATA "unc_uniform.ini");
	unc_results *u = run(c, 2, NULL);
	const double n = 20000;
	cr_assert_eq(u->draws, 20000);
	cr_assert_eq(u->seed, 7);

	/* kommun NPV = K - 10 c, c ~ uniform(1500, 3500), so NPV ~ uniform(lo,
	 * hi) with lo = K - 35000 = -7644.63, hi = K - 15000 = 12355.37, width
	 * w = 20000:
	 *   mean K - 25000 = 2355.37, sd w / sqrt(12) = 5773.50;
	 *   P(NPV > 0) = hi / w = 0.61777;
	 *   quantile at p: lo + p w, the sample quantile's SE sqrt(p (1-p) / n)
	 *   divided by the density 1/w;
	 *   EVPI = E max(NPV, 0) - E NPV = E max(-NPV, 0) (E NPV > 0 by 57 SE)
	 *        = lo^2 / (2 w) = 1460.99, estimated by the mean of
	 *   Y = max(-NPV, 0), E Y^2 = |lo|^3 / (3 w). */
	const double lo = K - 35000, hi = K - 15000, w = 20000;
	const unc_stats *k = &u->stats[KOMMUN];
	WITHIN_4SE(k->mean, K - 25000, w / sqrt(12) / sqrt(n));
	double p = hi / w;
	WITHIN_4SE(k->p_positive, p, sqrt(p * (1 - p) / n));
	WITHIN_4SE(k->p5, lo + 0.05 * w, w * sqrt(0.05 * 0.95 / n));
	WITHIN_4SE(k->p50, lo + 0.50 * w, w * sqrt(0.25 / n));
	WITHIN_4SE(k->p95, lo + 0.95 * w, w * sqrt(0.05 * 0.95 / n));
	double ey = lo * lo / (2 * w), ey2 = -lo * lo * lo / (3 * w);
	WITHIN_4SE(k->evpi, ey, sqrt((ey2 - ey * ey) / n));
	/* fiscal is kommun alone: the same numbers */
	const unc_stats *f = &u->stats[FISCAL];
	cr_assert_eq(f->mean, k->mean);
	cr_assert_eq(f->p_positive, k->p_positive);
	cr_assert_eq(f->p95, k->p95);

	/* prod does not depend on c: every draw is P; P > 0 in every draw and
	 * no information can change a decision that always gains: EVPI 0 */
	const unc_stats *pr = &u->stats[PROD];
	NEAR(pr->mean, P);
	NEAR(pr->p5, P);
	NEAR(pr->p95, P);
	cr_assert_eq(pr->p_positive, 1.0);
	cr_assert_eq(pr->evpi, 0.0);
	/* society = K + P - 10 c >= K + P - 35000 = 33388.43 > 0 */
	const unc_stats *s = &u->stats[SOCIETY];
	WITHIN_4SE(s->mean, K + P - 25000, w / sqrt(12) / sqrt(n));
	cr_assert_eq(s->p_positive, 1.0);
	cr_assert_eq(s->evpi, 0.0);
	unc_results_free(u);
	calc_free(c);
}

Test(montecarlo, payback_shares)
{
	calc *c = load(DATA "unc_uniform.ini");
	unc_results *u = run(c, 1, NULL);
	const long n = 20000;
	for (size_t t = 0; t < u->n_targets; t++) {
		/* every draw is paid back by the last year, never, or invested
		 * nothing; paid[] is cumulative */
		const unc_stats *s = &u->stats[t];
		cr_assert_eq(s->paid[2] + s->never + s->none, n, "target %zu", t);
		cr_assert(s->paid[0] <= s->paid[1] && s->paid[1] <= s->paid[2]);
	}
	/* kommun, c ~ uniform(1500, 3500): year 1 10000 - 10c < 0 always; by
	 * year 2 20000 - 10c >= 0 when c <= 2000, P = 500/2000 = 0.25; by year 3
	 * when c <= 3000, P = 0.75; never 0.25; it always invests */
	const unc_stats *k = &u->stats[KOMMUN];
	double se = sqrt(0.25 * 0.75 / (double)n);
	cr_assert_eq(k->paid[0], 0);
	WITHIN_4SE((double)k->paid[1] / (double)n, 0.25, se);
	WITHIN_4SE((double)k->paid[2] / (double)n, 0.75, se);
	WITHIN_4SE((double)k->never / (double)n, 0.25, se);
	cr_assert_eq(k->none, 0);
	/* prod invests nothing in any draw */
	const unc_stats *pr = &u->stats[PROD];
	cr_assert_eq(pr->none, n);
	cr_assert_eq(pr->never, 0);
	cr_assert_eq(pr->paid[2], 0);
	/* society: 25000 - 10c >= 0 when c <= 2500, P = 0.5; 50000 - 10c > 0
	 * always */
	const unc_stats *s = &u->stats[SOCIETY];
	WITHIN_4SE((double)s->paid[0] / (double)n, 0.5, sqrt(0.25 / (double)n));
	cr_assert_eq(s->paid[1], n);
	cr_assert_eq(s->never, 0);
	unc_results_free(u);
	calc_free(c);
}

Test(montecarlo, sign_that_cannot_change)
{
	/* c ~ uniform(1000, 2000): kommun NPV = K - 10c >= K - 20000 = 7355.37
	 * > 0 in every draw: P(NPV > 0) = 1 and EVPI = 0; by year 2 20000 - 10c
	 * >= 0 in every draw */
	calc *c = load_cost("uniform(1000, 2000)");
	unc_results *u = run(c, 1, NULL);
	const unc_stats *k = &u->stats[KOMMUN];
	cr_assert_eq(k->p_positive, 1.0);
	cr_assert_eq(k->evpi, 0.0);
	cr_assert(k->p5 >= K - 20000 && k->p95 <= K - 10000);
	cr_assert_eq(k->paid[1], u->draws);
	unc_results_free(u);
	calc_free(c);

	/* c ~ uniform(3000, 4000): K - 10c <= K - 30000 = -2644.63 < 0 in every
	 * draw: P = 0, EVPI = 0 (not funding is right in every draw); 30000 -
	 * 10c < 0: never paid back */
	c = load_cost("uniform(3000, 4000)");
	u = run(c, 1, NULL);
	k = &u->stats[KOMMUN];
	cr_assert_eq(k->p_positive, 0.0);
	cr_assert_eq(k->evpi, 0.0);
	cr_assert(k->p5 >= K - 40000 && k->p95 <= K - 30000);
	cr_assert_eq(k->never, u->draws);
	cr_assert_eq(k->paid[2], 0);
	unc_results_free(u);
	calc_free(c);
}

/* The whole draws CSV of a run, as a string. */
static char *draws_csv(const calc *c, int threads, unc_results **u)
{
	FILE *f = tmpfile();
	cr_assert_not_null(f);
	*u = run(c, threads, f);
	long len = ftell(f);
	rewind(f);
	char *text = calloc((size_t)len + 1, 1);
	cr_assert_eq(fread(text, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	return text;
}

Test(montecarlo, same_results_for_any_thread_count)
{
	/* 20000 draws cross the chunks of 16384; each draw has its own stream,
	 * so 1 and 3 threads give the same bits */
	calc *c = load(DATA "unc_uniform.ini");
	unc_results *a, *b;
	char *ca = draws_csv(c, 1, &a), *cb = draws_csv(c, 3, &b);
	cr_assert_str_eq(ca, cb);
	/* header and 20000 rows */
	const char *head =
	        "draw,intervention: cost_per_participant.kommun,npv_kommun,npv_prod,npv_fiscal,npv_society\n";
	cr_assert(strncmp(ca, head, strlen(head)) == 0, "header: %.100s", ca);
	size_t lines = 0;
	for (const char *p = ca; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(lines, 20001);
	for (size_t t = 0; t < a->n_targets; t++) {
		const unc_stats *x = &a->stats[t], *y = &b->stats[t];
		cr_assert(memcmp(&x->mean, &y->mean, sizeof x->mean) == 0);
		cr_assert(memcmp(&x->p5, &y->p5, sizeof x->p5) == 0);
		cr_assert(memcmp(&x->p50, &y->p50, sizeof x->p50) == 0);
		cr_assert(memcmp(&x->p95, &y->p95, sizeof x->p95) == 0);
		cr_assert(memcmp(&x->evpi, &y->evpi, sizeof x->evpi) == 0);
		cr_assert_eq(x->p_positive, y->p_positive);
		cr_assert(memcmp(x->paid, y->paid, 3 * sizeof *x->paid) == 0);
		cr_assert_eq(x->never, y->never);
	}
	free(ca);
	free(cb);
	unc_results_free(a);
	unc_results_free(b);
	calc_free(c);
}
