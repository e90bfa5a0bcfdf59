/* unc_spec.c -- the [sensitivity X] and [uncertainty X] sections of
 * a scenario (SPEC §6), checked as SPEC §8 asks: every input is a number
 * written in section X, every distribution possible and inside the range
 * the input's own key admits. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/limits.h"
#include "samkalk/base/values.h"
#include "samkalk/read/unc_spec.h"

void uncertainty_spec_free(unc_spec *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->n; i++) {
		free(u->v[i].parts);
		free(u->v[i].alpha);
	}
	free(u->v);
	free(u);
}

typedef struct reader {
	const scenario *s;
	const ini_doc *doc;
	diag *d;
	unc_spec *u;
	bool oom;
	const char **state_ids;
} reader;

static bool not_written(reader *R, const ini_entry *e, const char *x)
{
	diag_add(
	        R->d, R->doc->path, e->line, e->key,
	        "expected an input written in [%s] (its value there is the base that varies), got none there",
	        x);
	return false;
}

/* "A -> B" or "A -> *": the states, to = SIZE_MAX for '*'. */
static bool arrow(reader *R, const ini_entry *e, size_t *from, size_t *to)
{
	const char *ar = strstr(e->key, "->");
	if (!ar) {
		diag_add(R->d, R->doc->path, e->line, e->key,
		         "expected a transition 'FROM -> TO' or a row 'FROM -> *', got no '->'");
		return false;
	}
	char a[72] = "", b[72] = "";
	size_t an = (size_t)(ar - e->key);
	while (an && (e->key[an - 1] == ' ' || e->key[an - 1] == '\t'))
		an--;
	const char *y = ar + 2;
	while (*y == ' ' || *y == '\t')
		y++;
	if (an >= sizeof a || strlen(y) >= sizeof b) {
		diag_add(R->d, R->doc->path, e->line, e->key,
		         "expected 'FROM -> TO' with state ids, got a name too long");
		return false;
	}
	memcpy(a, e->key, an);
	strcpy(b, y);
	const profile *p = R->s->profile;
	*from = profile_state_index(p, a);
	*to = strcmp(b, "*") == 0 ? SIZE_MAX : profile_state_index(p, b);
	bool ok = true;
	if (*from == SIZE_MAX) {
		value_unknown(R->d, R->doc->path, e->line, e->key, "state", a, R->state_ids,
		              p->n_states);
		ok = false;
	}
	if (*to == SIZE_MAX && strcmp(b, "*") != 0) {
		value_unknown(R->d, R->doc->path, e->line, e->key, "state", b, R->state_ids,
		              p->n_states);
		ok = false;
	}
	return ok;
}

/* The transitions of a section: "A -> B" one written there, "A -> *" the
 * whole row. */
static bool locate_transition(reader *R, const ini_entry *e, const input_section *sec,
                              unc_input *in)
{
	const scenario *s = R->s;
	const char *x = sec->name;
	in->set = sec->set;
	in->who = sec->who;
	in->row = &input_keys[IN_TRANSITION];
	in->min = in->row->min;
	in->max = in->row->max;
	if (s->outcome_mode) {
		diag_add(
		        R->d, R->doc->path, e->line, e->key,
		        "expected an input of [outcome]: this scenario has no [%s] (it uses outcome mode)",
		        x);
		return false;
	}
	size_t from, to;
	if (!arrow(R, e, &from, &to))
		return false;
	in->from = from;
	if (to == SIZE_MAX) {
		in->kind = UNC_ROW;
		return inifile_find_section(R->doc, x) != SIZE_MAX || not_written(R, e, x);
	}
	const transitions *t = &s->tr[sec->set][sec->who];
	for (size_t k = 0; k < t->n; k++)
		if (t->v[k].from == from && t->v[k].to == to) {
			in->kind = UNC_TRANSITION;
			in->index = k;
			in->base = t->v[k].p;
			return true;
		}
	return not_written(R, e, x);
}

