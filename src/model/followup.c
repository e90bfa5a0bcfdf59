/* followup.c -- estimated transitions, forecast against outcome and the
 * re-forecast (model/followup.h; docs/method.md, "Uppföljning"). */
#include "samkalk/model/followup.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/limits.h"
#include "samkalk/model/layer.h"
#include "samkalk/read/inputs.h"
#include "samkalk/read/profile.h"

/* The p-quantile of Beta(a, b). GSL 2.7's gsl_cdf_beta_Pinv returns NaN
 * for large parameters (a = 2833.1, b = 52921.9 at 0.95: a register
 * panel's counts), so then the distribution function, which holds there,
 * is inverted by bisection: 60 halvings leave less than 1e-18. */
static double beta_quantile(double p, double a, double b)
{
	double x = gsl_cdf_beta_Pinv(p, a, b);
	if (isfinite(x) && x >= 0 && x <= 1)
		return x;
	double lo = 0, hi = 1;
	for (int k = 0; k < 60; k++) {
		double mid = (lo + hi) / 2;
		if (gsl_cdf_beta_P(mid, a, b) < p)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

void followup_posterior(size_t n, const double *p, const double *c, double w, double *est,
                        double *lo, double *hi, double *alpha)
{
	double N = 0;
	for (size_t k = 0; k < n; k++)
		N += c[k];
	double A = w + N;
	for (size_t k = 0; k < n; k++) {
		double a = w * p[k] + c[k];
		if (alpha)
			alpha[k] = a;
		if (N == 0) { /* nothing observed: the assumption, as it is */
			est[k] = lo[k] = hi[k] = p[k];
			continue;
		}
		est[k] = a / A;
		double b = A - a;
		if (a <= 0) { /* impossible and never seen: stays 0 */
			lo[k] = hi[k] = 0;
		} else if (b <= 1e-12 * A) { /* the only move possible */
			lo[k] = hi[k] = 1;
		} else {
			lo[k] = beta_quantile(0.05, a, b);
			hi[k] = beta_quantile(0.95, a, b);
		}
	}
}

void followup_results_free(followup_results *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->n_rows; i++)
		free(u->rows[i].observed); /* one block per row */
	free(u->rows);
	free(u->outcome);
	for (int set = 0; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++) {
			free(u->estimated_p[set][g]);
			free(u->assumed_p[set][g]);
			free(u->follows[set][g]);
		}
	free(u->realised);
	free(u->through);
	free(u->forecast_per_participant);
	free(u->observed_per_participant);
	flows_free(u->f);
	results_free(u->r);
	free(u->forecast_savings);
	free(u->realised_savings);
	free(u->optimism);
	free(u);
}

/* Persons observed of intake i at t in the sex slots a count of sex g
 * reads (FLOW_ALL: every slot), into counts (n) and their sum; from occ,
 * the data's occupancy or a draw's copy of it (laid out alike). */
static double observed_in(const followup_data *d, const double *occ, int i, int t, int g,
                          double *counts)
{
	size_t n = d->n_states;
	double total = 0;
	for (size_t s = 0; s < n; s++) {
		double c = 0;
		for (int x = 0; x < N_FU_SEX; x++)
			if (g == FLOW_ALL || x == g)
				c += occ[followup_occupancy(d, i, t, x, s) - d->occupancy];
		if (counts)
			counts[s] = c;
		total += c;
	}
	return total;
}

static double observed_at(const followup_data *d, int i, int t, int g, double *counts)
{
	return observed_in(d, d->occupancy, i, t, g, counts);
}

/* The observed shares of intake i at t for sex g: the sex's own where rows
 * are per sex and the sex was observed, else both sexes'. False when
 * nobody was observed. */
static bool shares_at(const followup_results *u, const double *occ, int i, int t, int g,
                      double *share)
{
	const followup_data *d = u->data;
	if (t > d->years || d->last_t[i] < t)
		return false;
	double total = u->by_sex ? observed_in(d, occ, i, t, g, share) : 0;
	if (total <= 0)
		total = observed_in(d, occ, i, t, FLOW_ALL, share);
	if (total <= 0)
		return false;
	for (size_t s = 0; s < d->n_states; s++)
		share[s] /= total;
	return true;
}

/* The last t up to which intake i was observed at every t from entry;
 * -1 when its entry was not observed. */
static int observed_through(const followup_data *d, int i)
{
	int k = -1;
	while (k < d->last_t[i] && observed_at(d, i, k + 1, FLOW_ALL, NULL) > 0)
		k++;
	return k;
}

/* The rows of one set and sex (FLOW_ALL: both) estimated from the data:
 * the prior is the assumed row, for both sexes the sexes' rows mixed by
 * the cohort's share of women. */
static sk_status estimate_rows(followup_results *u, const scenario *s, double *A[N_TR][N_SEX],
                               int set, int g)
{
	const followup_data *d = u->data;
	size_t n = d->n_states;
	for (size_t j = 0; j < n; j++) {
		fu_row *row = &u->rows[u->n_rows];
		double *block = calloc(6 * n, sizeof *block);
		if (!block)
			return SK_ENOMEM;
		*row = (fu_row){.set = set, .sex = g, .from = j};
		row->observed = block;
		row->assumed = block + n;
		row->estimate = block + 2 * n;
		row->lo = block + 3 * n;
		row->hi = block + 4 * n;
		row->alpha = block + 5 * n;
		u->n_rows++;
		for (size_t k = 0; k < n; k++) {
			for (int x = 0; x < N_FU_SEX; x++)
				if (g == FLOW_ALL || x == g)
					row->observed[k] += *followup_moves(d, set, x, j, k);
			row->n += row->observed[k];
			row->assumed[k] =
			        g == FLOW_ALL ? s->women * A[set][SEX_WOMEN][j * n + k] +
			                                (1 - s->women) * A[set][SEX_MEN][j * n + k]
			                      : A[set][g][j * n + k];
		}
		row->kept = row->n == 0;
		for (size_t q = 0; q < d->n_suppressed; q++) {
			const followup_suppressed *c = &d->suppressed[q];
			row->suppressed |= c->set == set && c->from == j &&
			                   (g == FLOW_ALL || c->sex == g) && d->shape == FU_MOVES;
		}
		followup_posterior(n, row->assumed, row->observed, u->prior_weight, row->estimate,
		                   row->lo, row->hi, row->alpha);
		/* the estimate replaces the row of the sex, or of both; a row
		 * without moves keeps each sex's assumed row */
		for (int x = 0; x < N_SEX && !row->kept; x++)
			if (g == FLOW_ALL || x == g)
				memcpy(u->estimated_p[set][x] + j * n, row->estimate,
				       n * sizeof(double));
	}
	return SK_OK;
}

/* Whether a section of set (its own, for all or for sex g) writes a move
 * out of state j: a row no section writes is the baseline's row. */
static bool row_written(const scenario *s, int set, int g, size_t j)
{
	const transitions *t[2] = {&s->tr[set][FOR_ALL], &s->tr[set][FOR_WOMEN + g]};
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < t[k]->n; i++)
			if (t[k]->v[i].from == j)
				return true;
	return false;
}

