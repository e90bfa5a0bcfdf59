/* model.c -- cohort projection without and with the intervention
 * (SPEC §5). x_{t+1} = x_t P_t with gsl_blas_dgemv; costs are occupancy
 * times the unit-cost matrix. */
#include "samkalk/model/model.h"

#include "samkalk/model/layer.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_spblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Largest lambda <= 10 keeping every entry of P_base + lambda * delta in
 * [0, 1], for the intervention and after matrices of both sexes. */
static double lambda_max(const model *m)
{
	double best = 10;
	for (int g = 0; g < N_SEX; g++)
		for (int set = TR_INTERVENTION; set < N_TR; set++) {
			const gsl_matrix *B = m->p[TR_BASELINE][g], *D = m->delta[set][g];
			for (size_t i = 0; i < m->n_states; i++)
				for (size_t j = 0; j < m->n_states; j++) {
					double b = gsl_matrix_get(B, i, j),
					       dl = gsl_matrix_get(D, i, j);
					if (fabs(dl) < 1e-12) /* unchanged but for rounding */
						continue;
					double lim = dl > 0 ? (1 - b) / dl : b / -dl;
					if (lim < best)
						best = lim;
				}
		}
	return best < 1 ? 1 : best; /* the assumed effect itself is valid */
}

void model_free(model *m)
{
	if (!m)
		return;
	for (int g = 0; g < N_SEX; g++) {
		gsl_vector_free(m->start[g]);
		for (int set = 0; set < N_TR; set++) {
			gsl_matrix_free(m->p[set][g]);
			gsl_matrix_free(m->delta[set][g]);
			if (m->sp[set][g])
				gsl_spmatrix_free(m->sp[set][g]);
			free(m->sp_at[set][g]);
		}
	}
	gsl_matrix_free(m->unit_cost);
	free(m->rate);
	free(m->fixed);
	free(m->per_participant);
	free(m->startup);
	free(m);
}

sk_status model_fill(model *m, const scenario *s)
{
	size_t n = m->n_states, na = m->n_actors;
	m->size = (double)s->size;
	m->share[SEX_WOMEN] = s->women;
	m->share[SEX_MEN] = 1 - s->women;
	memcpy(m->rate, s->rate_by_year, (size_t)s->years * sizeof(double));
	/* [adjustments] cost_uplift: every investment cost grows by the share */
	for (size_t a = 0; a < na; a++) {
		m->fixed[a] = s->fixed_cost[a] * (1 + s->cost_uplift);
		m->per_participant[a] = s->cost_per_participant[a] * (1 + s->cost_uplift);
		m->startup[a] = s->startup_cost[a] * (1 + s->cost_uplift);
	}
	/* the model's matrices and vectors are whole blocks (allocated by
	 * model_build, tda = columns), so each is one copy */
	memcpy(m->unit_cost->data, s->unit_cost, n * na * sizeof(double));
	for (int g = 0; g < N_SEX; g++) {
		memcpy(m->start[g]->data, s->start[g], n * sizeof(double));
		for (int set = 0; set < N_TR && !m->draws_only; set++)
			memcpy(m->p[set][g]->data, s->p[set][g], n * n * sizeof(double));
		for (int set = 0; set < N_TR; set++) {
			gsl_spmatrix *S = m->sp[set][g];
			for (size_t k = 0; S && k < S->nz; k++)
				S->data[k] = s->p[set][g][m->sp_at[set][g][k]];
		}
		m->after_is_base[g] = memcmp(s->p[TR_AFTER][g], s->p[TR_BASELINE][g],
		                             n * n * sizeof(double)) == 0;
	}
	return SK_OK;
}

/* P_x - P_base, which scales the effect (break-even). */
static sk_status effect_deltas(model *m)
{
	int bad = 0;
	for (int g = 0; g < N_SEX; g++)
		for (int set = 0; set < N_TR; set++) {
			bad |= gsl_matrix_memcpy(m->delta[set][g], m->p[set][g]);
			bad |= gsl_matrix_sub(m->delta[set][g], m->p[TR_BASELINE][g]);
		}
	return bad ? SK_ENUMERIC : SK_OK;
}

