/* report_xlsx.c -- the committee workbook (issue #4, SPEC §7) with
 * libxlsxwriter. Sheets: summary, per actor, women and men, outcomes,
 * assumptions, method, data. Every derived number (savings, net, totals,
 * cumulative and discounted rows, present values, NPV) is a live formula
 * over the cells it summarises, written with its computed value; the
 * discount rate is one named cell on the assumptions sheet. Text from input
 * files is always written as a string, never as a formula (SPEC §8). */
#include "samkalk/report/report_xlsx.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "samkalk/base/limits.h"
#include "samkalk/base/version.h"
#include "samkalk/vary/compare.h"
#include "samkalk/vary/uncertainty.h"

/* Rows of a target's block on the flow sheets. */
enum { R_WITHOUT, R_WITH, R_SAVINGS, R_INVEST, R_NET, R_CUM, R_DISC, BLOCK_ROWS };
/* Fixed rows of the flow sheets (0-based): year header, t, discount factor. */
enum { ROW_YEARS = 3, ROW_T = 4, ROW_RATE = 5, ROW_FACTOR = 6, ROW_FIRST_BLOCK = 8 };
#define COL_FIRST_YEAR 2
/* The column of values on the assumptions sheet; the discount rate's
 * cell there is the one every discount factor refers to, by name. */
#define RATE_COL 1

typedef struct xtexts {
	const char *sheet[7]; /* summary, per actor, sexes, outcomes, assumptions, method, data */
	const char *rate_name;
	const char *question;     /* %s intervention */
	const char *intervention; /* "Insats: %s. %ld deltagare ..." pieces */
	const char *per_intake, *intakes_one, *intakes_many, *years_in;
	const char *actor, *pv_investment, *pv_savings, *npv, *payback_year, *ret, *snapshot_head;
	const char *unit; /* "kr, %d års priser" */
	const char *fiscal, *society, *fiscal_note, *society_note, *nobody;
	const char *no_investment, *not_within; /* %d */
	const char *sentence_paid, *sentence_not_paid, *sentence_saves, *sentence_costs,
	        *sentence_none;
	const char *break_even_intro, *break_even_item, *break_even_unreachable, *break_even_rate,
	        *and_word;
	const char *chart_title, *chart_axis;
	const char *footer; /* %d price year, %s rate, %d years, %d-%d, %s version, %s date */
	const char *print_footer;
	const char *rows[BLOCK_ROWS];
	const char *flows_title, *flows_note, *row_label, *sum, *t_label, *factor_label,
	        *rate_label;
	const char *women, *men;
	const char *outcomes_title, *outcomes_note, *state, *without, *with, *difference,
	        *yearly_without, *yearly_with, *persons;
	const char *assumptions_title, *basics, *parameter, *value, *unit_col, *source, *where;
	const char *p_attribution, *p_uplift, *p_work_state, *none_word;
	const char *p_scenario, *p_profile, *p_intervention, *p_start, *p_years, *p_price_year,
	        *p_rate, *p_timing, *p_costs_on, *p_size, *p_intakes, *p_women, *p_d;
	const char *timing_start, *timing_end, *costs_start, *costs_end, *costs_mean;
	const char *u_year, *u_years, *u_rate, *u_persons, *u_share, *u_kr, *u_prob;
	const char *default_value;
	const char *actors_title, *actor_id, *actor_label, *actor_kind, *kind_fiscal,
	        *kind_economic;
	const char *start_title, *costs_title, *fixed, *per_participant, *startup;
	const char *transitions_title, *section, *transition, *probability;
	const char *index_title, *index_year, *index_value;
	const char *unit_costs_title, *items_title, *item, *amount, *item_year, *factor,
	        *amount_moved;
	const char *matrices_title, *set_names[3], *outcome_generated;
	const char *files_title, *file_given, *file_resolved, *sha;
	const char *method_title;
	const char *method[32];
	const char *subject;
} xtexts;

static const xtexts xsv = {
        .sheet = {"Sammanfattning", "Per aktör", "Kvinnor och män", "Utfall", "Antaganden", "Metod",
                  "Data"},
        .rate_name = "Diskonteringsranta",
        .question = "Lönar sig %s, och för vem?",
        .per_intake = "deltagare per grupp",
        .intakes_one = "1 grupp",
        .intakes_many = "grupper, en per år",
        .years_in = "år i insatsen per deltagare",
        .actor = "Aktör",
        .pv_investment = "Investering (nuvärde)",
        .pv_savings = "Besparing (nuvärde)",
        .npv = "Nettonuvärde",
        .payback_year = "Återbetald år",
        .ret = "Avkastning per investerad krona",
        .snapshot_head = "Netto efter %d år, %s",
        .unit = "kr, %d års priser",
        .fiscal = "Offentlig sektor",
        .society = "Samhället",
        .fiscal_note = "Offentlig sektor = %s.",
        .nobody = "inga aktörer (alla är ekonomiska)",
        .society_note = "Samhället = alla aktörer: %s.",
        .no_investment = "ingen investering",
        .not_within = "ej inom %d år",
        .sentence_paid = "%s investerar %s och har tjänat in investeringen år %d.",
        .sentence_not_paid = "%s investerar %s men har inte tjänat in investeringen inom %d år "
                             "(nettonuvärde %s).",
        .sentence_saves = "%s investerar inget och sparar %s.",
        .sentence_costs = "%s investerar inget men får %s högre kostnader.",
        .sentence_none = "%s påverkas inte i kalkylen.",
        .break_even_intro = "Brytpunkt: insatsen går jämnt ut ",
        .break_even_item = "för %s vid %s av den antagna effekten",
        .break_even_unreachable = "för %s aldrig (inte ens vid %s av effekten)",
        .break_even_rate = " (%s till %s per år)",
        .and_word = " och ",
        .chart_title = "Samlat netto per aktör (besparing − investering, kumulativt)",
        .chart_axis = "kr",
        .footer = "Belopp i %d års priser. Diskonteringsränta %s. Kalkylperiod %d år "
                  "(%d–%d). samkalk %s, körd %s.",
        .print_footer = "&Lsamkalk &CSida &P av &N&R%s",
        .rows = {"Kostnad utan insats", "Kostnad med insats", "Besparing",
                 "Investering (insatsens kostnad)", "Netto (besparing − investering)",
                 "Netto, kumulativt", "Netto, diskonterat"},
        .flows_title = "%s: kostnader och besparingar per år",
        .flows_note = "Belopp i kr, %d års priser. Besparing = kostnad utan − kostnad med "
                      "insats. Diskonteringsfaktorn räknas från räntan på bladet Antaganden.",
        .row_label = "Post",
        .sum = "Summa",
        .t_label = "År i kalkylen (t)",
        .factor_label = "Diskonteringsfaktor",
        .rate_label = "Diskonteringsränta",
        .women = "Kvinnor",
        .men = "Män",
        .outcomes_title = "Utfall: personår per tillstånd",
        .outcomes_note = "Personår = antal personer i tillståndet, summerat över åren %d–%d "
                         "(samma fördelning som kostnaderna räknas på).",
        .state = "Tillstånd",
        .without = "Utan insats",
        .with = "Med insats",
        .difference = "Skillnad (med − utan)",
        .yearly_without = "Utan insats: personer per tillstånd och år",
        .yearly_with = "Med insats: personer per tillstånd och år",
        .persons = "personer",
        .assumptions_title = "Antaganden: alla indata, med källa och rad i filen",
        .basics = "Kalkylens grunder",
        .parameter = "Indata",
        .value = "Värde",
        .unit_col = "Enhet",
        .source = "Källa",
        .where = "Fil:rad",
        .p_scenario = "Scenario",
        .p_profile = "Typpersonprofil",
        .p_attribution = "Andel av effekten som tillskrivs insatsen",
        .p_work_state = "Tillstånd som räknas som arbete",
        .none_word = "inget",
        .p_uplift = "Påslag på investeringskostnaderna",
        .p_intervention = "Insats",
        .p_start = "Första år",
        .p_years = "Kalkylperiod",
        .p_price_year = "Prisår",
        .p_rate = "Diskonteringsränta (real)",
        .p_timing = "Diskontering",
        .p_costs_on = "Årets kostnader räknas på",
        .p_size = "Deltagare per grupp",
        .p_intakes = "Antal grupper",
        .p_women = "Andel kvinnor",
        .p_d = "År i insatsen per deltagare",
        .timing_start = "år 1 odiskonterat",
        .timing_end = "år 1 diskonterat en gång",
        .costs_start = "fördelningen vid årets början",
        .costs_end = "fördelningen vid årets slut",
        .costs_mean = "medelvärdet av början och slut",
        .u_year = "år",
        .u_years = "år",
        .u_rate = "per år",
        .u_persons = "personer",
        .u_share = "andel",
        .u_kr = "kr",
        .u_prob = "sannolikhet per år",
        .default_value = "standardvärde",
        .actors_title = "Aktörer",
        .actor_id = "Id",
        .actor_label = "Namn",
        .actor_kind = "Slag",
        .kind_fiscal = "offentlig budget",
        .kind_economic = "ekonomisk (ej offentlig)",
        .start_title = "Startfördelning (andel per tillstånd)",
        .costs_title = "Insatsens kostnader per aktör",
        .fixed = "Fast kostnad per år",
        .per_participant = "Per deltagare och år",
        .startup = "Uppstart, år 1",
        .transitions_title = "Övergångar som de står i scenariofilen",
        .section = "Avsnitt",
        .transition = "Övergång",
        .probability = "Sannolikhet per år",
        .index_title = "Prisindex",
        .index_year = "År",
        .index_value = "Indexvärde",
        .unit_costs_title = "Årskostnad per person och tillstånd, kr i %d års priser (summa av "
                            "posterna nedan)",
        .items_title = "Poster i typpersonprofilen",
        .item = "Post",
        .amount = "Belopp",
        .item_year = "Prisår",
        .factor = "Omräkning",
        .amount_moved = "Belopp i %d års priser",
        .matrices_title = "Övergångsmatriser som används (rad: från, kolumn: till)",
        .set_names = {"utan insats", "under insatsåren", "efter insatsen"},
        .outcome_generated = "Genererade från [outcome]: ",
        .files_title = "Indatafiler",
        .file_given = "Fil (som angiven)",
        .file_resolved = "Fullständig sökväg",
        .sha = "SHA-256",
        .method_title = "Metod",
        .method = {"Kalkylen följer samma grupp deltagare år för år två gånger: utan insatsen "
                   "och med den.",
                   "Varje år befinner sig varje person i ett tillstånd (t.ex. AM2, arbete, "
                   "studier). Övergångssannolikheterna säger hur många som byter tillstånd "
                   "under ett år.",
                   "Utan insats gäller övergångarna i [baseline]. Med insats gäller "
                   "[intervention.transitions] de år en grupp är i insatsen och [after] "
                   "därefter (annars baseline).",
                   "En persons kostnad för en aktör ett år är typpersonens årskostnad i "
                   "tillståndet (bladet Antaganden), omräknad till prisåret med prisindex.",
                   "Årets kostnad för en aktör = antal personer i varje tillstånd × "
                   "årskostnaden, summerat över tillstånden och grupperna.",
                   "Besparing = kostnad utan insats − kostnad med insats. Ett minus betyder "
                   "att aktören får högre kostnader med insatsen.",
                   "Investering = insatsens egna kostnader: fast kostnad per år, kostnad per "
                   "deltagare och år, och uppstartskostnad år 1.",
                   "Netto = besparing − investering. Nettonuvärde = summan av de diskonterade "
                   "nettona.",
                   "Diskontering: ett belopp år t räknas om med 1/(1+r)^(t−1), där r är "
                   "diskonteringsräntan (år 1 odiskonterat), eller 1/(1+r)^t om så anges.",
                   "Återbetald: första året då det kumulativa nettot är minst 0. Antalet år "
                   "räknas som (t−1) + (det som återstod att tjäna in) / årets netto.",
                   "Avkastning per investerad krona = besparingens nuvärde / investeringens "
                   "nuvärde.",
                   "Brytpunkt: den minsta andel av den antagna effekten (skillnaden mellan "
                   "övergångarna med och utan insats) som ger nettonuvärde 0.",
                   "Offentlig sektor är summan av de offentliga aktörerna; Samhället är alla "
                   "aktörer i profilen.",
                   "Kvinnor och män räknas var för sig med sina egna andelar och eventuella "
                   "egna övergångar, och summeras.",
                   "",
                   "Vad kalkylen inte tar med:",
                   "– kostnader och intäkter som inte finns i typpersonprofilen, t.ex. "
                   "livskvalitet och, om ingen sådan aktör finns, produktionsvärde;",
                   "– effekter efter kalkylperioden;",
                   "– undanträngning: att andra arbetssökande kan få arbete senare;",
                   "– osäkerhet: talen är punktskattningar av antagandena i scenariofilen; "
                   "bladet Osäkerhet (när scenariot har [uncertainty]-avsnitt) visar hur "
                   "mycket de kan variera.",
                   "Alla summor, nettonuvärden och kumulativa rader är formler: ändra räntan "
                   "på bladet Antaganden och räkna om, så ändras nuvärdena.",
                   NULL},
        .subject = "Socioekonomisk investeringskalkyl: %s",
};

