/* test_followup_read.c -- the follow-up reader (issue #15, read/followup.h):
 * hand-made files in each shape with their counts worked out by hand in
 * the comments, the same content in two encodings, and every kind of bad
 * input with its whole message. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samkalk/base/datafile.h"
#include "samkalk/base/limits.h"
#include "samkalk/read/followup.h"

/* States AM1 AM2 AM3 arbete (0..3); SUS-like categories many to one. */
static const char *const categories[] = {"AM1",
                                         "AM2",
                                         "AM3",
                                         "arbete",
                                         "Öppet arbetslös",
                                         "Sökande i program",
                                         "Studier på komvux",
                                         "Arbete med stöd",
                                         "Arbete utan stöd"};
static const size_t category_state[] = {0, 1, 2, 3, 0, 1, 2, 3, 3};
enum { AM1, AM2, AM3, ARBETE };

/* start 2026, two intakes (2026, 2027), T = 10, D = 1 */
static const followup_context ctx = {categories, category_state, 9,  4,         2026, 2, 10,
                                     1,          "scen.ini",     12, "followup"};

static char *printed(diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag_print(d, f);
	fclose(f);
	return buf;
}

static followup_data *good(const char *text)
{
	diag d;
	diag_init(&d);
	followup_data *f = NULL;
	sk_status st = followup_parse("f.csv", text, strlen(text), &ctx, &f, &d);
	/* printed only when there are messages: diag_print() of none hands
	 * qsort a NULL, which UBSan refuses */
	char *msgs = diag_count(&d) ? printed(&d) : NULL;
	cr_assert_eq(st, SK_OK, "status %d: %s", st, msgs ? msgs : "");
	cr_assert_not_null(f);
	free(msgs);
	diag_free(&d);
	return f;
}

/* Parses len bytes that must fail with exactly the messages want. */
static void bad_n(const char *text, size_t len, const char *want)
{
	diag d;
	diag_init(&d);
	followup_data *f = (followup_data *)1;
	sk_status st = followup_parse("f.csv", text, len, &ctx, &f, &d);
	char *msgs = printed(&d);
	cr_assert_eq(st, SK_EINPUT, "status %d: %s", st, msgs);
	cr_assert_null(f);
	cr_assert_str_eq(msgs, want);
	free(msgs);
	diag_free(&d);
}
#define BAD(text, want) bad_n(text, sizeof(text) - 1, want)

static double sum(const double *v, size_t n)
{
	double s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	return s;
}
#define N_MOVES (N_TR * N_FU_SEX * 4 * 4)
#define N_OCC   (2 * 11 * N_FU_SEX * 4)

/* Four persons of the intervention group and one of the comparison group:
 *   a 2026 women: t0 AM1, t1 AM2, t2 "Arbete med stöd" (arbete), t3 arbete
 *   b 2026 men:   t0 "Öppet arbetslös" (AM1), t1 AM1, (no t2), t3 AM3
 *   c 2027 women: t0 AM2, t1 AM3
 *   d 2026 men, comparison: t0 AM1, t1 AM1, t2 arbete
 *   e 2027 women ("W", group in English): t0 AM1
 * Moves (D = 1: into t = 1 intervention, later after):
 *   intervention women AM1->AM2 (a), AM2->AM3 (c); men AM1->AM1 (b)
 *   after women AM2->arbete, arbete->arbete (a); b's t1->t3 crosses a gap
 *   baseline men AM1->AM1, AM1->arbete (d)
 * 7 moves in all. Last t: 2026 3 (a, b), 2027 1 (c); the comparison's 2.
 * Lost (the rule: the last t seen below the intake's last t): e
 * (t0 only, 2027 reached t1): 1; b's gap at t2 loses only its moves, for
 * b is seen at t3; d is whole. */
static const char panel[] = "id;intag;t;tillstånd;kön;grupp\n"
                            "a;2026;0;AM1;kvinna;insats\n"
                            "a;2026;1;AM2;kvinna;insats\n"
                            "a;2026;2;Arbete med stöd;kvinna;insats\n"
                            "a;2026;3;arbete;kvinna;insats\n"
                            "b;2026;0;Öppet arbetslös;man;insats\n"
                            "b;2026;1;AM1;man;insats\n"
                            "b;2026;3;AM3;man;insats\n"
                            "c;2027;0;AM2;K;insats\n"
                            "c;2027;1;AM3;K;insats\n"
                            "d;2026;0;AM1;M;jämförelse\n"
                            "d;2026;1;AM1;M;jämförelse\n"
                            "d;2026;2;arbete;M;jämförelse\n"
                            "e;2027;0;AM1;W;intervention\n";

