/* main.c -- the command line (SPEC §7): parses arguments, calls the
 * modules in order, prints messages, and is the only place that exits.
 * Exit status: 0 done, 1 a failure of the machine, 2 bad input or usage. */
#include <errno.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "samkalk/calc.h"
#include "samkalk/compare.h"
#include "samkalk/output.h"
#include "samkalk/report.h"
#include "samkalk/report_xlsx.h"
#include "samkalk/starter.h"
#include "samkalk/version.h"

/* Every option of run and its help line; --help is printed from this
 * table. */
typedef struct option_spec {
	const char *name;
	const char *arg; /* NULL for a flag */
	const char *help;
} option_spec;

static const option_spec run_options[] = {
        {"-o", "FILE.xlsx", "write the committee workbook to FILE.xlsx"},
        {"--csv", "FILE", "write the yearly flows as CSV to FILE ('-' for standard output)"},
        {"--json", "FILE", "write the decision figures as JSON to FILE ('-' for standard output)"},
        {"--lang", "sv|en", "language of the summary: Swedish (default) or English"},
        {"--quiet", NULL, "do not print the summary (nor is it when --csv or --json is '-')"},
};
#define N_RUN_OPTIONS (sizeof run_options / sizeof *run_options)

static void usage(FILE *out)
{
	fputs("samkalk " SAMKALK_VERSION " -- socioeconomic investment calculation: who pays, who "
	      "saves, and when it pays back.\n\n"
	      "Usage:\n"
	      "  samkalk run SCENARIO.ini [options]   compute and print the summary\n"
	      "      example: samkalk run scenarios/unga-vuxna.ini -o beslut.xlsx\n"
	      "  samkalk check SCENARIO.ini...        check files only; print every mistake\n"
	      "      example: samkalk check scenarios/*.ini\n"
	      "  samkalk compare A.ini B.ini... [options]\n"
	      "                                       scenarios side by side, ranked\n"
	      "      example: samkalk compare scenarios/*.ini -o jamforelse.xlsx\n"
	      "  samkalk new NAME.ini                 a commented starter scenario\n"
	      "      example: samkalk new mitt.ini\n"
	      "  samkalk --help                       this text\n"
	      "  samkalk --version                    the program's version\n\n"
	      "Options of run and compare:\n",
	      out);
	for (size_t i = 0; i < N_RUN_OPTIONS; i++) {
		char head[32];
		snprintf(head, sizeof head, "%s%s%s", run_options[i].name,
		         run_options[i].arg ? " " : "",
		         run_options[i].arg ? run_options[i].arg : "");
		fprintf(out, "  %-20s %s\n", head, run_options[i].help);
	}
	fputs("\nOutput files are written beside their target and renamed into place when "
	      "complete;\na failed run leaves an existing file as it was. See man samkalk and "
	      "docs/.\n\n"
	      "Exit status: 0 done, 1 a failure of the machine (disk, memory), 2 bad input or "
	      "usage.\n",
	      out);
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "samkalk: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'samkalk --help'.\n");
	return 2;
}

static int input_error(diag *d, sk_status st)
{
	if (st == SK_EINPUT)
		diag_print(d, stderr);
	else
		fprintf(stderr, "samkalk: %s\n", sk_strerror(st));
	diag_free(d);
	return sk_exit_code(st);
}

typedef struct run_args {
	char **files; /* the scenario files, in argv */
	size_t n_files;
	const char *csv, *json, *xlsx;
	lang l;
	bool quiet;
} run_args;

