/* uncertainty.c -- one-way sensitivity (tornado) and Monte Carlo (SPEC §6),
 * per actor, for the fiscal actors together and for society.
 *
 * Each thread owns a copy of the scenario whose numbers it may change
 * ("work"). A tornado end sets one input in the copy, layers its matrices
 * again (layer_all), fills its model (model_fill) and projects it
 * (model_project): the same steps as a plain run. A draw sets the sampled
 * inputs and takes shorter routes to the same figures (docs/method.md):
 * only the rows it can change are layered again (layer_again), and
 * one projection gives each actor's saving (model_project_net). Draw k
 * (1..N) takes its random numbers from its own stream (seed, k), so its
 * values do not depend on which thread runs it; per-draw results go to
 * arrays indexed by k, and every sum over draws runs in the order of k, so
 * the output is the same for any number of threads. */
#include "samkalk/vary/uncertainty.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "samkalk/base/format.h"
#include "samkalk/base/limits.h"
#include "samkalk/model/layer.h"
#include "samkalk/vary/followup_draws.h"
#include "samkalk/vary/stats.h"

/* ------------------------------------------------------------ the copy */

typedef struct work {
	scenario s; /* a copy: strings and profile shared, numbers its own */
	const unc_spec *u;
	transition *tr[N_TR][N_FOR];
	size_t *row_at; /* [input]: first appended transition of a UNC_ROW */
	double *amount; /* per profile item */
	double size;    /* participants per intake, when it varies */
	bool size_varies, relayer, recost;
	bool rows;        /* drawn rows have their transitions appended */
	layer_plan *plan; /* the rows a draw can change; NULL: all (outcome mode) */
	model *m;
	flows *f;
	results *r; /* for tornado ends: every figure, as a plain run */
	gsl_rng *rng;
	double *values; /* one draw's sampled values, u->n_cols */
	double *theta;  /* Dirichlet scratch */
	double *net;    /* [t][actor]: savings before investment */
	double *invest; /* [actor]: investment over all years */
} work;

static void work_free(work *w)
{
	if (!w)
		return;
	for (int set = 0; set < N_TR; set++) {
		for (int who = 0; who < N_FOR; who++)
			free(w->tr[set][who]);
		for (int g = 0; g < N_SEX; g++)
			free(w->s.p[set][g]);
	}
	for (int g = 0; g < N_SEX; g++)
		free(w->s.start[g]);
	free(w->s.fixed_cost);
	free(w->s.cost_per_participant);
	free(w->s.startup_cost);
	free(w->s.unit_cost);
	free(w->s.rate_by_year);
	free(w->row_at);
	free(w->amount);
	layer_plan_free(w->plan);
	model_free(w->m);
	flows_free(w->f);
	results_free(w->r);
	if (w->rng)
		gsl_rng_free(w->rng);
	free(w->values);
	free(w->theta);
	free(w->net);
	free(w->invest);
	free(w);
}

static double *copy(const double *v, size_t n)
{
	double *c = malloc((n ? n : 1) * sizeof *c);
	if (c && n)
		memcpy(c, v, n * sizeof *c);
	return c;
}

/* The plan of the rows the copy's inputs can change: those with a
 * transition an input sets (its own, or a drawn row's appended ones). */
static layer_plan *plan_of(const work *w)
{
	const unc_spec *u = w->u;
	size_t n = w->s.profile->n_states;
	bool *varies[N_TR][N_FOR] = {{NULL}};
	bool ok = true, attribution = false;
	for (int set = 0; set < N_TR && ok; set++)
		for (int who = 0; who < N_FOR && ok; who++)
			ok = (varies[set][who] = calloc(w->s.tr[set][who].n + 1, sizeof(bool))) !=
			     NULL;
	for (size_t i = 0; i < u->n && ok; i++) {
		const unc_input *in = &u->v[i];
		if (in->kind == UNC_TRANSITION)
			varies[in->set][in->who][in->index] = true;
		else if (in->kind == UNC_ROW && w->rows && in->has_dist)
			for (size_t b = 0; b + 1 < n; b++)
				varies[in->set][in->who][w->row_at[i] + b] = true;
		attribution |= in->row == &input_keys[IN_ATTRIBUTION];
	}
	const bool *marks[N_TR][N_FOR];
	for (int set = 0; set < N_TR; set++)
		for (int who = 0; who < N_FOR; who++)
			marks[set][who] = varies[set][who];
	layer_plan *pl = ok ? layer_plan_new(&w->s, marks, attribution) : NULL;
	for (int set = 0; set < N_TR; set++)
		for (int who = 0; who < N_FOR; who++)
			free(varies[set][who]);
	return pl;
}

/* A copy of s to change. rows: append, for every drawn row, one
 * transition per other state to the row's section, where the draw puts the
 * row's values (the later keys of a section win, as in the file). project:
 * also a model, flows and results of its own. */
