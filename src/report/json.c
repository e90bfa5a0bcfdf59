/* json.c -- the decision figures as JSON (SPEC §7): amounts in
 * kronor at the price year, unrounded; null where a figure does not exist. */
#include "samkalk/report/report.h"

#include "samkalk/read/inputs.h"

#include <math.h>
#include <string.h>

#include "samkalk/base/limits.h"
#include "samkalk/base/version.h"
#include "samkalk/vary/uncertainty.h"

const char *const report_set_ids[N_TR] = {"baseline", "intervention", "after"};

void report_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

void report_json_number(FILE *out, double v)
{
	char b[40];
	/* JSON has no NaN or infinity: a figure that is not a number is none */
	fputs(isfinite(v) ? format_exact(b, sizeof b, v) : "null", out);
}

static void payback_json(FILE *out, const payback *p)
{
	if (p->status != PAYBACK_REACHED) {
		fputs("null", out);
		return;
	}
	fprintf(out, "{\"year\": %d, \"years\": ", p->year);
	report_json_number(out, p->years);
	fputc('}', out);
}

void report_json_payback(FILE *out, const figures *g)
{
	if (g->nominal.status == PAYBACK_NONE) {
		fputs("\"none\"", out);
		return;
	}
	fputs("{\"nominal\": ", out);
	payback_json(out, &g->nominal);
	fputs(", \"discounted\": ", out);
	payback_json(out, &g->discounted);
	fputc('}', out);
}

void report_json_figures(FILE *out, const calc *c, const figures *g)
{
	fputs("\"pv_investment\": ", out);
	report_json_number(out, g->pv_investment);
	fputs(", \"pv_savings\": ", out);
	report_json_number(out, g->pv_savings);
	fputs(", \"npv\": ", out);
	report_json_number(out, g->npv);
	fputs(", \"investment\": ", out);
	report_json_number(out, g->investment);
	fputs(", \"savings\": ", out);
	report_json_number(out, g->savings);
	fputs(", \"net\": ", out);
	report_json_number(out, g->net);
	fputs(", \"return\": ", out);
	if (g->has_return)
		report_json_number(out, g->ret);
	else
		fputs("null", out);
	fputs(", \"payback\": ", out);
	report_json_payback(out, g);
	fputs(", \"snapshots\": [", out);
	for (int k = 0; k < 2; k++) {
		fprintf(out, "%s{\"years\": %d, \"net\": ", k ? ", " : "", g->snapshot_years[k]);
		report_json_number(out, g->snapshot_net[k]);
		fputc('}', out);
	}
	fputs("], \"cost_per_work_year\": ", out);
	if (g->has_cost_per_work_year)
		report_json_number(out, g->cost_per_work_year);
	else
		fputs("null", out);
	fputs(", \"break_even\": ", out);
	if (!g->break_even_found) {
		fputs("null", out);
	} else {
		fputs("{\"lambda\": ", out);
		report_json_number(out, g->break_even);
		if (c->s->outcome_mode) {
			fputs(", \"success_rate\": ", out);
			report_json_number(out, g->break_even_rate);
		}
		fputc('}', out);
	}
}

/* Outcome mode: the rates and the transitions they generate (SPEC §4: "the
 * report shows the generated transitions"), per sex, every move out. */