static const xtexts xen = {
        .sheet = {"Summary", "Per actor", "Women and men", "Outcomes", "Assumptions", "Method",
                  "Data"},
        .rate_name = "DiscountRate",
        .question = "Does %s pay off, and for whom?",
        .per_intake = "participants per group",
        .intakes_one = "1 group",
        .intakes_many = "groups, one a year",
        .years_in = "years in the intervention per participant",
        .actor = "Actor",
        .pv_investment = "Investment (present value)",
        .pv_savings = "Savings (present value)",
        .npv = "NPV",
        .payback_year = "Paid back in",
        .ret = "Return per krona invested",
        .snapshot_head = "Net after %d years, %s",
        .unit = "kr, %d prices",
        .fiscal = "Public sector",
        .society = "Society",
        .fiscal_note = "Public sector = %s.",
        .nobody = "no actors (all are economic)",
        .society_note = "Society = all actors: %s.",
        .no_investment = "no investment",
        .not_within = "not within %d years",
        .sentence_paid = "%s invests %s and has recovered the investment in %d.",
        .sentence_not_paid = "%s invests %s but has not recovered it within %d years "
                             "(NPV %s).",
        .sentence_saves = "%s invests nothing and saves %s.",
        .sentence_costs = "%s invests nothing but bears %s in higher costs.",
        .sentence_none = "%s is not affected in the calculation.",
        .break_even_intro = "Break-even: the intervention breaks even ",
        .break_even_item = "for %s at %s of the assumed effect",
        .break_even_unreachable = "for %s never (not even at %s of the effect)",
        .break_even_rate = " (%s to %s a year)",
        .and_word = " and ",
        .chart_title = "Cumulative net per actor (savings − investment)",
        .chart_axis = "kr",
        .footer = "Amounts in %d prices. Discount rate %s. Horizon %d years (%d–%d). "
                  "samkalk %s, run %s.",
        .print_footer = "&Lsamkalk &CPage &P of &N&R%s",
        .rows = {"Cost without intervention", "Cost with intervention", "Savings",
                 "Investment (the intervention's cost)", "Net (savings − investment)",
                 "Net, cumulative", "Net, discounted"},
        .flows_title = "%s: costs and savings per year",
        .flows_note = "Amounts in kr, %d prices. Savings = cost without − cost with the "
                      "intervention. The discount factor is computed from the rate on the "
                      "Assumptions sheet.",
        .row_label = "Item",
        .sum = "Total",
        .t_label = "Year of the calculation (t)",
        .factor_label = "Discount factor",
        .rate_label = "Discount rate",
        .women = "Women",
        .men = "Men",
        .outcomes_title = "Outcomes: person-years per state",
        .outcomes_note = "Person-years = persons in the state, summed over %d–%d (the same "
                         "occupancy the costs use).",
        .state = "State",
        .without = "Without",
        .with = "With",
        .difference = "Difference (with − without)",
        .yearly_without = "Without the intervention: persons per state and year",
        .yearly_with = "With the intervention: persons per state and year",
        .persons = "persons",
        .assumptions_title = "Assumptions: every input, with its source and line in the file",
        .basics = "Basis of the calculation",
        .parameter = "Input",
        .value = "Value",
        .unit_col = "Unit",
        .source = "Source",
        .where = "File:line",
        .p_scenario = "Scenario",
        .p_profile = "Typical-person profile",
        .p_attribution = "Share of the effect attributed to the intervention",
        .p_work_state = "State counted as work",
        .none_word = "none",
        .p_uplift = "Uplift on the investment costs",
        .p_intervention = "Intervention",
        .p_start = "First year",
        .p_years = "Horizon",
        .p_price_year = "Price year",
        .p_rate = "Discount rate (real)",
        .p_timing = "Discounting",
        .p_costs_on = "A year's costs use",
        .p_size = "Participants per group",
        .p_intakes = "Groups (intakes)",
        .p_women = "Share of women",
        .p_d = "Years in the intervention per participant",
        .timing_start = "year 1 undiscounted",
        .timing_end = "year 1 discounted once",
        .costs_start = "the occupancy at the start of the year",
        .costs_end = "the occupancy at the end of the year",
        .costs_mean = "the mean of start and end",
        .u_year = "year",
        .u_years = "years",
        .u_rate = "per year",
        .u_persons = "persons",
        .u_share = "share",
        .u_kr = "kr",
        .u_prob = "probability per year",
        .default_value = "default",
        .actors_title = "Actors",
        .actor_id = "Id",
        .actor_label = "Name",
        .actor_kind = "Kind",
        .kind_fiscal = "public budget",
        .kind_economic = "economic (not public)",
        .start_title = "Starting distribution (share per state)",
        .costs_title = "The intervention's costs per actor",
        .fixed = "Fixed cost per year",
        .per_participant = "Per participant and year",
        .startup = "Start-up, year 1",
        .transitions_title = "Transitions as written in the scenario file",
        .section = "Section",
        .transition = "Transition",
        .probability = "Probability per year",
        .index_title = "Price index",
        .index_year = "Year",
        .index_value = "Index value",
        .unit_costs_title = "Annual cost per person and state, kr in %d prices (sum of the "
                            "items below)",
        .items_title = "Items of the typical-person profile",
        .item = "Item",
        .amount = "Amount",
        .item_year = "Price year",
        .factor = "Price move",
        .amount_moved = "Amount in %d prices",
        .matrices_title = "Transition matrices as used (row: from, column: to)",
        .set_names = {"without the intervention", "in the intervention years",
                      "after the intervention"},
        .outcome_generated = "Generated from [outcome]: ",
        .files_title = "Input files",
        .file_given = "File (as given)",
        .file_resolved = "Full path",
        .sha = "SHA-256",
        .method_title = "Method",
        .method = {"The calculation follows the same group of participants year by year "
                   "twice: without the intervention and with it.",
                   "Each year every person is in one state (e.g. AM2, work, studies). The "
                   "transition probabilities say how many change state in a year.",
                   "Without the intervention the transitions of [baseline] apply. With it, "
                   "[intervention.transitions] applies in the years a group is in the "
                   "intervention and [after] afterwards (else the baseline).",
                   "A person's cost to an actor in a year is the typical person's annual cost "
                   "in that state (Assumptions sheet), moved to the price year by the index.",
                   "A year's cost to an actor = persons in each state × the annual cost, "
                   "summed over states and groups.",
                   "Savings = cost without − cost with the intervention. A minus means the "
                   "actor's costs rise with the intervention.",
                   "Investment = the intervention's own costs: a fixed cost per year, a cost "
                   "per participant and year, and a start-up cost in year 1.",
                   "Net = savings − investment. NPV = the sum of the discounted nets.",
                   "Discounting: an amount in year t is multiplied by 1/(1+r)^(t−1), r the "
                   "discount rate (year 1 undiscounted), or by 1/(1+r)^t if so set.",
                   "Paid back: the first year whose cumulative net is at least 0, in years "
                   "(t−1) + (what was left to recover) / that year's net.",
                   "Return per krona invested = present value of savings / present value of "
                   "investment.",
                   "Break-even: the smallest share of the assumed effect (the difference "
                   "between the transitions with and without) that gives an NPV of 0.",
                   "The public sector is the sum of the public actors; society is every actor "
                   "in the profile.",
                   "Women and men are computed separately, with their own shares and any "
                   "transitions of their own, and summed.",
                   "",
                   "What the calculation leaves out:",
                   "– costs and revenues not in the profile, e.g. quality of life and, unless "
                   "such an actor is added, production value;",
                   "– effects after the horizon;",
                   "– displacement: other jobseekers may find work later;",
                   "– uncertainty: the figures are point estimates of the scenario's "
                   "assumptions; the Uncertainty sheet (when the scenario has [uncertainty] "
                   "sections) shows how much they can vary.",
                   "Every total, NPV and cumulative row is a formula: change the rate on the "
                   "Assumptions sheet and recalculate, and the present values change.",
                   NULL},
        .subject = "Socioeconomic investment calculation: %s",
};

typedef struct book {
	const calc *c;
	const scenario *s;
	const profile *p;
	const results *r;
	const flows *f;
	lang l;
	const xtexts *x;
	lxw_workbook *wb;
	lxw_error err;
	struct {
		lxw_format *title, *subtitle, *question, *head, *head_left, *bold, *text, *wrap,
		        *note, *note_right, *kr, *kr_bold, *ret, *year, *dec1, *pct, *prob,
		        *persons, *link;
	} fmt;
	int T;
	size_t na, nt, ns;
	lxw_row_t block[N_FLOW_SEX][SK_MAX_ACTORS + 2]; /* first row of each target block */
	char date[16];
	char name[7][40];                 /* sheet names: a prefix and xtexts.sheet */
	char quoted[3][48];               /* 'Per aktör' etc. for formulas */
	bool values_only;                 /* the comparison's copies of a scenario's sheets */
	lxw_worksheet *ws[7];             /* in the order of xtexts.sheet */
	lxw_worksheet *unc;               /* Osäkerhet, after Utfall, when computed */
	lxw_row_t rate_row;               /* of the discount rate on the assumptions sheet */
	lxw_row_t band_row[SK_MAX_YEARS]; /* with [discounting]: each year's band cell */
} book;

/* The first libxlsxwriter error is kept; later calls still run, harmlessly. */
static void keep(book *b, lxw_error e)
{
	if (e && !b->err)
		b->err = e;
}

static void str(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
	keep(b, worksheet_write_string(ws, r, c, s, f));
}

