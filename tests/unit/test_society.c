/* test_society.c -- society as an economist means it (issue #16): a
 * transfer marked once sums to zero over its two sides, and society's NPV
 * is the value of the work and the real resources, worked out by hand. */
#include <criterion/criterion.h>
#include <gsl/gsl_errno.h>

#include "calc_load.h"
#include "samkalk/model/metrics.h"

/* soc.ini over soc_profile.ini: ten persons on försörjningsstöd (fs);
 * fs -> arbete 0.1 a year without the intervention, 0.3 in its one year;
 * costs at the year's end, no discounting, 1 000 kr fixed for the kommun.
 * At the end of the year 9 + 1 without, 7 + 3 with: two more in work.
 *
 * Per person and year: in fs the kommun pays 100 000 (a transfer to the
 * individual, who gets -100 000) and 20 000 of caseworkers' time; in
 * arbete the individual earns 250 000 (-250 000), the state gets 78 550 in
 * employer's fees and 50 000 in income tax (a transfer from the
 * individual, who pays +50 000).
 *   kommun: 2 x (100 000 + 20 000) = 240 000 saved, less 1 000: 239 000
 *   staten: 2 x (78 550 + 50 000) = 257 100
 *   individ: 2 x (-100 000 - (-250 000 + 50 000)) = 200 000
 *   the public sector (kommun, staten): 496 100
 *   society, all three: 696 100 = 2 x (20 000 + 250 000 + 78 550) - 1 000:
 *   the caseworkers' time and the labour cost of the work, once; the
 *   benefit and the tax net out. */
Test(society, hand_example_to_the_krona)
{
	gsl_set_error_handler_off();
	calc *c = load("tests/unit/data/soc.ini");
	const profile *p = c->s->profile;
	cr_assert_eq(p->actors[2].kind, ACTOR_HOUSEHOLD);
	size_t na = p->n_actors;
	NEAR(c->r->fig[0].npv, 239000);
	NEAR(c->r->fig[1].npv, 257100);
	NEAR(c->r->fig[2].npv, 200000);
	NEAR(c->r->fig[TARGET_FISCAL(na)].npv, 496100);
	NEAR(c->r->fig[TARGET_SOCIETY(na)].npv, 696100);
	calc_free(c);
}

/* soc_transfers.ini: only transfers (a benefit, a tax, a wage subsidy to
 * an employer in another price year), seven years, costs_on mean,
 * discounting, an after matrix: in every state the unit costs sum to zero
 * over the actors, and so do the costs of every year, arm and sex. Exactly
 * where a state has one transfer (fs: x and -x); where it has two
 * (arbete), up to the rounding of adding a state's items actor by actor
 * ((-a + b) + a - b), 1e-15 of the amounts. Society's NPV is minus the
 * intervention's cost alone. */
Test(society, transfers_sum_to_zero)
{
	gsl_set_error_handler_off();
	calc *c = load("tests/unit/data/soc_transfers.ini");
	const scenario *s = c->s;
	size_t na = s->profile->n_actors, ns = s->profile->n_states;
	for (size_t st = 0; st < ns; st++) {
		double sum = 0, size = 0;
		for (size_t a = 0; a < na; a++) {
			sum += s->unit_cost[st * na + a];
			size += fabs(s->unit_cost[st * na + a]);
		}
		if (st == 0)
			cr_assert_eq(sum, 0, "fs: %.17g", sum);
		else
			cr_assert(fabs(sum) <= 1e-15 * size, "state %zu: %.17g", st, sum);
	}
	/* the subsidy's other side is the employer's, moved by the index
	 * (2026 to the profile's 2024: 57 300 / 59 200) */
	NEAR(s->unit_cost[1 * na + 3], -12345.67 * 57300 / 59200);
	for (int arm = 0; arm < N_ARM; arm++)
		for (int g = 0; g < N_FLOW_SEX; g++)
			for (int t = 0; t < s->years; t++) {
				double sum = 0, size = 0;
				for (size_t a = 0; a < na; a++) {
					sum += *flows_cost(c->f, arm, g, t, a);
					size += fabs(*flows_cost(c->f, arm, g, t, a));
				}
				cr_assert(fabs(sum) <= 1e-15 * size, "arm %d sex %d year %d: %.17g",
				          arm, g, t, sum);
			}
	/* society invests 1 000 kr in year 1 (discounted at the start) and
	 * saves nothing */
	NEAR(c->r->fig[TARGET_SOCIETY(na)].npv, -1000);
	calc_free(c);
}
