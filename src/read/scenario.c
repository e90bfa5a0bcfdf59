/* scenario.c -- reads a scenario and its profile (SPEC §4) and checks
 * every key against the table of inputs (read/inputs.def) and the profile's
 * states and actors (SPEC §8). Transition sections are kept as listed;
 * model/layer.c layers them into matrices. */
#include "samkalk/read/scenario.h"

#include "samkalk/read/inputs.h"

#include "samkalk/read/followup.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/limits.h"
#include "samkalk/base/values.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

typedef struct loader {
	scenario *s;
	ini_doc *doc;
	diag *d;
	const profile *p; /* NULL when the profile could not be read */
	const char **state_ids, **actor_ids;
	bool oom;
	bool have[N_INPUTS];         /* which keys were given */
	const ini_entry *work_state; /* read once the profile is known */
} loader;

/* Joins the profile path to the scenario's directory unless absolute. */
static char *join_path(const char *scenario_path, const char *rel)
{
	if (rel[0] == '/')
		return strdup(rel);
	const char *slash = strrchr(scenario_path, '/');
	size_t dir = slash ? (size_t)(slash - scenario_path) + 1 : 0;
	char *out = malloc(dir + strlen(rel) + 1);
	if (!out)
		return NULL;
	memcpy(out, scenario_path, dir);
	strcpy(out + dir, rel);
	return out;
}

/* Adds "unknown key 'K' in [SECTION], expected one of ..." with the
 * section's keys from the table. */
static void unknown_key(loader *L, const ini_entry *e, const char *section)
{
	const char *names[N_INPUTS];
	size_t n = inputs_keys_of(FILE_SCENARIO, section, false, names, N_INPUTS);
	char kind[64];
	snprintf(kind, sizeof kind, "key in [%s]", section);
	value_unknown(L->d, L->doc->path, e->line, e->key, kind, e->key, names, n);
}

/* Reads the value of e as row k says (its kind, range and words) into the
 * field the row names. Rows of STORE_NONE and KIND_STATE are left to the
 * section's code. Returns whether the value was right. */
static bool read_key(loader *L, const ini_entry *e, const input_key *k)
{
	scenario *s = L->s;
	double v;
	L->have[k - input_keys] = true;
	if (k->store == STORE_PER_ACTOR) { /* STEM.ACTOR: the actor first */
		const char *actor = e->key + strlen(k->key) - strlen("ACTOR");
		if (!L->p)
			return false;
		size_t a = profile_actor_index(L->p, actor);
		if (a == SIZE_MAX) {
			value_unknown(L->d, L->doc->path, e->line, e->key, "actor", actor,
			              L->actor_ids, L->p->n_actors);
			return false;
		}
		if (!inputs_value(L->d, L->doc, e, k, &v))
			return false;
		input_set(s, k, a, v);
		return true;
	}
	if (!inputs_value(L->d, L->doc, e, k, &v))
		return false;
	if (k->store == STORE_TEXT)
		input_set_text(s, k, e->value);
	else
		input_set(s, k, 0, v);
	return true;
}

/* "expected ..., got none" for each required key of section not given,
 * at the section's line. */
static void check_required(loader *L, const char *section, int line)
{
	for (size_t i = 0; i < N_INPUTS; i++) {
		const input_key *k = &input_keys[i];
		if (k->file == FILE_SCENARIO && k->missing && !L->have[i] &&
		    strcmp(k->section, section) == 0)
			diag_add(L->d, L->doc->path, line, k->key, "expected %s, got none",
			         k->missing);
	}
}

/* Every key of section (index sec; SIZE_MAX: absent) by its row, an
 * unknown one reported with the section's keys. */
static void read_keys(loader *L, const char *section, size_t sec)
{
	size_t first, end;
	inifile_entries(L->doc, sec, &first, &end);
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &L->doc->entries[i];
		const input_key *k = inputs_find(FILE_SCENARIO, section, e->key);
		if (k)
			read_key(L, e, k);
		else
			unknown_key(L, e, section);
	}
}

