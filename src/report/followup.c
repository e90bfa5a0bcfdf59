/* followup.c -- the follow-up in the text summary (section "Uppföljning")
 * and in the JSON (object "followup"): the estimate beside the assumption,
 * the forecast beside the outcome, and the re-forecast beside the
 * original (issue #15). Figures come from model/followup.h; this file only
 * formats them. */
#include "samkalk/report/report.h"

#include <math.h>
#include <string.h>

#include "samkalk/model/followup.h"
#include "samkalk/report/words.h"
#include "samkalk/vary/uncertainty.h"

/* Identifiers a program reads: the shapes, the matrices and the sexes of
 * the JSON (report_sex_ids gives "women", "men", "all"). */
static const char *const shape_ids[N_FU_SHAPES] = {"panel", "moves", "states"};

static const char *target_id(const profile *p, size_t j)
{
	return j < p->n_actors                   ? p->actors[j].id
	       : j == TARGET_FISCAL(p->n_actors) ? "fiscal"
	                                         : "society";
}

/* {"AM1": v, ...} of one value per state. */
static void states_json(FILE *out, const profile *p, const double *v)
{
	fputc('{', out);
	for (size_t k = 0; k < p->n_states; k++) {
		fputs(k ? ", " : "", out);
		report_json_string(out, p->states[k].id);
		fputs(": ", out);
		report_json_number(out, v[k]);
	}
	fputc('}', out);
}

static void rows_json(FILE *out, const followup_results *u, const profile *p)
{
	fputs(",\n  \"rows\": [", out);
	for (size_t i = 0; i < u->n_rows; i++) {
		const fu_row *row = &u->rows[i];
		fprintf(out, "%s{\"matrix\": \"%s\", \"sex\": \"%s\", \"from\": ",
		        i ? ",\n   " : "\n   ", report_set_ids[row->set], report_sex_ids[row->sex]);
		report_json_string(out, p->states[row->from].id);
		fputs(", \"n\": ", out);
		report_json_number(out, row->n);
		fprintf(out, ", \"kept\": %s, \"suppressed\": %s, \"observed\": ",
		        row->kept ? "true" : "false", row->suppressed ? "true" : "false");
		states_json(out, p, row->observed);
		fputs(", \"assumed\": ", out);
		states_json(out, p, row->assumed);
		fputs(", \"estimate\": ", out);
		states_json(out, p, row->estimate);
		fputs(", \"interval90\": {", out);
		for (size_t k = 0; k < p->n_states; k++) {
			fputs(k ? ", " : "", out);
			report_json_string(out, p->states[k].id);
			fputs(": [", out);
			report_json_number(out, row->lo[k]);
			fputs(", ", out);
			report_json_number(out, row->hi[k]);
			fputc(']', out);
		}
		fputs("}}", out);
	}
	fputc(']', out);
}

static void outcome_json(FILE *out, const followup_results *u, const profile *p)
{
	fputs(",\n  \"outcome\": [", out);
	for (size_t i = 0; i < u->n_outcome; i++) {
		const fu_outcome *o = &u->outcome[i];
		fprintf(out, "%s{\"intake\": %d, \"t\": %d, \"year\": %d, \"state\": ",
		        i ? ",\n   " : "\n   ", o->year - o->t, o->t, o->year);
		report_json_string(out, p->states[o->state].id);
		fputs(", \"forecast\": ", out);
		report_json_number(out, o->forecast);
		fputs(", \"observed\": ", out);
		report_json_number(out, o->observed);
		fputs(", \"count\": ", out);
		report_json_number(out, o->count);
		fputs(", \"interval90\": ", out);
		if (isfinite(o->lo)) {
			fputc('[', out);
			report_json_number(out, o->lo);
			fputs(", ", out);
			report_json_number(out, o->hi);
			fprintf(out, "], \"outside\": %s}",
			        o->spread ? o->outside ? "true" : "false" : "null");
		} else {
			fputs("null, \"outside\": null}", out);
		}
	}
	fputc(']', out);
}

