/* test_metrics.c -- the decision figures of SPEC §5: PV of investment and
 * savings, NPV, return, payback (nominal and discounted), break-even and
 * lambda_max, person-years, and the flows per target, sex and year; per
 * actor, for fiscal actors and for society.
 *
 * Every expected value is worked out by hand in the comment beside it, from
 * the tiny files in tests/unit/data/metrics_*.ini. metrics_p.ini has two
 * states and two actors: A costs kommun 2000, B earns prod (economic) 3000,
 * so each person moved from A to B saves kommun 2000 and prod 3000 a year. */
#include <criterion/criterion.h>
#include <gsl/gsl_errno.h>
#include <math.h>

#include "samkalk/base/diag.h"
#include "samkalk/model/metrics.h"
#include "samkalk/model/model.h"
#include "samkalk/vary/calc.h"

#include "calc_load.h"

#define DATA "tests/unit/data/"

enum { A = 0, B = 1 };         /* states in profile order */
enum { KOMMUN = 0, PROD = 1 }; /* actors in profile order */
#define N_ACT   2
#define FISCAL  TARGET_FISCAL(N_ACT)
#define SOCIETY TARGET_SOCIETY(N_ACT)

static void setup(void)
{
	gsl_set_error_handler_off();
}

TestSuite(metrics, .init = setup);

/* Tolerance: 1e-9 relative, or 1e-6 absolute near zero. The hand values are
 * closed forms and the program sums a few doubles or runs Brent's method to
 * ~1e-12, so this leaves room for rounding while any wrong term still fails. NEAR (calc_load.h)
 * checks it. */

static void check_payback(payback p, payback_status status, int year, double years)
{
	cr_assert_eq(p.status, status, "payback status %d, expected %d", p.status, status);
	if (status != PAYBACK_REACHED)
		return;
	cr_assert_eq(p.year, year, "payback year %d, expected %d", p.year, year);
	NEAR(p.years, years);
}

/* ---- 8. payback, the pure function ----------------------------------- */

Test(metrics, payback_between_years)
{
	double net[] = {-1000, 400, 400, 400};
	/* cumulative -1000, -600, -200, 200: year 4 = 2029;
	 * (4-1) + 200/400 = 3.5 */
	check_payback(metrics_payback(net, 4, 2026, true), PAYBACK_REACHED, 2029, 3.5);
}

Test(metrics, payback_in_year_one)
{
	double net[] = {500, -100};
	/* cumulative 500 >= 0 in year 1: 2026 after 0 years */
	check_payback(metrics_payback(net, 2, 2026, true), PAYBACK_REACHED, 2026, 0.0);
}

Test(metrics, payback_cumulative_exactly_zero_counts)
{
	double net[] = {-100, 100, 50};
	/* cumulative -100, 0: 0 >= 0 in year 2 = 2027; 1 + 100/100 = 2.0 */
	check_payback(metrics_payback(net, 3, 2026, true), PAYBACK_REACHED, 2027, 2.0);
}

Test(metrics, payback_first_year_even_if_later_negative)
{
	double net[] = {-100, 200, -300, 400};
	/* cumulative -100, 100 (first >= 0, year 2); 1 + 100/200 = 1.5 */
	check_payback(metrics_payback(net, 4, 2030, true), PAYBACK_REACHED, 2031, 1.5);
}

Test(metrics, payback_not_within_horizon)
{
	double net[] = {-1000, 100, 100};
	/* cumulative -1000, -900, -800: never >= 0 within T = 3 */
	check_payback(metrics_payback(net, 3, 2026, true), PAYBACK_NOT_REACHED, 0, 0);
}

Test(metrics, payback_none_without_investment)
{
	double net[] = {-1000, 2000};
	/* invests = false: "no investment", whatever the net */
	check_payback(metrics_payback(net, 2, 2026, false), PAYBACK_NONE, 0, 0);
}

/* ---- 9. PV, NPV, return; 8. payback through a calculation ------------ */

/* metrics_basic.ini: 10 in A, baseline A->B 0, intervention A->B 0.5 in
 * year 1, after = baseline; costs on end, so 5 people are in B at the end
 * of every year: savings kommun 5*2000 = 10000 and prod 5*3000 = 15000 a
 * year. Investment kommun 1950*10 = 19500 in year 1. r = 0.1, timing start:
 * factors 1, 1/1.1, 1/1.21; sum 3.31/1.21. */

