/* model.h -- the cohort projection of SPEC §5: both arms, both sexes, every
 * intake, year by year, into costs per actor and investment per actor.
 *
 * model_build() puts a checked scenario's matrices and unit costs into GSL
 * form and finds the effect's largest scale; model_project() then runs
 * without allocating, so it can be called many times (break-even, Monte
 * Carlo). */
#ifndef SAMKALK_MODEL_H
#define SAMKALK_MODEL_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_spmatrix.h>
#include <gsl/gsl_vector.h>
#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"
#include "samkalk/read/scenario.h"

/* Sex index of flows: women, men, and both together. */
enum { FLOW_WOMEN = SEX_WOMEN, FLOW_MEN = SEX_MEN, FLOW_ALL, N_FLOW_SEX };
/* Arms. */
enum { ARM_BASELINE, ARM_INTERVENTION, N_ARM };

typedef struct model {
	size_t n_states, n_actors;
	int years;   /* T */
	int intakes; /* K */
	int d_years; /* D */
	double size; /* participants per intake */
	double share[N_SEX];
	double *rate; /* the discount rate of each year t = 1..T ([discounting]) */
	discount_timing timing;
	costs_on costs_on;
	gsl_vector *start[N_SEX];                  /* starting distribution d per sex */
	gsl_matrix *p[N_TR][N_SEX];                /* P_base, P_int, P_after per sex */
	gsl_matrix *delta[N_TR][N_SEX];            /* P_x - P_base, for the effect scale */
	gsl_matrix *unit_cost;                     /* states x actors, kr at the price year */
	double *fixed, *per_participant, *startup; /* per actor, kr */
	double lambda_max;         /* largest effect scale (<= 10) keeping P in 0..1 */
	bool after_is_base[N_SEX]; /* P_after equals P_base, bit for bit */
	/* compressed-column copies of p for the Monte Carlo route (NULL in
	 * outcome mode) and the index in p of each of their entries */
	gsl_spmatrix *sp[N_TR][N_SEX];
	/* set by a caller that only calls model_project_net(), when sp is
	 * made: model_fill() then leaves p (and delta) as model_build() made
	 * them, for a draw does not read them */
	bool draws_only;
	size_t *sp_at[N_TR][N_SEX];
} model;

/* Builds the model of a checked scenario (its matrices and unit costs
 * resolved by layer_resolve()). Returns SK_OK, SK_ENOMEM, or SK_ENUMERIC if
 * a GSL routine fails. */
sk_status model_build(const scenario *s, model **out);
void model_free(model *m);

/* Copies a scenario's numbers into a model built from it (or from a copy
 * with the same states, actors and years) without allocating: for Monte
 * Carlo draws and tornado ends, which change numbers and project again.
 * lambda_max is left as it was. Returns SK_OK or SK_ENUMERIC. */
sk_status model_fill(model *m, const scenario *s);

/* Year-by-year results of one projection, and the scratch it needs. */
typedef struct flows {
	int years;
	size_t n_states, n_actors;
	double *cost;       /* [arm][sex][t][actor], kr; t from 0 */
	double *investment; /* [sex][t][actor], kr */
	double *occupancy;  /* [arm][sex][t][state], persons (per costs_on) */
	double *discount;   /* [t], the factor of year t+1 */
	/* scratch */
	gsl_matrix *scaled[N_TR][N_SEX];
	gsl_vector *x, *y;   /* x_t and x_{t+1} of one intake */
	gsl_vector *x2, *y2; /* the same of a second arm */
} flows;

/* Allocates flows for a model; NULL when out of memory. */
flows *flows_new(const model *m);
void flows_free(flows *f);

/* Projects the model with the intervention's effect scaled by lambda
 * (1 = as assumed; SPEC §5 break-even) into f. Allocates nothing.
 * Returns SK_OK or SK_ENUMERIC if a GSL routine fails. */
sk_status model_project(const model *m, double lambda, flows *f);

/* Projects only the intervention arm again at another lambda; the rest of
 * f (baseline, investment, discount) must come from model_project() of the
 * same model, since none of it depends on lambda. Same returns. */
sk_status model_project_effect(const model *m, double lambda, flows *f);

/* The Monte Carlo route (SPEC §6), at lambda 1: every actor's saving in
 * every year, baseline costs less intervention costs over both sexes and
 * every intake, before investment, into net ([t][actor], kr), from one
 * cost product on the arms' difference in occupancy; also f's investment
 * and discount factors. f's costs and occupancy are left as scratch, not
 * figures. Equal to model_project's up to rounding. Same returns. */
sk_status model_project_net(const model *m, flows *f, double *net);

/* Element accessors, t from 0. */
static inline double *flows_cost(const flows *f, int arm, int sex, int t, size_t a)
{
	return &f->cost[(((size_t)arm * N_FLOW_SEX + (size_t)sex) * (size_t)f->years + (size_t)t) *
	                        f->n_actors +
	                a];
}
static inline double *flows_investment(const flows *f, int sex, int t, size_t a)
{
	return &f->investment[((size_t)sex * (size_t)f->years + (size_t)t) * f->n_actors + a];
}
static inline double *flows_occupancy(const flows *f, int arm, int sex, int t, size_t s)
{
	return &f->occupancy[(((size_t)arm * N_FLOW_SEX + (size_t)sex) * (size_t)f->years +
	                      (size_t)t) *
	                             f->n_states +
	                     s];
}

#endif
