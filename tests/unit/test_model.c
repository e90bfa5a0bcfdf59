/* test_model.c -- the cohort projection of SPEC §5: occupancy per costs_on,
 * discount factors, intakes, investment, [after], per-sex layering, index
 * moves, outcome mode and projection at another effect scale.
 *
 * Every expected value is worked out by hand in the comment beside it, from
 * the tiny files in tests/unit/data/model_*.ini (SPEC §4-5): two or three
 * states, one actor, unit costs A 1000, B 100 (model_p2.ini) or A 1000,
 * B 500, W -100 (model_p3.ini), cohorts of 10. */
#include <criterion/criterion.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_spblas.h>
#include <math.h>
#include <string.h>

#include "samkalk/base/diag.h"
#include "samkalk/model/model.h"
#include "samkalk/vary/calc.h"

#include "calc_load.h"

#define DATA "tests/unit/data/"

enum { A = 0, B = 1, W = 2 }; /* states in profile order */
enum { KOMMUN = 0 };

static void setup(void)
{
	gsl_set_error_handler_off();
}

TestSuite(model, .init = setup);

/* Tolerance: 1e-9 relative, or 1e-6 absolute near zero. The hand values are
 * exact decimals and the program sums a few dozen doubles (error ~1e-13
 * relative), so this leaves room for rounding while any wrong term (the
 * smallest checked is 0.01 person or 1 kr) still fails. NEAR (calc_load.h) checks it. */

static double occ(const flows *f, int arm, int sex, int t, size_t s)
{
	return *flows_occupancy(f, arm, sex, t, s);
}

static double cost(const flows *f, int arm, int sex, int t)
{
	return *flows_cost(f, arm, sex, t, KOMMUN);
}

static double inv(const flows *f, int sex, int t)
{
	return *flows_investment(f, sex, t, KOMMUN);
}

/* Year t (from 0) of an arm, both sexes: occupancy of A and B and cost;
 * each sex is half of it (women = 0.5, same matrices). */
static void check_year(const flows *f, int arm, int t, double a, double b, double kr)
{
	NEAR(occ(f, arm, FLOW_ALL, t, A), a);
	NEAR(occ(f, arm, FLOW_ALL, t, B), b);
	NEAR(cost(f, arm, FLOW_ALL, t), kr);
	NEAR(occ(f, arm, FLOW_WOMEN, t, A), a / 2);
	NEAR(occ(f, arm, FLOW_MEN, t, B), b / 2);
	NEAR(cost(f, arm, FLOW_WOMEN, t), kr / 2);
	NEAR(cost(f, arm, FLOW_MEN, t), kr / 2);
}

static double mat(const gsl_matrix *P, size_t i, size_t j)
{
	return gsl_matrix_get(P, i, j);
}

/* ---- 1. costs_on ---------------------------------------------------- */

/* model_costs_*.ini: 10 in A; baseline A->B 0.5; intervention A->B 0.8 in
 * year 1 (D = 1), then baseline.
 * baseline x1..x4: (10,0) (5,5) (2.5,7.5) (1.25,8.75)
 * intervention x1..x4: (10,0) (2,8) (1,9) (0.5,9.5)   [x2 by P_int, then P_base] */

Test(model, costs_on_start_uses_occupancy_at_start_of_year)
{
	calc *c = load(DATA "model_costs_start.ini");
	const flows *f = c->f;
	/* x1: 10*1000 = 10000; x2: 5*1000 + 5*100 = 5500; x3: 2500 + 750 = 3250 */
	check_year(f, ARM_BASELINE, 0, 10, 0, 10000);
	check_year(f, ARM_BASELINE, 1, 5, 5, 5500);
	check_year(f, ARM_BASELINE, 2, 2.5, 7.5, 3250);
	/* x1: 10000; x2: 2*1000 + 8*100 = 2800; x3: 1000 + 900 = 1900 */
	check_year(f, ARM_INTERVENTION, 0, 10, 0, 10000);
	check_year(f, ARM_INTERVENTION, 1, 2, 8, 2800);
	check_year(f, ARM_INTERVENTION, 2, 1, 9, 1900);
	calc_free(c);
}

Test(model, costs_on_end_uses_occupancy_at_end_of_year)
{
	calc *c = load(DATA "model_costs_end.ini");
	const flows *f = c->f;
	/* x2 5500; x3 3250; x4: 1250 + 875 = 2125 */
	check_year(f, ARM_BASELINE, 0, 5, 5, 5500);
	check_year(f, ARM_BASELINE, 1, 2.5, 7.5, 3250);
	check_year(f, ARM_BASELINE, 2, 1.25, 8.75, 2125);
	/* x2 2800; x3 1900; x4: 500 + 950 = 1450 */
	check_year(f, ARM_INTERVENTION, 0, 2, 8, 2800);
	check_year(f, ARM_INTERVENTION, 1, 1, 9, 1900);
	check_year(f, ARM_INTERVENTION, 2, 0.5, 9.5, 1450);
	calc_free(c);
}