/* Compressed-column copies of the matrices for the Monte Carlo route, with
 * every entry the transitions can fill (layer_pattern), so that a draw
 * only copies values in. x P is then one sum per column over its entries,
 * in the order of the rows as the dense product sums them (GSL keeps a
 * column's entries in row order), the terms left out being exact zeros:
 * the same result bit for bit. */
static sk_status sparse_build(model *m, const scenario *s)
{
	size_t n = m->n_states;
	bool *nonzero = malloc(n * n * sizeof *nonzero);
	if (!nonzero)
		return SK_ENOMEM;
	sk_status st = SK_OK;
	for (int g = 0; g < N_SEX && st == SK_OK; g++)
		for (int set = 0; set < N_TR && st == SK_OK; set++) {
			layer_pattern(s, set, g, nonzero);
			size_t nz = 0;
			for (size_t k = 0; k < n * n; k++)
				nz += nonzero[k];
			gsl_spmatrix *coo = gsl_spmatrix_alloc_nzmax(n, n, nz, GSL_SPMATRIX_COO);
			gsl_spmatrix *csc = gsl_spmatrix_alloc_nzmax(n, n, nz, GSL_SPMATRIX_CSC);
			size_t *at = malloc((nz + 1) * sizeof *at);
			bool ok = coo && csc && at;
			/* any nonzero marks the place; model_fill() puts values */
			for (size_t k = 0; k < n * n && ok; k++)
				ok = !nonzero[k] || gsl_spmatrix_set(coo, k / n, k % n, 1) == 0;
			ok = ok && gsl_spmatrix_csc(csc, coo) == 0 && csc->nz == nz;
			for (size_t b = 0; b < n && ok; b++) /* column b */
				for (int k = csc->p[b]; k < csc->p[b + 1]; k++)
					at[k] = (size_t)csc->i[k] * n + b;
			if (coo)
				gsl_spmatrix_free(coo);
			if (!ok) {
				if (csc)
					gsl_spmatrix_free(csc);
				free(at);
				st = SK_ENOMEM;
				break;
			}
			m->sp[set][g] = csc;
			m->sp_at[set][g] = at;
		}
	free(nonzero);
	return st;
}

sk_status model_build(const scenario *s, model **out)
{
	*out = NULL;
	const profile *p = s->profile;
	model *m = calloc(1, sizeof *m);
	if (!m)
		return SK_ENOMEM;
	size_t n = p->n_states, na = p->n_actors;
	m->n_states = n;
	m->n_actors = na;
	m->years = s->years;
	m->intakes = (int)s->intakes;
	m->d_years = s->intervention_years;
	m->timing = s->timing;
	m->costs_on = s->costs_on;
	bool ok = (m->unit_cost = gsl_matrix_alloc(n, na)) != NULL;
	for (int g = 0; g < N_SEX && ok; g++) {
		ok = (m->start[g] = gsl_vector_alloc(n)) != NULL;
		for (int set = 0; set < N_TR && ok; set++)
			ok = (m->p[set][g] = gsl_matrix_alloc(n, n)) &&
			     (m->delta[set][g] = gsl_matrix_alloc(n, n));
	}
	ok = ok && (m->rate = malloc((size_t)s->years * sizeof(double))) &&
	     (m->fixed = malloc(na * sizeof(double))) &&
	     (m->per_participant = malloc(na * sizeof(double))) &&
	     (m->startup = malloc(na * sizeof(double)));
	if (!ok) {
		model_free(m);
		return SK_ENOMEM;
	}
	sk_status st = s->outcome_mode ? SK_OK : sparse_build(m, s);
	if (st == SK_OK)
		st = model_fill(m, s);
	if (st == SK_OK)
		st = effect_deltas(m);
	if (st != SK_OK) {
		model_free(m);
		return st;
	}
	m->lambda_max = lambda_max(m);
	*out = m;
	return SK_OK;
}