/* One target's re-forecast beside the original forecast. */
static void target_json(FILE *out, const calc *c, size_t j)
{
	const followup_results *u = c->fu;
	const figures *now = &u->r->fig[j], *was = &c->r->fig[j];
	size_t na = c->s->profile->n_actors;
	fputs("\"npv\": ", out);
	report_json_number(out, now->npv);
	fputs(", \"npv_original\": ", out);
	report_json_number(out, was->npv);
	fputs(", \"return\": ", out);
	report_json_number(out, now->has_return ? now->ret : NAN);
	fputs(", \"return_original\": ", out);
	report_json_number(out, was->has_return ? was->ret : NAN);
	fputs(", \"payback\": ", out);
	report_json_payback(out, now);
	fputs(", \"payback_original\": ", out);
	report_json_payback(out, was);
	fputs(", \"realised_savings\": ", out);
	report_json_number(out, u->realised_savings[j]);
	fputs(", \"forecast_savings\": ", out);
	report_json_number(out, u->forecast_savings[j]);
	fputs(", \"optimism\": ", out);
	report_json_number(out, u->optimism[j]);
	if (c->u && c->u->fu_stats) { /* the Monte Carlo before and after the follow-up */
		const unc_stats *a = &c->u->fu_stats[j], *b = &c->u->stats[j];
		fputs(", \"p_npv_positive\": ", out);
		report_json_number(out, a->p_positive);
		fputs(", \"p_npv_positive_original\": ", out);
		report_json_number(out, b->p_positive);
		fputs(", \"interval90\": [", out);
		report_json_number(out, a->p5);
		fputs(", ", out);
		report_json_number(out, a->p95);
		fputs("], \"interval90_original\": [", out);
		report_json_number(out, b->p5);
		fputs(", ", out);
		report_json_number(out, b->p95);
		fputc(']', out);
	}
	if (j < na) {
		fputs(", \"cost_per_participant\": [", out);
		for (int t = 0; t < u->realised_years; t++) {
			fprintf(out, "%s{\"year\": %d, \"forecast\": ", t ? ", " : "",
			        c->s->start_year + t);
			report_json_number(out, u->forecast_per_participant[(size_t)t * na + j]);
			fputs(", \"observed\": ", out);
			report_json_number(out, u->observed_per_participant[(size_t)t * na + j]);
			fputc('}', out);
		}
		fputc(']', out);
	}
	fputs(", \"by_year\": [", out);
	for (int t = 0; t < c->s->years; t++) {
		const flow_figures *y = results_flow(u->r, j, FLOW_ALL, t);
		const flow_figures *o = results_flow(c->r, j, FLOW_ALL, t);
		fprintf(out, "%s{\"year\": %d, \"realised\": %s, \"savings\": ",
		        t ? ",\n    " : "\n    ", c->s->start_year + t,
		        u->realised[t] ? "true" : "false");
		report_json_number(out, y->savings);
		fputs(", \"savings_original\": ", out);
		report_json_number(out, o->savings);
		fputs(", \"net\": ", out);
		report_json_number(out, y->net);
		fputs(", \"net_original\": ", out);
		report_json_number(out, o->net);
		fputc('}', out);
	}
	fputc(']', out);
}

