/* text.c -- the summary on stdout (SPEC §7), Swedish or English.
 * Investment is a cost and printed without sign; savings and NPV always
 * carry their sign, so a cost never reads as a saving. */
#include "samkalk/report/report.h"

#include <math.h>
#include <string.h>

#include "samkalk/vary/uncertainty.h"

/* What the reader sees, one table per language. */
typedef struct texts {
	const char *intervention, *per_intake, *intakes_one, *intakes_many, *years_in, *year_in;
	const char *amounts; /* %d price year */
	const char *rate;    /* %s rate, %s timing */
	const char *timing_start, *timing_end;
	const char *horizon;  /* %d years, %d-%d */
	const char *question; /* %s intervention */
	const char *actor, *investment, *savings, *npv, *ret, *pv, *per_krona;
	const char *fiscal, *society;
	const char *payback_title, *payback, *payback_disc, *break_even;
	const char *paid_back;                                           /* %d year, %s years */
	const char *not_within;                                          /* %d */
	const char *no_investment, *not_reachable, *of_effect, *rate_to; /* %s rate, %s state */
	const char *invests_nothing, *no_gain, *nobody;
	const char *outcome_rule; /* %s target, %s base, %s int, %s after, %s relapse */
	const char *fiscal_note, *society_note; /* %s list */
	const char *signs_note, *payback_note, *break_even_note;
	const char *outcomes_title; /* %d-%d */
	const char *state, *without, *with, *difference;
	const char *kr, *empty_states, *adjusted, *snapshot_title, *after_years, *after_year,
	        *per_work_year;
} texts;

static const texts sv = {
        .intervention = "Insats",
        .per_intake = "deltagare per grupp",
        .intakes_one = "1 grupp",
        .intakes_many = "grupper, en per år",
        .years_in = "år i insatsen per deltagare",
        .year_in = "år i insatsen per deltagare",
        .amounts = "Belopp i kronor, %d års priser.",
        .rate = "Nuvärden med diskonteringsränta %s (%s).",
        .adjusted = "Justeringar: %s %% av effekten tillskrivs insatsen, investeringskostnaderna "
                    "räknas upp med %s %%.",
        .snapshot_title =
                "Netto (besparing " FORMAT_MINUS " investering), ackumulerat, ej diskonterat",
        .after_years = "efter %d år",
        .after_year = "efter %d år",
        .per_work_year = "Nettokostnad per extra personår i %s: %s %s kr, %s %s kr "
                         "(" FORMAT_MINUS "nettonuvärdet / extra personår; minus betyder vinst).",
        .timing_start = "år 1 odiskonterat",
        .timing_end = "år 1 diskonterat en gång",
        .horizon = "Kalkylperiod %d år, %d"
                   "\xe2\x80\x93"
                   "%d.",
        .question = "Lönar sig %s, och för vem?",
        .actor = "Aktör",
        .investment = "Investering",
        .savings = "Besparing",
        .npv = "Nettonuvärde",
        .ret = "Avkastning",
        .pv = "nuvärde, kr",
        .per_krona = "per investerad kr",
        .fiscal = "Offentlig sektor",
        .society = "Samhället",
        .payback_title = "När är investeringen intjänad?",
        .payback = "Återbetald",
        .payback_disc = "Återbetald, diskonterat",
        .break_even = "Brytpunkt",
        .paid_back = "%d (efter %s år)",
        .not_within = "ej inom %d år",
        .no_investment = "ingen investering",
        .not_reachable = "nås inte ens vid %s %% av effekten",
        .of_effect = "%s %% av den antagna effekten",
        .rate_to = " = %s %% till %s per år",
        .invests_nothing = "0 (investerar inget)",
        .no_gain = "nås inte (effekten kostar aktören)",
        .nobody = "inga aktörer (alla är ekonomiska)",
        .outcome_rule = "Utfallsmodell: %s till %s per år utan insats, %s under insatsåren, "
                        "%s efter; %s av dem i %s faller tillbaka per år (till "
                        "startfördelningen).",
        .fiscal_note = "Offentlig sektor = %s.",
        .society_note = "Samhället = alla aktörer: %s.",
        .signs_note = "Besparing: + är lägre kostnad, " FORMAT_MINUS
                      " högre kostnad än utan insats. Nettonuvärde = besparing " FORMAT_MINUS
                      " investering.",
        .payback_note =
                "Återbetald: första året då det ackumulerade nettot (besparing " FORMAT_MINUS
                " investering) är minst 0.",
        .break_even_note = "Brytpunkt: den minsta andel av den antagna effekten på "
                           "övergångarna som ger nettonuvärde 0.",
        .outcomes_title = "Utfall: personår %d"
                          "\xe2\x80\x93"
                          "%d",
        .state = "Tillstånd",
        .without = "Utan insats",
        .with = "Med insats",
        .difference = "Skillnad",
        .kr = "kr",
        .empty_states = "Tillstånd där ingen befinner sig under perioden visas inte.",
};

