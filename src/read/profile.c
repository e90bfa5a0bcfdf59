/* profile.c -- reads a typical-person profile (SPEC §3) and checks every
 * key (SPEC §8). Strings point into the document the profile owns. */
#include "samkalk/read/profile.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "samkalk/base/limits.h"
#include "samkalk/base/values.h"
#include "samkalk/read/inputs.h"

#define STATE_PREFIX "state "

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const char *const item_attributes[] = {"source", "price_year", "transfer"};

typedef struct loader {
	profile *p;
	ini_doc *doc;
	diag *d;
	const char **actor_ids; /* for suggestions */
	const char **state_ids;
	bool oom;
	bool actors_refused; /* a line of [actors] was refused: actors may be missing */
} loader;

static void read_profile_section(loader *L)
{
	ini_doc *doc = L->doc;
	size_t s = inifile_find_section(doc, "profile");
	if (s == SIZE_MAX) {
		diag_add(L->d, doc->path, 0, NULL,
		         "expected a [profile] section with name and price_year, got none");
		return;
	}
	size_t first, end;
	inifile_entries(doc, s, &first, &end);
	bool have_year = false;
	const input_key *name = &input_keys[IN_PROFILE_NAME],
	                *year = &input_keys[IN_PROFILE_PRICE_YEAR],
	                *currency = &input_keys[IN_CURRENCY];
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		const input_key *k = inputs_find(FILE_PROFILE, "profile", e->key);
		double v;
		if (!k) {
			const char *names[N_INPUTS];
			size_t n = inputs_keys_of(FILE_PROFILE, "profile", false, names, N_INPUTS);
			value_unknown(L->d, doc->path, e->line, e->key, "key in [profile]", e->key,
			              names, n);
			continue;
		}
		have_year |= k == year;
		bool ok = inputs_value(L->d, doc, e, k, &v);
		if (k == name && ok) {
			L->p->name = e->value;
		} else if (k == year && ok) {
			L->p->price_year = (int)v;
			L->p->price_year_line = e->line;
		} else if (k == currency) {
			L->p->currency = e->value;
		}
	}
	if (!have_year && !doc->sections[s].refused)
		diag_add(L->d, doc->path, doc->sections[s].line, year->key, "expected %s, got none",
		         year->missing);
}

static void read_actors(loader *L)
{
	ini_doc *doc = L->doc;
	profile *p = L->p;
	size_t s = inifile_find_section(doc, "actors");
	size_t first = 0, end = 0;
	if (s != SIZE_MAX)
		inifile_entries(doc, s, &first, &end);
	L->actors_refused = doc->bad_header || (s != SIZE_MAX && doc->sections[s].refused);
	if (s == SIZE_MAX && !doc->bad_header)
		diag_add(
		        L->d, doc->path, 0, NULL,
		        "expected an [actors] section listing at least one actor (id = label), got none");
	else if (s != SIZE_MAX && end == first && !L->actors_refused)
		diag_add(L->d, doc->path, doc->sections[s].line, NULL,
		         "expected at least one actor (id = label) in [actors], got none");
	if (end == first)
		return;
	p->actors = calloc(end - first, sizeof *p->actors);
	L->actor_ids = calloc(end - first, sizeof *L->actor_ids);
	if (!p->actors || !L->actor_ids) {
		L->oom = true;
		return;
	}
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		if (!value_is_id(e->key)) {
			diag_add(
			        L->d, doc->path, e->line, e->key,
			        "expected an actor id of ASCII letters, digits, '_' or '-' (first a letter or digit), got '%s'",
			        e->key);
			L->actors_refused = true; /* no knock-on "unknown actor" for it */
			continue;
		}
		if (p->n_actors == SK_MAX_ACTORS) {
			diag_add(L->d, doc->path, e->line, e->key,
			         "expected at most %d actors, got more", SK_MAX_ACTORS);
			break;
		}
		if (!value_text(L->d, doc, e, input_keys[IN_ACTOR].expected))
			continue;
		L->actor_ids[p->n_actors] = e->key;
		p->actors[p->n_actors++] = (profile_actor){e->key, e->value, ACTOR_FISCAL, e->line};
	}
}