Test(metrics, actor_present_values_npv_and_return)
{
	calc *c = load(DATA "metrics_basic.ini");
	const figures *k = &c->r->fig[KOMMUN];
	/* undiscounted: investment 19500, savings 3*10000, net 30000 - 19500 */
	NEAR(k->investment, 19500);
	NEAR(k->savings, 30000);
	NEAR(k->net, 10500);
	/* PV investment 19500 (year 1 undiscounted);
	 * PV savings 10000 (1 + 1/1.1 + 1/1.21) = 10000*3.31/1.21 = 33100/1.21;
	 * NPV (33100 - 19500*1.21)/1.21 = 9505/1.21;
	 * return (33100/1.21)/19500 = 33100/23595 */
	NEAR(k->pv_investment, 19500);
	NEAR(k->pv_savings, 33100 / 1.21);
	NEAR(k->npv, 9505 / 1.21);
	cr_assert(k->has_return);
	NEAR(k->ret, 33100.0 / 23595.0);
	calc_free(c);
}

Test(metrics, payback_fractional_and_discounted_later_than_nominal)
{
	calc *c = load(DATA "metrics_basic.ini");
	const figures *k = &c->r->fig[KOMMUN];
	/* net -9500, 10000, 10000; cumulative -9500, 500: 2027,
	 * (2-1) + 9500/10000 = 1.95 */
	check_payback(k->nominal, PAYBACK_REACHED, 2027, 1.95);
	/* net_pv -9500, 10000/1.1, 10000/1.21; cumulative -9500,
	 * -9500 + 9090.909 = -450/1.1 < 0, then > 0: 2028,
	 * (3-1) + (450/1.1)/(10000/1.21) = 2 + 0.045*1.1 = 2.0495 */
	check_payback(k->discounted, PAYBACK_REACHED, 2028, 2.0495);
	calc_free(c);
}

Test(metrics, economic_actor_without_investment_has_no_return_or_payback)
{
	calc *c = load(DATA "metrics_basic.ini");
	const figures *p = &c->r->fig[PROD];
	/* prod invests nothing; savings 15000 a year: PV 15000*3.31/1.21 = 49650/1.21 */
	NEAR(p->investment, 0);
	NEAR(p->pv_investment, 0);
	NEAR(p->pv_savings, 49650 / 1.21);
	NEAR(p->npv, 49650 / 1.21);
	cr_assert(!p->has_return);
	check_payback(p->nominal, PAYBACK_NONE, 0, 0);
	check_payback(p->discounted, PAYBACK_NONE, 0, 0);
	calc_free(c);
}

Test(metrics, fiscal_total_covers_only_fiscal_actors)
{
	calc *c = load(DATA "metrics_basic.ini");
	const results *r = c->r;
	cr_assert_eq(r->n_actors, N_ACT);
	cr_assert_eq(r->n_targets, N_ACT + 2);
	cr_assert(r->in_target[FISCAL * N_ACT + KOMMUN]);
	cr_assert(!r->in_target[FISCAL * N_ACT + PROD]);
	const figures *g = &r->fig[FISCAL];
	/* fiscal = kommun only (prod is economic): same figures as kommun */
	NEAR(g->pv_investment, 19500);
	NEAR(g->pv_savings, 33100 / 1.21);
	NEAR(g->npv, 9505 / 1.21);
	NEAR(g->ret, 33100.0 / 23595.0);
	check_payback(g->nominal, PAYBACK_REACHED, 2027, 1.95);
	check_payback(g->discounted, PAYBACK_REACHED, 2028, 2.0495);
	calc_free(c);
}

Test(metrics, society_total_covers_all_actors)
{
	calc *c = load(DATA "metrics_basic.ini");
	const figures *s = &c->r->fig[SOCIETY];
	/* savings 10000 + 15000 = 25000 a year; PV 25000*3.31/1.21 = 82750/1.21;
	 * NPV (82750 - 23595)/1.21 = 59155/1.21; return 82750/23595 */
	NEAR(s->investment, 19500);
	NEAR(s->savings, 75000);
	NEAR(s->pv_investment, 19500);
	NEAR(s->pv_savings, 82750 / 1.21);
	NEAR(s->npv, 59155 / 1.21);
	cr_assert(s->has_return);
	NEAR(s->ret, 82750.0 / 23595.0);
	/* net 25000 - 19500 = 5500 >= 0 in year 1: 2026 after 0 years, both */
	check_payback(s->nominal, PAYBACK_REACHED, 2026, 0.0);
	check_payback(s->discounted, PAYBACK_REACHED, 2026, 0.0);
	calc_free(c);
}