static const texts en = {
        .intervention = "Intervention",
        .per_intake = "participants per group",
        .intakes_one = "1 group",
        .intakes_many = "groups, one a year",
        .years_in = "years in the intervention per participant",
        .year_in = "year in the intervention per participant",
        .amounts = "Amounts in kronor (SEK), %d prices.",
        .rate = "Present values at a discount rate of %s (%s).",
        .adjusted = "Adjustments: %s%% of the effect is attributed to the intervention, investment "
                    "costs are raised by %s%%.",
        .snapshot_title = "Net (savings " FORMAT_MINUS " investment), cumulative, undiscounted",
        .after_years = "after %d years",
        .after_year = "after %d year",
        .per_work_year = "Net cost per additional person-year in %s: %s %s kr, %s %s kr "
                         "(" FORMAT_MINUS "NPV / additional person-years; a minus is a gain).",
        .timing_start = "year 1 undiscounted",
        .timing_end = "year 1 discounted once",
        .horizon = "Horizon %d years, %d"
                   "\xe2\x80\x93"
                   "%d.",
        .question = "Does %s pay off, and for whom?",
        .actor = "Actor",
        .investment = "Investment",
        .savings = "Savings",
        .npv = "NPV",
        .ret = "Return",
        .pv = "present value, kr",
        .per_krona = "per krona invested",
        .fiscal = "Public sector",
        .society = "Society",
        .payback_title = "When is the investment paid back?",
        .payback = "Paid back",
        .payback_disc = "Paid back, discounted",
        .break_even = "Break-even",
        .paid_back = "%d (after %s years)",
        .not_within = "not within %d years",
        .no_investment = "no investment",
        .not_reachable = "not reached even at %s%% of the effect",
        .of_effect = "%s%% of the assumed effect",
        .rate_to = " = %s%% to %s a year",
        .invests_nothing = "0 (invests nothing)",
        .no_gain = "not reachable (the effect costs this actor)",
        .nobody = "no actors (all are economic)",
        .outcome_rule = "Outcome model: %s reach %s per year without the intervention, %s "
                        "during it, %s after; %s of those in %s fall back per year (to "
                        "the starting distribution).",
        .fiscal_note = "Public sector = %s.",
        .society_note = "Society = all actors: %s.",
        .signs_note = "Savings: + is a lower cost, " FORMAT_MINUS
                      " a higher cost than without the intervention. NPV = savings " FORMAT_MINUS
                      " investment.",
        .payback_note =
                "Paid back: the first year in which the cumulative net (savings " FORMAT_MINUS
                " investment) is at least 0.",
        .break_even_note = "Break-even: the smallest share of the assumed effect on the "
                           "transitions that gives an NPV of 0.",
        .outcomes_title = "Outcomes: person-years %d"
                          "\xe2\x80\x93"
                          "%d",
        .state = "State",
        .without = "Without",
        .with = "With",
        .difference = "Difference",
        .kr = "kr",
        .empty_states = "States nobody is in during the horizon are not shown.",
};

static const char *target_label(const calc *c, size_t j, const texts *x, char *buf, size_t n)
{
	size_t na = c->s->profile->n_actors;
	if (j == TARGET_FISCAL(na))
		snprintf(buf, n, "%s\xc2\xb9", x->fiscal);
	else if (j == TARGET_SOCIETY(na))
		snprintf(buf, n, "%s\xc2\xb2", x->society);
	else
		snprintf(buf, n, "%s", c->s->profile->actors[j].label);
	return buf;
}