static work *work_new(const scenario *s, const unc_spec *u, bool rows, bool project)
{
	const profile *p = s->profile;
	size_t n = p->n_states, na = p->n_actors;
	work *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->s = *s;
	w->u = u;
	w->rows = rows;
	/* the copy's arrays are its own: none of the original's may be freed
	 * by work_free() if an allocation below fails */
	for (int set = 0; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++)
			w->s.p[set][g] = NULL;
	for (int g = 0; g < N_SEX; g++)
		w->s.start[g] = NULL;
	w->s.fixed_cost = w->s.cost_per_participant = w->s.startup_cost = NULL;
	w->s.unit_cost = w->s.rate_by_year = NULL;
	bool ok = (w->row_at = calloc(u->n + 1, sizeof *w->row_at)) &&
	          (w->amount = malloc((p->n_items + 1) * sizeof *w->amount)) &&
	          (w->values = malloc((u->n_cols + 1) * sizeof *w->values)) &&
	          (w->theta = malloc((n + 1) * sizeof *w->theta)) &&
	          (w->net = malloc(na * (size_t)s->years * sizeof *w->net)) &&
	          (w->invest = malloc((na + 1) * sizeof *w->invest));
	for (int set = 0; set < N_TR && ok; set++)
		for (int who = 0; who < N_FOR && ok; who++) {
			size_t have = s->tr[set][who].n, extra = 0;
			for (size_t i = 0; i < u->n && rows; i++)
				if (u->v[i].kind == UNC_ROW && u->v[i].set == set &&
				    u->v[i].who == who && u->v[i].has_dist)
					extra += n - 1;
			transition *t = w->tr[set][who] = calloc(have + extra + 1, sizeof *t);
			if (!t) {
				ok = false;
				break;
			}
			if (have)
				memcpy(t, s->tr[set][who].v, have * sizeof *t);
			for (size_t i = 0; i < u->n && rows; i++) {
				const unc_input *in = &u->v[i];
				if (in->kind != UNC_ROW || in->set != set || in->who != who ||
				    !in->has_dist)
					continue;
				w->row_at[i] = have;
				for (size_t b = 0; b < n; b++)
					if (b != in->from)
						t[have++] = (transition){in->from, b, 0, in->key,
						                         in->dist_line};
			}
			w->s.tr[set][who].v = t;
			w->s.tr[set][who].n = have;
		}
	for (int g = 0; g < N_SEX && ok; g++) {
		ok = (w->s.start[g] = copy(s->start[g], n)) != NULL;
		for (int set = 0; set < N_TR && ok; set++)
			ok = (w->s.p[set][g] = copy(s->p[set][g], n * n)) != NULL;
	}
	ok = ok && (w->s.fixed_cost = copy(s->fixed_cost, na)) &&
	     (w->s.cost_per_participant = copy(s->cost_per_participant, na)) &&
	     (w->s.startup_cost = copy(s->startup_cost, na)) &&
	     (w->s.unit_cost = copy(s->unit_cost, n * na)) &&
	     (w->s.rate_by_year = copy(s->rate_by_year, (size_t)s->years));
	for (size_t i = 0; i < p->n_items && ok; i++)
		w->amount[i] = p->items[i].amount_sek;
	if (ok && project) {
		ok = model_build(&w->s, &w->m) == SK_OK && (w->f = flows_new(w->m)) &&
		     (w->rng = dist_stream_new());
		/* a draw's copy projects by model_project_net() alone, which
		 * reads the compressed matrices when there are any */
		if (ok && rows)
			w->m->draws_only = w->m->sp[0][0] != NULL;
		ok = ok && (w->r = results_new(w->m, p));
	}
	for (size_t i = 0; i < u->n && ok; i++) {
		unc_kind k = u->v[i].kind;
		w->relayer |= k == UNC_ROW || (u->v[i].row && u->v[i].row->layered) ||
		              (k == UNC_START && s->outcome_mode);
		w->recost |= k == UNC_ITEM;
	}
	if (ok && w->relayer && !s->outcome_mode)
		ok = (w->plan = plan_of(w)) != NULL;
	if (!ok) {
		work_free(w);
		return NULL;
	}
	return w;
}

/* Puts values v (in->n_cols of them; one for a one-number input) into the
 * copy. */