Test(model, costs_on_mean_uses_mean_of_start_and_end)
{
	calc *c = load(DATA "model_costs_mean.ini");
	const flows *f = c->f;
	/* (x1+x2)/2 = (7.5,2.5): 7500 + 250 = 7750;
	 * (x2+x3)/2 = (3.75,6.25): 3750 + 625 = 4375;
	 * (x3+x4)/2 = (1.875,8.125): 1875 + 812.5 = 2687.5 */
	check_year(f, ARM_BASELINE, 0, 7.5, 2.5, 7750);
	check_year(f, ARM_BASELINE, 1, 3.75, 6.25, 4375);
	check_year(f, ARM_BASELINE, 2, 1.875, 8.125, 2687.5);
	/* (6,4): 6000 + 400 = 6400; (1.5,8.5): 1500 + 850 = 2350;
	 * (0.75,9.25): 750 + 925 = 1675 */
	check_year(f, ARM_INTERVENTION, 0, 6, 4, 6400);
	check_year(f, ARM_INTERVENTION, 1, 1.5, 8.5, 2350);
	check_year(f, ARM_INTERVENTION, 2, 0.75, 9.25, 1675);
	calc_free(c);
}

/* ---- 2. discount_timing --------------------------------------------- */

Test(model, discount_timing_start_leaves_year_one_undiscounted)
{
	calc *c = load(DATA "model_timing_start.ini");
	/* r = 0.1, timing start: 1/1.1^(t-1) = 1, 1/1.1, 1/1.21 */
	NEAR(c->f->discount[0], 1.0);
	NEAR(c->f->discount[1], 1 / 1.1);
	NEAR(c->f->discount[2], 1 / 1.21);
	calc_free(c);
}

Test(model, discount_timing_end_discounts_year_one_once)
{
	calc *c = load(DATA "model_timing_end.ini");
	/* r = 0.1, timing end: 1/1.1^t = 1/1.1, 1/1.21, 1/1.331 */
	NEAR(c->f->discount[0], 1 / 1.1);
	NEAR(c->f->discount[1], 1 / 1.21);
	NEAR(c->f->discount[2], 1 / 1.331);
	calc_free(c);
}

Test(model, discount_rate_zero_gives_factor_one)
{
	calc *c = load(DATA "model_costs_start.ini");
	/* discount_rate = 0: every factor 1 */
	for (int t = 0; t < 3; t++)
		NEAR(c->f->discount[t], 1.0);
	calc_free(c);
}

/* ---- 3. intakes and investment -------------------------------------- */

Test(model, three_intakes_longer_intervention_than_horizon_occupancy)
{
	calc *c = load(DATA "model_intakes_long.ini");
	const flows *f = c->f;
	/* One intake of 10, costs on start. Baseline: (10,0) (5,5) (2.5,7.5).
	 * Intervention (D = 5 > T, P_int A->B 0.8 throughout): (10,0) (2,8) (0.4,9.6).
	 * Intake i enters year i, so year t sums relative years t-1, ..., 0. */
	/* baseline Y1 (10,0); Y2 (5,5)+(10,0) = (15,5);
	 * Y3 (2.5,7.5)+(5,5)+(10,0) = (17.5,12.5) */
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 0, A), 10);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 1, A), 15);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 1, B), 5);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 2, A), 17.5);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 2, B), 12.5);
	/* intervention Y2 (2,8)+(10,0) = (12,8);
	 * Y3 (0.4,9.6)+(2,8)+(10,0) = (12.4,17.6) */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, A), 12);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, B), 8);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 2, A), 12.4);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 2, B), 17.6);
	/* costs Y3: baseline 17500 + 1250 = 18750; intervention 12400 + 1760 = 14160 */
	NEAR(cost(f, ARM_BASELINE, FLOW_ALL, 2), 18750);
	NEAR(cost(f, ARM_INTERVENTION, FLOW_ALL, 2), 14160);
	/* women 0.4 of it: 0.4 * 12.4 = 4.96, 0.4 * 14160 = 5664 */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_WOMEN, 2, A), 4.96);
	NEAR(cost(f, ARM_INTERVENTION, FLOW_WOMEN, 2), 5664);
	calc_free(c);
}