Test(followup_read, panel_moves_by_set_with_a_gap)
{
	followup_data *f = good(panel);
	cr_assert_eq(f->shape, FU_PANEL);
	cr_assert_eq(f->rows, 13);
	cr_assert(f->has_sex && f->has_intake && f->has_group);
	cr_assert_eq(*followup_moves(f, TR_INTERVENTION, FU_WOMEN, AM1, AM2), 1);
	cr_assert_eq(*followup_moves(f, TR_INTERVENTION, FU_WOMEN, AM2, AM3), 1);
	cr_assert_eq(*followup_moves(f, TR_INTERVENTION, FU_MEN, AM1, AM1), 1);
	cr_assert_eq(*followup_moves(f, TR_AFTER, FU_WOMEN, AM2, ARBETE), 1);
	cr_assert_eq(*followup_moves(f, TR_AFTER, FU_WOMEN, ARBETE, ARBETE), 1);
	cr_assert_eq(*followup_moves(f, TR_BASELINE, FU_MEN, AM1, AM1), 1);
	cr_assert_eq(*followup_moves(f, TR_BASELINE, FU_MEN, AM1, ARBETE), 1);
	cr_assert_eq(sum(f->moves, N_MOVES), 7); /* nothing else: not b's AM1->AM3 */
	cr_assert_eq(f->n_moves, 7);
	cr_assert_eq(f->persons, 4);
	cr_assert_eq(f->persons_comparison, 1);
	cr_assert_eq(f->lost, 1);
	cr_assert_eq(f->lost_comparison, 0);
	cr_assert_eq(f->last_t[0], 3);
	cr_assert_eq(f->last_t[1], 1);
	followup_free(f);
}

/* The same rows in another order (persons and years mixed, as a sort by
 * year gives) count the same: the header, then the panel's lines from the
 * last to the first. */
Test(followup_read, panel_rows_in_any_order)
{
	char reversed[sizeof panel];
	const char *body = strchr(panel, '\n') + 1;
	size_t head = (size_t)(body - panel), used = head;
	memcpy(reversed, panel, head);
	for (const char *end = panel + sizeof panel - 1; end > body;) {
		const char *start = end - 1;
		while (start > body && start[-1] != '\n')
			start--;
		memcpy(reversed + used, start, (size_t)(end - start));
		used += (size_t)(end - start);
		end = start;
	}
	reversed[used] = '\0';
	cr_assert_str_neq(reversed, panel);
	followup_data *p = good(panel), *q = good(reversed);
	cr_assert_eq(memcmp(p->moves, q->moves, N_MOVES * sizeof *p->moves), 0);
	cr_assert_eq(memcmp(p->occupancy, q->occupancy, N_OCC * sizeof *p->occupancy), 0);
	cr_assert_eq(q->lost, 1);
	cr_assert_eq(q->n_moves, 7);
	followup_free(p);
	followup_free(q);
}

/* The intervention group's 10 rows, one person each in occupancy:
 * 2026 t0 a women AM1, b men AM1; t1 a women AM2, b men AM1; t2 a women
 * arbete; t3 a women arbete, b men AM3. 2027 t0 c women AM2, e women AM1;
 * t1 c women AM3. */
Test(followup_read, panel_occupancy_of_the_intervention_group)
{
	followup_data *f = good(panel);
	cr_assert_eq(*followup_occupancy(f, 0, 0, FU_WOMEN, AM1), 1);
	cr_assert_eq(*followup_occupancy(f, 0, 0, FU_MEN, AM1), 1);
	cr_assert_eq(*followup_occupancy(f, 0, 1, FU_WOMEN, AM2), 1);
	cr_assert_eq(*followup_occupancy(f, 0, 1, FU_MEN, AM1), 1);
	cr_assert_eq(*followup_occupancy(f, 0, 2, FU_WOMEN, ARBETE), 1);
	cr_assert_eq(*followup_occupancy(f, 0, 3, FU_WOMEN, ARBETE), 1);
	cr_assert_eq(*followup_occupancy(f, 0, 3, FU_MEN, AM3), 1);
	cr_assert_eq(*followup_occupancy(f, 1, 0, FU_WOMEN, AM2), 1);
	cr_assert_eq(*followup_occupancy(f, 1, 0, FU_WOMEN, AM1), 1);
	cr_assert_eq(*followup_occupancy(f, 1, 1, FU_WOMEN, AM3), 1);
	cr_assert_eq(sum(f->occupancy, N_OCC), 10); /* d, the comparison, not counted */
	followup_free(f);
}

/* The panel's seven moves written as counted moves, one split in two rows
 * (they add) and the phases in both languages. */
Test(followup_read, moves_as_the_panel_gives_them)
{
	followup_data *p = good(panel);
	followup_data *m = good("från;till;antal;kön;fas\n"
	                        "AM1;AM2;1;kvinna;insats\n"
	                        "AM2;AM3;1;kvinna;intervention\n"
	                        "AM1;AM1;1;man;insats\n"
	                        "AM2;arbete;1;kvinna;efter\n"
	                        "Arbete med stöd;Arbete utan stöd;0;kvinna;after\n"
	                        "arbete;arbete;1;kvinna;efter\n"
	                        "AM1;AM1;1;man;jämförelse\n"
	                        "Öppet arbetslös;arbete;1;man;comparison\n");
	cr_assert_eq(m->shape, FU_MOVES);
	cr_assert_eq(memcmp(p->moves, m->moves, N_MOVES * sizeof *m->moves), 0);
	cr_assert_eq(m->n_moves, 7);
	cr_assert_eq(sum(m->occupancy, N_OCC), 0);
	followup_free(p);
	followup_free(m);
}

/* Without kön the counts are of unknown sex; two categories of one state add:
 * AM1->AM2 2 + "Öppet arbetslös"->"Sökande i program" 3 = 5. */
