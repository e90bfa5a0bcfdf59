/* metrics.c -- NPV, payback, return and break-even per actor (SPEC §5).
 * Reads finished projections; projects again only to find break-even. */
#include "samkalk/metrics.h"

#include "samkalk/limits.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <stdlib.h>
#include <string.h>

/* Grid steps scanned for the first sign change of NPV(lambda). */
#define BREAK_EVEN_GRID 100

results *results_new(const model *m, const bool *fiscal)
{
	results *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	size_t na = m->n_actors;
	r->n_actors = na;
	r->n_states = m->n_states;
	r->n_targets = na + 2;
	r->in_target = calloc(r->n_targets * na, sizeof(bool));
	r->fig = calloc(r->n_targets, sizeof *r->fig);
	r->person_years = calloc(N_ARM * m->n_states, sizeof(double));
	if (!r->in_target || !r->fig || !r->person_years) {
		results_free(r);
		return NULL;
	}
	for (size_t a = 0; a < na; a++) {
		r->in_target[a * na + a] = true;
		r->in_target[TARGET_FISCAL(na) * na + a] = fiscal[a];
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
	free(r->person_years);
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

/* Net of target j in year t (both sexes), kr. */
static double target_net(const results *r, const flows *f, size_t j, int t)
{
	double net = 0;
	for (size_t a = 0; a < r->n_actors; a++)
		if (r->in_target[j * r->n_actors + a])
			net += *flows_cost(f, ARM_BASELINE, FLOW_ALL, t, a) -
			       *flows_cost(f, ARM_INTERVENTION, FLOW_ALL, t, a) -
			       *flows_investment(f, FLOW_ALL, t, a);
	return net;
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

void metrics_compute(const model *m, const flows *f, int start_year, results *r)
{
	int T = f->years;
	double net[SK_MAX_YEARS], net_pv[SK_MAX_YEARS];
	for (size_t j = 0; j < r->n_targets; j++) {
		figures *g = &r->fig[j];
		memset(g, 0, sizeof *g);
		for (int t = 0; t < T; t++) {
			double inv = 0, sav = 0;
			for (size_t a = 0; a < r->n_actors; a++) {
				if (!r->in_target[j * r->n_actors + a])
					continue;
				inv += *flows_investment(f, FLOW_ALL, t, a);
				sav += *flows_cost(f, ARM_BASELINE, FLOW_ALL, t, a) -
				       *flows_cost(f, ARM_INTERVENTION, FLOW_ALL, t, a);
			}
			net[t] = sav - inv;
			net_pv[t] = net[t] * f->discount[t];
			g->investment += inv;
			g->savings += sav;
			g->net += net[t];
			g->pv_investment += inv * f->discount[t];
			g->pv_savings += sav * f->discount[t];
			g->npv += net_pv[t];
		}
		bool invests = g->investment != 0;
		g->has_return = invests;
		g->ret = invests ? g->pv_savings / g->pv_investment : 0;
		g->nominal = metrics_payback(net, T, start_year, invests);
		g->discounted = metrics_payback(net_pv, T, start_year, invests);
	}
	for (int arm = 0; arm < N_ARM; arm++)
		for (size_t s = 0; s < r->n_states; s++) {
			double py = 0;
			for (int t = 0; t < T; t++)
				py += *flows_occupancy(f, arm, FLOW_ALL, t, s);
			r->person_years[arm * r->n_states + s] = py;
		}
	r->lambda_max = m->lambda_max;
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

sk_status metrics_break_even(const model *m, flows *scratch, const double *outcome_rate, results *r)
{
	size_t nt = r->n_targets;
	double *prev = malloc(nt * sizeof(double)), *cur = malloc(nt * sizeof(double));
	double *lo = malloc(nt * sizeof(double));
	bool *open = malloc(nt * sizeof(bool));
	if (!prev || !cur || !lo || !open) {
		free(prev), free(cur), free(lo), free(open);
		return SK_ENOMEM;
	}
	npv_fn fn = {m, scratch, r, 0, cur, 0};
	sk_status st = SK_OK;
	double lmax = m->lambda_max;
	if (model_project(m, 0, scratch) != SK_OK)
		fn.failed = 1;
	npv_at(0, &fn);
	memcpy(prev, cur, nt * sizeof(double));
	for (size_t j = 0; j < nt; j++) {
		r->fig[j].break_even_found = prev[j] >= 0;
		r->fig[j].break_even = 0;
		open[j] = prev[j] < 0;
		lo[j] = -1;
	}
	/* The first grid step where NPV turns >= 0 brackets the smallest root. */
	for (int k = 1; k <= BREAK_EVEN_GRID && !fn.failed; k++) {
		double l = lmax * k / BREAK_EVEN_GRID;
		npv_at(l, &fn);
		for (size_t j = 0; j < nt; j++) {
			if (!open[j] || lo[j] >= 0)
				continue;
			if (cur[j] >= 0) {
				lo[j] = lmax * (k - 1) / BREAK_EVEN_GRID;
				if (cur[j] == 0) { /* exactly on the grid */
					r->fig[j].break_even_found = true;
					r->fig[j].break_even = l;
					open[j] = false;
				}
			}
			prev[j] = cur[j];
		}
	}
	for (size_t j = 0; j < nt && st == SK_OK && !fn.failed; j++) {
		if (!open[j] || lo[j] < 0)
			continue;
		fn.target = j;
		double root = 0;
		st = refine(&fn, lo[j], lo[j] + lmax / BREAK_EVEN_GRID, &root);
		r->fig[j].break_even_found = st == SK_OK;
		r->fig[j].break_even = root;
	}
	if (fn.failed)
		st = SK_ENUMERIC;
	for (size_t j = 0; j < nt && outcome_rate; j++)
		r->fig[j].break_even_rate =
		        outcome_rate[0] +
		        r->fig[j].break_even * (outcome_rate[1] - outcome_rate[0]);
	free(prev), free(cur), free(lo), free(open);
	return st;
}
