/* metrics.c -- NPV, payback, return and break-even per actor (SPEC §5),
 * and the flows per target, sex and year that every writer only formats.
 * Reads finished projections; projects again only to find break-even. */
#include "samkalk/model/metrics.h"

#include "samkalk/base/limits.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_roots.h>
#include <stdlib.h>
#include <string.h>

/* Grid steps scanned for the first sign change of NPV(lambda). */
#define BREAK_EVEN_GRID 100

results *results_new(const model *m, const profile *p)
{
	results *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	size_t na = m->n_actors;
	r->n_actors = na;
	r->n_states = m->n_states;
	r->n_targets = na + 2;
	r->years = m->years;
	size_t blocks = r->n_targets * N_FLOW_SEX;
	r->in_target = calloc(r->n_targets * na, sizeof(bool));
	r->fig = calloc(r->n_targets, sizeof *r->fig);
	r->discount = calloc((size_t)m->years, sizeof(double));
	r->flow = calloc(blocks * (size_t)m->years, sizeof *r->flow);
	r->sum = calloc(blocks, sizeof *r->sum);
	r->person_years = calloc(N_ARM * m->n_states, sizeof(double));
	r->gained = calloc(m->n_states, sizeof(double));
	if (!r->in_target || !r->fig || !r->discount || !r->flow || !r->sum || !r->person_years ||
	    !r->gained) {
		results_free(r);
		return NULL;
	}
	for (size_t a = 0; a < na; a++) {
		r->in_target[a * na + a] = true;
		/* the public sector: the fiscal actors; society: every actor */
		r->in_target[TARGET_FISCAL(na) * na + a] = p->actors[a].kind == ACTOR_FISCAL;
		r->in_target[TARGET_SOCIETY(na) * na + a] = true;
	}
	return r;
}

void results_free(results *r)
{
	if (!r)
		return;
	free(r->in_target);
	free(r->fig);
	free(r->discount);
	free(r->flow);
	free(r->sum);
	free(r->person_years);
	free(r->gained);
	free(r);
}

payback metrics_payback(const double *net, int years, int start_year, bool invests)
{
	if (!invests)
		return (payback){PAYBACK_NONE, 0, 0};
	double cum = 0;
	for (int t = 0; t < years; t++) {
		double before = cum;
		cum += net[t];
		if (cum >= 0) {
			double part = before < 0 ? -before / net[t] : 0;
			return (payback){PAYBACK_REACHED, start_year + t, t + part};
		}
	}
	return (payback){PAYBACK_NOT_REACHED, 0, 0};
}

/* Investment and savings of target j in year t (both sexes), kr. */
static void target_year(const results *r, const flows *f, size_t j, int t, double *inv, double *sav)
{
	*inv = *sav = 0;
	for (size_t a = 0; a < r->n_actors; a++)
		if (r->in_target[j * r->n_actors + a]) {
			*inv += *flows_investment(f, FLOW_ALL, t, a);
			*sav += *flows_cost(f, ARM_BASELINE, FLOW_ALL, t, a) -
			        *flows_cost(f, ARM_INTERVENTION, FLOW_ALL, t, a);
		}
}

/* Net of target j in year t (both sexes), kr. */
static double target_net(const results *r, const flows *f, size_t j, int t)
{
	double inv, sav;
	target_year(r, f, j, t, &inv, &sav);
	return sav - inv;
}

/* NPV of every target from a projection. */
static void npvs(const results *r, const flows *f, double *out)
{
	for (size_t j = 0; j < r->n_targets; j++) {
		out[j] = 0;
		for (int t = 0; t < f->years; t++)
			out[j] += target_net(r, f, j, t) * f->discount[t];
	}
}

/* The flows of target j for sex g, year by year and over the horizon. */
static void target_flows(results *r, const flows *f, size_t j, int g)
{
	flow_figures *sum = &r->sum[j * N_FLOW_SEX + (size_t)g];
	memset(sum, 0, sizeof *sum);
	double cum = 0, by_actor = 0;
	for (int t = 0; t < f->years; t++) {
		flow_figures *y =
		        &r->flow[(j * N_FLOW_SEX + (size_t)g) * (size_t)f->years + (size_t)t];
		y->without = y->with = y->investment = 0;
		for (size_t a = 0; a < r->n_actors; a++)
			if (r->in_target[j * r->n_actors + a]) {
				double without = *flows_cost(f, ARM_BASELINE, g, t, a);
				double with = *flows_cost(f, ARM_INTERVENTION, g, t, a);
				double inv = *flows_investment(f, g, t, a);
				y->without += without;
				y->with += with;
				y->investment += inv;
				by_actor += without - with - inv;
			}
		y->cumulative_by_actor = by_actor;
		y->savings = y->without - y->with;
		y->net = y->savings - y->investment;
		cum += y->net;
		y->cumulative = cum;
		y->discounted = y->net * f->discount[t];
		sum->without += y->without;
		sum->with += y->with;
		sum->savings += y->savings;
		sum->investment += y->investment;
		sum->net += y->net;
		sum->discounted += y->discounted;
		sum->cumulative = y->cumulative;
		sum->cumulative_by_actor = y->cumulative_by_actor;
	}
}

