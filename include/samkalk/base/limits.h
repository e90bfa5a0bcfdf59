/* limits.h -- the documented maxima of samkalk's inputs (docs/limits.md).
 * Each is checked where the input is read, with a message naming it. */
#ifndef SAMKALK_LIMITS_H
#define SAMKALK_LIMITS_H

#define SK_MAX_FILE_BYTES    (8 * 1024 * 1024) /* one input file */
#define SK_MAX_LINE_BYTES    4096              /* one line of an input file */
#define SK_MAX_SECTION_NAME  49                /* inih keeps 49 bytes of a [section] name */
#define SK_MAX_KEY_BYTES     150               /* a key, left of '=' */
#define SK_MAX_ENTRIES       20000             /* key = value lines in one file */
#define SK_MAX_SECTIONS      1000              /* [sections] in one file */
#define SK_MAX_COMMENT_BYTES 2000              /* a comment block kept for a key */
#define SK_MAX_STATES        64                /* states of a profile */
#define SK_MAX_ACTORS        32                /* actors of a profile */
#define SK_MAX_ITEMS         4096              /* cost items of a profile */
#define SK_MAX_INDEX_YEARS   300               /* years of a profile's [index] */
#define SK_MAX_YEARS         100               /* horizon T */
#define SK_MAX_COHORT        10000000          /* participants per intake */
/* a follow-up data file (issue #15): a register panel is larger than a
 * scenario, so its own limits */
#define SK_MAX_DATA_BYTES (1024L * 1024 * 1024) /* one follow-up file */
#define SK_MAX_DATA_ROWS  50000000              /* rows of one follow-up file */
#define SK_MAX_DATA_FIELD 1024                  /* bytes of one field */
#define SK_MAX_CATEGORIES 256                   /* [followup.states] lines */

/* the uncertainty analysis (SPEC §6) */
#define UNC_DEFAULT_DRAWS 10000
#define UNC_DEFAULT_SEED  1
#define UNC_MAX_DRAWS     1000000
#define UNC_MAX_INPUTS    500
#define UNC_MAX_THREADS   256

#endif