static void apply(work *w, size_t i, const double *v)
{
	const unc_input *in = &w->u->v[i];
	scenario *s = &w->s;
	size_t n = s->profile->n_states;
	switch (in->kind) {
	case UNC_TRANSITION:
		w->tr[in->set][in->who][in->index].p = v[0];
		break;
	case UNC_ROW: {
		transition *t = &w->tr[in->set][in->who][w->row_at[i]];
		for (size_t b = 0; b + 1 < n; b++)
			t[b].p = 0;
		for (size_t k = 0; k < in->n_parts; k++) {
			size_t b = in->parts[k];
			if (b != in->from)
				t[b < in->from ? b : b - 1].p = v[k];
		}
		break;
	}
	case UNC_START:
		for (int g = 0; g < N_SEX; g++) {
			if (!(in->sexes & (1u << g)))
				continue;
			memset(s->start[g], 0, n * sizeof(double));
			for (size_t k = 0; k < in->n_parts; k++)
				s->start[g][in->parts[k]] = v[k];
		}
		break;
	case UNC_SIZE:
		w->size_varies = true;
		w->size = v[0];
		break;
	case UNC_RATE:
		s->discount_rate = v[0];
		for (int t = 0; t < s->years; t++)
			s->rate_by_year[t] = v[0];
		break;
	case UNC_NUMBER: /* the row's field of the copy */
	case UNC_PER_ACTOR:
		input_set(s, in->row, in->index, v[0]);
		break;
	case UNC_ITEM:
		w->amount[in->index] = v[0];
		break;
	case UNC_NONE:
		break;
	}
}

/* Layers and fills the model from the copy's numbers; false with *bad set
 * when a row sums above 1. */
static sk_status rebuild(work *w, layer_bad_row *bad)
{
	if (w->plan && !layer_again(&w->s, w->plan, w->s.p, bad))
		return SK_EINPUT;
	if (w->relayer && !w->plan && !layer_all(&w->s, w->s.p, bad))
		return SK_EINPUT;
	if (w->recost)
		layer_unit_costs(&w->s, w->amount, w->s.unit_cost);
	if (!w->m)
		return SK_OK;
	sk_status st = model_fill(w->m, &w->s);
	if (w->size_varies)
		w->m->size = w->size;
	return st;
}

/* --------------------------------------------------- rows above one */

/* The drawn input of the row bad points at, for the message: one of the
 * row's own set first, then one of [baseline] that the set takes. */
static size_t row_input(const unc_spec *u, const layer_bad_row *bad)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < u->n; i++) {
			const unc_input *in = &u->v[i];
			bool row = (in->kind == UNC_ROW || in->kind == UNC_TRANSITION) &&
			           in->from == bad->from && in->has_dist &&
			           in->set == (pass ? TR_BASELINE : bad->set) &&
			           (in->who == FOR_ALL || in->who == FOR_WOMEN + bad->sex);
			if (row)
				return i;
		}
	for (size_t i = 0; i < u->n; i++)
		if (u->v[i].has_dist)
			return i;
	return 0;
}

static void row_words(const scenario *s, const layer_bad_row *bad, char *buf, size_t len)
{
	bool sexes_differ = s->tr[TR_BASELINE][FOR_WOMEN].n || s->tr[TR_BASELINE][FOR_MEN].n ||
	                    s->tr[bad->set][FOR_WOMEN].n || s->tr[bad->set][FOR_MEN].n;
	snprintf(buf, len, "the yearly moves out of %s %s%s sum to %.10g",
	         s->profile->states[bad->from].id,
	         sexes_differ ? (bad->sex == SEX_WOMEN ? "for women " : "for men ") : "",
	         layer_set_words[bad->set], bad->sum);
}

sk_status uncertainty_check_ends(const scenario *s, const unc_spec *u, diag *d)
{
	work *w = work_new(s, u, false, false);
	if (!w)
		return SK_ENOMEM;
	sk_status st = SK_OK;
	for (size_t i = 0; i < u->n; i++) {
		const unc_input *in = &u->v[i];
		if (!in->in_tornado)
			continue;
		const double ends[2] = {in->low, in->high};
		for (int e = 0; e < 2; e++) {
			layer_bad_row bad;
			apply(w, i, &ends[e]);
			if (rebuild(w, &bad) == SK_OK)
				continue;
			char words[200];
			row_words(s, &bad, words, sizeof words);
			diag_add(
			        d, s->doc->path, in->has_range ? in->range_line : in->dist_line,
			        in->key,
			        "expected a %s that keeps the moves out of a state at most 1, got %.10g, with which %s",
			        in->has_range ? (e ? "high" : "low") : (e ? "P95" : "P5"), ends[e],
			        words);
			st = SK_EINPUT;
		}
		apply(w, i, &in->base);
	}
	work_free(w);
	return st;
}

/* Runs fn on n jobs (job i at base + i * size): job 0 on this thread, the
 * others on threads of their own, or here when no thread is to be had.
 * Returns when every job is done. */
