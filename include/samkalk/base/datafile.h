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

/* datafile_text_of in two steps, for a reader that checks the bytes of a
 * large text in parts on threads of its own: the checks of the file whole
 * (size, UTF-16 or binary, CR-only line ends, empty) with their message,
 * and the text after the byte-order mark in *out. That text is taken as it
 * is when datafile_plain passes all of it; else datafile_text_of gives its
 * messages or converts it. False after the message. */
bool datafile_text_start(diag *d, const char *path, const char *buf, size_t len, long max,
                         datafile_text *out);

/* Whether s (n bytes) is UTF-8 without control characters but tab, CR and
 * LF (nor U+0080..U+009F). No UTF-8 character holds a line end, so the
 * parts of a text cut at line ends may be checked apart. */
bool datafile_plain(const char *s, size_t n);

/* Whether s (n bytes) holds only blanks and line ends. */
bool datafile_blank(const char *s, size_t n);

/* Whether a text of n bytes is parsed in two parts on two threads: from
 * 1 MiB (below it a second thread costs more than it saves), unless
 * datafile_split_set said otherwise. */
bool datafile_split(size_t n);

/* For tests: texts from min bytes are split (0: every text, SIZE_MAX:
 * none). Not thread-safe: call it before reading. */
void datafile_split_set(size_t min);

#endif
