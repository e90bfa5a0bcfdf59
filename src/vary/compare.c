/* compare.c -- scenarios side by side (issue #6): each run as `samkalk run`
 * would, its amounts moved to the newest price year by its own profile's
 * index (amounts are linear in prices, so every sum, present value, NPV,
 * net and cost per work-year scales by the same factor; paybacks, returns
 * and break-evens do not change), and ranked. The moved figures are kept
 * here, once; report/comparison.c and report/xlsx/comparison.c write them. */
#include "samkalk/vary/compare.h"

#include <stdlib.h>
#include <string.h>

const char *const compare_measure_names[N_MEASURES] = {"npv",
                                                       "pv_investment",
                                                       "pv_savings",
                                                       "return",
                                                       "payback_nominal_year",
                                                       "payback_nominal_years",
                                                       "payback_discounted_year",
                                                       "payback_discounted_years",
                                                       "break_even",
                                                       "net_after_1_year",
                                                       "net_after_5_years",
                                                       "cost_per_work_year"};

void compare_free(comparison *cmp)
{
	if (!cmp)
		return;
	for (size_t k = 0; k < cmp->n; k++) {
		calc_free(cmp->c[k]);
		free(cmp->moved ? cmp->moved[k] : NULL);
		free(cmp->cumulative ? cmp->cumulative[k] : NULL);
	}
	free(cmp->c);
	free(cmp->factor);
	free(cmp->moved);
	free(cmp->cumulative);
	free(cmp->rank_society);
	free(cmp->rank_fiscal);
	free(cmp->actors);
	free(cmp->actor_labels);
	free(cmp->states);
	free(cmp->state_labels);
	free(cmp);
}

/* Adds id to a union list unless there; false when out of memory. */
static bool add_id(const char ***ids, const char ***labels, size_t *n, const char *id,
                   const char *label)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*ids)[i], id) == 0)
			return true;
	const char **a = realloc(*ids, (*n + 1) * sizeof *a);
	if (!a)
		return false;
	*ids = a;
	const char **b = realloc(*labels, (*n + 1) * sizeof *b);
	if (!b)
		return false;
	*labels = b;
	(*ids)[*n] = id;
	(*labels)[*n] = label;
	(*n)++;
	return true;
}

size_t compare_actor_in(const comparison *cmp, size_t k, size_t union_actor)
{
	return profile_actor_index(cmp->c[k]->s->profile, cmp->actors[union_actor]);
}

size_t compare_state_in(const comparison *cmp, size_t k, size_t union_state)
{
	return profile_state_index(cmp->c[k]->s->profile, cmp->states[union_state]);
}

/* Figures g at another price year: every amount times f, the rest as it
 * is. */
static figures move(const figures *g, double f)
{
	figures m = *g;
	m.investment = g->investment * f;
	m.savings = g->savings * f;
	m.net = g->net * f;
	m.pv_investment = g->pv_investment * f;
	m.pv_savings = g->pv_savings * f;
	m.npv = g->npv * f;
	for (int k = 0; k < 2; k++)
		m.snapshot_net[k] = g->snapshot_net[k] * f;
	m.cost_per_work_year = g->cost_per_work_year * f;
	return m;
}

/* Competition ranking, highest first: ties share the better rank. */
static void rank(const double *v, size_t n, int *out)
{
	for (size_t i = 0; i < n; i++) {
		out[i] = 1;
		for (size_t j = 0; j < n; j++)
			out[i] += v[j] > v[i];
	}
}