void report_json_followup(const calc *c, FILE *out)
{
	const followup_results *u = c->fu;
	const followup_data *d = u->data;
	const profile *p = c->s->profile;
	size_t na = p->n_actors;
	fputs(",\n \"followup\": {\"data\": {\"path\": ", out);
	report_json_string(out, d->path);
	fprintf(out,
	        ", \"sha256\": \"%s\", \"shape\": \"%s\", \"converted_from\": %s, \"rows\": %zu, \"persons\": %zu, \"persons_comparison\": %zu, \"moves\": ",
	        d->sha256, shape_ids[d->shape], d->converted ? "\"windows-1252\"" : "null", d->rows,
	        d->persons, d->persons_comparison);
	report_json_number(out, d->n_moves);
	fprintf(out, ", \"lost\": %zu, \"suppressed\": %zu}", d->lost, d->n_suppressed);
	fputs(",\n  \"prior_weight\": ", out);
	report_json_number(out, u->prior_weight);
	fprintf(out,
	        ", \"by_sex\": %s, \"mixed\": %s, \"baseline\": \"%s\", \"observed_persons\": ",
	        u->by_sex ? "true" : "false", u->mixed ? "true" : "false",
	        u->comparison_baseline ? "estimated" : "assumed");
	report_json_number(out, u->observed_persons);
	fputs(", \"planned_persons\": ", out);
	report_json_number(out, u->planned_persons);
	fprintf(out, ", \"realised_years\": %d", u->realised_years);
	rows_json(out, u, p);
	outcome_json(out, u, p);
	fputs(",\n  \"reforecast\": {\"actors\": [", out);
	for (size_t a = 0; a < na; a++) {
		fputs(a ? ",\n   {\"id\": " : "\n   {\"id\": ", out);
		report_json_string(out, p->actors[a].id);
		fputs(", ", out);
		target_json(out, c, a);
		fputc('}', out);
	}
	fputs("],\n   \"totals\": {", out);
	for (size_t j = na; j < na + 2; j++) {
		fprintf(out, "%s\"%s\": {", j > na ? ",\n    " : "", target_id(p, j));
		target_json(out, c, j);
		fputc('}', out);
	}
	fputs("}}}", out);
}

/* A count as a reader reads it: whole with separators, or with one
 * decimal where a "<5" made it a half. */
static char *count_text(char *buf, size_t n, double v, lang l)
{
	if (v == floor(v))
		return format_amount(buf, n, v, l, false);
	return format_decimal(buf, n, v, 1, l, false);
}

static const word_key set_words[N_TR] = {W_FU_SET_BASELINE, W_FU_SET_INTERVENTION, W_FU_SET_AFTER};

void report_followup_kept(const calc *c, int set, int sex, char *buf, size_t n)
{
	const followup_results *u = c->fu;
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < u->n_rows && used + 1 < n; i++) {
		const fu_row *row = &u->rows[i];
		if (row->set == set && row->sex == sex && row->kept)
			used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? ", " : "",
			                         c->s->profile->states[row->from].id);
	}
}

/* The estimated rows of one matrix and sex: every move assumed or seen. */
static void rows_text(const calc *c, lang l, FILE *out, int set, int sex)
{
	const followup_results *u = c->fu;
	const profile *p = c->s->profile;
	char a[64], b[64], e[64], f[64], head[160], kept[512];
	size_t ws = format_width(words(l, W_FU_FROM));
	for (size_t k = 0; k < p->n_states; k++)
		ws = format_width(p->states[k].id) > ws ? format_width(p->states[k].id) : ws;
	ws += 2;
	snprintf(head, sizeof head, "%s%s%s", words(l, set_words[set]), sex == FLOW_ALL ? "" : ", ",
	         sex == FLOW_ALL ? "" : words(l, words_of_sex[sex]));
	char weight[32];
	fputc('\n', out);
	fprintf(out, words(l, W_FU_ESTIMATE_TITLE), head,
	        format_decimal(weight, sizeof weight, u->prior_weight,
	                       u->prior_weight == floor(u->prior_weight) ? 0 : 1, l, false));
	fputc('\n', out);
	format_cell(out, words(l, W_FU_FROM), ws, false);
	format_cell(out, words(l, W_FU_TO), ws, false);
	format_cell(out, words(l, W_FU_N), 13, true);
	format_cell(out, words(l, W_FU_ASSUMED), 10, true);
	format_cell(out, words(l, W_FU_ESTIMATE), 10, true);
	format_cell(out, words_format(head, sizeof head, l, W_FU_INTERVAL), 16, true);
	fputc('\n', out);
	report_followup_kept(c, set, sex, kept, sizeof kept);
	for (size_t i = 0; i < u->n_rows; i++) {
		const fu_row *row = &u->rows[i];
		if (row->set != set || row->sex != sex)
			continue;
		if (row->kept)
			continue;
		for (size_t k = 0; k < p->n_states; k++) {
			if (row->assumed[k] == 0 && row->observed[k] == 0)
				continue;
			format_cell(out, p->states[row->from].id, ws, false);
			format_cell(out, p->states[k].id, ws, false);
			snprintf(head, sizeof head, "%s/%s",
			         count_text(a, sizeof a, row->observed[k], l),
			         count_text(b, sizeof b, row->n, l));
			format_cell(out, head, 13, true);
			format_cell(out, format_percent(a, sizeof a, row->assumed[k], l), 10, true);
			format_cell(out, format_percent(b, sizeof b, row->estimate[k], l), 10,
			            true);
			snprintf(head, sizeof head, "%s–%s",
			         format_percent(e, sizeof e, row->lo[k], l),
			         format_percent(f, sizeof f, row->hi[k], l));
			format_cell(out, head, 16, true);
			fputc('\n', out);
		}
	}
	if (kept[0]) {
		fprintf(out, words(l, W_FU_KEPT), kept);
		fputc('\n', out);
	}
}