/* Parses the options of run (one scenario) or compare (two or more). */
static int parse_run(int argc, char **argv, bool many, run_args *a)
{
	const char *cmd = argv[1];
	memset(a, 0, sizeof *a);
	a->l = LANG_SV;
	a->files = argv + 2; /* the file names are moved to the front of this */
	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		const option_spec *o = NULL;
		for (size_t k = 0; k < N_RUN_OPTIONS; k++)
			if (strcmp(arg, run_options[k].name) == 0)
				o = &run_options[k];
		if (!o) {
			if (arg[0] == '-' && arg[1] != '\0') {
				fprintf(stderr, "samkalk: unknown option '%s' for %s\n", arg, cmd);
				fprintf(stderr, "Try 'samkalk --help'.\n");
				return 2;
			}
			if (a->n_files && !many)
				return usage_error("expected one scenario file, got a second: '%s'",
				                   arg);
			a->files[a->n_files++] = argv[i];
			continue;
		}
		const char *val = NULL;
		if (o->arg) {
			if (i + 1 >= argc)
				return usage_error("option %s needs a value", o->name);
			val = argv[++i];
		}
		if (strcmp(o->name, "-o") == 0)
			a->xlsx = val;
		else if (strcmp(o->name, "--csv") == 0)
			a->csv = val;
		else if (strcmp(o->name, "--json") == 0)
			a->json = val;
		else if (strcmp(o->name, "--quiet") == 0)
			a->quiet = true;
		else if (strcmp(val, "sv") == 0)
			a->l = LANG_SV;
		else if (strcmp(val, "en") == 0)
			a->l = LANG_EN;
		else
			return usage_error("--lang: expected sv or en, got '%s'", val);
	}
	if (!many && a->n_files == 0)
		return usage_error("%s", "run: expected a scenario file");
	if (many && a->n_files < 2)
		return usage_error("%s", "compare: expected two or more scenario files");
	size_t n = a->xlsx ? strlen(a->xlsx) : 0;
	if (a->xlsx && (n < 5 || strcmp(a->xlsx + n - 5, ".xlsx") != 0))
		return usage_error("-o: expected a file name ending in .xlsx, got '%s'", a->xlsx);
	if (a->csv && a->json && strcmp(a->csv, a->json) == 0)
		return usage_error("--csv and --json name the same file: '%s'", a->csv);
	if (a->xlsx && ((a->csv && strcmp(a->csv, a->xlsx) == 0) ||
	                (a->json && strcmp(a->json, a->xlsx) == 0)))
		return usage_error("-o names the same file as another output: '%s'", a->xlsx);
	return 0;
}

/* The run date of the workbook: SOURCE_DATE_EPOCH when set (reproducible
 * output, https://reproducible-builds.org/specs/source-date-epoch/), else
 * now. */
