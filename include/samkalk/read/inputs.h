/* inputs.h -- the one table of input keys (issue #14): every key a scenario
 * or profile file can hold, with its section, kind, range, unit, default,
 * whether [uncertainty X] can vary it, its message words and its one-line
 * meaning. The rows are in inputs.def, one INPUT(ID, ...) each; this header
 * makes them the enum input_id, src/read/inputs.c the array input_keys[].
 *
 * Who reads the table: the scenario and profile readers (ranges, message
 * words, unknown-key suggestions, required keys, defaults), the uncertainty
 * spec reader (which inputs can vary, their range and base), the Monte
 * Carlo (where a drawn number lands), the workbook's assumptions sheet
 * (label, unit) and docs/scenario-format.md, whose key tables are checked
 * against it by tests/unit/test_inputs.c (make docs-keys writes them). */
#ifndef SAMKALK_INPUTS_H
#define SAMKALK_INPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/inifile.h"
#include "samkalk/read/input_ids.h"

/* What a key's value is. */
typedef enum input_kind {
	KIND_TEXT,   /* text, not empty */
	KIND_PATH,   /* a file's path, relative to the file that names it */
	KIND_YEAR,   /* a calendar year: a whole number in [min, max] */
	KIND_WHOLE,  /* a whole number in [min, max] */
	KIND_NUMBER, /* a decimal number in [min, max]: a share, rate or amount */
	KIND_CHOICE, /* one word of choices */
	KIND_STATE,  /* a state id of the profile */
	KIND_RANGE   /* 'low, high' or a distribution ([sensitivity X], [uncertainty X]) */
} input_kind;

/* Where the reader puts a value: a field of struct scenario at offset, of
 * this C type, or nowhere (the section's own code reads the key). */
typedef enum input_store {
	STORE_NONE,
	STORE_INT,
	STORE_LONG,
	STORE_DOUBLE,
	STORE_TEXT,     /* const char *, pointing into the document */
	STORE_PER_ACTOR /* double *, one per actor of the profile */
} input_store;

/* How [uncertainty X] and [sensitivity X] vary an input (SPEC §6). */
typedef enum unc_kind {
	UNC_NONE,       /* it cannot vary */
	UNC_NUMBER,     /* the double of struct scenario at the row's offset */
	UNC_PER_ACTOR,  /* one actor's number of the row's per-actor array */
	UNC_SIZE,       /* participants per intake: the model's size, unrounded */
	UNC_RATE,       /* the discount rate of every year */
	UNC_TRANSITION, /* a key "A -> B" of a transition section */
	UNC_ROW,        /* "A -> * = dirichlet(...)": a whole row of a section */
	UNC_START,      /* "* = dirichlet(...)" of [cohort] or [cohort.g] */
	UNC_ITEM        /* [profile] STATE.ACTOR.ITEM: a profile item's amount */
} unc_kind;

/* Which file a section belongs to. */
typedef enum input_file { FILE_SCENARIO, FILE_PROFILE } input_file;

/* One key. Upper-case words of section and key are placeholders: ACTOR,
 * STATE, ITEM, ID, YEAR, N, FROM, TO, X, INPUT, CATEGORY. */
typedef struct input_key {
	input_file file;
	const char *section; /* as written in files, without brackets */
	const char *key;     /* as written in files */
	input_kind kind;
	double min, max;            /* of the value (KIND_YEAR, _WHOLE, _NUMBER) */
	double key_min, key_max;    /* of a number as key ([index] YEAR, [discounting] N) */
	const char *const *choices; /* KIND_CHOICE: NULL-terminated */
	const char *noun;           /* KIND_CHOICE: "unknown NOUN 'x'" (NULL: value) */
	input_store store;          /* where the reader puts it */
	size_t offset;              /* of the field in struct scenario */
	double initial;             /* the field's value when the key is not given */
	unc_kind vary;              /* UNC_NONE: it cannot vary */
	const char *vary_key;       /* the key [uncertainty X] names it by, when not key */
	bool layered;               /* a change must layer the matrices again */
	const char *fixed;          /* cannot vary: what it is, for the message */
	const char *expected;       /* "expected ..." of a bad value */
	const char *missing;        /* required: "expected ..., got none"; NULL: optional */
	/* docs/scenario-format.md: meaning, unit and range, default, example */
	const char *meaning, *range, *dflt, *example;
	/* the workbook's assumptions sheet: label and unit (NULL: not a row of
	 * its first table), and the row's place in that table */
	const char *label_sv, *label_en, *unit_sv, *unit_en;
	int sheet;
	bool percent; /* a number shown there as a percentage (a share) */
} input_key;