Test(model, three_intakes_longer_intervention_than_horizon_investment)
{
	calc *c = load(DATA "model_intakes_long.ini");
	const flows *f = c->f;
	/* per participant 100, size 10, fixed 1000, startup 500; D = 5, so
	 * intakes in the intervention: Y1 1, Y2 2, Y3 3.
	 * Y1: 100*10*1 + 1000 + 500 = 2500; Y2: 100*10*2 + 1000 = 3000;
	 * Y3: 100*10*3 + 1000 = 4000 */
	NEAR(inv(f, FLOW_ALL, 0), 2500);
	NEAR(inv(f, FLOW_ALL, 1), 3000);
	NEAR(inv(f, FLOW_ALL, 2), 4000);
	/* women 0.4: 1000, 1200, 1600; men 0.6: 1500, 1800, 2400 */
	NEAR(inv(f, FLOW_WOMEN, 0), 1000);
	NEAR(inv(f, FLOW_WOMEN, 1), 1200);
	NEAR(inv(f, FLOW_WOMEN, 2), 1600);
	NEAR(inv(f, FLOW_MEN, 0), 1500);
	NEAR(inv(f, FLOW_MEN, 1), 1800);
	NEAR(inv(f, FLOW_MEN, 2), 2400);
	calc_free(c);
}

Test(model, two_intakes_one_intervention_year_occupancy)
{
	calc *c = load(DATA "model_intakes_short.ini");
	const flows *f = c->f;
	/* One intake, intervention arm: (10,0) -P_int-> (2,8) -P_base-> (1,9).
	 * Y1 (10,0); Y2 (2,8)+(10,0) = (12,8); Y3 (1,9)+(2,8) = (3,17).
	 * Baseline Y3: (2.5,7.5)+(5,5) = (7.5,12.5). */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 0, A), 10);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, A), 12);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, B), 8);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 2, A), 3);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 2, B), 17);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 2, A), 7.5);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 2, B), 12.5);
	/* costs Y3: intervention 3000 + 1700 = 4700; baseline 7500 + 1250 = 8750 */
	NEAR(cost(f, ARM_INTERVENTION, FLOW_ALL, 2), 4700);
	NEAR(cost(f, ARM_BASELINE, FLOW_ALL, 2), 8750);
	calc_free(c);
}

Test(model, two_intakes_one_intervention_year_investment)
{
	calc *c = load(DATA "model_intakes_short.ini");
	const flows *f = c->f;
	/* D = 1: intake 1 in it in Y1, intake 2 in Y2, nobody in Y3.
	 * Y1: 100*10*1 + 1000 + 500 = 2500; Y2: 1000 + 1000 = 2000;
	 * Y3: 0 (no fixed cost without anyone in the intervention) */
	NEAR(inv(f, FLOW_ALL, 0), 2500);
	NEAR(inv(f, FLOW_ALL, 1), 2000);
	NEAR(inv(f, FLOW_ALL, 2), 0);
	/* women 0.4: 1000, 800, 0; men 0.6: 1500, 1200, 0 */
	NEAR(inv(f, FLOW_WOMEN, 0), 1000);
	NEAR(inv(f, FLOW_WOMEN, 1), 800);
	NEAR(inv(f, FLOW_MEN, 0), 1500);
	NEAR(inv(f, FLOW_MEN, 1), 1200);
	NEAR(inv(f, FLOW_MEN, 2), 0);
	calc_free(c);
}

Test(model, women_and_men_sum_to_all)
{
	calc *c = load(DATA "model_intakes_long.ini");
	const flows *f = c->f;
	/* SPEC §5: sex shares split everything so that women + men = all */
	for (int t = 0; t < 3; t++) {
		NEAR(inv(f, FLOW_WOMEN, t) + inv(f, FLOW_MEN, t), inv(f, FLOW_ALL, t));
		for (int arm = 0; arm < N_ARM; arm++) {
			NEAR(cost(f, arm, FLOW_WOMEN, t) + cost(f, arm, FLOW_MEN, t),
			     cost(f, arm, FLOW_ALL, t));
			for (size_t s = 0; s < 2; s++)
				NEAR(occ(f, arm, FLOW_WOMEN, t, s) + occ(f, arm, FLOW_MEN, t, s),
				     occ(f, arm, FLOW_ALL, t, s));
		}
	}
	calc_free(c);
}

/* ---- 4. [after] ------------------------------------------------------ */

/* model_after*.ini, costs on end, T = 2: baseline A->B 0.5, B->A 0.1;
 * intervention A->B 0.8, B->A 0 (year 1). Baseline x2 (5,5);
 * x3: A = 5*0.5 + 5*0.1 = 3, B = 5*0.5 + 5*0.9 = 7. Intervention x2 (2,8). */

