/* output.c -- write beside, then rename into place (SPEC §8); a killed
 * run's temporary names removed by the next run into the directory
 * (issue #19). */
#define _GNU_SOURCE /* O_TMPFILE, where the system has it */
#include "samkalk/base/output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Every temporary name: ".samkalk-NAME.PID.XXXXXX" beside the output NAME
 * (a file), or ".samkalk-tmp.PID.XXXXXX" (a directory for libxlsxwriter's
 * own temporary files); PID is the writing process's, XXXXXX six letters
 * or digits. */
#define TMP_PREFIX ".samkalk-"
/* of NAME in a temporary name, at most (NAME_MAX is 255 on Linux) */
#define TMP_NAME_MAX 200

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

/* The directory part of target ("." for a bare name), in o->dir. */
static bool dir_of(outfile *o, const char *target)
{
	const char *slash = strrchr(target, '/');
	size_t len = slash ? (size_t)(slash - target) + (slash == target) : 1;
	if (!(o->dir = malloc(len + 1)))
		return false;
	if (slash)
		memcpy(o->dir, target, len);
	else
		o->dir[0] = '.';
	o->dir[len] = '\0';
	return true;
}

/* Whether name is a temporary name (TMP_PREFIX NAME.PID.XXXXXX), with its
 * PID in *pid. */
