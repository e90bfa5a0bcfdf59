/* output.h -- output files that appear whole or not at all (SPEC §8).
 *
 * An output is written to a temporary file beside its target and renamed
 * over it only when complete, so a failed or killed run leaves an existing
 * file as it was. Where the system allows (Linux' O_TMPFILE, named through
 * /proc), the temporary file has no name until it is complete; it gets one
 * only for the instant between linking it and renaming it over the target.
 * tests/unit/test_output.c expects O_TMPFILE of the test machine's /tmp.
 * Every temporary name has one pattern, ".samkalk-NAME.PID.XXXXXX" beside
 * the output NAME (".samkalk-tmp.PID.XXXXXX" for the directory of a
 * writer's own temporary files, see outfile_workdir()): a failed run removes
 * its own; SIGKILL leaves no chance to, so the next run that writes into the
 * directory removes those whose process is gone (never a live run's). The
 * new file keeps the mode of the one it replaces; a symlink stays a link
 * (its final file is replaced, and the temporary file is beside that); an
 * existing device or pipe (/dev/null) is written in place. "-" means
 * standard output. Outputs are opened from one thread. */
#ifndef SAMKALK_OUTPUT_H
#define SAMKALK_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "samkalk/base/error.h"

typedef struct outfile {
	const char *target; /* the path asked for, or "-" */
	char *dest;         /* where it goes: a symlink's final file, or target */
	char *tmp;          /* the temporary file beside it (for an unnamed file
	                       the name it gets when complete); NULL for stdout */
	bool tmp_exists;    /* tmp is made (ours to remove) */
	char *dir;          /* the directory of dest, where tmp goes */
	char *workdir;      /* a directory beside it for the writer's own
	                       temporary files (outfile_reserve); NULL if none */
	bool unnamed;       /* written to an unnamed file, fd */
	int fd;
	char proc[40];  /* its name for writers that open by name */
	FILE *f;        /* where to write */
	bool is_direct; /* an existing device or pipe: written in place */
	char why[256];  /* the reason of a failure, for the message */
} outfile;

/* Opens a temporary file beside target (or stdout for "-"). Returns SK_OK
 * or SK_EIO with o->why set ("cannot create ...: Permission denied"). */
sk_status outfile_open(outfile *o, const char *target);

/* Creates a temporary file beside target for a writer that opens files by
 * name (libxlsxwriter), which writes it at outfile_path(), and a directory
 * beside it for the writer's own temporary files, outfile_workdir(); o->f
 * stays NULL. Same returns as outfile_open. */
sk_status outfile_reserve(outfile *o, const char *target);
const char *outfile_path(const outfile *o);

/* The directory for the writer's own temporary files, removed with what is
 * in it by outfile_commit() or outfile_abort(); NULL unless reserved. */
const char *outfile_workdir(const outfile *o);

/* Removes the writer's directory (outfile_workdir), flushes, syncs and
 * closes the temporary file, then renames it over the target. On failure
 * removes it and returns SK_EIO with o->why set. */
sk_status outfile_commit(outfile *o);

/* Closes and removes the temporary file and the writer's directory; the
 * target is untouched. Safe to call on a committed, aborted or never opened
 * outfile. */
void outfile_abort(outfile *o);

#endif