void metrics_compute(const model *m, const flows *f, int start_year, size_t work_state, results *r)
{
	int T = f->years;
	double net[SK_MAX_YEARS], net_pv[SK_MAX_YEARS];
	for (size_t j = 0; j < r->n_targets; j++) {
		figures *g = &r->fig[j];
		memset(g, 0, sizeof *g);
		for (int t = 0; t < T; t++) {
			double inv, sav;
			target_year(r, f, j, t, &inv, &sav);
			net[t] = sav - inv;
			net_pv[t] = net[t] * f->discount[t];
			g->investment += inv;
			g->savings += sav;
			g->net += net[t];
			g->pv_investment += inv * f->discount[t];
			g->pv_savings += sav * f->discount[t];
			g->npv += net_pv[t];
		}
		g->snapshot_years[0] = 1;
		g->snapshot_years[1] = T < 5 ? T : 5;
		for (int k = 0; k < 2; k++) {
			g->snapshot_net[k] = 0;
			for (int t = 0; t < g->snapshot_years[k]; t++)
				g->snapshot_net[k] += net[t];
		}
		bool invests = g->investment != 0;
		g->has_return = invests;
		g->ret = invests ? g->pv_savings / g->pv_investment : 0;
		g->nominal = metrics_payback(net, T, start_year, invests);
		g->discounted = metrics_payback(net_pv, T, start_year, invests);
	}
	for (int t = 0; t < T; t++)
		r->discount[t] = f->discount[t];
	for (size_t j = 0; j < r->n_targets; j++)
		for (int g = 0; g < N_FLOW_SEX; g++)
			target_flows(r, f, j, g);
	for (int arm = 0; arm < N_ARM; arm++)
		for (size_t s = 0; s < r->n_states; s++) {
			double py = 0;
			for (int t = 0; t < T; t++)
				py += *flows_occupancy(f, arm, FLOW_ALL, t, s);
			r->person_years[arm * r->n_states + s] = py;
		}
	for (size_t s = 0; s < r->n_states; s++)
		r->gained[s] = r->person_years[ARM_INTERVENTION * r->n_states + s] -
		               r->person_years[ARM_BASELINE * r->n_states + s];
	r->lambda_max = m->lambda_max;
	if (work_state >= r->n_states)
		return;
	double gained = r->gained[work_state];
	for (size_t j = 0; j < r->n_targets; j++) {
		r->fig[j].has_cost_per_work_year = gained > 1e-9;
		r->fig[j].cost_per_work_year = gained > 1e-9 ? -r->fig[j].npv / gained : 0;
	}
}

typedef struct npv_fn {
	const model *m;
	flows *f;
	const results *r;
	size_t target;
	double *scratch; /* n_targets */
	int failed;
} npv_fn;

static double npv_at(double lambda, void *params)
{
	npv_fn *p = params;
	if (model_project_effect(p->m, lambda, p->f) != SK_OK) {
		p->failed = 1;
		return 0;
	}
	npvs(p->r, p->f, p->scratch);
	return p->scratch[p->target];
}

static sk_status refine(npv_fn *fn, double lo, double hi, double *root)
{
	gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (!s)
		return SK_ENOMEM;
	gsl_function F = {npv_at, fn};
	int status = gsl_root_fsolver_set(s, &F, lo, hi);
	for (int iter = 0; status == GSL_SUCCESS && iter < 200; iter++) {
		status = gsl_root_fsolver_iterate(s);
		if (status != GSL_SUCCESS)
			break;
		lo = gsl_root_fsolver_x_lower(s);
		hi = gsl_root_fsolver_x_upper(s);
		status = gsl_root_test_interval(lo, hi, 1e-13, 1e-12);
		if (status == GSL_SUCCESS)
			break;
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
	}
	*root = gsl_root_fsolver_root(s);
	gsl_root_fsolver_free(s);
	return status == GSL_SUCCESS && !fn->failed ? SK_OK : SK_ENUMERIC;
}

/* -NPV of the target at lambda, for the minimiser (a maximum of NPV). */
static double minus_npv_at(double lambda, void *params)
{
	return -npv_at(lambda, params);
}