Test(followup_read, moves_add_up_without_sex)
{
	followup_data *f = good("from,to,count\nAM1,AM2,2\nÖppet arbetslös,Sökande i program,3\n");
	cr_assert_eq(*followup_moves(f, TR_INTERVENTION, FU_UNKNOWN, AM1, AM2), 5);
	cr_assert_eq(sum(f->moves, N_MOVES), 5);
	cr_assert_not(f->has_sex);
	followup_free(f);
}

/* A suppressed count is 2.5 and recorded with where it was:
 * AM1->AM2 2 + <5 = 4.5. */
Test(followup_read, suppressed_move)
{
	followup_data *f = good("från;till;antal\nAM1;AM2;2\nAM1;AM2;<5\n");
	cr_assert_eq(*followup_moves(f, TR_INTERVENTION, FU_UNKNOWN, AM1, AM2), 4.5);
	cr_assert_eq(f->n_moves, 4.5);
	cr_assert_eq(f->n_suppressed, 1);
	followup_suppressed s = f->suppressed[0];
	cr_assert_eq(s.line, 3);
	cr_assert_eq(s.set, TR_INTERVENTION);
	cr_assert_eq(s.sex, FU_UNKNOWN);
	cr_assert_eq(s.intake, -1);
	cr_assert_eq(s.t, -1);
	cr_assert_eq(s.from, AM1);
	cr_assert_eq(s.to, AM2);
	followup_free(f);
}

/* Counted states: 2026 t0 women AM1 10 + 5 ("Öppet arbetslös") = 15;
 * 2026 t1 men AM2 <5 = 2.5; 2027 t3 men arbete 7. Last t 1 and 3. */
Test(followup_read, states_fill_occupancy)
{
	followup_data *f = good("t;tillstånd;antal;intag;kön\n"
	                        "0;AM1;10;2026;kvinna\n"
	                        "0;Öppet arbetslös;5;2026;kvinnor\n"
	                        "1;AM2;<5;2026;män\n"
	                        "3;arbete;7;2027;men\n");
	cr_assert_eq(f->shape, FU_STATES);
	cr_assert_eq(*followup_occupancy(f, 0, 0, FU_WOMEN, AM1), 15);
	cr_assert_eq(*followup_occupancy(f, 0, 1, FU_MEN, AM2), 2.5);
	cr_assert_eq(*followup_occupancy(f, 1, 3, FU_MEN, ARBETE), 7);
	cr_assert_eq(sum(f->occupancy, N_OCC), 24.5);
	cr_assert_eq(sum(f->moves, N_MOVES), 0);
	cr_assert_eq(f->last_t[0], 1);
	cr_assert_eq(f->last_t[1], 3);
	cr_assert_eq(f->n_suppressed, 1);
	followup_suppressed s = f->suppressed[0];
	cr_assert_eq(s.line, 4);
	cr_assert_eq(s.set, -1);
	cr_assert_eq(s.sex, FU_MEN);
	cr_assert_eq(s.intake, 0);
	cr_assert_eq(s.t, 1);
	cr_assert_eq(s.from, SIZE_MAX);
	cr_assert_eq(s.to, AM2);
	followup_free(f);
}

/* p1 women t0 "Öppet arbetslös" (AM1), t1 "Studier på komvux" (AM3);
 * p2 men t0 "Sökande i program" (AM2), t1 "Arbete med stöd" (arbete):
 * moves women AM1->AM3 and men AM2->arbete, one person in each of four
 * cells of occupancy. Once as UTF-8 with a byte-order mark, ',' and a
 * quoted field; once as Windows-1252 with ';' and CRLF. */
static const char utf8_comma[] = "\xef\xbb\xbfid,t,tillstånd,kön\n"
                                 "p1,0,Öppet arbetslös,kvinna\n"
                                 "p1,1,Studier på komvux,kvinna\n"
                                 "p2,0,\"Sökande i program\",män\n"
                                 "p2,1,Arbete med stöd,män\n";
static const char cp1252_semicolon[] = "id;t;tillst\xe5nd;k\xf6n\r\n"
                                       "p1;0;\xd6ppet arbetsl\xf6s;kvinna\r\n"
                                       "p1;1;Studier p\xe5 komvux;kvinna\r\n"
                                       "p2;0;S\xf6kande i program;m\xe4n\r\n"
                                       "p2;1;Arbete med st\xf6"
                                       "d;m\xe4n\r\n";

Test(followup_read, utf8_and_windows_1252_read_alike)
{
	followup_data *u = good(utf8_comma), *w = good(cp1252_semicolon);
	cr_assert_not(u->converted);
	cr_assert(w->converted);
	cr_assert_eq(u->separator, ',');
	cr_assert_eq(w->separator, ';');
	cr_assert_eq(memcmp(u->moves, w->moves, N_MOVES * sizeof *u->moves), 0);
	cr_assert_eq(memcmp(u->occupancy, w->occupancy, N_OCC * sizeof *u->occupancy), 0);
	cr_assert_eq(*followup_moves(w, TR_INTERVENTION, FU_WOMEN, AM1, AM3), 1);
	cr_assert_eq(*followup_moves(w, TR_INTERVENTION, FU_MEN, AM2, ARBETE), 1);
	cr_assert_eq(sum(w->moves, N_MOVES), 2);
	cr_assert_eq(*followup_occupancy(w, 0, 0, FU_WOMEN, AM1), 1);
	cr_assert_eq(*followup_occupancy(w, 0, 1, FU_WOMEN, AM3), 1);
	cr_assert_eq(*followup_occupancy(w, 0, 0, FU_MEN, AM2), 1);
	cr_assert_eq(*followup_occupancy(w, 0, 1, FU_MEN, ARBETE), 1);
	cr_assert_eq(sum(w->occupancy, N_OCC), 4);
	followup_free(u);
	followup_free(w);
}