static time_t run_date(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	if (e && *e) {
		long long v = strtoll(e, &end, 10);
		if (*end == '\0' && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

/* What run and compare write: one result (a calc or a comparison) as
 * summary, CSV, JSON and workbook. */
typedef struct writers {
	sk_status (*text)(const void *job, lang l, FILE *out);
	sk_status (*csv)(const void *job, FILE *out);
	sk_status (*json)(const void *job, FILE *out);
	sk_status (*xlsx)(const void *job, lang l, const char *path, time_t date, char *why,
	                  size_t why_len);
} writers;

static sk_status run_text(const void *job, lang l, FILE *out)
{
	return report_text(job, l, out);
}
static sk_status run_csv(const void *job, FILE *out)
{
	return report_csv(job, out);
}
static sk_status run_json(const void *job, FILE *out)
{
	return report_json(job, out);
}
static sk_status run_xlsx(const void *job, lang l, const char *path, time_t date, char *why,
                          size_t why_len)
{
	return report_xlsx(job, l, path, date, why, why_len);
}
static sk_status cmp_text(const void *job, lang l, FILE *out)
{
	return compare_text(job, l, out);
}
static sk_status cmp_csv(const void *job, FILE *out)
{
	return compare_csv(job, out);
}
static sk_status cmp_json(const void *job, FILE *out)
{
	return compare_json(job, out);
}
static sk_status cmp_xlsx(const void *job, lang l, const char *path, time_t date, char *why,
                          size_t why_len)
{
	return report_xlsx_compare(job, l, path, date, why, why_len);
}

/* Writes every output asked for completely, then renames them into place,
 * then prints the summary. Returns the exit status. */
static int write_outputs(const void *job, const writers *w, const run_args *a)
{
	const char *targets[3] = {a->csv, a->json, a->xlsx};
	outfile outs[3] = {{0}, {0}, {0}};
	bool to_stdout = false;
	sk_status st = SK_OK;
	if (a->xlsx) {
		st = outfile_reserve(&outs[2], a->xlsx);
		char why[200] = "";
		if (st == SK_OK &&
		    (st = w->xlsx(job, a->l, outs[2].tmp, run_date(), why, sizeof why)) != SK_OK)
			snprintf(outs[2].why, sizeof outs[2].why, "cannot write %s: %s", a->xlsx,
			         why);
	}
	for (int k = 0; k < 2 && st == SK_OK; k++) {
		if (!targets[k])
			continue;
		st = outfile_open(&outs[k], targets[k]);
		if (st == SK_OK && (st = (k ? w->json : w->csv)(job, outs[k].f)) != SK_OK)
			snprintf(outs[k].why, sizeof outs[k].why, "cannot write %s: %s", targets[k],
			         strerror(errno));
		to_stdout |= strcmp(targets[k], "-") == 0;
	}
	for (int k = 0; k < 3 && st == SK_OK; k++)
		if (targets[k] && (st = outfile_commit(&outs[k])) != SK_OK)
			break;
	if (st != SK_OK) {
		for (int k = 0; k < 3; k++) {
			if (outs[k].why[0])
				fprintf(stderr, "samkalk: %s\n", outs[k].why);
			outfile_abort(&outs[k]);
		}
		return sk_exit_code(st);
	}
	if (!a->quiet && !to_stdout)
		st = w->text(job, a->l, stdout);
	return sk_exit_code(st); /* a summary that cannot be written: see flushed() */
}

static int cmd_run(int argc, char **argv)
{
	run_args a;
	int rc = parse_run(argc, argv, false, &a);
	if (rc)
		return rc;
	diag d;
	diag_init(&d);
	calc *c = NULL;
	sk_status st = calc_run(a.files[0], &c, &d);
	if (st != SK_OK)
		return input_error(&d, st);
	diag_free(&d);
	static const writers w = {run_text, run_csv, run_json, run_xlsx};
	rc = write_outputs(c, &w, &a);
	calc_free(c);
	return rc;
}

static int cmd_compare(int argc, char **argv)
{
	run_args a;
	int rc = parse_run(argc, argv, true, &a);
	if (rc)
		return rc;
	diag d;
	diag_init(&d);
	comparison *cmp = NULL;
	sk_status st = compare_run(a.files, a.n_files, &cmp, &d);
	if (st != SK_OK)
		return input_error(&d, st);
	diag_free(&d);
	static const writers w = {cmp_text, cmp_csv, cmp_json, cmp_xlsx};
	rc = write_outputs(cmp, &w, &a);
	compare_free(cmp);
	return rc;
}

/* samkalk new NAME.ini: a starter scenario, never over an existing file. */
static int cmd_new(int argc, char **argv)
{
	if (argc != 3 || argv[2][0] == '-')
		return usage_error("%s", "new: expected one file name, e.g. samkalk new mitt.ini");
	const char *path = argv[2];
	if (access(path, F_OK) == 0) {
		fprintf(stderr, "samkalk: %s already exists: expected a new file name\n", path);
		return 2;
	}
	char dir[4096], profile[4096], why[512];
	const char *slash = strrchr(path, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + 1 : 1, slash ? path : ".");
	if (starter_profile_path(dir, profile, sizeof profile, why, sizeof why) != SK_OK) {
		fprintf(stderr, "samkalk: %s\n", why);
		return 1;
	}
	outfile o;
	sk_status st = outfile_open(&o, path);
	if (st == SK_OK && (st = starter_write(o.f, profile)) == SK_OK)
		st = outfile_commit(&o);
	if (st != SK_OK) {
		fprintf(stderr, "samkalk: %s\n", o.why[0] ? o.why : sk_strerror(st));
		outfile_abort(&o);
		return sk_exit_code(st);
	}
	printf("%s: a starter scenario; try: samkalk run %s\n", path, path);
	return 0;
}

static int cmd_check(int argc, char **argv)
{
	if (argc < 3)
		return usage_error("%s", "check: expected one or more scenario files");
	int worst = 0;
	for (int i = 2; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return usage_error("unknown option '%s' for check", argv[i]);
	}
	for (int i = 2; i < argc; i++) {
		diag d;
		diag_init(&d);
		sk_status st = calc_check(argv[i], &d);
		int rc = st == SK_OK ? 0 : input_error(&d, st);
		if (st == SK_OK) {
			printf("%s: ok\n", argv[i]);
			diag_free(&d);
		}
		if (rc == 1 || (rc == 2 && worst == 0))
			worst = rc;
	}
	return worst;
}

/* Standard output that could not be written (a full disk, a closed pipe) is
 * a failure of the machine, with its reason, whatever the command did. */
static int flushed(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "samkalk: cannot write to standard output: %s\n", strerror(errno));
		return rc == 2 ? 2 : 1;
	}
	return rc;
}

int main(int argc, char **argv)
{
	gsl_set_error_handler_off();
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		usage(stdout);
		return flushed(0);
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("samkalk %s\n", SAMKALK_VERSION);
		return flushed(0);
	}
	if (strcmp(cmd, "run") == 0)
		return flushed(cmd_run(argc, argv));
	if (strcmp(cmd, "check") == 0)
		return flushed(cmd_check(argc, argv));
	if (strcmp(cmd, "compare") == 0)
		return flushed(cmd_compare(argc, argv));
	if (strcmp(cmd, "new") == 0)
		return flushed(cmd_new(argc, argv));
	return usage_error("unknown command '%s' (expected run, check, compare or new)", cmd);
}
