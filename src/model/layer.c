/* layer.c -- the transition sections of a read scenario layered into the
 * matrices as used, and its unit costs moved to the price year
 * (docs/method.md). Reports what only the layered model can show: a row
 * whose moves out sum above 1, a price year missing from the index. */
#include "samkalk/model/layer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What resolving one scenario needs at hand. */
typedef struct resolver {
	scenario *s;
	const ini_doc *doc;
	const profile *p;
	diag *d;
} resolver;

/* Outcome mode (SPEC §4): s -> target = rate for every s but the target,
 * and target -> s = relapse d_s / (1 - d_target): "relapse" is the yearly
 * share of those in the target who fall back, spread like the starting
 * distribution over the other states. SPEC §4 writes relapse d_s, which is
 * the same when nobody starts in the target, and lets fewer than "relapse"
 * fall back otherwise (docs/method.md). The caller checks d_target < 1. */
static void outcome_matrix(const scenario *s, double *P, size_t n, const double *d, double rate)
{
	size_t tg = s->outcome_target;
	memset(P, 0, n * n * sizeof *P);
	double outside = 1 - d[tg], back = 0;
	for (size_t a = 0; a < n; a++) {
		if (a == tg)
			continue;
		P[a * n + tg] = rate;
		P[a * n + a] = 1 - rate;
		P[tg * n + a] = outside > 0 ? s->outcome_relapse * d[a] / outside : 0;
		back += P[tg * n + a];
	}
	P[tg * n + tg] = fabs(1 - back) <= 1e-12 ? 0 : 1 - back;
}

/* Where each entry of a matrix came from, to point at lines in messages. */
typedef struct origin {
	const transition **from; /* [a * n + b], NULL when not from the file */
} origin;

static void apply(double *P, origin *o, const transitions *t, size_t n)
{
	for (size_t k = 0; k < t->n; k++) {
		P[t->v[k].from * n + t->v[k].to] = t->v[k].p;
		if (o)
			o->from[t->v[k].from * n + t->v[k].to] = &t->v[k];
	}
}

/* The layers of one matrix (docs/method.md): [baseline], then the sex's
 * [baseline.g]; the other sets then apply their own keys and their sex's. */
static int layers_of(const scenario *s, int set, int g, const transitions *layers[4])
{
	layers[0] = &s->tr[TR_BASELINE][FOR_ALL];
	layers[1] = &s->tr[TR_BASELINE][FOR_WOMEN + g];
	layers[2] = &s->tr[set][FOR_ALL];
	layers[3] = &s->tr[set][FOR_WOMEN + g];
	return set == TR_BASELINE ? 2 : 4;
}

/* The diagonal of a row: 1 - its moves out. A row that sums to 1 leaves
 * nobody: its diagonal is 0, not the 1e-16 of rounding, which would
 * otherwise bound lambda_max. */
static double stay(double out)
{
	return fabs(1 - out) <= 1e-12 ? 0 : 1 - out;
}

/* [adjustments] attribution scales the effect as lambda does:
 * P = P_base + a (P - P_base), diagonal included, rows still sum to 1. */
static void attribute(const scenario *s, double *p[N_TR][N_SEX], size_t n)
{
	for (int g = 0; g < N_SEX && s->attribution != 1; g++)
		for (int set = TR_INTERVENTION; set < N_TR; set++)
			for (size_t k = 0; k < n * n; k++)
				p[set][g][k] =
				        layer_attributed(s, p[TR_BASELINE][g][k], p[set][g][k]);
}

bool layer_all(const scenario *s, double *p[N_TR][N_SEX], layer_bad_row *bad)
{
	size_t n = s->profile->n_states;
	for (int g = 0; g < N_SEX; g++)
		for (int set = 0; set < N_TR; set++) {
			double *P = p[set][g];
			if (s->outcome_mode) {
				double rate = set == TR_AFTER && !s->outcome_after_given
				                      ? s->outcome_rate[TR_BASELINE]
				                      : s->outcome_rate[set];
				outcome_matrix(s, P, n, s->start[g], rate);
				continue;
			}
			memset(P, 0, n * n * sizeof *P);
			const transitions *layers[4];
			int n_layers = layers_of(s, set, g, layers);
			for (int k = 0; k < n_layers; k++)
				apply(P, NULL, layers[k], n);
			for (size_t a = 0; a < n; a++) {
				double out = 0;
				for (size_t b = 0; b < n; b++)
					out += b == a ? 0 : P[a * n + b];
				P[a * n + a] = stay(out);
				if (out > 1 + 1e-12) {
					if (bad)
						*bad = (layer_bad_row){set, g, a, out};
					return false;
				}
			}
		}
	attribute(s, p, n);
	return true;
}