/* The forecast beside the outcome, intake by intake: every state someone
 * is forecast in or seen in. */
static void outcome_text(const calc *c, lang l, FILE *out)
{
	const followup_results *u = c->fu;
	const profile *p = c->s->profile;
	char a[64], b[64], d[64];
	size_t ws = format_width(words(l, W_STATE));
	for (size_t k = 0; k < p->n_states; k++)
		ws = format_width(p->states[k].label) > ws ? format_width(p->states[k].label) : ws;
	ws += 2;
	int intake = -1;
	bool outside = false;
	for (size_t i = 0; i < u->n_outcome; i++) {
		const fu_outcome *o = &u->outcome[i];
		if (o->intake != intake) {
			intake = o->intake;
			fputc('\n', out);
			fprintf(out, words(l, W_FU_OUTCOME_TITLE), o->year - o->t);
			fputc('\n', out);
			format_cell(out, words(l, W_FU_YEAR), 6, false);
			format_cell(out, words(l, W_STATE), ws, false);
			format_cell(out, words(l, W_FU_FORECAST), 10, true);
			format_cell(out, words(l, W_FU_OUTCOME), 10, true);
			format_cell(out, words(l, W_FU_COUNT), 8, true);
			if (isfinite(o->lo))
				format_cell(out, words_format(d, sizeof d, l, W_FU_INTERVAL), 18,
				            true);
			fputc('\n', out);
		}
		if (o->forecast < 0.005 && o->count == 0)
			continue;
		snprintf(a, sizeof a, "%d", o->year);
		format_cell(out, a, 6, false);
		format_cell(out, p->states[o->state].label, ws, false);
		format_cell(out, format_percent(a, sizeof a, o->forecast, l), 10, true);
		format_cell(out, format_percent(b, sizeof b, o->observed, l), 10, true);
		format_cell(out, count_text(d, sizeof d, o->count, l), 8, true);
		if (isfinite(o->lo)) {
			char lo[32], hi[32], band[80];
			snprintf(band, sizeof band, "%s–%s%s",
			         format_percent(lo, sizeof lo, o->lo, l),
			         format_percent(hi, sizeof hi, o->hi, l), o->outside ? " *" : "  ");
			format_cell(out, band, 18, true);
			outside |= o->outside;
		}
		fputc('\n', out);
	}
	if (outside)
		fprintf(out, "%s\n", words_format(d, sizeof d, l, W_FU_OUTSIDE));
}

/* Years first..last as "2026" or "2026–2027". */
static char *years_text(char *buf, size_t n, int first, int last)
{
	if (first == last)
		snprintf(buf, n, "%d", first);
	else
		snprintf(buf, n, "%d–%d", first, last);
	return buf;
}

