/* book.h -- what the sheets of the committee workbook share (issue #4,
 * SPEC §7): the sheets by name, the layout of the flow sheets, the formats,
 * the book being written and the helpers that write its cells. One file
 * per sheet under src/report/xlsx/; report_xlsx.h is the public entry. */
#ifndef SAMKALK_REPORT_XLSX_BOOK_H
#define SAMKALK_REPORT_XLSX_BOOK_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "samkalk/base/format.h"
#include "samkalk/base/limits.h"
#include "samkalk/vary/calc.h"
#include "samkalk/vary/compare.h"

/* The sheets of a scenario's workbook, in the workbook's order. The
 * uncertainty sheet is there only when the calculation has [sensitivity]
 * or [uncertainty] inputs; a comparison copies the first two. */
enum sheet {
	SHEET_SUMMARY,
	SHEET_PER_ACTOR,
	SHEET_BY_SEX,
	SHEET_OUTCOMES,
	SHEET_UNCERTAINTY,
	SHEET_ASSUMPTIONS,
	SHEET_METHOD,
	SHEET_DATA,
	N_SHEETS
};

/* Rows of a target's block on the flow sheets. */
enum { R_WITHOUT, R_WITH, R_SAVINGS, R_INVEST, R_NET, R_CUM, R_DISC, BLOCK_ROWS };
/* Fixed rows of the flow sheets (0-based): year header, t, discount factor. */
enum { ROW_YEARS = 3, ROW_T = 4, ROW_RATE = 5, ROW_FACTOR = 6, ROW_FIRST_BLOCK = 8 };
#define COL_FIRST_YEAR 2
/* The column of values on the assumptions sheet; the discount rate's
 * cell there is the one every discount factor refers to, by name. */
#define RATE_COL 1

/* The workbook's words, one table per language (texts.c). */
typedef struct xtexts {
	const char *sheet[N_SHEETS];
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

/* The uncertainty sheet's words. */
typedef struct utexts {
	const char *title, *note, *values_note;
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

/* The comparison sheet's words. */
typedef struct ctexts_x {
	const char *sheet, *title, *note, *legend, *measure, *target, *rank_society, *rank_fiscal,
	        *gained, *chart_net, *chart_net_axis, *chart_payback, *chart_payback_axis, *year_t,
	        *none, *copies;
} ctexts_x;

extern const xtexts xlsx_texts_sv, xlsx_texts_en;
extern const utexts xlsx_unc_sv, xlsx_unc_en;
extern const ctexts_x xlsx_cmp_sv, xlsx_cmp_en;

/* A workbook being written: the calculation it shows, its formats, its
 * sheets and where on them the cells others refer to are. */
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
	char name[N_SHEETS][40];          /* sheet names: a prefix and the word */
	char quoted[N_SHEETS][48];        /* 'Per aktör' etc. for formulas */
	bool values_only;                 /* the comparison's copies of a scenario's sheets */
	lxw_worksheet *ws[N_SHEETS];      /* NULL for a sheet not in this workbook */
	lxw_row_t rate_row;               /* of the discount rate on the assumptions sheet */
	lxw_row_t band_row[SK_MAX_YEARS]; /* with [discounting]: each year's band cell */
} book;

/* Keeps the first libxlsxwriter error in b->err; later calls still run,
 * harmlessly, and the error is reported once at the end. */
void book_keep(book *b, lxw_error e);

/* A string cell; a printf-formatted string cell. */
void book_str(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f);
void book_strf(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, lxw_format *f, const char *fmt,
               ...) __attribute__((format(printf, 6, 7)));

/* A number cell (-0 written as 0). */
void book_num(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f);

/* A formula with its value from the results, so the file shows numbers
 * unopened; only the value when b->values_only. */
void book_formula(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *fm, double v,
                  lxw_format *f);

/* The A1 reference of (r, c) in buf (16 bytes); returns buf. */
char *book_ref(char *buf, lxw_row_t r, lxw_col_t c);

/* "file:line" of doc at (r, c), or the word for a default when line is 0. */
void book_where(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const ini_doc *doc, int line);

/* File:line (column 3) and source (column 4) of a scenario input: the
 * comment written above it (or after it) in the file is its source. */
void book_provenance(book *b, lxw_worksheet *ws, lxw_row_t r, const char *section, const char *key);

/* The label of target j: an actor's, or the public sector's or society's. */
const char *book_target_label(const book *b, size_t j);

/* "Kommunen, Arbetsförmedlingen och Regionen": the actors target j covers,
 * "" when none. */
void book_actor_list(const book *b, size_t j, char *buf, size_t n);

/* Print setup shared by every sheet: A4 landscape, one page wide (and
 * one page high with one_page), the scenario's name above and page
 * numbers below. */
void book_print_setup(book *b, lxw_worksheet *ws, bool one_page);

/* The flow sheets (flows.c): the title, year, t, rate and discount-factor
 * rows of sheet which; then one target's block of BLOCK_ROWS rows from row
 * r for sex g (FLOW_*), its row recorded in b->block. */
lxw_worksheet *book_flow_sheet(book *b, enum sheet which);
void book_flow_block(book *b, lxw_worksheet *ws, int g, size_t j, lxw_row_t r);

/* The sheets, one file each; each writes b->ws[its sheet]. The flow
 * sheets need the assumptions sheet's rate cells, and the summary the
 * flow sheets' rows: report_xlsx() fills them in that order. */
void sheet_summary(book *b);
void sheet_per_actor(book *b);
void sheet_by_sex(book *b);
void sheet_outcomes(book *b);
void sheet_uncertainty(book *b);
void sheet_assumptions(book *b);
void sheet_method(book *b);
void sheet_data(book *b);

/* The comparison's first sheet, ws, over the figures of every scenario
 * (report_xlsx_compare). */
void sheet_comparison(book *b, const comparison *cmp, lxw_worksheet *ws);

#endif