Test(model, after_differs_from_baseline)
{
	calc *c = load(DATA "model_after.ini");
	const flows *f = c->f;
	/* P_after = baseline + [after]: A->B 0.25, B->A 0.1 (from baseline, not
	 * the intervention's 0). x3: A = 2*0.75 + 8*0.1 = 2.3; B = 2*0.25 + 8*0.9 = 7.7 */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 0, A), 2);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 0, B), 8);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, A), 2.3);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, B), 7.7);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 1, A), 3);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 1, B), 7);
	/* matrix P_after (women): row A (0.75, 0.25), row B (0.1, 0.9) */
	NEAR(mat(c->m->p[TR_AFTER][SEX_WOMEN], A, B), 0.25);
	NEAR(mat(c->m->p[TR_AFTER][SEX_WOMEN], A, A), 0.75);
	NEAR(mat(c->m->p[TR_AFTER][SEX_MEN], B, A), 0.1);
	calc_free(c);
}

Test(model, after_defaults_to_baseline)
{
	calc *c = load(DATA "model_after_default.ini");
	const flows *f = c->f;
	/* no [after]: year 2 by P_base from (2,8):
	 * A = 2*0.5 + 8*0.1 = 1.8; B = 2*0.5 + 8*0.9 = 8.2;
	 * cost 1800 + 820 = 2620 */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, A), 1.8);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, B), 8.2);
	NEAR(cost(f, ARM_INTERVENTION, FLOW_ALL, 1), 2620);
	for (size_t i = 0; i < 2; i++)
		for (size_t j = 0; j < 2; j++)
			NEAR(mat(c->m->p[TR_AFTER][SEX_MEN], i, j),
			     mat(c->m->p[TR_BASELINE][SEX_MEN], i, j));
	calc_free(c);
}

/* ---- 5. per-sex overrides -------------------------------------------- */

/* model_sex.ini, size 10, women 0.5, costs on end, D = 1, T = 2.
 * women: start (0.8,0.2) -> x1 (4,1); P_base A->B 0.2 (baseline.women),
 *        B->A 0.1; P_int = that + B->A 0: A->B 0.2, B->A 0.
 * men:   start (0.5,0.5) -> x1 (2.5,2.5); P_base A->B 0.5, B->A 0.1;
 *        P_int = that + B->A 0 + A->B 0.9 (men). */

Test(model, cohort_women_replaces_starting_distribution)
{
	calc *c = load(DATA "model_sex.ini");
	NEAR(gsl_vector_get(c->m->start[SEX_WOMEN], A), 0.8);
	NEAR(gsl_vector_get(c->m->start[SEX_WOMEN], B), 0.2);
	NEAR(gsl_vector_get(c->m->start[SEX_MEN], A), 0.5);
	NEAR(gsl_vector_get(c->m->start[SEX_MEN], B), 0.5);
	calc_free(c);
}

Test(model, baseline_women_overrides_one_key)
{
	calc *c = load(DATA "model_sex.ini");
	const gsl_matrix *Pw = c->m->p[TR_BASELINE][SEX_WOMEN];
	const gsl_matrix *Pm = c->m->p[TR_BASELINE][SEX_MEN];
	/* women A->B 0.2 (own), B->A 0.1 (kept); men A->B 0.5, B->A 0.1 */
	NEAR(mat(Pw, A, B), 0.2);
	NEAR(mat(Pw, A, A), 0.8);
	NEAR(mat(Pw, B, A), 0.1);
	NEAR(mat(Pm, A, B), 0.5);
	NEAR(mat(Pm, B, A), 0.1);
	const flows *f = c->f;
	/* women x2 = (4,1) P_wbase: A = 4*0.8 + 1*0.1 = 3.3; B = 4*0.2 + 1*0.9 = 1.7 */
	NEAR(occ(f, ARM_BASELINE, FLOW_WOMEN, 0, A), 3.3);
	NEAR(occ(f, ARM_BASELINE, FLOW_WOMEN, 0, B), 1.7);
	/* men x2 = (2.5,2.5) P_mbase: A = 1.25 + 0.25 = 1.5; B = 1.25 + 2.25 = 3.5 */
	NEAR(occ(f, ARM_BASELINE, FLOW_MEN, 0, A), 1.5);
	NEAR(occ(f, ARM_BASELINE, FLOW_MEN, 0, B), 3.5);
	/* costs: women 3300 + 170 = 3470; men 1500 + 350 = 1850; all 5320 */
	NEAR(cost(f, ARM_BASELINE, FLOW_WOMEN, 0), 3470);
	NEAR(cost(f, ARM_BASELINE, FLOW_MEN, 0), 1850);
	NEAR(cost(f, ARM_BASELINE, FLOW_ALL, 0), 5320);
	calc_free(c);
}