static void read_actor_kinds(loader *L)
{
	ini_doc *doc = L->doc;
	size_t s = inifile_find_section(doc, "actor kinds");
	if (s == SIZE_MAX)
		return;
	size_t first, end;
	inifile_entries(doc, s, &first, &end);
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		size_t a = profile_actor_index(L->p, e->key);
		if (a == SIZE_MAX) {
			if (L->p->n_actors && !L->actors_refused) /* else already reported */
				value_unknown(L->d, doc->path, e->line, e->key, "actor", e->key,
				              L->actor_ids, L->p->n_actors);
			continue;
		}
		/* the choices are in the order of enum actor_kind */
		double kind;
		if (inputs_value(L->d, doc, e, &input_keys[IN_ACTOR_KIND], &kind))
			L->p->actors[a].kind = (actor_kind)kind;
	}
}

static int by_year(const void *a, const void *b)
{
	const profile_index *x = a, *y = b;
	return (x->year > y->year) - (x->year < y->year);
}

static void read_index(loader *L)
{
	ini_doc *doc = L->doc;
	profile *p = L->p;
	size_t s = inifile_find_section(doc, "index");
	if (s == SIZE_MAX)
		return;
	size_t first, end;
	inifile_entries(doc, s, &first, &end);
	p->index = calloc(end - first + 1, sizeof *p->index);
	if (!p->index) {
		L->oom = true;
		return;
	}
	for (size_t i = first; i < end; i++) {
		const ini_entry *e = &doc->entries[i];
		double year, value;
		if (p->n_index == SK_MAX_INDEX_YEARS) {
			diag_add(L->d, doc->path, e->line, e->key,
			         "expected at most %d years in [index], got more",
			         SK_MAX_INDEX_YEARS);
			break;
		}
		const input_key *k = &input_keys[IN_INDEX_YEAR];
		char expected[64];
		snprintf(expected, sizeof expected, "a year between %.0f and %.0f as the key",
		         k->key_min, k->key_max);
		bool ok = value_number_text(L->d, doc->path, e->line, e->key, e->key, k->key_min,
		                            k->key_max, expected, &year);
		if (ok && year != (int)year) {
			diag_add(L->d, doc->path, e->line, e->key, "expected a whole year, got %s",
			         e->key);
			ok = false;
		}
		if (!value_number(L->d, doc, e, k->min, k->max, k->expected, &value) || !ok)
			continue;
		bool dup = false;
		for (size_t k = 0; k < p->n_index && !dup; k++)
			if (p->index[k].year == (int)year) {
				diag_add(
				        L->d, doc->path, e->line, e->key,
				        "duplicate year %d in [index], first at line %d: expected each year once",
				        (int)year, p->index[k].line);
				dup = true;
			}
		if (!dup)
			p->index[p->n_index++] = (profile_index){(int)year, value, e->line};
	}
	qsort(p->index, p->n_index, sizeof *p->index, by_year);
}

/* Splits "ACTOR.ITEM[.ATTR]" at its dots into up to 3 parts; returns the
 * number of parts, or 0 for another shape. */
static int split_key(const char *key, char parts[3][72])
{
	int n = 0;
	const char *s = key;
	for (;;) {
		const char *dot = strchr(s, '.');
		size_t len = dot ? (size_t)(dot - s) : strlen(s);
		if (n == 3 || len >= 72)
			return 0;
		memcpy(parts[n], s, len);
		parts[n][len] = '\0';
		n++;
		if (!dot)
			return n;
		s = dot + 1;
	}
}

