/* test_output.c -- an output appears whole or not at all: the old file
 * stays until commit, abort leaves it and no temporary file (SPEC §8). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "samkalk/base/output.h"

static char dir[64];

static void make_dir(void)
{
	strcpy(dir, "/tmp/samkalk-test-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static int count_files(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
	closedir(d);
	return n;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static char *read_file(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

Test(output, commit_replaces_only_when_complete)
{
	make_dir();
	char target[128];
	snprintf(target, sizeof target, "%s/out.csv", dir);
	write_file(target, "old\n");
	outfile o;
	cr_assert_eq(outfile_open(&o, target), SK_OK);
	fputs("new\n", o.f);
	cr_assert_str_eq(read_file(target), "old\n"); /* not yet */
	/* the target, and the file being written only where it has a name:
	 * an unnamed file (O_TMPFILE) is not in the directory until done */
	cr_assert_eq(count_files(), o.unnamed ? 1 : 2);
	cr_assert_eq(outfile_commit(&o), SK_OK);
	cr_assert_str_eq(read_file(target), "new\n");
	cr_assert_eq(count_files(), 1);
	unlink(target);
	rmdir(dir);
}

Test(output, abort_keeps_old_file_and_leaves_nothing)
{
	make_dir();
	char target[128];
	snprintf(target, sizeof target, "%s/out.json", dir);
	write_file(target, "good\n");
	outfile o;
	cr_assert_eq(outfile_open(&o, target), SK_OK);
	fputs("half", o.f);
	cr_assert(o.unnamed,
	          "O_TMPFILE in %s: the tests expect Linux and a file system that has it", dir);
	outfile_abort(&o);
	outfile_abort(&o); /* twice is harmless */
	cr_assert_str_eq(read_file(target), "good\n");
	cr_assert_eq(count_files(), 1);
	unlink(target);
	rmdir(dir);
}

Test(output, missing_directory_is_a_failure_with_reason)
{
	outfile o;
	cr_assert_eq(outfile_open(&o, "/tmp/samkalk-no-such-dir/x/out.csv"), SK_EIO);
	cr_assert_not_null(strstr(o.why, "No such file or directory"), "%s", o.why);
	cr_assert_null(o.tmp);
}

Test(output, new_file_has_the_usual_permissions)
{
	make_dir();
	char target[128];
	snprintf(target, sizeof target, "%s/p.csv", dir);
	mode_t old = umask(022);
	outfile o;
	cr_assert_eq(outfile_open(&o, target), SK_OK);
	cr_assert_eq(outfile_commit(&o), SK_OK);
	umask(old);
	struct stat st;
	stat(target, &st);
	cr_assert_eq(st.st_mode & 0777, 0644); /* 0666 & ~022, not mkstemp's 0600 */
	unlink(target);
	rmdir(dir);
}

/* An existing device is written in place, never replaced by a regular file
 * (the review found `--csv /dev/null` turning /dev/null into a file). */
Test(output, a_device_stays_a_device)
{
	outfile o;
	cr_assert_eq(outfile_open(&o, "/dev/null"), SK_OK);
	fputs("x\n", o.f);
	cr_assert_eq(outfile_commit(&o), SK_OK);
	struct stat st;
	cr_assert_eq(stat("/dev/null", &st), 0);
	cr_assert(S_ISCHR(st.st_mode));
}

/* A symlinked target keeps its link: the file it points to is replaced. */
Test(output, a_symlink_stays_a_link)
{
	make_dir();
	char real[128], link[128];
	snprintf(real, sizeof real, "%s/real.csv", dir);
	snprintf(link, sizeof link, "%s/link.csv", dir);
	write_file(real, "old\n");
	cr_assert_eq(symlink(real, link), 0);
	outfile o;
	cr_assert_eq(outfile_open(&o, link), SK_OK);
	fputs("new\n", o.f);
	cr_assert_eq(outfile_commit(&o), SK_OK);
	struct stat st;
	cr_assert_eq(lstat(link, &st), 0);
	cr_assert(S_ISLNK(st.st_mode));
	cr_assert_str_eq(read_file(real), "new\n");
	unlink(link);
	unlink(real);
	rmdir(dir);
}

/* A replaced file keeps its mode (0600 stays 0600, whatever the umask). */
Test(output, a_replaced_file_keeps_its_mode)
{
	make_dir();
	char target[128];
	snprintf(target, sizeof target, "%s/private.csv", dir);
	write_file(target, "old\n");
	chmod(target, 0600);
	outfile o;
	cr_assert_eq(outfile_open(&o, target), SK_OK);
	cr_assert_eq(outfile_commit(&o), SK_OK);
	struct stat st;
	stat(target, &st);
	cr_assert_eq(st.st_mode & 0777, 0600);
	unlink(target);
	rmdir(dir);
}

static void touch(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	write_file(path, "left\n");
}

/* Removes dir and the files in it. */
static void remove_all(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d)))
		unlinkat(dirfd(d), e->d_name, 0);
	closedir(d);
	rmdir(dir);
}

static bool exists(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return access(path, F_OK) == 0;
}

