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
	num(out, s->discount_rate);
	fprintf(out,
	        ", \"discount_timing\": \"%s\", \"costs_on\": \"%s\", \"start_year\": %d, "
	        "\"years\": %d,\n \"cohort\": {\"size\": %ld, \"intakes\": %ld, \"women\": ",
	        timings[s->timing], costs[s->costs_on], s->start_year, s->years, s->size,
	        s->intakes);
	num(out, s->women);
	fprintf(out, ", \"intervention_years\": %d},\n \"lambda_max\": ", s->intervention_years);
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
