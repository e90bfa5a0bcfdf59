/* csv.c -- the flows CSV of SPEC §7, long format, full precision.
 * Actor ids are checked identifiers, so no cell can start a formula. */
#include "samkalk/report/report.h"

const char *const report_flow_columns[N_FLOW_COLUMNS] = {
        "year", "actor",  "sex", "baseline_cost",  "intervention_cost", "investment", "savings",
        "net",  "net_pv", "t",   "discount_factor"};

const char *const report_sex_ids[N_FLOW_SEX] = {
        [FLOW_WOMEN] = "women", [FLOW_MEN] = "men", [FLOW_ALL] = "all"};

sk_status report_csv(const calc *c, FILE *out)
{
	const results *r = c->r;
	const profile *p = c->s->profile;
	for (int k = 0; k < N_FLOW_COLUMNS; k++)
		fprintf(out, "%s%s", k ? "," : "", report_flow_columns[k]);
	fputc('\n', out);
	for (int t = 0; t < r->years; t++)
		for (size_t a = 0; a < r->n_actors; a++)
			for (int g = 0; g < N_FLOW_SEX; g++) {
				const flow_figures *y = results_flow(r, a, g, t);
				double v[7] = {y->without, y->with,       y->investment, y->savings,
				               y->net,     y->discounted, r->discount[t]};
				char b[7][40];
				for (int k = 0; k < 7; k++)
					format_exact(b[k], sizeof b[k], v[k]);
				fprintf(out, "%d,%s,%s,%s,%s,%s,%s,%s,%s,%d,%s\n",
				        c->s->start_year + t, p->actors[a].id, report_sex_ids[g],
				        b[0], b[1], b[2], b[3], b[4], b[5], t + 1, b[6]);
			}
	return ferror(out) ? SK_EIO : SK_OK;
}
