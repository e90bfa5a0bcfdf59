/* csv.c -- the flows CSV of SPEC §7, long format, full precision.
 * Actor ids are checked identifiers, so no cell can start a formula. */
#include "samkalk/report/report.h"

static const char *const sex_names[N_FLOW_SEX] = {"women", "men", "all"};

sk_status report_csv(const calc *c, FILE *out)
{
	const flows *f = c->f;
	const profile *p = c->s->profile;
	fputs("year,actor,sex,baseline_cost,intervention_cost,investment,savings,net,net_pv,t,"
	      "discount_factor\n",
	      out);
	for (int t = 0; t < f->years; t++)
		for (size_t a = 0; a < f->n_actors; a++)
			for (int g = 0; g < N_FLOW_SEX; g++) {
				double base = *flows_cost(f, ARM_BASELINE, g, t, a);
				double with = *flows_cost(f, ARM_INTERVENTION, g, t, a);
				double inv = *flows_investment(f, g, t, a);
				double sav = base - with, net = sav - inv;
				double v[7] = {base,          with, inv,
				               sav,           net,  net * f->discount[t],
				               f->discount[t]};
				char b[7][40];
				for (int k = 0; k < 7; k++)
					format_exact(b[k], sizeof b[k], v[k]);
				fprintf(out, "%d,%s,%s,%s,%s,%s,%s,%s,%s,%d,%s\n",
				        c->s->start_year + t, p->actors[a].id, sex_names[g], b[0],
				        b[1], b[2], b[3], b[4], b[5], t + 1, b[6]);
			}
	return ferror(out) ? SK_EIO : SK_OK;
}
