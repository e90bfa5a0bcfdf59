/* test_diag.c -- messages are "file:line: key: text", printed sorted by
 * file (in order of first mention) and line, capped per file. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/diag.h"

static char *printed(diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag_print(d, f);
	fclose(f);
	return buf;
}

Test(diag, sorted_by_file_then_line)
{
	diag d;
	diag_init(&d);
	diag_add(&d, "a.ini", 14, "AM2 -> arbete", "expected %s, got %g", "a probability", 1.4);
	diag_add(&d, "b.ini", 2, NULL, "second file");
	diag_add(&d, "a.ini", 3, "years", "first");
	diag_add(&d, "a.ini", 0, NULL, "no line");
	char *out = printed(&d);
	cr_assert_str_eq(out, "a.ini: no line\n"
	                      "a.ini:3: years: first\n"
	                      "a.ini:14: AM2 -> arbete: expected a probability, got 1.4\n"
	                      "b.ini:2: second file\n");
	cr_assert_eq(diag_count(&d), 4);
	free(out);
	diag_free(&d);
}

Test(diag, capped_per_file_and_counted)
{
	diag d;
	diag_init(&d);
	for (int i = 1; i <= DIAG_MAX_PER_FILE + 7; i++)
		diag_add(&d, "x.ini", i, NULL, "m");
	cr_assert_eq(diag_count(&d), DIAG_MAX_PER_FILE + 7);
	char *out = printed(&d);
	cr_assert_not_null(strstr(out, "x.ini: 7 more mistakes not shown\n"));
	free(out);
	diag_free(&d);
}

/* a cell of a data file: "file:line:column: text", sorted by line with
 * the rest */
Test(diag, cell_of_a_data_file)
{
	diag d;
	diag_init(&d);
	diag_add_at(&d, "u.csv", 7, 3, "expected a whole number, got '%s'", "2,5");
	diag_add(&d, "u.csv", 2, NULL, "second");
	diag_add_at(&d, "u.csv", 0, 4, "no line, so no column");
	char *out = printed(&d);
	cr_assert_str_eq(out, "u.csv: no line, so no column\n"
	                      "u.csv:2: second\n"
	                      "u.csv:7:3: expected a whole number, got '2,5'\n");
	free(out);
	diag_free(&d);
}
