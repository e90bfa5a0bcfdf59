/* scenario.h -- a scenario: cohort, intervention and yearly transitions
 * without and with it, read with its profile and checked (SPEC §4, §8). */
#ifndef SAMKALK_SCENARIO_H
#define SAMKALK_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/diag.h"
#include "samkalk/error.h"
#include "samkalk/inifile.h"
#include "samkalk/profile.h"

typedef enum discount_timing { TIMING_START, TIMING_END } discount_timing;
typedef enum costs_on { COSTS_START, COSTS_END, COSTS_MEAN } costs_on;
enum { SEX_WOMEN, SEX_MEN, N_SEX };
/* The three transition sets: baseline, during the intervention, after it. */
typedef enum transition_set { TR_BASELINE, TR_INTERVENTION, TR_AFTER, N_TR } transition_set;
/* Who a transition section applies to: both sexes, or one ([x.women]). */
enum { FOR_ALL, FOR_WOMEN, FOR_MEN, N_FOR };

/* The transition sections by set and FOR_*, as named in files. */
extern const char *const scenario_tr_sections[N_TR][N_FOR];

typedef struct transition {
	size_t from, to; /* state indices of the profile */
	double p;        /* yearly probability */
	const char *key; /* as written */
	int line;
} transition;

typedef struct transitions {
	transition *v;
	size_t n;
	int line;    /* of the section header; 0 when the section is absent */
	bool failed; /* a line or entry of the section was refused */
} transitions;

typedef struct scenario {
	ini_doc *doc;     /* owns the strings below */
	profile *profile; /* owned */
	char *profile_path;
	int profile_line;
	const char *name;
	int start_year, years, price_year;
	int price_year_line;  /* 0 when it is the profile's */
	double discount_rate; /* the single rate; see rate_by_year with bands */
	int discount_rate_line;
	discount_timing timing;
	/* [discounting] bands (docs/method.md): the rate of every year t = 1..T,
	 * resolved from the bands or from discount_rate. */
	bool has_bands;
	int bands_line;
	double *rate_by_year;
	/* [adjustments]: the share of the effect due to the intervention (it
	 * scales the effect as break-even's lambda does) and a share added to
	 * every investment cost (optimism bias). */
	double attribution, cost_uplift;
	/* the state whose person-years count as work (cost per work-year), or
	 * SIZE_MAX when there is none */
	size_t work_state;
	costs_on costs_on;
	long size, intakes;
	double women;         /* share of women, 0..1 */
	double *start[N_SEX]; /* starting distribution per sex, n_states each */
	int start_line[N_SEX];
	const char *intervention_name;
	int intervention_years;       /* D */
	double *fixed_cost;           /* per actor, per calendar year */
	double *cost_per_participant; /* per actor, per participant-year */
	double *startup_cost;         /* per actor, once in year 1 */
	transitions tr[N_TR][N_FOR];  /* as listed, before layering */
	bool outcome_mode;
	size_t outcome_target;
	double outcome_rate[N_TR]; /* baseline, intervention, after */
	double outcome_relapse;
	bool outcome_after_given; /* else after follows baseline */
	int outcome_line;
	/* Resolved from the above when the files are right (docs/method.md):
	 * the matrices as used, per set and sex, n x n row-major, each row
	 * summing to 1; and unit costs moved to price_year, states x actors. */
	double *p[N_TR][N_SEX];
	double *unit_cost;
	double *item_factor; /* per profile item: index ratio to price_year */
	/* [sensitivity X] and [uncertainty X] (SPEC §6); NULL without them */
	struct unc_spec *unc;
} scenario;

/* A transition row above 1, found by scenario_layer(). */
typedef struct scenario_bad_row {
	int set, sex;
	size_t from;
	double sum; /* of the moves out */
} scenario_bad_row;

/* Reads a scenario file and the profile it names, checking both, layers
 * the transition sections into matrices (a row above 1 is a mistake) and
 * moves unit costs to the price year (a year missing from the index is a
 * mistake). Every mistake of both files goes to d. Returns SK_OK, SK_EINPUT
 * or SK_ENOMEM. */
sk_status scenario_load(const char *path, scenario **out, diag *d);

/* The same from a buffer (path for messages and for finding the profile). */
sk_status scenario_parse(const char *path, const char *buf, size_t len, scenario **out, diag *d);

void scenario_free(scenario *s);

/* Layers the transition sections (or [outcome]) of s as they are now into
 * the matrices p[set][sex], n x n each, as scenario_load() does, without
 * messages: for Monte Carlo and tornado runs, which change numbers of a
 * copy of a checked scenario. Returns false at the first row whose moves
 * out sum above 1, described in *bad (may be NULL). */
bool scenario_layer(const scenario *s, double *p[N_TR][N_SEX], scenario_bad_row *bad);

/* Layering again only the rows a change can reach, for Monte Carlo
 * draws: a plan lists, in scenario_layer()'s order, the rows of every
 * matrix with an entry from a transition marked in varies (indexed like
 * s->tr[set][who].v; NULL: none), and with attribution the intervention
 * and after rows whose baseline row is listed (all of them when
 * attribution_varies). Not for outcome mode. NULL when out of memory. */
typedef struct layer_plan layer_plan;
layer_plan *scenario_plan(const scenario *s, const bool *varies[N_TR][N_FOR],
                          bool attribution_varies);
void scenario_plan_free(layer_plan *pl);

/* Redoes the plan's rows of matrices that scenario_layer() made from the
 * same transitions (their other rows cannot have changed): the same
 * values, bit for bit, and the same first row above 1. */
bool scenario_relayer(const scenario *s, const layer_plan *pl, double *p[N_TR][N_SEX],
                      scenario_bad_row *bad);

/* The entries of matrix (set, sex g) that its transitions can make
 * nonzero, whatever their values: the diagonal and every entry a layer
 * writes (these include the baseline's, which attribution mixes in).
 * nonzero: n x n. Not for outcome mode. */
void scenario_pattern(const scenario *s, int set, int g, bool *nonzero);

/* Unit costs (states x actors, at the price year) from one amount per
 * profile item in the item's own prices, moved by s->item_factor. */
void scenario_unit_costs(const scenario *s, const double *amount, double *unit_cost);

#endif
