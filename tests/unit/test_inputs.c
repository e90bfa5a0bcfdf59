/* test_inputs.c -- the table of input keys (read/inputs.h, issue #14): its
 * rows are whole and consistent, its lookups find what the readers ask
 * for, and docs/scenario-format.md documents exactly its keys with the same
 * ranges and defaults: each "<!-- keys [SECTION] -->" table of the docs must
 * equal inputs_markdown()'s. `make docs-keys` rewrites those tables from the
 * table (SAMKALK_UPDATE_DOCS=1 build/tests/test_inputs); read the diff. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/read/inputs.h"
#include "samkalk/read/scenario.h"

#define DOCS "docs/scenario-format.md"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert(f, "cannot open %s (run from the repository root)", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	cr_assert(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

/* The generated tables, one string per section. */
static char *generated(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	cr_assert(out);
	inputs_markdown(out);
	fclose(out);
	return text;
}

/* The end of the table that starts at p (a marker line, a blank line, then
 * lines starting with '|'): the first byte after its last row. */
static const char *table_end(const char *p)
{
	p = strchr(p, '\n') + 1; /* the marker */
	if (*p == '\n')
		p++;
	while (*p == '|') {
		const char *nl = strchr(p, '\n');
		p = nl ? nl + 1 : p + strlen(p);
	}
	return p;
}

Test(inputs, docs_document_exactly_the_keys_of_the_table)
{
	char *gen = generated(), *docs = slurp(DOCS, NULL);
	bool update = getenv("SAMKALK_UPDATE_DOCS") != NULL;
	size_t blocks = 0;
	for (const char *b = gen; *b;) {
		const char *next = strstr(b + 1, "<!-- keys [");
		size_t blen = next ? (size_t)(next - b) : strlen(b);
		char *block = strndup(b, blen);
		while (blen && block[blen - 1] == '\n')
			block[--blen] = '\0'; /* the blank line between blocks */
		char marker[80];
		snprintf(marker, sizeof marker, "%.*s", (int)(strchr(block, '\n') - block), block);
		char *at = strstr(docs, marker);
		cr_assert(at, "%s has no line %s: add it where the table belongs", DOCS, marker);
		const char *end = table_end(at);
		size_t have = (size_t)(end - at);
		bool same = have == blen + 1 && strncmp(at, block, blen) == 0;
		if (!same && update) {
			size_t dl = strlen(docs), tail = dl - (size_t)(end - docs);
			char *nd = malloc((size_t)(at - docs) + blen + 1 + tail + 1);
			memcpy(nd, docs, (size_t)(at - docs));
			memcpy(nd + (at - docs), block, blen);
			nd[(at - docs) + blen] = '\n';
			memcpy(nd + (at - docs) + blen + 1, end, tail + 1);
			free(docs);
			docs = nd;
		} else {
			cr_expect(
			        same,
			        "%s: the table after %s differs from the table of inputs; run make docs-keys and read the diff.\nexpected:\n%s\n",
			        DOCS, marker, block);
		}
		free(block);
		blocks++;
		b = next ? next : b + strlen(b);
	}
	size_t markers = 0;
	for (const char *p = docs; (p = strstr(p, "<!-- keys [")); p++)
		markers++;
	cr_expect_eq(markers, blocks, "%s has %zu key tables, the table of inputs %zu sections",
	             DOCS, markers, blocks);
	if (update) {
		FILE *f = fopen(DOCS, "w");
		cr_assert(f);
		fputs(docs, f);
		fclose(f);
	}
	free(gen);
	free(docs);
}

/* The section a row's keys live in is one of the files' sections (or the
 * section that several share). */
static bool known_section(const input_key *k)
{
	for (size_t i = 0; i < n_input_sections; i++) {
		const input_section *s = &input_sections[i];
		if (s->file == k->file &&
		    (strcmp(s->name, k->section) == 0 || (s->rows && !strcmp(s->rows, k->section))))
			return true;
	}
	return false;
}

