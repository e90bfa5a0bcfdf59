/* test_output.c -- an output appears whole or not at all: the old file
 * stays until commit, abort leaves it and no temporary file (SPEC §8). */
#include <criterion/criterion.h>
#include <dirent.h>
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