Test(model, intervention_layers_on_the_sexs_baseline)
{
	calc *c = load(DATA "model_sex.ini");
	const gsl_matrix *Pw = c->m->p[TR_INTERVENTION][SEX_WOMEN];
	const gsl_matrix *Pm = c->m->p[TR_INTERVENTION][SEX_MEN];
	/* women: A->B 0.2 from [baseline.women], B->A 0 from [intervention.transitions] */
	NEAR(mat(Pw, A, B), 0.2);
	NEAR(mat(Pw, B, A), 0.0);
	NEAR(mat(Pw, B, B), 1.0);
	/* men: A->B 0.9 from [intervention.transitions.men], B->A 0 */
	NEAR(mat(Pm, A, B), 0.9);
	NEAR(mat(Pm, A, A), 0.1);
	NEAR(mat(Pm, B, A), 0.0);
	const flows *f = c->f;
	/* women x2 = (4,1) P_wint: A = 4*0.8 + 0 = 3.2; B = 0.8 + 1 = 1.8 */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_WOMEN, 0, A), 3.2);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_WOMEN, 0, B), 1.8);
	/* men x2 = (2.5,2.5) P_mint: A = 2.5*0.1 = 0.25; B = 2.25 + 2.5 = 4.75 */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_MEN, 0, A), 0.25);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_MEN, 0, B), 4.75);
	/* all: 3.2 + 0.25 = 3.45; 1.8 + 4.75 = 6.55 */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 0, A), 3.45);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 0, B), 6.55);
	calc_free(c);
}

Test(model, after_is_the_sexs_baseline)
{
	calc *c = load(DATA "model_sex.ini");
	const flows *f = c->f;
	/* year 2 (after, = the sex's baseline):
	 * women from (3.2,1.8): A = 3.2*0.8 + 1.8*0.1 = 2.74; B = 0.64 + 1.62 = 2.26
	 * men from (0.25,4.75): A = 0.125 + 0.475 = 0.6; B = 0.125 + 4.275 = 4.4 */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_WOMEN, 1, A), 2.74);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_WOMEN, 1, B), 2.26);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_MEN, 1, A), 0.6);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_MEN, 1, B), 4.4);
	/* baseline year 2: women from (3.3,1.7): A = 2.64 + 0.17 = 2.81;
	 * men from (1.5,3.5): A = 0.75 + 0.35 = 1.1 */
	NEAR(occ(f, ARM_BASELINE, FLOW_WOMEN, 1, A), 2.81);
	NEAR(occ(f, ARM_BASELINE, FLOW_MEN, 1, A), 1.1);
	calc_free(c);
}

/* ---- 6. index moves -------------------------------------------------- */

Test(model, index_moves_profile_prices_to_scenario_price_year)
{
	calc *c = load(DATA "model_index.ini");
	/* A: 1000 (2024) * 60000/50000 = 1200, plus 110 (2025) * 60000/55000 = 120:
	 * 1320. B: 500 * 1.2 = 600. */
	NEAR(gsl_matrix_get(c->m->unit_cost, A, KOMMUN), 1320);
	NEAR(gsl_matrix_get(c->m->unit_cost, B, KOMMUN), 600);
	/* year 1, start (5,5): 5*1320 + 5*600 = 9600 */
	NEAR(cost(c->f, ARM_BASELINE, FLOW_ALL, 0), 9600);
	calc_free(c);
}

Test(model, index_leaves_intervention_costs_in_scenario_prices)
{
	calc *c = load(DATA "model_index.ini");
	/* cost_per_participant 100 is already in 2026 prices: 100*10 = 1000 */
	NEAR(inv(c->f, FLOW_ALL, 0), 1000);
	calc_free(c);
}

Test(model, index_moves_item_of_own_price_year_to_profile_year)
{
	calc *c = load(DATA "model_index_default.ini");
	/* price_year defaults to the profile's 2024: A 1000 + 110 * 50000/55000
	 * = 1000 + 100 = 1100; B 500 unmoved. Year 1: 5*1100 + 5*500 = 8000 */
	NEAR(gsl_matrix_get(c->m->unit_cost, A, KOMMUN), 1100);
	NEAR(gsl_matrix_get(c->m->unit_cost, B, KOMMUN), 500);
	NEAR(cost(c->f, ARM_BASELINE, FLOW_ALL, 0), 8000);
	calc_free(c);
}

/* ---- 7. outcome mode ------------------------------------------------- */

/* model_outcome.ini: target W, rates 0.1 / 0.5 / 0.2, relapse 0.5,
 * d = (A 0.6, B 0.4, W 0): W->A = 0.5*0.6 = 0.3, W->B = 0.5*0.4 = 0.2,
 * W->W = 0.5. */