/* The whole starting distribution, "* = dirichlet(...)", of [cohort]
 * (the sexes without their own section) or of [cohort.g]. */
static bool locate_start(reader *R, const ini_entry *e, const input_section *sec, unc_input *in)
{
	const ini_doc *doc = R->doc;
	in->kind = UNC_START;
	if (strcmp(sec->name, "cohort") == 0) {
		for (int g = 0; g < N_SEX; g++)
			if (inifile_find_section(doc, g ? "cohort.men" : "cohort.women") ==
			    SIZE_MAX)
				in->sexes |= 1u << g;
	} else if (inifile_find_section(doc, sec->name) == SIZE_MAX) {
		return not_written(R, e, sec->name);
	} else {
		in->sexes =
		        1u << (strcmp(sec->name, inputs_cohort_section(SEX_MEN)) == 0 ? SEX_MEN
		                                                                      : SEX_WOMEN);
	}
	if (!in->sexes) {
		diag_add(
		        R->d, doc->path, e->line, e->key,
		        "expected a starting distribution that some sex uses, got [cohort], which [cohort.women] and [cohort.men] replace");
		return false;
	}
	return true;
}

/* A profile item, STATE.ACTOR.ITEM. */
static bool locate_item(reader *R, const ini_entry *e, unc_input *in)
{
	const profile *p = R->s->profile;
	const ini_doc *doc = R->doc;
	const char *key = e->key;
	const char *dot = strchr(key, '.');
	char state[72] = "";
	size_t sn = dot ? (size_t)(dot - key) : 0;
	if (dot && sn < sizeof state)
		memcpy(state, key, sn);
	size_t st = dot ? profile_state_index(p, state) : SIZE_MAX;
	if (st == SIZE_MAX) {
		if (!dot)
			diag_add(R->d, doc->path, e->line, key,
			         "expected a profile item as STATE.ACTOR.ITEM, got no '.'");
		else
			value_unknown(R->d, doc->path, e->line, key, "state", state, R->state_ids,
			              p->n_states);
		return false;
	}
	const char **cands = calloc(p->n_items + 1, sizeof *cands);
	if (!cands) {
		R->oom = true;
		return false;
	}
	size_t nc = 0, found = SIZE_MAX;
	for (size_t i = 0; i < p->n_items; i++)
		if (p->items[i].state == st) {
			cands[nc++] = p->items[i].key;
			if (strcmp(p->items[i].key, dot + 1) == 0)
				found = i;
		}
	if (found == SIZE_MAX)
		value_unknown(R->d, doc->path, e->line, key, "cost item of the profile's state",
		              dot + 1, cands, nc);
	free(cands);
	if (found == SIZE_MAX)
		return false;
	const input_key *k = &input_keys[IN_ITEM];
	in->kind = k->vary;
	in->row = k;
	in->index = found;
	in->base = p->items[found].amount_sek;
	in->min = k->min;
	in->max = k->max;
	return true;
}

/* Which input of section sec the key of e names: its kind, row, indices,
 * base and range, from the table of inputs (read/inputs.h). */