/* One row a plan layers again: its entries in layer order. */
typedef struct plan_row {
	int set, sex;
	size_t from;
	size_t first, end; /* its entries in layer_plan.to and .p */
} plan_row;

struct layer_plan {
	plan_row *rows; /* in the order layer_all() checks them */
	size_t n_rows;
	size_t *to;       /* [entry]: the column an entry writes */
	const double **p; /* [entry]: the transition's probability */
};

void layer_plan_free(layer_plan *pl)
{
	if (!pl)
		return;
	free(pl->rows);
	free(pl->to);
	free(pl->p);
	free(pl);
}

/* Whether a layer has an entry from row a marked in varies. */
static bool row_varies(const transitions *t, const bool *varies, size_t a)
{
	for (size_t k = 0; k < t->n && varies; k++)
		if (varies[k] && t->v[k].from == a)
			return true;
	return false;
}

layer_plan *layer_plan_new(const scenario *s, const bool *varies[N_TR][N_FOR],
                           bool attribution_varies)
{
	size_t n = s->profile->n_states;
	layer_plan *pl = calloc(1, sizeof *pl);
	if (!pl)
		return NULL;
	/* at most every row of every matrix, with every entry of its layers */
	size_t entries = 0;
	for (int set = 0; set < N_TR; set++)
		for (int who = 0; who < N_FOR; who++)
			entries += s->tr[set][who].n;
	entries *= (size_t)N_TR * N_SEX;
	pl->rows = calloc((size_t)N_TR * N_SEX * n + 1, sizeof *pl->rows);
	pl->to = calloc(entries + 1, sizeof *pl->to);
	pl->p = calloc(entries + 1, sizeof *pl->p);
	if (!pl->rows || !pl->to || !pl->p) {
		layer_plan_free(pl);
		return NULL;
	}
	bool *base_live = calloc(n + 1, sizeof *base_live);
	if (!base_live) {
		layer_plan_free(pl);
		return NULL;
	}
	bool mixes = s->attribution != 1 || attribution_varies;
	size_t e = 0;
	for (int g = 0; g < N_SEX; g++) {
		for (int set = 0; set < N_TR; set++) {
			const transitions *layers[4];
			int n_layers = layers_of(s, set, g, layers);
			for (size_t a = 0; a < n; a++) {
				bool live = attribution_varies && set != TR_BASELINE;
				for (int k = 0; k < n_layers && !live; k++) {
					/* layers_of() gives [baseline] first, then the
					 * sex's [baseline.g], the set's keys, its sex's */
					int lset = k < 2 ? TR_BASELINE : set;
					int who = k % 2 == 0 ? FOR_ALL : FOR_WOMEN + g;
					live = row_varies(layers[k], varies[lset][who], a);
				}
				/* an attributed row mixes in its baseline row */
				if (set == TR_BASELINE)
					base_live[a] = live;
				else
					live = live || (mixes && base_live[a]);
				if (!live)
					continue;
				plan_row *row = &pl->rows[pl->n_rows++];
				*row = (plan_row){set, g, a, e, e};
				for (int k = 0; k < n_layers; k++)
					for (size_t j = 0; j < layers[k]->n; j++)
						if (layers[k]->v[j].from == a) {
							pl->to[e] = layers[k]->v[j].to;
							pl->p[e++] = &layers[k]->v[j].p;
						}
				row->end = e;
			}
		}
	}
	free(base_live);
	return pl;
}

bool layer_again(const scenario *s, const layer_plan *pl, double *p[N_TR][N_SEX],
                 layer_bad_row *bad)
{
	size_t n = s->profile->n_states;
	for (size_t r = 0; r < pl->n_rows; r++) {
		const plan_row *row = &pl->rows[r];
		size_t a = row->from;
		double *P = p[row->set][row->sex] + a * n;
		memset(P, 0, n * sizeof *P);
		for (size_t k = row->first; k < row->end; k++)
			P[pl->to[k]] = *pl->p[k];
		/* as layer_all(): the same sum in the same order */
		double out = 0;
		for (size_t b = 0; b < n; b++)
			out += b == a ? 0 : P[b];
		P[a] = stay(out);
		if (out > 1 + 1e-12) {
			if (bad)
				*bad = (layer_bad_row){row->set, row->sex, a, out};
			return false;
		}
		if (row->set != TR_BASELINE && s->attribution != 1) {
			const double *B = p[TR_BASELINE][row->sex] + a * n;
			for (size_t b = 0; b < n; b++)
				P[b] = layer_attributed(s, B[b], P[b]);
		}
	}
	return true;
}