static void payback_text(const payback *p, const calc *c, const texts *x, lang l, char *buf,
                         size_t n)
{
	char years[32];
	if (p->status == PAYBACK_NONE)
		snprintf(buf, n, "%s", x->no_investment);
	else if (p->status == PAYBACK_NOT_REACHED)
		snprintf(buf, n, x->not_within, c->s->years);
	else
		snprintf(buf, n, x->paid_back, p->year,
		         format_decimal(years, sizeof years, floor(p->years * 10 + 1e-9) / 10, 1, l,
		                        false));
}

static void break_even_text(const figures *g, const calc *c, const texts *x, lang l, char *buf,
                            size_t n)
{
	char pct[32], rate[32];
	bool none = g->nominal.status == PAYBACK_NONE;
	if (!g->break_even_found && none) {
		snprintf(buf, n, "%s", x->no_gain);
	} else if (!g->break_even_found) {
		snprintf(buf, n, x->not_reachable,
		         format_decimal(pct, sizeof pct, 100 * c->r->lambda_max, 0, l, false));
	} else if (none) {
		snprintf(buf, n, "%s", x->invests_nothing);
	} else {
		int used =
		        snprintf(buf, n, x->of_effect,
		                 format_decimal(pct, sizeof pct, 100 * g->break_even, 0, l, false));
		if (c->s->outcome_mode && used > 0 && (size_t)used < n)
			snprintf(buf + used, n - (size_t)used, x->rate_to,
			         format_decimal(rate, sizeof rate, 100 * g->break_even_rate, 1, l,
			                        false),
			         c->s->profile->states[c->s->outcome_target].id);
	}
}

/* "Kommunen, Arbetsförmedlingen och Regionen" from the actors of target j. */
static void actor_list(const calc *c, size_t j, lang l, char *buf, size_t n)
{
	const profile *p = c->s->profile;
	size_t count = 0, k = 0, used = 0;
	for (size_t a = 0; a < p->n_actors; a++)
		count += c->r->in_target[j * p->n_actors + a];
	buf[0] = '\0';
	for (size_t a = 0; a < p->n_actors && used < n; a++) {
		if (!c->r->in_target[j * p->n_actors + a])
			continue;
		const char *sep = k == 0           ? ""
		                  : k + 1 == count ? (l == LANG_SV ? " och " : " and ")
		                                   : ", ";
		used += (size_t)snprintf(buf + used, n - used, "%s%s", sep, p->actors[a].label);
		k++;
	}
}

/* The words of the uncertainty block, per language. */
typedef struct unc_texts {
	const char *title; /* %s draws, %llu seed, %d price year, %s rates */
	const char *mean, *p5, *p50, *p95, *chance, *evpi, *notes;
	const char *paid_title; /* %s target */
	const char *not_within; /* %d */
	const char *tornado_title, *input, *low, *high, *npv_low, *npv_high, *tornado_note;
	const char *more; /* %zu */
} unc_texts;

static const unc_texts unc_sv = {
        .title = "Osäkerhet: %s dragningar (frö %llu). Nettonuvärde i kronor, %d års priser, %s.",
        .mean = "Medel",
        .p5 = "P5",
        .p50 = "P50",
        .p95 = "P95",
        .chance = "Chans > 0",
        .evpi = "EVPI",
        .notes = "P5/P95: 5 % av dragningarna ger lägre/högre nettonuvärde. Chans > 0: andelen "
                 "dragningar med positivt nettonuvärde.\nEVPI: vad säker kunskap om de osäkra "
                 "antagandena vore värd för beslutet att satsa eller inte (kronor).\n",
        .paid_title = "Återbetald, andel dragningar (%s):",
        .not_within = "inte inom %d år",
        .tornado_title = "Känslighet: offentlig sektors nettonuvärde när ett antagande i taget "
                         "flyttas",
        .input = "Antagande",
        .low = "Lågt",
        .high = "Högt",
        .npv_low = "Nettonuvärde vid lågt",
        .npv_high = "vid högt",
        .tornado_note = "Lågt och högt: värdena i [sensitivity], annars 5:e och 95:e "
                        "percentilen av fördelningen i [uncertainty].",
        .more = "(och %zu antaganden till; alla finns i JSON och arbetsboken)",
};