static bool locate(reader *R, const ini_entry *e, const input_section *sec, unc_input *in)
{
	const scenario *s = R->s;
	const ini_doc *doc = R->doc;
	const char *x = sec->name, *key = e->key;
	in->min = 0;
	in->max = 1;
	if (sec->set >= 0)
		return locate_transition(R, e, sec, in);
	if (sec->file == FILE_PROFILE)
		return locate_item(R, e, in);
	bool cohort = strncmp(x, "cohort", 6) == 0;
	if (cohort && strcmp(key, "*") == 0)
		return locate_start(R, e, sec, in);
	const input_key *k = inputs_find(FILE_SCENARIO, x, key);
	if (k && k->vary == UNC_NONE && k->fixed) {
		diag_add(R->d, doc->path, e->line, key, "expected a number that can vary, got %s",
		         k->fixed);
		return false;
	}
	if (!k || k->vary == UNC_NONE) {
		if (cohort && profile_state_index(s->profile, key) != SIZE_MAX) {
			diag_add(
			        R->d, doc->path, e->line, key,
			        "expected the whole starting distribution as '* = dirichlet(%s ...)', since its shares must sum to 1; got one share",
			        key);
			return false;
		}
		const char *names[N_INPUTS];
		size_t n = inputs_keys_of(FILE_SCENARIO, x, true, names, N_INPUTS);
		char kind[80];
		snprintf(kind, sizeof kind, "input of [%s]", x);
		value_unknown(R->d, doc->path, e->line, key, kind, key, names, n);
		return false;
	}
	in->kind = k->vary;
	in->row = k;
	in->min = k->min;
	in->max = k->max;
	if (k->store == STORE_PER_ACTOR) {
		size_t a = profile_actor_index(s->profile, key + strlen(k->key) - strlen("ACTOR"));
		if (a == SIZE_MAX)
			return not_written(R, e, x);
		in->index = a;
	}
	in->base = input_number(s, k, in->index);
	/* the base is the value written there: [outcome] baseline in a scenario
	 * without [outcome] has none */
	return inifile_find_entry(doc, x, key) ? true : not_written(R, e, x);
}

static bool same_input(const unc_input *a, const unc_input *b)
{
	return a->kind == b->kind && a->row == b->row && a->index == b->index && a->set == b->set &&
	       a->who == b->who && a->from == b->from && a->sexes == b->sexes;
}

/* dirichlet(STATE w, STATE w, ...) over states of the profile. */
static bool dirichlet(reader *R, const ini_entry *e, unc_input *in)
{
	const profile *p = R->s->profile;
	const char *t = e->value;
	if (strncmp(t, "dirichlet(", 10) != 0) {
		diag_add(
		        R->d, R->doc->path, e->line, e->key,
		        "expected dirichlet(STATE weight, STATE weight, ...) for a whole %s, got '%.60s'",
		        in->kind == UNC_ROW ? "row" : "starting distribution", t);
		return false;
	}
	in->parts = calloc(p->n_states, sizeof *in->parts);
	in->alpha = calloc(p->n_states, sizeof *in->alpha);
	if (!in->parts || !in->alpha) {
		R->oom = true;
		return false;
	}
	const char *c = t + 10;
	for (;;) {
		while (*c == ' ' || *c == '\t')
			c++;
		const char *id = c;
		while (*c && *c != ' ' && *c != '\t' && *c != ',' && *c != ')')
			c++;
		char name[72] = "";
		size_t len = (size_t)(c - id);
		if (len && len < sizeof name)
			memcpy(name, id, len);
		char *end;
		double w = strtod(c, &end);
		bool num = end != c && isfinite(w);
		for (const char *k = c; k < end && num; k++)
			num = strchr(" \t0123456789.eE+-", *k) != NULL;
		c = end;
		while (*c == ' ' || *c == '\t')
			c++;
		if (!len || !num || (*c != ',' && *c != ')')) {
			diag_add(R->d, R->doc->path, e->line, e->key,
			         "expected dirichlet(STATE weight, STATE weight, ...), got '%.60s'",
			         t);
			return false;
		}
		size_t s = profile_state_index(p, name);
		if (s == SIZE_MAX) {
			value_unknown(R->d, R->doc->path, e->line, e->key, "state", name,
			              R->state_ids, p->n_states);
			return false;
		}
		for (size_t k = 0; k < in->n_parts; k++)
			if (in->parts[k] == s) {
				diag_add(R->d, R->doc->path, e->line, e->key,
				         "expected each state once in dirichlet(...), got %s twice",
				         name);
				return false;
			}
		if (!(w > 0)) {
			diag_add(R->d, R->doc->path, e->line, e->key,
			         "expected a weight above 0 for %s in dirichlet(...), got %.10g",
			         name, w);
			return false;
		}
		in->parts[in->n_parts] = s;
		in->alpha[in->n_parts++] = w;
		if (*c == ')')
			break;
		c++;
		if (in->n_parts == p->n_states) {
			diag_add(
			        R->d, R->doc->path, e->line, e->key,
			        "expected at most the profile's %zu states in dirichlet(...), got more",
			        p->n_states);
			return false;
		}
	}
	c++;
	while (*c == ' ' || *c == '\t')
		c++;
	if (*c || in->n_parts < 2) {
		diag_add(R->d, R->doc->path, e->line, e->key,
		         *c ? "expected nothing after dirichlet(...), got more"
		            : "expected at least two states in dirichlet(...), got one");
		return false;
	}
	in->n_cols = in->n_parts;
	return true;
}

