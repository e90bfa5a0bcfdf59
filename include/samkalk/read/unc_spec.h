/* unc_spec.h -- what the [sensitivity X] and [uncertainty X] sections of a
 * scenario say (SPEC §6), read and checked: each names an input of section X
 * by its own key (X = profile for a profile item, written STATE.ACTOR.ITEM)
 * and keeps its value in the file as its base. vary/uncertainty.h runs them. */
#ifndef SAMKALK_UNC_SPEC_H
#define SAMKALK_UNC_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/distributions.h"
#include "samkalk/base/error.h"
#include "samkalk/base/limits.h"
#include "samkalk/read/inputs.h"
#include "samkalk/read/scenario.h"

typedef struct unc_input {
	unc_kind kind;        /* how it varies (read/inputs.h) */
	const input_key *row; /* its row of the table of inputs */
	const char *section;  /* X, as written */
	const char *key;      /* as written */
	size_t index;         /* transition, actor, outcome set or profile item */
	int set, who;         /* transition set and FOR_* of its section */
	size_t from;          /* row of UNC_ROW */
	unsigned sexes;       /* UNC_START: bit g for each sex it sets */
	double base;          /* the value in the file (UNC_ROW, UNC_START: none) */
	double min, max;      /* the range the input's own key admits */
	/* [uncertainty X] */
	bool has_dist;
	int dist_line;
	const char *dist_text;
	dist d;
	double mean, sd; /* of d, for the reports (one-number distributions) */
	size_t n_parts;  /* Dirichlet: the states named, and their weights */
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

/* Reads the sensitivity and uncertainty sections of a scenario read with
 * its profile into *out (left NULL when there are none), every mistake to
 * d: an unknown section or key (with the nearest), an input not written in
 * its section, one that cannot vary (read/inputs.h says which can),
 * impossible parameters, a distribution that can leave the input's range,
 * a low above its high, a Dirichlet naming a state twice. The tornado's
 * ends are checked later (vary/uncertainty.h). Returns SK_OK, SK_EINPUT or
 * SK_ENOMEM (*out then set, for the caller to free). */
sk_status uncertainty_read(const scenario *s, unc_spec **out, diag *d);

void uncertainty_spec_free(unc_spec *u);

#endif