static void read_scenario_section(loader *L)
{
	ini_doc *doc = L->doc;
	scenario *s = L->s;
	size_t sec = inifile_find_section(doc, "scenario");
	if (sec == SIZE_MAX) {
		if (!doc->bad_header)
			diag_add(
			        L->d, doc->path, 0, NULL,
			        "expected a [scenario] section with name, profiles, start_year and years, got none");
		return;
	}
	size_t first, end;
	inifile_entries(doc, sec, &first, &end);
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		const input_key *k = inputs_find(FILE_SCENARIO, "scenario", e->key);
		if (!k) {
			unknown_key(L, e, "scenario");
			continue;
		}
		bool ok = read_key(L, e, k);
		if (k == &input_keys[IN_PROFILES] && ok) {
			s->profile_path = join_path(doc->path, e->value);
			s->profile_line = e->line;
			if (!s->profile_path)
				L->oom = true;
		} else if (k == &input_keys[IN_PRICE_YEAR] && ok) {
			s->price_year_line = e->line;
		} else if (k == &input_keys[IN_DISCOUNT_RATE]) {
			s->discount_rate_line = e->line;
		} else if (k == &input_keys[IN_WORK_STATE]) {
			L->work_state = e;
		}
	}
	if (!doc->sections[sec].refused) /* a refused line may have been the missing key */
		check_required(L, "scenario", doc->sections[sec].line);
}

/* A starting distribution STATE = share over the profile's states. */
static void read_distribution(loader *L, const ini_entry *e, double *dist)
{
	if (!L->p)
		return;
	size_t st = profile_state_index(L->p, e->key);
	if (st == SIZE_MAX) {
		value_unknown(L->d, L->doc->path, e->line, e->key, "state", e->key, L->state_ids,
		              L->p->n_states);
		return;
	}
	const input_key *k = &input_keys[IN_START_SHARE];
	value_number(L->d, L->doc, e, k->min, k->max, k->expected, &dist[st]);
}

static void check_sum(loader *L, const double *dist, size_t first, size_t end, int line,
                      const char *section)
{
	if (!L->p)
		return;
	double sum = 0;
	for (size_t i = 0; i < L->p->n_states; i++)
		sum += dist[i];
	if (fabs(sum - 1) <= 1e-9)
		return;
	char list[300] = "";
	size_t used = 0;
	for (size_t i = first; i < end && used < sizeof list - 1; i++) {
		const ini_entry *e = &L->doc->entries[i];
		if (profile_state_index(L->p, e->key) != SIZE_MAX)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s %s",
			                         used ? " + " : "", e->key, e->value);
	}
	diag_add(L->d, L->doc->path, line, section,
	         "expected the starting shares to sum to 1, got %.10g%s%s%s", sum, used ? " (" : "",
	         list, used ? ")" : "");
}

static void read_cohort(loader *L)
{
	ini_doc *doc = L->doc;
	scenario *s = L->s;
	size_t n = L->p ? L->p->n_states : 0;
	for (int g = 0; g < N_SEX; g++) {
		s->start[g] = calloc(n + 1, sizeof *s->start[g]);
		if (!s->start[g]) {
			L->oom = true;
			return;
		}
	}
	size_t sec = inifile_find_section(doc, "cohort");
	if (sec == SIZE_MAX) {
		if (!doc->bad_header)
			diag_add(
			        L->d, doc->path, 0, NULL,
			        "expected a [cohort] section with size and the starting distribution, got none");
		return;
	}
	size_t first, end;
	inifile_entries(doc, sec, &first, &end);
	size_t before = diag_count(L->d);
	const char *names[N_INPUTS];
	size_t n_names = inputs_keys_of(FILE_SCENARIO, "cohort", false, names, N_INPUTS);
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		const input_key *k = inputs_find(FILE_SCENARIO, "cohort", e->key);
		if (k)
			read_key(L, e, k);
		else if (L->p && profile_state_index(L->p, e->key) == SIZE_MAX &&
		         value_nearest(e->key, names, n_names))
			unknown_key(L, e, "cohort");
		else
			read_distribution(L, e, s->start[SEX_WOMEN]);
	}
	/* Knock-on messages only mislead: no sum or missing key after a
	 * refused line or entry in the section. */
	bool clean = diag_count(L->d) == before && !doc->sections[sec].refused;
	if (clean)
		check_required(L, "cohort", doc->sections[sec].line);
	if (clean)
		check_sum(L, s->start[SEX_WOMEN], first, end, doc->sections[sec].line, "[cohort]");
	s->start_line[SEX_WOMEN] = s->start_line[SEX_MEN] = doc->sections[sec].line;
	memcpy(s->start[SEX_MEN], s->start[SEX_WOMEN], n * sizeof(double));
	if (s->years && s->intakes > s->years) {
		const char *intakes = input_keys[IN_INTAKES].key;
		for (size_t i = first; i < end; i++)
			if (strcmp(doc->entries[i].key, intakes) == 0)
				diag_add(
				        L->d, doc->path, doc->entries[i].line, intakes,
				        "expected at most one intake per year of the horizon (%d), got %ld",
				        s->years, s->intakes);
	}
	for (int g = 0; g < N_SEX; g++) {
		const char *per_sex = inputs_cohort_section(g);
		size_t ps = inifile_find_section(doc, per_sex);
		if (ps == SIZE_MAX)
			continue;
		inifile_entries(doc, ps, &first, &end);
		memset(s->start[g], 0, n * sizeof(double));
		before = diag_count(L->d);
		for (size_t i = first; i < end; i++)
			read_distribution(L, &doc->entries[i], s->start[g]);
		char name[32];
		snprintf(name, sizeof name, "[%s]", per_sex);
		if (diag_count(L->d) == before && !doc->sections[ps].refused)
			check_sum(L, s->start[g], first, end, doc->sections[ps].line, name);
		s->start_line[g] = doc->sections[ps].line;
	}
}

