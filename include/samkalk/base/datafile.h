/* datafile.h -- the bytes of a data file (a follow-up's CSV; later a life
 * table or a fund's file) as the text its reader parses: read whole with
 * a size limit; refused whole when it is UTF-16 or binary, has CR-only
 * line ends or is empty; a line with a control character or a byte no
 * encoding allows is one message each; UTF-8 (a byte-order mark skipped)
 * taken as it is, anything else converted from Windows-1252 (Swedish
 * Excel's "CSV (semikolonavgränsad)") with glibc's iconv. */
#ifndef SAMKALK_DATAFILE_H
#define SAMKALK_DATAFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"

/* Reads the file at path whole (at most max bytes) into *out (len bytes,
 * to free). When it cannot be opened or is not a regular file, the
 * message is at ref_file:ref_line: ref_key (the line naming it) if given,
 * else at path. Returns SK_OK, SK_EINPUT or SK_ENOMEM. */
sk_status datafile_read(const char *path, long max, const char *ref_file, int ref_line,
                        const char *ref_key, char **out, size_t *len, diag *d);

/* A file's text: in the buffer given, or converted into owned (to free). */
typedef struct datafile_text {
	const char *text;
	size_t n;
	char *owned;
	bool converted; /* from Windows-1252 */
} datafile_text;

/* The text of buf (len bytes, from the file path, at most max bytes) in
 * UTF-8 without its byte-order mark. False after the file's messages in
 * d, or with *oom set when out of memory. */
bool datafile_text_of(diag *d, const char *path, const char *buf, size_t len, long max,
                      datafile_text *out, bool *oom);

/* Whether s (n bytes) holds only blanks and line ends. */
bool datafile_blank(const char *s, size_t n);

#endif