void layer_pattern(const scenario *s, int set, int g, bool *nonzero)
{
	size_t n = s->profile->n_states;
	memset(nonzero, 0, n * n * sizeof *nonzero);
	const transitions *layers[4];
	int n_layers = layers_of(s, set, g, layers);
	for (int k = 0; k < n_layers; k++)
		for (size_t j = 0; j < layers[k]->n; j++)
			nonzero[layers[k]->v[j].from * n + layers[k]->v[j].to] = true;
	for (size_t a = 0; a < n; a++)
		nonzero[a * n + a] = true;
}

void layer_unit_costs(const scenario *s, const double *amount, double *unit_cost)
{
	const profile *p = s->profile;
	memset(unit_cost, 0, p->n_states * p->n_actors * sizeof *unit_cost);
	for (size_t i = 0; i < p->n_items; i++) {
		const profile_item *it = &p->items[i];
		double moved = amount[i] * s->item_factor[i];
		unit_cost[it->state * p->n_actors + it->actor] += moved;
		/* a transfer's other side, mirrored after the index: the two sum
		 * to exactly zero (x + -x) in every state, year and arm */
		if (it->transfer != SIZE_MAX)
			unit_cost[it->state * p->n_actors + it->transfer] -= moved;
	}
}

const char *const layer_set_words[N_TR] = {"without the intervention", "in the intervention years",
                                           "after the intervention"};
static const char *const sex_words[N_SEX] = {"for women ", "for men "};

/* Sets each diagonal to 1 - the row's moves out and reports rows above 1,
 * once per row and line however many matrices share it. */
static void close_rows(resolver *L, double *P, const origin *o, int set, int sex, bool sex_specific,
                       int *seen_line, size_t *seen_from, size_t *n_seen)
{
	size_t n = L->p->n_states;
	for (size_t a = 0; a < n; a++) {
		double out = 0;
		const transition *last = NULL;
		for (size_t b = 0; b < n; b++) {
			if (b == a)
				continue;
			out += P[a * n + b];
			const transition *t = o->from[a * n + b];
			if (t && (!last || t->line > last->line))
				last = t;
		}
		P[a * n + a] = stay(out);
		if (out <= 1 + 1e-12 || !last)
			continue;
		P[a * n + a] = 0;
		bool again = false;
		for (size_t i = 0; i < *n_seen; i++)
			again |= seen_line[i] == last->line && seen_from[i] == a;
		if (again || *n_seen == 64)
			continue;
		seen_line[*n_seen] = last->line;
		seen_from[(*n_seen)++] = a;
		char list[400] = "";
		size_t used = 0;
		for (size_t b = 0; b < n && used < sizeof list - 1; b++) {
			const transition *t = o->from[a * n + b];
			if (b != a && t && t->p > 0)
				used += (size_t)snprintf(list + used, sizeof list - used,
				                         "%s%s = %.10g (line %d)", used ? ", " : "",
				                         t->key, t->p, t->line);
		}
		char key[80];
		snprintf(key, sizeof key, "%s -> *", L->p->states[a].id);
		diag_add(
		        L->d, L->doc->path, last->line, key,
		        "expected the yearly moves out of %s to sum to at most 1, got %.10g %s%s: %s",
		        L->p->states[a].id, out, sex_specific ? sex_words[sex] : "",
		        layer_set_words[set], list);
	}
}

/* Layers the transition sections into the matrices as used (docs/method.md):
 * [baseline], then the sex's [baseline.g]; the other sets start from that
 * and apply their own keys, then their sex's keys. Matrices built from a
 * section with a refused entry are not checked: their rows are unknown. */