/* Which rows of the intervention and after matrices are the baseline's:
 * no section of their set writes them and the data did not estimate
 * them. They follow the baseline as estimated from a comparison group;
 * without one they are the assumed baseline's already. */
static void find_followers(followup_results *u, const scenario *s)
{
	size_t n = u->n_states;
	for (int set = TR_INTERVENTION; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++)
			for (size_t j = 0; j < n; j++) {
				bool estimated = false;
				for (size_t r = 0; r < u->n_rows; r++) {
					const fu_row *row = &u->rows[r];
					estimated |= row->set == set && row->from == j &&
					             !row->kept &&
					             (row->sex == FLOW_ALL || row->sex == g);
				}
				u->follows[set][g][j] = !s->outcome_mode && !estimated &&
				                        !row_written(s, set, g, j);
			}
}

void followup_follow_baseline(const followup_results *u, double *E[N_TR][N_SEX])
{
	size_t n = u->n_states;
	for (int set = TR_INTERVENTION; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++)
			for (size_t j = 0; j < n; j++)
				if (u->follows[set][g][j])
					memcpy(E[set][g] + j * n, E[TR_BASELINE][g] + j * n,
					       n * sizeof(double));
}

/* The assumed matrices before attribution (the priors), the rows of every
 * set the data covers, and the matrices of the re-forecast. */