static void strf(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, lxw_format *f,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void strf(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, lxw_format *f,
                 const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	str(b, ws, r, c, buf, f);
}

static void num(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
{
	keep(b, worksheet_write_number(ws, r, c, v == 0 ? 0.0 : v, f));
}

/* A formula with its computed value, so the file shows numbers unopened. */
static void formula(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *fm, double v,
                    lxw_format *f)
{
	if (b->values_only)
		keep(b, worksheet_write_number(ws, r, c, v == 0 ? 0.0 : v, f));
	else
		keep(b, worksheet_write_formula_num(ws, r, c, fm, f, v == 0 ? 0.0 : v));
}

static char *ref(char *buf, lxw_row_t r, lxw_col_t c)
{
	lxw_rowcol_to_cell(buf, r, c);
	return buf;
}

/* "file:line", or the default's word when the key is absent. */
static void where(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const ini_doc *doc,
                  int line)
{
	if (line > 0)
		strf(b, ws, r, c, b->fmt.text, "%s:%d", doc->path, line);
	else
		str(b, ws, r, c, b->x->default_value, b->fmt.note);
}

/* The entry of key in section of doc, or NULL. */

/* Source and file:line of a scenario input: the comment written above it
 * (or after it) in the file is its source. */
static void provenance(book *b, lxw_worksheet *ws, lxw_row_t r, const char *section,
                       const char *key)
{
	const ini_entry *e = inifile_find_entry(b->s->doc, section, key);
	where(b, ws, r, 3, b->s->doc, e ? e->line : 0);
	if (e && e->comment) /* last, so long text runs on into empty cells */
		str(b, ws, r, 4, e->comment, b->fmt.text);
}

static const char *target_label(const book *b, size_t j)
{
	if (j == TARGET_FISCAL(b->na))
		return b->x->fiscal;
	if (j == TARGET_SOCIETY(b->na))
		return b->x->society;
	return b->p->actors[j].label;
}

/* "Kommunen, Arbetsförmedlingen och Regionen": the actors target j covers. */
static void actor_list(const book *b, size_t j, char *buf, size_t n)
{
	size_t count = 0, k = 0, used = 0;
	for (size_t a = 0; a < b->na; a++)
		count += b->r->in_target[j * b->na + a];
	buf[0] = '\0';
	for (size_t a = 0; a < b->na && used < n; a++) {
		if (!b->r->in_target[j * b->na + a])
			continue;
		const char *sep = k == 0 ? "" : k + 1 == count ? b->x->and_word : ", ";
		used += (size_t)snprintf(buf + used, n - used, "%s%s", sep, b->p->actors[a].label);
		k++;
	}
}

/* Money in words for sentences: "3,4 mnkr" from a million up, else kr. */
static void money_words(const book *b, double v, char *buf, size_t n)
{
	char d[64];
	if (fabs(v) >= 1e6)
		snprintf(buf, n, "%s mnkr",
		         format_decimal(d, sizeof d, fabs(v) / 1e6, 1, b->l, false));
	else
		snprintf(buf, n, "%s kr", format_amount(d, sizeof d, fabs(v), b->l, false));
}

static void make_formats(book *b)
{
	lxw_workbook *wb = b->wb;
	/* Negative amounts in red with a true minus sign (U+2212). */
	const char *kr = "#,##0;[Red]\"\xe2\x88\x92\"#,##0;0";
	b->fmt.title = workbook_add_format(wb);
	format_set_bold(b->fmt.title);
	format_set_font_size(b->fmt.title, 16);
	b->fmt.subtitle = workbook_add_format(wb);
	format_set_font_size(b->fmt.subtitle, 11);
	format_set_italic(b->fmt.subtitle);
	b->fmt.question = workbook_add_format(wb);
	format_set_bold(b->fmt.question);
	format_set_font_size(b->fmt.question, 13);
	b->fmt.head = workbook_add_format(wb);
	format_set_bold(b->fmt.head);
	format_set_text_wrap(b->fmt.head);
	format_set_align(b->fmt.head, LXW_ALIGN_RIGHT);
	format_set_align(b->fmt.head, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_bottom(b->fmt.head, LXW_BORDER_THIN);
	b->fmt.head_left = workbook_add_format(wb);
	format_set_bold(b->fmt.head_left);
	format_set_text_wrap(b->fmt.head_left);
	format_set_align(b->fmt.head_left, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_bottom(b->fmt.head_left, LXW_BORDER_THIN);
	b->fmt.bold = workbook_add_format(wb);
	format_set_bold(b->fmt.bold);
	b->fmt.text = workbook_add_format(wb);
	b->fmt.wrap = workbook_add_format(wb);
	format_set_text_wrap(b->fmt.wrap);
	format_set_align(b->fmt.wrap, LXW_ALIGN_VERTICAL_TOP);
	b->fmt.note = workbook_add_format(wb);
	format_set_italic(b->fmt.note);
	format_set_font_color(b->fmt.note, 0x595959);
	b->fmt.note_right = workbook_add_format(wb); /* words in a column of numbers */
	format_set_italic(b->fmt.note_right);
	format_set_font_color(b->fmt.note_right, 0x595959);
	format_set_align(b->fmt.note_right, LXW_ALIGN_RIGHT);
	b->fmt.kr = workbook_add_format(wb);
	format_set_num_format(b->fmt.kr, kr);
	b->fmt.kr_bold = workbook_add_format(wb);
	format_set_num_format(b->fmt.kr_bold, kr);
	format_set_bold(b->fmt.kr_bold);
	b->fmt.ret = workbook_add_format(wb);
	format_set_num_format(b->fmt.ret, "0.00\" kr\"");
	b->fmt.year = workbook_add_format(wb);
	format_set_num_format(b->fmt.year, "0");
	format_set_align(b->fmt.year, LXW_ALIGN_RIGHT);
	b->fmt.dec1 = workbook_add_format(wb);
	format_set_num_format(b->fmt.dec1, "+#,##0.0;[Red]\"\xe2\x88\x92\"#,##0.0;0.0");
	b->fmt.pct = workbook_add_format(wb);
	format_set_num_format(b->fmt.pct, "0.0%");
	b->fmt.prob = workbook_add_format(wb);
	format_set_num_format(b->fmt.prob, "0.0000");
	b->fmt.persons = workbook_add_format(wb);
	format_set_num_format(b->fmt.persons, "#,##0.0");
	b->fmt.link = workbook_add_format(wb); /* the rate: the one cell to change */
	format_set_num_format(b->fmt.link, "0.0%");
	format_set_bold(b->fmt.link);
	format_set_bg_color(b->fmt.link, 0xFFF2CC);
	format_set_border(b->fmt.link, LXW_BORDER_THIN);
}

/* Print setup shared by every sheet: A4 landscape, one page wide, the
 * scenario's name above and page numbers below. */
static void print_setup(book *b, lxw_worksheet *ws, bool one_page)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, one_page ? 1 : 0);
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	/* '&' starts a code in headers: a name's own '&' is doubled. */
	char name[200], header[256], footer[300];
	size_t k = 0;
	for (const char *p = b->s->name; *p && k + 2 < sizeof name; p++) {
		if (*p == '&')
			name[k++] = '&';
		name[k++] = *p;
	}
	name[k] = '\0';
	snprintf(header, sizeof header, "&C&\"-,Bold\"%.*s", 200, name);
	keep(b, worksheet_set_header(ws, header));
	snprintf(footer, sizeof footer, b->x->print_footer, b->date);
	keep(b, worksheet_set_footer(ws, footer));
}

/* Values of one row of a target's block in year t for sex g. */
static double block_value(const book *b, int g, size_t j, int row, int t)
{
	double base = 0, with = 0, inv = 0;
	for (size_t a = 0; a < b->na; a++) {
		if (!b->r->in_target[j * b->na + a])
			continue;
		base += *flows_cost(b->f, ARM_BASELINE, g, t, a);
		with += *flows_cost(b->f, ARM_INTERVENTION, g, t, a);
		inv += *flows_investment(b->f, g, t, a);
	}
	switch (row) {
	case R_WITHOUT:
		return base;
	case R_WITH:
		return with;
	case R_SAVINGS:
		return base - with;
	case R_INVEST:
		return inv;
	case R_NET:
		return base - with - inv;
	case R_DISC:
		return (base - with - inv) * b->f->discount[t];
	default: { /* R_CUM */
		double cum = 0;
		for (int k = 0; k <= t; k++)
			cum += block_value(b, g, j, R_NET, k);
		return cum;
	}
	}
}

/* The year header, t and discount-factor rows of a flow sheet. */
static void flow_header(book *b, lxw_worksheet *ws)
{
	const xtexts *x = b->x;
	lxw_col_t sum = (lxw_col_t)(COL_FIRST_YEAR + b->T);
	str(b, ws, ROW_YEARS, 0, x->actor, b->fmt.head_left);
	char unit[64];
	snprintf(unit, sizeof unit, x->unit, b->s->price_year);
	strf(b, ws, ROW_YEARS, 1, b->fmt.head_left, "%s (%s)", x->row_label, unit);
	for (int t = 0; t < b->T; t++) {
		lxw_col_t c = (lxw_col_t)(COL_FIRST_YEAR + t);
		char cell[16], fm[128];
		num(b, ws, ROW_YEARS, c, b->s->start_year + t, b->fmt.head);
		num(b, ws, ROW_T, c, t + 1, b->fmt.year);
		/* the year's rate: the named rate, or its band's cell on the
		 * assumptions sheet */
		if (b->s->has_bands) {
			lxw_rowcol_to_cell_abs(cell, b->band_row[t], RATE_COL, LXW_TRUE, LXW_TRUE);
			snprintf(fm, sizeof fm, "=%s!%s", b->quoted[1], cell);
		} else {
			snprintf(fm, sizeof fm, "=%s", x->rate_name);
		}
		formula(b, ws, ROW_RATE, c, fm, b->s->rate_by_year[t], b->fmt.pct);
		/* the factor: the product of the yearly factors 1/(1+rate) of the
		 * years before (timing start) or up to (end) this one */
		char prev[16], rate[16];
		bool start = b->s->timing == TIMING_START;
		if (t == 0 && start)
			snprintf(fm, sizeof fm, "=1");
		else if (t == 0)
			snprintf(fm, sizeof fm, "=1/(1+%s)", ref(rate, ROW_RATE, c));
		else
			snprintf(fm, sizeof fm, "=%s/(1+%s)", ref(prev, ROW_FACTOR, c - 1),
			         ref(rate, ROW_RATE, start ? c - 1 : c));
		formula(b, ws, ROW_FACTOR, c, fm, b->f->discount[t], b->fmt.prob);
	}
	strf(b, ws, ROW_YEARS, sum, b->fmt.head, "%s %d–%d", x->sum, b->s->start_year,
	     b->s->start_year + b->T - 1);
	str(b, ws, ROW_T, 1, x->t_label, b->fmt.note);
	str(b, ws, ROW_RATE, 1, x->rate_label, b->fmt.note);
	str(b, ws, ROW_FACTOR, 1, x->factor_label, b->fmt.note);
}

/* One target's block of seven rows from row r for sex g; totals of actors
 * are sums of the actors' cells, everything derived is a formula. */
static void flow_block(book *b, lxw_worksheet *ws, int g, size_t j, lxw_row_t r)
{
	const xtexts *x = b->x;
	bool total = j >= b->na;
	lxw_format *kr = total ? b->fmt.kr_bold : b->fmt.kr;
	b->block[g][j] = r;
	str(b, ws, r, 0, target_label(b, j), b->fmt.bold);
	for (int row = 0; row < BLOCK_ROWS; row++)
		str(b, ws, r + (lxw_row_t)row, 1, x->rows[row], total ? b->fmt.bold : b->fmt.text);
	for (int t = 0; t < b->T; t++) {
		lxw_col_t c = (lxw_col_t)(COL_FIRST_YEAR + t);
		char fm[2048], a1[16], a2[16];
		for (int row = 0; row < BLOCK_ROWS; row++) {
			lxw_row_t rr = r + (lxw_row_t)row;
			double v = block_value(b, g, j, row, t);
			bool input = row == R_WITHOUT || row == R_WITH || row == R_INVEST;
			if (input && !total) {
				num(b, ws, rr, c, v, kr);
				continue;
			}
			if (input) { /* a total: the sum of its actors' cells */
				size_t used = 0;
				for (size_t a = 0; a < b->na && used < sizeof fm - 16; a++)
					if (b->r->in_target[j * b->na + a])
						used += (size_t)snprintf(
						        fm + used, sizeof fm - used, "%c%s",
						        used ? '+' : '=',
						        ref(a1, b->block[g][a] + (lxw_row_t)row,
						            c));
				if (used)
					formula(b, ws, rr, c, fm, v, kr);
				else /* a total of no actors */
					num(b, ws, rr, c, 0, kr);
				continue;
			}
			if (row == R_SAVINGS)
				snprintf(fm, sizeof fm, "=%s-%s", ref(a1, r + R_WITHOUT, c),
				         ref(a2, r + R_WITH, c));
			else if (row == R_NET)
				snprintf(fm, sizeof fm, "=%s-%s", ref(a1, r + R_SAVINGS, c),
				         ref(a2, r + R_INVEST, c));
			else if (row == R_CUM && t == 0)
				snprintf(fm, sizeof fm, "=%s", ref(a1, r + R_NET, c));
			else if (row == R_CUM)
				snprintf(fm, sizeof fm, "=%s+%s", ref(a1, r + R_CUM, c - 1),
				         ref(a2, r + R_NET, c));
			else /* R_DISC */
				snprintf(fm, sizeof fm, "=%s*%s", ref(a1, r + R_NET, c),
				         ref(a2, ROW_FACTOR, c));
			formula(b, ws, rr, c, fm, v, kr);
		}
	}
	lxw_col_t sum = (lxw_col_t)(COL_FIRST_YEAR + b->T);
	for (int row = 0; row < BLOCK_ROWS; row++) {
		if (row == R_CUM)
			continue;
		char fm[64], range[32];
		lxw_rowcol_to_range(range, r + (lxw_row_t)row, COL_FIRST_YEAR, r + (lxw_row_t)row,
		                    sum - 1);
		snprintf(fm, sizeof fm, "=SUM(%s)", range);
		double v = 0;
		for (int t = 0; t < b->T; t++)
			v += block_value(b, g, j, row, t);
		formula(b, ws, r + (lxw_row_t)row, sum, fm, v, b->fmt.kr_bold);
	}
}

static lxw_worksheet *flow_sheet(book *b, int which)
{
	const xtexts *x = b->x;
	lxw_worksheet *ws = b->ws[which];
	if (!ws) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	strf(b, ws, 0, 0, b->fmt.title, x->flows_title, b->s->name);
	strf(b, ws, 1, 0, b->fmt.note, x->flows_note, b->s->price_year);
	flow_header(b, ws);
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 34, NULL);
	worksheet_set_column(ws, COL_FIRST_YEAR, (lxw_col_t)(COL_FIRST_YEAR + b->T), 14, NULL);
	worksheet_freeze_panes(ws, ROW_YEARS + 1, COL_FIRST_YEAR);
	print_setup(b, ws, false);
	keep(b, worksheet_repeat_rows(ws, ROW_YEARS, ROW_YEARS));
	return ws;
}

static void sheet_per_actor(book *b)
{
	lxw_worksheet *ws = flow_sheet(b, 1);
	if (!ws)
		return;
	lxw_row_t r = ROW_FIRST_BLOCK;
	for (size_t j = 0; j < b->nt; j++, r += BLOCK_ROWS + 1)
		flow_block(b, ws, FLOW_ALL, j, r);
}

static void sheet_sexes(book *b)
{
	lxw_worksheet *ws = flow_sheet(b, 2);
	if (!ws)
		return;
	lxw_row_t r = ROW_FIRST_BLOCK;
	for (int g = 0; g < N_SEX; g++) {
		strf(b, ws, r, 0, b->fmt.question, "%s (%.0f %%)",
		     g == SEX_WOMEN ? b->x->women : b->x->men,
		     100 * (g == SEX_WOMEN ? b->s->women : 1 - b->s->women));
		r += 2;
		for (size_t j = 0; j < b->nt; j++, r += BLOCK_ROWS + 1)
			flow_block(b, ws, g, j, r);
		r += 1;
	}
}

/* The sentence of target j, from its figures. */
static void sentence(const book *b, size_t j, char *buf, size_t n)
{
	const figures *g = &b->r->fig[j];
	const char *who = target_label(b, j);
	char m1[64], m2[64];
	if (g->nominal.status == PAYBACK_REACHED) {
		money_words(b, g->pv_investment, m1, sizeof m1);
		snprintf(buf, n, b->x->sentence_paid, who, m1, g->nominal.year);
	} else if (g->nominal.status == PAYBACK_NOT_REACHED) {
		money_words(b, g->pv_investment, m1, sizeof m1);
		money_words(b, g->npv, m2, sizeof m2);
		char signed_m2[80];
		snprintf(signed_m2, sizeof signed_m2, "%s%s", g->npv < 0 ? FORMAT_MINUS : "", m2);
		snprintf(buf, n, b->x->sentence_not_paid, who, m1, b->s->years, signed_m2);
	} else if (round(g->npv) > 0) {
		money_words(b, g->npv, m1, sizeof m1);
		snprintf(buf, n, b->x->sentence_saves, who, m1);
	} else if (round(g->npv) < 0) {
		money_words(b, g->npv, m1, sizeof m1);
		snprintf(buf, n, b->x->sentence_costs, who, m1);
	} else {
		snprintf(buf, n, b->x->sentence_none, who);
	}
}

/* "Brytpunkt: insatsen går jämnt ut för offentlig sektor redan vid 53 % av
 * den antagna effekten och för Kommunen vid 84 %." over the investing
 * targets. */
static void break_even_sentence(const book *b, char *buf, size_t n)
{
	const xtexts *x = b->x;
	size_t used = (size_t)snprintf(buf, n, "%s", x->break_even_intro);
	size_t order[SK_MAX_ACTORS + 2], k = 0;
	order[k++] = TARGET_FISCAL(b->na);
	for (size_t a = 0; a < b->na; a++)
		order[k++] = a;
	if (b->r->fig[TARGET_SOCIETY(b->na)].npv != b->r->fig[TARGET_FISCAL(b->na)].npv)
		order[k++] = TARGET_SOCIETY(b->na);
	int said = 0;
	for (size_t i = 0; i < k && used < n; i++) {
		const figures *g = &b->r->fig[order[i]];
		if (g->nominal.status == PAYBACK_NONE)
			continue;
		char pct[32], label[128], part[400];
		snprintf(label, sizeof label, "%s", target_label(b, order[i]));
		if (order[i] >= b->na) /* "offentlig sektor" mid-sentence */
			for (char *p = label; *p; p++)
				if (p == label && *p >= 'A' && *p <= 'Z' && b->l == LANG_SV)
					*p = (char)(*p - 'A' + 'a');
		if (g->break_even_found) {
			snprintf(pct, sizeof pct, "%s %%",
			         format_decimal(part, sizeof part, 100 * g->break_even, 0, b->l,
			                        false));
			int m = snprintf(part, sizeof part, x->break_even_item, label, pct);
			if (b->s->outcome_mode && m > 0 && (size_t)m < sizeof part) {
				char rate[32], rr[40];
				format_decimal(rate, sizeof rate, 100 * g->break_even_rate, 1, b->l,
				               false);
				snprintf(rr, sizeof rr, "%s %%", rate);
				snprintf(part + m, sizeof part - (size_t)m, x->break_even_rate, rr,
				         b->p->states[b->s->outcome_target].id);
			}
		} else {
			snprintf(pct, sizeof pct, "%s %%",
			         format_decimal(part, sizeof part, 100 * b->r->lambda_max, 0, b->l,
			                        false));
			snprintf(part, sizeof part, x->break_even_unreachable, label, pct);
		}
		used += (size_t)snprintf(buf + used, n - used, "%s%s", said ? x->and_word : "",
		                         part);
		said++;
	}
	if (used < n)
		snprintf(buf + used, n - used, ".");
	if (!said)
		buf[0] = '\0';
}

static void summary_chart(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_LINE);
	if (!ch) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	const char *sheet = b->name[1];
	lxw_col_t last = (lxw_col_t)(COL_FIRST_YEAR + b->T - 1);
	for (size_t j = 0; j <= TARGET_FISCAL(b->na); j++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		lxw_row_t row = b->block[FLOW_ALL][j] + R_CUM;
		chart_series_set_categories(se, sheet, ROW_YEARS, COL_FIRST_YEAR, ROW_YEARS, last);
		chart_series_set_values(se, sheet, row, COL_FIRST_YEAR, row, last);
		chart_series_set_name_range(se, sheet, b->block[FLOW_ALL][j], 0);
		chart_series_set_marker_type(se, LXW_CHART_MARKER_CIRCLE);
		if (j == TARGET_FISCAL(b->na)) {
			lxw_chart_line line = {.color = LXW_COLOR_BLACK,
			                       .width = 2.5,
			                       .dash_type = LXW_CHART_LINE_DASH_DASH};
			chart_series_set_line(se, &line);
		}
	}
	chart_title_set_name(ch, b->x->chart_title);
	lxw_chart_font tf = {.size = 11, .bold = LXW_TRUE};
	chart_title_set_name_font(ch, &tf);
	chart_axis_set_name(ch->y_axis, b->x->chart_axis);
	chart_axis_set_num_format(ch->y_axis, "#,##0;\"\xe2\x88\x92\"#,##0;0");
	/* years below the plot, the zero line (where the x axis crosses) drawn */
	chart_axis_set_label_position(ch->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	lxw_chart_line zero = {.color = LXW_COLOR_BLACK, .width = 1.25};
	chart_axis_set_line(ch->x_axis, &zero);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
	lxw_chart_options opt = {.x_scale = 1.9, .y_scale = 1.15, .x_offset = 4, .y_offset = 4};
	keep(b, worksheet_insert_chart_opt(ws, r, 0, ch, &opt));
}

static void sheet_summary(book *b)
{
	const xtexts *x = b->x;
	const scenario *s = b->s;
	lxw_worksheet *ws = b->ws[0];
	if (!ws) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	char line[1024], unit[64], a1[16], a2[16], range[2][40];
	str(b, ws, 0, 0, s->name, b->fmt.title);
	int used = snprintf(line, sizeof line, "%s. %ld %s, ", s->intervention_name, s->size,
	                    x->per_intake);
	if (s->intakes == 1)
		used += snprintf(line + used, sizeof line - (size_t)used, "%s, ", x->intakes_one);
	else
		used += snprintf(line + used, sizeof line - (size_t)used, "%ld %s, ", s->intakes,
		                 x->intakes_many);
	snprintf(line + used, sizeof line - (size_t)used, "%d %s.", s->intervention_years,
	         x->years_in);
	str(b, ws, 1, 0, line, b->fmt.subtitle);
	strf(b, ws, 3, 0, b->fmt.question, x->question, s->intervention_name);

	snprintf(unit, sizeof unit, x->unit, s->price_year);
	lxw_row_t h = 5;
	str(b, ws, h, 0, x->actor, b->fmt.head_left);
	strf(b, ws, h, 1, b->fmt.head, "%s, %s", x->pv_investment, unit);
	strf(b, ws, h, 2, b->fmt.head, "%s, %s", x->pv_savings, unit);
	strf(b, ws, h, 3, b->fmt.head, "%s, %s", x->npv, unit);
	str(b, ws, h, 4, x->payback_year, b->fmt.head);
	str(b, ws, h, 5, x->ret, b->fmt.head);
	for (int k = 0; k < 2; k++)
		strf(b, ws, h, (lxw_col_t)(6 + k), b->fmt.head, x->snapshot_head,
		     b->r->fig[0].snapshot_years[k], unit);
	worksheet_set_row(ws, h, 45, NULL);
	const char *pa = b->quoted[0];
	lxw_col_t y0 = COL_FIRST_YEAR, y1 = (lxw_col_t)(COL_FIRST_YEAR + b->T - 1);
	lxw_rowcol_to_range_abs(range[1], ROW_FACTOR, y0, ROW_FACTOR, y1);
	lxw_row_t r = h + 1;
	for (size_t j = 0; j < b->nt; j++, r++) {
		const figures *g = &b->r->fig[j];
		bool total = j >= b->na;
		lxw_format *kr = total ? b->fmt.kr_bold : b->fmt.kr;
		lxw_row_t blk = b->block[FLOW_ALL][j];
		char fm[256];
		if (total)
			strf(b, ws, r, 0, b->fmt.bold, "%s%s", target_label(b, j),
			     j == TARGET_FISCAL(b->na) ? "\xc2\xb9" : "\xc2\xb2");
		else
			str(b, ws, r, 0, target_label(b, j), b->fmt.text);
		lxw_rowcol_to_range(range[0], blk + R_INVEST, y0, blk + R_INVEST, y1);
		snprintf(fm, sizeof fm, "=SUMPRODUCT(%s!%s,%s!%s)", pa, range[0], pa, range[1]);
		formula(b, ws, r, 1, fm, g->pv_investment, kr);
		lxw_rowcol_to_range(range[0], blk + R_SAVINGS, y0, blk + R_SAVINGS, y1);
		snprintf(fm, sizeof fm, "=SUMPRODUCT(%s!%s,%s!%s)", pa, range[0], pa, range[1]);
		formula(b, ws, r, 2, fm, g->pv_savings, kr);
		snprintf(fm, sizeof fm, "=%s!%s", pa,
		         ref(a1, blk + R_DISC, (lxw_col_t)(COL_FIRST_YEAR + b->T)));
		formula(b, ws, r, 3, fm, g->npv, kr);
		if (g->nominal.status == PAYBACK_REACHED)
			num(b, ws, r, 4, g->nominal.year, b->fmt.year);
		else if (g->nominal.status == PAYBACK_NONE)
			str(b, ws, r, 4, x->no_investment, b->fmt.note_right);
		else
			strf(b, ws, r, 4, b->fmt.note_right, x->not_within, s->years);
		if (g->has_return) {
			snprintf(fm, sizeof fm, "=%s/%s", ref(a1, r, 2), ref(a2, r, 1));
			formula(b, ws, r, 5, fm, g->ret, b->fmt.ret);
		} else {
			str(b, ws, r, 5, x->no_investment, b->fmt.note_right);
		}
		for (int k = 0; k < 2; k++) { /* the cumulative net of that year */
			snprintf(fm, sizeof fm, "=%s!%s", pa,
			         ref(a1, blk + R_CUM,
			             (lxw_col_t)(COL_FIRST_YEAR + g->snapshot_years[k] - 1)));
			formula(b, ws, r, (lxw_col_t)(6 + k), fm, g->snapshot_net[k], kr);
		}
	}
	char list[512];
	actor_list(b, TARGET_FISCAL(b->na), list, sizeof list);
	snprintf(line, sizeof line, x->fiscal_note, list[0] ? list : x->nobody);
	strf(b, ws, r++, 0, b->fmt.note, "\xc2\xb9 %s", line);
	actor_list(b, TARGET_SOCIETY(b->na), list, sizeof list);
	snprintf(line, sizeof line, x->society_note, list);
	strf(b, ws, r++, 0, b->fmt.note, "\xc2\xb2 %s", line);
	r++;
	for (size_t j = 0; j < b->nt; j++) {
		if (j == TARGET_SOCIETY(b->na) && b->r->fig[j].npv == b->r->fig[j - 1].npv)
			continue; /* society is the public sector: said once */
		sentence(b, j, line, sizeof line);
		str(b, ws, r++, 0, line, j >= b->na ? b->fmt.bold : b->fmt.text);
	}
	break_even_sentence(b, line, sizeof line);
	if (line[0])
		str(b, ws, r++, 0, line, b->fmt.bold);
	r++;
	summary_chart(b, ws, r);
	r += 20;
	char pct[160];
	format_rates(pct, sizeof pct, s->rate_by_year, s->years, b->l);
	strf(b, ws, r, 0, b->fmt.note, x->footer, s->price_year, pct, s->years, s->start_year,
	     s->start_year + s->years - 1, SAMKALK_VERSION, b->date);
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, 3, 21, NULL);
	worksheet_set_column(ws, 4, 4, 14, NULL);
	worksheet_set_column(ws, 5, 5, 17, NULL);
	worksheet_set_column(ws, 6, 7, 18, NULL);
	print_setup(b, ws, true);
	keep(b, worksheet_print_area(ws, 0, 0, r, 9));
	if (!b->values_only) /* a comparison opens on its own first sheet */
		worksheet_activate(ws);
}