static void outcome_json(FILE *out, const scenario *s)
{
	const profile *p = s->profile;
	size_t n = p->n_states;
	fputs(" \"outcome\": {\"target\": ", out);
	report_json_string(out, p->states[s->outcome_target].id);
	const char *const *names = report_set_ids;
	for (int set = 0; set < N_TR; set++) {
		fprintf(out, ", \"%s\": ", names[set]);
		report_json_number(out, s->outcome_rate[set]);
	}
	fputs(", \"relapse\": ", out);
	report_json_number(out, s->outcome_relapse);
	fputs(",\n  \"transitions\": [", out);
	bool first = true;
	for (int g = 0; g < N_SEX; g++)
		for (size_t a = 0; a < n; a++)
			for (size_t b = 0; b < n; b++) {
				double v[N_TR];
				bool any = false;
				for (int set = 0; set < N_TR; set++) {
					v[set] = s->p[set][g][a * n + b];
					any |= v[set] != 0;
				}
				if (a == b || !any)
					continue;
				fprintf(out,
				        "%s{\"sex\": \"%s\", \"from\": ", first ? "" : ",\n   ",
				        report_sex_ids[g]);
				report_json_string(out, p->states[a].id);
				fputs(", \"to\": ", out);
				report_json_string(out, p->states[b].id);
				for (int set = 0; set < N_TR; set++) {
					fprintf(out, ", \"%s\": ", names[set]);
					report_json_number(out, v[set]);
				}
				fputc('}', out);
				first = false;
			}
	fputs("]},\n", out);
}

/* {"kommun": v, ..., "fiscal": v, "society": v} of one value per target. */
static void targets_json(FILE *out, const profile *p, const double *v)
{
	fputc('{', out);
	for (size_t t = 0; t < p->n_actors + 2; t++) {
		fputs(t ? ", " : "", out);
		report_json_string(out, t < p->n_actors                   ? p->actors[t].id
		                        : t == TARGET_FISCAL(p->n_actors) ? "fiscal"
		                                                          : "society");
		fputs(": ", out);
		report_json_number(out, v[t]);
	}
	fputc('}', out);
}

static void input_json(FILE *out, const unc_input *in)
{
	fputs("{\"section\": ", out);
	report_json_string(out, in->section);
	fputs(", \"key\": ", out);
	report_json_string(out, in->key);
}

/* The tornado (SPEC §6): inputs sorted by the swing of the fiscal NPV. */
static void sensitivity_json(FILE *out, const calc *c)
{
	const unc_results *u = c->u;
	const profile *p = c->s->profile;
	double base[SK_MAX_ACTORS + 2];
	for (size_t t = 0; t < u->n_targets; t++)
		base[t] = c->r->fig[t].npv;
	fputs(",\n \"sensitivity\": {\"base_npv\": ", out);
	targets_json(out, p, base);
	fputs(", \"inputs\": [", out);
	for (size_t k = 0; k < u->n_tornado; k++) {
		const unc_tornado_row *row = &u->tornado[k];
		const unc_input *in = &u->spec->v[row->input];
		fputs(k ? ",\n  " : "\n  ", out);
		input_json(out, in);
		fprintf(out, ", \"line\": %d, \"ends\": \"%s\", \"low\": ",
		        in->has_range ? in->range_line : in->dist_line,
		        in->has_range ? "sensitivity" : "p5_p95");
		report_json_number(out, row->low);
		fputs(", \"high\": ", out);
		report_json_number(out, row->high);
		fputs(", \"npv_low\": ", out);
		targets_json(out, p, row->npv_low);
		fputs(", \"npv_high\": ", out);
		targets_json(out, p, row->npv_high);
		fputc('}', out);
	}
	fputs("]}", out);
}

static void stats_json(FILE *out, const calc *c, const unc_stats *st)
{
	fputs("\"npv_mean\": ", out);
	report_json_number(out, st->mean);
	fputs(", \"npv_p5\": ", out);
	report_json_number(out, st->p5);
	fputs(", \"npv_p50\": ", out);
	report_json_number(out, st->p50);
	fputs(", \"npv_p95\": ", out);
	report_json_number(out, st->p95);
	fputs(", \"p_npv_positive\": ", out);
	report_json_number(out, st->p_positive);
	fputs(", \"evpi\": ", out);
	report_json_number(out, st->evpi);
	fputs(", \"payback\": {\"paid_back_by\": [", out);
	for (int t = 0; t < c->s->years; t++) {
		fprintf(out, "%s{\"year\": %d, \"share\": ", t ? ", " : "", c->s->start_year + t);
		report_json_number(out, st->paid_share[t]);
		fputc('}', out);
	}
	fputs("], \"never\": ", out);
	report_json_number(out, st->never_share);
	fputs(", \"none\": ", out);
	report_json_number(out, st->none_share);
	fputs("}", out);
}

