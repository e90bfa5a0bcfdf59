/* profile.h -- the typical-person profile: actors, states and the annual
 * cost of one person in each state to each actor, item by item (SPEC §3). */
#ifndef SAMKALK_PROFILE_H
#define SAMKALK_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"
#include "samkalk/base/inifile.h"

/* An actor's kind (issue #16): a public budget; another member of society
 * (an employer, a value no budget sees); the participants' households. */
typedef enum actor_kind { ACTOR_FISCAL, ACTOR_ECONOMIC, ACTOR_HOUSEHOLD, N_ACTOR_KINDS } actor_kind;

typedef struct profile_actor {
	const char *id, *label; /* point into the document */
	actor_kind kind;
	int line;
} profile_actor;

typedef struct profile_item {
	size_t state, actor;
	const char *name;           /* the ITEM of ACTOR.ITEM */
	const char *key;            /* ACTOR.ITEM as written */
	double amount_sek;          /* per person and year, in prices of price_year */
	int price_year;             /* ACTOR.ITEM.price_year, else the profile's */
	const char *source;         /* ACTOR.ITEM.source, or NULL */
	const char *price_year_key; /* ACTOR.ITEM.price_year as written, or NULL */
	int line, price_year_line;
	/* ACTOR.ITEM.transfer = OTHER (issue #16): the actor on the transfer's
	 * other side, who gets the amount with the opposite sign in the same
	 * state (SIZE_MAX: not a transfer); its line */
	size_t transfer;
	int transfer_line;
} profile_item;

typedef struct profile_state {
	const char *id, *label;
	int line;
} profile_state;

typedef struct profile_index {
	int year;
	double value;
	int line;
} profile_index;

typedef struct profile {
	ini_doc *doc; /* owns every string above */
	const char *name, *currency;
	int price_year, price_year_line;
	profile_actor *actors;
	size_t n_actors;
	profile_state *states;
	size_t n_states;
	profile_item *items; /* in file order, so grouped by state */
	size_t n_items;
	profile_index *index; /* sorted by year */
	size_t n_index;
} profile;

/* Reads and checks a profile file; ref_* name the scenario line that points
 * to it (see inifile_read). Returns SK_OK, SK_EINPUT (messages in d) or
 * SK_ENOMEM. */
sk_status profile_load(const char *path, profile **out, diag *d, const char *ref_file, int ref_line,
                       const char *ref_key);

/* The same from a document already read; takes ownership of doc. */
sk_status profile_from_doc(ini_doc *doc, profile **out, diag *d);

void profile_free(profile *p);

/* Index of a state or actor by id, or SIZE_MAX. */
size_t profile_state_index(const profile *p, const char *id);
size_t profile_actor_index(const profile *p, const char *id);

/* The index value of year, or 0 when the year is not in [index]. */
double profile_index_value(const profile *p, int year);

#endif