static void read_intervention(loader *L)
{
	ini_doc *doc = L->doc;
	scenario *s = L->s;
	size_t na = L->p ? L->p->n_actors : 0;
	s->fixed_cost = calloc(na + 1, sizeof(double));
	s->cost_per_participant = calloc(na + 1, sizeof(double));
	s->startup_cost = calloc(na + 1, sizeof(double));
	if (!s->fixed_cost || !s->cost_per_participant || !s->startup_cost) {
		L->oom = true;
		return;
	}
	size_t sec = inifile_find_section(doc, "intervention");
	if (sec == SIZE_MAX) {
		if (!doc->bad_header)
			diag_add(
			        L->d, doc->path, 0, NULL,
			        "expected an [intervention] section with name, years and costs, got none");
		return;
	}
	size_t before = diag_count(L->d);
	read_keys(L, "intervention", sec);
	if (diag_count(L->d) == before && !doc->sections[sec].refused)
		check_required(L, "intervention", doc->sections[sec].line);
}

/* Parses "FROM -> TO" into state indices. */
static bool parse_transition_key(loader *L, const ini_entry *e, size_t *from, size_t *to)
{
	const char *arrow = strstr(e->key, "->");
	if (!arrow) {
		diag_add(L->d, L->doc->path, e->line, e->key,
		         "expected a transition 'FROM -> TO = probability', got no '->'");
		return false;
	}
	char a[72], b[72];
	const char *x = e->key, *y = arrow + 2;
	size_t xn = (size_t)(arrow - x), yn = strlen(y);
	while (xn && (x[xn - 1] == ' ' || x[xn - 1] == '\t'))
		xn--;
	while (*y == ' ' || *y == '\t')
		y++, yn--;
	if (xn >= sizeof a || yn >= sizeof b) {
		diag_add(L->d, L->doc->path, e->line, e->key,
		         "expected 'FROM -> TO' with state ids, got a name too long");
		return false;
	}
	memcpy(a, x, xn);
	a[xn] = '\0';
	memcpy(b, y, yn);
	b[yn] = '\0';
	if (!L->p)
		return false;
	bool ok = true;
	*from = profile_state_index(L->p, a);
	*to = profile_state_index(L->p, b);
	if (*from == SIZE_MAX) {
		value_unknown(L->d, L->doc->path, e->line, e->key, "state", a, L->state_ids,
		              L->p->n_states);
		ok = false;
	}
	if (*to == SIZE_MAX) {
		value_unknown(L->d, L->doc->path, e->line, e->key, "state", b, L->state_ids,
		              L->p->n_states);
		ok = false;
	}
	if (ok && *from == *to) {
		diag_add(
		        L->d, L->doc->path, e->line, e->key,
		        "expected a move between two different states, got %s -> %s (staying is 1 minus the moves out, never listed)",
		        a, b);
		ok = false;
	}
	return ok;
}

