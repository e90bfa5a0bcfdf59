/* layer.h -- from a read scenario to the matrices and unit costs the model
 * uses (docs/method.md): the transition sections layered per set and sex,
 * each row closed by its diagonal, attribution mixed in; profile amounts
 * moved to the price year by the index. */
#ifndef SAMKALK_LAYER_H
#define SAMKALK_LAYER_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"
#include "samkalk/read/scenario.h"

/* Fills s->p (the matrices as used, per set and sex) and s->unit_cost,
 * s->item_factor, s->item_moved of a scenario read by scenario_load() with
 * its profile (nothing to do without one). A row whose moves out sum above 1 and a
 * price year missing from the index are mistakes, each a message in d,
 * once per row and line. Returns SK_OK (mistakes or not: diag_count tells)
 * or SK_ENOMEM. */
sk_status layer_resolve(scenario *s, diag *d);

/* The sets in words, for messages: "without the intervention", ... */
extern const char *const layer_set_words[N_TR];

/* [adjustments] attribution a scales the effect as lambda does: an entry
 * (or an [outcome] rate) of the intervention or after set becomes
 * base + a (effect - base); rows still sum to 1. */
static inline double layer_attributed(const scenario *s, double base, double effect)
{
	return base + s->attribution * (effect - base);
}

/* A transition row above 1, found by layer_all(). */
typedef struct layer_bad_row {
	int set, sex;
	size_t from;
	double sum; /* of the moves out */
} layer_bad_row;

/* Layers the transition sections (or [outcome]) of s as they are now into
 * the matrices p[set][sex], n x n each, as layer_resolve() does, without
 * messages: for Monte Carlo and tornado runs, which change numbers of a
 * copy of a checked scenario. Returns false at the first row whose moves
 * out sum above 1, described in *bad (may be NULL). */
bool layer_all(const scenario *s, double *p[N_TR][N_SEX], layer_bad_row *bad);

/* Layering again only the rows a change can reach, for Monte Carlo
 * draws: a plan lists, in layer_all()'s order, the rows of every
 * matrix with an entry from a transition marked in varies (indexed like
 * s->tr[set][who].v; NULL: none), and with attribution the intervention
 * and after rows whose baseline row is listed (all of them when
 * attribution_varies). Not for outcome mode. NULL when out of memory. */
typedef struct layer_plan layer_plan;
layer_plan *layer_plan_new(const scenario *s, const bool *varies[N_TR][N_FOR],
                           bool attribution_varies);
void layer_plan_free(layer_plan *pl);

/* Redoes the plan's rows of matrices that layer_all() made from the
 * same transitions (their other rows cannot have changed): the same
 * values, bit for bit, and the same first row above 1. */
bool layer_again(const scenario *s, const layer_plan *pl, double *p[N_TR][N_SEX],
                 layer_bad_row *bad);

/* The entries of matrix (set, sex g) that its transitions can make
 * nonzero, whatever their values: the diagonal and every entry a layer
 * writes (these include the baseline's, which attribution mixes in).
 * nonzero: n x n. Not for outcome mode. */
void layer_pattern(const scenario *s, int set, int g, bool *nonzero);

/* Unit costs (states x actors, at the price year) from one amount per
 * profile item in the item's own prices, moved by s->item_factor. */
void layer_unit_costs(const scenario *s, const double *amount, double *unit_cost);

#endif