void flows_free(flows *f)
{
	if (!f)
		return;
	free(f->cost);
	free(f->investment);
	free(f->occupancy);
	free(f->discount);
	for (int g = 0; g < N_SEX; g++)
		for (int set = 0; set < N_TR; set++)
			gsl_matrix_free(f->scaled[set][g]);
	gsl_vector_free(f->x);
	gsl_vector_free(f->y);
	gsl_vector_free(f->x2);
	gsl_vector_free(f->y2);
	free(f);
}

flows *flows_new(const model *m)
{
	flows *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	size_t T = (size_t)m->years, n = m->n_states, na = m->n_actors;
	f->years = m->years;
	f->n_states = n;
	f->n_actors = na;
	bool ok = (f->cost = calloc(N_ARM * N_FLOW_SEX * T * na, sizeof(double))) &&
	          (f->investment = calloc(N_FLOW_SEX * T * na, sizeof(double))) &&
	          (f->occupancy = calloc(N_ARM * N_FLOW_SEX * T * n, sizeof(double))) &&
	          (f->discount = calloc(T, sizeof(double))) && (f->x = gsl_vector_alloc(n)) &&
	          (f->y = gsl_vector_alloc(n)) && (f->x2 = gsl_vector_alloc(n)) &&
	          (f->y2 = gsl_vector_alloc(n));
	for (int g = 0; g < N_SEX && ok; g++)
		for (int set = TR_INTERVENTION; set < N_TR && ok; set++)
			ok = (f->scaled[set][g] = gsl_matrix_alloc(n, n)) != NULL;
	if (!ok) {
		flows_free(f);
		return NULL;
	}
	return f;
}

/* The matrix an intake uses in its k-th year (k from 0) in an arm. */
static const gsl_matrix *matrix_for(const model *m, const flows *f, double lambda, int arm, int sex,
                                    int k)
{
	if (arm == ARM_BASELINE)
		return m->p[TR_BASELINE][sex];
	int set = k < m->d_years ? TR_INTERVENTION : TR_AFTER;
	return lambda == 1 ? m->p[set][sex] : f->scaled[set][sex];
}

/* x_1 = size * w_g * d: one intake entering at the start of year 1. */
static void entering(const model *m, int sex, gsl_vector *x)
{
	double scale = m->size * m->share[sex];
	for (size_t s = 0; s < m->n_states; s++)
		x->data[s] = m->start[sex]->data[s] * scale;
}

/* Moves *x, the persons at the start of year t0 (from 0) in an arm, year
 * by year to the start of year t1, adding sign times each year's
 * occupancy (per costs_on) to acc (T x states). *x and *y are swapped as
 * it goes: *x ends holding the persons at the start of year t1. */
static sk_status add_years(const model *m, flows *f, double lambda, int arm, int sex, int t0,
                           int t1, double sign, double *acc, gsl_vector **xp, gsl_vector **yp,
                           bool sparse)
{
	size_t n = m->n_states;
	gsl_vector *x = *xp, *y = *yp;
	double half = sign / 2;
	for (int t = t0; t < t1; t++) {
		const gsl_matrix *P = matrix_for(m, f, lambda, arm, sex, t);
		const gsl_spmatrix *S = sparse ? m->sp[arm == ARM_BASELINE ? TR_BASELINE
		                                       : t < m->d_years    ? TR_INTERVENTION
		                                                           : TR_AFTER][sex]
		                               : NULL;
		if (S ? gsl_spblas_dgemv(CblasTrans, 1.0, S, x, 0.0, y)
		      : gsl_blas_dgemv(CblasTrans, 1.0, P, x, 0.0, y))
			return SK_ENUMERIC;
		double *occ = acc + (size_t)t * n;
		const double *a = x->data, *b = y->data;
		if (m->costs_on == COSTS_START)
			for (size_t s = 0; s < n; s++)
				occ[s] += sign * a[s];
		else if (m->costs_on == COSTS_END)
			for (size_t s = 0; s < n; s++)
				occ[s] += sign * b[s];
		else
			for (size_t s = 0; s < n; s++)
				occ[s] += half * (a[s] + b[s]);
		gsl_vector *swap = x; /* x_{t+1} becomes x */
		x = y;
		y = swap;
	}
	*xp = x;
	*yp = y;
	return SK_OK;
}

