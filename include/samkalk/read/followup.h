/* followup.h -- a follow-up data file (issue #15; docs/scenario-format.md,
 * "Uppföljning"): what happened to real participants, counted.
 *
 * One file in one of three shapes, told apart by its header:
 *   panel   id;t;tillstånd[;intag][;kön][;grupp]   a person's state t whole
 *           years after entry (t = 0 at entry)
 *   moves   från;till;antal[;kön][;fas]            counted yearly moves
 *   states  t;tillstånd;antal[;intag][;kön]        counted states at t
 * Header names in Swedish or English, in any order and case; ';' or ','
 * separated (the header's first separator), quoted fields, decimal comma
 * refused where a whole number is expected, a UTF-8 byte-order mark, CRLF,
 * and Windows-1252 text (converted with iconv; data->converted says so).
 * Parsed with libcsv.
 *
 * The reader checks every row against the scenario (followup_context) and
 * counts: moves per transition set, sex and (from, to); persons per intake,
 * t, sex and state. It knows nothing of estimates or costs (model/). */
#ifndef SAMKALK_FOLLOWUP_H
#define SAMKALK_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"
#include "samkalk/read/scenario_types.h"

typedef enum followup_shape { FU_PANEL, FU_MOVES, FU_STATES, N_FU_SHAPES } followup_shape;

/* Sex of a count: women, men, or not given (the file has no sex column). */
enum { FU_WOMEN, FU_MEN, FU_UNKNOWN, N_FU_SEX };

/* What the reader checks rows against: the scenario and its profile.
 * n_states 1 to 65535, intakes at least 1, years 0 or more. */
typedef struct followup_context {
	/* the categories the file may use and the state of each ([followup.states],
	 * many to one); without that section, the profile's state ids (each its
	 * own state) */
	const char *const *categories;
	const size_t *category_state;
	size_t n_categories;
	size_t n_states;        /* of the profile */
	int start_year;         /* of the scenario: the default intake */
	int intakes;            /* K: intake years start_year .. start_year + K - 1 */
	int years;              /* T: t runs 0..T */
	int intervention_years; /* D: the move into t is an intervention move when t <= D */
	/* the scenario line that names the file, for "cannot read" */
	const char *ref_file;
	int ref_line;
	const char *ref_key;
} followup_context;

/* A count published as "<5": an unknown whole number 1..4, 2.5 in the
 * counts below. */
typedef struct followup_suppressed {
	int line;
	int set, sex;    /* set: moves' transition set (TR_*), -1 for states; FU_* sex */
	int intake, t;   /* states: intake index (0 = start_year) and t; -1 for moves */
	size_t from, to; /* moves: from and to state; states: to is the state,
	                  * from SIZE_MAX */
} followup_suppressed;

typedef struct followup_data {
	char *path; /* as the scenario resolved it */
	char sha256[65];
	followup_shape shape;
	bool converted;  /* the file was Windows-1252, converted to UTF-8 */
	char separator;  /* ';' or ',' */
	size_t rows;     /* data rows: not the header, nor rows of empty fields */
	size_t n_states; /* of the profile */
	int intakes, years;
	/* which columns the file has */
	bool has_sex, has_intake, has_group;
	/* moves[((set * N_FU_SEX + sex) * n + from) * n + to]: moves counted
	 * per transition set (TR_BASELINE: a comparison group or phase
	 * "jämförelse"; TR_INTERVENTION; TR_AFTER), sex and states, staying
	 * included. Panel: a person's move from t-1 to t, both observed; the
	 * set is TR_INTERVENTION when t <= D, TR_AFTER after, TR_BASELINE for
	 * the comparison group. Moves: the rows' counts (a "<5" as 2.5).
	 * States: all zero. N_TR sets. */
	double *moves;
	/* occupancy[((intake * (T + 1) + t) * N_FU_SEX + sex) * n + state]:
	 * persons of the intervention group (panel) or counted (states) in
	 * each state t years after entry; a "<5" as 2.5. Moves: all zero. */
	double *occupancy;
	/* per intake: the last t with data (panel: of the intervention
	 * group), -1 when none */
	int *last_t;
	/* panel: persons of the intervention group and of the comparison
	 * group, and those of each lost to follow-up: their last t observed
	 * below the last t observed in their intake and group (a gap loses
	 * only the moves across it) */
	size_t persons, persons_comparison, lost, lost_comparison;
	/* panel: moves counted in all; moves: the rows' counts summed */
	double n_moves;
	followup_suppressed *suppressed;
	size_t n_suppressed;
} followup_data;

/* Reads and checks the follow-up file at path against ctx. Every
 * malformed row is one message "file:line:column: what was expected"
 * (diag_add_at; the line where the record starts, the field's number) and
 * the reading goes on to report the rest; an unreadable file is one
 * message at ctx's ref line. A file that is not text (control characters,
 * UTF-16, bytes neither UTF-8 nor Windows-1252) or has a bad header gets
 * its messages and no row is read. A column the header names needs a value
 * in every row; a row of empty fields and empty fields past the header's
 * (Excel's) are ignored. Returns SK_OK with *out set, SK_EINPUT with *out
 * NULL (messages in d), or SK_ENOMEM. */
sk_status followup_read(const char *path, const followup_context *ctx, followup_data **out,
                        diag *d);

/* The same from a buffer of len bytes (tests and fuzzing); path is used
 * in messages only. */
sk_status followup_parse(const char *path, const char *buf, size_t len, const followup_context *ctx,
                         followup_data **out, diag *d);

void followup_free(followup_data *f);

/* Element accessors. */
static inline double *followup_moves(const followup_data *f, int set, int sex, size_t from,
                                     size_t to)
{
	size_t n = f->n_states;
	return &f->moves[(((size_t)set * N_FU_SEX + (size_t)sex) * n + from) * n + to];
}
static inline double *followup_occupancy(const followup_data *f, int intake, int t, int sex,
                                         size_t state)
{
	size_t n = f->n_states;
	return &f->occupancy[((((size_t)intake * (size_t)(f->years + 1)) + (size_t)t) * N_FU_SEX +
	                      (size_t)sex) *
	                             n +
	                     state];
}

#endif