/* Words for the range of an input, for messages. */
static void range_words(const unc_input *in, char *buf, size_t len)
{
	if (in->min == 0 && in->max == 1)
		snprintf(buf, len,
		         "0..1, which beta(a, b), uniform, triangular, pert and ±P%% keep");
	else if (in->min == 0 && in->max >= 1e10)
		snprintf(
		        buf, len,
		        "0 and above, which gamma, lognormal, uniform, triangular, pert and ±P%% keep");
	else
		snprintf(buf, len, "%.10g..%.10g, which uniform, triangular, pert and ±P%% keep",
		         in->min, in->max);
}

static bool read_distribution(reader *R, const ini_entry *e, unc_input *in)
{
	in->has_dist = true;
	in->dist_line = e->line;
	in->dist_text = e->value;
	if (in->kind == UNC_ROW || in->kind == UNC_START)
		return dirichlet(R, e, in);
	if (strncmp(e->value, "dirichlet(", 10) == 0) {
		diag_add(
		        R->d, R->doc->path, e->line, e->key,
		        "expected a distribution of one number, got dirichlet(...), which is for a whole row ('FROM -> * = dirichlet(...)') or a starting distribution ('* = dirichlet(...)')");
		return false;
	}
	char why[300];
	if (!dist_parse(e->value, in->base, &in->d, why, sizeof why)) {
		diag_add(R->d, R->doc->path, e->line, e->key, "%s", why);
		return false;
	}
	/* amounts have limits only against typing mistakes: any distribution
	 * that keeps their sign is fine */
	double lo = in->min <= -1e10 ? -HUGE_VAL : in->min,
	       hi = in->max >= 1e10 ? HUGE_VAL : in->max;
	if (in->d.lo < lo || in->d.hi > hi) {
		char words[160], text[120];
		range_words(in, words, sizeof words);
		dist_format(&in->d, text, sizeof text);
		diag_add(
		        R->d, R->doc->path, e->line, e->key,
		        "expected a distribution that stays within %s; got %s, which reaches %.10g..%.10g",
		        words, text, in->d.lo, in->d.hi);
		return false;
	}
	in->mean = dist_mean(&in->d);
	in->sd = sqrt(dist_variance(&in->d));
	in->n_cols = 1;
	return true;
}

static bool read_range(reader *R, const ini_entry *e, unc_input *in)
{
	in->has_range = true;
	in->range_line = e->line;
	if (in->kind == UNC_ROW || in->kind == UNC_START) {
		diag_add(
		        R->d, R->doc->path, e->line, e->key,
		        "expected one number with a low and high, got a whole %s (a tornado moves one number at a time)",
		        in->kind == UNC_ROW ? "row" : "distribution");
		return false;
	}
	const char *comma = strchr(e->value, ',');
	char low[64] = "";
	size_t n = comma ? (size_t)(comma - e->value) : 0;
	if (!comma || n >= sizeof low || strchr(comma + 1, ',')) {
		diag_add(R->d, R->doc->path, e->line, e->key,
		         "expected 'low, high', two numbers, got '%.60s'", e->value);
		return false;
	}
	memcpy(low, e->value, n);
	while (n && (low[n - 1] == ' ' || low[n - 1] == '\t'))
		low[--n] = '\0';
	const char *high = comma + 1;
	while (*high == ' ' || *high == '\t')
		high++;
	char expected[120];
	snprintf(expected, sizeof expected, "a low and high from %.10g to %.10g", in->min, in->max);
	if (!value_number_text(R->d, R->doc->path, e->line, e->key, low, in->min, in->max, expected,
	                       &in->low) ||
	    !value_number_text(R->d, R->doc->path, e->line, e->key, high, in->min, in->max,
	                       expected, &in->high))
		return false;
	if (in->low > in->high) {
		diag_add(R->d, R->doc->path, e->line, e->key,
		         "expected the low at most the high, got low %.10g above high %.10g",
		         in->low, in->high);
		return false;
	}
	return true;
}