/* Adds sign times the occupancy of one arm of one sex's first intake, year
 * by year, to acc (T x states). */
static sk_status add_occupancy(const model *m, flows *f, double lambda, int arm, int sex,
                               double sign, double *acc, bool sparse)
{
	gsl_vector *x = f->x, *y = f->y;
	entering(m, sex, x);
	return add_years(m, f, lambda, arm, sex, 0, m->years, sign, acc, &x, &y, sparse);
}

/* Every intake moves by the same matrices in its own k-th year, so intake
 * i's figures in year t are the first intake's in year t - i: adds the
 * shifted copies to rows (T x width) holding the first intake's. From the
 * last year down, so that the years summed are still the first intake's. */
static void add_intakes(const model *m, double *rows, size_t width)
{
	for (int t = m->years - 1; t > 0; t--) {
		double *row = rows + (size_t)t * width;
		for (int i = 1; i < m->intakes && i <= t; i++) {
			const double *earlier = rows + (size_t)(t - i) * width;
			for (size_t k = 0; k < width; k++)
				row[k] += earlier[k];
		}
	}
}

/* One arm of one sex: occupancy and costs for every year. */
static sk_status project_arm(const model *m, flows *f, double lambda, int arm, int sex)
{
	size_t n = m->n_states;
	double *occ0 = flows_occupancy(f, arm, sex, 0, 0);
	memset(occ0, 0, (size_t)m->years * n * sizeof *occ0);
	sk_status st = add_occupancy(m, f, lambda, arm, sex, 1, occ0, false);
	if (st != SK_OK)
		return st;
	add_intakes(m, occ0, n);
	/* costs of every year at once: occupancy (T x n) times unit costs
	 * (n x actors) */
	gsl_matrix_view occ = gsl_matrix_view_array(occ0, (size_t)m->years, n);
	gsl_matrix_view cost =
	        gsl_matrix_view_array(flows_cost(f, arm, sex, 0, 0), (size_t)m->years, m->n_actors);
	if (gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, &occ.matrix, m->unit_cost, 0.0,
	                   &cost.matrix))
		return SK_ENUMERIC;
	return SK_OK;
}

static void project_investment(const model *m, flows *f, int sex)
{
	double w = m->share[sex];
	for (int t = 0; t < m->years; t++) {
		/* intakes i (from 0) in their intervention years in year t */
		int in = 0;
		for (int i = 0; i < m->intakes && i <= t; i++)
			in += t - i < m->d_years;
		for (size_t a = 0; a < m->n_actors; a++)
			*flows_investment(f, sex, t, a) = m->per_participant[a] * m->size * w * in +
			                                  (in > 0 ? m->fixed[a] * w : 0) +
			                                  (t == 0 ? m->startup[a] * w : 0);
	}
}

/* Sums one arm's costs and occupancy over both sexes into FLOW_ALL. */
static void sum_sexes(const model *m, flows *f, int arm)
{
	for (int t = 0; t < m->years; t++) {
		for (size_t a = 0; a < m->n_actors; a++)
			*flows_cost(f, arm, FLOW_ALL, t, a) =
			        *flows_cost(f, arm, FLOW_WOMEN, t, a) +
			        *flows_cost(f, arm, FLOW_MEN, t, a);
		for (size_t s = 0; s < m->n_states; s++)
			*flows_occupancy(f, arm, FLOW_ALL, t, s) =
			        *flows_occupancy(f, arm, FLOW_WOMEN, t, s) +
			        *flows_occupancy(f, arm, FLOW_MEN, t, s);
	}
}