/* A state x year table of persons for one arm, from row r; returns its
 * first data row. */
static lxw_row_t occupancy_table(book *b, lxw_worksheet *ws, lxw_row_t r, int arm,
                                 const char *title)
{
	str(b, ws, r, 0, title, b->fmt.bold);
	str(b, ws, r + 1, 0, b->x->state, b->fmt.head_left);
	for (int t = 0; t < b->T; t++)
		num(b, ws, r + 1, (lxw_col_t)(1 + t), b->s->start_year + t, b->fmt.head);
	for (size_t st = 0; st < b->ns; st++) {
		str(b, ws, r + 2 + (lxw_row_t)st, 0, b->p->states[st].label, b->fmt.text);
		for (int t = 0; t < b->T; t++)
			num(b, ws, r + 2 + (lxw_row_t)st, (lxw_col_t)(1 + t),
			    *flows_occupancy(b->f, arm, FLOW_ALL, t, st), b->fmt.persons);
	}
	return r + 2;
}

static void occupancy_chart(book *b, lxw_worksheet *ws, lxw_row_t data, int arm, lxw_row_t at,
                            lxw_col_t col)
{
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN_STACKED);
	if (!ch) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	const char *sheet = b->name[3];
	for (size_t st = 0; st < b->ns; st++) {
		double any = 0;
		for (int t = 0; t < b->T; t++)
			any += *flows_occupancy(b->f, ARM_BASELINE, FLOW_ALL, t, st) +
			       *flows_occupancy(b->f, ARM_INTERVENTION, FLOW_ALL, t, st);
		if (any < 0.05)
			continue; /* nobody there in either arm: no empty legend entry */
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		lxw_row_t row = data + (lxw_row_t)st;
		chart_series_set_categories(se, sheet, data - 1, 1, data - 1, (lxw_col_t)b->T);
		chart_series_set_values(se, sheet, row, 1, row, (lxw_col_t)b->T);
		chart_series_set_name_range(se, sheet, row, 0);
	}
	chart_title_set_name(ch, arm == ARM_BASELINE ? b->x->without : b->x->with);
	chart_axis_set_name(ch->y_axis, b->x->persons);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = {.x_scale = 1.2, .y_scale = 1.5};
	keep(b, worksheet_insert_chart_opt(ws, at, col, ch, &opt));
}

static void sheet_outcomes(book *b)
{
	const xtexts *x = b->x;
	lxw_worksheet *ws = b->ws[3];
	if (!ws) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	str(b, ws, 0, 0, x->outcomes_title, b->fmt.title);
	strf(b, ws, 1, 0, b->fmt.note, x->outcomes_note, b->s->start_year,
	     b->s->start_year + b->T - 1);
	str(b, ws, 3, 0, x->state, b->fmt.head_left);
	str(b, ws, 3, 1, x->without, b->fmt.head);
	str(b, ws, 3, 2, x->with, b->fmt.head);
	str(b, ws, 3, 3, x->difference, b->fmt.head);
	lxw_row_t top = 4;
	lxw_row_t base_data = top + (lxw_row_t)b->ns + 2;
	base_data = occupancy_table(b, ws, base_data, ARM_BASELINE, x->yearly_without);
	lxw_row_t with_data = base_data + (lxw_row_t)b->ns + 1;
	with_data = occupancy_table(b, ws, with_data, ARM_INTERVENTION, x->yearly_with);
	for (size_t st = 0; st < b->ns; st++) {
		lxw_row_t r = top + (lxw_row_t)st;
		char fm[96], range[32], a1[16], a2[16];
		double pb = b->r->person_years[ARM_BASELINE * b->ns + st];
		double pw = b->r->person_years[ARM_INTERVENTION * b->ns + st];
		str(b, ws, r, 0, b->p->states[st].label, b->fmt.text);
		lxw_rowcol_to_range(range, base_data + (lxw_row_t)st, 1, base_data + (lxw_row_t)st,
		                    (lxw_col_t)b->T);
		snprintf(fm, sizeof fm, "=SUM(%s)", range);
		formula(b, ws, r, 1, fm, pb, b->fmt.persons);
		lxw_rowcol_to_range(range, with_data + (lxw_row_t)st, 1, with_data + (lxw_row_t)st,
		                    (lxw_col_t)b->T);
		snprintf(fm, sizeof fm, "=SUM(%s)", range);
		formula(b, ws, r, 2, fm, pw, b->fmt.persons);
		snprintf(fm, sizeof fm, "=%s-%s", ref(a1, r, 2), ref(a2, r, 1));
		formula(b, ws, r, 3, fm, pw - pb, b->fmt.dec1);
	}
	lxw_col_t chart_col = (lxw_col_t)(b->T + 2 > 5 ? b->T + 2 : 5);
	occupancy_chart(b, ws, base_data, ARM_BASELINE, 3, chart_col);
	occupancy_chart(b, ws, base_data, ARM_INTERVENTION, 26, chart_col);
	(void)with_data;
	worksheet_set_column(ws, 0, 0, 44, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)b->T, 12, NULL);
	worksheet_freeze_panes(ws, 4, 1);
	print_setup(b, ws, false);
}

static const char *timing_words(const book *b)
{
	return b->s->timing == TIMING_START ? b->x->timing_start : b->x->timing_end;
}

static const char *costs_words(const book *b)
{
	return b->s->costs_on == COSTS_START ? b->x->costs_start
	       : b->s->costs_on == COSTS_END ? b->x->costs_end
	                                     : b->x->costs_mean;
}

static void param_head(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	str(b, ws, r, 0, b->x->parameter, b->fmt.head_left);
	str(b, ws, r, 1, b->x->value, b->fmt.head_left);
	str(b, ws, r, 2, b->x->unit_col, b->fmt.head_left);
	str(b, ws, r, 3, b->x->where, b->fmt.head_left);
	str(b, ws, r, 4, b->x->source, b->fmt.head_left);
}