static void read_transitions(loader *L, transition_set set, int who)
{
	ini_doc *doc = L->doc;
	size_t sec = inifile_find_section(doc, inputs_tr_section(set, who));
	if (sec == SIZE_MAX)
		return;
	transitions *t = &L->s->tr[set][who];
	t->line = doc->sections[sec].line;
	size_t first, end;
	inifile_entries(doc, sec, &first, &end);
	size_t before = diag_count(L->d);
	t->v = calloc(end - first + 1, sizeof *t->v);
	if (!t->v) {
		L->oom = true;
		return;
	}
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		size_t from, to;
		double p;
		bool ok = parse_transition_key(L, e, &from, &to);
		const input_key *k = &input_keys[IN_TRANSITION];
		if (!value_number(L->d, doc, e, k->min, k->max, k->expected, &p) || !ok)
			continue;
		bool dup = false;
		for (size_t k = 0; k < t->n && !dup; k++) {
			if (t->v[k].from == from && t->v[k].to == to) {
				diag_add(
				        L->d, doc->path, e->line, e->key,
				        "duplicate transition in [%s], first at line %d: expected each move once",
				        inputs_tr_section(set, who), t->v[k].line);
				dup = true;
			}
		}
		if (!dup)
			t->v[t->n++] = (transition){from, to, p, e->key, e->line};
	}
	t->failed = diag_count(L->d) != before || doc->sections[sec].refused;
}

static void read_outcome(loader *L, size_t sec)
{
	ini_doc *doc = L->doc;
	scenario *s = L->s;
	s->outcome_mode = true;
	s->outcome_line = doc->sections[sec].line;
	size_t first, end;
	inifile_entries(doc, sec, &first, &end);
	size_t before = diag_count(L->d);
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		const input_key *k = inputs_find(FILE_SCENARIO, "outcome", e->key);
		if (!k) {
			unknown_key(L, e, "outcome");
			continue;
		}
		read_key(L, e, k);
		if (k != &input_keys[IN_OUTCOME_TARGET] || !L->p)
			continue;
		s->outcome_target = profile_state_index(L->p, e->value);
		if (s->outcome_target == SIZE_MAX)
			value_unknown(L->d, doc->path, e->line, e->key, "state", e->value,
			              L->state_ids, L->p->n_states);
	}
	if (diag_count(L->d) == before && !doc->sections[sec].refused)
		check_required(L, "outcome", s->outcome_line);
	s->outcome_after_given = L->have[IN_OUTCOME_AFTER];
	if (!s->outcome_after_given)
		s->outcome_rate[TR_AFTER] = s->outcome_rate[TR_BASELINE];
}

/* [discounting]: "FROM-TO = rate" bands over t = 1..T replacing the single
 * rate; every year of the horizon in exactly one band. */
static void read_bands(loader *L)
{
	ini_doc *doc = L->doc;
	scenario *s = L->s;
	size_t sec = inifile_find_section(doc, "discounting");
	if (sec == SIZE_MAX)
		return;
	s->has_bands = true;
	s->bands_line = doc->sections[sec].line;
	if (s->discount_rate_line)
		diag_add(
		        L->d, doc->path, s->bands_line, NULL,
		        "expected either [scenario] discount_rate (line %d) or [discounting] bands, got both",
		        s->discount_rate_line);
	int owner[SK_MAX_YEARS + 1] = {0}; /* the line that set each year */
	size_t first, end;
	inifile_entries(doc, sec, &first, &end);
	s->bands = calloc(end - first + 1, sizeof *s->bands);
	if (!s->bands) {
		L->oom = true;
		return;
	}
	size_t before = diag_count(L->d);
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		long from, to;
		char junk;
		int n = sscanf(e->key, "%ld - %ld %c", &from, &to, &junk);
		if (n == 1 && !strchr(e->key, '-'))
			to = from;
		else if (n == 1)
			n = 0; /* "3-": a band without its end */
		const input_key *k = &input_keys[IN_RATE_BAND];
		if ((n != 1 && n != 2) || strspn(e->key, "0123456789- ") != strlen(e->key) ||
		    from < (long)k->key_min || to < from || to > (long)k->key_max) {
			diag_add(
			        L->d, doc->path, e->line, e->key,
			        "expected years of the calculation as FROM-TO (e.g. 1-30) between %ld and %ld, got '%s'",
			        (long)k->key_min, (long)k->key_max, e->key);
			continue;
		}
		double r;
		if (!value_number(L->d, doc, e, k->min, k->max, k->expected, &r))
			continue;
		s->bands[s->n_bands++] = (struct rate_band){(int)from, (int)to, r, e};
		for (long t = from; t <= to; t++) {
			if (owner[t]) {
				diag_add(
				        L->d, doc->path, e->line, e->key,
				        "expected each year in one band, got year %ld also in the band at line %d",
				        t, owner[t]);
				break;
			}
			owner[t] = e->line;
			s->rate_by_year[t - 1] = r;
		}
	}
	if (diag_count(L->d) != before || doc->sections[sec].refused)
		return;
	for (int t = 1; t <= s->years; t++)
		if (!owner[t]) {
			diag_add(
			        L->d, doc->path, s->bands_line, NULL,
			        "expected [discounting] to give a rate for every year 1-%d of the horizon, got none for year %d",
			        s->years, t);
			break;
		}
}