static sk_status estimate(followup_results *u, const scenario *s)
{
	const followup_data *d = u->data;
	size_t n = d->n_states;
	double *(*A)[N_SEX] = u->assumed_p;
	sk_status st = SK_OK;
	for (int set = 0; set < N_TR && st == SK_OK; set++)
		for (int g = 0; g < N_SEX && st == SK_OK; g++)
			if (!(A[set][g] = malloc(n * n * sizeof(double))) ||
			    !(u->estimated_p[set][g] = malloc(n * n * sizeof(double))) ||
			    !(u->follows[set][g] = calloc(n, sizeof(bool))))
				st = SK_ENOMEM;
	if (st == SK_OK) {
		scenario plain = *s; /* layer_all only reads; attribution comes later */
		plain.attribution = 1;
		if (!layer_all(&plain, A, NULL))
			st = SK_ENUMERIC; /* a checked scenario's rows sum to at most 1 */
	}
	for (int set = 0; set < N_TR && st == SK_OK; set++) {
		double moves = 0;
		for (size_t k = 0; k < N_FU_SEX * n * n; k++)
			moves += d->moves[(size_t)set * N_FU_SEX * n * n + k];
		u->estimated[set] = moves > 0;
		for (int g = 0; g < N_SEX; g++)
			memcpy(u->estimated_p[set][g], A[set][g], n * n * sizeof(double));
	}
	size_t most = N_TR * 2 * n;
	if (st == SK_OK && !(u->rows = calloc(most, sizeof *u->rows)))
		st = SK_ENOMEM;
	for (int set = 0; set < N_TR && st == SK_OK; set++) {
		if (!u->estimated[set])
			continue;
		if (!u->by_sex)
			st = estimate_rows(u, s, A, set, FLOW_ALL);
		for (int g = 0; g < N_SEX && u->by_sex && st == SK_OK; g++)
			st = estimate_rows(u, s, A, set, g);
	}
	u->comparison_baseline = u->estimated[TR_BASELINE];
	bool per_sex = false;
	for (int set = 0; set < N_TR; set++)
		per_sex |= s->tr[set][FOR_WOMEN].line || s->tr[set][FOR_MEN].line;
	u->mixed = !u->by_sex && per_sex && u->n_rows;
	if (st == SK_OK) {
		find_followers(u, s);
		followup_follow_baseline(u, u->estimated_p);
	}
	return st;
}

/* x (n) times the row-major n x n matrix P into y. */
static void times(size_t n, const double *x, const double *P, double *y)
{
	for (size_t b = 0; b < n; b++)
		y[b] = 0;
	for (size_t a = 0; a < n; a++)
		for (size_t b = 0; b < n && x[a] != 0; b++)
			y[b] += x[a] * P[a * n + b];
}

/* The occupancy of a year from the persons at its start (x) and end (y),
 * as the model counts it (costs_on). */
static void year_occupancy(costs_on on, size_t n, const double *x, const double *y, double *occ)
{
	for (size_t s = 0; s < n; s++)
		occ[s] += on == COSTS_START ? x[s] : on == COSTS_END ? y[s] : (x[s] + y[s]) / 2;
}

struct followup_scratch {
	double *base, *with,
	        *seen;     /* persons at t = 0..T, (T + 1) x n each; seen: the outcome unscaled */
	double *share, *W; /* n; n x n */
	double *seen_occ;  /* T x n: the outcome's own occupancy, realised years */
};

followup_scratch *followup_scratch_new(const model *m)
{
	size_t n = m->n_states, TN = (size_t)(m->years + 1) * n;
	followup_scratch *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->base = malloc(3 * TN * sizeof(double));
	w->share = malloc(n * sizeof(double));
	w->W = malloc(n * n * sizeof(double));
	w->seen_occ = malloc((size_t)m->years * n * sizeof(double));
	if (!w->base || !w->share || !w->W || !w->seen_occ) {
		followup_scratch_free(w);
		return NULL;
	}
	w->with = w->base + TN;
	w->seen = w->base + 2 * TN;
	return w;
}

void followup_scratch_free(followup_scratch *w)
{
	if (!w)
		return;
	free(w->base);
	free(w->share);
	free(w->W);
	free(w->seen_occ);
	free(w);
}

