/* inputs.c -- the table of input keys (read/inputs.h) from the rows of
 * inputs.def, the sections of both files, and the lookups the readers and
 * the docs test make of them. Holds no state; allocates nothing. */
#include "samkalk/read/inputs.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "samkalk/base/limits.h"
#include "samkalk/base/values.h"
#include "samkalk/read/scenario_types.h"

static const char *const TIMINGS[] = {"start", "end", NULL};
static const char *const COSTS_ON[] = {"start", "end", "mean", NULL};
static const char *const CURRENCIES[] = {"SEK", NULL};
static const char *const ACTOR_KINDS[] = {"fiscal", "economic", "household", NULL};
static const char *const YES_NO[] = {"no", "yes", NULL};

/* the enum fields of struct scenario are read and written as int */
_Static_assert(sizeof(discount_timing) == sizeof(int), "discount_timing is stored as int");
_Static_assert(sizeof(costs_on) == sizeof(int), "costs_on is stored as int");

#define FIELD(store_, field) .store = STORE_##store_, .offset = offsetof(scenario, field)

const input_key input_keys[N_INPUTS] = {
#define INPUT(id, ...) [IN_##id] = {__VA_ARGS__},
#include "samkalk/read/inputs.def"
#undef INPUT
};

/* The order of the scenario's sections is that of its unknown-section
 * message; vary_place orders the list [uncertainty X] can name. The nine
 * transition sections share the rows of "baseline", [cohort.women] and
 * [cohort.men] those of "cohort.SEX", [state X] those of "state ID". */
const input_section input_sections[] = {
        {FILE_SCENARIO, "scenario", 15, -1, -1, true, NULL},
        {FILE_SCENARIO, "cohort", 11, -1, -1, true, NULL},
        {FILE_SCENARIO, "cohort.women", 12, -1, -1, true, "cohort.SEX"},
        {FILE_SCENARIO, "cohort.men", 13, -1, -1, true, "cohort.SEX"},
        {FILE_SCENARIO, "intervention", 14, -1, -1, true, NULL},
        {FILE_SCENARIO, "baseline", 1, TR_BASELINE, FOR_ALL, true, NULL},
        {FILE_SCENARIO, "baseline.women", 2, TR_BASELINE, FOR_WOMEN, true, "baseline"},
        {FILE_SCENARIO, "baseline.men", 3, TR_BASELINE, FOR_MEN, true, "baseline"},
        {FILE_SCENARIO, "intervention.transitions", 4, TR_INTERVENTION, FOR_ALL, true, "baseline"},
        {FILE_SCENARIO, "intervention.transitions.women", 5, TR_INTERVENTION, FOR_WOMEN, true,
         "baseline"},
        {FILE_SCENARIO, "intervention.transitions.men", 6, TR_INTERVENTION, FOR_MEN, true,
         "baseline"},
        {FILE_SCENARIO, "after", 7, TR_AFTER, FOR_ALL, true, "baseline"},
        {FILE_SCENARIO, "after.women", 8, TR_AFTER, FOR_WOMEN, true, "baseline"},
        {FILE_SCENARIO, "after.men", 9, TR_AFTER, FOR_MEN, true, "baseline"},
        {FILE_SCENARIO, "outcome", 10, -1, -1, true, NULL},
        {FILE_SCENARIO, "discounting", 0, -1, -1, true, NULL},
        {FILE_SCENARIO, "adjustments", 16, -1, -1, true, NULL},
        {FILE_SCENARIO, "followup", 0, -1, -1, true, NULL},
        {FILE_SCENARIO, "followup.states", 0, -1, -1, true, NULL},
        {FILE_SCENARIO, "uncertainty", 0, -1, -1, false, NULL},
        {FILE_SCENARIO, "uncertainty X", 0, -1, -1, false, NULL},
        {FILE_SCENARIO, "sensitivity X", 0, -1, -1, false, NULL},
        {FILE_PROFILE, "profile", 17, -1, -1, true, NULL},
        {FILE_PROFILE, "actors", 0, -1, -1, true, NULL},
        {FILE_PROFILE, "actor kinds", 0, -1, -1, true, NULL},
        {FILE_PROFILE, "index", 0, -1, -1, true, NULL},
        {FILE_PROFILE, "state ID", 0, -1, -1, true, NULL},
};
const size_t n_input_sections = sizeof input_sections / sizeof *input_sections;