Test(model, outcome_generates_matrices)
{
	calc *c = load(DATA "model_outcome.ini");
	for (int g = 0; g < N_SEX; g++) {
		const gsl_matrix *Pb = c->m->p[TR_BASELINE][g];
		const gsl_matrix *Pi = c->m->p[TR_INTERVENTION][g];
		const gsl_matrix *Pa = c->m->p[TR_AFTER][g];
		/* baseline: A (0.9, 0, 0.1), B (0, 0.9, 0.1), W (0.3, 0.2, 0.5) */
		NEAR(mat(Pb, A, W), 0.1);
		NEAR(mat(Pb, A, A), 0.9);
		NEAR(mat(Pb, A, B), 0.0);
		NEAR(mat(Pb, B, W), 0.1);
		NEAR(mat(Pb, B, B), 0.9);
		NEAR(mat(Pb, W, A), 0.3);
		NEAR(mat(Pb, W, B), 0.2);
		NEAR(mat(Pb, W, W), 0.5);
		/* intervention: s -> W 0.5, stay 0.5; same relapse row */
		NEAR(mat(Pi, A, W), 0.5);
		NEAR(mat(Pi, B, B), 0.5);
		NEAR(mat(Pi, W, A), 0.3);
		/* after: s -> W 0.2, stay 0.8 */
		NEAR(mat(Pa, B, W), 0.2);
		NEAR(mat(Pa, A, A), 0.8);
		NEAR(mat(Pa, W, W), 0.5);
	}
	calc_free(c);
}

Test(model, outcome_occupancy_by_hand)
{
	calc *c = load(DATA "model_outcome.ini");
	const flows *f = c->f;
	/* x1 = (6,4,0). Baseline:
	 * x2: A 6*0.9 = 5.4, B 4*0.9 = 3.6, W 0.6 + 0.4 = 1;
	 * x3: A 5.4*0.9 + 1*0.3 = 5.16, B 3.6*0.9 + 1*0.2 = 3.44,
	 *     W 0.54 + 0.36 + 0.5 = 1.4 */
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 1, A), 5.4);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 1, B), 3.6);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 1, W), 1);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 2, A), 5.16);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 2, B), 3.44);
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 2, W), 1.4);
	/* Intervention (year 1 at 0.5, then after at 0.2):
	 * x2: A 3, B 2, W 5;
	 * x3: A 3*0.8 + 5*0.3 = 3.9, B 2*0.8 + 5*0.2 = 2.6, W 0.6 + 0.4 + 2.5 = 3.5 */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, A), 3);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, B), 2);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, W), 5);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 2, A), 3.9);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 2, B), 2.6);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 2, W), 3.5);
	/* costs Y3: baseline 5160 + 1720 - 140 = 6740; intervention 3900 + 1300 - 350 = 4850 */
	NEAR(cost(f, ARM_BASELINE, FLOW_ALL, 2), 6740);
	NEAR(cost(f, ARM_INTERVENTION, FLOW_ALL, 2), 4850);
	calc_free(c);
}

Test(model, outcome_defaults_after_to_baseline_and_relapse_to_zero)
{
	calc *c = load(DATA "model_outcome_defaults.ini");
	const gsl_matrix *Pa = c->m->p[TR_AFTER][SEX_WOMEN];
	const gsl_matrix *Pb = c->m->p[TR_BASELINE][SEX_MEN];
	/* after = baseline rate 0.1: A (0.9, 0, 0.1); relapse 0: W (0, 0, 1) */
	NEAR(mat(Pa, A, W), 0.1);
	NEAR(mat(Pa, A, A), 0.9);
	NEAR(mat(Pb, W, A), 0.0);
	NEAR(mat(Pb, W, B), 0.0);
	NEAR(mat(Pb, W, W), 1.0);
	/* intervention x3 from (3,2,5) by P_after: A 2.7, B 1.8, W 0.3 + 0.2 + 5 = 5.5 */
	NEAR(occ(c->f, ARM_INTERVENTION, FLOW_ALL, 2, A), 2.7);
	NEAR(occ(c->f, ARM_INTERVENTION, FLOW_ALL, 2, W), 5.5);
	calc_free(c);
}

/* ---- projection at another effect scale ------------------------------ */

