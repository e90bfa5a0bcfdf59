/* scenario_types.h -- what a scenario file says, as the reader leaves it
 * (SPEC §4): the types only, so that the table of inputs (read/inputs.h)
 * can name the fields its keys fill. read/scenario.h reads it. */
#ifndef SAMKALK_SCENARIO_TYPES_H
#define SAMKALK_SCENARIO_TYPES_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/inifile.h"
#include "samkalk/read/input_ids.h"
struct profile;
struct followup_data;

typedef enum discount_timing { TIMING_START, TIMING_END, N_TIMINGS } discount_timing;
typedef enum costs_on { COSTS_START, COSTS_END, COSTS_MEAN, N_COSTS_ON } costs_on;
enum { SEX_WOMEN, SEX_MEN, N_SEX };
/* The three transition sets: baseline, during the intervention, after it. */
typedef enum transition_set { TR_BASELINE, TR_INTERVENTION, TR_AFTER, N_TR } transition_set;
/* Who a transition section applies to: both sexes, or one ([x.women]). */
enum { FOR_ALL, FOR_WOMEN, FOR_MEN, N_FOR };

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
	ini_doc *doc;            /* owns the strings below */
	struct profile *profile; /* owned; read/profile.h */
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
	/* the bands as written, in file order: years from..to (t, not calendar
	 * years), their rate, and the entry that gave them */
	struct rate_band {
		int from, to;
		double rate;
		const ini_entry *entry;
	} * bands;
	size_t n_bands;
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
	/* [followup] (issue #15): the data file's path joined to this file's
	 * directory (NULL: no follow-up) and the line naming it; the
	 * categories of [followup.states], each with its state and line (none:
	 * the file uses the state ids); and the data as read
	 * (read/followup.h), owned. */
	char *followup_path;
	int followup_line;
	const char **followup_category;
	size_t *followup_state;
	size_t n_followup_categories;
	struct followup_data *followup;
	/* Filled by layer_resolve() (model/layer.h), not by the reader:
	 * the matrices as used, per set and sex, n x n row-major, each row
	 * summing to 1; and unit costs moved to price_year, states x actors. */
	double *p[N_TR][N_SEX];
	double *unit_cost;
	double *item_factor; /* per profile item: index ratio to price_year */
	double *item_moved;  /* per profile item: its amount at price_year */
	/* The number of a key whose row says FIELD(DOUBLE, value[IN_ID]): a
	 * key added to the table needs no field of its own (its default is the
	 * row's initial; docs/architecture.md, "Add an input key"). */
	double value[N_INPUTS];
} scenario;

#endif