Test(metrics, discount_timing_end_discounts_every_year_once_more)
{
	calc *c = load(DATA "metrics_basic_end.ini");
	const figures *k = &c->r->fig[KOMMUN];
	/* factors 1/1.1, 1/1.21, 1/1.331: PV investment 19500/1.1;
	 * PV savings 10000 (1.21 + 1.1 + 1)/1.331 = 33100/1.331;
	 * NPV (33100 - 19500*1.21)/1.331 = 9505/1.331;
	 * return unchanged, 33100/23595 (both PVs scaled by 1/1.1) */
	NEAR(k->pv_investment, 19500 / 1.1);
	NEAR(k->pv_savings, 33100 / 1.331);
	NEAR(k->npv, 9505 / 1.331);
	NEAR(k->ret, 33100.0 / 23595.0);
	/* net_pv -9500/1.1, 10000/1.21, 10000/1.331: cumulative
	 * (-9500*1.1 + 10000)/1.21 = -450/1.21 after year 2, so 2028,
	 * 2 + (450/1.21)/(10000/1.331) = 2 + 0.045*1.1 = 2.0495 */
	check_payback(k->discounted, PAYBACK_REACHED, 2028, 2.0495);
	calc_free(c);
}

Test(metrics, payback_not_reached_within_horizon)
{
	calc *c = load(DATA "metrics_unreachable.ini");
	const figures *k = &c->r->fig[KOMMUN];
	/* investment 10000*10 = 100000; net -90000, 10000, 10000: cumulative
	 * -90000, -80000, -70000, never >= 0 */
	check_payback(k->nominal, PAYBACK_NOT_REACHED, 0, 0);
	check_payback(k->discounted, PAYBACK_NOT_REACHED, 0, 0);
	/* NPV (33100 - 100000*1.21)/1.21 = -87900/1.21 */
	NEAR(k->npv, -87900 / 1.21);
	/* society: net -75000, 25000, 25000: cumulative -50000, -25000 */
	check_payback(c->r->fig[SOCIETY].nominal, PAYBACK_NOT_REACHED, 0, 0);
	calc_free(c);
}

/* ---- 10. break-even and lambda_max ----------------------------------- */

Test(metrics, break_even_linear_in_lambda_one_year)
{
	calc *c = load(DATA "metrics_be_linear.ini");
	const results *r = c->r;
	/* T = 1, D = 1, costs on end, factor 1. A->B = 0.2 + 0.4 lambda, so
	 * 10*0.4 lambda = 4 lambda extra people in B at the end of year 1:
	 * kommun NPV = 2000*4 lambda - 10000 = 0 at lambda = 1.25;
	 * society NPV = (2000 + 3000)*4 lambda - 10000 = 0 at lambda = 0.5 */
	cr_assert(r->fig[KOMMUN].break_even_found);
	NEAR(r->fig[KOMMUN].break_even, 1.25);
	cr_assert(r->fig[FISCAL].break_even_found);
	NEAR(r->fig[FISCAL].break_even, 1.25);
	cr_assert(r->fig[SOCIETY].break_even_found);
	NEAR(r->fig[SOCIETY].break_even, 0.5);
	/* at lambda = 1: kommun 8000 - 10000 = -2000, society 20000 - 10000 = 10000 */
	NEAR(r->fig[KOMMUN].npv, -2000);
	NEAR(r->fig[SOCIETY].npv, 10000);
	/* returns 8000/10000 and 20000/10000 */
	NEAR(r->fig[KOMMUN].ret, 0.8);
	NEAR(r->fig[SOCIETY].ret, 2.0);
	calc_free(c);
}

