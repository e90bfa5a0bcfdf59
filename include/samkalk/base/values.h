/* values.h -- reading one value of an INI entry: numbers, whole numbers,
 * ids, and the nearest known key for an unknown one (SPEC §8).
 * Each reader adds "file:line: key: expected ..., got ..." on failure. */
#ifndef SAMKALK_VALUES_H
#define SAMKALK_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/inifile.h"

/* A finite decimal number in [min, max], the whole value ("12abc", "nan",
 * "0,5" and "" are refused). expected names the range in words, e.g.
 * "a probability between 0 and 1". Returns false after adding a message. */
bool value_number(diag *d, const ini_doc *doc, const ini_entry *e, double min, double max,
                  const char *expected, double *out);

/* The same for a number in an arbitrary string s (the key shown is key). */
bool value_number_text(diag *d, const char *file, int line, const char *key, const char *s,
                       double min, double max, const char *expected, double *out);

/* A whole number in [min, max]; "12.5" is refused as fractional. */
bool value_int(diag *d, const ini_doc *doc, const ini_entry *e, long min, long max,
               const char *expected, long *out);

/* Non-empty text. */
bool value_text(diag *d, const ini_doc *doc, const ini_entry *e, const char *expected);

/* An id of a state, actor or item: ASCII letters, digits, '_' and '-',
 * starting with a letter or digit, 1 to 64 bytes. */
bool value_is_id(const char *s);

/* The candidate nearest to word by edit distance, if it is close enough to
 * be a likely typo (at most a third of the longer word), else NULL. */
const char *value_nearest(const char *word, const char *const *candidates, size_t n);

/* Adds "file:line: key: unknown KIND, expected one of ...; did you mean X?"
 * listing up to 12 candidates. */
void value_unknown(diag *d, const char *file, int line, const char *key, const char *kind,
                   const char *word, const char *const *candidates, size_t n);

#endif