/* [adjustments]: attribution and cost_uplift (docs/method.md). */
static void read_adjustments(loader *L)
{
	read_keys(L, "adjustments", inifile_find_section(L->doc, "adjustments"));
}

/* The state of work for the cost per work-year: [scenario] work_state, else
 * the outcome target, else "arbete" when the profile has it. */
static void read_work_state(loader *L)
{
	scenario *s = L->s;
	s->work_state = SIZE_MAX;
	if (L->work_state) {
		const ini_entry *e = L->work_state;
		s->work_state = profile_state_index(L->p, e->value);
		if (s->work_state == SIZE_MAX)
			value_unknown(L->d, L->doc->path, e->line, e->key, "state", e->value,
			              L->state_ids, L->p->n_states);
	} else if (s->outcome_mode) {
		s->work_state = s->outcome_target;
	} else {
		s->work_state = profile_state_index(L->p, "arbete");
	}
}

static void read_dynamics(loader *L)
{
	ini_doc *doc = L->doc;
	size_t outcome = inifile_find_section(doc, "outcome");
	bool any_tr = false;
	for (int set = 0; set < N_TR; set++)
		for (int who = 0; who < N_FOR; who++) {
			size_t sec = inifile_find_section(doc, inputs_tr_section(set, who));
			if (sec == SIZE_MAX)
				continue;
			any_tr = true;
			if (outcome != SIZE_MAX)
				diag_add(
				        L->d, doc->path, doc->sections[sec].line, NULL,
				        "expected either [outcome] or transition sections, got both [outcome] (line %d) and [%s]",
				        doc->sections[outcome].line, inputs_tr_section(set, who));
		}
	if (outcome != SIZE_MAX) {
		read_outcome(L, outcome);
		return;
	}
	if (!any_tr) {
		if (!doc->bad_header)
			diag_add(
			        L->d, doc->path, 0, NULL,
			        "expected [baseline] and [intervention.transitions] sections, or an [outcome] section, got none");
		return;
	}
	if (inifile_find_section(doc, "baseline") == SIZE_MAX && !doc->bad_header)
		diag_add(
		        L->d, doc->path, 0, NULL,
		        "expected a [baseline] section with the yearly transitions without the intervention, got none");
	bool effect = false;
	for (int set = TR_INTERVENTION; set < N_TR; set++)
		for (int who = 0; who < N_FOR; who++)
			effect |=
			        inifile_find_section(doc, inputs_tr_section(set, who)) != SIZE_MAX;
	if (!effect && !doc->bad_header)
		diag_add(
		        L->d, doc->path, 0, NULL,
		        "expected an [intervention.transitions] section with the intervention's effect on the transitions, got none (without it nothing changes)");
	for (int set = 0; set < N_TR; set++)
		for (int who = 0; who < N_FOR; who++)
			read_transitions(L, (transition_set)set, who);
}

/* [followup]: the data file's path, prior_weight and by_sex; and
 * [followup.states], each category and its state. The file itself is read
 * by read_followup_data() once everything it is checked against is. */
