/* calc.c -- the orchestration of one calculation, in the order of the data
 * flow (docs/architecture.md): the scenario and its profile read, layered
 * into matrices, the uncertainty spec read, the model built and projected,
 * the figures computed. The one place that calls each layer in turn. */
#include "samkalk/vary/calc.h"

#include <stdlib.h>

#include "samkalk/model/followup.h"
#include "samkalk/model/layer.h"
#include "samkalk/read/unc_spec.h"
#include "samkalk/vary/uncertainty.h"

void calc_free(calc *c)
{
	if (!c)
		return;
	unc_results_free(c->u);
	followup_results_free(c->fu);
	uncertainty_spec_free(c->spec);
	results_free(c->r);
	flows_free(c->f);
	model_free(c->m);
	scenario_free(c->s);
	free(c);
}

sk_status calc_read(const char *path, const char *buf, size_t len, scenario **out, unc_spec **spec,
                    diag *d)
{
	*out = NULL;
	*spec = NULL;
	scenario *s;
	size_t before = diag_count(d);
	sk_status st = buf ? scenario_parse(path, buf, len, &s, d) : scenario_load(path, &s, d);
	if (!s)
		return st;
	sk_status read = st;
	if (layer_resolve(s, d) == SK_ENOMEM) {
		scenario_free(s);
		return SK_ENOMEM;
	}
	/* a tornado end is checked only when everything else is right */
	bool clean = read == SK_OK && diag_count(d) == before;
	st = uncertainty_read(s, spec, d);
	if (st == SK_OK && clean && *spec)
		st = uncertainty_check_ends(s, *spec, d);
	if (st == SK_OK && diag_count(d) != before)
		st = SK_EINPUT;
	if (st != SK_OK) {
		uncertainty_spec_free(*spec);
		*spec = NULL;
		scenario_free(s);
		return st;
	}
	*out = s;
	return SK_OK;
}

static sk_status finish(scenario *s, unc_spec *spec, calc **out)
{
	calc *c = calloc(1, sizeof *c);
	if (!c) {
		scenario_free(s);
		uncertainty_spec_free(spec);
		return SK_ENOMEM;
	}
	c->s = s;
	c->spec = spec;
	sk_status st = model_build(s, &c->m);
	if (st != SK_OK) {
		calc_free(c);
		return st;
	}
	flows *scratch = NULL;
	c->f = flows_new(c->m);
	c->r = results_new(c->m, s->profile);
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
		                         layer_attributed(s, s->outcome_rate[TR_BASELINE],
		                                          s->outcome_rate[TR_INTERVENTION])};
		st = metrics_break_even(c->m, scratch, s->outcome_mode ? rates : NULL, c->r);
	}
	if (st == SK_OK && s->followup)
		st = followup_compute(s, c->m, c->f, c->r, &c->fu);
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
	return calc_run_buffer(scenario_path, NULL, 0, out, d);
}

sk_status calc_run_buffer(const char *path, const char *buf, size_t len, calc **out, diag *d)
{
	scenario *s;
	unc_spec *spec;
	*out = NULL;
	sk_status st = calc_read(path, buf, len, &s, &spec, d);
	return st == SK_OK ? finish(s, spec, out) : st;
}

sk_status calc_check(const char *scenario_path, diag *d)
{
	scenario *s;
	unc_spec *spec;
	model *m = NULL;
	sk_status st = calc_read(scenario_path, NULL, 0, &s, &spec, d);
	if (st != SK_OK)
		return st;
	st = model_build(s, &m);
	model_free(m);
	scenario_free(s);
	uncertainty_spec_free(spec);
	return st;
}