static bool build_matrices(resolver *L)
{
	scenario *s = L->s;
	size_t n = L->p->n_states;
	origin o = {calloc(n * n, sizeof *o.from)};
	if (!o.from)
		return false;
	int seen_line[64];
	size_t seen_from[64], n_seen = 0;
	for (int g = 0; g < N_SEX; g++) {
		for (int set = 0; set < N_TR; set++) {
			double *P = s->p[set][g] = calloc(n * n, sizeof *P);
			if (!P) {
				free(o.from);
				return false;
			}
			if (s->outcome_mode) {
				if (s->outcome_target >= n) /* already reported */
					continue;
				if (s->outcome_relapse > 0 &&
				    s->start[g][s->outcome_target] > 1 - 1e-12 &&
				    set == TR_BASELINE)
					diag_add(
					        L->d, L->doc->path, s->outcome_line, "relapse",
					        "expected some of the starting distribution%s outside %s, where relapses go, got everyone in %s",
					        g == SEX_WOMEN ? "" : " of men",
					        L->p->states[s->outcome_target].id,
					        L->p->states[s->outcome_target].id);
				outcome_matrix(s, P, n, s->start[g], s->outcome_rate[set]);
				continue;
			}
			memset(o.from, 0, n * n * sizeof *o.from);
			const transitions *layers[4];
			int n_layers = layers_of(s, set, g, layers);
			bool failed = false, sex_specific = false;
			for (int k = 0; k < n_layers; k++) {
				apply(P, &o, layers[k], n);
				failed |= layers[k]->failed;
				sex_specific |= (k == 1 || k == 3) && layers[k]->n > 0;
			}
			if (failed) {
				for (size_t a = 0; a < n; a++)
					P[a * n + a] = 0;
				continue;
			}
			close_rows(L, P, &o, set, g, sex_specific, seen_line, seen_from, &n_seen);
		}
	}
	free(o.from);
	attribute(s, s->p, n);
	return true;
}

/* Unit costs moved to the scenario's price year by the index ratio: each
 * item from its own price year (docs/method.md). */
static bool resolve_costs(resolver *L)
{
	scenario *s = L->s;
	const profile *p = L->p;
	s->unit_cost = calloc(p->n_states * p->n_actors + 1, sizeof *s->unit_cost);
	s->item_factor = calloc(p->n_items + 1, sizeof *s->item_factor);
	s->item_moved = calloc(p->n_items + 1, sizeof *s->item_moved);
	double *amount = calloc(p->n_items + 1, sizeof *amount);
	if (!s->unit_cost || !s->item_factor || !s->item_moved || !amount) {
		free(amount);
		return false;
	}
	double to = profile_index_value(p, s->price_year);
	bool told_to = false, told_profile_year = false;
	for (size_t i = 0; i < p->n_items; i++) {
		const profile_item *it = &p->items[i];
		double factor = 1;
		if (it->price_year != s->price_year) {
			double from = profile_index_value(p, it->price_year);
			if (to == 0) {
				if (!told_to && s->price_year_line)
					diag_add(
					        L->d, L->doc->path, s->price_year_line,
					        "price_year",
					        "expected price year %d in the [index] of %s to move prices from %d, got no such year",
					        s->price_year, p->doc->path, it->price_year);
				else if (!told_to)
					diag_add(
					        L->d, p->doc->path, p->price_year_line,
					        "price_year",
					        "expected price year %d in the profile's [index] to move prices from %d, got no such year",
					        s->price_year, it->price_year);
				told_to = true;
				continue;
			}
			if (from == 0 && it->price_year_key) {
				diag_add(
				        L->d, p->doc->path, it->price_year_line, it->price_year_key,
				        "expected price year %d in the profile's [index] to move this amount to %d, got no such year",
				        it->price_year, s->price_year);
				continue;
			}
			if (from == 0) {
				if (!told_profile_year)
					diag_add(
					        L->d, p->doc->path, p->price_year_line,
					        "price_year",
					        "expected price year %d in the profile's [index] to move the profile's amounts to %d, got no such year",
					        it->price_year, s->price_year);
				told_profile_year = true;
				continue;
			}
			factor = to / from;
		}
		s->item_factor[i] = factor;
		/* as the workbook's formula amount x index(to) / index(from) */
		s->item_moved[i] =
		        it->price_year == s->price_year
		                ? it->amount_sek
		                : it->amount_sek * to / profile_index_value(p, it->price_year);
		amount[i] = it->amount_sek;
	}
	layer_unit_costs(s, amount, s->unit_cost);
	free(amount);
	return true;
}

sk_status layer_resolve(scenario *s, diag *d)
{
	resolver L = {.s = s, .doc = s->doc, .p = s->profile, .d = d};
	if (!L.p)
		return SK_OK;
	if (!build_matrices(&L) || !resolve_costs(&L))
		return SK_ENOMEM;
	return SK_OK;
}
