/* followup.h -- from a follow-up (read/followup.h) to estimated transitions,
 * the forecast against the outcome, and a re-forecast in which the years
 * already lived are realised (issue #15; docs/method.md, "Uppföljning").
 *
 * The estimate: for each matrix the data covers and each from-state j with
 * N moves observed, n_k of them to k, the posterior Dirichlet(alpha + n)
 * with alpha = prior_weight * p, p the scenario's assumed row (staying
 * included, before attribution). Point estimate (alpha_k + n_k) / (sum
 * alpha + N); 90 % interval of each move from its Beta marginal. A row
 * without moves keeps the assumption.
 *
 * The re-forecast, per intake and sex: the baseline projected from the
 * observed entry states with the baseline matrix (estimated from a
 * comparison group, else assumed); the intervention arm realised in the
 * years the data covers (observed shares times the planned persons,
 * credited by the effect scale: base + s (observed - base)) and projected
 * from the last observed year with the estimated matrices (P_base + s (P^
 * - P_base)). Its costs and investment are a flows of the model's shape,
 * so metrics_compute() gives its figures as it gives the forecast's. */
#ifndef SAMKALK_MODEL_FOLLOWUP_H
#define SAMKALK_MODEL_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/error.h"
#include "samkalk/model/metrics.h"
#include "samkalk/model/model.h"
#include "samkalk/read/followup.h"
#include "samkalk/read/scenario.h"

/* One estimated row: a from-state of one matrix for one sex (FLOW_ALL: both). */
typedef struct fu_row {
	int set, sex;
	size_t from;
	double n;         /* moves observed out of from */
	double *observed; /* [to]: counts */
	double *assumed;  /* [to]: the prior row p */
	double *estimate; /* [to]: the posterior mean */
	double *lo, *hi;  /* [to]: its 90 % interval */
	double *alpha;    /* [to]: the posterior's parameters, prior_weight p + n */
	bool kept;        /* no move observed: the assumption kept */
	bool suppressed;  /* a count of the row was "<5" */
} fu_row;

/* One line of the forecast against the outcome: a state of an intake t
 * years after entry. */
typedef struct fu_outcome {
	int intake, t, year; /* intake index, years after entry, calendar year */
	size_t state;
	double forecast; /* share, the scenario as assumed, intervention arm */
	double observed; /* share */
	double count;    /* persons observed in the state */
	double lo, hi;   /* the forecast's 90 % interval (NaN without draws) */
	bool spread;     /* the interval has width (a drawn start or moves) */
	bool outside;    /* the outcome lies outside it (only with spread) */
} fu_outcome;

typedef struct followup_results {
	const followup_data *data;
	size_t n_states;
	int years;
	double prior_weight;
	bool by_sex;       /* rows per sex (asked and possible) */
	bool by_sex_asked; /* by_sex = yes */
	/* rows estimated for both sexes from priors mixed by the share of
	 * women (by_sex = no where the scenario has rows per sex) */
	bool mixed;
	bool estimated[N_TR];     /* the data has moves of the set */
	bool comparison_baseline; /* the baseline was estimated (a comparison group) */
	fu_row *rows;             /* per set estimated, sex and from-state */
	size_t n_rows;
	fu_outcome *outcome;
	size_t n_outcome;
	/* the matrices of the re-forecast before the effect scale, and the
	 * scenario's as layered before attribution (the priors, and the
	 * forecast of what will be observed) */
	double *estimated_p[N_TR][N_SEX];
	double *assumed_p[N_TR][N_SEX];
	/* follows[set][sex][j]: row j of the intervention or after matrix is
	 * the baseline's (no section of its set writes it, no data estimate
	 * it), so it follows the baseline as estimated */
	bool *follows[N_TR][N_SEX];
	/* per intake: the last t up to which it was observed at every t (-1:
	 * its entry not observed, or counted moves) */
	int *through;
	/* realised[t]: year t+1 is lived by every intake in the cohort then */
	bool *realised;
	int realised_years;      /* k: years 1..k are realised */
	double observed_persons; /* the most persons observed at any t, summed over intakes */
	double planned_persons;  /* size * intakes */
	/* per actor and realised year: the cost per participant of the
	 * forecast and of the outcome, [t * n_actors + a] (intervention arm) */
	double *forecast_per_participant, *observed_per_participant;
	flows *f;   /* the re-forecast's flows */
	results *r; /* its figures; break-even not computed */
	/* per target, years 1..k, undiscounted: the savings the forecast
	 * promised and those realised; optimism = forecast / realised (NaN
	 * when realised <= 0) */
	double *forecast_savings, *realised_savings, *optimism;
} followup_results;

/* The posterior of one row: prior p (n entries, summing to 1), counts c
 * (N = their sum) and weight w. est = (w p + c) / (w + N); lo, hi the
 * 5 % and 95 % quantiles of each entry's Beta(a_k, A - a_k), A = w + N.
 * With N = 0, est = p. alpha (may be NULL) gets w p + c. */
void followup_posterior(size_t n, const double *p, const double *c, double w, double *est,
                        double *lo, double *hi, double *alpha);

/* Estimates, compares and re-forecasts a finished calculation's scenario
 * s (with s->followup), model m, forecast flows f and figures r. Returns
 * SK_OK, SK_ENOMEM or SK_ENUMERIC. */
sk_status followup_compute(const scenario *s, const model *m, const flows *f, const results *r,
                           followup_results **out);

void followup_results_free(followup_results *u);

/* Copies the baseline's rows of E into the intervention and after rows
 * that follow it (u->follows): after the baseline was drawn or estimated. */
void followup_follow_baseline(const followup_results *u, double *E[N_TR][N_SEX]);

/* Scratch of followup_project(), one per thread. NULL when out of memory. */
typedef struct followup_scratch followup_scratch;
followup_scratch *followup_scratch_new(const model *m);
void followup_scratch_free(followup_scratch *w);

/* The re-forecast of u's follow-up for a scenario s and its model m (the
 * numbers of a Monte Carlo draw, or the calculation's own) into out:
 * occupancy and costs of both arms, the investment and discount of f (a
 * projection of m). E: the matrices before the effect scale (estimated
 * rows in); occupancy: the persons observed, laid out as the data's
 * (a draw's copy with its "<5" drawn). Allocates nothing. */
void followup_project(const followup_results *u, const scenario *s, const model *m, const flows *f,
                      double *E[N_TR][N_SEX], const double *occupancy, followup_scratch *w,
                      flows *out);

#endif