/* One intake i of one sex g: both arms year by year into out's occupancy,
 * and the outcome as observed into w->seen_occ for the realised years. */
static void project_intake(const followup_results *u, const scenario *s, const model *m,
                           double *E[N_TR][N_SEX], const double *occ, followup_scratch *w, int i,
                           int g, flows *out)
{
	size_t n = m->n_states;
	int T = m->years, span = T - i, k = u->through[i];
	double persons = m->size * m->share[g], sc = s->attribution;
	const double *B = E[TR_BASELINE][g];
	double *x0 = w->base;
	if (k >= 0 && shares_at(u, occ, i, 0, g, w->share))
		for (size_t q = 0; q < n; q++)
			x0[q] = persons * w->share[q];
	else
		for (size_t q = 0; q < n; q++)
			x0[q] = persons * s->start[g][q];
	for (int t = 1; t <= span; t++)
		times(n, w->base + (size_t)(t - 1) * n, B, w->base + (size_t)t * n);
	for (int t = 0; t <= span; t++) {
		double *xw = w->with + (size_t)t * n, *xb = w->base + (size_t)t * n;
		if (t <= k && shares_at(u, occ, i, t, g, w->share)) {
			for (size_t q = 0; q < n; q++) {
				w->seen[(size_t)t * n + q] = persons * w->share[q];
				xw[q] = xb[q] + sc * (persons * w->share[q] - xb[q]);
			}
			continue;
		}
		if (t == 0) { /* not observed at all: the assumed entry */
			memcpy(xw, xb, n * sizeof *xw);
			continue;
		}
		int set = t <= m->d_years ? TR_INTERVENTION : TR_AFTER;
		const double *P = E[set][g];
		for (size_t q = 0; q < n * n; q++) /* P_base + s (P^ - P_base) */
			w->W[q] = B[q] + sc * (P[q] - B[q]);
		times(n, w->with + (size_t)(t - 1) * n, w->W, xw);
	}
	for (int y = 1; y <= span; y++) { /* the intake's year y is the calculation's i + y */
		int tc = i + y - 1;
		size_t at = (size_t)(y - 1) * n, next = (size_t)y * n;
		year_occupancy(m->costs_on, n, w->base + at, w->base + next,
		               flows_occupancy(out, ARM_BASELINE, g, tc, 0));
		year_occupancy(m->costs_on, n, w->with + at, w->with + next,
		               flows_occupancy(out, ARM_INTERVENTION, g, tc, 0));
		if (y <= k)
			year_occupancy(m->costs_on, n, w->seen + at, w->seen + next,
			               w->seen_occ + (size_t)tc * n);
	}
}

/* Costs of occupancy (T x n) per actor into cost (T x actors). */
static void costs_of(const model *m, const double *occ, double *cost)
{
	size_t n = m->n_states, na = m->n_actors;
	for (int t = 0; t < m->years; t++)
		for (size_t a = 0; a < na; a++) {
			double c = 0;
			for (size_t q = 0; q < n; q++)
				c += occ[(size_t)t * n + q] * gsl_matrix_get(m->unit_cost, q, a);
			cost[(size_t)t * na + a] = c;
		}
}

void followup_project(const followup_results *u, const scenario *s, const model *m, const flows *f,
                      double *E[N_TR][N_SEX], const double *occupancy, followup_scratch *w,
                      flows *out)
{
	size_t n = m->n_states, na = m->n_actors;
	int T = m->years, K = m->intakes;
	memset(out->occupancy, 0, N_ARM * N_FLOW_SEX * (size_t)T * n * sizeof(double));
	memset(w->seen_occ, 0, (size_t)T * n * sizeof(double));
	for (int i = 0; i < K; i++)
		for (int g = 0; g < N_SEX; g++)
			project_intake(u, s, m, E, occupancy, w, i, g, out);
	for (int arm = 0; arm < N_ARM; arm++) {
		for (int g = 0; g < N_SEX; g++)
			costs_of(m, flows_occupancy(out, arm, g, 0, 0),
			         flows_cost(out, arm, g, 0, 0));
		for (int t = 0; t < T; t++) {
			for (size_t a = 0; a < na; a++)
				*flows_cost(out, arm, FLOW_ALL, t, a) =
				        *flows_cost(out, arm, FLOW_WOMEN, t, a) +
				        *flows_cost(out, arm, FLOW_MEN, t, a);
			for (size_t q = 0; q < n; q++)
				*flows_occupancy(out, arm, FLOW_ALL, t, q) =
				        *flows_occupancy(out, arm, FLOW_WOMEN, t, q) +
				        *flows_occupancy(out, arm, FLOW_MEN, t, q);
		}
	}
	memcpy(out->investment, f->investment, N_FLOW_SEX * (size_t)T * na * sizeof(double));
	memcpy(out->discount, f->discount, (size_t)T * sizeof(double));
}

