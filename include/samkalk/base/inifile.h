/* inifile.h -- reads an INI file into a list of entries, with the right line
 * number for every key and a message for everything inih would mangle.
 *
 * Debian's inih 55 gives its handler no line number, cuts lines over 199
 * bytes and parses their rest as a new line, joins indented lines to the
 * value above, keeps keys after an unterminated "[section" in the previous
 * section and returns only the first error's line. So the whole file is read
 * into memory, checked line by line (size, UTF-8, control characters,
 * indentation, headers, "key = value" shape) and fed to ini_parse_stream()
 * by a reader that counts lines; long values travel beside inih, not
 * through it. */
#ifndef SAMKALK_INIFILE_H
#define SAMKALK_INIFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "samkalk/base/diag.h"
#include "samkalk/base/error.h"

typedef struct ini_section {
	char *name; /* trimmed, without brackets */
	int line;
	bool refused; /* a line in this section was refused */
} ini_section;

typedef struct ini_entry {
	size_t section; /* index into ini_doc.sections */
	char *key;      /* trimmed */
	char *value;    /* trimmed, inline comment removed; may be "" */
	int line;
	char *comment; /* the comment lines just above it, joined; or NULL.
	                * The workbook shows it as the input's source. */
} ini_entry;

typedef struct ini_doc {
	char *path; /* as the user or the referring file named it */
	char sha256[65];
	ini_section *sections;
	size_t n_sections;
	ini_entry *entries; /* in file order; a section's entries are contiguous */
	size_t n_entries;
	size_t n_refused; /* lines refused, each with a message */
	bool bad_header;  /* a [section] header was refused: its keys are missing */
} ini_doc;

/* Reads and checks the file at path. Every mistake goes to d. When the file
 * cannot be opened, the message is attributed to ref_file:ref_line: ref_key
 * if ref_file is given (the key that named the file), else to path.
 * Returns SK_OK with *out set; SK_EINPUT when lines were refused, with *out
 * still set to the document of the other lines (refused lines left out and
 * their sections marked) so that later checks report the file's other
 * mistakes too; SK_EINPUT with *out NULL when the file could not be read at
 * all; or SK_ENOMEM. */
sk_status inifile_read(const char *path, ini_doc **out, diag *d, const char *ref_file, int ref_line,
                       const char *ref_key);

/* The same from a buffer of len bytes; path is used in messages only.
 * The SHA-256 is of the buffer. Same returns. */
sk_status inifile_parse(const char *path, const char *buf, size_t len, ini_doc **out, diag *d);

/* Frees a document; accepts NULL. */
void inifile_free(ini_doc *doc);

/* Index of the section with this name, or SIZE_MAX. */
size_t inifile_find_section(const ini_doc *doc, const char *name);

/* The entries of section s are doc->entries[*first .. *end) (contiguous,
 * since a section appears once); empty when s is SIZE_MAX. */
void inifile_entries(const ini_doc *doc, size_t s, size_t *first, size_t *end);

/* The entry of key in the section named section, or NULL. */
const ini_entry *inifile_find_entry(const ini_doc *doc, const char *section, const char *key);

#endif