static lxw_row_t assumptions_basics(book *b, lxw_worksheet *ws)
{
	const xtexts *x = b->x;
	const scenario *s = b->s;
	lxw_row_t r = 2;
	str(b, ws, r++, 0, x->basics, b->fmt.question);
	param_head(b, ws, r++);
	str(b, ws, r, 0, x->p_scenario, b->fmt.text);
	str(b, ws, r, 1, s->name, b->fmt.text);
	provenance(b, ws, r++, "scenario", "name");
	str(b, ws, r, 0, x->p_profile, b->fmt.text);
	str(b, ws, r, 1, b->p->name, b->fmt.text);
	provenance(b, ws, r++, "scenario", "profiles");
	str(b, ws, r, 0, x->p_work_state, b->fmt.text);
	str(b, ws, r, 1, s->work_state < b->ns ? b->p->states[s->work_state].id : x->none_word,
	    b->fmt.text);
	provenance(b, ws, r++, "scenario", "work_state");
	str(b, ws, r, 0, x->p_start, b->fmt.text);
	num(b, ws, r, 1, s->start_year, b->fmt.year);
	str(b, ws, r, 2, x->u_year, b->fmt.text);
	provenance(b, ws, r++, "scenario", "start_year");
	str(b, ws, r, 0, x->p_years, b->fmt.text);
	num(b, ws, r, 1, s->years, b->fmt.year);
	str(b, ws, r, 2, x->u_years, b->fmt.text);
	provenance(b, ws, r++, "scenario", "years");
	str(b, ws, r, 0, x->p_price_year, b->fmt.text);
	num(b, ws, r, 1, s->price_year, b->fmt.year);
	str(b, ws, r, 2, x->u_year, b->fmt.text);
	if (s->price_year_line)
		provenance(b, ws, r++, "scenario", "price_year");
	else
		where(b, ws, r++, 3, b->p->doc, b->p->price_year_line);
	if (s->has_bands) { /* one rate cell per band, each year's factor uses its band */
		size_t sec = inifile_find_section(s->doc, "discounting"), first, end;
		inifile_entries(s->doc, sec, &first, &end);
		for (size_t i = first; i < end; i++) {
			const ini_entry *e = &s->doc->entries[i];
			long from = 0, to = 0;
			int n = sscanf(e->key, "%ld - %ld", &from, &to);
			if (n == 1)
				to = from;
			strf(b, ws, r, 0, b->fmt.bold, "%s, %s %ld\xe2\x80\x93%ld", x->p_rate,
			     x->u_years, from, to);
			num(b, ws, r, RATE_COL, strtod(e->value, NULL), b->fmt.link);
			str(b, ws, r, 2, x->u_rate, b->fmt.text);
			where(b, ws, r, 3, s->doc, e->line);
			if (e->comment)
				str(b, ws, r, 4, e->comment, b->fmt.text);
			for (long t = from; t <= to && t <= s->years; t++)
				b->band_row[t - 1] = r;
			r++;
		}
	} else {
		b->rate_row = r;
		str(b, ws, r, 0, x->p_rate, b->fmt.bold);
		num(b, ws, r, RATE_COL, s->discount_rate, b->fmt.link);
		str(b, ws, r, 2, x->u_rate, b->fmt.text);
		provenance(b, ws, r++, "scenario", "discount_rate");
	}
	str(b, ws, r, 0, x->p_timing, b->fmt.text);
	str(b, ws, r, 1, timing_words(b), b->fmt.text);
	provenance(b, ws, r++, "scenario", "discount_timing");
	str(b, ws, r, 0, x->p_costs_on, b->fmt.text);
	str(b, ws, r, 1, costs_words(b), b->fmt.text);
	provenance(b, ws, r++, "scenario", "costs_on");
	str(b, ws, r, 0, x->p_attribution, b->fmt.text);
	num(b, ws, r, 1, s->attribution, b->fmt.pct);
	str(b, ws, r, 2, x->u_share, b->fmt.text);
	provenance(b, ws, r++, "adjustments", "attribution");
	str(b, ws, r, 0, x->p_uplift, b->fmt.text);
	num(b, ws, r, 1, s->cost_uplift, b->fmt.pct);
	str(b, ws, r, 2, x->u_share, b->fmt.text);
	provenance(b, ws, r++, "adjustments", "cost_uplift");
	r++;
	str(b, ws, r, 0, x->p_intervention, b->fmt.text);
	str(b, ws, r, 1, s->intervention_name, b->fmt.text);
	provenance(b, ws, r++, "intervention", "name");
	str(b, ws, r, 0, x->p_d, b->fmt.text);
	num(b, ws, r, 1, s->intervention_years, b->fmt.year);
	str(b, ws, r, 2, x->u_years, b->fmt.text);
	provenance(b, ws, r++, "intervention", "years");
	str(b, ws, r, 0, x->p_size, b->fmt.text);
	num(b, ws, r, 1, (double)s->size, b->fmt.year);
	str(b, ws, r, 2, x->u_persons, b->fmt.text);
	provenance(b, ws, r++, "cohort", "size");
	str(b, ws, r, 0, x->p_intakes, b->fmt.text);
	num(b, ws, r, 1, (double)s->intakes, b->fmt.year);
	provenance(b, ws, r++, "cohort", "intakes");
	str(b, ws, r, 0, x->p_women, b->fmt.text);
	num(b, ws, r, 1, s->women, b->fmt.pct);
	str(b, ws, r, 2, x->u_share, b->fmt.text);
	provenance(b, ws, r++, "cohort", "women");
	return r + 1;
}

static lxw_row_t assumptions_cohort_costs(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const xtexts *x = b->x;
	const scenario *s = b->s;
	const ini_doc *doc = s->doc;
	str(b, ws, r++, 0, x->start_title, b->fmt.question);
	str(b, ws, r, 0, x->state, b->fmt.head_left);
	str(b, ws, r, 1, x->women, b->fmt.head);
	str(b, ws, r, 2, x->men, b->fmt.head);
	str(b, ws, r, 4, x->where, b->fmt.head_left);
	str(b, ws, r, 5, x->source, b->fmt.head_left);
	r++;
	static const char *const sex_section[N_SEX] = {"cohort.women", "cohort.men"};
	for (size_t st = 0; st < b->ns; st++) {
		if (s->start[SEX_WOMEN][st] == 0 && s->start[SEX_MEN][st] == 0)
			continue;
		str(b, ws, r, 0, b->p->states[st].label, b->fmt.text);
		num(b, ws, r, 1, s->start[SEX_WOMEN][st], b->fmt.pct);
		num(b, ws, r, 2, s->start[SEX_MEN][st], b->fmt.pct);
		const ini_entry *e = NULL;
		for (int g = 0; g < N_SEX && !e; g++)
			e = inifile_find_entry(doc, sex_section[g], b->p->states[st].id);
		if (!e)
			e = inifile_find_entry(doc, "cohort", b->p->states[st].id);
		where(b, ws, r, 4, doc, e ? e->line : 0);
		if (e && e->comment)
			str(b, ws, r, 5, e->comment, b->fmt.text);
		r++;
	}
	r++;
	str(b, ws, r++, 0, x->costs_title, b->fmt.question);
	param_head(b, ws, r++);
	char unit[64];
	snprintf(unit, sizeof unit, x->unit, s->price_year);
	static const char *const kinds[3] = {"fixed_cost", "cost_per_participant", "startup_cost"};
	const char *const kind_words[3] = {x->fixed, x->per_participant, x->startup};
	for (size_t a = 0; a < b->na; a++) {
		const double v[3] = {s->fixed_cost[a], s->cost_per_participant[a],
		                     s->startup_cost[a]};
		for (int k = 0; k < 3; k++) { /* one row per cost, with its own source */
			if (!v[k])
				continue;
			char key[96];
			snprintf(key, sizeof key, "%s.%s", kinds[k], b->p->actors[a].id);
			strf(b, ws, r, 0, b->fmt.text, "%s: %s", b->p->actors[a].label,
			     kind_words[k]);
			num(b, ws, r, 1, v[k], b->fmt.kr);
			str(b, ws, r, 2, unit, b->fmt.text);
			provenance(b, ws, r++, "intervention", key);
		}
	}
	r++;
	str(b, ws, r++, 0, x->actors_title, b->fmt.question);
	str(b, ws, r, 0, x->actor_label, b->fmt.head_left);
	str(b, ws, r, 1, x->actor_id, b->fmt.head_left);
	str(b, ws, r, 2, x->actor_kind, b->fmt.head_left);
	str(b, ws, r++, 4, x->where, b->fmt.head_left);
	for (size_t a = 0; a < b->na; a++) {
		str(b, ws, r, 0, b->p->actors[a].label, b->fmt.text);
		str(b, ws, r, 1, b->p->actors[a].id, b->fmt.text);
		str(b, ws, r, 2,
		    b->p->actors[a].kind == ACTOR_FISCAL ? x->kind_fiscal : x->kind_economic,
		    b->fmt.text);
		where(b, ws, r++, 4, b->p->doc, b->p->actors[a].line);
	}
	return r + 1;
}

static lxw_row_t assumptions_transitions(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const xtexts *x = b->x;
	const scenario *s = b->s;
	str(b, ws, r++, 0, x->transitions_title, b->fmt.question);
	str(b, ws, r, 0, x->transition, b->fmt.head_left);
	str(b, ws, r, 1, x->value, b->fmt.head);
	str(b, ws, r, 2, x->unit_col, b->fmt.head_left);
	str(b, ws, r, 3, x->section, b->fmt.head_left);
	str(b, ws, r, 4, x->where, b->fmt.head_left);
	str(b, ws, r++, 5, x->source, b->fmt.head_left);
	const ini_doc *doc = s->doc;
	for (size_t i = 0; i < doc->n_entries; i++) {
		const ini_entry *e = &doc->entries[i];
		const char *sec = doc->sections[e->section].name;
		bool tr = strncmp(sec, "baseline", 8) == 0 ||
		          strncmp(sec, "intervention.transitions", 24) == 0 ||
		          strncmp(sec, "after", 5) == 0 || strcmp(sec, "outcome") == 0;
		if (!tr)
			continue;
		str(b, ws, r, 0, e->key, b->fmt.text);
		char *end;
		double v = strtod(e->value, &end);
		if (*end == '\0' && end != e->value) {
			num(b, ws, r, 1, v, b->fmt.prob);
			str(b, ws, r, 2, x->u_prob, b->fmt.text);
		} else {
			str(b, ws, r, 1, e->value, b->fmt.text);
		}
		strf(b, ws, r, 3, b->fmt.text, "[%s]", sec);
		where(b, ws, r, 4, doc, e->line);
		if (e->comment)
			str(b, ws, r, 5, e->comment, b->fmt.text);
		r++;
	}
	return r + 1;
}

/* The index table, the unit-cost matrix (sums of the item rows below it)
 * and the items, each moved to the price year by a formula over the index
 * table. */
static lxw_row_t assumptions_costs(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const xtexts *x = b->x;
	const profile *p = b->p;
	const scenario *s = b->s;
	lxw_row_t index_first = 0;
	if (p->n_index) {
		str(b, ws, r++, 0, x->index_title, b->fmt.question);
		str(b, ws, r, 0, x->index_year, b->fmt.head_left);
		str(b, ws, r, 1, x->index_value, b->fmt.head);
		str(b, ws, r++, 4, x->where, b->fmt.head_left);
		index_first = r;
		for (size_t i = 0; i < p->n_index; i++, r++) {
			num(b, ws, r, 0, p->index[i].year, b->fmt.year);
			num(b, ws, r, 1, p->index[i].value, b->fmt.kr);
			where(b, ws, r, 4, p->doc, p->index[i].line);
		}
		r++;
	}
	strf(b, ws, r++, 0, b->fmt.question, x->unit_costs_title, s->price_year);
	lxw_row_t matrix_head = r;
	lxw_row_t items_first = matrix_head + 1 + (lxw_row_t)b->ns + 3;
	str(b, ws, matrix_head, 0, x->state, b->fmt.head_left);
	for (size_t a = 0; a < b->na; a++)
		str(b, ws, matrix_head, (lxw_col_t)(1 + a), p->actors[a].label, b->fmt.head);
	/* the items first, so the matrix can name their rows */
	lxw_row_t ir = items_first - 1;
	str(b, ws, ir - 1, 0, x->items_title, b->fmt.question);
	str(b, ws, ir, 0, x->state, b->fmt.head_left);
	str(b, ws, ir, 1, x->actor, b->fmt.head_left);
	str(b, ws, ir, 2, x->item, b->fmt.head_left);
	strf(b, ws, ir, 3, b->fmt.head, "%s, kr", x->amount);
	str(b, ws, ir, 4, x->item_year, b->fmt.head);
	str(b, ws, ir, 5, x->factor, b->fmt.head);
	strf(b, ws, ir, 6, b->fmt.head, x->amount_moved, s->price_year);
	str(b, ws, ir, 7, x->where, b->fmt.head_left);
	str(b, ws, ir, 8, x->source, b->fmt.head_left);
	worksheet_set_row(ws, ir, 30, NULL);
	double to = profile_index_value(p, s->price_year);
	for (size_t i = 0; i < p->n_items; i++) {
		const profile_item *it = &p->items[i];
		lxw_row_t row = items_first + (lxw_row_t)i;
		char fm[160], a1[16], a2[16], a3[16];
		str(b, ws, row, 0, p->states[it->state].id, b->fmt.text);
		str(b, ws, row, 1, p->actors[it->actor].id, b->fmt.text);
		str(b, ws, row, 2, it->name, b->fmt.text);
		num(b, ws, row, 3, it->amount_sek, b->fmt.kr);
		num(b, ws, row, 4, it->price_year, b->fmt.year);
		if (it->price_year == s->price_year || !p->n_index) {
			num(b, ws, row, 5, 1, b->fmt.prob);
		} else {
			size_t from_i = 0, to_i = 0;
			for (size_t k = 0; k < p->n_index; k++) {
				if (p->index[k].year == it->price_year)
					from_i = k;
				if (p->index[k].year == s->price_year)
					to_i = k;
			}
			snprintf(fm, sizeof fm, "=%s/%s", ref(a1, index_first + (lxw_row_t)to_i, 1),
			         ref(a2, index_first + (lxw_row_t)from_i, 1));
			formula(b, ws, row, 5, fm, to / profile_index_value(p, it->price_year),
			        b->fmt.prob);
		}
		snprintf(fm, sizeof fm, "=%s*%s", ref(a1, row, 3), ref(a2, row, 5));
		double moved =
		        it->price_year == s->price_year
		                ? it->amount_sek
		                : it->amount_sek * to / profile_index_value(p, it->price_year);
		formula(b, ws, row, 6, fm, moved, b->fmt.kr);
		where(b, ws, row, 7, p->doc, it->line);
		if (it->source)
			str(b, ws, row, 8, it->source, b->fmt.text);
		(void)a3;
	}
	for (size_t st = 0; st < b->ns; st++) {
		lxw_row_t row = matrix_head + 1 + (lxw_row_t)st;
		str(b, ws, row, 0, p->states[st].label, b->fmt.text);
		for (size_t a = 0; a < b->na; a++) {
			char fm[1024], a1[16];
			size_t used = 0;
			for (size_t i = 0; i < p->n_items && used < sizeof fm - 16; i++)
				if (p->items[i].state == st && p->items[i].actor == a)
					used += (size_t)snprintf(
					        fm + used, sizeof fm - used, "%c%s",
					        used ? '+' : '=',
					        ref(a1, items_first + (lxw_row_t)i, 6));
			if (used)
				formula(b, ws, row, (lxw_col_t)(1 + a), fm,
				        s->unit_cost[st * b->na + a], b->fmt.kr);
			else /* no item: nothing to sum */
				num(b, ws, row, (lxw_col_t)(1 + a), 0, b->fmt.kr);
		}
	}
	return items_first + (lxw_row_t)p->n_items + 1;
}