static void run_parallel(void *(*fn)(void *), void *base, size_t size, int n)
{
	pthread_t thread[UNC_MAX_THREADS];
	bool threaded[UNC_MAX_THREADS] = {false};
	for (int i = 1; i < n; i++) {
		void *job = (char *)base + (size_t)i * size;
		threaded[i] = pthread_create(&thread[i], NULL, fn, job) == 0;
		if (!threaded[i])
			fn(job);
	}
	fn(base);
	for (int i = 1; i < n; i++)
		if (threaded[i])
			pthread_join(thread[i], NULL);
}

/* ------------------------------------------------------------ tornado */

typedef struct sort_key {
	double fiscal, society;
	size_t row;
} sort_key;

static int by_swing(const void *a, const void *b)
{
	const sort_key *x = a, *y = b;
	if (x->fiscal != y->fiscal)
		return x->fiscal < y->fiscal ? 1 : -1;
	if (x->society != y->society)
		return x->society < y->society ? 1 : -1;
	return x->row < y->row ? -1 : x->row > y->row;
}

static sk_status tornado(const calc *c, unc_results *ur)
{
	const unc_spec *u = c->spec;
	size_t nt = ur->n_targets, na = c->m->n_actors;
	work *w = work_new(c->s, c->spec, false, true);
	size_t n = 0;
	for (size_t i = 0; i < u->n; i++)
		n += u->v[i].in_tornado;
	unc_tornado_row *rows = calloc(n + 1, sizeof *rows);
	sort_key *keys = calloc(n + 1, sizeof *keys);
	double *npv = calloc(2 * n * nt + 1, sizeof *npv);
	if (!w || !rows || !keys || !npv) {
		work_free(w);
		free(rows);
		free(keys);
		free(npv);
		return SK_ENOMEM;
	}
	sk_status st = SK_OK;
	size_t k = 0;
	for (size_t i = 0; i < u->n && st == SK_OK; i++) {
		const unc_input *in = &u->v[i];
		if (!in->in_tornado)
			continue;
		const double ends[2] = {in->low, in->high};
		double *out[2] = {&npv[2 * k * nt], &npv[(2 * k + 1) * nt]};
		for (int e = 0; e < 2 && st == SK_OK; e++) {
			apply(w, i, &ends[e]);
			st = rebuild(w, NULL); /* rows were checked when read */
			if (st == SK_OK)
				st = model_project(w->m, 1, w->f);
			if (st != SK_OK)
				break;
			metrics_compute(w->m, w->f, c->s->start_year, c->s->work_state, w->r);
			for (size_t t = 0; t < nt; t++)
				out[e][t] = w->r->fig[t].npv;
		}
		apply(w, i, &in->base);
		double swing = fabs(out[1][TARGET_FISCAL(na)] - out[0][TARGET_FISCAL(na)]);
		rows[k] = (unc_tornado_row){i, in->low, in->high, out[0], out[1], swing};
		keys[k] = (sort_key){
		        swing, fabs(out[1][TARGET_SOCIETY(na)] - out[0][TARGET_SOCIETY(na)]), k};
		k++;
	}
	work_free(w);
	if (st != SK_OK) {
		free(rows);
		free(keys);
		free(npv);
		return st == SK_EINPUT ? SK_ENUMERIC : st;
	}
	qsort(keys, n, sizeof *keys, by_swing);
	ur->tornado = calloc(n + 1, sizeof *ur->tornado);
	if (!ur->tornado) {
		free(rows);
		free(keys);
		free(npv);
		return SK_ENOMEM;
	}
	for (size_t j = 0; j < n; j++)
		ur->tornado[j] = rows[keys[j].row];
	ur->tornado_npv = npv;
	ur->n_tornado = n;
	free(rows);
	free(keys);
	return SK_OK;
}

/* -------------------------------------------------------- Monte Carlo */

#define CHUNK 16384 /* draws between joins: progress, the CSV, failures */

typedef struct job {
	_Alignas(64) const calc *c; /* each job on cache lines of its own */
	work *w;
	long first, end; /* draws first..end-1 (0-based) of the run */
	long draws;
	uint64_t seed;
	double *npv; /* [target][draw] */
	long *paid;  /* [target][t], paid back in year t (not cumulative yet) */
	long *never, *none;
	long fail; /* the first draw whose row broke, or -1 */
	layer_bad_row bad;
	sk_status st;
	bool want_csv;
	char *csv;
	size_t csv_len, csv_cap;
	/* the follow-up's draws (NULL without one): its scratch, its NPVs
	 * [target][draw] and shares [draw][n_shares] */
	fu_draws *fu;
	double *fu_npv, *fu_one;
	float *fu_shares;
	size_t n_shares;
} job;