/* The section whose rows section name has: its own, or the one it shares. */
static const char *rows_of(input_file file, const char *name)
{
	for (size_t i = 0; i < n_input_sections; i++) {
		const input_section *s = &input_sections[i];
		if (s->file == file && strcmp(s->name, name) == 0)
			return s->rows ? s->rows : s->name;
	}
	if (file == FILE_PROFILE && strncmp(name, "state ", 6) == 0)
		return "state ID";
	return name;
}

/* Whether a key is a placeholder alone (STATE, FROM -> TO), which an
 * unknown-key message does not offer. */
static bool placeholder(const char *key)
{
	for (const char *c = key; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			return false;
	return true;
}

bool input_matches(const input_key *k, const char *key)
{
	const char *pat = k->key;
	if (placeholder(pat)) /* found by the section's own code, never by name */
		return false;
	if (strcmp(pat, key) == 0)
		return true;
	const char *dot = strstr(pat, ".ACTOR");
	if (dot && strcmp(dot, ".ACTOR") == 0) /* STEM.ACTOR: the actor is checked later */
		return strncmp(key, pat, (size_t)(dot - pat) + 1) == 0;
	return false;
}

bool inputs_value(diag *d, const ini_doc *doc, const ini_entry *e, const input_key *k,
                  double *number)
{
	long v;
	*number = 0;
	switch (k->kind) {
	case KIND_TEXT:
	case KIND_PATH:
		return value_text(d, doc, e, k->expected);
	case KIND_YEAR:
	case KIND_WHOLE:
		if (!value_int(d, doc, e, (long)k->min, (long)k->max, k->expected, &v))
			return false;
		*number = (double)v;
		return true;
	case KIND_NUMBER:
		return value_number(d, doc, e, k->min, k->max, k->expected, number);
	case KIND_CHOICE: {
		size_t n = 0;
		while (k->choices[n])
			n++;
		for (size_t i = 0; i < n; i++)
			if (strcmp(k->choices[i], e->value) == 0) {
				*number = (double)i;
				return true;
			}
		if (k->expected) /* a choice with words of its own */
			diag_add(d, doc->path, e->line, e->key, "expected %s, got '%s'",
			         k->expected, e->value);
		else
			value_unknown(d, doc->path, e->line, e->key, k->noun ? k->noun : "value",
			              e->value, k->choices, n);
		return false;
	}
	case KIND_STATE:
	case KIND_RANGE:
		return true; /* the section's own code reads it */
	}
	return true;
}

double input_number(const scenario *s, const input_key *k, size_t actor)
{
	const char *f = (const char *)s + k->offset;
	switch (k->store) {
	case STORE_INT:
		return *(const int *)f;
	case STORE_LONG:
		return (double)*(const long *)f;
	case STORE_DOUBLE:
		return *(const double *)f;
	case STORE_PER_ACTOR:
		return (*(double *const *)f)[actor];
	default:
		return 0;
	}
}

void input_set(scenario *s, const input_key *k, size_t actor, double v)
{
	char *f = (char *)s + k->offset;
	switch (k->store) {
	case STORE_INT:
		*(int *)f = (int)v;
		break;
	case STORE_LONG:
		*(long *)f = (long)v;
		break;
	case STORE_DOUBLE:
		*(double *)f = v;
		break;
	case STORE_PER_ACTOR:
		(*(double **)f)[actor] = v;
		break;
	default:
		break;
	}
}

const char *input_text(const scenario *s, const input_key *k)
{
	return *(const char *const *)((const char *)s + k->offset);
}

void input_set_text(scenario *s, const input_key *k, const char *text)
{
	*(const char **)((char *)s + k->offset) = text;
}

const input_key *inputs_find(input_file file, const char *section, const char *key)
{
	const char *rows = rows_of(file, section);
	for (size_t i = 0; i < N_INPUTS; i++) {
		const input_key *k = &input_keys[i];
		if (k->file == file && strcmp(k->section, rows) == 0 && input_matches(k, key))
			return k;
	}
	return NULL;
}

size_t inputs_keys_of(input_file file, const char *section, bool varying, const char **names,
                      size_t max)
{
	const char *rows = rows_of(file, section);
	size_t n = 0;
	for (size_t i = 0; i < N_INPUTS && n < max; i++) {
		const input_key *k = &input_keys[i];
		if (k->file != file || strcmp(k->section, rows) != 0)
			continue;
		if (!varying && placeholder(k->key))
			continue;
		if (!varying)
			names[n++] = k->key;
		else if (k->vary != UNC_NONE)
			names[n++] = k->vary_key ? k->vary_key : k->key;
	}
	return n;
}

size_t inputs_sections(input_file file, bool varying, const char **names)
{
	size_t n = 0;
	if (!varying) {
		for (size_t i = 0; i < n_input_sections; i++)
			if (input_sections[i].file == file && input_sections[i].listed)
				names[n++] = input_sections[i].name;
		return n;
	}
	for (int place = 1;; place++) {
		size_t before = n;
		for (size_t i = 0; i < n_input_sections; i++)
			if (input_sections[i].vary_place == place)
				names[n++] = input_sections[i].name;
		if (n == before)
			return n;
	}
}

bool inputs_scenario_section(const char *name)
{
	for (size_t i = 0; i < n_input_sections; i++)
		if (input_sections[i].file == FILE_SCENARIO && input_sections[i].listed &&
		    strcmp(input_sections[i].name, name) == 0)
			return true;
	return inputs_unc_section(name);
}

bool inputs_unc_section(const char *name)
{
	return strcmp(name, "uncertainty") == 0 || strncmp(name, "uncertainty ", 12) == 0 ||
	       strncmp(name, "sensitivity ", 12) == 0 || strcmp(name, "sensitivity") == 0;
}

const char *inputs_cohort_section(int g)
{
	int k = 0;
	for (size_t i = 0; i < n_input_sections; i++)
		if (input_sections[i].rows && strcmp(input_sections[i].rows, "cohort.SEX") == 0 &&
		    k++ == g)
			return input_sections[i].name;
	return NULL;
}

const char *inputs_tr_section(int set, int who)
{
	for (size_t i = 0; i < n_input_sections; i++)
		if (input_sections[i].set == set && input_sections[i].who == who)
			return input_sections[i].name;
	return NULL;
}

void inputs_markdown(FILE *out)
{
	const char *last = "";
	for (size_t i = 0; i < N_INPUTS; i++) {
		const input_key *k = &input_keys[i];
		if (strcmp(k->section, last) != 0) {
			fprintf(out, "%s<!-- keys [%s] -->\n\n", i ? "\n" : "", k->section);
			fputs("| key | meaning | unit, range | default | varies | example |\n"
			      "| --- | --- | --- | --- | --- | --- |\n",
			      out);
			last = k->section;
		}
		char number[32] = "—";
		bool numeric = k->store == STORE_INT || k->store == STORE_LONG ||
		               k->store == STORE_DOUBLE || k->store == STORE_PER_ACTOR;
		if (numeric)
			snprintf(number, sizeof number, "%.10g", k->initial);
		const char *dflt = k->missing ? "**required**" : k->dflt ? k->dflt : number;
		const char *varies = k->vary == UNC_NONE ? "no" : "yes";
		fprintf(out, "| `%s` | %s | %s | %s | %s | `%s` |\n", k->key, k->meaning, k->range,
		        dflt, varies, k->example);
	}
}