/* Issue #19: every temporary name is ".samkalk-NAME.PID.XXXXXX" beside
 * the target. */
Test(output, temporary_names_have_one_pattern)
{
	make_dir();
	char target[128], prefix[128];
	snprintf(target, sizeof target, "%s/out.csv", dir);
	snprintf(prefix, sizeof prefix, "%s/.samkalk-out.csv.%ld.", dir, (long)getpid());
	outfile o;
	cr_assert_eq(outfile_reserve(&o, target), SK_OK);
	cr_assert_eq(strncmp(o.tmp, prefix, strlen(prefix)), 0, "%s", o.tmp);
	cr_assert_eq(strlen(o.tmp), strlen(prefix) + 6);
	snprintf(prefix, sizeof prefix, "%s/.samkalk-tmp.%ld.", dir, (long)getpid());
	const char *work = outfile_workdir(&o);
	cr_assert_eq(strncmp(work, prefix, strlen(prefix)), 0, "%s", work);
	struct stat st;
	cr_assert(stat(work, &st) == 0 && S_ISDIR(st.st_mode));
	char inside[256];
	snprintf(inside, sizeof inside, "%s/tmp.abc", work); /* a writer's file */
	write_file(inside, "x");
	write_file(outfile_path(&o), "new\n");
	cr_assert_eq(outfile_commit(&o), SK_OK);
	cr_assert_str_eq(read_file(target), "new\n");
	cr_assert_eq(count_files(), 1); /* the writer's directory went with it */
	unlink(target);
	rmdir(dir);
}

/* The writer's directory goes on abort too, with what is in it. */
Test(output, abort_removes_the_writers_directory)
{
	make_dir();
	char target[128], inside[256];
	snprintf(target, sizeof target, "%s/out.xlsx", dir);
	outfile o;
	cr_assert_eq(outfile_reserve(&o, target), SK_OK);
	snprintf(inside, sizeof inside, "%s/tmp.abc", outfile_workdir(&o));
	write_file(inside, "x");
	outfile_abort(&o);
	cr_assert_eq(count_files(), 0);
	rmdir(dir);
}

/* A killed run's temporary names (its PID gone) are removed by the next
 * run into the directory, a file or a directory with its files; a live
 * process's (PID 1 is always there) and names of other patterns stay.
 * 99999999 is above any Linux pid_max (at most 2^22), so no process has it. */
Test(output, the_next_run_removes_a_killed_runs_temporary_names)
{
	make_dir();
	touch(".samkalk-out.csv.99999999.abcDEF");
	touch(".samkalk-a.b.xlsx.99999999.x1y2z3");
	char sub[256];
	snprintf(sub, sizeof sub, "%s/.samkalk-tmp.99999999.Qw3rty", dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	snprintf(sub, sizeof sub, "%s/.samkalk-tmp.99999999.Qw3rty/tmp.1234567890", dir);
	write_file(sub, "x");
	touch(".samkalk-out.csv.1.abcdef");    /* live */
	touch(".samkalk-out.csv.99999999.ab"); /* not six letters */
	touch(".samkalk-.99999999.abcdef");    /* no NAME */
	touch(".out.csv.abcdef");              /* the old pattern: not ours to judge */
	touch("notes.txt");
	char target[128];
	snprintf(target, sizeof target, "%s/out.csv", dir);
	outfile o;
	cr_assert_eq(outfile_open(&o, target), SK_OK);
	cr_assert_eq(outfile_commit(&o), SK_OK);
	cr_assert(!exists(".samkalk-out.csv.99999999.abcDEF"));
	cr_assert(!exists(".samkalk-a.b.xlsx.99999999.x1y2z3"));
	cr_assert(!exists(".samkalk-tmp.99999999.Qw3rty"));
	cr_assert(exists(".samkalk-out.csv.1.abcdef"));
	cr_assert(exists(".samkalk-out.csv.99999999.ab"));
	cr_assert(exists(".samkalk-.99999999.abcdef"));
	cr_assert(exists(".out.csv.abcdef"));
	cr_assert(exists("notes.txt"));
	cr_assert_eq(count_files(), 6);
	remove_all();
}

/* A name with this process's own PID, there before its first output into
 * the directory, is a killed run's that had the same PID (in a container,
 * every run may get the same one): removed. Once this process writes
 * there, names with its PID are its own and stay. */
Test(output, our_own_pid_is_ours_only_after_we_wrote_there)
{
	make_dir();
	char before[96], after[96], target[128];
	snprintf(before, sizeof before, ".samkalk-x.csv.%ld.abcdef", (long)getpid());
	snprintf(after, sizeof after, ".samkalk-y.csv.%ld.abcdef", (long)getpid());
	touch(before);
	snprintf(target, sizeof target, "%s/out.csv", dir);
	outfile o;
	cr_assert_eq(outfile_open(&o, target), SK_OK);
	cr_assert(!exists(before));
	touch(after);
	outfile p;
	snprintf(target, sizeof target, "%s/out.json", dir);
	cr_assert_eq(outfile_open(&p, target), SK_OK);
	cr_assert(exists(after));
	outfile_abort(&p);
	outfile_abort(&o);
	remove_all();
}