static void read_state(loader *L, size_t s)
{
	ini_doc *doc = L->doc;
	profile *p = L->p;
	const char *id = doc->sections[s].name + strlen(STATE_PREFIX);
	int sline = doc->sections[s].line;
	if (!value_is_id(id)) {
		diag_add(
		        L->d, doc->path, sline, NULL,
		        "expected [state ID] with an id of ASCII letters, digits, '_' or '-' (first a letter or digit), got [%s]",
		        doc->sections[s].name);
		return;
	}
	if (p->n_states == SK_MAX_STATES) {
		diag_add(L->d, doc->path, sline, NULL, "expected at most %d states, got more",
		         SK_MAX_STATES);
		return;
	}
	size_t st = p->n_states++;
	p->states[st] = (profile_state){id, id, sline};
	L->state_ids[st] = id;
	size_t first, end;
	inifile_entries(doc, s, &first, &end);
	size_t first_item = p->n_items;
	/* Items first, then their attributes, which may stand before them. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = first; i < end; i++) {
			const ini_entry *e = &doc->entries[i];
			char parts[3][72];
			int n = split_key(e->key, parts);
			if (strcmp(e->key, "label") == 0) {
				if (pass == 0 &&
				    value_text(L->d, doc, e, input_keys[IN_STATE_LABEL].expected))
					p->states[st].label = e->value;
				continue;
			}
			if (n == 3 && pass == 0)
				continue;
			if (n == 2 && pass == 1)
				continue;
			if (n < 2 || !value_is_id(parts[0]) || !value_is_id(parts[1]) ||
			    (n == 3 && !value_is_id(parts[2]))) {
				if (pass == 0)
					diag_add(
					        L->d, doc->path, e->line, e->key,
					        "expected 'label', ACTOR.ITEM, ACTOR.ITEM.source, ACTOR.ITEM.price_year or ACTOR.ITEM.transfer (ids of ASCII letters, digits, '_', '-'), got '%s'",
					        e->key);
				continue;
			}
			size_t a = profile_actor_index(p, parts[0]);
			if (a == SIZE_MAX) {
				if (p->n_actors && !L->actors_refused) /* else already reported */
					value_unknown(L->d, doc->path, e->line, e->key, "actor",
					              parts[0], L->actor_ids, p->n_actors);
				continue;
			}
			if (n == 2) {
				double v;
				if (p->n_items == SK_MAX_ITEMS) {
					diag_add(L->d, doc->path, e->line, e->key,
					         "expected at most %d cost items, got more",
					         SK_MAX_ITEMS);
					continue;
				}
				const input_key *k = &input_keys[IN_ITEM];
				if (!value_number(L->d, doc, e, k->min, k->max, k->expected, &v))
					continue;
				p->items[p->n_items++] =
				        (profile_item){.state = st,
				                       .actor = a,
				                       .name = e->key + strlen(parts[0]) + 1,
				                       .key = e->key,
				                       .amount_sek = v,
				                       .price_year = p->price_year,
				                       .line = e->line,
				                       .transfer = SIZE_MAX};
				continue;
			}
			size_t it = SIZE_MAX;
			size_t stem = strlen(parts[0]) + 1 + strlen(parts[1]);
			for (size_t k = first_item; k < p->n_items; k++)
				if (strncmp(p->items[k].key, e->key, stem) == 0 &&
				    p->items[k].key[stem] == '\0')
					it = k;
			if (it == SIZE_MAX) {
				diag_add(
				        L->d, doc->path, e->line, e->key,
				        "expected an item %s.%s = amount in [%s] for this %s, got none",
				        parts[0], parts[1], doc->sections[s].name, parts[2]);
				continue;
			}
			if (strcmp(parts[2], "source") == 0) {
				if (value_text(L->d, doc, e, input_keys[IN_ITEM_SOURCE].expected))
					p->items[it].source = e->value;
			} else if (strcmp(parts[2], "price_year") == 0) {
				long y;
				const input_key *k = &input_keys[IN_ITEM_PRICE_YEAR];
				if (value_int(L->d, doc, e, (long)k->min, (long)k->max, k->expected,
				              &y)) {
					p->items[it].price_year = (int)y;
					p->items[it].price_year_line = e->line;
					p->items[it].price_year_key = e->key;
				}
			} else if (strcmp(parts[2], "transfer") == 0) {
				size_t other = profile_actor_index(p, e->value);
				if (other == SIZE_MAX)
					value_unknown(L->d, doc->path, e->line, e->key, "actor",
					              e->value, L->actor_ids, p->n_actors);
				else if (other == a)
					diag_add(
					        L->d, doc->path, e->line, e->key,
					        "expected the actor on the transfer's other side, not the item's own actor '%s'",
					        e->value);
				else
					p->items[it].transfer = other,
					p->items[it].transfer_line = e->line;
			} else {
				value_unknown(L->d, doc->path, e->line, e->key, "item attribute",
				              parts[2], item_attributes, COUNT(item_attributes));
			}
		}
	}
}