/* Monte Carlo (SPEC §6, §7): per actor and for the totals. */
static void uncertainty_json(FILE *out, const calc *c)
{
	const unc_results *u = c->u;
	const profile *p = c->s->profile;
	fprintf(out, ",\n \"uncertainty\": {\"draws\": %ld, \"seed\": %llu, \"inputs\": [",
	        u->draws, (unsigned long long)u->seed);
	bool first = true;
	for (size_t i = 0; i < u->spec->n; i++) {
		const unc_input *in = &u->spec->v[i];
		if (!in->has_dist)
			continue;
		fputs(first ? "\n  " : ",\n  ", out);
		first = false;
		input_json(out, in);
		fprintf(out, ", \"line\": %d, \"distribution\": ", in->dist_line);
		report_json_string(out, in->dist_text);
		if (!in->n_parts) {
			fputs(", \"mean\": ", out);
			report_json_number(out, in->mean);
			fputs(", \"sd\": ", out);
			report_json_number(out, in->sd);
		}
		fputc('}', out);
	}
	fputs("],\n \"actors\": [", out);
	for (size_t a = 0; a < p->n_actors; a++) {
		fputs(a ? ",\n  {\"id\": " : "\n  {\"id\": ", out);
		report_json_string(out, p->actors[a].id);
		fputs(", ", out);
		stats_json(out, c, &u->stats[a]);
		fputc('}', out);
	}
	fputs("],\n \"totals\": {\"fiscal\": {", out);
	stats_json(out, c, &u->stats[TARGET_FISCAL(p->n_actors)]);
	fputs("},\n  \"society\": {", out);
	stats_json(out, c, &u->stats[TARGET_SOCIETY(p->n_actors)]);
	fputs("}}}", out);
}

