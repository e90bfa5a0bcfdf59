/* output.c -- write beside, then rename into place (SPEC §8). */
#include "samkalk/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
	/* mkstemp makes 0600; an output is as readable as any new file. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(*fd, 0666 & ~mask);
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
	if (make_tmp(o, target, &fd) != SK_OK)
		return SK_EIO;
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
	if (make_tmp(o, target, &fd) != SK_OK)
		return SK_EIO;
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
	if (!o->tmp || rename(o->tmp, o->target) != 0) {
		snprintf(o->why, sizeof o->why, "cannot replace %s: %s", o->target,
		         strerror(errno));
		outfile_abort(o);
		return SK_EIO;
	}
	free(o->tmp);
	o->tmp = NULL;
	return SK_OK;
}

void outfile_abort(outfile *o)
{
	if (o->f && o->f != stdout)
		fclose(o->f);
	o->f = NULL;
	if (o->tmp) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
}