static bool is_tmp_name(const char *name, long *pid)
{
	size_t len = strlen(name), pre = strlen(TMP_PREFIX);
	if (strncmp(name, TMP_PREFIX, pre) != 0 || len < pre + 10)
		return false;
	const char *x = name + len - 6, *dot = x - 1;
	for (const char *c = x; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9')))
			return false;
	const char *digits = dot;
	while (digits > name + pre + 1 && digits[-1] >= '0' && digits[-1] <= '9')
		digits--;
	if (*dot != '.' || digits == dot || dot - digits > 10 || digits[-1] != '.' ||
	    digits - 1 == name + pre) /* NAME is not empty */
		return false;
	*pid = strtol(digits, NULL, 10);
	return *pid > 0 && *pid <= INT_MAX; /* a pid_t: never 0 or negative, a group */
}

/* Removes the directory name in dir dfd and the files in it (never what
 * is below a directory in it: rmdir then fails and it stays). */
static void remove_dir_at(int dfd, const char *name)
{
	int sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = sub >= 0 ? fdopendir(sub) : NULL;
	if (!d) {
		if (sub >= 0)
			close(sub);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlinkat(sub, e->d_name, 0);
	closedir(d);
	unlinkat(dfd, name, AT_REMOVEDIR);
}

/* The directories this process has swept (by device and inode). */
static struct {
	dev_t dev;
	ino_t ino;
} swept[16];
static size_t n_swept;

/* Removes the temporary names in dir whose process is gone: a killed run's
 * (SIGKILL gives no chance to remove them). Gone is kill(PID, 0) failing
 * with ESRCH, so a live concurrent run's are left alone, and so is one
 * whose PID a live process now has (reused): that stale name stays for a
 * later run. Each directory once, before this process makes its first
 * temporary name there: none with its own PID can be its own yet, so they
 * are a killed run's that had the same PID (in a container every run may
 * get the same one), and go too. Outputs are opened from one thread. Best
 * effort: what cannot be read or removed stays, and writing then fails, or
 * not, on its own. */
static void sweep(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) != 0)
		return;
	for (size_t k = 0; k < n_swept; k++)
		if (swept[k].dev == st.st_dev && swept[k].ino == st.st_ino)
			return;
	/* with no room to remember it, swept again later: then our own PID
	 * may be ours */
	bool mine_gone = n_swept < sizeof swept / sizeof *swept;
	if (mine_gone) {
		swept[n_swept].dev = st.st_dev;
		swept[n_swept++].ino = st.st_ino;
	}
	DIR *d = opendir(dir);
	if (!d)
		return;
	long self = (long)getpid(), pid;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!is_tmp_name(e->d_name, &pid))
			continue;
		if (pid == self ? !mine_gone : kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		struct stat s;
		if (fstatat(dirfd(d), e->d_name, &s, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (S_ISDIR(s.st_mode))
			remove_dir_at(dirfd(d), e->d_name);
		else
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

/* Puts letters made from salt in place of the name's last six. */
static void fill_letters(char *name, unsigned long salt)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	unsigned long r = (unsigned long)getpid() * 2654435761u + salt * 40503u;
	for (char *x = name + strlen(name) - 6; *x; x++, r /= 52)
		*x = letters[r % 52];
}

/* Makes "DIR/.samkalk-NAME.PID.XXXXXX" for target "DIR/NAME" in o->tmp (of
 * NAME at most TMP_NAME_MAX bytes, cut between UTF-8 characters). With
 * create, creates it (mkstemp) and returns its descriptor in *fd. */
static sk_status tmp_name(outfile *o, const char *target, bool create, int *fd)
{
	const char *slash = strrchr(target, '/');
	size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
	const char *base = target + dir;
	size_t name = strlen(base);
	if (name > TMP_NAME_MAX) {
		name = TMP_NAME_MAX;
		while (name > 0 && ((unsigned char)base[name] & 0xC0) == 0x80)
			name--;
	}
	size_t len = dir + strlen(TMP_PREFIX) + name + 1 + 20 + 7 + 1;
	o->tmp = malloc(len);
	if (!o->tmp) {
		snprintf(o->why, sizeof o->why, "%s: out of memory", target);
		return SK_EIO;
	}
	snprintf(o->tmp, len, "%.*s" TMP_PREFIX "%.*s.%ld.XXXXXX", (int)dir, target, (int)name,
	         base, (long)getpid());
	if (!create)
		return SK_OK;
	*fd = mkostemp(o->tmp, O_CLOEXEC);
	if (*fd < 0) {
		snprintf(o->why, sizeof o->why, "cannot create a file beside %s: %s", target,
		         strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return SK_EIO;
	}
	o->tmp_exists = true;
	return SK_OK;
}

/* Links the unnamed file at proc (/proc/self/fd/N) beside the target as
 * o->tmp with new letters, again while the name is taken (link() does not
 * replace). */
static bool link_tmp(outfile *o, const char *proc, unsigned long salt)
{
	for (unsigned long attempt = 0; attempt < 100; attempt++) {
		fill_letters(o->tmp, salt + attempt);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp, AT_SYMLINK_FOLLOW) == 0)
			return true;
		if (errno != EEXIST)
			return false;
	}
	return false;
}

#ifdef O_TMPFILE
/* Whether unnamed files in o->dir can be given a name by linkat() through
 * /proc/self/fd, which some sandboxes refuse: tried on a throwaway one,
 * under o->tmp's name for the moment between link and unlink. */
static bool names_unnamed(outfile *o)
{
	int fd = open(o->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0)
		return false;
	char proc[40];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	bool ok = link_tmp(o, proc, (unsigned long)fd * 104729u);
	if (ok)
		unlink(o->tmp);
	close(fd);
	return ok;
}
#endif

/* Creates the file to write: where the system has them, an unnamed file in
 * the target's directory (O_TMPFILE), given its name only when complete,
 * so that a run killed by SIGKILL while writing leaves nothing behind
 * (killed between naming and renaming, the name stays until the next run's
 * sweep()); else (no O_TMPFILE on the file system, no /proc, or naming
 * refused) a named temporary file beside the target. */
static sk_status make_tmp(outfile *o, const char *target, int *fd)
{
#ifdef O_TMPFILE
	/* the name it will have, made now: committing allocates nothing */
	if (access("/proc/self/fd", X_OK) == 0) {
		if (tmp_name(o, target, false, NULL) != SK_OK)
			return SK_EIO; /* out of memory, said in o->why */
		*fd = open(o->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
		int err = errno;
		if (*fd >= 0 && names_unnamed(o)) {
			o->fd = *fd;
			o->unnamed = true;
			snprintf(o->proc, sizeof o->proc, "/proc/self/fd/%d", *fd);
			return SK_OK;
		}
		if (*fd >= 0)
			close(*fd);
		free(o->tmp);
		o->tmp = NULL;
		if (*fd < 0 && err != EOPNOTSUPP && err != EISDIR && err != EINVAL) {
			snprintf(o->why, sizeof o->why, "cannot create a file beside %s: %s",
			         target, strerror(err));
			return SK_EIO;
		}
	}
#endif
	return tmp_name(o, target, true, fd);
}

/* Gives an unnamed file its name: linked under a new temporary name beside
 * the target (link() refuses a name that exists), which rename() then
 * moves over the target. */
static bool name_unnamed(outfile *o)
{
	o->tmp_exists = link_tmp(o, o->proc, (unsigned long)o->fd * 7919u);
	return o->tmp_exists;
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
	if (!dir_of(o, o->dest)) {
		snprintf(o->why, sizeof o->why, "%s: out of memory", o->target);
		return SK_EIO;
	}
	sweep(o->dir);
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
		o->unnamed = false;
		if (o->tmp_exists)
			unlink(o->tmp);
		o->tmp_exists = false;
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
		o->unnamed = false; /* closed: outfile_abort() must not again */
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
	if (!o->unnamed) /* named: the writer opens it by its name */
		close(fd);
	size_t len = strlen(o->dir) + 1 + strlen(TMP_PREFIX) + 4 + 20 + 7 + 1;
	if ((o->workdir = malloc(len)))
		snprintf(o->workdir, len, "%s/" TMP_PREFIX "tmp.%ld.XXXXXX", o->dir,
		         (long)getpid());
	if (!o->workdir || !mkdtemp(o->workdir)) {
		snprintf(o->why, sizeof o->why, "cannot create a directory beside %s: %s", target,
		         o->workdir ? strerror(errno) : "out of memory");
		free(o->workdir);
		o->workdir = NULL;
		outfile_abort(o);
		return SK_EIO;
	}
	return SK_OK;
}

const char *outfile_path(const outfile *o)
{
	return o->unnamed ? o->proc : o->tmp;
}

const char *outfile_workdir(const outfile *o)
{
	return o->workdir;
}

/* Removes o->workdir and what the writer left in it. */
static void drop_workdir(outfile *o)
{
	if (o->workdir)
		remove_dir_at(AT_FDCWD, o->workdir);
	free(o->workdir);
	o->workdir = NULL;
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
	drop_workdir(o); /* the writer is done with it */
	bool bad = false;
	int err = 0;
	if (o->f) {
		bad = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
		err = errno;
	} else if (o->unnamed) { /* written by name through o->proc */
		bad = fsync(o->fd) != 0;
		err = errno;
	} else if (o->tmp_exists) { /* written by name, closed by the writer */
		int fd = open(o->tmp, O_RDONLY | O_CLOEXEC);
		bad = fd < 0 || fsync(fd) != 0;
		err = errno;
		if (fd >= 0)
			close(fd);
	}
	if (!bad && o->unnamed && !name_unnamed(o)) {
		snprintf(o->why, sizeof o->why, "cannot create a file beside %s: %s", o->target,
		         strerror(errno));
		outfile_abort(o);
		return SK_EIO;
	}
	if (o->f) {
		bad |= fclose(o->f) != 0;
		o->f = NULL;
		o->unnamed = false; /* closed with it */
	} else if (o->unnamed) {
		bad |= close(o->fd) != 0;
		o->unnamed = false;
	}
	if (bad) {
		snprintf(o->why, sizeof o->why, "cannot write %s: %s", o->target,
		         strerror(err ? err : errno));
		outfile_abort(o);
		return SK_EIO;
	}
	if (!o->tmp || rename(o->tmp, o->dest) != 0) {
		snprintf(o->why, sizeof o->why, "cannot replace %s: %s", o->target,
		         strerror(errno));
		outfile_abort(o);
		return SK_EIO;
	}
	o->tmp_exists = false;
	free(o->tmp);
	o->tmp = NULL;
	free(o->dest);
	o->dest = NULL;
	free(o->dir);
	o->dir = NULL;
	return SK_OK;
}

void outfile_abort(outfile *o)
{
	if (o->f && o->f != stdout)
		fclose(o->f);
	else if (o->unnamed) /* an unnamed file: closing it is removing it */
		close(o->fd);
	o->f = NULL;
	o->unnamed = false;
	free(o->dest);
	o->dest = NULL;
	drop_workdir(o);
	free(o->dir);
	o->dir = NULL;
	if (o->tmp_exists) /* never a name that another may have made */
		unlink(o->tmp);
	o->tmp_exists = false;
	free(o->tmp);
	o->tmp = NULL;
}
