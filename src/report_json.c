/* report_json.c -- the decision figures as JSON (SPEC §7): amounts in
 * kronor at the price year, unrounded; null where a figure does not exist. */
#include "samkalk/report.h"

#include <string.h>

#include "samkalk/version.h"

static void str(FILE *out, const char *s)
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

static void num(FILE *out, double v)
{
	char b[40];
	fputs(format_exact(b, sizeof b, v), out);
}

static void payback_json(FILE *out, const payback *p)
{
	if (p->status != PAYBACK_REACHED) {
		fputs("null", out);
		return;
	}
	fprintf(out, "{\"year\": %d, \"years\": ", p->year);
	num(out, p->years);
	fputc('}', out);
}

static void figures_json(FILE *out, const calc *c, const figures *g)
{
	fputs("\"pv_investment\": ", out);
	num(out, g->pv_investment);
	fputs(", \"pv_savings\": ", out);
	num(out, g->pv_savings);
	fputs(", \"npv\": ", out);
	num(out, g->npv);
	fputs(", \"investment\": ", out);
	num(out, g->investment);
	fputs(", \"savings\": ", out);
	num(out, g->savings);
	fputs(", \"net\": ", out);
	num(out, g->net);
	fputs(", \"return\": ", out);
	if (g->has_return)
		num(out, g->ret);
	else
		fputs("null", out);
	fputs(", \"payback\": ", out);
	if (g->nominal.status == PAYBACK_NONE) {
		fputs("\"none\"", out);
	} else {
		fputs("{\"nominal\": ", out);
		payback_json(out, &g->nominal);
		fputs(", \"discounted\": ", out);
		payback_json(out, &g->discounted);
		fputc('}', out);
	}
	fputs(", \"snapshots\": [", out);
	for (int k = 0; k < 2; k++) {
		fprintf(out, "%s{\"years\": %d, \"net\": ", k ? ", " : "", g->snapshot_years[k]);
		num(out, g->snapshot_net[k]);
		fputc('}', out);
	}
	fputs("], \"cost_per_work_year\": ", out);
	if (g->has_cost_per_work_year)
		num(out, g->cost_per_work_year);
	else
		fputs("null", out);
	fputs(", \"break_even\": ", out);
	if (!g->break_even_found) {
		fputs("null", out);
	} else {
		fputs("{\"lambda\": ", out);
		num(out, g->break_even);
		if (c->s->outcome_mode) {
			fputs(", \"success_rate\": ", out);
			num(out, g->break_even_rate);
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
	static const char *const sexes[N_SEX] = {"women", "men"};
	fputs(" \"outcome\": {\"target\": ", out);
	str(out, p->states[s->outcome_target].id);
	static const char *const names[N_TR] = {"baseline", "intervention", "after"};
	for (int set = 0; set < N_TR; set++) {
		fprintf(out, ", \"%s\": ", names[set]);
		num(out, s->outcome_rate[set]);
	}
	fputs(", \"relapse\": ", out);
	num(out, s->outcome_relapse);
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
				        sexes[g]);
				str(out, p->states[a].id);
				fputs(", \"to\": ", out);
				str(out, p->states[b].id);
				for (int set = 0; set < N_TR; set++) {
					fprintf(out, ", \"%s\": ", names[set]);
					num(out, v[set]);
				}
				fputc('}', out);
				first = false;
			}
	fputs("]},\n", out);
}

sk_status report_json(const calc *c, FILE *out)
{
	const scenario *s = c->s;
	const profile *p = s->profile;
	const results *r = c->r;
	static const char *const timings[] = {"start", "end"};
	static const char *const costs[] = {"start", "end", "mean"};
	fputs("{\"program\": \"samkalk\", \"version\": \"" SAMKALK_VERSION "\", \"scenario\": ",
	      out);
	str(out, s->name);
	fputs(", \"intervention\": ", out);
	str(out, s->intervention_name);
	fprintf(out, ",\n \"price_year\": %d, \"currency\": \"SEK\", \"discount_rate\": ",
	        s->price_year);
	if (s->has_bands)
		fputs("null", out); /* see "discounting" */
	else
		num(out, s->discount_rate);
	fputs(", \"discounting\": [", out);
	for (int t = 0; t < s->years;) {
		int end = t;
		while (end + 1 < s->years && s->rate_by_year[end + 1] == s->rate_by_year[t])
			end++;
		fprintf(out, "%s{\"from\": %d, \"to\": %d, \"rate\": ", t ? ", " : "", t + 1,
		        end + 1);
		num(out, s->rate_by_year[t]);
		fputc('}', out);
		t = end + 1;
	}
	fputs("], \"adjustments\": {\"attribution\": ", out);
	num(out, s->attribution);
	fputs(", \"cost_uplift\": ", out);
	num(out, s->cost_uplift);
	fputs("}, \"work_state\": ", out);
	if (s->work_state < p->n_states)
		str(out, p->states[s->work_state].id);
	else
		fputs("null", out);
	fprintf(out,
	        ", \"discount_timing\": \"%s\", \"costs_on\": \"%s\", \"start_year\": %d, "
	        "\"years\": %d,\n \"cohort\": {\"size\": %ld, \"intakes\": %ld, \"women\": ",
	        timings[s->timing], costs[s->costs_on], s->start_year, s->years, s->size,
	        s->intakes);
	num(out, s->women);
	fprintf(out, ", \"intervention_years\": %d},\n", s->intervention_years);
	if (s->outcome_mode)
		outcome_json(out, s);
	fputs(" \"lambda_max\": ", out);
	num(out, r->lambda_max);
	fputs(",\n \"inputs\": [", out);
	const ini_doc *docs[2] = {s->doc, p->doc};
	for (int i = 0; i < 2; i++) {
		fputs(i ? ", {\"path\": " : "{\"path\": ", out);
		str(out, docs[i]->path);
		fprintf(out, ", \"sha256\": \"%s\"}", docs[i]->sha256);
	}
	fputs("],\n \"actors\": [", out);
	for (size_t a = 0; a < p->n_actors; a++) {
		fputs(a ? ",\n  {\"id\": " : "\n  {\"id\": ", out);
		str(out, p->actors[a].id);
		fputs(", \"label\": ", out);
		str(out, p->actors[a].label);
		fprintf(out, ", \"kind\": \"%s\", ",
		        p->actors[a].kind == ACTOR_FISCAL ? "fiscal" : "economic");
		figures_json(out, c, &r->fig[a]);
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
				str(out, p->actors[a].id);
				first = false;
			}
		fputs("], ", out);
		figures_json(out, c, &r->fig[j]);
		fputc('}', out);
	}
	fputs("},\n \"outcomes\": [", out);
	for (size_t st = 0; st < p->n_states; st++) {
		double b = r->person_years[ARM_BASELINE * p->n_states + st];
		double w = r->person_years[ARM_INTERVENTION * p->n_states + st];
		fputs(st ? ",\n  {\"state\": " : "\n  {\"state\": ", out);
		str(out, p->states[st].id);
		fputs(", \"label\": ", out);
		str(out, p->states[st].label);
		fputs(", \"baseline\": ", out);
		num(out, b);
		fputs(", \"intervention\": ", out);
		num(out, w);
		fputs(", \"difference\": ", out);
		num(out, w - b);
		fputc('}', out);
	}
	fputs("]}\n", out);
	return ferror(out) ? SK_EIO : SK_OK;
}
