/* uncertainty.h -- SPEC §6: one-way sensitivity (tornado) and Monte Carlo,
 * per actor, for the fiscal actors together and for society.
 *
 * uncertainty_read() takes the [sensitivity X] and [uncertainty X]
 * sections of a scenario: each names an input of section X by its own key
 * (X = profile for a profile item, written STATE.ACTOR.ITEM). Each input
 * keeps its value from the file as its base; a draw or a tornado end
 * changes the number in a private copy of the scenario, which is layered
 * again exactly as scenario_load() layers it (scenario_layer()), so a
 * tornado end equals a run of the file with that value written in. */
#ifndef SAMKALK_UNCERTAINTY_H
#define SAMKALK_UNCERTAINTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "samkalk/calc.h"
#include "samkalk/diag.h"
#include "samkalk/distributions.h"
#include "samkalk/error.h"
#include "samkalk/scenario.h"

#define UNC_DEFAULT_DRAWS 10000
#define UNC_DEFAULT_SEED  1
#define UNC_MAX_DRAWS     1000000 /* docs/limits.md */
#define UNC_MAX_INPUTS    500
#define UNC_MAX_THREADS   256

/* What an input is; which numbers of the scenario it moves. */
typedef enum unc_kind {
	UNC_TRANSITION, /* a key "A -> B" of a transition section */
	UNC_ROW,        /* "A -> * = dirichlet(...)": a whole row of a section */
	UNC_START,      /* "* = dirichlet(...)" of [cohort] or [cohort.g] */
	UNC_SIZE,       /* [cohort] size: participants per intake */
	UNC_WOMEN,      /* [cohort] women */
	UNC_FIXED,      /* [intervention] fixed_cost.ACTOR */
	UNC_PER_PARTICIPANT,
	UNC_STARTUP,
	UNC_OUTCOME, /* [outcome] baseline, intervention or after */
	UNC_RELAPSE, /* [outcome] relapse */
	UNC_RATE,    /* [scenario] discount_rate */
	UNC_ATTRIBUTION,
	UNC_UPLIFT,
	UNC_ITEM /* [profile] STATE.ACTOR.ITEM */
} unc_kind;

typedef struct unc_input {
	unc_kind kind;
	const char *section; /* X, as written */
	const char *key;     /* as written */
	size_t index;        /* transition, actor, outcome set or profile item */
	int set, who;        /* transition set and FOR_* of its section */
	size_t from;         /* row of UNC_ROW */
	unsigned sexes;      /* UNC_START: bit g for each sex it sets */
	double base;         /* the value in the file (UNC_ROW, UNC_START: none) */
	double min, max;     /* the range the input's own key admits */
	/* [uncertainty X] */
	bool has_dist;
	int dist_line;
	const char *dist_text;
	dist d;
	size_t n_parts; /* Dirichlet: the states named, and their weights */
	size_t *parts;
	double *alpha;
	/* [sensitivity X], or P5 and P95 of the distribution */
	bool has_range;
	int range_line;
	double low, high;
	bool in_tornado; /* every [sensitivity X] input, and every other
	                  * one-number distribution between its P5 and P95 */
	/* columns of the input in a draw: 1, or n_parts */
	size_t col, n_cols;
} unc_input;

typedef struct unc_spec {
	unc_input *v;
	size_t n;
	long draws;    /* [uncertainty] draws, else UNC_DEFAULT_DRAWS */
	uint64_t seed; /* [uncertainty] seed, else UNC_DEFAULT_SEED */
	bool any_dist; /* some [uncertainty X] */
	size_t n_cols; /* values in one draw */
} unc_spec;

/* Reads the sensitivity and uncertainty sections of a checked scenario's
 * document into s->unc (left NULL when there are none), every mistake to
 * d: an unknown section or key (with the nearest), an input not written in
 * its section, a whole number ([cohort] intakes), impossible parameters,
 * a distribution that can leave the input's range, a low above its high,
 * a Dirichlet naming a state twice, and (when check_ends: the rest of the
 * scenario is right) a tornado end that makes a transition row sum above
 * 1. Returns SK_OK, SK_EINPUT or SK_ENOMEM. */
sk_status uncertainty_read(scenario *s, diag *d, bool check_ends);

/* Accepts the names [sensitivity X], [uncertainty X] and [uncertainty]. */
bool uncertainty_section_name(const char *name);

void uncertainty_spec_free(unc_spec *u);

/* Checks that each tornado end keeps every transition row at most 1; a
 * message per end that does not (SK_EINPUT). Called by uncertainty_read. */
sk_status uncertainty_check_ends(const scenario *s, diag *d);

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
} unc_stats;

typedef struct unc_tornado_row {
	size_t input;               /* index into spec->v */
	double low, high;           /* the input's values at the two ends */
	double *npv_low, *npv_high; /* [target] */
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
	/* histogram of the fiscal NPV: n_bins bins of a round width from
	 * hist_lo, counts of draws */
	double hist_lo, hist_width;
	int n_bins;
	long hist[UNC_HIST_BINS];
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
 * Carlo of a finished calculation whose scenario has s->unc. A draw that
 * makes a transition row sum above 1 is a mistake of the file, reported
 * to d with the draw's number (SK_EINPUT). Writes the draws CSV when
 * asked; SK_EIO when writing it fails. Returns SK_OK, SK_EINPUT, SK_EIO,
 * SK_ENOMEM or SK_ENUMERIC. */
sk_status uncertainty_run(const calc *c, const unc_options *o, unc_results **out, diag *d);

void unc_results_free(unc_results *u);

#endif
