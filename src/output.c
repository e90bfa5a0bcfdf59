/* output.c -- write beside, then rename into place (SPEC §8). */
#include "samkalk/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where an output really goes: a symlink's final file (so the link stays a
 * link), else the target itself. *existing is set when it exists, with its
 * stat. The caller frees the path. */
static char *destination(const char *target, struct stat *st, bool *existing)
{
	char *real = realpath(target, NULL);
	const char *dest = real ? real : target;
	*existing = stat(dest, st) == 0;
	if (real)
		return real;
	return strdup(target);
}

/* Makes "DIR/.NAME.XXXXXX" for target "DIR/NAME" and creates it. */
static sk_status make_tmp(outfile *o, const char *target, int *fd)
{
	const char *slash = strrchr(target, '/');
	size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
	const char *base = target + dir;
	size_t len = dir + 1 + strlen(base) + 8 + 1;
	o->tmp = malloc(len);
	if (!o->tmp) {
		snprintf(o->why, sizeof o->why, "%s: out of memory", target);
		return SK_EIO;
	}
	snprintf(o->tmp, len, "%.*s.%s.XXXXXX", (int)dir, target, base);
	*fd = mkstemp(o->tmp);
	if (*fd < 0) {
		snprintf(o->why, sizeof o->why, "cannot create a file beside %s: %s", target,
		         strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return SK_EIO;
	}
	return SK_OK;
}

/* Resolves the destination of o->target and creates the temporary file
 * beside it, with the mode the output will have: the replaced file's, or
 * that of any new file (mkstemp makes 0600). A target that exists and is
 * not a regular file (/dev/null, a pipe, /dev/stdout) is written directly:
 * there is nothing to keep whole, and renaming over it would destroy it. */
static sk_status prepare(outfile *o, int *fd, bool *direct)
{
	struct stat st;
	bool existing;
	*direct = false;
	o->dest = destination(o->target, &st, &existing);
	if (!o->dest) {
		snprintf(o->why, sizeof o->why, "%s: out of memory", o->target);
		return SK_EIO;
	}
	if (existing && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(o->why, sizeof o->why, "cannot write %s: it is a directory",
			         o->target);
			return SK_EIO;
		}
		*direct = true;
		return SK_OK;
	}
	if (make_tmp(o, o->dest, fd) != SK_OK)
		return SK_EIO;
	mode_t mode;
	if (existing) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(*fd, mode) != 0) {
		snprintf(o->why, sizeof o->why, "cannot set the mode of a file beside %s: %s",
		         o->target, strerror(errno));
		close(*fd);
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return SK_EIO;
	}
	return SK_OK;
}

sk_status outfile_open(outfile *o, const char *target)
{
	memset(o, 0, sizeof *o);
	o->target = target;
	if (strcmp(target, "-") == 0) {
		o->f = stdout;
		return SK_OK;
	}
	int fd;
	bool direct;
	if (prepare(o, &fd, &direct) != SK_OK) {
		outfile_abort(o); /* frees what prepare made; the reason stays */
		return SK_EIO;
	}
	if (direct) {
		o->f = fopen(o->dest, "w");
		if (!o->f) {
			snprintf(o->why, sizeof o->why, "cannot write %s: %s", o->target,
			         strerror(errno));
			outfile_abort(o);
			return SK_EIO;
		}
		o->is_direct = true;
		return SK_OK;
	}
	o->f = fdopen(fd, "w");
	if (!o->f) {
		snprintf(o->why, sizeof o->why, "cannot write beside %s: %s", target,
		         strerror(errno));
		close(fd);
		outfile_abort(o);
		return SK_EIO;
	}
	return SK_OK;
}

sk_status outfile_reserve(outfile *o, const char *target)
{
	memset(o, 0, sizeof *o);
	o->target = target;
	int fd;
	bool direct;
	if (prepare(o, &fd, &direct) != SK_OK) {
		outfile_abort(o); /* frees what prepare made; the reason stays */
		return SK_EIO;
	}
	if (direct) { /* a writer that renames and seeks needs a real file */
		snprintf(o->why, sizeof o->why, "cannot write %s: expected a regular file", target);
		outfile_abort(o);
		return SK_EIO;
	}
	close(fd);
	return SK_OK;
}

sk_status outfile_commit(outfile *o)
{
	if (o->f == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			snprintf(o->why, sizeof o->why, "cannot write to standard output: %s",
			         strerror(errno));
			o->f = NULL;
			return SK_EIO;
		}
		o->f = NULL;
		return SK_OK;
	}
	if (o->is_direct) {
		bool bad = fflush(o->f) != 0 || ferror(o->f);
		int err = errno;
		bad |= fclose(o->f) != 0;
		o->f = NULL;
		free(o->dest);
		o->dest = NULL;
		if (bad)
			snprintf(o->why, sizeof o->why, "cannot write %s: %s", o->target,
			         strerror(err ? err : errno));
		return bad ? SK_EIO : SK_OK;
	}
	if (o->f) {
		bool bad = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
		int err = errno;
		bad |= fclose(o->f) != 0;
		o->f = NULL;
		if (bad) {
			snprintf(o->why, sizeof o->why, "cannot write %s: %s", o->target,
			         strerror(err ? err : errno));
			outfile_abort(o);
			return SK_EIO;
		}
	}
	if (!o->tmp || rename(o->tmp, o->dest) != 0) {
		snprintf(o->why, sizeof o->why, "cannot replace %s: %s", o->target,
		         strerror(errno));
		outfile_abort(o);
		return SK_EIO;
	}
	free(o->tmp);
	o->tmp = NULL;
	free(o->dest);
	o->dest = NULL;
	return SK_OK;
}

void outfile_abort(outfile *o)
{
	if (o->f && o->f != stdout)
		fclose(o->f);
	o->f = NULL;
	free(o->dest);
	o->dest = NULL;
	if (o->tmp) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
}