sk_status compare_run(char *const *paths, size_t n, comparison **out, diag *d)
{
	*out = NULL;
	comparison *cmp = calloc(1, sizeof *cmp);
	if (!cmp)
		return SK_ENOMEM;
	cmp->c = calloc(n, sizeof *cmp->c);
	cmp->factor = calloc(n, sizeof *cmp->factor);
	cmp->rank_society = calloc(n, sizeof *cmp->rank_society);
	cmp->rank_fiscal = calloc(n, sizeof *cmp->rank_fiscal);
	cmp->moved = calloc(n, sizeof *cmp->moved);
	cmp->cumulative = calloc(n, sizeof *cmp->cumulative);
	if (!cmp->c || !cmp->factor || !cmp->rank_society || !cmp->rank_fiscal || !cmp->moved ||
	    !cmp->cumulative) {
		compare_free(cmp);
		return SK_ENOMEM;
	}
	sk_status worst = SK_OK;
	for (size_t k = 0; k < n; k++) { /* every file's mistakes, not just the first's */
		sk_status st = calc_run(paths[k], &cmp->c[cmp->n], d);
		if (st == SK_OK)
			cmp->n++;
		else if (worst == SK_OK || st != SK_EINPUT)
			worst = st;
	}
	if (worst != SK_OK) {
		compare_free(cmp);
		return worst;
	}
	cmp->price_year = 0;
	for (size_t k = 0; k < n; k++)
		if (cmp->c[k]->s->price_year > cmp->price_year)
			cmp->price_year = cmp->c[k]->s->price_year;
	for (size_t k = 0; k < n; k++) {
		const scenario *s = cmp->c[k]->s;
		cmp->factor[k] = 1;
		if (s->price_year == cmp->price_year)
			continue;
		double from = profile_index_value(s->profile, s->price_year);
		double to = profile_index_value(s->profile, cmp->price_year);
		if (from == 0 || to == 0)
			diag_add(
			        d, s->doc->path, s->price_year_line, "price_year",
			        "expected price years %d and %d in the [index] of %s, to move this scenario's amounts to the comparison's newest price year, got no year %d",
			        s->price_year, cmp->price_year, s->profile->doc->path,
			        from == 0 ? s->price_year : cmp->price_year);
		else
			cmp->factor[k] = to / from;
	}
	if (diag_count(d)) {
		compare_free(cmp);
		return SK_EINPUT;
	}
	bool ok = true;
	for (size_t k = 0; k < n && ok; k++) {
		const calc *c = cmp->c[k];
		size_t na = c->s->profile->n_actors;
		cmp->moved[k] = malloc(c->r->n_targets * sizeof *cmp->moved[k]);
		cmp->cumulative[k] = malloc((size_t)c->s->years * sizeof *cmp->cumulative[k]);
		ok = cmp->moved[k] && cmp->cumulative[k];
		for (size_t j = 0; j < c->r->n_targets && ok; j++)
			cmp->moved[k][j] = move(&c->r->fig[j], cmp->factor[k]);
		for (int t = 0; t < c->s->years && ok; t++) {
			const flow_figures *y = results_flow(c->r, TARGET_FISCAL(na), FLOW_ALL, t);
			cmp->cumulative[k][t] = y->cumulative_by_actor * cmp->factor[k];
		}
	}
	for (size_t k = 0; k < n && ok; k++) {
		const profile *p = cmp->c[k]->s->profile;
		for (size_t a = 0; a < p->n_actors && ok; a++)
			ok = add_id(&cmp->actors, &cmp->actor_labels, &cmp->n_actors,
			            p->actors[a].id, p->actors[a].label);
		for (size_t st = 0; st < p->n_states && ok; st++)
			ok = add_id(&cmp->states, &cmp->state_labels, &cmp->n_states,
			            p->states[st].id, p->states[st].label);
	}
	if (!ok) {
		compare_free(cmp);
		return SK_ENOMEM;
	}
	double *soc = malloc(n * sizeof *soc), *fis = malloc(n * sizeof *fis);
	if (!soc || !fis) {
		free(soc);
		free(fis);
		compare_free(cmp);
		return SK_ENOMEM;
	}
	const scenario *s0 = cmp->c[0]->s;
	cmp->same_rates = cmp->same_horizon = cmp->same_start = cmp->same_timing = true;
	for (size_t k = 0; k < n; k++) {
		const calc *c = cmp->c[k];
		size_t na = c->s->profile->n_actors;
		soc[k] = cmp->moved[k][TARGET_SOCIETY(na)].npv;
		fis[k] = cmp->moved[k][TARGET_FISCAL(na)].npv;
		const scenario *s = c->s;
		for (int t = 0; t < s->years && t < s0->years; t++)
			cmp->same_rates &= s->rate_by_year[t] == s0->rate_by_year[t];
		cmp->same_horizon &= s->years == s0->years;
		cmp->same_start &= s->start_year == s0->start_year;
		cmp->same_timing &= s->timing == s0->timing;
		if (s->years > cmp->max_years)
			cmp->max_years = s->years;
	}
	rank(soc, n, cmp->rank_society);
	rank(fis, n, cmp->rank_fiscal);
	free(soc);
	free(fis);
	*out = cmp;
	return SK_OK;
}

/* Scenario k's moved figures for union target u (actors, then fiscal,
 * society), or NULL when its profile has no such actor. */
const figures *compare_figures(const comparison *cmp, size_t k, size_t u)
{
	size_t na = cmp->c[k]->s->profile->n_actors;
	if (u == cmp->n_actors)
		return &cmp->moved[k][TARGET_FISCAL(na)];
	if (u == cmp->n_actors + 1)
		return &cmp->moved[k][TARGET_SOCIETY(na)];
	size_t a = compare_actor_in(cmp, k, u);
	return a == SIZE_MAX ? NULL : &cmp->moved[k][a];
}

/* One measure of one target at the common price year; false when it does
 * not exist (JSON null, an empty CSV value, a dash in text). */
bool compare_value(const comparison *cmp, size_t k, size_t u, measure m, double *v)
{
	const figures *g = compare_figures(cmp, k, u);
	if (!g)
		return false;
	const payback *pb =
	        m == M_PAYBACK_YEAR || m == M_PAYBACK_YEARS ? &g->nominal : &g->discounted;
	switch (m) {
	case M_NPV:
		*v = g->npv;
		break;
	case M_PV_INVESTMENT:
		*v = g->pv_investment;
		break;
	case M_PV_SAVINGS:
		*v = g->pv_savings;
		break;
	case M_RETURN:
		*v = g->ret;
		return g->has_return;
	case M_PAYBACK_YEAR:
	case M_PAYBACK_DISC_YEAR:
		*v = pb->year;
		return pb->status == PAYBACK_REACHED;
	case M_PAYBACK_YEARS:
	case M_PAYBACK_DISC_YEARS:
		*v = pb->years;
		return pb->status == PAYBACK_REACHED;
	case M_BREAK_EVEN:
		*v = g->break_even;
		return g->break_even_found;
	case M_NET_AFTER_1:
		*v = g->snapshot_net[0];
		break;
	case M_NET_AFTER_5:
		*v = g->snapshot_net[1];
		break;
	case M_COST_PER_WORK_YEAR:
		*v = g->cost_per_work_year;
		if (!g->has_cost_per_work_year)
			return false;
		break;
	default:
		return false;
	}
	return true;
}

/* Person-years gained in union state u by scenario k, false when its
 * profile has no such state. */
bool compare_gained(const comparison *cmp, size_t k, size_t u, double *v)
{
	size_t st = compare_state_in(cmp, k, u);
	if (st == SIZE_MAX)
		return false;
	const results *r = cmp->c[k]->r;
	*v = r->gained[st];
	return true;
}