void report_followup_sentences(const calc *c, lang l, char *reforecast, size_t n1, char *baseline,
                               size_t n2)
{
	const followup_results *u = c->fu;
	int k = u->realised_years, first = c->s->start_year, last = first + c->s->years - 1;
	char lived[32], ahead[32];
	const char *with = words(l, u->n_rows ? W_FU_WITH_ESTIMATED : W_FU_WITH_ASSUMED);
	years_text(lived, sizeof lived, first, first + k - 1);
	years_text(ahead, sizeof ahead, first + k, last);
	if (k == 0)
		snprintf(reforecast, n1, words(l, W_FU_REFORECAST_NONE), ahead, with);
	else if (k == c->s->years)
		snprintf(reforecast, n1, words(l, W_FU_REFORECAST_ALL), lived);
	else
		snprintf(reforecast, n1, words(l, W_FU_REFORECAST), lived, ahead, with);
	/* counted moves have no entry states: the baseline starts as planned */
	bool planned = u->data->shape == FU_MOVES;
	snprintf(baseline, n2, "%s",
	         words(l, u->comparison_baseline ? planned ? W_FU_BASELINE_ESTIMATED_PLANNED
	                                                   : W_FU_BASELINE_ESTIMATED
	                  : planned              ? W_FU_BASELINE_PLANNED
	                                         : W_FU_BASELINE_ASSUMED));
}

/* The re-forecast beside the forecast per target, and one sentence each. */
static void reforecast_text(const calc *c, lang l, FILE *out)
{
	const followup_results *u = c->fu;
	const scenario *s = c->s;
	const profile *p = s->profile;
	size_t na = p->n_actors;
	int k = u->realised_years, first = s->start_year;
	char a[64], b[64], d[64], e[64], lab[160], line[768];
	report_followup_sentences(c, l, line, sizeof line, lab, sizeof lab);
	fprintf(out, "\n%s\n%s\n", line, lab);
	if (s->attribution != 1) {
		fprintf(out, words(l, W_FU_ATTRIBUTED),
		        format_decimal(a, sizeof a, 100 * s->attribution, 0, l, false));
		fputc('\n', out);
	}
	size_t w0 = format_width(words(l, W_ACTOR));
	for (size_t j = 0; j < na + 2; j++) {
		const char *name = j < na    ? p->actors[j].label
		                   : j == na ? words(l, W_FISCAL)
		                             : words(l, W_SOCIETY);
		w0 = format_width(name) > w0 ? format_width(name) : w0;
	}
	w0 += 2;
	fputc('\n', out);
	format_cell(out, words(l, W_ACTOR), w0, false);
	if (k > 0) {
		snprintf(lab, sizeof lab, words(l, W_FU_SAVED_FORECAST), first + k - 1);
		format_cell(out, lab, 28, true);
		format_cell(out, words(l, W_FU_SAVED_OUTCOME), 16, true);
	}
	format_cell(out, words(l, W_FU_NPV_WAS), 24, true);
	format_cell(out, words(l, W_FU_NPV_NOW), 16, true);
	fputc('\n', out);
	for (size_t j = 0; j < na + 2; j++) {
		const char *name = j < na    ? p->actors[j].label
		                   : j == na ? words(l, W_FISCAL)
		                             : words(l, W_SOCIETY);
		if (j == na)
			fputc('\n', out);
		format_cell(out, name, w0, false);
		if (k > 0) {
			format_cell(out,
			            format_amount(a, sizeof a, u->forecast_savings[j], l, true), 28,
			            true);
			format_cell(out,
			            format_amount(a, sizeof a, u->realised_savings[j], l, true), 16,
			            true);
		}
		format_cell(out, format_amount(a, sizeof a, c->r->fig[j].npv, l, true), 24, true);
		format_cell(out, format_amount(a, sizeof a, u->r->fig[j].npv, l, true), 16, true);
		fputc('\n', out);
	}
	fputc('\n', out);
	for (size_t j = 0; j < na + 2; j++) {
		const char *name = j < na    ? p->actors[j].label
		                   : j == na ? words(l, W_FISCAL)
		                             : words(l, W_SOCIETY);
		snprintf(a, sizeof a, "%s %s",
		         format_amount(lab, sizeof lab, u->r->fig[j].npv, l, true), words(l, W_KR));
		snprintf(b, sizeof b, "%s %s",
		         format_amount(lab, sizeof lab, c->r->fig[j].npv, l, true), words(l, W_KR));
		if (k > 0) {
			snprintf(d, sizeof d, "%s %s",
			         format_amount(lab, sizeof lab, u->forecast_savings[j], l, true),
			         words(l, W_KR));
			snprintf(e, sizeof e, "%s %s",
			         format_amount(lab, sizeof lab, u->realised_savings[j], l, true),
			         words(l, W_KR));
			snprintf(line, sizeof line, words(l, W_FU_SENTENCE), name, d, first + k - 1,
			         e, a, b);
		} else {
			snprintf(line, sizeof line, words(l, W_FU_SENTENCE_NONE), name, a, b);
		}
		fputs(line, out);
		if (c->u && c->u->fu_stats) /* the Monte Carlo after and before */
			fprintf(out, words(l, W_FU_CHANCE),
			        format_percent(d, sizeof d, c->u->fu_stats[j].p_positive, l),
			        format_percent(e, sizeof e, c->u->stats[j].p_positive, l));
		else
			fputc('.', out);
		fputc('\n', out);
	}
	if (k > 0)
		fprintf(out, "%s\n", words(l, W_FU_UNDISCOUNTED));
}