static bool csv_put(job *j, const char *s, size_t len)
{
	if (j->csv_len + len + 1 > j->csv_cap) {
		size_t cap = j->csv_cap ? j->csv_cap * 2 : 1 << 16;
		while (cap < j->csv_len + len + 1)
			cap *= 2;
		char *b = realloc(j->csv, cap);
		if (!b)
			return false;
		j->csv = b;
		j->csv_cap = cap;
	}
	memcpy(j->csv + j->csv_len, s, len);
	j->csv_len += len;
	return true;
}

static bool csv_row(job *j, long k, const double *npv, long draws)
{
	const unc_spec *u = j->w->u;
	char b[48];
	int len = snprintf(b, sizeof b, "%ld", k + 1);
	if (!csv_put(j, b, (size_t)len))
		return false;
	for (size_t v = 0; v < u->n_cols; v++) {
		b[0] = ',';
		format_exact(b + 1, sizeof b - 1, j->w->values[v]);
		if (!csv_put(j, b, strlen(b)))
			return false;
	}
	size_t nt = j->w->m->n_actors + 2;
	for (size_t t = 0; t < nt; t++) {
		b[0] = ',';
		format_exact(b + 1, sizeof b - 1, npv[t * (size_t)draws + (size_t)k]);
		if (!csv_put(j, b, strlen(b)))
			return false;
	}
	return csv_put(j, "\n", 1);
}

/* Samples every uncertain input of draw k into w->values, in the order of
 * the file, and puts them into the copy. */
static void sample(work *w, uint64_t seed, long k)
{
	const unc_spec *u = w->u;
	dist_stream_seed(w->rng, seed, (uint64_t)k + 1);
	for (size_t i = 0; i < u->n; i++) {
		const unc_input *in = &u->v[i];
		if (!in->has_dist)
			continue;
		double *v = &w->values[in->col];
		if (in->n_parts)
			gsl_ran_dirichlet(w->rng, in->n_parts, in->alpha, v);
		else
			v[0] = dist_draw(&in->d, w->rng);
		apply(w, i, v);
	}
}

/* NPV and payback of every target from the actors' savings w->net
 * ([t][actor], from model_project_net) and the investment in w->f. */
static void figures_of(job *j, long k)
{
	const work *w = j->w;
	const model *m = w->m;
	const flows *f = w->f;
	const results *r = j->c->r;
	size_t na = m->n_actors, nt = na + 2;
	int T = m->years;
	double *net = w->net, *invest = w->invest;
	/* each actor's net: its saving less its investment */
	for (size_t a = 0; a < na; a++)
		invest[a] = 0;
	for (int t = 0; t < T; t++)
		for (size_t a = 0; a < na; a++) {
			double inv = *flows_investment(f, FLOW_ALL, t, a);
			net[(size_t)t * na + a] -= inv;
			invest[a] += inv;
		}
	for (size_t g = 0; g < nt; g++) {
		const bool *in = &r->in_target[g * na];
		double npv = 0, cum = 0, spent = 0;
		int paid = -1;
		for (size_t a = 0; a < na; a++)
			spent += in[a] ? invest[a] : 0;
		for (int t = 0; t < T; t++) {
			const double *y = &net[(size_t)t * na];
			double xt = 0;
			if (g < na) /* an actor's own target */
				xt = y[g];
			else
				for (size_t a = 0; a < na; a++)
					xt += in[a] ? y[a] : 0;
			npv += xt * f->discount[t];
			cum += xt;
			if (paid < 0 && cum >= 0)
				paid = t;
		}
		j->npv[g * (size_t)j->draws + (size_t)k] = npv;
		if (spent <= 0)
			j->none[g]++;
		else if (paid < 0)
			j->never[g]++;
		else
			j->paid[g * (size_t)T + (size_t)paid]++;
	}
}

/* A job's own copy and counts, made on the thread that runs it: glibc
 * gives each thread its own arena, so that the copies of two threads do
 * not share cache lines (made on one thread, they lay side by side, and
 * two threads ran at 1.6 times one instead of 1.85). */
static bool job_alloc(job *j)
{
	size_t nt = j->c->m->n_actors + 2, T = (size_t)j->c->m->years;
	return (j->w = work_new(j->c->s, j->c->spec, true, true)) &&
	       (j->paid = calloc(nt * T, sizeof *j->paid)) &&
	       (j->never = calloc(nt, sizeof *j->never)) &&
	       (j->none = calloc(nt, sizeof *j->none)) &&
	       (!j->c->fu ||
	        ((j->fu = fu_draws_new(j->c)) && (j->fu_one = malloc(nt * sizeof *j->fu_one))));
}

