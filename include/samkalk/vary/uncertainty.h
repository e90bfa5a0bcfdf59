/* uncertainty.h -- SPEC §6: one-way sensitivity (tornado) and Monte Carlo,
 * per actor, for the fiscal actors together and for society.
 *
 * The inputs come from the spec (read/unc_spec.h, read by calc_read()):
 * each keeps its value in the file as its base; a draw or a tornado end
 * changes the number in a private copy of the scenario, which is layered
 * again exactly as layer_resolve() layers it (layer_all(), model/layer.h),
 * so a tornado end equals a run of the file with that value written in. */
#ifndef SAMKALK_UNCERTAINTY_H
#define SAMKALK_UNCERTAINTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"
#include "samkalk/model/calculation.h"
#include "samkalk/model/followup.h"
#include "samkalk/read/scenario.h"
#include "samkalk/read/unc_spec.h"

/* Checks that each tornado end of u keeps every transition row of s at
 * most 1; a message per end that does not (SK_EINPUT). Called by
 * calc_read() when the rest of the file is right. SK_ENOMEM when out of
 * memory. */
sk_status uncertainty_check_ends(const scenario *s, const unc_spec *u, diag *d);

/* Statistics of one target's NPV over the draws. */
typedef struct unc_stats {
	double mean, p5, p50, p95;
	double p_positive; /* share of draws with NPV > 0 */
	double evpi;       /* E[max(NPV, 0)] - max(E[NPV], 0), kr */
	/* the nominal payback: paid[t] = draws paid back by the end of year
	 * t+1 (cumulative); never = not within the horizon; none = the target
	 * invested nothing in that draw */
	long *paid;
	long never, none;
	/* the same as shares of the draws: paid_share[t] = paid[t] / draws */
	double *paid_share;
	double never_share, none_share;
} unc_stats;

typedef struct unc_tornado_row {
	size_t input;               /* index into spec->v */
	double low, high;           /* the input's values at the two ends */
	double *npv_low, *npv_high; /* [target] */
	double swing;               /* |the fiscal NPV at high - at low|, kr */
} unc_tornado_row;

#define UNC_HIST_BINS 40 /* at most; about 20 are used */

typedef struct unc_results {
	const unc_spec *spec;
	size_t n_targets;
	int years;
	/* tornado, sorted by the swing of the fiscal NPV (then society's) */
	size_t n_tornado;
	unc_tornado_row *tornado;
	double *tornado_npv; /* owns the rows' npv_low and npv_high */
	/* Monte Carlo; draws 0 when none were made */
	long draws;
	uint64_t seed;
	unc_stats *stats; /* [target] */
	/* histogram of the fiscal NPV: n_bins bins of a round width, bin k
	 * from hist_from[k] to hist_to[k], hist[k] draws, hist_share[k] of them */
	int n_bins;
	long hist[UNC_HIST_BINS];
	double hist_from[UNC_HIST_BINS], hist_to[UNC_HIST_BINS];
	double hist_share[UNC_HIST_BINS];
	/* with a follow-up (vary/followup_draws.h): the re-forecast NPV's
	 * figures per target (paid is not counted), and the forecast's 5th
	 * and 95th percentiles of the share in each state at t = 0..,
	 * [t * states + state]; NULL without one */
	unc_stats *fu_stats;
	size_t n_fu_shares;
	double *fu_lo, *fu_hi;
} unc_results;

/* Progress of a long run: draws done of all, seconds so far. */
typedef void (*unc_progress_fn)(long done, long all, double seconds, void *arg);

typedef struct unc_options {
	long draws;      /* -1: the file's */
	int64_t seed;    /* -1: the file's */
	int threads;     /* >= 1 */
	FILE *draws_csv; /* one row per draw, or NULL */
	unc_progress_fn progress;
	void *progress_arg;
} unc_options;

/* The tornado and (when o->draws or the file ask for draws) the Monte
 * Carlo of a finished calculation with a spec (c->spec). A draw that
 * makes a transition row sum above 1 is a mistake of the file, reported
 * to d with the draw's number (SK_EINPUT). Writes the draws CSV when
 * asked; SK_EIO when writing it fails. Returns SK_OK, SK_EINPUT, SK_EIO,
 * SK_ENOMEM or SK_ENUMERIC. */
sk_status uncertainty_run(const calc *c, const unc_options *o, unc_results **out, diag *d);

void unc_results_free(unc_results *u);

/* The forecast's 90 % interval of each line of the follow-up's outcome
 * table from the draws of u, and whether the outcome lies outside it. */
void uncertainty_mark_outcome(const unc_results *u, followup_results *fu);

#endif
