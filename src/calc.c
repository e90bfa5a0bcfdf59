/* calc.c -- scenario -> model -> projection -> figures, in that order
 * (the data flow of STYLE.md). */
#include "samkalk/calc.h"

#include <stdlib.h>

#include "samkalk/limits.h"
#include "samkalk/uncertainty.h"

void calc_free(calc *c)
{
	if (!c)
		return;
	unc_results_free(c->u);
	results_free(c->r);
	flows_free(c->f);
	model_free(c->m);
	scenario_free(c->s);
	free(c);
}

static sk_status finish(scenario *s, calc **out)
{
	calc *c = calloc(1, sizeof *c);
	if (!c) {
		scenario_free(s);
		return SK_ENOMEM;
	}
	c->s = s;
	sk_status st = model_build(s, &c->m);
	if (st != SK_OK) {
		calc_free(c);
		return st;
	}
	const profile *p = s->profile;
	bool fiscal[SK_MAX_ACTORS];
	for (size_t a = 0; a < p->n_actors; a++)
		fiscal[a] = p->actors[a].kind == ACTOR_FISCAL;
	flows *scratch = NULL;
	c->f = flows_new(c->m);
	c->r = results_new(c->m, fiscal);
	scratch = flows_new(c->m);
	if (!c->f || !c->r || !scratch)
		st = SK_ENOMEM;
	if (st == SK_OK)
		st = model_project(c->m, 1, c->f);
	if (st == SK_OK) {
		metrics_compute(c->m, c->f, s->start_year, s->work_state, c->r);
		/* lambda scales the attributed effect: its success rate runs from
		 * the baseline rate to base + attribution (intervention - base) */
		const double rates[2] = {s->outcome_rate[TR_BASELINE],
		                         s->outcome_rate[TR_BASELINE] +
		                                 s->attribution *
		                                         (s->outcome_rate[TR_INTERVENTION] -
		                                          s->outcome_rate[TR_BASELINE])};
		st = metrics_break_even(c->m, scratch, s->outcome_mode ? rates : NULL, c->r);
	}
	flows_free(scratch);
	if (st != SK_OK) {
		calc_free(c);
		return st;
	}
	*out = c;
	return SK_OK;
}

sk_status calc_run(const char *scenario_path, calc **out, diag *d)
{
	scenario *s;
	*out = NULL;
	sk_status st = scenario_load(scenario_path, &s, d);
	return st == SK_OK ? finish(s, out) : st;
}

sk_status calc_run_buffer(const char *path, const char *buf, size_t len, calc **out, diag *d)
{
	scenario *s;
	*out = NULL;
	sk_status st = scenario_parse(path, buf, len, &s, d);
	return st == SK_OK ? finish(s, out) : st;
}

sk_status calc_check(const char *scenario_path, diag *d)
{
	scenario *s;
	model *m = NULL;
	sk_status st = scenario_load(scenario_path, &s, d);
	if (st != SK_OK)
		return st;
	st = model_build(s, &m);
	model_free(m);
	scenario_free(s);
	return st;
}