static const unc_texts unc_en = {
        .title = "Uncertainty: %s draws (seed %llu). NPV in kronor, %d prices, %s.",
        .mean = "Mean",
        .p5 = "P5",
        .p50 = "P50",
        .p95 = "P95",
        .chance = "Chance > 0",
        .evpi = "EVPI",
        .notes = "P5/P95: 5% of the draws give a lower/higher NPV. Chance > 0: the share of "
                 "draws with a positive NPV.\nEVPI: what certain knowledge of the uncertain "
                 "inputs would be worth to the decision to fund or not (kronor).\n",
        .paid_title = "Paid back, share of draws (%s):",
        .not_within = "not within %d years",
        .tornado_title = "Sensitivity: the public sector's NPV when one input at a time moves",
        .input = "Input",
        .low = "Low",
        .high = "High",
        .npv_low = "NPV at low",
        .npv_high = "at high",
        .tornado_note = "Low and high: the values of [sensitivity], else the 5th and 95th "
                        "percentiles of the distribution in [uncertainty].",
        .more = "(and %zu more inputs; all are in the JSON and the workbook)",
};

/* An input's value for reading: kronor with separators, shares with
 * three decimals. */
static char *input_value(char *buf, size_t n, double v, lang l)
{
	if (fabs(v) >= 100)
		return format_amount(buf, n, v, l, false);
	return format_decimal(buf, n, v, fabs(v) >= 1 ? 2 : 3, l, false);
}

#define TORNADO_ROWS 10

static void uncertainty_text(const calc *c, const texts *x, lang l, FILE *out)
{
	const unc_results *u = c->u;
	const unc_texts *y = l == LANG_SV ? &unc_sv : &unc_en;
	const scenario *s = c->s;
	size_t na = s->profile->n_actors;
	char a[64], b[64], d[64], e[64], lab[160], line[512];
	size_t w0 = format_width(x->actor);
	for (size_t j = 0; j < u->n_targets; j++) {
		size_t w = format_width(target_label(c, j, x, lab, sizeof lab));
		w0 = w > w0 ? w : w0;
	}
	w0 += 2;
	if (u->draws > 0) {
		fputc('\n', out);
		fprintf(out, y->title, format_amount(a, sizeof a, (double)u->draws, l, false),
		        (unsigned long long)u->seed, s->price_year,
		        format_rates(line, sizeof line, s->rate_by_year, s->years, l));
		fputc('\n', out);
		format_cell(out, x->actor, w0, false);
		const char *heads[6] = {y->mean, y->p5, y->p50, y->p95, y->chance, y->evpi};
		const size_t widths[6] = {14, 14, 14, 14, 12, 12};
		for (int k = 0; k < 6; k++)
			format_cell(out, heads[k], widths[k], true);
		fputc('\n', out);
		for (size_t j = 0; j < u->n_targets; j++) {
			const unc_stats *st = &u->stats[j];
			if (j == TARGET_FISCAL(na))
				fputc('\n', out);
			format_cell(out, target_label(c, j, x, lab, sizeof lab), w0, false);
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
		fputs(y->notes, out);
		const unc_stats *fi = &u->stats[TARGET_FISCAL(na)];
		fprintf(out, y->paid_title, x->fiscal);
		for (int t = 0; t < s->years; t++)
			if (fi->paid[t] > 0)
				fprintf(out, " %d %s,", s->start_year + t,
				        format_percent(a, sizeof a,
				                       (double)fi->paid[t] / (double)u->draws, l));
		snprintf(line, sizeof line, y->not_within, s->years);
		fprintf(out, " %s %s.\n", line,
		        format_percent(a, sizeof a, (double)fi->never / (double)u->draws, l));
	}
	if (u->n_tornado == 0)
		return;
	fprintf(out, "\n%s\n", y->tornado_title);
	size_t wi = format_width(y->input);
	for (size_t k = 0; k < u->n_tornado && k < TORNADO_ROWS; k++) {
		const unc_input *in = &u->spec->v[u->tornado[k].input];
		snprintf(lab, sizeof lab, "%s: %s", in->section, in->key);
		size_t w = format_width(lab);
		wi = w > wi ? w : wi;
	}
	wi += 2;
	format_cell(out, y->input, wi, false);
	format_cell(out, y->low, 11, true);
	format_cell(out, y->high, 11, true);
	format_cell(out, y->npv_low, 23, true);
	format_cell(out, y->npv_high, 14, true);
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
		fprintf(out, y->more, u->n_tornado - TORNADO_ROWS);
		fputc('\n', out);
	}
	fprintf(out, "%s\n", y->tornado_note);
}