static lxw_row_t assumptions_matrices(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const xtexts *x = b->x;
	const scenario *s = b->s;
	str(b, ws, r++, 0, x->matrices_title, b->fmt.question);
	if (s->outcome_mode) {
		char line[256];
		snprintf(line, sizeof line, "%starget = %s", x->outcome_generated,
		         b->p->states[s->outcome_target].id);
		str(b, ws, r++, 0, line, b->fmt.note);
	}
	for (int set = 0; set < N_TR; set++)
		for (int g = 0; g < N_SEX; g++) {
			strf(b, ws, r++, 0, b->fmt.bold, "%s, %s", x->set_names[set],
			     g == SEX_WOMEN ? x->women : x->men);
			str(b, ws, r, 0, x->state, b->fmt.head_left);
			for (size_t c = 0; c < b->ns; c++)
				str(b, ws, r, (lxw_col_t)(1 + c), b->p->states[c].id, b->fmt.head);
			r++;
			for (size_t a = 0; a < b->ns; a++, r++) {
				str(b, ws, r, 0, b->p->states[a].id, b->fmt.text);
				for (size_t c = 0; c < b->ns; c++)
					num(b, ws, r, (lxw_col_t)(1 + c),
					    s->p[set][g][a * b->ns + c], b->fmt.prob);
			}
			r++;
		}
	return r;
}

static lxw_row_t assumptions_files(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const xtexts *x = b->x;
	str(b, ws, r++, 0, x->files_title, b->fmt.question);
	str(b, ws, r, 0, x->file_given, b->fmt.head_left);
	str(b, ws, r, 1, x->file_resolved, b->fmt.head_left);
	str(b, ws, r++, 3, x->sha, b->fmt.head_left);
	const ini_doc *docs[2] = {b->s->doc, b->p->doc};
	for (int i = 0; i < 2; i++, r++) {
		str(b, ws, r, 0, docs[i]->path, b->fmt.text);
		char *full = realpath(docs[i]->path, NULL);
		str(b, ws, r, 1, full ? full : docs[i]->path, b->fmt.text);
		free(full);
		str(b, ws, r, 3, docs[i]->sha256, b->fmt.text);
	}
	return r;
}

static void sheet_assumptions(book *b)
{
	lxw_worksheet *ws = b->ws[4];
	if (!ws) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	str(b, ws, 0, 0, b->x->assumptions_title, b->fmt.title);
	lxw_row_t r = assumptions_basics(b, ws);
	r = assumptions_cohort_costs(b, ws, r);
	r = assumptions_transitions(b, ws, r);
	r = assumptions_costs(b, ws, r);
	r = assumptions_matrices(b, ws, r);
	r = assumptions_files(b, ws, r + 1);
	/* Sources run on to the right on screen; on paper the tables fit the
	 * width of the page and long sources are cut at its edge. */
	lxw_col_t last = (lxw_col_t)(b->ns > 8 ? b->ns : 8);
	keep(b, worksheet_print_area(ws, 0, 0, r, last));
	worksheet_set_column(ws, 0, 0, 40, NULL);
	worksheet_set_column(ws, 1, 2, 18, NULL);
	worksheet_set_column(ws, 3, 3, 30, NULL);
	worksheet_set_column(ws, 4, 4, 34, NULL);
	worksheet_set_column(ws, 5, 6, 16, NULL);
	worksheet_set_column(ws, 7, 7, 36, NULL);
	worksheet_set_column(ws, 8, 8, 20, NULL);
	print_setup(b, ws, false);
	if (!b->s->has_bands) { /* with bands each year names its band's cell */
		char target[96], cell[16];
		lxw_rowcol_to_cell_abs(cell, b->rate_row, RATE_COL, LXW_TRUE, LXW_TRUE);
		snprintf(target, sizeof target, "=%s!%s", b->quoted[1], cell);
		keep(b, workbook_define_name(b->wb, b->x->rate_name, target));
	}
}

static void sheet_method(book *b)
{
	lxw_worksheet *ws = b->ws[5];
	if (!ws) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	str(b, ws, 0, 0, b->x->method_title, b->fmt.title);
	lxw_row_t r = 2;
	for (const char *const *m = b->x->method; *m; m++, r++)
		str(b, ws, r, 0, *m, b->fmt.wrap);
	worksheet_set_column(ws, 0, 0, 120, NULL);
	print_setup(b, ws, false);
}

static void sheet_data(book *b)
{
	lxw_worksheet *ws = b->ws[6];
	if (!ws) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	static const char *const heads[] = {
	        "year",           "actor",   "sex", "baseline_cost", "intervention_cost",
	        "investment",     "savings", "net", "net_pv",        "t",
	        "discount_factor"};
	static const char *const sexes[N_FLOW_SEX] = {"women", "men", "all"};
	enum { NCOL = sizeof heads / sizeof *heads };
	lxw_table_column cols[NCOL], *colp[NCOL + 1];
	for (int k = 0; k < NCOL; k++) {
		cols[k] = (lxw_table_column){.header = (char *)heads[k]};
		colp[k] = &cols[k];
	}
	colp[NCOL] = NULL;
	lxw_row_t r = 1;
	const flows *f = b->f;
	for (int t = 0; t < b->T; t++)
		for (size_t a = 0; a < b->na; a++)
			for (int g = 0; g < N_FLOW_SEX; g++, r++) {
				double base = *flows_cost(f, ARM_BASELINE, g, t, a);
				double with = *flows_cost(f, ARM_INTERVENTION, g, t, a);
				double inv = *flows_investment(f, g, t, a);
				double v[] = {base,
				              with,
				              inv,
				              base - with,
				              base - with - inv,
				              (base - with - inv) * f->discount[t]};
				num(b, ws, r, 0, b->s->start_year + t, NULL);
				str(b, ws, r, 1, b->p->actors[a].id, NULL);
				str(b, ws, r, 2, sexes[g], NULL);
				for (int k = 0; k < 6; k++)
					num(b, ws, r, (lxw_col_t)(3 + k), v[k], NULL);
				num(b, ws, r, 9, t + 1, NULL);
				num(b, ws, r, 10, f->discount[t], NULL);
			}
	lxw_table_options opt = {.name = "Flows",
	                         .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
	                         .style_type_number = 9,
	                         .columns = colp};
	keep(b, worksheet_add_table(ws, 0, 0, r - 1, NCOL - 1, &opt));
	worksheet_set_column(ws, 0, 2, 10, NULL);
	worksheet_set_column(ws, 3, NCOL - 1, 18, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	print_setup(b, ws, false);
	keep(b, worksheet_repeat_rows(ws, 0, 0));
}

/* Sheet names with a prefix ("2 " in a comparison), and their quoted forms
 * for formulas. */
/* ---------------------------------------------------- the Osäkerhet sheet */

typedef struct utexts {
	const char *sheet, *title, *note, *values_note;
	const char *sentence; /* %s target, %s share, %s draws, %s mean, %s p5, %s p95 */
	const char *sentence_none;
	const char *mean, *p5, *p50, *p95, *chance, *evpi, *stats_note;
	const char *paid_title, *not_within, *no_investment;
	const char *hist_title, *hist_from, *hist_to, *hist_count, *hist_share, *hist_axis,
	        *hist_chart;
	const char *tornado_title, *tornado_note, *input, *section_col, *line_col, *low, *high,
	        *at_low, *at_high, *swing, *tornado_chart, *tornado_axis, *base_words;
	const char *dist_title, *distribution, *dist_mean, *dist_sd;
} utexts;

static const utexts usv = {
        .sheet = "Osäkerhet",
        .title = "Hur säkert är resultatet?",
        .note = "Nettonuvärde i kr, %d års priser, %s. Offentlig sektor = %s. %s",
        .values_note = "Talen på bladet är beräknade av samkalk (värden, inte formler).",
        .sentence = "%s: nettonuvärdet är positivt i %s av %s dragningar (medel %s kr; 90 %% "
                    "av dragningarna mellan %s och %s kr).",
        .sentence_none = "Inga dragningar: scenariot har bara [sensitivity]-avsnitt.",
        .mean = "Medel",
        .p5 = "P5",
        .p50 = "P50 (median)",
        .p95 = "P95",
        .chance = "Chans att nettonuvärdet > 0",
        .evpi = "EVPI, kr",
        .stats_note = "P5/P95: 5 % av dragningarna ger lägre/högre nettonuvärde. EVPI (värdet av "
                      "fullständig information): vad säker kunskap om de osäkra antagandena "
                      "vore värd för beslutet att satsa eller inte.",
        .paid_title = "Återbetald senast år (andel av dragningarna, ej diskonterat)",
        .not_within = "Inte inom %d år",
        .no_investment = "Ingen investering",
        .hist_title = "Fördelning av offentlig sektors nettonuvärde",
        .hist_from = "Från, kr",
        .hist_to = "Till, kr",
        .hist_count = "Dragningar",
        .hist_share = "Andel",
        .hist_axis = "Andel av dragningarna",
        .hist_chart = "Offentlig sektors nettonuvärde, kr (röd: förlust)",
        .tornado_title = "Känslighet (tornado): ett antagande i taget flyttas till lågt och högt",
        .tornado_note = "Lågt och högt: värdena i [sensitivity], annars 5:e och 95:e percentilen "
                        "av fördelningen. Sorterat efter hur mycket offentlig sektors "
                        "nettonuvärde svänger.",
        .input = "Antagande",
        .section_col = "Avsnitt",
        .line_col = "Rad",
        .low = "Lågt",
        .high = "Högt",
        .at_low = "Offentlig sektor vid lågt, kr",
        .at_high = "Offentlig sektor vid högt, kr",
        .swing = "Svängning, kr",
        .tornado_chart = "Offentlig sektors nettonuvärde när ett antagande flyttas",
        .tornado_axis = "Nettonuvärde, kr (staplarna utgår från kalkylens %s kr)",
        .base_words = "Kalkylens nettonuvärde",
        .dist_title = "De osäkra antagandena och deras fördelningar",
        .distribution = "Fördelning",
        .dist_mean = "Medelvärde",
        .dist_sd = "Standardavvikelse",
};

static const utexts uen = {
        .sheet = "Uncertainty",
        .title = "How sure is the result?",
        .note = "NPV in kr, %d prices, %s. Public sector = %s. %s",
        .values_note = "The figures on this sheet are computed by samkalk (values, not "
                       "formulas).",
        .sentence = "%s: the NPV is positive in %s of %s draws (mean %s kr; 90%% of the draws "
                    "between %s and %s kr).",
        .sentence_none = "No draws: the scenario has [sensitivity] sections only.",
        .mean = "Mean",
        .p5 = "P5",
        .p50 = "P50 (median)",
        .p95 = "P95",
        .chance = "Chance that the NPV > 0",
        .evpi = "EVPI, kr",
        .stats_note = "P5/P95: 5% of the draws give a lower/higher NPV. EVPI (expected value of "
                      "perfect information): what certain knowledge of the uncertain inputs "
                      "would be worth to the decision to fund or not.",
        .paid_title = "Paid back by the end of (share of draws, undiscounted)",
        .not_within = "Not within %d years",
        .no_investment = "No investment",
        .hist_title = "Distribution of the public sector's NPV",
        .hist_from = "From, kr",
        .hist_to = "To, kr",
        .hist_count = "Draws",
        .hist_share = "Share",
        .hist_axis = "Share of draws",
        .hist_chart = "The public sector's NPV, kr (red: a loss)",
        .tornado_title = "Sensitivity (tornado): one input at a time moved to its low and high",
        .tornado_note = "Low and high: the values of [sensitivity], else the 5th and 95th "
                        "percentiles of the distribution. Sorted by the swing of the public "
                        "sector's NPV.",
        .input = "Input",
        .section_col = "Section",
        .line_col = "Line",
        .low = "Low",
        .high = "High",
        .at_low = "Public sector at low, kr",
        .at_high = "Public sector at high, kr",
        .swing = "Swing, kr",
        .tornado_chart = "The public sector's NPV when one input moves",
        .tornado_axis = "NPV, kr (bars start at the calculation's %s kr)",
        .base_words = "The calculation's NPV",
        .dist_title = "The uncertain inputs and their distributions",
        .distribution = "Distribution",
        .dist_mean = "Mean",
        .dist_sd = "Standard deviation",
};

static lxw_row_t unc_stats_table(book *b, lxw_worksheet *ws, const utexts *y, lxw_row_t r)
{
	const unc_results *u = b->c->u;
	const char *heads[7] = {b->x->actor, y->mean, y->p5, y->p50, y->p95, y->chance, y->evpi};
	for (int k = 0; k < 7; k++)
		str(b, ws, r, (lxw_col_t)k, heads[k], k ? b->fmt.head : b->fmt.head_left);
	r++;
	for (size_t j = 0; j < b->nt; j++) {
		const unc_stats *st = &u->stats[j];
		lxw_format *f = j >= TARGET_FISCAL(b->na) ? b->fmt.kr_bold : b->fmt.kr;
		str(b, ws, r, 0, target_label(b, j),
		    j >= TARGET_FISCAL(b->na) ? b->fmt.bold : NULL);
		const double v[5] = {st->mean, st->p5, st->p50, st->p95};
		for (int k = 0; k < 4; k++)
			num(b, ws, r, (lxw_col_t)(1 + k), v[k], f);
		num(b, ws, r, 5, st->p_positive, b->fmt.pct);
		num(b, ws, r, 6, st->evpi, f);
		r++;
	}
	str(b, ws, r, 0, y->stats_note, b->fmt.note);
	return r + 2;
}

static lxw_row_t unc_payback_table(book *b, lxw_worksheet *ws, const utexts *y, lxw_row_t r)
{
	const unc_results *u = b->c->u;
	str(b, ws, r++, 0, y->paid_title, b->fmt.bold);
	str(b, ws, r, 0, b->x->actor, b->fmt.head_left);
	for (int t = 0; t < b->T; t++)
		num(b, ws, r, (lxw_col_t)(1 + t), b->s->start_year + t, b->fmt.head);
	strf(b, ws, r, (lxw_col_t)(1 + b->T), b->fmt.head, y->not_within, b->T);
	str(b, ws, r, (lxw_col_t)(2 + b->T), y->no_investment, b->fmt.head);
	r++;
	for (size_t j = 0; j < b->nt; j++, r++) {
		const unc_stats *st = &u->stats[j];
		str(b, ws, r, 0, target_label(b, j),
		    j >= TARGET_FISCAL(b->na) ? b->fmt.bold : NULL);
		for (int t = 0; t < b->T; t++)
			num(b, ws, r, (lxw_col_t)(1 + t), (double)st->paid[t] / (double)u->draws,
			    b->fmt.pct);
		num(b, ws, r, (lxw_col_t)(1 + b->T), (double)st->never / (double)u->draws,
		    b->fmt.pct);
		num(b, ws, r, (lxw_col_t)(2 + b->T), (double)st->none / (double)u->draws,
		    b->fmt.pct);
	}
	return r + 1;
}

/* The histogram's table at r, its chart at (at, col). */
static lxw_row_t unc_histogram(book *b, lxw_worksheet *ws, const utexts *y, lxw_row_t r,
                               lxw_row_t at, lxw_col_t col)
{
	const unc_results *u = b->c->u;
	str(b, ws, r++, 0, y->hist_title, b->fmt.bold);
	const char *heads[4] = {y->hist_from, y->hist_to, y->hist_count, y->hist_share};
	for (int k = 0; k < 4; k++)
		str(b, ws, r, (lxw_col_t)k, heads[k], b->fmt.head);
	lxw_row_t first = ++r;
	lxw_chart_point points[UNC_HIST_BINS];
	lxw_chart_fill fills[UNC_HIST_BINS];
	lxw_chart_point *list[UNC_HIST_BINS + 1];
	for (int k = 0; k < u->n_bins; k++, r++) {
		double lo = u->hist_lo + k * u->hist_width, hi = lo + u->hist_width;
		num(b, ws, r, 0, lo, b->fmt.kr);
		num(b, ws, r, 1, hi, b->fmt.kr);
		num(b, ws, r, 2, (double)u->hist[k], b->fmt.year);
		num(b, ws, r, 3, (double)u->hist[k] / (double)u->draws, b->fmt.pct);
		fills[k] = (lxw_chart_fill){.color = hi <= 0 ? 0xC0504D : 0x4F81BD};
		points[k] = (lxw_chart_point){.fill = &fills[k]};
		list[k] = &points[k];
	}
	list[u->n_bins] = NULL;
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	lxw_chart_series *se = ch ? chart_add_series(ch, NULL, NULL) : NULL;
	if (!se) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return r + 1;
	}
	const char *sheet = y->sheet;
	chart_series_set_categories(se, sheet, first, 0, r - 1, 0);
	chart_series_set_values(se, sheet, first, 3, r - 1, 3);
	keep(b, chart_series_set_points(se, list));
	chart_set_series_gap(ch, 10);
	chart_title_set_name(ch, y->hist_chart);
	lxw_chart_font tf = {.size = 11, .bold = LXW_TRUE};
	chart_title_set_name_font(ch, &tf);
	chart_axis_set_name(ch->y_axis, y->hist_axis);
	chart_axis_set_num_format(ch->y_axis, "0%");
	chart_axis_set_num_format(ch->x_axis, "#,##0;\"\xe2\x88\x92\"#,##0;0");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	lxw_chart_options opt = {.x_scale = 1.6, .y_scale = 1.2};
	keep(b, worksheet_insert_chart_opt(ws, at, col, ch, &opt));
	return r + 1;
}