sk_status profile_from_doc(ini_doc *doc, profile **out, diag *d)
{
	size_t refused = doc->n_refused;
	*out = NULL;
	profile *p = calloc(1, sizeof *p);
	if (!p) {
		inifile_free(doc);
		return SK_ENOMEM;
	}
	p->doc = doc;
	p->name = doc->path;
	p->currency = "SEK";
	loader L = {p, doc, d, NULL, NULL, false, false};
	if (inifile_find_section(doc, "profile") == SIZE_MAX &&
	    inifile_find_section(doc, "scenario") != SIZE_MAX) {
		diag_add(
		        d, doc->path, doc->sections[inifile_find_section(doc, "scenario")].line,
		        NULL,
		        "expected a profile with a [profile] section, got a scenario file ([scenario] profiles = ... must name a profile)");
		profile_free(p);
		return SK_EINPUT;
	}
	size_t before = diag_count(d);
	size_t n_sec = doc->n_sections;
	p->states = calloc(n_sec + 1, sizeof *p->states);
	L.state_ids = calloc(n_sec + 1, sizeof *L.state_ids);
	p->items = calloc(doc->n_entries < SK_MAX_ITEMS ? doc->n_entries + 1 : SK_MAX_ITEMS,
	                  sizeof *p->items);
	if (!p->states || !L.state_ids || !p->items)
		goto nomem;
	read_profile_section(&L);
	read_actors(&L);
	read_actor_kinds(&L);
	read_index(&L);
	if (L.oom)
		goto nomem;
	for (size_t s = 0; s < n_sec; s++) {
		const char *name = doc->sections[s].name;
		if (strncmp(name, STATE_PREFIX, strlen(STATE_PREFIX)) == 0) {
			read_state(&L, s);
		} else {
			const char *names[64];
			size_t n = inputs_sections(FILE_PROFILE, false, names), k = 0;
			while (k < n && strcmp(names[k], name) != 0)
				k++;
			if (k == n) /* "state ID" never matches: [state X] is read above */
				value_unknown(d, doc->path, doc->sections[s].line, NULL, "section",
				              name, names, n);
		}
	}
	if (p->n_states == 0)
		diag_add(d, doc->path, 0, NULL,
		         "expected at least one [state ID] section with unit costs, got none");
	free(L.actor_ids);
	free(L.state_ids);
	if (diag_count(d) != before || refused) {
		profile_free(p);
		return SK_EINPUT;
	}
	*out = p;
	return SK_OK;
nomem:
	free(L.actor_ids);
	free(L.state_ids);
	profile_free(p);
	return SK_ENOMEM;
}

sk_status profile_load(const char *path, profile **out, diag *d, const char *ref_file, int ref_line,
                       const char *ref_key)
{
	ini_doc *doc;
	*out = NULL;
	sk_status st = inifile_read(path, &doc, d, ref_file, ref_line, ref_key);
	if (!doc)
		return st;
	return profile_from_doc(doc, out, d);
}

void profile_free(profile *p)
{
	if (!p)
		return;
	inifile_free(p->doc);
	free(p->actors);
	free(p->states);
	free(p->items);
	free(p->index);
	free(p);
}

size_t profile_state_index(const profile *p, const char *id)
{
	for (size_t i = 0; i < p->n_states; i++)
		if (strcmp(p->states[i].id, id) == 0)
			return i;
	return SIZE_MAX;
}

size_t profile_actor_index(const profile *p, const char *id)
{
	for (size_t i = 0; i < p->n_actors; i++)
		if (strcmp(p->actors[i].id, id) == 0)
			return i;
	return SIZE_MAX;
}

double profile_index_value(const profile *p, int year)
{
	for (size_t i = 0; i < p->n_index; i++)
		if (p->index[i].year == year)
			return p->index[i].value;
	return 0;
}