static void *run_job(void *arg)
{
	job *j = arg;
	if (!j->paid && !job_alloc(j)) {
		j->st = SK_ENOMEM;
		return NULL;
	}
	work *w = j->w;
	j->csv_len = 0;
	for (long k = j->first; k < j->end; k++) {
		sample(w, j->seed, k);
		sk_status st = rebuild(w, &j->bad);
		if (st == SK_EINPUT) {
			j->fail = k;
			return NULL;
		}
		if (st == SK_OK)
			st = model_project_net(w->m, w->f, w->net);
		if (st != SK_OK) {
			j->st = st;
			return NULL;
		}
		figures_of(j, k);
		if (j->fu) {
			size_t nt = w->m->n_actors + 2;
			fu_draws_one(j->fu, j->c, &w->s, w->m, w->f, j->seed, k, j->fu_one,
			             j->fu_shares + (size_t)k * j->n_shares);
			for (size_t g = 0; g < nt; g++)
				j->fu_npv[g * (size_t)j->draws + (size_t)k] = j->fu_one[g];
		}
		if (j->want_csv && !csv_row(j, k, j->npv, j->draws)) {
			j->st = SK_ENOMEM;
			return NULL;
		}
	}
	return NULL;
}

/* The draws CSV header: draw, each sampled number, each target's NPV. */
static void csv_header(FILE *out, const scenario *s, const unc_spec *u)
{
	const profile *p = s->profile;
	fputs("draw", out);
	char name[400];
	for (size_t i = 0; i < u->n; i++) {
		const unc_input *in = &u->v[i];
		if (!in->has_dist)
			continue;
		for (size_t k = 0; k < (in->n_parts ? in->n_parts : 1); k++) {
			if (in->kind == UNC_ROW)
				snprintf(name, sizeof name, "%s: %s -> %s", in->section,
				         p->states[in->from].id, p->states[in->parts[k]].id);
			else if (in->kind == UNC_START)
				snprintf(name, sizeof name, "%s: %s", in->section,
				         p->states[in->parts[k]].id);
			else
				snprintf(name, sizeof name, "%s: %s", in->section, in->key);
			fputc(',', out);
			format_csv_field(out, name);
		}
	}
	for (size_t a = 0; a < p->n_actors; a++)
		fprintf(out, ",npv_%s", p->actors[a].id);
	fputs(",npv_fiscal,npv_society\n", out);
}

static void histogram(unc_results *ur, const double *x, long n)
{
	double lo = x[0], hi = x[0];
	for (long k = 1; k < n; k++) {
		lo = fmin(lo, x[k]);
		hi = fmax(hi, x[k]);
	}
	double width = hi > lo ? stats_round_width(hi - lo) : fmax(1, fabs(lo) / 10);
	double start = floor(lo / width) * width;
	int bins = (int)floor((hi - start) / width) + 1;
	while (bins > UNC_HIST_BINS) { /* rounding at the edges */
		width *= 2;
		start = floor(lo / width) * width;
		bins = (int)floor((hi - start) / width) + 1;
	}
	ur->n_bins = bins;
	for (long k = 0; k < n; k++) {
		int b = (int)floor((x[k] - start) / width);
		ur->hist[b < 0 ? 0 : b >= bins ? bins - 1 : b]++;
	}
	for (int k = 0; k < bins; k++) {
		ur->hist_from[k] = start + k * width;
		ur->hist_to[k] = ur->hist_from[k] + width;
		ur->hist_share[k] = (double)ur->hist[k] / (double)n;
	}
}

/* The NPV's figures of one target from its NPV in every draw, x;
 * reorders x. */
static void npv_stats(unc_stats *s, double *x, long draws)
{
	double sum = 0, gain = 0;
	long positive = 0;
	for (long k = 0; k < draws; k++) { /* in the order of the draws */
		sum += x[k];
		gain += fmax(x[k], 0);
		positive += x[k] > 0;
	}
	s->mean = sum / (double)draws;
	s->p_positive = (double)positive / (double)draws;
	/* EVPI of fund / don't fund: with perfect information the target
	 * would fund only in draws where it gains; without, it takes the
	 * better of the expected values */
	s->evpi = gain / (double)draws - fmax(s->mean, 0);
	stats_quantiles(x, (size_t)draws, &s->p5, &s->p50, &s->p95);
}

/* The figures of one target from its NPV in every draw, x; reorders x. */
static void target_stats(unc_results *ur, size_t g, double *x, long draws)
{
	if (g == ur->n_targets - 2)
		histogram(ur, x, draws); /* before the quantiles reorder x */
	npv_stats(&ur->stats[g], x, draws);
}

/* The follow-up's figures: the re-forecast NPV of every target, and the
 * 5th and 95th percentiles of each forecast share. */
