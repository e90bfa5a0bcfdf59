/* comparison.c -- the comparison of several scenarios (issue #6) as text
 * (per measure a table with the scenarios as columns, ranks, the
 * person-years gained, and the differences a reader must know in words),
 * as CSV (scenario,actor,measure,value) and as JSON. Every figure, ranks
 * and amounts moved to one price year, comes from vary/compare.h; this
 * file chooses how each is shown (a measure's label, unit and rounding)
 * and puts the scenarios' differences into words. */
#include "samkalk/report/report.h"

#include <math.h>
#include <string.h>

#include "samkalk/base/version.h"
#include "samkalk/report/words.h"

/* How a measure's value is shown. */
typedef enum shown {
	SHOWN_KR_SIGNED, /* kronor with their sign */
	SHOWN_KR,        /* kronor, a cost or a cost per unit: no sign, like run's summary */
	SHOWN_YEAR,      /* a calendar year */
	SHOWN_YEARS,     /* years, one decimal, cut (not rounded) as run's summary */
	SHOWN_PERCENT,   /* a share in whole percent */
	SHOWN_DECIMAL    /* two decimals: kronor per krona */
} shown;

const measure compare_shown[N_COMPARE_SHOWN] = {
        M_NPV,          M_PV_INVESTMENT,     M_PV_SAVINGS, M_RETURN,
        M_PAYBACK_YEAR, M_PAYBACK_DISC_YEAR, M_BREAK_EVEN, M_NET_AFTER_1,
        M_NET_AFTER_5,  M_COST_PER_WORK_YEAR};

/* Each measure's label and how its value is shown. */
static const struct {
	word_key label;
	shown how;
} measures[N_MEASURES] = {[M_NPV] = {W_MEASURE_NPV, SHOWN_KR_SIGNED},
                          [M_PV_INVESTMENT] = {W_MEASURE_PV_INVESTMENT, SHOWN_KR},
                          [M_PV_SAVINGS] = {W_MEASURE_PV_SAVINGS, SHOWN_KR_SIGNED},
                          [M_RETURN] = {W_RETURN_PER_KRONA, SHOWN_DECIMAL},
                          [M_PAYBACK_YEAR] = {W_MEASURE_PAYBACK_YEAR, SHOWN_YEAR},
                          [M_PAYBACK_YEARS] = {W_MEASURE_PAYBACK_YEARS, SHOWN_YEARS},
                          [M_PAYBACK_DISC_YEAR] = {W_MEASURE_PAYBACK_DISC_YEAR, SHOWN_YEAR},
                          [M_PAYBACK_DISC_YEARS] = {W_MEASURE_PAYBACK_DISC_YEARS, SHOWN_YEARS},
                          [M_BREAK_EVEN] = {W_MEASURE_BREAK_EVEN, SHOWN_PERCENT},
                          [M_NET_AFTER_1] = {W_MEASURE_NET_AFTER_1, SHOWN_KR_SIGNED},
                          [M_NET_AFTER_5] = {W_MEASURE_NET_AFTER_5, SHOWN_KR_SIGNED},
                          [M_COST_PER_WORK_YEAR] = {W_MEASURE_COST_PER_WORK_YEAR, SHOWN_KR}};

const char *compare_measure_label(measure m, lang l)
{
	return words(l, measures[m].label);
}

void compare_notes(const comparison *cmp, lang l, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	if (!cmp->same_rates) {
		used += (size_t)snprintf(buf + used, n - used, "%s", words(l, W_NOTE_RATES));
		for (size_t k = 0; k < cmp->n && used < n; k++) {
			char rates[160];
			format_rates(rates, sizeof rates, cmp->c[k]->s->rate_by_year,
			             cmp->c[k]->s->years, l);
			used += (size_t)snprintf(buf + used, n - used, "%s%zu: %s", k ? "; " : "",
			                         k + 1, rates);
		}
		if (used < n)
			used += (size_t)snprintf(buf + used, n - used, "%s",
			                         words(l, W_NOTE_RATES_END));
	}
	if (!cmp->same_horizon && used < n) {
		used += (size_t)snprintf(buf + used, n - used, "%s", words(l, W_NOTE_HORIZONS));
		for (size_t k = 0; k < cmp->n && used < n; k++)
			used += (size_t)snprintf(buf + used, n - used, "%s%zu: %d %s",
			                         k ? "; " : "", k + 1, cmp->c[k]->s->years,
			                         words(l, W_UNIT_YEARS));
		if (used < n)
			used += (size_t)snprintf(buf + used, n - used, "%s",
			                         words(l, W_NOTE_HORIZONS_END));
	}
	if (!cmp->same_start && used < n)
		used += (size_t)snprintf(buf + used, n - used, "%s", words(l, W_NOTE_STARTS));
	if (!cmp->same_timing && used < n)
		snprintf(buf + used, n - used, "%s", words(l, W_NOTE_TIMING));
	size_t len = strlen(buf);
	if (len && buf[len - 1] == ' ')
		buf[len - 1] = '\0';
}

