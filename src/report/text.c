/* text.c -- the summary on stdout (SPEC §7), Swedish or English.
 * Investment is a cost and printed without sign; savings and NPV always
 * carry their sign, so a cost never reads as a saving. */
#include "samkalk/report/report.h"

#include <math.h>
#include <string.h>

#include "samkalk/report/words.h"
#include "samkalk/vary/uncertainty.h"

static const char *target_label(const calc *c, size_t j, lang l, char *buf, size_t n)
{
	size_t na = c->s->profile->n_actors;
	if (j == TARGET_FISCAL(na))
		snprintf(buf, n, "%s\xc2\xb9", words(l, W_FISCAL));
	else if (j == TARGET_SOCIETY(na))
		snprintf(buf, n, "%s\xc2\xb2", words(l, W_SOCIETY));
	else
		snprintf(buf, n, "%s", c->s->profile->actors[j].label);
	return buf;
}

static void payback_text(const payback *p, const calc *c, lang l, char *buf, size_t n)
{
	char years[32];
	if (p->status == PAYBACK_NONE)
		snprintf(buf, n, "%s", words(l, W_NO_INVESTMENT));
	else if (p->status == PAYBACK_NOT_REACHED)
		snprintf(buf, n, words(l, W_NOT_WITHIN), c->s->years);
	else
		snprintf(buf, n, words(l, W_PAID_BACK_AFTER), p->year,
		         format_decimal(years, sizeof years, floor(p->years * 10 + 1e-9) / 10, 1, l,
		                        false));
}

static void break_even_text(const figures *g, const calc *c, lang l, char *buf, size_t n)
{
	char pct[32], rate[32];
	bool none = g->nominal.status == PAYBACK_NONE;
	if (!g->break_even_found && none) {
		snprintf(buf, n, "%s", words(l, W_NO_GAIN));
	} else if (!g->break_even_found) {
		snprintf(buf, n, words(l, W_NOT_REACHABLE),
		         format_decimal(pct, sizeof pct, 100 * c->r->lambda_max, 0, l, false));
	} else if (none) {
		snprintf(buf, n, "%s", words(l, W_INVESTS_NOTHING));
	} else {
		int used =
		        snprintf(buf, n, words(l, W_OF_EFFECT),
		                 format_decimal(pct, sizeof pct, 100 * g->break_even, 0, l, false));
		if (c->s->outcome_mode && used > 0 && (size_t)used < n)
			snprintf(buf + used, n - (size_t)used, words(l, W_RATE_TO),
			         format_decimal(rate, sizeof rate, 100 * g->break_even_rate, 1, l,
			                        false),
			         c->s->profile->states[c->s->outcome_target].id);
	}
}

/* "Kommunen, Arbetsförmedlingen och Regionen" from the actors of target j;
 * the workbook's summary and uncertainty sheets say it too. */
void report_actor_list(const calc *c, size_t j, lang l, char *buf, size_t n)
{
	const profile *p = c->s->profile;
	size_t count = 0, k = 0, used = 0;
	for (size_t a = 0; a < p->n_actors; a++)
		count += c->r->in_target[j * p->n_actors + a];
	buf[0] = '\0';
	for (size_t a = 0; a < p->n_actors && used < n; a++) {
		if (!c->r->in_target[j * p->n_actors + a])
			continue;
		const char *sep = k == 0 ? "" : k + 1 == count ? words(l, W_AND) : ", ";
		used += (size_t)snprintf(buf + used, n - used, "%s%s", sep, p->actors[a].label);
		k++;
	}
}

/* An input's value for reading: kronor with separators, shares with
 * three decimals. */
static char *input_value(char *buf, size_t n, double v, lang l)
{
	if (fabs(v) >= 100)
		return format_amount(buf, n, v, l, false);
	return format_decimal(buf, n, v, fabs(v) >= 1 ? 2 : 3, l, false);
}

#define TORNADO_ROWS 10