static void read_followup(loader *L)
{
	ini_doc *doc = L->doc;
	scenario *s = L->s;
	size_t sec = inifile_find_section(doc, "followup");
	size_t states = inifile_find_section(doc, "followup.states");
	if (sec == SIZE_MAX) {
		if (states != SIZE_MAX)
			diag_add(
			        L->d, doc->path, doc->sections[states].line, NULL,
			        "expected a [followup] section with data = the follow-up file beside [followup.states], got none");
		return;
	}
	size_t first, end;
	inifile_entries(doc, sec, &first, &end);
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		const input_key *k = inputs_find(FILE_SCENARIO, "followup", e->key);
		if (!k) {
			unknown_key(L, e, "followup");
			continue;
		}
		if (read_key(L, e, k) && k == &input_keys[IN_FOLLOWUP_DATA]) {
			s->followup_path = join_path(doc->path, e->value);
			s->followup_line = e->line;
			if (!s->followup_path)
				L->oom = true;
		}
	}
	if (!doc->sections[sec].refused)
		check_required(L, "followup", doc->sections[sec].line);
	inifile_entries(doc, states, &first, &end);
	s->followup_category = calloc(end - first + 1, sizeof *s->followup_category);
	s->followup_state = calloc(end - first + 1, sizeof *s->followup_state);
	if (!s->followup_category || !s->followup_state) {
		L->oom = true;
		return;
	}
	if (states != SIZE_MAX && end == first && !doc->sections[states].refused) {
		diag_add(
		        L->d, doc->path, doc->sections[states].line, NULL,
		        "expected lines CATEGORY = STATE in [followup.states], got none (without the section the file's categories are the profile's state ids)");
		return;
	}
	if (end - first > SK_MAX_CATEGORIES) {
		diag_add(L->d, doc->path, doc->sections[states].line, NULL,
		         "expected at most %d categories in [followup.states], got %zu",
		         SK_MAX_CATEGORIES, end - first);
		return;
	}
	for (size_t i = first; i < end && L->p; i++) {
		const ini_entry *e = &doc->entries[i];
		size_t state = profile_state_index(L->p, e->value);
		if (state == SIZE_MAX) {
			value_unknown(L->d, doc->path, e->line, e->key, "state", e->value,
			              L->state_ids, L->p->n_states);
			continue;
		}
		s->followup_category[s->n_followup_categories] = e->key;
		s->followup_state[s->n_followup_categories++] = state;
	}
}

/* The follow-up file, checked against the scenario and its profile; read
 * only when they are right, for its rows are checked against them. */
static sk_status read_followup_data(loader *L)
{
	scenario *s = L->s;
	const profile *p = L->p;
	size_t n = p->n_states;
	bool named = inifile_find_section(L->doc, "followup.states") != SIZE_MAX;
	const char **ids = NULL;
	size_t *self = NULL;
	if (!named) { /* the state ids, each its own state */
		ids = malloc(n * sizeof *ids);
		self = malloc(n * sizeof *self);
		if (!ids || !self) {
			free(ids);
			free(self);
			return SK_ENOMEM;
		}
		for (size_t i = 0; i < n; i++) {
			ids[i] = p->states[i].id;
			self[i] = i;
		}
	}
	followup_context ctx = {
	        .categories = named ? s->followup_category : ids,
	        .category_state = named ? s->followup_state : self,
	        .n_categories = named ? s->n_followup_categories : n,
	        .n_states = n,
	        .start_year = s->start_year,
	        .intakes = (int)s->intakes,
	        .years = s->years,
	        .intervention_years = s->intervention_years,
	        .ref_file = L->doc->path,
	        .ref_line = s->followup_line,
	        .ref_key = "data",
	};
	sk_status st = followup_read(s->followup_path, &ctx, &s->followup, L->d);
	free(ids);
	free(self);
	return st;
}

static void check_sections(loader *L)
{
	const char *names[64];
	size_t n = inputs_sections(FILE_SCENARIO, false, names);
	for (size_t i = 0; i < L->doc->n_sections; i++) {
		const char *name = L->doc->sections[i].name;
		if (!inputs_scenario_section(name))
			value_unknown(L->d, L->doc->path, L->doc->sections[i].line, NULL, "section",
			              name, names, n);
	}
}

/* Interprets a document; read_status is what reading it returned (SK_OK,
 * or SK_EINPUT when lines were refused: the other lines are still checked). */