void report_text_followup(const calc *c, lang l, FILE *out)
{
	const followup_results *u = c->fu;
	const followup_data *d = u->data;
	char a[64], b[64], e[64], f[64], what[256];
	fprintf(out, "\n%s\n", words(l, W_FU_TITLE));
	if (d->shape == FU_PANEL)
		snprintf(what, sizeof what, words(l, W_FU_PANEL),
		         format_amount(a, sizeof a, (double)d->rows, l, false),
		         format_amount(b, sizeof b, (double)d->persons, l, false),
		         count_text(e, sizeof e, d->n_moves, l),
		         format_amount(f, sizeof f, (double)d->lost, l, false));
	else if (d->shape == FU_MOVES)
		snprintf(what, sizeof what, words(l, W_FU_MOVES),
		         format_amount(a, sizeof a, (double)d->rows, l, false),
		         count_text(e, sizeof e, d->n_moves, l));
	else
		snprintf(what, sizeof what, words(l, W_FU_STATES),
		         format_amount(a, sizeof a, (double)d->rows, l, false));
	fprintf(out, words(l, W_FU_DATA), d->path, what);
	fputc('\n', out);
	if (d->persons_comparison) {
		fprintf(out, words(l, W_FU_COMPARISON),
		        format_amount(a, sizeof a, (double)d->persons_comparison, l, false));
		fputc('\n', out);
	}
	if (d->converted)
		fprintf(out, "%s\n", words(l, W_FU_CONVERTED));
	if (d->n_suppressed) {
		fprintf(out, words(l, W_FU_SUPPRESSED),
		        format_amount(a, sizeof a, (double)d->n_suppressed, l, false));
		fputc('\n', out);
	}
	if (u->observed_persons > u->planned_persons) {
		fprintf(out, words(l, W_FU_MORE_THAN_PLANNED),
		        count_text(a, sizeof a, u->observed_persons, l),
		        count_text(b, sizeof b, u->planned_persons, l));
		fputc('\n', out);
	}
	if (u->by_sex_asked && !u->by_sex)
		fprintf(out, "%s\n", words(l, W_FU_NO_SEX_COLUMN));
	if (u->mixed)
		fprintf(out, "%s\n", words(l, W_FU_MIXED));
	if (d->shape == FU_STATES)
		fprintf(out, "%s\n", words(l, W_FU_STATES_ONLY));
	for (int set = 0; set < N_TR; set++) {
		if (!u->estimated[set])
			continue;
		if (!u->by_sex)
			rows_text(c, l, out, set, FLOW_ALL);
		for (int g = 0; g < N_SEX && u->by_sex; g++)
			rows_text(c, l, out, set, g);
	}
	if (c->u && c->u->fu_stats && u->n_rows)
		fprintf(out, "%s\n", words(l, W_FU_DRAWN));
	outcome_text(c, l, out);
	reforecast_text(c, l, out);
}