/* Headers in capitals, in English, in any order; Excel's empty columns and
 * rows around the data; spaces around fields; blank lines at the end. */
Test(followup_read, headers_any_case_language_and_order)
{
	followup_data *f = good("STATE ; T ; ID ; ARM;;\n"
	                        " AM1 ;0; x ;Comparison;;\n"
	                        "\"  AM2 \";1;x;COMPARISON;;\n"
	                        ";;;;;\n\n\r\n\n");
	cr_assert_eq(f->rows, 2);
	cr_assert_eq(*followup_moves(f, TR_BASELINE, FU_UNKNOWN, AM1, AM2), 1);
	cr_assert_eq(f->persons, 0);
	cr_assert_eq(f->persons_comparison, 1);
	cr_assert_eq(f->last_t[0], -1); /* no intervention group */
	followup_free(f);
	f = good("TILLSTÅND;KÖN;T;ID\nAM1;KVINNA;0;x\n");
	cr_assert_eq(*followup_occupancy(f, 0, 0, FU_WOMEN, AM1), 1);
	followup_free(f);
}

/* The digest is of the bytes as written: printf 'from,to,count\nAM1,AM2,1\n' | sha256sum */
Test(followup_read, read_from_a_file_with_its_digest)
{
	char path[] = "/tmp/followup_XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	const char text[] = "from,to,count\nAM1,AM2,1\n";
	cr_assert_eq(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	diag d;
	diag_init(&d);
	followup_data *f = NULL;
	cr_assert_eq(followup_read(path, &ctx, &f, &d), SK_OK);
	cr_assert_str_eq(f->path, path);
	cr_assert_str_eq(f->sha256,
	                 "accc49cd96432ae70239b274690323594fd8e6da4cefd499ad467f84d9c5379c");
	followup_free(f);
	diag_free(&d);
	unlink(path);
}

static void read_bad(const char *path, const char *want)
{
	diag d;
	diag_init(&d);
	followup_data *f = (followup_data *)1;
	cr_assert_eq(followup_read(path, &ctx, &f, &d), SK_EINPUT);
	cr_assert_null(f);
	char *msgs = printed(&d);
	cr_assert_str_eq(msgs, want);
	free(msgs);
	diag_free(&d);
}

Test(followup_read, unreadable_files_at_the_scenario_line)
{
	read_bad(
	        "/nonexistent/f.csv",
	        "scen.ini:12: followup: cannot read /nonexistent/f.csv: No such file or directory\n");
	read_bad("tests/unit",
	         "scen.ini:12: followup: cannot read tests/unit: not a regular file\n");
	/* no scenario line to name: the file's own */
	followup_context alone = ctx;
	alone.ref_file = NULL;
	diag d;
	diag_init(&d);
	followup_data *f = (followup_data *)1;
	cr_assert_eq(followup_read("/nonexistent/f.csv", &alone, &f, &d), SK_EINPUT);
	cr_assert_null(f);
	char *msgs = printed(&d);
	cr_assert_str_eq(msgs,
	                 "/nonexistent/f.csv: cannot read the file: No such file or directory\n");
	free(msgs);
	diag_free(&d);
	/* a sparse file one byte past the limit: refused before it is read */
	char path[] = "/tmp/followup_XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(ftruncate(fd, SK_MAX_DATA_BYTES + 1), 0);
	close(fd);
	char want[200];
	snprintf(want, sizeof want,
	         "%s: expected a file of at most 1073741824 bytes, got 1073741825 bytes\n", path);
	read_bad(path, want);
	unlink(path);
}

Test(followup_read, empty_or_header_only)
{
	BAD("", "f.csv: expected a header row and rows of data, got an empty file\n");
	BAD("\xef\xbb\xbf \r\n\n",
	    "f.csv: expected a header row and rows of data, got an empty file\n");
	BAD("id;t;tillstånd\n\n", "f.csv: expected rows of data below the header, got none\n");
	BAD("id;t;tillstånd\n;;\n", "f.csv: expected rows of data below the header, got none\n");
}

Test(followup_read, bad_headers)
{
	BAD("id t tillstånd\nx 1 AM1\n",
	    "f.csv:1: expected column names separated by ';' or ',' (a panel id;t;tillstånd, moves från;till;antal or states t;tillstånd;antal), got one column 'id t tillstånd'\n");
	BAD("id;tillstånd\np;AM1\n",
	    "f.csv:1: expected the columns of a panel id;t;tillstånd, moves från;till;antal or states t;tillstånd;antal, got id;tillstånd\n");
	BAD("id;t;tilstånd\np;0;AM1\n",
	    "f.csv:1:3: unknown column 'tilstånd', did you mean 'tillstånd'? (expected one of id, intag/intake, t, tillstånd/state, kön/sex, från/from, till/to, antal/count, fas/phase, grupp/arm)\n");
	BAD("id;t;tillstånd;vikt\np;0;AM1;1\n",
	    "f.csv:1:4: unknown column 'vikt', expected one of id, intag/intake, t, tillstånd/state, kön/sex, från/from, till/to, antal/count, fas/phase, grupp/arm\n");
	BAD("id;t;tillstånd;State\np;0;AM1;AM1\n",
	    "f.csv:1:4: expected each column once, got 'State' again (column 3 is 'tillstånd')\n");
	BAD("id;;t;tillstånd\np;;0;AM1\n", "f.csv:1:2: expected a column name, got nothing\n");
	BAD("id;t;tillstånd;antal\np;0;AM1;1\n",
	    "f.csv:1:4: expected only the columns of a panel (id;t;tillstånd[;intag][;kön][;grupp]), got 'antal'\n");
	BAD("från;till;antal;intag\nAM1;AM2;1;2026\n",
	    "f.csv:1:4: expected only the columns of moves (från;till;antal[;kön][;fas]), got 'intag'\n");
}

Test(followup_read, bad_categories)
{
	BAD("id;t;tillstånd\np;0;Studier pa komvux\n",
	    "f.csv:2:3: unknown category 'Studier pa komvux', did you mean 'Studier på komvux'? (expected one of 'AM1', 'AM2', 'AM3', 'arbete', 'Öppet arbetslös', 'Sökande i program', 'Studier på komvux', 'Arbete med stöd', 'Arbete utan stöd')\n");
	BAD("från;till;antal\nAM1;sjuk;1\n",
	    "f.csv:2:2: unknown category 'sjuk', expected one of 'AM1', 'AM2', 'AM3', 'arbete', 'Öppet arbetslös', 'Sökande i program', 'Studier på komvux', 'Arbete med stöd', 'Arbete utan stöd'\n");
	BAD("från;till;antal\n;AM1;1\n", "f.csv:2:1: expected a category, got nothing\n");
	/* exact: a category's case matters */
	BAD("från;till;antal\nam1;AM1;1\n",
	    "f.csv:2:1: unknown category 'am1', did you mean 'AM1'? (expected one of 'AM1', 'AM2', 'AM3', 'arbete', 'Öppet arbetslös', 'Sökande i program', 'Studier på komvux', 'Arbete med stöd', 'Arbete utan stöd')\n");
}

Test(followup_read, bad_numbers)
{
	BAD("id;t;tillstånd\np;1.5;AM1\nq;-1;AM1\nr;11;AM1\ns;<5;AM1\n",
	    "f.csv:2:2: expected t, whole years since entry from 0 to 10, got '1.5' (a fraction)\n"
	    "f.csv:3:2: expected t, whole years since entry from 0 to 10, got '-1'\n"
	    "f.csv:4:2: expected t, whole years since entry from 0 to 10, got '11'\n"
	    "f.csv:5:2: expected t, whole years since entry from 0 to 10, got '<5' (a suppressed count: only antal may hold one)\n");
	BAD("id;intag;t;tillstånd\np;2028;0;AM1\nq;2025;0;AM1\n",
	    "f.csv:2:2: expected intag, an intake year from 2026 to 2027, got '2028'\n"
	    "f.csv:3:2: expected intag, an intake year from 2026 to 2027, got '2025'\n");
	BAD("t;tillstånd;antal\n0;AM1;2,5\n0;AM2;2.5\n0;AM3;-3\n0;arbete;2000000000\n0;AM1;\n",
	    "f.csv:2:3: expected antal, a whole number from 0 to 1000000000 or <5, got '2,5' (a fraction with a decimal comma)\n"
	    "f.csv:3:3: expected antal, a whole number from 0 to 1000000000 or <5, got '2.5' (a fraction)\n"
	    "f.csv:4:3: expected antal, a whole number from 0 to 1000000000 or <5, got '-3'\n"
	    "f.csv:5:3: expected antal, a whole number from 0 to 1000000000 or <5, got '2000000000'\n"
	    "f.csv:6:3: expected antal, a whole number from 0 to 1000000000 or <5, got nothing\n");
}

Test(followup_read, bad_words)
{
	BAD("id;t;tillstånd;kön\np;0;AM1;x\n",
	    "f.csv:2:4: expected kön, one of kvinna, kvinnor, k, man, män, m, women, woman, w, men, got 'x'\n");
	BAD("från;till;antal;fas\nAM1;AM2;1;under\n",
	    "f.csv:2:4: expected fas, one of insats, efter, jämförelse, intervention, after, comparison, got 'under'\n");
	BAD("id;t;tillstånd;grupp\np;0;AM1;kontroll\n",
	    "f.csv:2:4: expected grupp, one of insats, jämförelse, intervention, comparison, got 'kontroll'\n");
	BAD("id;t;tillstånd\n;0;AM1\n", "f.csv:2:1: expected a person id, got nothing\n");
}

/* The second row of a person that contradicts the first, each once. */
Test(followup_read, a_person_is_one_person)
{
	BAD("id;t;tillstånd\np;0;AM1\np;1;AM2\np;0;AM3\n",
	    "f.csv:4:2: expected one row per person and t, got a second row for person 'p' at t = 0 (the first on line 2)\n");
	BAD("id;t;tillstånd;kön\np;0;AM1;kvinna\np;1;AM2;M\n",
	    "f.csv:3:4: expected kön kvinna for person 'p', as on line 2, got 'M'\n");
	BAD("id;intag;t;tillstånd\np;2026;0;AM1\np;2027;1;AM2\n",
	    "f.csv:3:2: expected intag 2026 for person 'p', as on line 2, got '2027'\n");
	BAD("grupp;id;t;tillstånd\ninsats;p;0;AM1\njämförelse;p;1;AM2\n",
	    "f.csv:3:1: expected grupp insats for person 'p', as on line 2, got 'jämförelse'\n");
}

Test(followup_read, bad_rows_shapes_and_quotes)
{
	BAD("id;t;tillstånd\np;0\np;0;AM1;x\np;1;AM1;;\n",
	    "f.csv:2:3: expected 3 fields as in the header, got 2\n"
	    "f.csv:3:4: expected 3 fields as in the header, got more: 'x'\n");
	BAD("id;t;tillstånd\np;0;AM\"1\nq;0;AM1\n\"r\"x;0;AM1\n",
	    "f.csv:2:3: expected a field with no quotes or quoted whole (\"...\"), got a '\"' inside it\n"
	    "f.csv:4:1: expected ';' or the end of the line after a closing '\"', got more text\n");
	BAD("id;t;tillstånd\np;0;\"AM1\n",
	    "f.csv:2:3: expected a closing '\"' of the field, got the end of the file\n");
	/* a quoted id over two lines: the record's line is where it starts */
	BAD("id;t;tillstånd\n\"p\nq\";0;AM7\nr;0;AM8\n",
	    "f.csv:2:3: unknown category 'AM7', did you mean 'AM1'? (expected one of 'AM1', 'AM2', 'AM3', 'arbete', 'Öppet arbetslös', 'Sökande i program', 'Studier på komvux', 'Arbete med stöd', 'Arbete utan stöd')\n"
	    "f.csv:4:3: unknown category 'AM8', did you mean 'AM1'? (expected one of 'AM1', 'AM2', 'AM3', 'arbete', 'Öppet arbetslös', 'Sökande i program', 'Studier på komvux', 'Arbete med stöd', 'Arbete utan stöd')\n");
}

Test(followup_read, bad_bytes)
{
	BAD("id;t;tillstånd\np;0;AM\x01\nq\0;0;AM1\n",
	    "f.csv:2: byte 7: expected text, got the control character 0x01\n"
	    "f.csv:3: byte 2: expected text, got the control character 0x00\n");
	BAD("id;t;tillstånd\np;0;AM1\xc2\x85\n",
	    "f.csv:2: byte 8: expected text, got the control character U+0085\n");
	BAD("id;t;tillst\xe5nd\np;0;AM\x81\n",
	    "f.csv:2: byte 7: expected UTF-8 or Windows-1252 text, got byte 0x81, which Windows-1252 leaves undefined (save the file as 'CSV UTF-8')\n");
	BAD("\xef\xbb\xbfid;t;tillst\xe5nd\np;0;AM1\n",
	    "f.csv:1: byte 12: expected UTF-8 text after the byte-order mark, got byte 0xe5\n");
	BAD("\xff\xfei\0d\0;\0t\0",
	    "f.csv: expected UTF-8 or Windows-1252 text, got UTF-16 or binary data (in Excel, save as 'CSV UTF-8')\n");
	BAD("id;t;tillstånd\rp;0;AM1\r",
	    "f.csv: expected lines ending in LF or CRLF, got CR only (old Mac line ends: save the file with Windows or Unix line ends)\n");
}

Test(followup_read, a_field_too_long)
{
	char text[2000];
	int n = snprintf(text, sizeof text, "id;t;tillstånd\n%01025d;0;AM1\n", 7);
	bad_n(text, (size_t)n,
	      "f.csv:2:1: expected a field of at most 1024 bytes, got 1025 bytes\n");
	n = snprintf(text, sizeof text, "id;t;%01025d\np;0;AM1\n", 7);
	bad_n(text, (size_t)n,
	      "f.csv:1:3: expected a column name of at most 1024 bytes, got 1025 bytes\n");
}

/* A large text is read in two halves on two threads (datafile_split): the
 * same data and the same messages, in the same order with the same line
 * numbers, as one reader gives. */

typedef struct reading {
	sk_status st;
	followup_data *f;
	char *msgs;
} reading;

/* text read with texts from split_min bytes split in two */
static reading read_split(const char *text, size_t len, size_t split_min)
{
	datafile_split_set(split_min);
	diag d;
	diag_init(&d);
	reading r = {0};
	r.st = followup_parse("f.csv", text, len, &ctx, &r.f, &d);
	r.msgs = diag_count(&d) ? printed(&d) : strdup("");
	diag_free(&d);
	datafile_split_set((size_t)1 << 20);
	return r;
}

static void same_data(const followup_data *a, const followup_data *b)
{
	cr_assert_str_eq(a->sha256, b->sha256);
	cr_assert_eq(a->shape, b->shape);
	cr_assert_eq(a->converted, b->converted);
	cr_assert_eq(a->separator, b->separator);
	cr_assert_eq(a->rows, b->rows);
	cr_assert_eq(a->n_states, b->n_states);
	cr_assert_eq(a->intakes, b->intakes);
	cr_assert_eq(a->years, b->years);
	cr_assert(a->has_sex == b->has_sex && a->has_intake == b->has_intake &&
	          a->has_group == b->has_group);
	size_t n = a->n_states, k = (size_t)a->intakes, t1 = (size_t)a->years + 1;
	cr_assert_eq(memcmp(a->moves, b->moves, N_TR * N_FU_SEX * n * n * sizeof *a->moves), 0);
	cr_assert_eq(memcmp(a->occupancy, b->occupancy, k * t1 * N_FU_SEX * n * sizeof(double)), 0);
	cr_assert_eq(memcmp(a->last_t, b->last_t, k * sizeof *a->last_t), 0);
	cr_assert_eq(a->persons, b->persons);
	cr_assert_eq(a->persons_comparison, b->persons_comparison);
	cr_assert_eq(a->lost, b->lost);
	cr_assert_eq(a->lost_comparison, b->lost_comparison);
	cr_assert_eq(a->n_moves, b->n_moves);
	cr_assert_eq(a->n_suppressed, b->n_suppressed);
	for (size_t i = 0; i < a->n_suppressed; i++) {
		const followup_suppressed *p = &a->suppressed[i], *q = &b->suppressed[i];
		cr_assert(p->line == q->line && p->set == q->set && p->sex == q->sex &&
		          p->intake == q->intake && p->t == q->t && p->from == q->from &&
		          p->to == q->to);
	}
}

/* text read by one reader and split in two: the same. split_min: the
 * smallest text split (0: any); returns the one reader's reading. */
static reading both_ways(const char *text, size_t len, size_t split_min)
{
	reading one = read_split(text, len, SIZE_MAX), two = read_split(text, len, split_min);
	cr_assert_eq(one.st, two.st);
	cr_assert_str_eq(one.msgs, two.msgs);
	cr_assert_eq(!one.f, !two.f);
	if (one.f)
		same_data(one.f, two.f);
	followup_free(two.f);
	free(two.msgs);
	return one;
}

static void both_ways_small(const char *text)
{
	reading one = both_ways(text, strlen(text), 0);
	followup_free(one.f);
	free(one.msgs);
}

/* Every small file of the tests above, good and bad, cut at its middle. */
Test(followup_split, small_files_cut_in_two_read_alike)
{
	static const char *const texts[] = {
	        panel,
	        utf8_comma,
	        cp1252_semicolon,
	        "från;till;antal;kön;fas\nAM1;AM2;1;kvinna;insats\nAM2;AM3;1;kvinna;intervention\n"
	        "AM1;AM1;1;man;insats\nAM2;arbete;1;kvinna;efter\n",
	        "t;tillstånd;antal;intag;kön\n0;AM1;10;2026;kvinna\n0;Öppet arbetslös;5;2026;kvinnor\n"
	        "1;AM2;<5;2026;män\n3;arbete;7;2027;men\n",
	        "STATE ; T ; ID ; ARM;;\n AM1 ;0; x ;Comparison;;\n\"  AM2 \";1;x;COMPARISON;;\n"
	        ";;;;;\n\n\r\n\n",
	        "\n\n  \nid;t;tillstånd\np;0;AM1\np;1;AM2\nq;0;AM1\nq;1;AM3\n",
	        "id;t;tillstånd\n\n",
	        "id;t;tillstånd\n;;\n",
	        "id;tillstånd\np;AM1\nq;AM2\n",
	        "id;t;tillstånd\np;1.5;AM1\nq;-1;AM1\nr;11;AM1\ns;<5;AM1\n",
	        "id;t;tillstånd\np;0;AM1\np;1;AM2\np;0;AM3\n",
	        "id;t;tillstånd;kön\np;0;AM1;kvinna\np;1;AM2;M\n",
	        "id;intag;t;tillstånd\np;2026;0;AM1\np;2027;1;AM2\n",
	        "grupp;id;t;tillstånd\ninsats;p;0;AM1\njämförelse;p;1;AM2\n",
	        "id;t;tillstånd\np;0\np;0;AM1;x\np;1;AM1;;\n",
	        "id;t;tillstånd\np;0;AM\"1\nq;0;AM1\n\"r\"x;0;AM1\n",
	        "id;t;tillstånd\np;0;AM1\nq;1;AM1\np;0;\"AM1\n",
	        "id;t;tillstånd\n\"p\nq\";0;AM7\nr;0;AM8\n",
	        "id;t;tillstånd\n\"p\nq\";0;AM1\n\"p\nq\";1;AM2\nr;0;AM1\n\"a\"\"b\";0;AM3\n",
	        /* the middle in a field over 16 lines: one reader */
	        "id;t;tillstånd\n\"p\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nq\";0;AM1\n",
	        "id;t;tillstånd\np;0;AM\x01\nq;0;AM1\nr;0;AM1\n",
	        "id;t;tillstånd\np;0;AM1\nq;0;AM1\nr;0;AM1\xc2\x85\n",
	        "id;t;tillst\xe5nd\np;0;AM1\nq;0;AM\x81\n",
	        "id;t;tillstånd\r\np;0;AM1\r\nq;0;AM1\rr;0;AM2\r\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		both_ways_small(texts[i]);
}

/* A line's bytes checked apart: plain UTF-8 text, or not. */
Test(followup_split, plain_lines)
{
	cr_assert(datafile_plain("a;ö\n", 5));
	cr_assert_not(datafile_plain("a;\x01\n", 4));
	cr_assert_not(datafile_plain("a;\xc2\x85\n", 5));
	cr_assert_not(datafile_plain("a;\xf6\n", 4));
}

/* A register-like panel of about 1.5 MB, rows ordered by t so that most
 * persons have rows in both halves and some are first seen in the second:
 * categories with and without letters outside ASCII, sexes and groups in
 * several words, spaces around fields, quoted ids (one over two lines,
 * one with a doubled quote), CRLF on some lines, blank lines and Excel's
 * empty rows, gaps. extra: a line put in at about the fraction at of the
 * rows (NULL: none). */
static char *large_panel(const char *extra, double at, size_t *len)
{
	static const char *const cats[] = {
	        "AM1", "AM2", "Öppet arbetslös", "Studier på komvux", "Arbete med stöd", "arbete"};
	static const char *const women[] = {"kvinna", "K", "women"};
	static const char *const men[] = {"man", "M", "män"};
	enum { PERSONS = 5000 };
	size_t cap = 4u << 20, used = 0, rows = 0, extra_at = (size_t)(at * PERSONS * 11);
	char *s = malloc(cap);
	cr_assert_not_null(s);
	used += (size_t)sprintf(s, "id;intag;t;tillstånd;kön;grupp\n");
	for (int t = 0; t <= 10; t++)
		for (int p = 0; p < PERSONS; p++) {
			cr_assert_lt(used + 200, cap);
			if (extra && rows++ == extra_at)
				used += (size_t)sprintf(s + used, "%s", extra);
			/* enters late; a gap; leaves early; the intake of 2027 has a
			 * year less in the horizon */
			if (t < p % 7 || (p % 13 == 5 && t == 4) || (p % 17 == 3 && t > 8) ||
			    t > 10 - p % 2)
				continue;
			char id[32];
			if (p == 1234)
				snprintf(id, sizeof id, "\"P\n%d\"", p);
			else if (p == 2345)
				snprintf(id, sizeof id, "\"P\"\"%d\"", p);
			else
				snprintf(id, sizeof id, "%sP%05d%s", p % 11 ? "" : "\"", p,
				         p % 11 ? "" : "\"");
			used += (size_t)sprintf(s + used, "%s;%d;%d;%s%s;%s;%s%s", id, 2026 + p % 2,
			                        t, p % 5 ? "" : " ", cats[(p + t * (p % 3)) % 6],
			                        p % 2 ? men[p % 3] : women[p % 3],
			                        p % 9 ? "insats" : "jämförelse",
			                        (t + p) % 5 ? "\n" : "\r\n");
			if ((t * PERSONS + p) % 997 == 0)
				used += (size_t)sprintf(s + used, "%s", p % 2 ? "\n" : ";;;;;\n");
		}
	*len = used;
	return s;
}

static void large_both_ways(const char *extra, double at, sk_status want)
{
	size_t len;
	char *text = large_panel(extra, at, &len);
	cr_assert_gt(len, (size_t)1 << 20);
	reading one = both_ways(text, len, (size_t)1 << 20);
	cr_assert_eq(one.st, want, "%s", one.msgs);
	if (want == SK_OK) {
		cr_assert_gt(one.f->persons, 4000);
		cr_assert_gt(one.f->persons_comparison, 500);
		cr_assert_gt(one.f->lost, 0);
	}
	followup_free(one.f);
	free(one.msgs);
	free(text);
}

Test(followup_split, large_panel_read_alike)
{
	large_both_ways(NULL, 0, SK_OK);
}

/* Rows that give messages, in the second half or across the halves: each
 * the same message at the same line. */
Test(followup_split, large_panel_messages_alike)
{
	/* a second row for a person and t, found after the merge */
	large_both_ways("P00010;2026;5;AM1;K;insats\n", 0.8, SK_EINPUT);
	large_both_ways("P00010;2026;5;AM1;K;insats\nP00012;2026;2;AM2;K;insats\n", 0.3, SK_EINPUT);
	/* a person the first half saw as a woman */
	large_both_ways("P00020;2026;10;AM1;man;insats\n", 0.9, SK_EINPUT);
	/* an unknown category, a stray quote, a field too few */
	large_both_ways("P00030;2026;9;AM9;K;insats\n", 0.7, SK_EINPUT);
	large_both_ways("P00030;2026;9;A\"M1;K;insats\n", 0.6, SK_EINPUT);
	large_both_ways("P00030;2026;9;AM1;K\n", 0.95, SK_EINPUT);
	/* a control character, a byte that is not UTF-8 (and so Windows-1252) */
	large_both_ways("P00030;2026;9;AM\x02;K;insats\n", 0.75, SK_EINPUT);
	large_both_ways("P00030;2026;9;AM1;K;insats\xa0\n", 0.75, SK_EINPUT);
}