/* The re-forecast's flows, which years are realised, and the outcome's
 * own cost per participant beside the forecast's. */
static sk_status reforecast(followup_results *u, const scenario *s, const model *m, const flows *f)
{
	size_t n = m->n_states, na = m->n_actors;
	int T = m->years, K = m->intakes;
	followup_scratch *w = followup_scratch_new(m);
	double *seen_cost = malloc(2 * (size_t)T * na * sizeof *seen_cost);
	if (!w || !seen_cost) {
		followup_scratch_free(w);
		free(seen_cost);
		return SK_ENOMEM;
	}
	followup_project(u, s, m, f, u->estimated_p, u->data->occupancy, w, u->f);
	/* year t is realised when every intake in the cohort then was observed
	 * through its own year t - i */
	u->realised_years = 0;
	for (int t = 0; t < T; t++) {
		bool lived = true;
		for (int i = 0; i < K && i <= t; i++)
			lived &= u->through[i] >= t - i + 1;
		u->realised[t] = lived;
		if (lived && u->realised_years == t)
			u->realised_years = t + 1;
	}
	costs_of(m, w->seen_occ, seen_cost);
	/* the forecast of what will be observed, before attribution, as the
	 * outcome is: every intake from the assumed start with the assumed
	 * matrices, into w->seen_occ */
	memset(w->seen_occ, 0, (size_t)T * n * sizeof(double));
	for (int g = 0; g < N_SEX; g++) {
		for (size_t q = 0; q < n; q++)
			w->base[q] = m->size * m->share[g] * s->start[g][q];
		for (int t = 1; t <= T; t++)
			times(n, w->base + (size_t)(t - 1) * n,
			      u->assumed_p[t <= m->d_years ? TR_INTERVENTION : TR_AFTER][g],
			      w->base + (size_t)t * n);
		for (int i = 0; i < K; i++)
			for (int y = 1; y <= T - i; y++)
				year_occupancy(m->costs_on, n, w->base + (size_t)(y - 1) * n,
				               w->base + (size_t)y * n,
				               w->seen_occ + (size_t)(i + y - 1) * n);
	}
	double *forecast_cost = seen_cost + (size_t)T * na;
	costs_of(m, w->seen_occ, forecast_cost);
	for (int t = 0; t < u->realised_years; t++) {
		int in = t + 1 < K ? t + 1 : K; /* intakes in the cohort */
		double persons = m->size * in;
		for (size_t a = 0; a < na; a++) {
			u->forecast_per_participant[(size_t)t * na + a] =
			        forecast_cost[(size_t)t * na + a] / persons;
			u->observed_per_participant[(size_t)t * na + a] =
			        seen_cost[(size_t)t * na + a] / persons;
		}
	}
	followup_scratch_free(w);
	free(seen_cost);
	return SK_OK;
}

/* The forecast of the scenario as assumed (its matrices before
 * attribution: what will be observed; attribution only says how much of
 * it is the intervention's), the
 * intervention arm) beside the outcome, per intake, t and state. */