Test(metrics, break_even_linear_over_three_years)
{
	calc *c = load(DATA "metrics_basic.ini");
	const results *r = c->r;
	/* nobody moves without the intervention and after it, so savings are
	 * lambda times those at lambda = 1: NPV(lambda) = -19500 + lambda*PV(savings).
	 * kommun: 19500/(33100/1.21) = 23595/33100; society: 23595/82750 */
	cr_assert(r->fig[KOMMUN].break_even_found);
	NEAR(r->fig[KOMMUN].break_even, 23595.0 / 33100.0);
	cr_assert(r->fig[SOCIETY].break_even_found);
	NEAR(r->fig[SOCIETY].break_even, 23595.0 / 82750.0);
	calc_free(c);
}

Test(metrics, break_even_zero_when_actor_gains_without_effect)
{
	calc *c = load(DATA "metrics_basic.ini");
	const figures *p = &c->r->fig[PROD];
	/* prod invests nothing and gains at the assumed effect (NPV > 0):
	 * NPV(0) = 0 >= 0, so break-even 0 (docs/method.md) */
	cr_assert_gt(p->npv, 0);
	cr_assert(p->break_even_found);
	NEAR(p->break_even, 0);
	calc_free(c);
}

Test(metrics, break_even_not_reachable_within_lambda_max)
{
	calc *c = load(DATA "metrics_unreachable.ini");
	const results *r = c->r;
	/* lambda_max 2 (A->B 0.5 lambda <= 1, A->A 1 - 0.5 lambda >= 0).
	 * kommun NPV(2) = -100000 + 2*33100/1.21 = -45289.3 < 0: not reachable */
	NEAR(c->m->lambda_max, 2);
	cr_assert(!r->fig[KOMMUN].break_even_found);
	cr_assert(!r->fig[FISCAL].break_even_found);
	/* society: 100000/(82750/1.21) = 121000/82750 = 1.4622 < 2: found */
	cr_assert(r->fig[SOCIETY].break_even_found);
	NEAR(r->fig[SOCIETY].break_even, 121000.0 / 82750.0);
	calc_free(c);
}

Test(metrics, lambda_max_bound_by_intervention_diagonal)
{
	calc *c = load(DATA "metrics_lmax_int.ini");
	/* baseline A: B 0.2, C 0.1, A 0.7; intervention A: B 0.4, C 0.3, A 0.3.
	 * A->B (1-0.2)/0.2 = 4; A->C (1-0.1)/0.2 = 4.5; A->A 0.7/0.4 = 1.75.
	 * B row: B->A 0.3 -> 0.25, 0.3/0.05 = 6; B->B 0.7 -> 0.75, 0.3/0.05 = 6.
	 * C row unchanged. lambda_max = min(10, 4, 4.5, 1.75, 6) = 1.75 */
	NEAR(c->m->lambda_max, 1.75);
	NEAR(c->r->lambda_max, 1.75);
	calc_free(c);
}

Test(metrics, lambda_max_bound_by_after_matrix)
{
	calc *c = load(DATA "metrics_lmax_after.ini");
	/* as above, and [after] A->C 0.6: after A row B 0.2, C 0.6, A 0.2.
	 * A->C (1-0.1)/0.5 = 1.8; A->A 0.7/0.5 = 1.4. lambda_max = 1.4 */
	NEAR(c->m->lambda_max, 1.4);
	calc_free(c);
}

Test(metrics, lambda_max_at_most_ten)
{
	calc *c = load(DATA "metrics_lmax_cap.ini");
	/* A->B 0.1 -> 0.11: 0.9/0.01 = 90, A->A 0.9/0.01 = 90; capped at 10 */
	NEAR(c->m->lambda_max, 10);
	calc_free(c);
}

Test(metrics, lambda_max_with_row_summing_to_one_in_both_matrices)
{
	calc *c = load(DATA "metrics_lmax_full_row.ini");
	/* Row A: baseline B 0.2, C 0.7, D 0.1; intervention B 0.4, C 0.5, D 0.1.
	 * Both sum to 1, so A->A is 0 in both and stays 0 for every lambda.
	 * A->B (1-0.2)/0.2 = 4; A->C 0.7/0.2 = 3.5; D unchanged.
	 * lambda_max = min(10, 4, 3.5) = 3.5 */
	NEAR(c->m->lambda_max, 3.5);
	/* T = 1, costs on end: 10*0.2 lambda people go to B (cost 0) instead of
	 * C (1000): kommun NPV = 2000 lambda - 400*10 = 0 at lambda = 2 <= 3.5 */
	NEAR(c->r->fig[KOMMUN].npv, -2000);
	cr_assert(c->r->fig[KOMMUN].break_even_found, "break-even 2 not found");
	NEAR(c->r->fig[KOMMUN].break_even, 2);
	calc_free(c);
}