static void format_value(char *buf, size_t n, measure m, double v, lang l)
{
	char d[32];
	switch (measures[m].how) {
	case SHOWN_KR_SIGNED:
	case SHOWN_KR:
		format_amount(buf, n, v, l, measures[m].how == SHOWN_KR_SIGNED);
		break;
	case SHOWN_YEAR:
		snprintf(buf, n, "%.0f", v);
		break;
	case SHOWN_PERCENT:
		snprintf(buf, n, words(l, W_PERCENT),
		         format_decimal(d, sizeof d, 100 * v, 0, l, false));
		break;
	case SHOWN_YEARS:
		format_decimal(buf, n, floor(v * 10 + 1e-9) / 10, 1, l, false);
		break;
	case SHOWN_DECIMAL:
		format_decimal(buf, n, v, 2, l, false);
		break;
	}
}

sk_status compare_text(const comparison *cmp, lang l, FILE *out)
{
	char buf[256], notes[2048];
	fprintf(out, words(l, W_CMP_TITLE), cmp->n, cmp->price_year);
	fprintf(out, "\n%s:\n", words(l, W_SCENARIOS));
	for (size_t k = 0; k < cmp->n; k++)
		fprintf(out, "  %zu  %s (%s)\n", k + 1, cmp->c[k]->s->name,
		        cmp->c[k]->s->doc->path);
	compare_notes(cmp, l, notes, sizeof notes);
	if (notes[0])
		fprintf(out, "%s\n", notes);
	size_t w0 = format_width(words(l, W_RANK_FISCAL)) + 2, wc = 16;
	for (size_t u = 0; u < cmp->n_actors; u++)
		if (format_width(cmp->actor_labels[u]) + 4 > w0)
			w0 = format_width(cmp->actor_labels[u]) + 4;
	fputc('\n', out);
	format_cell(out, "", w0, false);
	for (size_t k = 0; k < cmp->n; k++) {
		snprintf(buf, sizeof buf, "%zu", k + 1);
		format_cell(out, buf, wc, true);
	}
	fputc('\n', out);
	const int *ranks[2] = {cmp->rank_society, cmp->rank_fiscal};
	const word_key rank_names[2] = {W_RANK_SOCIETY, W_RANK_FISCAL};
	for (int i = 0; i < 2; i++) {
		format_cell(out, words(l, rank_names[i]), w0, false);
		for (size_t k = 0; k < cmp->n; k++) {
			snprintf(buf, sizeof buf, "%d", ranks[i][k]);
			format_cell(out, buf, wc, true);
		}
		fputc('\n', out);
	}
	for (size_t i = 0; i < N_COMPARE_SHOWN; i++) {
		measure m = compare_shown[i];
		fprintf(out, "\n%s\n", compare_measure_label(m, l));
		size_t first = m == M_COST_PER_WORK_YEAR ? cmp->n_actors : 0;
		for (size_t u = first; u < cmp->n_actors + 2; u++) {
			const char *label = u == cmp->n_actors       ? words(l, W_FISCAL)
			                    : u == cmp->n_actors + 1 ? words(l, W_SOCIETY)
			                                             : cmp->actor_labels[u];
			snprintf(buf, sizeof buf, "  %s", label);
			format_cell(out, buf, w0, false);
			for (size_t k = 0; k < cmp->n; k++) {
				double v;
				if (compare_value(cmp, k, u, m, &v))
					format_value(buf, sizeof buf, m, v, l);
				else
					snprintf(buf, sizeof buf, "%s", words(l, W_DASH));
				format_cell(out, buf, wc, true);
			}
			fputc('\n', out);
		}
	}
	fprintf(out, "\n%s\n", words(l, W_GAINED_PER_STATE));
	for (size_t u = 0; u < cmp->n_states; u++) {
		bool any = false;
		for (size_t k = 0; k < cmp->n; k++) {
			double v;
			any |= compare_gained(cmp, k, u, &v) && fabs(v) >= 0.05;
		}
		if (!any)
			continue;
		snprintf(buf, sizeof buf, "  %s", cmp->states[u]);
		format_cell(out, buf, w0, false);
		for (size_t k = 0; k < cmp->n; k++) {
			double v;
			if (compare_gained(cmp, k, u, &v))
				format_decimal(buf, sizeof buf, v, 1, l, true);
			else
				snprintf(buf, sizeof buf, "%s", words(l, W_DASH));
			format_cell(out, buf, wc, true);
		}
		fputc('\n', out);
	}
	fprintf(out, "\n%s\n", words(l, W_DASH_NOTE));
	return ferror(out) ? SK_EIO : SK_OK;
}

