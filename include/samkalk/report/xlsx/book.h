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
#include "samkalk/report/words.h"
#include "samkalk/vary/calc.h"
#include "samkalk/vary/compare.h"

/* The sheets of a scenario's workbook, in the workbook's order. The
 * uncertainty sheet is there only when the calculation has [sensitivity]
 * or [uncertainty] inputs, the follow-up sheet only with [followup]; a
 * comparison copies the first two. */
enum sheet {
	SHEET_SUMMARY,
	SHEET_PER_ACTOR,
	SHEET_BY_SEX,
	SHEET_OUTCOMES,
	SHEET_UNCERTAINTY,
	SHEET_FOLLOWUP,
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

/* The number format of amounts in kr: negative in red with a true minus
 * sign (U+2212). */
#define BOOK_KR_FORMAT "#,##0;[Red]\"\xe2\x88\x92\"#,##0;0"

/* A workbook being written: the calculation it shows, its formats, its
 * sheets and where on them the cells others refer to are. */
typedef struct book {
	const calc *c;
	const scenario *s;
	const profile *p;
	const results *r;
	const flows *f;
	lang l; /* of the words (words.h) */
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
 * sheets need the assumptions sheet's rate cells, and the summary and the
 * follow-up the per-actor sheet's rows: report_xlsx() fills the
 * assumptions first, the summary last and the others between them in enum
 * sheet's order. */
void sheet_summary(book *b);
void sheet_per_actor(book *b);
void sheet_by_sex(book *b);
void sheet_outcomes(book *b);
void sheet_uncertainty(book *b);
void sheet_followup(book *b);
void sheet_assumptions(book *b);
void sheet_method(book *b);
void sheet_data(book *b);

/* The comparison's first sheet, ws, over the figures of every scenario
 * (report_xlsx_compare). */
void sheet_comparison(book *b, const comparison *cmp, lxw_worksheet *ws);

#endif