static void read_run(reader *R, size_t sec)
{
	size_t first, end;
	inifile_entries(R->doc, sec, &first, &end);
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &R->doc->entries[i];
		const input_key *k = inputs_find(FILE_SCENARIO, "uncertainty", e->key);
		long v;
		if (!k) {
			const char *names[N_INPUTS];
			size_t n = inputs_keys_of(FILE_SCENARIO, "uncertainty", false, names,
			                          N_INPUTS);
			value_unknown(R->d, R->doc->path, e->line, e->key, "key in [uncertainty]",
			              e->key, names, n);
		} else if (value_int(R->d, R->doc, e, (long)k->min, (long)k->max, k->expected,
		                     &v)) {
			if (k == &input_keys[IN_DRAWS])
				R->u->draws = v;
			else if (k == &input_keys[IN_SEED])
				R->u->seed = (uint64_t)v;
		}
	}
}

static void read_section(reader *R, size_t sec, bool is_dist)
{
	const ini_doc *doc = R->doc;
	/* "[sensitivity X]": X after the space; "[sensitivity]" has none */
	const char *name = doc->sections[sec].name;
	const char *x = strlen(name) > 12 ? name + 12 : "";
	if (!*x || R->u->n == UNC_MAX_INPUTS) {
		if (!*x)
			diag_add(R->d, doc->path, doc->sections[sec].line, NULL,
			         "expected [%s X] naming the section X of its inputs, got none",
			         is_dist ? "uncertainty" : "sensitivity");
		return;
	}
	const input_section *place = NULL;
	for (size_t k = 0; k < n_input_sections && !place; k++)
		if (input_sections[k].vary_place && strcmp(input_sections[k].name, x) == 0)
			place = &input_sections[k];
	if (!place) {
		const char *names[64];
		size_t n = inputs_sections(FILE_SCENARIO, true, names);
		value_unknown(R->d, doc->path, doc->sections[sec].line, NULL,
		              is_dist ? "section of [uncertainty X]" : "section of [sensitivity X]",
		              x, names, n);
		return;
	}
	size_t first, end;
	inifile_entries(doc, sec, &first, &end);
	for (size_t i = first; i < end && !R->oom; i++) {
		const ini_entry *e = &doc->entries[i];
		if (R->u->n == UNC_MAX_INPUTS) {
			diag_add(R->d, doc->path, e->line, e->key,
			         "expected at most %d uncertain inputs, got more", UNC_MAX_INPUTS);
			return;
		}
		unc_input in = {.section = x, .key = e->key};
		if (!locate(R, e, place, &in))
			continue;
		unc_input *to = NULL;
		for (size_t j = 0; j < R->u->n && !to; j++)
			if (same_input(&R->u->v[j], &in))
				to = &R->u->v[j];
		if (!to) {
			to = &R->u->v[R->u->n++];
			*to = in;
		} else if (is_dist ? to->has_dist : to->has_range) {
			diag_add(
			        R->d, doc->path, e->line, e->key,
			        "duplicate input in [%s], first at line %d: expected each input once",
			        doc->sections[sec].name, is_dist ? to->dist_line : to->range_line);
			continue;
		}
		if (is_dist)
			read_distribution(R, e, to);
		else
			read_range(R, e, to);
	}
}