/* ----------------------------------------------------------------- CSV */

static void csv_row(FILE *out, const comparison *cmp, size_t k, const char *actor,
                    const char *measure_name, bool has, double v)
{
	format_csv_field(out, cmp->c[k]->s->name);
	fprintf(out, ",%s,%s,", actor, measure_name);
	if (has) {
		char b[40];
		fputs(format_exact(b, sizeof b, v), out);
	}
	fputc('\n', out);
}

sk_status compare_csv(const comparison *cmp, FILE *out)
{
	fputs("scenario,actor,measure,value\n", out);
	for (size_t k = 0; k < cmp->n; k++) {
		csv_row(out, cmp, k, "society", "rank_society", true, cmp->rank_society[k]);
		csv_row(out, cmp, k, "fiscal", "rank_fiscal", true, cmp->rank_fiscal[k]);
		for (size_t u = 0; u < cmp->n_actors + 2; u++) {
			const char *actor = u == cmp->n_actors       ? "fiscal"
			                    : u == cmp->n_actors + 1 ? "society"
			                                             : cmp->actors[u];
			if (!compare_figures(cmp, k, u))
				continue;
			for (int m = 0; m < N_MEASURES; m++) {
				double v = 0;
				bool has = compare_value(cmp, k, u, (measure)m, &v);
				csv_row(out, cmp, k, actor, compare_measure_names[m], has, v);
			}
		}
		for (size_t u = 0; u < cmp->n_states; u++) {
			double v;
			if (!compare_gained(cmp, k, u, &v))
				continue;
			char name[96];
			snprintf(name, sizeof name, "person_years_gained.%s", cmp->states[u]);
			csv_row(out, cmp, k, "society", name, true, v);
		}
	}
	return ferror(out) ? SK_EIO : SK_OK;
}

/* ---------------------------------------------------------------- JSON */

sk_status compare_json(const comparison *cmp, FILE *out)
{
	char notes[2048];
	compare_notes(cmp, LANG_EN, notes, sizeof notes);
	fprintf(out,
	        "{\"program\": \"samkalk\", \"version\": \"%s\", \"comparison\": {\"price_year\": %d, \"notes\": ",
	        SAMKALK_VERSION, cmp->price_year);
	report_json_string(out, notes);
	fputs(",\n \"scenarios\": [", out);
	for (size_t k = 0; k < cmp->n; k++) {
		const calc *c = cmp->c[k];
		const scenario *s = c->s;
		const profile *p = s->profile;
		fputs(k ? ",\n  {\"path\": " : "\n  {\"path\": ", out);
		report_json_string(out, s->doc->path);
		fputs(", \"scenario\": ", out);
		report_json_string(out, s->name);
		fprintf(out, ", \"own_price_year\": %d, \"price_factor\": ", s->price_year);
		report_json_number(out, cmp->factor[k]);
		fprintf(out,
		        ", \"start_year\": %d, \"years\": %d, \"rank_society\": %d, \"rank_fiscal\": %d,\n   \"actors\": [",
		        s->start_year, s->years, cmp->rank_society[k], cmp->rank_fiscal[k]);
		for (size_t a = 0; a < p->n_actors; a++) {
			fputs(a ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
			report_json_string(out, p->actors[a].id);
			fputs(", ", out);
			report_json_figures(out, c, &cmp->moved[k][a]);
			fputc('}', out);
		}
		fputs("],\n   \"totals\": {\"fiscal\": {", out);
		report_json_figures(out, c, &cmp->moved[k][TARGET_FISCAL(p->n_actors)]);
		fputs("}, \"society\": {", out);
		report_json_figures(out, c, &cmp->moved[k][TARGET_SOCIETY(p->n_actors)]);
		fputs("}},\n   \"person_years_gained\": {", out);
		for (size_t st = 0; st < p->n_states; st++) {
			const results *r = c->r;
			fputs(st ? ", " : "", out);
			report_json_string(out, p->states[st].id);
			fputs(": ", out);
			report_json_number(out, r->gained[st]);
		}
		fputs("}}", out);
	}
	fputs("]}}\n", out);
	return ferror(out) ? SK_EIO : SK_OK;
}
