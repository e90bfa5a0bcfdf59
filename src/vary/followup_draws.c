/* followup_draws.c -- one Monte Carlo draw of the follow-up
 * (vary/followup_draws.h). */
#include "samkalk/vary/followup_draws.h"

#include <gsl/gsl_randist.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/distributions.h"
#include "samkalk/model/layer.h"

struct fu_draws {
	gsl_rng *rng;
	double *A[N_TR][N_SEX]; /* the draw's matrices before attribution */
	double *E[N_TR][N_SEX]; /* the same with the estimated rows drawn */
	double *alpha, *row;    /* n each */
	double *occupancy;      /* the data's, "<5" drawn */
	size_t n_occupancy;
	size_t *cell_row; /* per suppressed count of moves: its row of u->rows, or SIZE_MAX */
	followup_scratch *scratch;
	flows *out;
	double *x, *y; /* 2 x n: persons of each sex at t, at t + 1 */
};

void fu_draws_free(fu_draws *w)
{
	if (!w)
		return;
	if (w->rng)
		gsl_rng_free(w->rng);
	for (int set = 0; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++) {
			free(w->A[set][g]);
			free(w->E[set][g]);
		}
	free(w->alpha);
	free(w->row);
	free(w->occupancy);
	free(w->cell_row);
	followup_scratch_free(w->scratch);
	flows_free(w->out);
	free(w->x);
	free(w->y);
	free(w);
}

size_t fu_draws_shares(const calc *c)
{
	const followup_results *u = c->fu;
	int most = -1;
	for (size_t i = 0; i < u->n_outcome; i++)
		most = u->outcome[i].t > most ? u->outcome[i].t : most;
	return (size_t)(most + 1) * u->n_states;
}

fu_draws *fu_draws_new(const calc *c)
{
	const followup_results *u = c->fu;
	const followup_data *d = u->data;
	size_t n = u->n_states;
	fu_draws *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	bool ok = (w->rng = dist_stream_new()) && (w->alpha = malloc(n * sizeof(double))) &&
	          (w->row = malloc(n * sizeof(double))) &&
	          (w->cell_row = malloc((d->n_suppressed + 1) * sizeof(size_t))) &&
	          (w->scratch = followup_scratch_new(c->m)) && (w->out = flows_new(c->m)) &&
	          (w->x = malloc(2 * n * sizeof(double))) &&
	          (w->y = malloc(2 * n * sizeof(double)));
	for (int set = 0; set < N_TR && ok; set++)
		for (int g = 0; g < N_SEX && ok; g++)
			ok = (w->A[set][g] = malloc(n * n * sizeof(double))) &&
			     (w->E[set][g] = malloc(n * n * sizeof(double)));
	w->n_occupancy = (size_t)d->intakes * (size_t)(d->years + 1) * N_FU_SEX * n;
	ok = ok && (w->occupancy = malloc(w->n_occupancy * sizeof(double)));
	if (!ok) {
		fu_draws_free(w);
		return NULL;
	}
	memcpy(w->occupancy, d->occupancy, w->n_occupancy * sizeof(double));
	/* the row each suppressed count of moves adds to */
	for (size_t q = 0; q < d->n_suppressed; q++) {
		const followup_suppressed *cell = &d->suppressed[q];
		w->cell_row[q] = SIZE_MAX;
		for (size_t r = 0; r < u->n_rows && d->shape == FU_MOVES; r++) {
			const fu_row *row = &u->rows[r];
			if (row->set == cell->set && row->from == cell->from &&
			    (row->sex == FLOW_ALL || row->sex == cell->sex))
				w->cell_row[q] = r;
		}
	}
	return w;
}

/* A Dirichlet draw over the entries with a positive parameter; the others
 * stay 0 (a move neither assumed nor seen). */
static void dirichlet(gsl_rng *rng, size_t n, const double *alpha, double *out)
{
	double sum = 0;
	for (size_t k = 0; k < n; k++) {
		out[k] = alpha[k] > 0 ? gsl_ran_gamma(rng, alpha[k], 1) : 0;
		sum += out[k];
	}
	for (size_t k = 0; k < n && sum > 0; k++)
		out[k] /= sum;
}