/* A row drawn whole and a move of the same row in the same section would
 * overwrite each other. */
static void check_rows(reader *R)
{
	for (size_t i = 0; i < R->u->n; i++) {
		const unc_input *r = &R->u->v[i];
		if (r->kind != UNC_ROW)
			continue;
		for (size_t j = 0; j < R->u->n; j++) {
			const unc_input *t = &R->u->v[j];
			if (t->kind == UNC_TRANSITION && t->set == r->set && t->who == r->who &&
			    t->from == r->from && t->has_dist)
				diag_add(
				        R->d, R->doc->path, t->dist_line, t->key,
				        "expected either the whole row (line %d) or its moves to vary, got both",
				        r->dist_line);
		}
	}
}

sk_status uncertainty_read(const scenario *s, unc_spec **out, diag *d)
{
	*out = NULL;
	const ini_doc *doc = s->doc;
	bool any = false;
	for (size_t i = 0; i < doc->n_sections; i++)
		any |= inputs_unc_section(doc->sections[i].name);
	if (!any)
		return SK_OK;
	const profile *p = s->profile;
	reader R = {.s = s, .doc = doc, .d = d};
	R.u = calloc(1, sizeof *R.u);
	R.state_ids = calloc(p->n_states, sizeof *R.state_ids);
	if (R.u)
		R.u->v = calloc(UNC_MAX_INPUTS, sizeof *R.u->v);
	if (!R.u || !R.u->v || !R.state_ids) {
		uncertainty_spec_free(R.u);
		free(R.state_ids);
		return SK_ENOMEM;
	}
	for (size_t i = 0; i < p->n_states; i++)
		R.state_ids[i] = p->states[i].id;
	R.u->draws = UNC_DEFAULT_DRAWS;
	R.u->seed = UNC_DEFAULT_SEED;
	size_t before = diag_count(d);
	int run_line = 0;
	for (size_t i = 0; i < doc->n_sections && !R.oom; i++) {
		const char *name = doc->sections[i].name;
		if (strcmp(name, "uncertainty") == 0) {
			run_line = doc->sections[i].line;
			read_run(&R, i);
		} else if (!inputs_unc_section(name)) {
			continue; /* [uncertaintyX]: the scenario reader's unknown section */
		} else if (strncmp(name, "uncertainty", 11) == 0) {
			read_section(&R, i, true);
		} else if (strncmp(name, "sensitivity", 11) == 0) {
			read_section(&R, i, false);
		}
	}
	free(R.state_ids);
	unc_spec *u = R.u;
	for (size_t i = 0; i < u->n; i++)
		u->any_dist |= u->v[i].has_dist;
	if (!R.oom)
		check_rows(&R);
	if (run_line && !u->any_dist && diag_count(d) == before)
		diag_add(
		        d, doc->path, run_line, NULL,
		        "expected [uncertainty X] sections saying which inputs are uncertain, got none");
	/* without [sensitivity X], the tornado moves each uncertain number
	 * between the P5 and P95 of its distribution */
	for (size_t i = 0; i < u->n && diag_count(d) == before; i++) {
		unc_input *in = &u->v[i];
		if (in->has_range) {
			in->in_tornado = true;
		} else if (in->has_dist && in->n_parts == 0) {
			in->in_tornado = true;
			in->low = dist_quantile(&in->d, 0.05);
			in->high = dist_quantile(&in->d, 0.95);
		}
	}
	for (size_t i = 0; i < u->n; i++) {
		u->v[i].col = u->n_cols;
		u->n_cols += u->v[i].has_dist ? u->v[i].n_cols : 0;
	}
	*out = u;
	if (R.oom)
		return SK_ENOMEM;
	return diag_count(d) != before ? SK_EINPUT : SK_OK;
}