static sk_status outcome(followup_results *u, const scenario *s, const model *m)
{
	const followup_data *d = u->data;
	size_t n = d->n_states;
	int T = m->years, K = m->intakes;
	size_t lines = 0;
	for (int i = 0; i < K; i++)
		for (int t = 0; t <= d->last_t[i] && t <= T; t++)
			lines += observed_at(d, i, t, FLOW_ALL, NULL) > 0 ? n : 0;
	double *x = calloc(4 * n, sizeof *x), *counts = x + 2 * n, *mix = x + 3 * n;
	u->outcome = calloc(lines + 1, sizeof *u->outcome);
	if (!x || !u->outcome) {
		free(x);
		return SK_ENOMEM;
	}
	for (int i = 0; i < K; i++) {
		/* every intake moves alike: the forecast share at t is the same */
		for (int g = 0; g < N_SEX; g++)
			memcpy(x + (size_t)g * n, s->start[g], n * sizeof *x);
		for (int t = 0; t <= d->last_t[i] && t <= T; t++) {
			if (t > 0)
				for (int g = 0; g < N_SEX; g++) {
					int set = t <= m->d_years ? TR_INTERVENTION : TR_AFTER;
					times(n, x + (size_t)g * n, u->assumed_p[set][g], mix);
					memcpy(x + (size_t)g * n, mix, n * sizeof *x);
				}
			double total = observed_at(d, i, t, FLOW_ALL, counts);
			if (total <= 0)
				continue;
			for (size_t q = 0; q < n; q++)
				u->outcome[u->n_outcome++] = (fu_outcome){
				        .intake = i,
				        .t = t,
				        .year = s->start_year + i + t,
				        .state = q,
				        .forecast = m->share[SEX_WOMEN] * x[q] +
				                    m->share[SEX_MEN] * x[n + q],
				        .observed = counts[q] / total,
				        .count = counts[q],
				        .lo = NAN,
				        .hi = NAN,
				};
		}
		double most = 0;
		for (int t = 0; t <= d->last_t[i] && t <= T; t++) {
			double at = observed_at(d, i, t, FLOW_ALL, NULL);
			most = at > most ? at : most;
		}
		u->observed_persons += most;
	}
	free(x);
	return SK_OK;
}

sk_status followup_compute(const scenario *s, const model *m, const flows *f, const results *r,
                           followup_results **out)
{
	*out = NULL;
	followup_results *u = calloc(1, sizeof *u);
	if (!u)
		return SK_ENOMEM;
	const followup_data *d = s->followup;
	size_t na = m->n_actors, nt = r->n_targets;
	u->data = d;
	u->n_states = m->n_states;
	u->years = m->years;
	u->prior_weight = s->value[IN_FOLLOWUP_PRIOR_WEIGHT];
	u->by_sex_asked = s->value[IN_FOLLOWUP_BY_SEX] == 1;
	u->by_sex = u->by_sex_asked && d->has_sex;
	u->planned_persons = m->size * m->intakes;
	u->realised = calloc((size_t)m->years, sizeof *u->realised);
	u->forecast_per_participant = calloc((size_t)m->years * na, sizeof(double));
	u->observed_per_participant = calloc((size_t)m->years * na, sizeof(double));
	u->forecast_savings = calloc(nt, sizeof(double));
	u->realised_savings = calloc(nt, sizeof(double));
	u->optimism = calloc(nt, sizeof(double));
	u->f = flows_new(m);
	u->r = results_new(m, s->profile);
	sk_status st = u->realised && u->forecast_per_participant && u->observed_per_participant &&
	                               u->forecast_savings && u->realised_savings && u->optimism &&
	                               u->f && u->r
	                       ? SK_OK
	                       : SK_ENOMEM;
	u->through = malloc((size_t)m->intakes * sizeof *u->through);
	if (!u->through)
		st = SK_ENOMEM;
	for (int i = 0; i < m->intakes && st == SK_OK; i++)
		u->through[i] = d->shape == FU_MOVES ? -1 : observed_through(d, i);
	if (st == SK_OK)
		st = estimate(u, s);
	if (st == SK_OK)
		st = outcome(u, s, m);
	if (st == SK_OK)
		st = reforecast(u, s, m, f);
	if (st != SK_OK) {
		followup_results_free(u);
		return st;
	}
	metrics_compute(m, u->f, s->start_year, s->work_state, u->r);
	for (size_t j = 0; j < nt; j++) {
		for (int t = 0; t < u->realised_years; t++) {
			u->forecast_savings[j] += results_flow(r, j, FLOW_ALL, t)->savings;
			u->realised_savings[j] += results_flow(u->r, j, FLOW_ALL, t)->savings;
		}
		u->optimism[j] = u->realised_savings[j] > 0
		                         ? u->forecast_savings[j] / u->realised_savings[j]
		                         : NAN;
	}
	*out = u;
	return SK_OK;
}