/* An unknown count of 1 to 4 in place of the 2.5 it counts as. */
static double suppressed(gsl_rng *rng)
{
	return (double)(1 + gsl_rng_uniform_int(rng, 4)) - 2.5;
}

/* The forecast share in each state at t = 0..t_max of an intake of the
 * draw: its start moved by its matrices before attribution (what will be
 * observed, attribution saying only how much of it is the intervention's),
 * the sexes mixed. */
static void forecast_shares(fu_draws *w, const scenario *s, const model *m, size_t count,
                            float *shares)
{
	size_t n = m->n_states;
	for (int g = 0; g < N_SEX; g++)
		memcpy(w->x + (size_t)g * n, s->start[g], n * sizeof(double));
	for (size_t t = 0; t * n < count; t++) {
		if (t > 0)
			for (int g = 0; g < N_SEX; g++) {
				const double *P = s->p[t <= (size_t)m->d_years ? TR_INTERVENTION
				                                               : TR_AFTER][g];
				double *x = w->x + (size_t)g * n, *y = w->y + (size_t)g * n;
				for (size_t b = 0; b < n; b++)
					y[b] = 0;
				for (size_t a = 0; a < n; a++)
					for (size_t b = 0; b < n && x[a] != 0; b++)
						y[b] += x[a] * P[a * n + b];
				memcpy(x, y, n * sizeof *x);
			}
		for (size_t q = 0; q < n; q++)
			shares[t * n + q] =
			        (float)(s->women * w->x[q] + (1 - s->women) * w->x[n + q]);
	}
}

void fu_draws_one(fu_draws *w, const calc *c, const scenario *s, const model *m, const flows *f,
                  uint64_t seed, long k, double *npv, float *shares)
{
	const followup_results *u = c->fu;
	const followup_data *d = u->data;
	size_t n = u->n_states, na = m->n_actors;
	/* a stream no draw of the scenario's own uses */
	dist_stream_seed(w->rng, seed, (uint64_t)k | UINT64_C(1) << 63);
	scenario plain = *s; /* layer_all only reads; attribution comes later */
	plain.attribution = 1;
	layer_all(&plain, w->A, NULL); /* a checked draw's rows are at most 1 */
	for (int set = 0; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++)
			memcpy(w->E[set][g], w->A[set][g], n * n * sizeof(double));
	for (size_t r = 0; r < u->n_rows; r++) {
		const fu_row *row = &u->rows[r];
		if (row->kept)
			continue; /* no moves seen: the scenario's row as drawn */
		memcpy(w->alpha, row->alpha, n * sizeof(double));
		for (size_t q = 0; q < d->n_suppressed; q++)
			if (w->cell_row[q] == r)
				w->alpha[d->suppressed[q].to] += suppressed(w->rng);
		dirichlet(w->rng, n, w->alpha, w->row);
		for (int g = 0; g < N_SEX; g++)
			if (row->sex == FLOW_ALL || row->sex == g)
				memcpy(w->E[row->set][g] + row->from * n, w->row,
				       n * sizeof(double));
	}
	followup_follow_baseline(u, w->E);
	if (d->shape == FU_STATES)
		for (size_t q = 0; q < d->n_suppressed; q++) {
			const followup_suppressed *cell = &d->suppressed[q];
			size_t at = (size_t)(followup_occupancy(d, cell->intake, cell->t, cell->sex,
			                                        cell->to) -
			                     d->occupancy);
			w->occupancy[at] = d->occupancy[at] + suppressed(w->rng);
		}
	followup_project(u, s, m, f, w->E, w->occupancy, w->scratch, w->out);
	const bool *in = c->r->in_target;
	for (size_t g = 0; g < na + 2; g++) {
		double v = 0;
		for (int t = 0; t < m->years; t++) {
			double net = 0;
			for (size_t a = 0; a < na; a++)
				if (in[g * na + a])
					net += *flows_cost(w->out, ARM_BASELINE, FLOW_ALL, t, a) -
					       *flows_cost(w->out, ARM_INTERVENTION, FLOW_ALL, t,
					                   a) -
					       *flows_investment(f, FLOW_ALL, t, a);
			v += net * f->discount[t];
		}
		npv[g] = v;
	}
	forecast_shares(w, s, m, fu_draws_shares(c), shares);
}