Test(model, project_at_half_the_effect)
{
	calc *c = load(DATA "model_after.ini");
	flows *f = flows_new(c->m);
	cr_assert_not_null(f);
	cr_assert_eq(model_project(c->m, 0.5, f), SK_OK);
	/* P_int(0.5) = P_base + 0.5 (P_int - P_base):
	 *   A->B 0.5 + 0.5*0.3 = 0.65, B->A 0.1 + 0.5*(-0.1) = 0.05;
	 * P_after(0.5): A->B 0.5 + 0.5*(-0.25) = 0.375, B->A 0.1.
	 * x2 = (3.5, 6.5); x3: A = 3.5*0.625 + 6.5*0.1 = 2.8375,
	 *                      B = 3.5*0.375 + 6.5*0.9 = 7.1625 */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 0, A), 3.5);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 0, B), 6.5);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, A), 2.8375);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, B), 7.1625);
	/* the baseline does not move with lambda: (5,5), (3,7) */
	NEAR(occ(f, ARM_BASELINE, FLOW_ALL, 1, A), 3);
	flows_free(f);
	calc_free(c);
}

Test(model, project_at_zero_effect_equals_baseline)
{
	calc *c = load(DATA "model_after.ini");
	flows *f = flows_new(c->m);
	cr_assert_not_null(f);
	cr_assert_eq(model_project(c->m, 0, f), SK_OK);
	/* lambda 0: P_int = P_after = P_base, so (5,5), (3,7) in both arms */
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 0, A), 5);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, A), 3);
	NEAR(occ(f, ARM_INTERVENTION, FLOW_ALL, 1, B), 7);
	/* costs year 2: 3000 + 700 = 3700 in both arms */
	NEAR(cost(f, ARM_INTERVENTION, FLOW_ALL, 1), 3700);
	NEAR(cost(f, ARM_BASELINE, FLOW_ALL, 1), 3700);
	flows_free(f);
	calc_free(c);
}

/* Outcome mode with some starting in the target: relapse is the share of
 * those in the target who fall back (docs/method.md). By hand (the file's
 * comment): 100 persons, A 50, B 50, target B, rate 0, relapse 0.2, so
 * B -> A = 0.2 * 0.5 / (1 - 0.5) = 0.2; end of year 1 A = 60, year 2 A = 68;
 * costs on the end: person-years in A without the intervention 60 + 68. */
Test(model, outcome_relapse_is_the_share_of_the_target_that_falls_back)
{
	calc *c = load("tests/e2e/outcome_relapse.ini");
	cr_assert_float_eq(c->r->person_years[ARM_BASELINE * c->r->n_states + 0], 128, 1e-9);
	cr_assert_float_eq(c->s->p[TR_BASELINE][SEX_WOMEN][1 * 3 + 0], 0.2, 1e-15);
	calc_free(c);
}

/* [discounting] 1-3 = 0.10, 4-100 = 0.05, timing start: the factor of year
 * t is the product of the yearly factors before it:
 * D1 = 1, D2 = 1/1.1, D3 = 1/1.1^2 = 1/1.21, D4 = 1/1.1^3 = 1/1.331,
 * D5 = 1/(1.331 * 1.05) = 1/1.39755 (the band changes after year 3). */
Test(model, discount_bands_multiply_the_yearly_factors)
{
	calc *c = load(DATA "model_bands.ini");
	const double want[5] = {1, 1 / 1.1, 1 / 1.21, 1 / 1.331, 1 / 1.39755};
	for (int t = 0; t < 5; t++)
		cr_assert_float_eq(c->f->discount[t], want[t], 1e-12, "year %d", t + 1);
	calc_free(c);
}

/* attribution 0.5: A -> B during the intervention is 0.2 + 0.5 (0.6 - 0.2)
 * = 0.4 and A stays with 0.6; cost_uplift 0.2: the investment of year 1 is
 * 100 * 10 * 1.2 = 1200 kr. */
Test(model, adjustments_scale_the_effect_and_raise_costs)
{
	calc *c = load(DATA "model_bands.ini");
	const double *P = c->s->p[TR_INTERVENTION][SEX_WOMEN];
	cr_assert_float_eq(P[0 * 3 + 1], 0.4, 1e-15);
	cr_assert_float_eq(P[0 * 3 + 0], 0.6, 1e-15);
	cr_assert_float_eq(*flows_investment(c->f, FLOW_ALL, 0, 0), 1200, 1e-9);
	calc_free(c);
}

/* With attribution a, the success rate at break-even is
 * base + lambda * a * (intervention - base): 0.1 + lambda * 0.5 * 0.4 here,
 * not base + lambda * (intervention - base) (the bug the review found). */
Test(model, outcome_break_even_rate_follows_the_attributed_effect)
{
	calc *c = load(DATA "model_outcome_attr.ini");
	const figures *k = &c->r->fig[0]; /* kommun */
	cr_assert(k->break_even_found);
	cr_assert_float_eq(k->break_even_rate, 0.1 + k->break_even * 0.5 * 0.4, 1e-12);
	calc_free(c);
}