Test(inputs, every_row_is_whole)
{
	for (size_t i = 0; i < N_INPUTS; i++) {
		const input_key *k = &input_keys[i];
		cr_expect(k->section && k->key, "row %zu: section and key", i);
		cr_expect(known_section(k), "[%s] %s: section not in input_sections", k->section,
		          k->key);
		cr_expect(k->meaning && k->range && k->example, "[%s] %s: docs text", k->section,
		          k->key);
		cr_expect(k->min <= k->max, "[%s] %s: min above max", k->section, k->key);
		cr_expect(!(k->missing && k->dflt), "[%s] %s: required with a default", k->section,
		          k->key);
		cr_expect(k->kind != KIND_CHOICE || (k->choices && k->choices[0]),
		          "[%s] %s: a choice without choices", k->section, k->key);
		/* what can vary is a number; what cannot says why or is unknown */
		if (k->vary != UNC_NONE)
			cr_expect(k->kind == KIND_NUMBER || k->kind == KIND_WHOLE,
			          "[%s] %s: varies but is no number", k->section, k->key);
		cr_expect(!(k->vary != UNC_NONE && k->fixed), "[%s] %s: varies and is fixed",
		          k->section, k->key);
		cr_expect(!k->layered || k->vary != UNC_NONE, "[%s] %s: layered but cannot vary",
		          k->section, k->key);
		/* a workbook label in both languages, or none */
		cr_expect(!k->label_sv == !k->label_en && !k->unit_sv == !k->unit_en,
		          "[%s] %s: label or unit in one language only", k->section, k->key);
		cr_expect(!k->label_sv == !k->sheet, "[%s] %s: label without a sheet row or back",
		          k->section, k->key);
		for (size_t j = 0; j < i; j++)
			cr_expect(!k->sheet || input_keys[j].sheet != k->sheet,
			          "[%s] %s: sheet row %d twice", k->section, k->key, k->sheet);
	}
}

/* Each row's docs example is "key = value" with a key of the row's shape
 * and, for a number, a value in the row's range and a default in it too. */
Test(inputs, examples_and_defaults_are_in_range)
{
	for (size_t i = 0; i < N_INPUTS; i++) {
		const input_key *k = &input_keys[i];
		const char *eq = strstr(k->example, " = ");
		cr_assert(eq, "[%s] %s: example without ' = '", k->section, k->key);
		char key[128];
		snprintf(key, sizeof key, "%.*s", (int)(eq - k->example), k->example);
		bool placeholder =
		        strspn(k->key, "ABCDEFGHIJKLMNOPQRSTUVWXYZ -.>") == strlen(k->key);
		if (!placeholder)
			cr_expect(input_matches(k, key) || strchr(k->key, '.'),
			          "[%s] %s: example key %s", k->section, k->key, key);
		if (k->kind == KIND_NUMBER || k->kind == KIND_WHOLE || k->kind == KIND_YEAR) {
			char *end;
			double v = strtod(eq + 3, &end);
			cr_expect(end != eq + 3 && v >= k->min && v <= k->max,
			          "[%s] %s: example %s outside %g..%g", k->section, k->key, eq + 3,
			          k->min, k->max);
			if (k->store != STORE_NONE && k->store != STORE_PER_ACTOR && !k->missing &&
			    !k->dflt)
				cr_expect(k->initial >= k->min && k->initial <= k->max,
				          "[%s] %s: default %g outside its range", k->section,
				          k->key, k->initial);
		}
	}
}

/* The numbers a row's message words name, digits grouped by single spaces
 * read as one number ("10 000 000"), "-" as a sign. */
