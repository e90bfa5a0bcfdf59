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

#include "samkalk/base/output.h"
#include "samkalk/base/version.h"
#include "samkalk/cli/starter.h"
#include "samkalk/report/report.h"
#include "samkalk/report/report_xlsx.h"
#include "samkalk/vary/calc.h"
#include "samkalk/vary/compare.h"
#include "samkalk/vary/uncertainty.h"

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
        {"--draws", "N", "Monte Carlo draws, 0 to 1 000 000 (default: the file's [uncertainty])"},
        {"--seed", "S", "seed of the draws (default: the file's, else 1)"},
        {"--threads", "N", "threads for the draws (default: one per core)"},
        {"--draws-csv", "FILE", "write one row per draw (inputs, NPV per actor) to FILE"},
};
#define N_RUN_OPTIONS (sizeof run_options / sizeof *run_options)

static void usage(FILE *out)
{
	fprintf(out,
	        "samkalk %s -- socioeconomic investment calculation: who pays, who saves, and when it pays back.\n\n",
	        SAMKALK_VERSION);
	fputs("Usage:\n"
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
	fputs("\nOutput files are written beside their target and renamed into place when complete;\n"
	      "a failed run leaves an existing file as it was. See man samkalk and docs/.\n\n"
	      "Exit status: 0 done, 1 a failure of the machine (disk, memory), 2 bad input or usage.\n",
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
	const char *csv, *json, *xlsx, *draws_csv;
	lang l;
	bool quiet;
	long draws;   /* -1: the file's */
	int64_t seed; /* -1: the file's */
	int threads;  /* 0: one per core */
} run_args;

/* A whole number in [min, max] for an option, or -1 after a message. */
static long long option_number(const char *name, const char *val, long long min, long long max)
{
	char *end;
	errno = 0;
	long long v = strtoll(val, &end, 10);
	if (errno || end == val || *end || v < min || v > max) {
		fprintf(stderr,
		        "samkalk: %s: expected a whole number from %lld to %lld, got '%s'\n", name,
		        min, max, val);
		fprintf(stderr, "Try 'samkalk --help'.\n");
		return -1;
	}
	return v;
}

/* Parses the options of run (one scenario) or compare (two or more). */
static int parse_run(int argc, char **argv, bool many, run_args *a)
{
	const char *cmd = argv[1];
	memset(a, 0, sizeof *a);
	a->l = LANG_SV;
	a->draws = -1;
	a->seed = -1;
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
		else if (many && o->name[1] == '-' && strchr("dst", o->name[2]))
			return usage_error("%s is an option of run, not of compare", o->name);
		else if (strcmp(o->name, "--draws-csv") == 0)
			a->draws_csv = val;
		else if (strcmp(o->name, "--draws") == 0) {
			if ((a->draws = option_number(o->name, val, 0, UNC_MAX_DRAWS)) < 0)
				return 2;
		} else if (strcmp(o->name, "--seed") == 0) {
			if ((a->seed = option_number(o->name, val, 0, 9007199254740991LL)) < 0)
				return 2;
		} else if (strcmp(o->name, "--threads") == 0) {
			long long t = option_number(o->name, val, 1, UNC_MAX_THREADS);
			if (t < 0)
				return 2;
			a->threads = (int)t;
		} else if (strcmp(val, "sv") == 0)
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
	const char *others[3] = {a->csv, a->json, a->xlsx};
	for (int k = 0; k < 3 && a->draws_csv; k++)
		if (others[k] && strcmp(others[k], a->draws_csv) == 0)
			return usage_error(
			        "--draws-csv names the same file as another output: '%s'",
			        a->draws_csv);
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
	sk_status (*xlsx)(const void *job, lang l, const char *path, const char *tmpdir,
	                  time_t date, char *why, size_t why_len);
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
static sk_status run_xlsx(const void *job, lang l, const char *path, const char *tmpdir,
                          time_t date, char *why, size_t why_len)
{
	return report_xlsx(job, l, path, tmpdir, date, why, why_len);
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
static sk_status cmp_xlsx(const void *job, lang l, const char *path, const char *tmpdir,
                          time_t date, char *why, size_t why_len)
{
	return report_xlsx_compare(job, l, path, tmpdir, date, why, why_len);
}

/* Writes every output asked for completely, then renames them into place,
 * then prints the summary. Returns the exit status. */
static int write_outputs(const void *job, const writers *w, const run_args *a, outfile *draws)
{
	const char *targets[3] = {a->csv, a->json, a->xlsx};
	outfile outs[3] = {{0}, {0}, {0}};
	bool to_stdout = false;
	sk_status st = SK_OK;
	if (a->xlsx) {
		st = outfile_reserve(&outs[2], a->xlsx);
		char why[200] = "";
		if (st == SK_OK &&
		    (st = w->xlsx(job, a->l, outfile_path(&outs[2]), outfile_workdir(&outs[2]),
		                  run_date(), why, sizeof why)) != SK_OK)
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
	if (st == SK_OK && draws && draws->f)
		st = outfile_commit(draws);
	if (st != SK_OK) {
		for (int k = 0; k < 3; k++) {
			if (outs[k].why[0])
				fprintf(stderr, "samkalk: %s\n", outs[k].why);
			outfile_abort(&outs[k]);
		}
		if (draws && draws->why[0])
			fprintf(stderr, "samkalk: %s\n", draws->why);
		if (draws)
			outfile_abort(draws);
		return sk_exit_code(st);
	}
	if (!a->quiet && !to_stdout)
		st = w->text(job, a->l, stdout);
	return sk_exit_code(st); /* a summary that cannot be written: see flushed() */
}

/* Progress of the draws on a terminal: done, rate and time left. */
static void progress(long done, long all, double seconds, void *arg)
{
	(void)arg;
	double rate = seconds > 0 ? (double)done / seconds : 0;
	fprintf(stderr, "\r\033[K%ld / %ld draws, %.0f a second, %.0f s left", done, all, rate,
	        rate > 0 ? (double)(all - done) / rate : 0);
	if (done == all)
		fputc('\n', stderr);
}

/* The tornado and the draws of a scenario with [sensitivity X] or
 * [uncertainty X]; the draws CSV goes to a temporary file that
 * write_outputs() renames with the rest. Returns the exit status. */
static int run_uncertainty(calc *c, const run_args *a, outfile *draws)
{
	if (!c->spec || !c->spec->any_dist) {
		const char *opt = a->draws >= 0    ? "--draws"
		                  : a->seed >= 0   ? "--seed"
		                  : a->draws_csv   ? "--draws-csv"
		                  : a->threads > 0 ? "--threads"
		                                   : NULL;
		if (opt) {
			fprintf(stderr,
			        "samkalk: %s: expected a scenario with [uncertainty X] sections, got none in %s\n",
			        opt, a->files[0]);
			return 2;
		}
	}
	if (!c->spec)
		return 0;
	unc_options o = {.draws = a->draws, .seed = a->seed, .threads = a->threads};
	if (o.threads == 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		o.threads = cores < 1 ? 1 : cores > UNC_MAX_THREADS ? UNC_MAX_THREADS : (int)cores;
	}
	if (!a->quiet && isatty(STDERR_FILENO))
		o.progress = progress;
	sk_status st = SK_OK;
	long n_draws = a->draws >= 0 ? a->draws : c->spec->draws;
	if (a->draws_csv && n_draws > 0 && c->spec->any_dist) {
		if ((st = outfile_open(draws, a->draws_csv)) != SK_OK) {
			fprintf(stderr, "samkalk: %s\n", draws->why);
			return sk_exit_code(st);
		}
		o.draws_csv = draws->f;
	}
	diag d;
	diag_init(&d);
	unc_results *u = NULL;
	st = uncertainty_run(c, &o, &u, &d);
	if (st == SK_EIO)
		snprintf(draws->why, sizeof draws->why, "cannot write %s: %s", a->draws_csv,
		         strerror(errno));
	if (st != SK_OK) {
		if (st == SK_EIO)
			fprintf(stderr, "samkalk: %s\n", draws->why);
		outfile_abort(draws);
		return input_error(&d, st == SK_EIO ? SK_EIO : st);
	}
	diag_free(&d);
	c->u = u;
	uncertainty_mark_outcome(u, c->fu);
	return 0;
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
	outfile draws = {0};
	rc = run_uncertainty(c, &a, &draws);
	if (rc == 0) {
		static const writers w = {run_text, run_csv, run_json, run_xlsx};
		rc = write_outputs(c, &w, &a, &draws);
	}
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
	rc = write_outputs(cmp, &w, &a, NULL);
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
