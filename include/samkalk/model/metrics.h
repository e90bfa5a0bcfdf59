/* metrics.h -- the decision figures of SPEC §5: present values, NPV,
 * payback, return per invested krona and break-even, per actor, for the
 * fiscal actors together and for society; and person-years per state. */
#ifndef SAMKALK_METRICS_H
#define SAMKALK_METRICS_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/error.h"
#include "samkalk/model/model.h"
#include "samkalk/read/profile.h"

typedef enum payback_status {
	PAYBACK_REACHED,     /* cumulative net >= 0 within the horizon */
	PAYBACK_NOT_REACHED, /* not within T years */
	PAYBACK_NONE         /* the actor invests nothing */
} payback_status;

typedef struct payback {
	payback_status status;
	int year;     /* calendar year, when reached */
	double years; /* fractional years (t-1) + (-cum[t-1]) / net[t] */
} payback;

typedef struct figures {
	double investment, savings, net;       /* undiscounted sums, kr */
	double pv_investment, pv_savings, npv; /* discounted sums, kr */
	bool has_return;                       /* false without investment */
	double ret;                            /* pv_savings / pv_investment */
	payback nominal, discounted;
	/* Snapshots (samordningsförbund reports): cumulative undiscounted net
	 * after snapshot_years[k] years, k = 0 after 1 year, 1 after 5 (or T). */
	int snapshot_years[2];
	double snapshot_net[2];
	/* Net cost per additional person-year in work: -NPV / the person-years
	 * gained in the work state; valid only when some are gained. */
	bool has_cost_per_work_year;
	double cost_per_work_year;
	bool break_even_found;  /* false: NPV < 0 for every lambda up to lambda_max */
	double break_even;      /* lambda, the share of the assumed effect */
	double break_even_rate; /* outcome mode: the success rate at lambda */
} figures;

/* Targets are the actors 0..n_actors-1, then these two. */
#define TARGET_FISCAL(n_actors)  (n_actors)
#define TARGET_SOCIETY(n_actors) ((n_actors) + 1)

/* One target's flows for one sex in one year, or summed over the horizon,
 * kr: the rows of the workbook's flow sheets and the columns of the flows
 * CSV. A total's costs and investment are the sums of its actors' (as the
 * workbook's formulas add its actors' cells), and the rest is computed
 * from those sums; the NPV and paybacks of figures add each actor's
 * savings instead, so the two can differ in the last digits. */
typedef struct flow_figures {
	double without;    /* cost without the intervention */
	double with;       /* cost with the intervention */
	double savings;    /* without - with */
	double investment; /* the intervention's own cost */
	double net;        /* savings - investment */
	double cumulative; /* net of years 1..t (summed over the horizon: of 1..T) */
	double discounted; /* net times the year's discount factor (summed: their sum) */
	/* cumulative again, each actor's savings less investment added in turn
	 * (the comparison's chart): equal to cumulative up to rounding */
	double cumulative_by_actor;
} flow_figures;

typedef struct results {
	size_t n_actors, n_states, n_targets;
	int years;            /* T */
	bool *in_target;      /* [target][actor]: does the target cover the actor */
	figures *fig;         /* [target] */
	double *discount;     /* [t]: the discount factor of year t+1 */
	flow_figures *flow;   /* [target][sex][t], sex FLOW_WOMEN, FLOW_MEN or FLOW_ALL */
	flow_figures *sum;    /* [target][sex]: each row summed over the horizon */
	double *person_years; /* [arm][state], both sexes, over the horizon */
	double *gained;       /* [state]: person-years with less without the intervention */
	double lambda_max;
} results;

/* Target j's flows for sex g (FLOW_*) in year t (0..T-1), and over the
 * horizon. */
static inline const flow_figures *results_flow(const results *r, size_t j, int g, int t)
{
	return &r->flow[(j * N_FLOW_SEX + (size_t)g) * (size_t)r->years + (size_t)t];
}
static inline const flow_figures *results_sum(const results *r, size_t j, int g)
{
	return &r->sum[j * N_FLOW_SEX + (size_t)g];
}

/* Allocates results for a model of profile p's actors, with the totals
 * each covers by its kind (the public sector: the fiscal actors; society:
 * all); NULL when out of memory. */
results *results_new(const model *m, const profile *p);
void results_free(results *r);

/* Payback of a net series (SPEC §5): the first t whose cumulative net is
 * >= 0, as calendar year start_year + t - 1 and fractional years
 * (t-1) + (-cum[t-1]) / net[t]. PAYBACK_NONE when invests is false,
 * PAYBACK_NOT_REACHED past the horizon; never NaN. */
payback metrics_payback(const double *net, int years, int start_year, bool invests);

/* Every figure but break-even, from a projection at lambda = 1: per
 * target the decision figures and the flows by sex and year, and the
 * person-years per state; work_state is the state of work for the cost per
 * work-year (SIZE_MAX: none). */
void metrics_compute(const model *m, const flows *f, int start_year, size_t work_state, results *r);

/* Break-even lambda per target (SPEC §5): 0 when NPV(0) >= 0, else the
 * smallest lambda in (0, lambda_max] with NPV = 0: a grid of 100 steps is
 * scanned for the first sign change, or a local maximum of the grid whose
 * peak (gsl_min_fminimizer_brent) reaches 0, and the root refined with
 * gsl_root_fsolver_brent. Not found (break_even_found false) when NPV stays
 * below 0. A target that invests nothing has NPV(0) = 0: 0 when its NPV at
 * the assumed effect is >= 0, else not found (the effect only costs it).
 * scratch is overwritten. outcome_rate (NULL outside outcome mode) holds the
 * baseline and intervention success rates, to report the rate at lambda.
 * Returns SK_OK, SK_ENOMEM or SK_ENUMERIC. */
sk_status metrics_break_even(const model *m, flows *scratch, const double *outcome_rate,
                             results *r);

#endif