/* ---- the Monte Carlo route (model_project_net) ------------------------- */

/* The savings per year of model_project_net(): baseline less intervention
 * costs, before investment. */
static void net_of(const calc *c, double *net)
{
	flows *f = flows_new(c->m);
	cr_assert_not_null(f);
	cr_assert_eq(model_project_net(c->m, f, net), SK_OK);
	flows_free(f);
}

Test(model, net_route_by_hand_with_after)
{
	/* model_after.ini, costs on end, one actor. Baseline: (10,0) ->
	 * (5,5) -> (3,7): 5500 and 3000 + 700 = 3700. Intervention: (2,8)
	 * -> (2.3,7.7) by P_after: 2000 + 800 = 2800 and 2300 + 770 = 3070.
	 * Savings: 5500 - 2800 = 2700 and 3700 - 3070 = 630. */
	calc *c = load(DATA "model_after.ini");
	double net[2];
	net_of(c, net);
	NEAR(net[0], 2700);
	NEAR(net[1], 630);
	calc_free(c);
}

Test(model, net_route_by_hand_after_is_baseline)
{
	/* model_after_default.ini: as above, but year 2 of the intervention
	 * arm by P_base, (2,8) -> (1.8,8.2): 2620, so the arms' difference
	 * (3,7) - (1.8,8.2) = (1.2,-1.2) moved alone gives the same:
	 * 3700 - 2620 = 1080. */
	calc *c = load(DATA "model_after_default.ini");
	cr_assert(c->m->after_is_base[SEX_WOMEN] && c->m->after_is_base[SEX_MEN]);
	double net[2];
	net_of(c, net);
	NEAR(net[0], 2700);
	NEAR(net[1], 1080);
	calc_free(c);
}

Test(model, net_route_equals_the_full_projection)
{
	/* every kind of file: intakes, costs_on, bands, sexes, [after],
	 * outcome mode, adjustments; the full projection's cost difference
	 * summed over the sexes is the independent route */
	static const char *const files[] = {
	        "model_after.ini",           "model_after_default.ini", "model_bands.ini",
	        "model_costs_end.ini",       "model_costs_mean.ini",    "model_costs_start.ini",
	        "model_intakes_long.ini",    "model_intakes_short.ini", "model_outcome.ini",
	        "model_outcome_attr.ini",    "model_sex.ini",           "model_index.ini",
	        "model_outcome_defaults.ini"};
	for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
		char path[200];
		snprintf(path, sizeof path, DATA "%s", files[k]);
		calc *c = load(path);
		size_t na = c->m->n_actors;
		double net[64 * 8];
		cr_assert(na * (size_t)c->m->years <= 64 * 8);
		net_of(c, net);
		for (int t = 0; t < c->m->years; t++)
			for (size_t a = 0; a < na; a++)
				NEAR(net[(size_t)t * na + a],
				     *flows_cost(c->f, ARM_BASELINE, FLOW_ALL, t, a) -
				             *flows_cost(c->f, ARM_INTERVENTION, FLOW_ALL, t, a));
		calc_free(c);
	}
}

Test(model, sparse_products_equal_the_dense_bit_for_bit)
{
	/* the Monte Carlo route's compressed-column matrices give x P exactly
	 * as the dense ones (the same sums in the same order), for x with
	 * awkward values; model_sex.ini and model_after.ini have matrices
	 * that differ by set and sex, the example columns of several terms */
	static const char *const files[] = {DATA "model_sex.ini", DATA "model_after.ini",
	                                    DATA "model_intakes_long.ini",
	                                    "scenarios/unga-vuxna.ini"}; /* 10 states */
	for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
		calc *c = load(files[k]);
		size_t n = c->m->n_states;
		gsl_vector *x = gsl_vector_alloc(n), *y = gsl_vector_alloc(n),
		           *z = gsl_vector_alloc(n);
		for (size_t s = 0; s < n; s++)
			gsl_vector_set(x, s, 1.0 / 3 + (double)s * 0.7071067811865476);
		for (int set = 0; set < N_TR; set++)
			for (int g = 0; g < N_SEX; g++) {
				cr_assert_not_null(c->m->sp[set][g]);
				gsl_blas_dgemv(CblasTrans, 1.0, c->m->p[set][g], x, 0.0, y);
				gsl_spblas_dgemv(CblasTrans, 1.0, c->m->sp[set][g], x, 0.0, z);
				cr_assert_eq(memcmp(y->data, z->data, n * sizeof(double)), 0,
				             "%s set %d sex %d", files[k], set, g);
			}
		gsl_vector_free(x);
		gsl_vector_free(y);
		gsl_vector_free(z);
		calc_free(c);
	}
}