sk_status model_project_effect(const model *m, double lambda, flows *f)
{
	if (lambda != 1) {
		for (int g = 0; g < N_SEX; g++)
			for (int set = TR_INTERVENTION; set < N_TR; set++) {
				gsl_matrix *S = f->scaled[set][g];
				if (gsl_matrix_memcpy(S, m->p[TR_BASELINE][g]))
					return SK_ENUMERIC;
				gsl_vector_view s =
				        gsl_vector_view_array(S->data, S->size1 * S->size2);
				gsl_vector_const_view dl = gsl_vector_const_view_array(
				        m->delta[set][g]->data, S->size1 * S->size2);
				if (gsl_blas_daxpy(lambda, &dl.vector, &s.vector))
					return SK_ENUMERIC;
			}
	}
	for (int g = 0; g < N_SEX; g++) {
		sk_status st = project_arm(m, f, lambda, ARM_INTERVENTION, g);
		if (st != SK_OK)
			return st;
	}
	sum_sexes(m, f, ARM_INTERVENTION);
	return SK_OK;
}

/* Investment of both sexes and in all, and the discount factors. */
static void investment_and_discount(const model *m, flows *f)
{
	for (int g = 0; g < N_SEX; g++)
		project_investment(m, f, g);
	/* the factor of year t is the product of the yearly factors 1/(1+r_k)
	 * of the years before it (timing start) or up to it (end) */
	double factor = 1;
	for (int t = 0; t < m->years; t++) {
		for (size_t a = 0; a < m->n_actors; a++)
			*flows_investment(f, FLOW_ALL, t, a) =
			        *flows_investment(f, FLOW_WOMEN, t, a) +
			        *flows_investment(f, FLOW_MEN, t, a);
		if (m->timing == TIMING_END)
			factor /= 1 + m->rate[t];
		f->discount[t] = factor;
		if (m->timing == TIMING_START)
			factor /= 1 + m->rate[t];
	}
}

sk_status model_project(const model *m, double lambda, flows *f)
{
	for (int g = 0; g < N_SEX; g++) {
		sk_status st = project_arm(m, f, lambda, ARM_BASELINE, g);
		if (st != SK_OK)
			return st;
	}
	sum_sexes(m, f, ARM_BASELINE);
	investment_and_discount(m, f);
	return model_project_effect(m, lambda, f);
}

sk_status model_project_net(const model *m, flows *f, double *net)
{
	size_t n = m->n_states, T = (size_t)m->years;
	/* costs are linear in occupancy, so one product of unit costs with
	 * the arms' difference of both sexes gives every actor's saving */
	double *diff = f->occupancy; /* its first T x n block as scratch */
	memset(diff, 0, T * n * sizeof *diff);
	for (int g = 0; g < N_SEX; g++) {
		sk_status st = SK_OK;
		int D = m->d_years;
		if (m->after_is_base[g] && D < m->years) {
			/* after the intervention years both arms move by the
			 * baseline matrix, and so does their difference: one
			 * projection of the difference instead of two */
			gsl_vector *xb = f->x, *yb = f->y, *xi = f->x2, *yi = f->y2;
			entering(m, g, xb);
			entering(m, g, xi);
			st = add_years(m, f, 1, ARM_BASELINE, g, 0, D, 1, diff, &xb, &yb, true);
			if (st == SK_OK)
				st = add_years(m, f, 1, ARM_INTERVENTION, g, 0, D, -1, diff, &xi,
				               &yi, true);
			if (st == SK_OK && gsl_vector_sub(xb, xi))
				st = SK_ENUMERIC;
			if (st == SK_OK)
				st = add_years(m, f, 1, ARM_BASELINE, g, D, m->years, 1, diff, &xb,
				               &yb, true);
		} else {
			for (int arm = 0; arm < N_ARM && st == SK_OK; arm++)
				st = add_occupancy(m, f, 1, arm, g, arm == ARM_BASELINE ? 1 : -1,
				                   diff, true);
		}
		if (st != SK_OK)
			return st;
	}
	gsl_matrix_view occ = gsl_matrix_view_array(diff, T, n);
	gsl_matrix_view saving = gsl_matrix_view_array(net, T, m->n_actors);
	if (gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, &occ.matrix, m->unit_cost, 0.0,
	                   &saving.matrix))
		return SK_ENUMERIC;
	add_intakes(m, net, m->n_actors);
	investment_and_discount(m, f);
	return SK_OK;
}