static lxw_row_t unc_tornado(book *b, lxw_worksheet *ws, const utexts *y, lxw_row_t r, lxw_row_t at,
                             lxw_col_t col)
{
	const unc_results *u = b->c->u;
	size_t fi = TARGET_FISCAL(b->na);
	double base = b->r->fig[fi].npv;
	str(b, ws, r++, 0, y->tornado_title, b->fmt.bold);
	str(b, ws, r++, 0, y->tornado_note, b->fmt.note);
	const char *heads[8] = {y->input, y->section_col, y->line_col, y->low,
	                        y->high,  y->at_low,      y->at_high,  y->swing};
	for (int k = 0; k < 8; k++)
		str(b, ws, r, (lxw_col_t)k, heads[k], k < 2 ? b->fmt.head_left : b->fmt.head);
	lxw_row_t first = ++r;
	for (size_t k = 0; k < u->n_tornado; k++, r++) {
		const unc_tornado_row *row = &u->tornado[k];
		const unc_input *in = &u->spec->v[row->input];
		lxw_format *vf = fabs(row->high) >= 100 ? b->fmt.kr : b->fmt.prob;
		str(b, ws, r, 0, in->key, NULL);
		str(b, ws, r, 1, in->section, NULL);
		num(b, ws, r, 2, in->has_range ? in->range_line : in->dist_line, b->fmt.year);
		num(b, ws, r, 3, row->low, vf);
		num(b, ws, r, 4, row->high, vf);
		num(b, ws, r, 5, row->npv_low[fi], b->fmt.kr);
		num(b, ws, r, 6, row->npv_high[fi], b->fmt.kr);
		char fm[64], a1[16], a2[16];
		snprintf(fm, sizeof fm, "=ABS(%s-%s)", ref(a1, r, 6), ref(a2, r, 5));
		formula(b, ws, r, 7, fm, fabs(row->npv_high[fi] - row->npv_low[fi]), b->fmt.kr);
	}
	str(b, ws, r, 0, y->base_words, b->fmt.bold);
	num(b, ws, r, 5, base, b->fmt.kr_bold);
	if (u->n_tornado == 0)
		return r + 2;
	/* bars from the calculation's NPV out to each end: the value axis
	 * crosses the category axis at the base NPV */
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_BAR);
	if (!ch) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return r + 2;
	}
	const char *sheet = y->sheet;
	size_t shown = u->n_tornado < 15 ? u->n_tornado : 15;
	const lxw_col_t cols[2] = {5, 6};
	const lxw_color_t colors[2] = {0xC0504D, 0x4F81BD};
	for (int e = 0; e < 2; e++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return r + 2;
		}
		chart_series_set_categories(se, sheet, first, 0, first + (lxw_row_t)shown - 1, 0);
		chart_series_set_values(se, sheet, first, cols[e], first + (lxw_row_t)shown - 1,
		                        cols[e]);
		chart_series_set_name_range(se, sheet, first - 1, cols[e]);
		lxw_chart_fill fill = {.color = colors[e]};
		chart_series_set_fill(se, &fill);
	}
	chart_set_series_overlap(ch, 100);
	chart_set_series_gap(ch, 40);
	char money[64], axis[160];
	format_amount(money, sizeof money, base, b->l, true);
	snprintf(axis, sizeof axis, y->tornado_axis, money);
	chart_title_set_name(ch, y->tornado_chart);
	lxw_chart_font tf = {.size = 11, .bold = LXW_TRUE};
	chart_title_set_name_font(ch, &tf);
	/* in a bar chart libxlsxwriter's x axis is the horizontal (value) one
	 * and its y axis the vertical (category) one */
	chart_axis_set_reverse(ch->y_axis); /* the largest swing on top */
	chart_axis_set_crossing(ch->x_axis, base);
	chart_axis_set_label_position(ch->y_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	chart_axis_set_label_position(ch->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	chart_axis_set_name(ch->x_axis, axis);
	chart_axis_set_num_format(ch->x_axis, "#,##0;\"\xe2\x88\x92\"#,##0;0");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = {.x_scale = 1.6, .y_scale = 1.2 + 0.05 * (double)shown};
	keep(b, worksheet_insert_chart_opt(ws, at, col, ch, &opt));
	return r + 2;
}

static lxw_row_t unc_inputs(book *b, lxw_worksheet *ws, const utexts *y, lxw_row_t r)
{
	const unc_spec *sp = b->c->u->spec;
	str(b, ws, r++, 0, y->dist_title, b->fmt.bold);
	const char *heads[6] = {y->input,        y->section_col, y->line_col,
	                        y->distribution, y->dist_mean,   y->dist_sd};
	for (int k = 0; k < 6; k++)
		str(b, ws, r, (lxw_col_t)k, heads[k], k < 2 ? b->fmt.head_left : b->fmt.head);
	r++;
	for (size_t i = 0; i < sp->n; i++) {
		const unc_input *in = &sp->v[i];
		if (!in->has_dist)
			continue;
		str(b, ws, r, 0, in->key, NULL);
		str(b, ws, r, 1, in->section, NULL);
		num(b, ws, r, 2, in->dist_line, b->fmt.year);
		str(b, ws, r, 3, in->dist_text, NULL);
		if (!in->n_parts) {
			double m = dist_mean(&in->d);
			lxw_format *vf = fabs(m) >= 100 ? b->fmt.kr : b->fmt.prob;
			num(b, ws, r, 4, m, vf);
			num(b, ws, r, 5, sqrt(dist_variance(&in->d)), vf);
		}
		r++;
	}
	return r + 1;
}

static void sheet_uncertainty(book *b)
{
	const unc_results *u = b->c->u;
	const utexts *y = b->l == LANG_SV ? &usv : &uen;
	lxw_worksheet *ws = b->unc;
	size_t fi = TARGET_FISCAL(b->na);
	char rates[200], list[400];
	str(b, ws, 0, 0, y->title, b->fmt.title);
	actor_list(b, fi, list, sizeof list);
	strf(b, ws, 1, 0, b->fmt.note, y->note, b->s->price_year,
	     format_rates(rates, sizeof rates, b->s->rate_by_year, b->T, b->l), list,
	     y->values_note);
	lxw_row_t r = 3;
	if (u->draws > 0) {
		const unc_stats *st = &u->stats[fi];
		char share[32], draws[32], mean[64], p5[64], p95[64];
		format_percent(share, sizeof share, st->p_positive, b->l);
		format_amount(draws, sizeof draws, (double)u->draws, b->l, false);
		char sentence[512];
		snprintf(sentence, sizeof sentence, y->sentence, target_label(b, fi), share, draws,
		         format_amount(mean, sizeof mean, st->mean, b->l, true),
		         format_amount(p5, sizeof p5, st->p5, b->l, true),
		         format_amount(p95, sizeof p95, st->p95, b->l, true));
		lxw_format *big = workbook_add_format(b->wb);
		format_set_bold(big);
		format_set_font_size(big, 13);
		format_set_text_wrap(big);
		format_set_align(big, LXW_ALIGN_VERTICAL_TOP);
		keep(b, worksheet_merge_range(ws, r, 0, r, 7, sentence, big));
		keep(b, worksheet_set_row(ws, r, 36, NULL));
		r += 2;
		r = unc_stats_table(b, ws, y, r);
		r = unc_payback_table(b, ws, y, r);
	} else {
		str(b, ws, r, 0, y->sentence_none, b->fmt.bold);
		r += 2;
	}
	lxw_col_t chart_col = (lxw_col_t)(b->T + 4 > 9 ? b->T + 4 : 9);
	lxw_row_t tornado_at = r;
	r = unc_tornado(b, ws, y, r, 5, chart_col);
	if (u->draws > 0) {
		r = unc_histogram(b, ws, y, r, tornado_at + 4, chart_col);
		r = unc_inputs(b, ws, y, r);
	}
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 24, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)(b->T + 2), 15, NULL);
	print_setup(b, ws, false);
}

static void name_sheets(book *b, const char *prefix)
{
	for (int k = 0; k < 7; k++)
		snprintf(b->name[k], sizeof b->name[k], "%s%s", prefix, b->x->sheet[k]);
	snprintf(b->quoted[0], sizeof b->quoted[0], "'%s'", b->name[1]);
	snprintf(b->quoted[1], sizeof b->quoted[1], "'%s'", b->name[4]);
}