static void uncertainty_text(const calc *c, lang l, FILE *out)
{
	const unc_results *u = c->u;
	const scenario *s = c->s;
	size_t na = s->profile->n_actors;
	char a[64], b[64], d[64], e[64], lab[160], line[512];
	size_t w0 = format_width(words(l, W_ACTOR));
	for (size_t j = 0; j < u->n_targets; j++) {
		size_t w = format_width(target_label(c, j, l, lab, sizeof lab));
		w0 = w > w0 ? w : w0;
	}
	w0 += 2;
	if (u->draws > 0) {
		fputc('\n', out);
		fprintf(out, words(l, W_UNC_TITLE),
		        format_amount(a, sizeof a, (double)u->draws, l, false),
		        (unsigned long long)u->seed, s->price_year,
		        format_rates(line, sizeof line, s->rate_by_year, s->years, l));
		fputc('\n', out);
		format_cell(out, words(l, W_ACTOR), w0, false);
		const char *heads[6] = {words(l, W_MEAN), words(l, W_P5),     words(l, W_P50),
		                        words(l, W_P95),  words(l, W_CHANCE), words(l, W_EVPI)};
		const size_t widths[6] = {14, 14, 14, 14, 12, 12};
		for (int k = 0; k < 6; k++)
			format_cell(out, heads[k], widths[k], true);
		fputc('\n', out);
		for (size_t j = 0; j < u->n_targets; j++) {
			const unc_stats *st = &u->stats[j];
			if (j == TARGET_FISCAL(na))
				fputc('\n', out);
			format_cell(out, target_label(c, j, l, lab, sizeof lab), w0, false);
			const double v[4] = {st->mean, st->p5, st->p50, st->p95};
			for (int k = 0; k < 4; k++)
				format_cell(out, format_amount(a, sizeof a, v[k], l, true),
				            widths[k], true);
			bool flat = st->mean == 0 && st->p5 == 0 && st->p95 == 0; /* no money */
			format_cell(out,
			            flat ? "\xe2\x80\x93"
			                 : format_percent(a, sizeof a, st->p_positive, l),
			            widths[4], true);
			format_cell(out, format_amount(a, sizeof a, st->evpi, l, false), widths[5],
			            true);
			fputc('\n', out);
		}
		fputs(words_format(line, sizeof line, l, W_UNC_NOTES), out);
		const unc_stats *fi = &u->stats[TARGET_FISCAL(na)];
		fprintf(out, words(l, W_UNC_PAID_TITLE), words(l, W_FISCAL));
		for (int t = 0; t < s->years; t++)
			if (fi->paid[t] > 0)
				fprintf(out, " %d %s,", s->start_year + t,
				        format_percent(a, sizeof a, fi->paid_share[t], l));
		snprintf(line, sizeof line, words(l, W_UNC_NOT_WITHIN), s->years);
		fprintf(out, " %s %s.\n", line, format_percent(a, sizeof a, fi->never_share, l));
	}
	if (u->n_tornado == 0)
		return;
	fprintf(out, "\n%s\n", words(l, W_TORNADO_TITLE));
	size_t wi = format_width(words(l, W_INPUT));
	for (size_t k = 0; k < u->n_tornado && k < TORNADO_ROWS; k++) {
		const unc_input *in = &u->spec->v[u->tornado[k].input];
		snprintf(lab, sizeof lab, "%s: %s", in->section, in->key);
		size_t w = format_width(lab);
		wi = w > wi ? w : wi;
	}
	wi += 2;
	format_cell(out, words(l, W_INPUT), wi, false);
	format_cell(out, words(l, W_LOW), 11, true);
	format_cell(out, words(l, W_HIGH), 11, true);
	format_cell(out, words(l, W_NPV_AT_LOW), 23, true);
	format_cell(out, words(l, W_AT_HIGH), 14, true);
	fputc('\n', out);
	for (size_t k = 0; k < u->n_tornado && k < TORNADO_ROWS; k++) {
		const unc_tornado_row *row = &u->tornado[k];
		const unc_input *in = &u->spec->v[row->input];
		snprintf(lab, sizeof lab, "%s: %s", in->section, in->key);
		format_cell(out, lab, wi, false);
		format_cell(out, input_value(a, sizeof a, row->low, l), 11, true);
		format_cell(out, input_value(b, sizeof b, row->high, l), 11, true);
		format_cell(out,
		            format_amount(d, sizeof d, row->npv_low[TARGET_FISCAL(na)], l, true),
		            23, true);
		format_cell(out,
		            format_amount(e, sizeof e, row->npv_high[TARGET_FISCAL(na)], l, true),
		            14, true);
		fputc('\n', out);
	}
	if (u->n_tornado > TORNADO_ROWS) {
		fprintf(out, words(l, W_MORE_INPUTS), u->n_tornado - TORNADO_ROWS);
		fputc('\n', out);
	}
	fprintf(out, "%s\n", words(l, W_TORNADO_NOTE));
}