/* The largest NPV of fn's target on [a, c] around b, a local maximum of
 * the grid (npv(b) above both ends), with gsl_min_fminimizer_brent. */
static sk_status peak(npv_fn *fn, double a, double b, double c, double *at, double *value)
{
	gsl_min_fminimizer *s = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	if (!s)
		return SK_ENOMEM;
	gsl_function F = {minus_npv_at, fn};
	int status = gsl_min_fminimizer_set(s, &F, b, a, c);
	for (int iter = 0; status == GSL_SUCCESS && iter < 100; iter++) {
		status = gsl_min_fminimizer_iterate(s);
		if (status != GSL_SUCCESS)
			break;
		status = gsl_min_test_interval(gsl_min_fminimizer_x_lower(s),
		                               gsl_min_fminimizer_x_upper(s), 1e-12, 1e-10);
		if (status == GSL_SUCCESS)
			break;
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
		if (-gsl_min_fminimizer_f_minimum(s) >= 0)
			break; /* above zero: enough to bracket a root */
	}
	*at = gsl_min_fminimizer_x_minimum(s);
	*value = -gsl_min_fminimizer_f_minimum(s);
	gsl_min_fminimizer_free(s);
	return status == GSL_SUCCESS && !fn->failed ? SK_OK : SK_ENUMERIC;
}

/* The smallest root of target j's NPV from the grid values v[0..n]
 * (v[0] < 0): the first grid step where NPV turns >= 0, or, before it, a
 * local maximum of the grid whose true peak between its neighbours is >= 0
 * (NPV can rise above zero and fall back within one step). */
static sk_status smallest_root(npv_fn *fn, const double *grid, const double *v, int n, bool *found,
                               double *root)
{
	*found = false;
	for (int k = 1; k <= n; k++) {
		if (v[k] >= 0) {
			*found = true;
			if (v[k] == 0) {
				*root = grid[k];
				return SK_OK;
			}
			return refine(fn, grid[k - 1], grid[k], root);
		}
		if (k < n && v[k] > v[k - 1] && v[k] > v[k + 1]) {
			double at, top;
			sk_status st = peak(fn, grid[k - 1], grid[k], grid[k + 1], &at, &top);
			if (st != SK_OK)
				return st;
			if (top >= 0) {
				*found = true;
				if (top == 0) {
					*root = at;
					return SK_OK;
				}
				return refine(fn, grid[k - 1], at, root);
			}
		}
	}
	return SK_OK;
}

sk_status metrics_break_even(const model *m, flows *scratch, const double *outcome_rate, results *r)
{
	size_t nt = r->n_targets;
	enum { N = BREAK_EVEN_GRID };
	double *v = malloc((N + 1) * nt * sizeof(double)), *cur = malloc(nt * sizeof(double));
	double *col = malloc((N + 1) * sizeof(double)), grid[N + 1];
	if (!v || !cur || !col) {
		free(v), free(cur), free(col);
		return SK_ENOMEM;
	}
	npv_fn fn = {m, scratch, r, 0, cur, 0};
	if (model_project(m, 0, scratch) != SK_OK)
		fn.failed = 1;
	/* NPV of every target on the grid: one projection per point */
	for (int k = 0; k <= N && !fn.failed; k++) {
		grid[k] = m->lambda_max * k / N;
		npv_at(grid[k], &fn);
		for (size_t j = 0; j < nt; j++)
			v[(size_t)k * nt + j] = cur[j];
	}
	sk_status st = fn.failed ? SK_ENUMERIC : SK_OK;
	for (size_t j = 0; j < nt && st == SK_OK; j++) {
		figures *g = &r->fig[j];
		g->break_even_found = false;
		g->break_even = 0;
		if (g->nominal.status == PAYBACK_NONE) {
			/* Invests nothing, so NPV(0) = 0: it gains "even without any
			 * effect" (0) when the effect does not cost it, else no
			 * scale of the effect makes it break even (docs/method.md). */
			g->break_even_found = g->npv >= 0;
			continue;
		}
		for (int k = 0; k <= N; k++)
			col[k] = v[(size_t)k * nt + j];
		if (col[0] >= 0) { /* gains even without any effect */
			g->break_even_found = true;
			continue;
		}
		fn.target = j;
		st = smallest_root(&fn, grid, col, N, &g->break_even_found, &g->break_even);
	}
	for (size_t j = 0; j < nt && outcome_rate; j++)
		r->fig[j].break_even_rate =
		        outcome_rate[0] +
		        r->fig[j].break_even * (outcome_rate[1] - outcome_rate[0]);
	free(v), free(cur), free(col);
	return st;
}