static size_t numbers_in(const char *s, double *out, size_t max)
{
	size_t n = 0;
	while (*s && n < max) {
		if (!((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9'))) {
			s++;
			continue;
		}
		char buf[64];
		size_t len = 0;
		while (len < sizeof buf - 1 &&
		       ((*s >= '0' && *s <= '9') || *s == '.' || (*s == '-' && len == 0) ||
		        (*s == ' ' && len && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
		         s[3] >= '0' && !(s[4] >= '0' && s[4] <= '9')))) {
			if (*s != ' ')
				buf[len++] = *s;
			s++;
		}
		buf[len] = '\0';
		out[n++] = strtod(buf, NULL);
	}
	return n;
}

/* The range a bad value's message states is the range checked: the
 * message names both ends (unless it says "positive" for a minimum just
 * above 0), so that words and numbers cannot drift apart. */
Test(inputs, message_words_name_the_checked_range)
{
	for (size_t i = 0; i < N_INPUTS; i++) {
		const input_key *k = &input_keys[i];
		if ((k->kind != KIND_NUMBER && k->kind != KIND_WHOLE && k->kind != KIND_YEAR) ||
		    !k->expected || strstr(k->expected, "positive"))
			continue;
		double v[16];
		size_t n = numbers_in(k->expected, v, 16);
		bool lo = false, hi = false;
		for (size_t j = 0; j < n; j++) {
			lo |= v[j] == k->min;
			hi |= v[j] == k->max;
		}
		cr_expect(lo && hi, "[%s] %s: '%s' does not name %.10g and %.10g", k->section,
		          k->key, k->expected, k->min, k->max);
	}
}

/* A number that varies lands in a double (UNC_NUMBER writes 8 bytes at
 * the row's offset); the enum fields written as int are int-sized. */
Test(inputs, what_varies_is_stored_as_it_is_written)
{
	for (size_t i = 0; i < N_INPUTS; i++) {
		const input_key *k = &input_keys[i];
		if (k->vary == UNC_NUMBER || k->vary == UNC_RATE)
			cr_expect(k->store == STORE_DOUBLE, "[%s] %s varies but is no double",
			          k->section, k->key);
		if (k->vary == UNC_PER_ACTOR)
			cr_expect(k->store == STORE_PER_ACTOR, "[%s] %s", k->section, k->key);
		if (k->vary == UNC_SIZE)
			cr_expect(k->store == STORE_LONG, "[%s] %s", k->section, k->key);
	}
	cr_assert_eq(sizeof(discount_timing), sizeof(int));
	cr_assert_eq(sizeof(costs_on), sizeof(int));
}

Test(inputs, lookups)
{
	/* exact keys, pattern keys, shared sections; placeholders never by name */
	cr_assert_eq(inputs_find(FILE_SCENARIO, "scenario", "years"), &input_keys[IN_YEARS]);
	cr_assert_eq(inputs_find(FILE_SCENARIO, "intervention", "years"),
	             &input_keys[IN_INTERVENTION_YEARS]);
	cr_assert_eq(inputs_find(FILE_SCENARIO, "intervention", "fixed_cost.kommun"),
	             &input_keys[IN_FIXED_COST]);
	cr_assert_null(inputs_find(FILE_SCENARIO, "intervention", "fixed_costs.kommun"));
	cr_assert_null(inputs_find(FILE_SCENARIO, "cohort", "STATE"));
	cr_assert_null(inputs_find(FILE_SCENARIO, "cohort.women", "size"));
	cr_assert_eq(inputs_find(FILE_PROFILE, "profile", "currency"), &input_keys[IN_CURRENCY]);
	cr_assert_null(inputs_find(FILE_PROFILE, "scenario", "years"));
	/* the transition sections by set and sex */
	cr_assert_str_eq(inputs_tr_section(TR_INTERVENTION, FOR_MEN),
	                 "intervention.transitions.men");
	cr_assert_str_eq(inputs_tr_section(TR_AFTER, FOR_ALL), "after");
	cr_assert_str_eq(inputs_cohort_section(SEX_WOMEN), "cohort.women");
	cr_assert_str_eq(inputs_cohort_section(SEX_MEN), "cohort.men");
	/* the sections of a scenario; [uncertainty X] and [sensitivity X] too */
	cr_assert(inputs_scenario_section("after.women"));
	cr_assert(inputs_scenario_section("uncertainty cohort"));
	cr_assert(inputs_scenario_section("sensitivity"));
	cr_assert(!inputs_scenario_section("profile"));
	cr_assert(!inputs_scenario_section("efter"));
}

Test(inputs, the_lists_messages_name)
{
	const char *names[N_INPUTS];
	/* [scenario]'s keys in the order an unknown key lists them */
	size_t n = inputs_keys_of(FILE_SCENARIO, "scenario", false, names, N_INPUTS);
	static const char *const scenario_keys[] = {
	        "name",          "profiles",        "start_year", "years",     "price_year",
	        "discount_rate", "discount_timing", "costs_on",   "work_state"};
	cr_assert_eq(n, 9);
	for (size_t i = 0; i < n; i++)
		cr_expect_str_eq(names[i], scenario_keys[i]);
	/* [cohort]: the placeholder STATE is not offered; what varies is
	 * size, women and the whole distribution '*' */
	cr_assert_eq(inputs_keys_of(FILE_SCENARIO, "cohort", false, names, N_INPUTS), 3);
	cr_assert_eq(inputs_keys_of(FILE_SCENARIO, "cohort", true, names, N_INPUTS), 3);
	cr_assert_str_eq(names[0], "size");
	cr_assert_str_eq(names[1], "women");
	cr_assert_str_eq(names[2], "*");
	/* the sections [uncertainty X] can name, transitions first, profile last */
	const char *secs[64];
	n = inputs_sections(FILE_SCENARIO, true, secs);
	cr_assert_eq(n, 17);
	cr_assert_str_eq(secs[0], "baseline");
	cr_assert_str_eq(secs[9], "outcome");
	cr_assert_str_eq(secs[16], "profile");
	/* a profile's sections, as its unknown-section message lists them */
	n = inputs_sections(FILE_PROFILE, false, secs);
	cr_assert_eq(n, 5);
	cr_assert_str_eq(secs[4], "state ID");
}

/* The defaults SPEC §4 gives land in the scenario through the table. */
Test(inputs, defaults_through_the_table)
{
	cr_assert_float_eq(input_keys[IN_DISCOUNT_RATE].initial, 0.035, 0); /* SPEC §4 */
	cr_assert_float_eq(input_keys[IN_WOMEN].initial, 0.5, 0);
	cr_assert_float_eq(input_keys[IN_ATTRIBUTION].initial, 1, 0);
	cr_assert_float_eq(input_keys[IN_INTAKES].initial, 1, 0);
	cr_assert_float_eq(input_keys[IN_COST_UPLIFT].initial, 0, 0);
}
