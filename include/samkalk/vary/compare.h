/* compare.h -- several scenarios side by side (issue #6): the decision
 * figures of each, moved to one price year, ranked by society's and the
 * public sector's NPV, and what differs between them (rates, horizons,
 * starts, timing), which report/comparison.c says in words. */
#ifndef SAMKALK_COMPARE_H
#define SAMKALK_COMPARE_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"
#include "samkalk/base/format.h"
#include "samkalk/vary/calc.h"

typedef struct comparison {
	size_t n;       /* scenarios */
	calc **c;       /* each computed at its own price year */
	int price_year; /* the newest of them: every amount is moved to it */
	double *factor; /* per scenario: index[price_year] / index[its own] */
	/* per scenario k and its own targets (its actors, then the public
	 * sector and society, as in its results): the figures with every
	 * amount (sums, present values, NPV, snapshots, cost per work-year)
	 * times factor[k]; returns, paybacks and break-evens as they are */
	figures **moved;
	/* per scenario k and year t of its horizon: the public sector's
	 * cumulative net (cumulative_by_actor) times factor[k] */
	double **cumulative;
	int *rank_society; /* 1 = the highest society NPV; ties share a rank */
	int *rank_fiscal;
	/* the union of the scenarios' actor and state ids, in order of first
	 * appearance: profiles may differ */
	const char **actors, **actor_labels, **states, **state_labels;
	size_t n_actors, n_states;
	bool same_rates, same_horizon, same_start, same_timing;
	int max_years;
} comparison;

/* Runs every scenario and compares them. Mistakes in any file, and a price
 * year missing from a profile's index when amounts must be moved, go to d
 * (SK_EINPUT); SK_ENOMEM and SK_ENUMERIC are failures of the machine. */
sk_status compare_run(char *const *paths, size_t n, comparison **out, diag *d);
void compare_free(comparison *cmp);

/* Index of actor or state id in the union, or SIZE_MAX; and the target of
 * scenario k for a union actor (its own actor index), or SIZE_MAX when its
 * profile has no such actor. */
size_t compare_actor_in(const comparison *cmp, size_t k, size_t union_actor);
size_t compare_state_in(const comparison *cmp, size_t k, size_t union_state);

/* The measures of a target, named as the JSON fields. */
typedef enum measure {
	M_NPV,
	M_PV_INVESTMENT,
	M_PV_SAVINGS,
	M_RETURN,
	M_PAYBACK_YEAR,
	M_PAYBACK_YEARS,
	M_PAYBACK_DISC_YEAR,
	M_PAYBACK_DISC_YEARS,
	M_BREAK_EVEN,
	M_NET_AFTER_1,
	M_NET_AFTER_5,
	M_COST_PER_WORK_YEAR,
	N_MEASURES
} measure;

extern const char *const compare_measure_names[N_MEASURES];

/* Scenario k's figures for union target u (the union's actors, then the
 * public sector, then society), moved to the comparison's price year
 * (cmp->moved), or NULL when its profile lacks the actor. */
const figures *compare_figures(const comparison *cmp, size_t k, size_t u);

/* One measure of a target, from compare_figures(): its amounts at the
 * comparison's price year; false when it does not exist (no investment,
 * not paid back...). */
bool compare_value(const comparison *cmp, size_t k, size_t u, measure m, double *v);

/* Person-years scenario k gains in union state u; false without the state. */
bool compare_gained(const comparison *cmp, size_t k, size_t u, double *v);

#endif
