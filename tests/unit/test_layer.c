/* test_layer.c -- the transition sections layered into matrices
 * (docs/method.md): layering again only the rows a draw can change against
 * layering everything. */
#include <criterion/criterion.h>
#include <string.h>

#include "samkalk/model/layer.h"

/* Layering again only the planned rows (layer_again, Monte Carlo)
 * against layering everything (layer_all), an independent route:
 * every layer kind, a sex's own keys and attribution, so that baseline
 * rows reach the intervention and after matrices. */
static const char layered[] =
        "[scenario]\nprofiles = reader_profile.ini\nstart_year = 2026\nyears = 2\n"
        "[adjustments]\nattribution = 0.8\n[cohort]\nsize = 1\nA = 1\n[intervention]\n"
        "years = 1\n[baseline]\nA -> B = 0.25\nB -> C = 0.5\nC -> A = 0.1\n"
        "[baseline.women]\nB -> C = 0.3\n[intervention.transitions]\nA -> B = 0.5\n"
        "A -> C = 0.1\n[intervention.transitions.men]\nC -> A = 0.2\n[after]\nB -> A = 0.05\n";

typedef struct mats {
	double v[N_TR][N_SEX][9];
	double *p[N_TR][N_SEX];
} mats;

static void mats_of(mats *m, const scenario *s)
{
	for (int set = 0; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++) {
			memcpy(m->v[set][g], s->p[set][g], sizeof m->v[set][g]);
			m->p[set][g] = m->v[set][g];
		}
}

static scenario *layered_scenario(void)
{
	diag d;
	diag_init(&d);
	scenario *s = NULL;
	sk_status st =
	        scenario_parse("tests/unit/data/inline.ini", layered, sizeof layered - 1, &s, &d);
	cr_assert_eq(st, SK_OK, "%zu messages", diag_count(&d));
	cr_assert_eq(layer_resolve(s, &d), SK_OK);
	cr_assert_eq(diag_count(&d), 0);
	diag_free(&d);
	cr_assert_eq(s->profile->n_states, 3);
	return s;
}

/* Layers s everything (into full, from s's matrices) and by the plan
 * (before, layered at the file's values): the two must be equal bit for
 * bit. */
static void layer_both_ways(scenario *s, const layer_plan *pl, mats *before, mats *full)
{
	mats_of(full, s);
	cr_assert(layer_all(s, full->p, NULL));
	cr_assert(layer_again(s, pl, before->p, NULL));
	for (int set = 0; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++)
			cr_assert_eq(
			        memcmp(before->v[set][g], full->v[set][g], sizeof full->v[set][g]),
			        0, "set %d sex %d", set, g);
}

Test(scenario, relayer_equals_layering_everything)
{
	scenario *s = layered_scenario();
	bool base[3] = {true, false, true}, men[1] = {true};
	const bool *varies[N_TR][N_FOR] = {{NULL}};
	varies[TR_BASELINE][FOR_ALL] = base;    /* A -> B and C -> A of [baseline] */
	varies[TR_INTERVENTION][FOR_MEN] = men; /* C -> A of its men's section */
	layer_plan *pl = layer_plan_new(s, varies, false);
	cr_assert_not_null(pl);
	mats before, full;
	mats_of(&before, s); /* layered at the file's values */
	s->tr[TR_BASELINE][FOR_ALL].v[0].p = 0.3;
	s->tr[TR_BASELINE][FOR_ALL].v[2].p = 0.15;
	s->tr[TR_INTERVENTION][FOR_MEN].v[0].p = 0.25;
	layer_both_ways(s, pl, &before, &full);
	/* by hand, men's intervention row C: C -> A = 0.25 raw, attributed
	 * against the baseline's 0.15: 0.15 + 0.8 (0.25 - 0.15) = 0.23 */
	cr_assert_float_eq(full.v[TR_INTERVENTION][SEX_MEN][2 * 3 + 0], 0.23, 1e-15);
	/* a row above 1: both routes name the same first row. [baseline]
	 * C -> A = 1.2 is women's baseline row C (sum 1.2) */
	s->tr[TR_BASELINE][FOR_ALL].v[2].p = 1.2;
	layer_bad_row a = {0}, b = {0};
	cr_assert(!layer_all(s, full.p, &a));
	cr_assert(!layer_again(s, pl, before.p, &b));
	cr_assert_eq(a.set, TR_BASELINE);
	cr_assert_eq(a.sex, SEX_WOMEN);
	cr_assert_eq(a.from, 2);
	cr_assert_eq(memcmp(&a, &b, sizeof a), 0);
	layer_plan_free(pl);
	scenario_free(s);
}

Test(scenario, relayer_with_attribution_varying)
{
	scenario *s = layered_scenario();
	const bool *varies[N_TR][N_FOR] = {{NULL}};
	layer_plan *pl = layer_plan_new(s, varies, true);
	cr_assert_not_null(pl);
	mats before, full;
	mats_of(&before, s);
	s->attribution = 0.5;
	layer_both_ways(s, pl, &before, &full);
	/* women's intervention row A: A -> B raw 0.5 against baseline 0.25,
	 * attributed at 0.5: 0.25 + 0.5 (0.5 - 0.25) = 0.375 */
	cr_assert_float_eq(full.v[TR_INTERVENTION][SEX_WOMEN][0 * 3 + 1], 0.375, 1e-15);
	layer_plan_free(pl);
	scenario_free(s);
}