static sk_status followup_stats(unc_results *ur, double *fu_npv, const float *shares, long draws)
{
	size_t nt = ur->n_targets, S = ur->n_fu_shares;
	double *col = malloc((size_t)draws * sizeof *col);
	ur->fu_stats = calloc(nt, sizeof *ur->fu_stats);
	ur->fu_lo = malloc((S + 1) * sizeof *ur->fu_lo);
	ur->fu_hi = malloc((S + 1) * sizeof *ur->fu_hi);
	if (!col || !ur->fu_stats || !ur->fu_lo || !ur->fu_hi) {
		free(col);
		return SK_ENOMEM;
	}
	for (size_t g = 0; g < nt; g++)
		npv_stats(&ur->fu_stats[g], &fu_npv[g * (size_t)draws], draws);
	for (size_t q = 0; q < S; q++) {
		double mid;
		for (long k = 0; k < draws; k++)
			col[k] = shares[(size_t)k * S + q];
		stats_quantiles(col, (size_t)draws, &ur->fu_lo[q], &mid, &ur->fu_hi[q]);
		/* drawn as floats: their seven digits, not the float's binary tail */
		ur->fu_lo[q] = nearbyint(ur->fu_lo[q] * 1e7) / 1e7;
		ur->fu_hi[q] = nearbyint(ur->fu_hi[q] * 1e7) / 1e7;
	}
	free(col);
	return SK_OK;
}

void uncertainty_mark_outcome(const unc_results *u, followup_results *fu)
{
	if (!u || !fu || !u->fu_lo)
		return;
	for (size_t i = 0; i < fu->n_outcome; i++) {
		fu_outcome *o = &fu->outcome[i];
		size_t q = (size_t)o->t * fu->n_states + o->state;
		if (q >= u->n_fu_shares)
			continue;
		o->lo = u->fu_lo[q];
		o->hi = u->fu_hi[q];
		/* a forecast without spread (the start, unless drawn) flags
		 * nothing: the observed entry differs from the planned by chance */
		o->spread = o->hi - o->lo > 1e-6;
		o->outside =
		        o->spread && (o->observed < o->lo - 1e-6 || o->observed > o->hi + 1e-6);
	}
}

typedef struct stats_job {
	unc_results *ur;
	double *npv;
	long draws;
	size_t first, step; /* targets first, first + step, ... */
} stats_job;

static void *run_stats(void *arg)
{
	stats_job *j = arg;
	for (size_t g = j->first; g < j->ur->n_targets; g += j->step)
		target_stats(j->ur, g, &j->npv[g * (size_t)j->draws], j->draws);
	return NULL;
}

/* Every target's figures, the targets shared among the threads. */
static sk_status stats(unc_results *ur, double *npv, long draws, const job *jobs, int n_jobs)
{
	size_t nt = ur->n_targets;
	int T = ur->years;
	ur->stats = calloc(nt, sizeof *ur->stats);
	if (!ur->stats)
		return SK_ENOMEM;
	for (size_t g = 0; g < nt; g++) {
		unc_stats *s = &ur->stats[g];
		if (!(s->paid = calloc((size_t)T, sizeof *s->paid)))
			return SK_ENOMEM;
		for (int j = 0; j < n_jobs; j++) {
			s->never += jobs[j].never[g];
			s->none += jobs[j].none[g];
			for (int t = 0; t < T; t++)
				s->paid[t] += jobs[j].paid[g * (size_t)T + (size_t)t];
		}
		for (int t = 1; t < T; t++)
			s->paid[t] += s->paid[t - 1];
		if (!(s->paid_share = calloc((size_t)T, sizeof *s->paid_share)))
			return SK_ENOMEM;
		for (int t = 0; t < T; t++)
			s->paid_share[t] = (double)s->paid[t] / (double)draws;
		s->never_share = (double)s->never / (double)draws;
		s->none_share = (double)s->none / (double)draws;
	}
	size_t n = (size_t)n_jobs < nt ? (size_t)n_jobs : nt;
	stats_job sj[UNC_MAX_THREADS];
	for (size_t i = 0; i < n; i++)
		sj[i] = (stats_job){ur, npv, draws, i, n};
	run_parallel(run_stats, sj, sizeof *sj, (int)n);
	return SK_OK;
}

static void report_failure(const calc *c, const job *j, long draws, uint64_t seed, diag *d)
{
	const unc_spec *u = c->spec;
	const unc_input *in = &u->v[row_input(u, &j->bad)];
	char words[200];
	row_words(c->s, &j->bad, words, sizeof words);
	diag_add(
	        d, c->s->doc->path, in->dist_line, in->key,
	        "expected draws that keep the moves out of a state at most 1, got draw %ld of %ld (seed %llu), in which %s; narrow the distributions of this row or draw it whole with '%s -> * = dirichlet(...)'",
	        j->fail + 1, draws, (unsigned long long)seed, words,
	        c->s->profile->states[j->bad.from].id);
}