static sk_status from_doc(ini_doc *doc, sk_status read_status, scenario **out, diag *d)
{
	*out = NULL;
	scenario *s = calloc(1, sizeof *s);
	if (!s) {
		inifile_free(doc);
		return SK_ENOMEM;
	}
	s->doc = doc;
	s->name = doc->path;
	s->intervention_name = "";
	for (size_t i = 0; i < N_INPUTS; i++) { /* the table's defaults */
		const input_key *k = &input_keys[i];
		if (k->file == FILE_SCENARIO && k->store != STORE_PER_ACTOR)
			input_set(s, k, 0, k->initial); /* text and choices: nothing, 0 */
	}
	size_t before = diag_count(d);
	loader L = {.s = s, .doc = doc, .d = d};
	if (inifile_find_section(doc, "scenario") == SIZE_MAX &&
	    inifile_find_section(doc, "profile") != SIZE_MAX) {
		diag_add(
		        d, doc->path, doc->sections[inifile_find_section(doc, "profile")].line,
		        NULL,
		        "expected a scenario file with a [scenario] section, got a profile (a scenario names its profile with [scenario] profiles = ...)");
		scenario_free(s);
		return SK_EINPUT;
	}
	check_sections(&L);
	read_scenario_section(&L);
	sk_status st = SK_OK;
	if (s->profile_path) {
		st = profile_load(s->profile_path, &s->profile, d, doc->path, s->profile_line,
		                  "profiles");
		if (st == SK_ENOMEM)
			L.oom = true;
	}
	const profile *p = s->profile;
	L.p = p;
	if (p) {
		L.state_ids = calloc(p->n_states, sizeof *L.state_ids);
		L.actor_ids = calloc(p->n_actors, sizeof *L.actor_ids);
		if (!L.state_ids || !L.actor_ids)
			L.oom = true;
		for (size_t i = 0; i < p->n_states && L.state_ids; i++)
			L.state_ids[i] = p->states[i].id;
		for (size_t i = 0; i < p->n_actors && L.actor_ids; i++)
			L.actor_ids[i] = p->actors[i].id;
		if (!L.have[IN_PRICE_YEAR])
			s->price_year = p->price_year;
	}
	if (!L.oom)
		read_cohort(&L);
	if (!L.oom)
		read_intervention(&L);
	if (!L.oom)
		read_dynamics(&L);
	s->rate_by_year = calloc(SK_MAX_YEARS, sizeof *s->rate_by_year);
	if (!s->rate_by_year)
		L.oom = true;
	for (int t = 0; t < SK_MAX_YEARS && !L.oom; t++)
		s->rate_by_year[t] = s->discount_rate;
	if (!L.oom) {
		read_bands(&L);
		read_adjustments(&L);
	}
	if (p && !L.oom)
		read_work_state(&L);
	if (!L.oom)
		read_followup(&L);
	/* the follow-up file is checked against a scenario without mistakes */
	if (p && !L.oom && s->followup_path && diag_count(d) == before && read_status == SK_OK &&
	    read_followup_data(&L) == SK_ENOMEM)
		L.oom = true;
	free(L.state_ids);
	free(L.actor_ids);
	if (L.oom) {
		scenario_free(s);
		return SK_ENOMEM;
	}
	if (!p) {
		scenario_free(s);
		return SK_EINPUT;
	}
	*out = s;
	return diag_count(d) != before || read_status != SK_OK ? SK_EINPUT : SK_OK;
}

sk_status scenario_load(const char *path, scenario **out, diag *d)
{
	ini_doc *doc;
	*out = NULL;
	if (!diag_file(d, path)) /* the scenario's messages before its profile's */
		return SK_ENOMEM;
	sk_status st = inifile_read(path, &doc, d, NULL, 0, NULL);
	return doc ? from_doc(doc, st, out, d) : st;
}

sk_status scenario_parse(const char *path, const char *buf, size_t len, scenario **out, diag *d)
{
	ini_doc *doc;
	*out = NULL;
	if (!diag_file(d, path))
		return SK_ENOMEM;
	sk_status st = inifile_parse(path, buf, len, &doc, d);
	return doc ? from_doc(doc, st, out, d) : st;
}

void scenario_free(scenario *s)
{
	if (!s)
		return;
	profile_free(s->profile);
	inifile_free(s->doc);
	free(s->profile_path);
	free(s->followup_path);
	free(s->followup_category);
	free(s->followup_state);
	followup_free(s->followup);
	for (int g = 0; g < N_SEX; g++)
		free(s->start[g]);
	free(s->fixed_cost);
	free(s->cost_per_participant);
	free(s->startup_cost);
	for (int set = 0; set < N_TR; set++) {
		for (int who = 0; who < N_FOR; who++)
			free(s->tr[set][who].v);
		for (int g = 0; g < N_SEX; g++)
			free(s->p[set][g]);
	}
	free(s->unit_cost);
	free(s->item_factor);
	free(s->item_moved);
	free(s->rate_by_year);
	free(s->bands);
	free(s);
}