sk_status report_xlsx(const calc *c, lang l, const char *path, time_t run_date, char *why,
                      size_t why_len)
{
	book b = {.c = c,
	          .s = c->s,
	          .p = c->s->profile,
	          .r = c->r,
	          .f = c->f,
	          .l = l,
	          .x = l == LANG_SV ? &xsv : &xen};
	b.T = c->f->years;
	b.na = c->f->n_actors;
	b.ns = c->f->n_states;
	b.nt = c->r->n_targets;
	struct tm tm;
	gmtime_r(&run_date, &tm);
	strftime(b.date, sizeof b.date, "%Y-%m-%d", &tm);
	name_sheets(&b, "");
	lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
	b.wb = workbook_new_opt(path, &wo);
	if (!b.wb) {
		snprintf(why, why_len, "cannot create the workbook: %s", strerror(errno));
		return SK_EIO;
	}
	char title[256], subject[512];
	snprintf(title, sizeof title, "%s", c->s->name);
	snprintf(subject, sizeof subject, b.x->subject, c->s->intervention_name);
	lxw_doc_properties props = {.title = title,
	                            .subject = subject,
	                            .author = "samkalk " SAMKALK_VERSION,
	                            .comments =
	                                    "https://samkalk (socioekonomisk investeringskalkyl)",
	                            .created = run_date};
	keep(&b, workbook_set_properties(b.wb, &props));
	make_formats(&b);
	/* Sheets are added in the order; the flow sheets are filled
	 * first, since the summary refers to their rows. */
	for (int k = 0; k < 7; k++) {
		if (!(b.ws[k] = workbook_add_worksheet(b.wb, b.name[k])))
			keep(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		if (k == 3 && c->u &&
		    !(b.unc = workbook_add_worksheet(b.wb, (l == LANG_SV ? &usv : &uen)->sheet)))
			keep(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	}
	if (!b.err) { /* assumptions first: the flow sheets refer to its rate cells */
		sheet_assumptions(&b);
		sheet_per_actor(&b);
		sheet_sexes(&b);
		sheet_outcomes(&b);
		if (b.unc)
			sheet_uncertainty(&b);
		sheet_method(&b);
		sheet_data(&b);
		sheet_summary(&b);
	}
	lxw_error e = workbook_close(b.wb);
	keep(&b, e);
	if (b.err) {
		snprintf(why, why_len, "%s", lxw_strerror(b.err));
		return SK_EIO;
	}
	return SK_OK;
}

/* ------------------------------------------------------- the comparison */

typedef struct ctexts_x {
	const char *sheet, *title, *note, *legend, *measure, *target, *rank_society, *rank_fiscal,
	        *gained, *chart_net, *chart_net_axis, *chart_payback, *chart_payback_axis, *year_t,
	        *none, *copies;
	const char *m[N_MEASURES];
} ctexts_x;

static const ctexts_x cxsv = {
        .sheet = "Jämförelse",
        .title = "Jämförelse av %zu insatser",
        .note = "Belopp i kr, %d års priser (andra prisår är omräknade med varje profils "
                "index). Rang 1 = högst nettonuvärde.",
        .legend = "Scenario %zu: %s (%s)",
        .measure = "Mått",
        .target = "Aktör",
        .rank_society = "Rang efter samhällets nettonuvärde",
        .rank_fiscal = "Rang efter offentlig sektors nettonuvärde",
        .gained = "Personår vunna (med " FORMAT_MINUS " utan insats)",
        .chart_net = "Offentlig sektor: kumulativt netto per år i kalkylen",
        .chart_net_axis = "kr",
        .chart_payback = "Antal år till återbetalning per aktör",
        .chart_payback_axis = "år",
        .year_t = "År %d",
        .none = FORMAT_MINUS,
        .copies = "Bladen efter detta är varje scenarios egen sammanfattning med värden; "
                  "formlerna finns i scenariots egen arbetsbok (samkalk run -o).",
};

static const ctexts_x cxen = {
        .sheet = "Comparison",
        .title = "Comparison of %zu interventions",
        .note = "Amounts in kr, %d prices (other price years moved by each profile's index). "
                "Rank 1 = the highest NPV.",
        .legend = "Scenario %zu: %s (%s)",
        .measure = "Measure",
        .target = "Actor",
        .rank_society = "Rank by society's NPV",
        .rank_fiscal = "Rank by the public sector's NPV",
        .gained = "Person-years gained (with " FORMAT_MINUS " without)",
        .chart_net = "Public sector: cumulative net by year of the calculation",
        .chart_net_axis = "kr",
        .chart_payback = "Years to payback per actor",
        .chart_payback_axis = "years",
        .year_t = "Year %d",
        .none = FORMAT_MINUS,
        .copies = "The sheets after this one are each scenario's own summary, with values; "
                  "the formulas are in the scenario's own workbook (samkalk run -o).",
};

static const char *union_label(const comparison *cmp, const book *b, size_t u)
{
	if (u == cmp->n_actors)
		return b->x->fiscal;
	if (u == cmp->n_actors + 1)
		return b->x->society;
	return cmp->actor_labels[u];
}

static void comparison_sheet(book *b, const comparison *cmp, lxw_worksheet *ws)
{
	const ctexts_x *x = b->l == LANG_SV ? &cxsv : &cxen;
	size_t n = cmp->n, nu = cmp->n_actors + 2;
	char notes[2048];
	strf(b, ws, 0, 0, b->fmt.title, x->title, n);
	strf(b, ws, 1, 0, b->fmt.note, x->note, cmp->price_year);
	compare_notes(cmp, b->l, notes, sizeof notes);
	lxw_row_t r = 2;
	if (notes[0])
		str(b, ws, r++, 0, notes, b->fmt.bold);
	for (size_t k = 0; k < n; k++)
		strf(b, ws, r++, 0, b->fmt.text, x->legend, k + 1, cmp->c[k]->s->name,
		     cmp->c[k]->s->doc->path);
	str(b, ws, r++, 0, x->copies, b->fmt.note);
	r++;
	str(b, ws, r, 0, x->measure, b->fmt.head_left);
	str(b, ws, r, 1, x->target, b->fmt.head_left);
	for (size_t k = 0; k < n; k++)
		strf(b, ws, r, (lxw_col_t)(2 + k), b->fmt.head, "%zu", k + 1);
	lxw_row_t head = r++;
	const int *ranks[2] = {cmp->rank_society, cmp->rank_fiscal};
	const char *rank_names[2] = {x->rank_society, x->rank_fiscal};
	for (int i = 0; i < 2; i++, r++) {
		str(b, ws, r, 0, rank_names[i], b->fmt.bold);
		for (size_t k = 0; k < n; k++)
			num(b, ws, r, (lxw_col_t)(2 + k), ranks[i][k], b->fmt.year);
	}
	static const measure shown[] = {
	        M_NPV,          M_PV_INVESTMENT,     M_PV_SAVINGS, M_RETURN,
	        M_PAYBACK_YEAR, M_PAYBACK_DISC_YEAR, M_BREAK_EVEN, M_NET_AFTER_1,
	        M_NET_AFTER_5,  M_COST_PER_WORK_YEAR};
	for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
		measure m = shown[i];
		r++;
		size_t first_u = m == M_COST_PER_WORK_YEAR ? cmp->n_actors : 0;
		for (size_t u = first_u; u < nu; u++, r++) {
			if (u == first_u) /* the measure once, above its rows */
				str(b, ws, r, 0, compare_measure_label(m, b->l), b->fmt.bold);
			str(b, ws, r, 1, union_label(cmp, b, u),
			    u >= cmp->n_actors ? b->fmt.bold : b->fmt.text);
			for (size_t k = 0; k < n; k++) {
				double v;
				lxw_col_t c = (lxw_col_t)(2 + k);
				lxw_format *f = m == M_RETURN              ? b->fmt.ret
				                : m == M_BREAK_EVEN        ? b->fmt.pct
				                : m == M_PAYBACK_YEAR      ? b->fmt.year
				                : m == M_PAYBACK_DISC_YEAR ? b->fmt.year
				                : u >= cmp->n_actors       ? b->fmt.kr_bold
				                                           : b->fmt.kr;
				if (compare_value(cmp, k, u, m, &v))
					num(b, ws, r, c, v, f);
				else
					str(b, ws, r, c, x->none, b->fmt.note_right);
			}
		}
	}
	r++;
	bool gained_said = false;
	for (size_t u = 0; u < cmp->n_states; u++) {
		bool any = false;
		double v;
		for (size_t k = 0; k < n; k++)
			any |= compare_gained(cmp, k, u, &v) && fabs(v) >= 0.05;
		if (!any)
			continue;
		if (!gained_said)
			str(b, ws, r, 0, x->gained, b->fmt.bold);
		gained_said = true;
		str(b, ws, r, 1, cmp->state_labels[u], b->fmt.text);
		for (size_t k = 0; k < n; k++) {
			if (compare_gained(cmp, k, u, &v))
				num(b, ws, r, (lxw_col_t)(2 + k), v, b->fmt.dec1);
			else
				str(b, ws, r, (lxw_col_t)(2 + k), x->none, b->fmt.note_right);
		}
		r++;
	}

	/* the data of the charts: cumulative public-sector net per year t, and
	 * the years to payback per target, one column per scenario */
	lxw_col_t dc = (lxw_col_t)(2 + n + 1);
	lxw_row_t d0 = head;
	str(b, ws, d0, dc, x->chart_net, b->fmt.head_left);
	for (int t = 0; t < cmp->max_years; t++)
		strf(b, ws, d0 + 1 + (lxw_row_t)t, dc, b->fmt.text, x->year_t, t + 1);
	for (size_t k = 0; k < n; k++) {
		const calc *c = cmp->c[k];
		size_t na = c->s->profile->n_actors;
		/* the scenario's name heads its column: the charts' legends */
		strf(b, ws, d0, (lxw_col_t)(dc + 1 + k), b->fmt.head, "%zu %.40s", k + 1,
		     c->s->name);
		double cum = 0;
		for (int t = 0; t < c->s->years; t++) {
			for (size_t a = 0; a < na; a++)
				if (c->r->in_target[TARGET_FISCAL(na) * na + a])
					cum += *flows_cost(c->f, ARM_BASELINE, FLOW_ALL, t, a) -
					       *flows_cost(c->f, ARM_INTERVENTION, FLOW_ALL, t, a) -
					       *flows_investment(c->f, FLOW_ALL, t, a);
			num(b, ws, d0 + 1 + (lxw_row_t)t, (lxw_col_t)(dc + 1 + k),
			    cum * cmp->factor[k], b->fmt.kr);
		}
	}
	lxw_row_t p0 = d0 + (lxw_row_t)cmp->max_years + 2;
	str(b, ws, p0, dc, x->chart_payback, b->fmt.head_left);
	for (size_t u = 0; u < nu; u++) {
		str(b, ws, p0 + 1 + (lxw_row_t)u, dc, union_label(cmp, b, u), b->fmt.text);
		for (size_t k = 0; k < n; k++) {
			double v;
			if (!u)
				strf(b, ws, p0, (lxw_col_t)(dc + 1 + k), b->fmt.head, "%zu %.40s",
				     k + 1, cmp->c[k]->s->name);
			if (compare_value(cmp, k, u, M_PAYBACK_YEARS, &v))
				num(b, ws, p0 + 1 + (lxw_row_t)u, (lxw_col_t)(dc + 1 + k), v,
				    b->fmt.dec1);
		}
	}
	lxw_chart *net = workbook_add_chart(b->wb, LXW_CHART_LINE);
	lxw_chart *pay = workbook_add_chart(b->wb, LXW_CHART_BAR);
	if (!net || !pay) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		lxw_col_t c = (lxw_col_t)(dc + 1 + k);
		lxw_chart_series *se = chart_add_series(net, NULL, NULL);
		lxw_chart_series *sp = chart_add_series(pay, NULL, NULL);
		if (!se || !sp) {
			keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		chart_series_set_categories(se, x->sheet, d0 + 1, dc,
		                            d0 + (lxw_row_t)cmp->max_years, dc);
		chart_series_set_values(se, x->sheet, d0 + 1, c, d0 + (lxw_row_t)cmp->max_years, c);
		chart_series_set_name_range(se, x->sheet, d0, c);
		chart_series_set_marker_type(se, LXW_CHART_MARKER_CIRCLE);
		chart_series_set_categories(sp, x->sheet, p0 + 1, dc, p0 + (lxw_row_t)nu, dc);
		chart_series_set_values(sp, x->sheet, p0 + 1, c, p0 + (lxw_row_t)nu, c);
		chart_series_set_name_range(sp, x->sheet, p0, c);
	}
	chart_title_set_name(net, x->chart_net);
	chart_axis_set_name(net->y_axis, x->chart_net_axis);
	chart_axis_set_num_format(net->y_axis, "#,##0;\"\xe2\x88\x92\"#,##0;0");
	chart_axis_set_label_position(net->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	lxw_chart_line zero = {.color = LXW_COLOR_BLACK, .width = 1.25};
	chart_axis_set_line(net->x_axis, &zero);
	chart_title_set_name(pay, x->chart_payback);
	chart_axis_set_name(pay->y_axis, x->chart_payback_axis);
	lxw_chart_options opt = {.x_scale = 1.3, .y_scale = 1.2};
	keep(b, worksheet_insert_chart_opt(ws, r + 1, 0, net, &opt));
	keep(b, worksheet_insert_chart_opt(ws, r + 1, 4, pay, &opt));
	worksheet_set_column(ws, 0, 0, 40, NULL);
	worksheet_set_column(ws, 1, 1, 24, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)(1 + n), 16, NULL);
	worksheet_set_column(ws, dc, dc, 30, NULL);
	worksheet_set_column(ws, dc + 1, (lxw_col_t)(dc + n), 18, NULL);
	worksheet_freeze_panes(ws, head + 1, 2);
	print_setup(b, ws, false);
	char header[300];
	snprintf(header, sizeof header, "&C&\"-,Bold\"%s",
	         b->l == LANG_SV ? "Jämförelse" : "Comparison");
	keep(b, worksheet_set_header(ws, header));
	worksheet_activate(ws);
}

sk_status report_xlsx_compare(const comparison *cmp, lang l, const char *path, time_t run_date,
                              char *why, size_t why_len)
{
	const ctexts_x *cx = l == LANG_SV ? &cxsv : &cxen;
	book base = {.c = cmp->c[0], .s = cmp->c[0]->s, .l = l, .x = l == LANG_SV ? &xsv : &xen};
	struct tm tm;
	gmtime_r(&run_date, &tm);
	strftime(base.date, sizeof base.date, "%Y-%m-%d", &tm);
	lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
	base.wb = workbook_new_opt(path, &wo);
	if (!base.wb) {
		snprintf(why, why_len, "cannot create the workbook: %s", strerror(errno));
		return SK_EIO;
	}
	char title[256];
	snprintf(title, sizeof title, cx->title, cmp->n);
	lxw_doc_properties props = {.title = title,
	                            .subject = title,
	                            .author = "samkalk " SAMKALK_VERSION,
	                            .created = run_date};
	keep(&base, workbook_set_properties(base.wb, &props));
	make_formats(&base);
	lxw_worksheet *first = workbook_add_worksheet(base.wb, cx->sheet);
	if (!first)
		keep(&base, LXW_ERROR_MEMORY_MALLOC_FAILED);
	/* each scenario's own summary and per-actor sheets, values only */
	for (size_t k = 0; k < cmp->n && !base.err; k++) {
		const calc *c = cmp->c[k];
		book b = base;
		b.c = c;
		b.s = c->s;
		b.p = c->s->profile;
		b.r = c->r;
		b.f = c->f;
		b.T = c->f->years;
		b.na = c->f->n_actors;
		b.ns = c->f->n_states;
		b.nt = c->r->n_targets;
		b.values_only = true;
		char prefix[24];
		snprintf(prefix, sizeof prefix, "%zu ", k + 1);
		name_sheets(&b, prefix);
		b.ws[0] = workbook_add_worksheet(b.wb, b.name[0]);
		b.ws[1] = workbook_add_worksheet(b.wb, b.name[1]);
		if (!b.ws[0] || !b.ws[1]) {
			keep(&base, LXW_ERROR_MEMORY_MALLOC_FAILED);
			break;
		}
		sheet_per_actor(&b);
		sheet_summary(&b);
		keep(&base, b.err);
	}
	if (!base.err)
		comparison_sheet(&base, cmp, first);
	keep(&base, workbook_close(base.wb));
	if (base.err) {
		snprintf(why, why_len, "%s", lxw_strerror(base.err));
		return SK_EIO;
	}
	return SK_OK;
}