sk_status report_json(const calc *c, FILE *out)
{
	const scenario *s = c->s;
	const profile *p = s->profile;
	const results *r = c->r;
	/* the scenario's inputs by their keys and words in the table of inputs */
	const input_key *in = input_keys;
	fputs("{\"program\": \"samkalk\", \"version\": \"" SAMKALK_VERSION "\", \"scenario\": ",
	      out);
	report_json_string(out, s->name);
	fputs(", \"intervention\": ", out);
	report_json_string(out, s->intervention_name);
	fprintf(out, ",\n \"%s\": %d, \"%s\": ", in[IN_PRICE_YEAR].key, s->price_year,
	        in[IN_CURRENCY].key);
	report_json_string(out, p->currency);
	fprintf(out, ", \"%s\": ", in[IN_DISCOUNT_RATE].key);
	if (s->has_bands)
		fputs("null", out); /* see "discounting" */
	else
		report_json_number(out, s->discount_rate);
	fputs(", \"discounting\": [", out);
	for (int t = 0; t < s->years;) {
		int end = t;
		while (end + 1 < s->years && s->rate_by_year[end + 1] == s->rate_by_year[t])
			end++;
		fprintf(out, "%s{\"from\": %d, \"to\": %d, \"rate\": ", t ? ", " : "", t + 1,
		        end + 1);
		report_json_number(out, s->rate_by_year[t]);
		fputc('}', out);
		t = end + 1;
	}
	fprintf(out, "], \"adjustments\": {\"%s\": ", in[IN_ATTRIBUTION].key);
	report_json_number(out, s->attribution);
	fprintf(out, ", \"%s\": ", in[IN_COST_UPLIFT].key);
	report_json_number(out, s->cost_uplift);
	fprintf(out, "}, \"%s\": ", in[IN_WORK_STATE].key);
	if (s->work_state < p->n_states)
		report_json_string(out, p->states[s->work_state].id);
	else
		fputs("null", out);
	fprintf(out, ", \"%s\": \"%s\", \"%s\": \"%s\", \"%s\": %d, \"%s\": %d,\n",
	        in[IN_DISCOUNT_TIMING].key, in[IN_DISCOUNT_TIMING].choices[s->timing],
	        in[IN_COSTS_ON].key, in[IN_COSTS_ON].choices[s->costs_on], in[IN_START_YEAR].key,
	        s->start_year, in[IN_YEARS].key, s->years);
	fprintf(out, " \"cohort\": {\"%s\": %ld, \"%s\": %ld, \"%s\": ", in[IN_SIZE].key, s->size,
	        in[IN_INTAKES].key, s->intakes, in[IN_WOMEN].key);
	report_json_number(out, s->women);
	fprintf(out, ", \"intervention_years\": %d},\n", s->intervention_years);
	if (s->outcome_mode)
		outcome_json(out, s);
	fputs(" \"lambda_max\": ", out);
	report_json_number(out, r->lambda_max);
	fputs(",\n \"inputs\": [", out);
	const ini_doc *docs[2] = {s->doc, p->doc};
	for (int i = 0; i < 2; i++) {
		fputs(i ? ", {\"path\": " : "{\"path\": ", out);
		report_json_string(out, docs[i]->path);
		fprintf(out, ", \"sha256\": \"%s\"}", docs[i]->sha256);
	}
	fputs("],\n \"actors\": [", out);
	for (size_t a = 0; a < p->n_actors; a++) {
		fputs(a ? ",\n  {\"id\": " : "\n  {\"id\": ", out);
		report_json_string(out, p->actors[a].id);
		fputs(", \"label\": ", out);
		report_json_string(out, p->actors[a].label);
		fprintf(out, ", \"kind\": \"%s\", ", in[IN_ACTOR_KIND].choices[p->actors[a].kind]);
		report_json_figures(out, c, &r->fig[a]);
		fputc('}', out);
	}
	fputs("],\n \"totals\": {", out);
	static const char *const totals[2] = {"fiscal", "society"};
	for (int k = 0; k < 2; k++) {
		size_t j = k ? TARGET_SOCIETY(p->n_actors) : TARGET_FISCAL(p->n_actors);
		fprintf(out, "%s\n  \"%s\": {\"actors\": [", k ? "," : "", totals[k]);
		bool first = true;
		for (size_t a = 0; a < p->n_actors; a++)
			if (r->in_target[j * p->n_actors + a]) {
				fputs(first ? "" : ", ", out);
				report_json_string(out, p->actors[a].id);
				first = false;
			}
		fputs("], ", out);
		report_json_figures(out, c, &r->fig[j]);
		fputc('}', out);
	}
	fputs("},\n \"outcomes\": [", out);
	for (size_t st = 0; st < p->n_states; st++) {
		double b = r->person_years[ARM_BASELINE * p->n_states + st];
		double w = r->person_years[ARM_INTERVENTION * p->n_states + st];
		fputs(st ? ",\n  {\"state\": " : "\n  {\"state\": ", out);
		report_json_string(out, p->states[st].id);
		fputs(", \"label\": ", out);
		report_json_string(out, p->states[st].label);
		fputs(", \"baseline\": ", out);
		report_json_number(out, b);
		fputs(", \"intervention\": ", out);
		report_json_number(out, w);
		fputs(", \"difference\": ", out);
		report_json_number(out, r->gained[st]);
		fputc('}', out);
	}
	fputc(']', out);
	if (c->u)
		sensitivity_json(out, c);
	if (c->u && c->u->draws > 0)
		uncertainty_json(out, c);
	if (c->fu)
		report_json_followup(c, out);
	fputs("}\n", out);
	return ferror(out) ? SK_EIO : SK_OK;
}