static sk_status monte_carlo(const calc *c, const unc_options *o, unc_results *ur, diag *d)
{
	long draws = ur->draws;
	size_t nt = ur->n_targets;
	int n_jobs = o->threads < 1 ? 1 : o->threads;
	if (n_jobs > UNC_MAX_THREADS)
		n_jobs = UNC_MAX_THREADS;
	if (n_jobs > draws)
		n_jobs = (int)draws;
	double *npv = malloc(nt * (size_t)draws * sizeof *npv);
	size_t n_shares = c->fu ? fu_draws_shares(c) : 0;
	double *fu_npv = c->fu ? malloc(nt * (size_t)draws * sizeof *fu_npv) : NULL;
	float *fu_shares =
	        c->fu ? malloc(((size_t)draws * n_shares + 1) * sizeof *fu_shares) : NULL;
	ur->n_fu_shares = n_shares;
	/* sizeof(job) is a multiple of 64: aligned, no two share a line */
	job *jobs = aligned_alloc(64, (size_t)n_jobs * sizeof *jobs);
	if (jobs)
		memset(jobs, 0, (size_t)n_jobs * sizeof *jobs);
	sk_status st = npv && jobs && (!c->fu || (fu_npv && fu_shares)) ? SK_OK : SK_ENOMEM;
	for (int i = 0; i < n_jobs && st == SK_OK; i++) {
		job *j = &jobs[i];
		*j = (job){.c = c,
		           .draws = draws,
		           .seed = ur->seed,
		           .npv = npv,
		           .want_csv = o->draws_csv != NULL,
		           .fu_npv = fu_npv,
		           .fu_shares = fu_shares,
		           .n_shares = n_shares};
	}
	if (st == SK_OK && o->draws_csv)
		csv_header(o->draws_csv, c->s, c->spec);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long from = 0; from < draws && st == SK_OK; from += CHUNK) {
		long to = from + CHUNK < draws ? from + CHUNK : draws;
		for (int i = 0; i < n_jobs; i++) {
			job *j = &jobs[i];
			j->first = from + (to - from) * i / n_jobs;
			j->end = from + (to - from) * (i + 1) / n_jobs;
			j->fail = -1;
		}
		run_parallel(run_job, jobs, sizeof *jobs, n_jobs);
		for (int i = 0; i < n_jobs && st == SK_OK; i++) {
			if (jobs[i].fail >= 0) {
				report_failure(c, &jobs[i], draws, ur->seed, d);
				st = SK_EINPUT;
			} else if (jobs[i].st != SK_OK) {
				st = jobs[i].st;
			} else if (o->draws_csv && jobs[i].csv_len &&
			           fwrite(jobs[i].csv, 1, jobs[i].csv_len, o->draws_csv) !=
			                   jobs[i].csv_len) {
				st = SK_EIO;
			}
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (o->progress && st == SK_OK)
			o->progress(to, draws,
			            (double)(t1.tv_sec - t0.tv_sec) +
			                    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
			            o->progress_arg);
	}
	if (st == SK_OK)
		st = stats(ur, npv, draws, jobs, n_jobs);
	if (st == SK_OK && c->fu)
		st = followup_stats(ur, fu_npv, fu_shares, draws);
	for (int i = 0; i < n_jobs && jobs; i++) {
		fu_draws_free(jobs[i].fu);
		free(jobs[i].fu_one);
		work_free(jobs[i].w);
		free(jobs[i].paid);
		free(jobs[i].never);
		free(jobs[i].none);
		free(jobs[i].csv);
	}
	free(jobs);
	free(npv);
	free(fu_npv);
	free(fu_shares);
	return st;
}

void unc_results_free(unc_results *u)
{
	if (!u)
		return;
	for (size_t g = 0; u->stats && g < u->n_targets; g++) {
		free(u->stats[g].paid);
		free(u->stats[g].paid_share);
	}
	free(u->stats);
	free(u->fu_stats);
	free(u->fu_lo);
	free(u->fu_hi);
	free(u->tornado);
	free(u->tornado_npv);
	free(u);
}

sk_status uncertainty_run(const calc *c, const unc_options *o, unc_results **out, diag *d)
{
	*out = NULL;
	const unc_spec *u = c->spec;
	if (!u)
		return SK_OK;
	unc_results *ur = calloc(1, sizeof *ur);
	if (!ur)
		return SK_ENOMEM;
	ur->spec = u;
	ur->n_targets = c->m->n_actors + 2;
	ur->years = c->m->years;
	ur->seed = o->seed >= 0 ? (uint64_t)o->seed : u->seed;
	ur->draws = !u->any_dist ? 0 : o->draws >= 0 ? o->draws : u->draws;
	sk_status st = tornado(c, ur);
	if (st == SK_OK && ur->draws > 0)
		st = monte_carlo(c, o, ur, d);
	if (st != SK_OK) {
		unc_results_free(ur);
		return st;
	}
	*out = ur;
	return SK_OK;
}
