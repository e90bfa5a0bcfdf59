/* report.h -- a finished calculation as text, CSV and JSON (SPEC §7), and
 * a comparison of several as text, CSV and JSON (issue #6); the workbook
 * is report_xlsx.h. Each writer only writes to out and returns SK_OK, or
 * SK_EIO when the stream reports an error. */
#ifndef SAMKALK_REPORT_H
#define SAMKALK_REPORT_H

#include <stdio.h>

#include "samkalk/base/error.h"
#include "samkalk/base/format.h"
#include "samkalk/vary/calc.h"
#include "samkalk/vary/compare.h"

/* The summary a person reads: per actor and for the public sector and
 * society, investment, savings, NPV, return, payback and break-even, with
 * price year, discount rate, horizon and what each total covers. */
sk_status report_text(const calc *c, lang l, FILE *out);

/* The columns of the flows, in order: the CSV's header and the workbook's
 * data sheet (SPEC §7). net_pv is the last of the first set; t and
 * discount_factor were added after it. */
enum { N_FLOW_COLUMNS = 11 };
extern const char *const report_flow_columns[N_FLOW_COLUMNS];

/* The ids of the sexes in the CSV, the JSON and the data sheet, by FLOW_*
 * (and SEX_*, the first two): "women", "men", "all". */
extern const char *const report_sex_ids[N_FLOW_SEX];

/* The flows, one row per year x actor x sex (report_sex_ids), the columns
 * report_flow_columns; numbers at full precision. */
sk_status report_csv(const calc *c, FILE *out);

/* The decision figures for other programs (SPEC §7 fields and more). */
sk_status report_json(const calc *c, FILE *out);

/* The follow-up's estimate, outcome and re-forecast (followup.c), when c
 * has one: a section of the summary, and the JSON's object "followup". */
void report_text_followup(const calc *c, lang l, FILE *out);
void report_json_followup(const calc *c, FILE *out);

/* The from-states of one matrix and sex whose rows kept the assumption
 * (no move observed), "AM1, RH1", into buf ("" when none). */
void report_followup_kept(const calc *c, int set, int sex, char *buf, size_t n);

/* The follow-up's sentences the summary and its sheet share: which years
 * are realised and which projected with what, and where the baseline
 * comes from. */
void report_followup_sentences(const calc *c, lang l, char *reforecast, size_t n1, char *baseline,
                               size_t n2);

/* "Kommunen, Arbetsförmedlingen och Regionen": the labels of the actors
 * target j of c covers, joined in language l, into buf ("" when none). */
void report_actor_list(const calc *c, size_t j, lang l, char *buf, size_t n);

/* Pieces of the JSON writer, for the comparison's JSON: a string (escaped),
 * a number (shortest exact text, never -0; null when not finite), and the fields of one target's
 * figures g of calculation c (the comparison passes its moved figures). */
void report_json_string(FILE *out, const char *s);
void report_json_number(FILE *out, double v);
void report_json_figures(FILE *out, const calc *c, const figures *g);

/* A target's payback: "none" without investment, else {"nominal",
 * "discounted"}, each {"year", "years"} or null when not within the
 * horizon. */
void report_json_payback(FILE *out, const figures *g);

/* The transition sets' ids in the JSON, by TR_*. */
extern const char *const report_set_ids[N_TR];

/* The comparison as CSV (scenario,actor,measure,value, one row per
 * scenario, actor and measure) and as JSON (comparison.c). SK_OK or SK_EIO. */
sk_status compare_csv(const comparison *cmp, FILE *out);
sk_status compare_json(const comparison *cmp, FILE *out);

/* The measures a reader of the comparison sees, in order (the text and the
 * Jämförelse sheet; the CSV and JSON have every measure). */
#define N_COMPARE_SHOWN 10
extern const measure compare_shown[N_COMPARE_SHOWN];

/* The comparison as text (comparison.c): per measure a table, scenarios
 * as columns, ranks, person-years gained and the notes below. */
sk_status compare_text(const comparison *cmp, lang l, FILE *out);

/* The differences a reader of a comparison must know, in words ("" when
 * none): discount rates, horizons, start years, timing. */
void compare_notes(const comparison *cmp, lang l, char *buf, size_t n);

/* A measure's name as a reader sees it, with its unit ("Nettonuvärde, kr"). */
const char *compare_measure_label(measure m, lang l);

#endif