sk_status report_text(const calc *c, lang l, FILE *out)
{
	const texts *x = l == LANG_SV ? &sv : &en;
	const scenario *s = c->s;
	const profile *p = s->profile;
	const results *r = c->r;
	char a[64], b[64], d[64], e[64], lab[160], line[512];

	fprintf(out, "%s\n", s->name);
	fprintf(out, "%s: %s. %s %s, ", x->intervention, s->intervention_name,
	        format_amount(a, sizeof a, (double)s->size, l, false), x->per_intake);
	if (s->intakes == 1)
		fprintf(out, "%s, ", x->intakes_one);
	else
		fprintf(out, "%ld %s, ", s->intakes, x->intakes_many);
	fprintf(out, "%d %s.\n", s->intervention_years,
	        s->intervention_years == 1 ? x->year_in : x->years_in);
	fprintf(out, x->amounts, s->price_year);
	fputc(' ', out);
	fprintf(out, x->rate, format_rates(line, sizeof line, s->rate_by_year, s->years, l),
	        s->timing == TIMING_START ? x->timing_start : x->timing_end);
	fputc(' ', out);
	fprintf(out, x->horizon, s->years, s->start_year, s->start_year + s->years - 1);
	if (s->attribution != 1 || s->cost_uplift != 0) {
		fputc('\n', out);
		fprintf(out, x->adjusted,
		        format_decimal(a, sizeof a, 100 * s->attribution, 0, l, false),
		        format_decimal(b, sizeof b, 100 * s->cost_uplift, 0, l, false));
	}
	if (s->outcome_mode) {
		char rates[4][32], pcts[4][40];
		const double v[4] = {s->outcome_rate[TR_BASELINE], s->outcome_rate[TR_INTERVENTION],
		                     s->outcome_rate[TR_AFTER], s->outcome_relapse};
		for (int k = 0; k < 4; k++)
			snprintf(
			        pcts[k], sizeof pcts[k], l == LANG_SV ? "%s %%" : "%s%%",
			        format_decimal(rates[k], sizeof rates[k], 100 * v[k], 1, l, false));
		const char *tg = p->states[s->outcome_target].id;
		fputc('\n', out);
		fprintf(out, x->outcome_rule, pcts[0], tg, pcts[1], pcts[2], pcts[3], tg);
	}
	fputs("\n\n", out);

	snprintf(line, sizeof line, x->question, s->intervention_name);
	fprintf(out, "%s\n", line);
	size_t w0 = format_width(x->actor);
	for (size_t j = 0; j < r->n_targets; j++) {
		size_t w = format_width(target_label(c, j, x, lab, sizeof lab));
		if (w > w0)
			w0 = w;
	}
	w0 += 2;
	/* amounts up to 999 999 999 999 kr with sign, and the headings */
	size_t wa = format_width(x->pv) + 3, wr = format_width(x->per_krona) + 3;
	if (wa < 19)
		wa = 19;
	format_cell(out, x->actor, w0, false);
	format_cell(out, x->investment, wa, true);
	format_cell(out, x->savings, wa, true);
	format_cell(out, x->npv, wa, true);
	format_cell(out, x->ret, wr, true);
	fputc('\n', out);
	format_cell(out, "", w0, false);
	format_cell(out, x->pv, wa, true);
	format_cell(out, x->pv, wa, true);
	format_cell(out, x->kr, wa, true);
	format_cell(out, x->per_krona, wr, true);
	fputc('\n', out);
	for (size_t j = 0; j < r->n_targets; j++) {
		const figures *g = &r->fig[j];
		if (j == TARGET_FISCAL(p->n_actors))
			fputc('\n', out);
		format_cell(out, target_label(c, j, x, lab, sizeof lab), w0, false);
		format_cell(out, format_amount(a, sizeof a, g->pv_investment, l, false), wa, true);
		format_cell(out, format_amount(b, sizeof b, g->pv_savings, l, true), wa, true);
		format_cell(out, format_amount(d, sizeof d, g->npv, l, true), wa, true);
		if (g->has_return)
			snprintf(e, sizeof e, "%s %s",
			         format_decimal(a, sizeof a, g->ret, 2, l, false), x->kr);
		else
			snprintf(e, sizeof e, "%s", x->no_investment);
		format_cell(out, e, wr, true);
		fputc('\n', out);
	}

	fprintf(out, "\n%s\n", x->payback_title);
	format_cell(out, x->actor, w0, false);
	format_cell(out, x->payback, 24, false);
	format_cell(out, x->payback_disc, 26, false);
	fprintf(out, "%s\n", x->break_even);
	for (size_t j = 0; j < r->n_targets; j++) {
		const figures *g = &r->fig[j];
		if (j == TARGET_FISCAL(p->n_actors))
			fputc('\n', out);
		format_cell(out, target_label(c, j, x, lab, sizeof lab), w0, false);
		payback_text(&g->nominal, c, x, l, line, sizeof line);
		format_cell(out, line, 24, false);
		payback_text(&g->discounted, c, x, l, line, sizeof line);
		format_cell(out, line, 26, false);
		break_even_text(g, c, x, l, line, sizeof line);
		fprintf(out, "%s\n", line);
	}

	fputc('\n', out);
	actor_list(c, TARGET_FISCAL(p->n_actors), l, line, sizeof line);
	if (!line[0])
		snprintf(line, sizeof line, "%s", x->nobody);
	fputs("\xc2\xb9 ", out);
	fprintf(out, x->fiscal_note, line);
	fputs("\n\xc2\xb2 ", out);
	actor_list(c, TARGET_SOCIETY(p->n_actors), l, line, sizeof line);
	fprintf(out, x->society_note, line);
	fprintf(out, "\n%s\n%s\n%s\n", x->signs_note, x->payback_note, x->break_even_note);

	/* snapshots, the convention of samordningsförbund reports */
	fprintf(out, "\n%s\n", x->snapshot_title);
	format_cell(out, x->actor, w0, false);
	for (int k = 0; k < 2; k++) {
		int y = r->fig[0].snapshot_years[k];
		snprintf(e, sizeof e, y == 1 ? x->after_year : x->after_years, y);
		format_cell(out, e, wa, true);
	}
	fputc('\n', out);
	for (size_t j = 0; j < r->n_targets; j++) {
		if (j == TARGET_FISCAL(p->n_actors))
			fputc('\n', out);
		format_cell(out, target_label(c, j, x, lab, sizeof lab), w0, false);
		for (int k = 0; k < 2; k++)
			format_cell(out,
			            format_amount(a, sizeof a, r->fig[j].snapshot_net[k], l, true),
			            wa, true);
		fputc('\n', out);
	}

	fputc('\n', out);
	fprintf(out, x->outcomes_title, s->start_year, s->start_year + s->years - 1);
	fputc('\n', out);
	size_t ws = format_width(x->state);
	for (size_t st = 0; st < p->n_states; st++)
		if (format_width(p->states[st].label) > ws)
			ws = format_width(p->states[st].label);
	ws += 2;
	format_cell(out, x->state, ws, false);
	format_cell(out, x->without, 13, true);
	format_cell(out, x->with, 13, true);
	format_cell(out, x->difference, 13, true);
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
		fprintf(out, "%s\n", x->empty_states);
	const figures *fi = &r->fig[TARGET_FISCAL(p->n_actors)];
	const figures *so = &r->fig[TARGET_SOCIETY(p->n_actors)];
	if (fi->has_cost_per_work_year) {
		fputc('\n', out);
		fprintf(out, x->per_work_year, p->states[s->work_state].id, x->fiscal,
		        format_amount(a, sizeof a, fi->cost_per_work_year, l, false), x->society,
		        format_amount(b, sizeof b, so->cost_per_work_year, l, false));
		fputc('\n', out);
	}
	if (c->u)
		uncertainty_text(c, x, l, out);
	return ferror(out) ? SK_EIO : SK_OK;
}
