/* diag.h -- collected messages about bad input (SPEC §8).
 *
 * Readers add every mistake they find, so that one run reports all of a
 * file's mistakes; main prints them sorted by file and line, then exits 2.
 * Each message reads "file:line: key: what was expected, what was found". */
#ifndef SAMKALK_DIAG_H
#define SAMKALK_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* At most this many messages are kept per file; the rest are counted. */
#define DIAG_MAX_PER_FILE 50

typedef struct diag_msg {
	char *text;
	size_t file_seq; /* order in which the file was first named */
	int line;
	size_t seq; /* order of addition, for a stable sort */
} diag_msg;

typedef struct diag {
	diag_msg *msgs;
	size_t n, cap;
	char **files; /* distinct file names, in order of first mention */
	size_t *per_file;
	size_t *dropped;
	size_t n_files;
	bool oom; /* a message could not be stored */
} diag;

void diag_init(diag *d);
void diag_free(diag *d);

/* Adds "file:line: key: message". line 0 omits ":line", key NULL omits
 * "key: ". Never fails: on allocation failure it sets d->oom. */
void diag_add(diag *d, const char *file, int line, const char *key, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

/* Adds "file:line:column: message", for a cell of a data file (column
 * from 1). Never fails, as diag_add. */
void diag_add_at(diag *d, const char *file, int line, int column, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

/* Names a file before any message about it, so that its messages print
 * first (the scenario before the profile it names). Returns false when out
 * of memory. */
bool diag_file(diag *d, const char *file);

/* Number of messages added (kept or not). */
size_t diag_count(const diag *d);

/* Prints every message, one per line, sorted by file and line. */
void diag_print(diag *d, FILE *out);

#endif