sk_status report_text(const calc *c, lang l, FILE *out)
{
	const scenario *s = c->s;
	const profile *p = s->profile;
	const results *r = c->r;
	char a[64], b[64], d[64], e[64], lab[160], line[512];

	fprintf(out, "%s\n", s->name);
	fprintf(out, "%s: %s. %s %s, ", words(l, W_INTERVENTION), s->intervention_name,
	        format_amount(a, sizeof a, (double)s->size, l, false), words(l, W_PER_INTAKE));
	if (s->intakes == 1)
		fprintf(out, "%s, ", words(l, W_INTAKES_ONE));
	else
		fprintf(out, "%ld %s, ", s->intakes, words(l, W_INTAKES_MANY));
	fprintf(out, "%d %s.\n", s->intervention_years,
	        s->intervention_years == 1 ? words(l, W_YEAR_IN) : words(l, W_YEARS_IN));
	fprintf(out, words(l, W_AMOUNTS), s->price_year);
	fputc(' ', out);
	fprintf(out, words(l, W_RATE),
	        format_rates(line, sizeof line, s->rate_by_year, s->years, l),
	        words(l, words_of_timing[s->timing]));
	fputc(' ', out);
	fprintf(out, words(l, W_HORIZON), s->years, s->start_year, s->start_year + s->years - 1);
	if (s->attribution != 1 || s->cost_uplift != 0) {
		fputc('\n', out);
		fprintf(out, words(l, W_ADJUSTED),
		        format_decimal(a, sizeof a, 100 * s->attribution, 0, l, false),
		        format_decimal(b, sizeof b, 100 * s->cost_uplift, 0, l, false));
	}
	if (s->outcome_mode) {
		char rates[4][32], pcts[4][40];
		const double v[4] = {s->outcome_rate[TR_BASELINE], s->outcome_rate[TR_INTERVENTION],
		                     s->outcome_rate[TR_AFTER], s->outcome_relapse};
		for (int k = 0; k < 4; k++)
			snprintf(
			        pcts[k], sizeof pcts[k], words(l, W_PERCENT),
			        format_decimal(rates[k], sizeof rates[k], 100 * v[k], 1, l, false));
		const char *tg = p->states[s->outcome_target].id;
		fputc('\n', out);
		fprintf(out, words(l, W_OUTCOME_RULE), pcts[0], tg, pcts[1], pcts[2], pcts[3], tg);
	}
	fputs("\n\n", out);

	snprintf(line, sizeof line, words(l, W_QUESTION), s->intervention_name);
	fprintf(out, "%s\n", line);
	size_t w0 = format_width(words(l, W_ACTOR));
	for (size_t j = 0; j < r->n_targets; j++) {
		size_t w = format_width(target_label(c, j, l, lab, sizeof lab));
		if (w > w0)
			w0 = w;
	}
	w0 += 2;
	/* amounts up to 999 999 999 999 kr with sign, and the headings */
	size_t wa = format_width(words(l, W_PV_KR)) + 3,
	       wr = format_width(words(l, W_PER_KRONA)) + 3;
	if (wa < 19)
		wa = 19;
	format_cell(out, words(l, W_ACTOR), w0, false);
	format_cell(out, words(l, W_INVESTMENT), wa, true);
	format_cell(out, words(l, W_SAVINGS), wa, true);
	format_cell(out, words(l, W_NPV), wa, true);
	format_cell(out, words(l, W_RETURN), wr, true);
	fputc('\n', out);
	format_cell(out, "", w0, false);
	format_cell(out, words(l, W_PV_KR), wa, true);
	format_cell(out, words(l, W_PV_KR), wa, true);
	format_cell(out, words(l, W_KR), wa, true);
	format_cell(out, words(l, W_PER_KRONA), wr, true);
	fputc('\n', out);
	for (size_t j = 0; j < r->n_targets; j++) {
		const figures *g = &r->fig[j];
		if (j == TARGET_FISCAL(p->n_actors))
			fputc('\n', out);
		format_cell(out, target_label(c, j, l, lab, sizeof lab), w0, false);
		format_cell(out, format_amount(a, sizeof a, g->pv_investment, l, false), wa, true);
		format_cell(out, format_amount(b, sizeof b, g->pv_savings, l, true), wa, true);
		format_cell(out, format_amount(d, sizeof d, g->npv, l, true), wa, true);
		if (g->has_return)
			snprintf(e, sizeof e, "%s %s",
			         format_decimal(a, sizeof a, g->ret, 2, l, false), words(l, W_KR));
		else
			snprintf(e, sizeof e, "%s", words(l, W_NO_INVESTMENT));
		format_cell(out, e, wr, true);
		fputc('\n', out);
	}

	fprintf(out, "\n%s\n", words(l, W_PAYBACK_TITLE));
	format_cell(out, words(l, W_ACTOR), w0, false);
	format_cell(out, words(l, W_PAID_BACK), 24, false);
	format_cell(out, words(l, W_PAID_BACK_DISCOUNTED), 26, false);
	fprintf(out, "%s\n", words(l, W_BREAK_EVEN));
	for (size_t j = 0; j < r->n_targets; j++) {
		const figures *g = &r->fig[j];
		if (j == TARGET_FISCAL(p->n_actors))
			fputc('\n', out);
		format_cell(out, target_label(c, j, l, lab, sizeof lab), w0, false);
		payback_text(&g->nominal, c, l, line, sizeof line);
		format_cell(out, line, 24, false);
		payback_text(&g->discounted, c, l, line, sizeof line);
		format_cell(out, line, 26, false);
		break_even_text(g, c, l, line, sizeof line);
		fprintf(out, "%s\n", line);
	}

	fputc('\n', out);
	report_actor_list(c, TARGET_FISCAL(p->n_actors), l, line, sizeof line);
	if (!line[0])
		snprintf(line, sizeof line, "%s", words(l, W_NOBODY));
	fputs("\xc2\xb9 ", out);
	fprintf(out, words(l, W_FISCAL_NOTE), line);
	fputs("\n\xc2\xb2 ", out);
	report_actor_list(c, TARGET_SOCIETY(p->n_actors), l, line, sizeof line);
	fprintf(out, words(l, W_SOCIETY_NOTE), line);
	fprintf(out, "\n%s\n%s\n%s\n", words(l, W_SIGNS_NOTE), words(l, W_PAYBACK_NOTE),
	        words(l, W_BREAK_EVEN_NOTE));

	/* snapshots, the convention of samordningsförbund reports */
	fprintf(out, "\n%s\n", words(l, W_SNAPSHOT_TITLE));
	format_cell(out, words(l, W_ACTOR), w0, false);
	for (int k = 0; k < 2; k++) {
		int y = r->fig[0].snapshot_years[k];
		snprintf(e, sizeof e, y == 1 ? words(l, W_AFTER_YEAR) : words(l, W_AFTER_YEARS), y);
		format_cell(out, e, wa, true);
	}
	fputc('\n', out);
	for (size_t j = 0; j < r->n_targets; j++) {
		if (j == TARGET_FISCAL(p->n_actors))
			fputc('\n', out);
		format_cell(out, target_label(c, j, l, lab, sizeof lab), w0, false);
		for (int k = 0; k < 2; k++)
			format_cell(out,
			            format_amount(a, sizeof a, r->fig[j].snapshot_net[k], l, true),
			            wa, true);
		fputc('\n', out);
	}

	fputc('\n', out);
	fprintf(out, words(l, W_OUTCOMES_YEARS), s->start_year, s->start_year + s->years - 1);
	fputc('\n', out);
	size_t ws = format_width(words(l, W_STATE));
	for (size_t st = 0; st < p->n_states; st++)
		if (format_width(p->states[st].label) > ws)
			ws = format_width(p->states[st].label);
	ws += 2;
	format_cell(out, words(l, W_STATE), ws, false);
	format_cell(out, words(l, W_WITHOUT), 13, true);
	format_cell(out, words(l, W_WITH), 13, true);
	format_cell(out, words(l, W_DIFFERENCE), 13, true);
	fputc('\n', out);
	bool hidden = false;
	for (size_t st = 0; st < p->n_states; st++) {
		double base = r->person_years[ARM_BASELINE * p->n_states + st];
		double with = r->person_years[ARM_INTERVENTION * p->n_states + st];
		if (base < 0.05 && with < 0.05) { /* shows as 0,0 in both */
			hidden = true;
			continue;
		}
		format_cell(out, p->states[st].label, ws, false);
		format_cell(out, format_decimal(a, sizeof a, base, 1, l, false), 13, true);
		format_cell(out, format_decimal(b, sizeof b, with, 1, l, false), 13, true);
		format_cell(out, format_decimal(d, sizeof d, r->gained[st], 1, l, true), 13, true);
		fputc('\n', out);
	}
	if (hidden)
		fprintf(out, "%s\n", words(l, W_EMPTY_STATES));
	const figures *fi = &r->fig[TARGET_FISCAL(p->n_actors)];
	const figures *so = &r->fig[TARGET_SOCIETY(p->n_actors)];
	if (fi->has_cost_per_work_year) {
		fputc('\n', out);
		fprintf(out, words(l, W_PER_WORK_YEAR), p->states[s->work_state].id,
		        words(l, W_FISCAL),
		        format_amount(a, sizeof a, fi->cost_per_work_year, l, false),
		        words(l, W_SOCIETY),
		        format_amount(b, sizeof b, so->cost_per_work_year, l, false));
		fputc('\n', out);
	}
	if (c->u)
		uncertainty_text(c, l, out);
	if (c->fu)
		report_text_followup(c, l, out);
	return ferror(out) ? SK_EIO : SK_OK;
}