Test(metrics, outcome_break_even_as_success_rate)
{
	calc *c = load(DATA "metrics_outcome_be.ini");
	const results *r = c->r;
	/* rate 0.1 + 0.4 lambda; lambda_max (1-0.1)/0.4 = 0.9/0.4 = 2.25.
	 * As in the linear case: kommun 8000 lambda - 10000 = 0 at 1.25,
	 * rate 0.1 + 0.4*1.25 = 0.6; society 20000 lambda - 10000 at 0.5,
	 * rate 0.3; prod 0, rate 0.1 */
	NEAR(c->m->lambda_max, 2.25);
	cr_assert(r->fig[KOMMUN].break_even_found);
	NEAR(r->fig[KOMMUN].break_even, 1.25);
	NEAR(r->fig[KOMMUN].break_even_rate, 0.6);
	NEAR(r->fig[SOCIETY].break_even, 0.5);
	NEAR(r->fig[SOCIETY].break_even_rate, 0.3);
	NEAR(r->fig[PROD].break_even, 0);
	NEAR(r->fig[PROD].break_even_rate, 0.1);
	calc_free(c);
}

Test(metrics, break_even_npv_is_zero_at_the_root)
{
	calc *c = load(DATA "metrics_be_linear.ini");
	flows *f = flows_new(c->m);
	cr_assert_not_null(f);
	cr_assert_eq(model_project(c->m, 1.25, f), SK_OK);
	/* at lambda 1.25: A->B 0.2 + 0.4*1.25 = 0.7; end of year 1 A 3 vs 8:
	 * kommun savings 5*2000 = 10000 = investment 10000 */
	double sav = *flows_cost(f, ARM_BASELINE, FLOW_ALL, 0, KOMMUN) -
	             *flows_cost(f, ARM_INTERVENTION, FLOW_ALL, 0, KOMMUN);
	NEAR(sav, 10000);
	NEAR(*flows_investment(f, FLOW_ALL, 0, KOMMUN), 10000);
	flows_free(f);
	calc_free(c);
}

/* ---- 11. person-years ------------------------------------------------ */

Test(metrics, person_years_per_state_and_arm)
{
	calc *c = load(DATA "metrics_basic.ini");
	const results *r = c->r;
	size_t n = r->n_states;
	/* costs on end, 3 years: baseline A 10+10+10 = 30, B 0;
	 * intervention A 5*3 = 15, B 5*3 = 15; difference B +15, A -15 */
	NEAR(r->person_years[ARM_BASELINE * n + A], 30);
	NEAR(r->person_years[ARM_BASELINE * n + B], 0);
	NEAR(r->person_years[ARM_INTERVENTION * n + A], 15);
	NEAR(r->person_years[ARM_INTERVENTION * n + B], 15);
	NEAR(r->person_years[ARM_INTERVENTION * n + B] - r->person_years[ARM_BASELINE * n + B], 15);
	NEAR(r->person_years[ARM_INTERVENTION * n + A] - r->person_years[ARM_BASELINE * n + A],
	     -15);
	calc_free(c);
}

Test(metrics, person_years_with_mean_costs)
{
	calc *c = load(DATA "model_costs_mean.ini");
	const results *r = c->r;
	size_t n = r->n_states;
	/* model_costs_mean.ini (see test_model.c), mean occupancy per year:
	 * baseline A 7.5 + 3.75 + 1.875 = 13.125, B 2.5 + 6.25 + 8.125 = 16.875;
	 * intervention A 6 + 1.5 + 0.75 = 8.25, B 4 + 8.5 + 9.25 = 21.75;
	 * difference B +4.875 */
	NEAR(r->person_years[ARM_BASELINE * n + A], 13.125);
	NEAR(r->person_years[ARM_BASELINE * n + B], 16.875);
	NEAR(r->person_years[ARM_INTERVENTION * n + A], 8.25);
	NEAR(r->person_years[ARM_INTERVENTION * n + B], 21.75);
	NEAR(r->person_years[ARM_INTERVENTION * n + B] - r->person_years[ARM_BASELINE * n + B],
	     4.875);
	calc_free(c);
}

/* ---- flows per target, sex and year (what every writer formats) ----- */