extern const input_key input_keys[N_INPUTS];

/* The sections of both files, in the order of unknown-section messages. */
typedef struct input_section {
	input_file file;
	const char *name; /* as in files; "state ID" stands for [state X] */
	int vary_place;   /* its place in the list [uncertainty X] can name; 0: none */
	int set, who;     /* a transition section's set and FOR_*; -1: none */
	bool listed;      /* named in the unknown-section message */
	const char *rows; /* the section whose keys it has, when not its own */
} input_section;

extern const input_section input_sections[];
extern const size_t n_input_sections;

/* Checks the value of e as row k says (its kind, range and message words;
 * a whole number within [min, max] as a whole number) and gives it as a
 * number: the value, a choice's index, 0 for text. A mistake is a message
 * in d and false. Text and states are only checked for being there; a
 * section's own code reads states and ranges. */
bool inputs_value(diag *d, const ini_doc *doc, const ini_entry *e, const input_key *k,
                  double *number);

struct scenario;

/* The number in row k's field of s (STORE_INT, STORE_LONG, STORE_DOUBLE;
 * the actor's entry of STORE_PER_ACTOR), as a double; 0 for other stores. */
double input_number(const struct scenario *s, const input_key *k, size_t actor);

/* Sets row k's field of s (the actor's entry of STORE_PER_ACTOR) to v, in
 * its store's type; nothing for other stores. */
void input_set(struct scenario *s, const input_key *k, size_t actor, double v);

/* The text in row k's field of s (STORE_TEXT), and setting it. */
const char *input_text(const struct scenario *s, const input_key *k);
void input_set_text(struct scenario *s, const input_key *k, const char *text);

/* The row of key in section (placeholder rows match by their pattern: see
 * input_matches), or NULL. */
const input_key *inputs_find(input_file file, const char *section, const char *key);

/* Whether key, as written in a file, matches the row's key: equal, or of
 * the row's pattern (ACTOR: "fixed_cost.ACTOR" matches "fixed_cost.kommun").
 * Only the shape is checked; the ids are checked by the reader. */
bool input_matches(const input_key *k, const char *key);

/* The keys of a section as written in the docs, in table order, into
 * names (at most max); only those [uncertainty X] can vary when varying
 * (by vary_key when they have one). Returns how many. */
size_t inputs_keys_of(input_file file, const char *section, bool varying, const char **names,
                      size_t max);

/* The names of the sections of file in table order (the unknown-section
 * list), or those [uncertainty X] can name, in their order (varying).
 * Returns how many; names must hold n_input_sections. */
size_t inputs_sections(input_file file, bool varying, const char **names);

/* Whether name is a section of a scenario: one of the table's, or
 * [uncertainty], [uncertainty X], [sensitivity X] (X checked later). */
bool inputs_scenario_section(const char *name);

/* Whether name is [uncertainty], [uncertainty X], [sensitivity X] or
 * [sensitivity] (which lacks its X): a section the uncertainty spec reads.
 * [uncertaintyX] is none of them. */
bool inputs_unc_section(const char *name);

/* The section of one sex's starting distribution: [cohort.women] for
 * SEX_WOMEN, [cohort.men] for SEX_MEN. */
const char *inputs_cohort_section(int g);

/* The transition section of set and FOR_* who, as named in files. */
const char *inputs_tr_section(int set, int who);

/* Writes the key tables of docs/scenario-format.md: for each section of
 * the table, a line "<!-- keys [SECTION] -->", the table's header and one
 * row per key (key, meaning, unit and range, default, example, and
 * whether [uncertainty X] can vary it). */
void inputs_markdown(FILE *out);

#endif