/* metrics_basic.ini as above: kommun costs 10*2000 = 20000 a year without,
 * 5*2000 = 10000 with; prod 0 without, 5*(-3000) = -15000 with; kommun
 * invests 19500 in year 1. Factors 1, 1/1.1, 1/1.21. */

/* Every field of one flow_figures. */
static void check_flow(const flow_figures *y, double without, double with, double investment,
                       double cumulative, double discounted)
{
	NEAR(y->without, without);
	NEAR(y->with, with);
	NEAR(y->savings, without - with);
	NEAR(y->investment, investment);
	NEAR(y->net, without - with - investment);
	NEAR(y->cumulative, cumulative);
	NEAR(y->cumulative_by_actor, cumulative);
	NEAR(y->discounted, discounted);
}

Test(metrics, flows_of_an_actor_by_year_and_over_the_horizon)
{
	calc *c = load(DATA "metrics_basic.ini");
	const results *r = c->r;
	cr_assert_eq(r->years, 3);
	NEAR(r->discount[0], 1);
	NEAR(r->discount[1], 1 / 1.1);
	NEAR(r->discount[2], 1 / 1.21);
	/* kommun: net -9500, 10000, 10000; cumulative -9500, 500, 10500 */
	check_flow(results_flow(r, KOMMUN, FLOW_ALL, 0), 20000, 10000, 19500, -9500, -9500);
	check_flow(results_flow(r, KOMMUN, FLOW_ALL, 1), 20000, 10000, 0, 500, 10000 / 1.1);
	check_flow(results_flow(r, KOMMUN, FLOW_ALL, 2), 20000, 10000, 0, 10500, 10000 / 1.21);
	/* over the horizon: 60000, 30000, 19500; net 10500 = the last
	 * cumulative; discounted 9505/1.21 = the NPV */
	check_flow(results_sum(r, KOMMUN, FLOW_ALL), 60000, 30000, 19500, 10500, 9505 / 1.21);
	/* prod: savings 15000 a year, no investment */
	check_flow(results_flow(r, PROD, FLOW_ALL, 1), 0, -15000, 0, 30000, 15000 / 1.1);
	calc_free(c);
}

Test(metrics, flows_of_the_totals_are_sums_of_their_actors)
{
	calc *c = load(DATA "metrics_basic.ini");
	const results *r = c->r;
	/* fiscal = kommun alone */
	for (int t = 0; t < 3; t++) {
		const flow_figures *f = results_flow(r, FISCAL, FLOW_ALL, t);
		const flow_figures *k = results_flow(r, KOMMUN, FLOW_ALL, t);
		NEAR(f->net, k->net);
		NEAR(f->cumulative, k->cumulative);
	}
	/* society: without 20000 + 0, with 10000 - 15000 = -5000, investment
	 * 19500 in year 1: net 5500, 25000, 25000; cumulative 5500, 30500,
	 * 55500 */
	check_flow(results_flow(r, SOCIETY, FLOW_ALL, 0), 20000, -5000, 19500, 5500, 5500);
	check_flow(results_flow(r, SOCIETY, FLOW_ALL, 2), 20000, -5000, 0, 55500, 25000 / 1.21);
	check_flow(results_sum(r, SOCIETY, FLOW_ALL), 60000, -15000, 19500, 55500, 59155 / 1.21);
	calc_free(c);
}

Test(metrics, flows_split_by_sex)
{
	calc *c = load(DATA "metrics_basic.ini");
	const results *r = c->r;
	/* women = 0.5 (the default) and the same transitions for both sexes:
	 * each sex has half of every flow, kommun's investment included */
	cr_assert_eq(c->s->women, 0.5);
	for (int g = FLOW_WOMEN; g <= FLOW_MEN; g++) {
		check_flow(results_flow(r, KOMMUN, g, 0), 10000, 5000, 9750, -4750, -4750);
		check_flow(results_flow(r, SOCIETY, g, 1), 10000, -2500, 0, 15250, 12500 / 1.1);
	}
	calc_free(c);
}

Test(metrics, person_years_gained_per_state)
{
	calc *c = load(DATA "metrics_basic.ini");
	/* person_years_per_state_and_arm: B 15 - 0, A 15 - 30 */
	NEAR(c->r->gained[B], 15);
	NEAR(c->r->gained[A], -15);
	calc_free(c);
}
