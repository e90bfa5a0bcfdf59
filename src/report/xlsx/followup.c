/* followup.c -- the workbook's follow-up sheet (issue #15, "Where it
 * shows"), there when the scenario has [followup]: what the data is; the
 * re-forecast beside the forecast per target; the re-forecast's flows per
 * target and year, the realised years shaded; the savings so far as a
 * chart per target (forecast line, outcome points, re-forecast dashed);
 * the estimated transitions beside the assumed ones; the forecast beside
 * the outcome per state. Figures from model/followup.h, in the words and
 * order of the text summary's section (report/followup.c). Sums, nets,
 * running sums and NPVs are formulas over this sheet's and the per-actor
 * sheet's cells, written with their values; the per-actor sheet and the
 * summary keep the forecast the decision was taken on. */
#include "samkalk/report/xlsx/book.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "samkalk/model/followup.h"

/* The first column of years and of a table's figures; column A holds the
 * labels. */
#define COL_FIG 1

/* Rows of a target's flows under its label's row; with the label and a
 * blank row, FLOW_BLOCK rows a target. */
enum { F_SAVINGS_NOW, F_SAVINGS_WAS, F_NET_NOW, F_NET_WAS, N_FLOW_ROWS };
#define FLOW_BLOCK (N_FLOW_ROWS + 2)
static const word_key flow_words[N_FLOW_ROWS] = {W_FUS_SAVINGS_NOW, W_FUS_SAVINGS_WAS,
                                                 W_FUS_NET_NOW, W_FUS_NET_WAS};
/* Rows of a target's chart data under its label's row; the costs per
 * participant for an actor only. */
enum { C_FORECAST, C_OUTCOME, C_REFORECAST, C_COST_WAS, C_COST_SEEN, N_CHART_ROWS };
static const word_key chart_words[N_CHART_ROWS] = {W_FU_FORECAST, W_FU_OUTCOME, W_FUS_REFORECAST,
                                                   W_FUS_COST_WAS, W_FUS_COST_SEEN};

static const word_key set_words[N_TR] = {W_FU_SET_BASELINE, W_FU_SET_INTERVENTION, W_FU_SET_AFTER};

/* The sheet being written: its book, the follow-up, the first row of each
 * target's flows (the table above them sums those cells) and the formats
 * of a realised year's cells, shaded. */
typedef struct fu_sheet {
	book *b;
	lxw_worksheet *ws;
	const followup_results *u;
	int k; /* years 1..k are realised */
	lxw_row_t flows[SK_MAX_ACTORS + 2];
	lxw_format *real_kr, *real_kr_bold, *real_head, *real_note;
	lxw_format *indent, *right, *ratio;
	lxw_row_t breaks[8]; /* the rows that start a page, 0 after the last */
	size_t n_breaks;
} fu_sheet;

/* A page starts at row r in print. */
static void page_break(fu_sheet *x, lxw_row_t r)
{
	if (x->n_breaks + 1 < sizeof x->breaks / sizeof *x->breaks)
		x->breaks[x->n_breaks++] = r;
}

static lxw_format *shaded(book *b, lxw_format *f, const char *num, bool bold)
{
	if (!f) {
		book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	if (num)
		format_set_num_format(f, num);
	if (bold)
		format_set_bold(f);
	format_set_bg_color(f, 0xDDEBF7);
	return f;
}

static void make_formats(fu_sheet *x)
{
	book *b = x->b;
	x->real_kr = shaded(b, workbook_add_format(b->wb), BOOK_KR_FORMAT, false);
	x->real_kr_bold = shaded(b, workbook_add_format(b->wb), BOOK_KR_FORMAT, true);
	x->real_head = shaded(b, workbook_add_format(b->wb), NULL, true);
	if (x->real_head) { /* as b->fmt.head */
		format_set_align(x->real_head, LXW_ALIGN_RIGHT);
		format_set_bottom(x->real_head, LXW_BORDER_THIN);
	}
	x->real_note = shaded(b, workbook_add_format(b->wb), NULL, false);
	if (x->real_note) { /* as b->fmt.note_right */
		format_set_italic(x->real_note);
		format_set_font_color(x->real_note, 0x595959);
		format_set_align(x->real_note, LXW_ALIGN_RIGHT);
	}
	x->indent = workbook_add_format(b->wb);
	x->right = workbook_add_format(b->wb);
	x->ratio = workbook_add_format(b->wb);
	if (!x->indent || !x->right || !x->ratio) {
		book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	format_set_indent(x->indent, 2);
	format_set_align(x->right, LXW_ALIGN_RIGHT);
	format_set_num_format(x->ratio, "0.00");
}

/* A count as a reader reads it: whole, or with one decimal where a "<5"
 * made it a half (as the text summary writes it). */
static char *count_words(char *buf, size_t n, double v, lang l)
{
	if (v == floor(v))
		return format_amount(buf, n, v, l, false);
	return format_decimal(buf, n, v, 1, l, false);
}

/* Persons in the cohort in year t (from 0): the intakes begun by then
 * times the planned size, as model/followup.c divides the forecast's
 * costs by for its cost per participant. */
static double cohort_persons(const scenario *s, int t)
{
	long in = t + 1 < s->intakes ? t + 1 : s->intakes;
	return (double)s->size * (double)in;
}

/* The sentences under the title, as the text summary's section says them:
 * the data, what was converted or suppressed, the prices and rate, which
 * years are realised and where the baseline comes from. */
static lxw_row_t header_lines(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	const followup_results *u = x->u;
	const followup_data *d = u->data;
	const scenario *s = b->s;
	lxw_worksheet *ws = x->ws;
	lxw_format *f = b->fmt.text;
	char a[64], c[64], e[64], g[64], what[256];
	if (d->shape == FU_PANEL)
		snprintf(what, sizeof what, words(b->l, W_FU_PANEL),
		         format_amount(a, sizeof a, (double)d->rows, b->l, false),
		         format_amount(c, sizeof c, (double)d->persons, b->l, false),
		         count_words(e, sizeof e, d->n_moves, b->l),
		         format_amount(g, sizeof g, (double)d->lost, b->l, false));
	else if (d->shape == FU_MOVES)
		snprintf(what, sizeof what, words(b->l, W_FU_MOVES),
		         format_amount(a, sizeof a, (double)d->rows, b->l, false),
		         count_words(e, sizeof e, d->n_moves, b->l));
	else
		snprintf(what, sizeof what, words(b->l, W_FU_STATES),
		         format_amount(a, sizeof a, (double)d->rows, b->l, false));
	book_strf(b, ws, r++, 0, f, words(b->l, W_FU_DATA), d->path, what);
	if (d->persons_comparison)
		book_strf(b, ws, r++, 0, f, words(b->l, W_FU_COMPARISON),
		          format_amount(a, sizeof a, (double)d->persons_comparison, b->l, false));
	if (d->converted)
		book_str(b, ws, r++, 0, words(b->l, W_FU_CONVERTED), f);
	if (d->n_suppressed)
		book_strf(b, ws, r++, 0, f, words(b->l, W_FU_SUPPRESSED),
		          format_amount(a, sizeof a, (double)d->n_suppressed, b->l, false));
	if (u->observed_persons > u->planned_persons)
		book_strf(b, ws, r++, 0, f, words(b->l, W_FU_MORE_THAN_PLANNED),
		          count_words(a, sizeof a, u->observed_persons, b->l),
		          count_words(c, sizeof c, u->planned_persons, b->l));
	if (u->by_sex_asked && !u->by_sex)
		book_str(b, ws, r++, 0, words(b->l, W_FU_NO_SEX_COLUMN), f);
	bool per_sex = false;
	for (int set = 0; set < N_TR; set++)
		per_sex |= s->tr[set][FOR_WOMEN].line || s->tr[set][FOR_MEN].line;
	if (!u->by_sex && per_sex && u->n_rows)
		book_str(b, ws, r++, 0, words(b->l, W_FU_MIXED), f);
	if (d->shape == FU_STATES)
		book_str(b, ws, r++, 0, words(b->l, W_FU_STATES_ONLY), f);
	char amounts[128], rate[512];
	snprintf(amounts, sizeof amounts, words(b->l, W_AMOUNTS), s->price_year);
	snprintf(rate, sizeof rate, words(b->l, W_RATE),
	         format_rates(what, sizeof what, s->rate_by_year, b->T, b->l),
	         words(b->l, words_of_timing[s->timing]));
	book_strf(b, ws, r++, 0, f, "%s %s", amounts, rate);
	int first = s->start_year, last = s->start_year + b->T - 1, k = x->k;
	if (k == 0)
		book_strf(b, ws, r++, 0, f, words(b->l, W_FU_REFORECAST_NONE), first, last);
	else if (k == b->T)
		book_strf(b, ws, r++, 0, f, words(b->l, W_FU_REFORECAST_ALL), first, last);
	else
		book_strf(b, ws, r++, 0, f, words(b->l, W_FU_REFORECAST), first, first + k - 1,
		          first + k, last);
	book_str(b, ws, r++, 0,
	         words(b->l,
	               u->comparison_baseline ? W_FU_BASELINE_ESTIMATED : W_FU_BASELINE_ASSUMED),
	         f);
	if (s->attribution != 1)
		book_strf(b, ws, r++, 0, f, words(b->l, W_FU_ATTRIBUTED),
		          format_decimal(a, sizeof a, 100 * s->attribution, 0, b->l, false));
	return r + 1;
}

/* A payback as the summary sheet shows it: the year, or words. */
static void payback_cell(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const payback *p)
{
	if (p->status == PAYBACK_REACHED)
		book_num(b, ws, r, c, p->year, b->fmt.year);
	else if (p->status == PAYBACK_NONE)
		book_str(b, ws, r, c, words(b->l, W_NO_INVESTMENT), b->fmt.note_right);
	else
		book_strf(b, ws, r, c, b->fmt.note_right, words(b->l, W_NOT_WITHIN), b->s->years);
}

/* Rows the re-forecast table takes: title, note, header, one per target
 * and a blank. */
static lxw_row_t table_rows(const book *b)
{
	return 3 + (lxw_row_t)b->nt + 1;
}

/* Per target: the savings to the last realised year as forecast and as
 * realised, the optimism, and NPV and payback as forecast and re-forecast.
 * The savings are sums of the flows below, the NPVs those flows' nets
 * times the per-actor sheet's discount factors. */
static lxw_row_t reforecast_table(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	lxw_worksheet *ws = x->ws;
	const followup_results *u = x->u;
	const char *pa = b->quoted[SHEET_PER_ACTOR];
	int k = x->k, last = b->s->start_year + k - 1;
	book_str(b, ws, r++, 0, words(b->l, W_FUS_TABLE_TITLE), b->fmt.bold);
	book_strf(b, ws, r++, 0, b->fmt.note, words(b->l, W_FUS_TABLE_NOTE), b->s->price_year);
	lxw_col_t c = COL_FIG;
	book_str(b, ws, r, 0, words(b->l, W_ACTOR), b->fmt.head_left);
	if (k > 0) {
		book_strf(b, ws, r, c++, b->fmt.head, words(b->l, W_FU_SAVED_FORECAST), last);
		book_strf(b, ws, r, c++, b->fmt.head, words(b->l, W_FUS_SAVED_OUTCOME), last);
		book_str(b, ws, r, c++, words(b->l, W_FUS_OPTIMISM), b->fmt.head);
	}
	book_str(b, ws, r, c++, words(b->l, W_FU_NPV_WAS), b->fmt.head);
	book_str(b, ws, r, c++, words(b->l, W_FUS_NPV_NOW), b->fmt.head);
	book_str(b, ws, r, c++, words(b->l, W_FUS_PAYBACK_WAS), b->fmt.head);
	book_str(b, ws, r, c++, words(b->l, W_FUS_PAYBACK_NOW), b->fmt.head);
	book_keep(b, worksheet_set_row(ws, r, 48, NULL));
	r++;
	char fm[256], range[2][40], a1[16], a2[16];
	lxw_rowcol_to_range_abs(range[1], ROW_FACTOR, COL_FIRST_YEAR, ROW_FACTOR,
	                        (lxw_col_t)(COL_FIRST_YEAR + b->T - 1));
	for (size_t j = 0; j < b->nt; j++, r++) {
		bool total = j >= b->na;
		lxw_format *kr = total ? b->fmt.kr_bold : b->fmt.kr;
		const figures *was = &b->r->fig[j], *now = &u->r->fig[j];
		lxw_row_t fl = x->flows[j] + 1;
		book_str(b, ws, r, 0, book_target_label(b, j), total ? b->fmt.bold : b->fmt.text);
		c = COL_FIG;
		if (k > 0) {
			lxw_rowcol_to_range(range[0], fl + F_SAVINGS_WAS, COL_FIG,
			                    fl + F_SAVINGS_WAS, (lxw_col_t)(COL_FIG + k - 1));
			snprintf(fm, sizeof fm, "=SUM(%s)", range[0]);
			book_formula(b, ws, r, c++, fm, u->forecast_savings[j], kr);
			lxw_rowcol_to_range(range[0], fl + F_SAVINGS_NOW, COL_FIG,
			                    fl + F_SAVINGS_NOW, (lxw_col_t)(COL_FIG + k - 1));
			snprintf(fm, sizeof fm, "=SUM(%s)", range[0]);
			book_formula(b, ws, r, c++, fm, u->realised_savings[j], kr);
			if (isfinite(u->optimism[j])) {
				snprintf(fm, sizeof fm, "=%s/%s", book_ref(a1, r, c - 2),
				         book_ref(a2, r, c - 1));
				book_formula(b, ws, r, c++, fm, u->optimism[j], x->ratio);
			} else {
				book_str(b, ws, r, c++, words(b->l, W_DASH), b->fmt.note_right);
			}
		}
		/* the forecast's NPV as the summary takes it, the re-forecast's
		 * from its nets below */
		snprintf(fm, sizeof fm, "=%s!%s", pa,
		         book_ref(a1, b->block[FLOW_ALL][j] + R_DISC,
		                  (lxw_col_t)(COL_FIRST_YEAR + b->T)));
		book_formula(b, ws, r, c++, fm, was->npv, kr);
		lxw_rowcol_to_range(range[0], fl + F_NET_NOW, COL_FIG, fl + F_NET_NOW,
		                    (lxw_col_t)(COL_FIG + b->T - 1));
		snprintf(fm, sizeof fm, "=SUMPRODUCT(%s,%s!%s)", range[0], pa, range[1]);
		book_formula(b, ws, r, c++, fm, now->npv, kr);
		payback_cell(b, ws, r, c++, &was->nominal);
		payback_cell(b, ws, r, c++, &now->nominal);
	}
	return r + 1;
}

/* The year header of a table of years at row r: "realised" or "projected"
 * above each year, a realised year shaded. */
static void year_header(fu_sheet *x, lxw_row_t r, const char *label)
{
	book *b = x->b;
	char unit[64];
	snprintf(unit, sizeof unit, words(b->l, W_UNIT_KR_PRICES), b->s->price_year);
	book_strf(b, x->ws, r + 1, 0, b->fmt.head_left, "%s (%s)", label, unit);
	for (int t = 0; t < b->T; t++) {
		bool real = x->u->realised[t];
		lxw_col_t c = (lxw_col_t)(COL_FIG + t);
		book_str(b, x->ws, r, c, words(b->l, real ? W_FUS_REALISED : W_FUS_PROJECTED),
		         real ? x->real_note : b->fmt.note_right);
		book_num(b, x->ws, r + 1, c, b->s->start_year + t,
		         real ? x->real_head : b->fmt.head);
	}
}

static lxw_format *year_format(const fu_sheet *x, int t, bool bold)
{
	if (x->u->realised[t])
		return bold ? x->real_kr_bold : x->real_kr;
	return bold ? x->b->fmt.kr_bold : x->b->fmt.kr;
}

/* Target j's flows at row r (its label) and the four rows below: the
 * re-forecast's savings (a total's: the sum of its actors' cells above)
 * and net, and the forecast's from the per-actor sheet. */
static void flows_block(fu_sheet *x, size_t j, lxw_row_t r)
{
	book *b = x->b;
	lxw_worksheet *ws = x->ws;
	const char *pa = b->quoted[SHEET_PER_ACTOR];
	bool total = j >= b->na;
	lxw_row_t blk = b->block[FLOW_ALL][j], fl = r + 1;
	x->flows[j] = r;
	book_str(b, ws, r, 0, book_target_label(b, j), b->fmt.bold);
	for (int i = 0; i < N_FLOW_ROWS; i++)
		book_str(b, ws, fl + (lxw_row_t)i, 0, words(b->l, flow_words[i]), x->indent);
	for (int t = 0; t < b->T; t++) {
		lxw_col_t c = (lxw_col_t)(COL_FIG + t), pc = (lxw_col_t)(COL_FIRST_YEAR + t);
		lxw_format *f = year_format(x, t, total);
		const flow_figures *now = results_flow(x->u->r, j, FLOW_ALL, t);
		const flow_figures *was = results_flow(b->r, j, FLOW_ALL, t);
		char fm[2048], a1[16], a2[16];
		if (!total) {
			book_num(b, ws, fl + F_SAVINGS_NOW, c, now->savings, f);
		} else {
			size_t used = 0;
			for (size_t a = 0; a < b->na && used < sizeof fm - 16; a++)
				if (b->r->in_target[j * b->na + a])
					used += (size_t)snprintf(
					        fm + used, sizeof fm - used, "%c%s",
					        used ? '+' : '=',
					        book_ref(a1, x->flows[a] + 1 + F_SAVINGS_NOW, c));
			if (used)
				book_formula(b, ws, fl + F_SAVINGS_NOW, c, fm, now->savings, f);
			else /* a total of no actors */
				book_num(b, ws, fl + F_SAVINGS_NOW, c, 0, f);
		}
		snprintf(fm, sizeof fm, "=%s!%s", pa, book_ref(a1, blk + R_SAVINGS, pc));
		book_formula(b, ws, fl + F_SAVINGS_WAS, c, fm, was->savings, f);
		snprintf(fm, sizeof fm, "=%s-%s!%s", book_ref(a1, fl + F_SAVINGS_NOW, c), pa,
		         book_ref(a2, blk + R_INVEST, pc));
		book_formula(b, ws, fl + F_NET_NOW, c, fm, now->net, f);
		snprintf(fm, sizeof fm, "=%s!%s", pa, book_ref(a1, blk + R_NET, pc));
		book_formula(b, ws, fl + F_NET_WAS, c, fm, was->net, f);
	}
}

static lxw_row_t flows_section(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	page_break(x, r);
	book_str(b, x->ws, r++, 0, words(b->l, W_FUS_FLOWS_TITLE), b->fmt.bold);
	book_strf(b, x->ws, r++, 0, b->fmt.note, words(b->l, W_FUS_FLOWS_NOTE), b->s->price_year);
	year_header(x, r, words(b->l, W_ITEM));
	r += 2;
	for (size_t j = 0; j < b->nt; j++, r += FLOW_BLOCK)
		flows_block(x, j, r);
	return r;
}

/* Whether target j gets a chart: it has a saving in some year, forecast
 * or re-forecast; society only where it is not the public sector. */
static bool charted(const fu_sheet *x, size_t j)
{
	const book *b = x->b;
	if (j == TARGET_SOCIETY(b->na) && b->r->fig[j].npv == b->r->fig[j - 1].npv &&
	    x->u->r->fig[j].npv == x->u->r->fig[j - 1].npv)
		return false;
	for (int t = 0; t < b->T; t++)
		if (results_flow(b->r, j, FLOW_ALL, t)->savings != 0 ||
		    results_flow(x->u->r, j, FLOW_ALL, t)->savings != 0)
			return true;
	return false;
}

/* Target j's chart data at row r (its label) and the rows below: the
 * savings so far as forecast, as realised and as re-forecast from the last
 * realised year on, running sums of the flows above; for an actor also
 * the cost per participant as forecast and as observed. Returns the next
 * free row. */
static lxw_row_t chart_data(fu_sheet *x, size_t j, lxw_row_t r)
{
	book *b = x->b;
	lxw_worksheet *ws = x->ws;
	const followup_results *u = x->u;
	int n = j < b->na ? N_CHART_ROWS : C_COST_WAS;
	lxw_row_t fl = x->flows[j] + 1, d = r + 1;
	book_str(b, ws, r, 0, book_target_label(b, j), b->fmt.bold);
	for (int i = 0; i < n; i++)
		book_str(b, ws, d + (lxw_row_t)i, 0, words(b->l, chart_words[i]), x->indent);
	double was = 0, now = 0;
	int from = x->k > 0 ? x->k - 1 : 0; /* the re-forecast's line starts at the last outcome */
	for (int t = 0; t < b->T; t++) {
		lxw_col_t c = (lxw_col_t)(COL_FIG + t);
		lxw_format *f = year_format(x, t, false);
		char fm[128], a1[16], a2[16], range[40];
		was += results_flow(b->r, j, FLOW_ALL, t)->savings;
		now += results_flow(u->r, j, FLOW_ALL, t)->savings;
		if (t == 0)
			snprintf(fm, sizeof fm, "=%s", book_ref(a1, fl + F_SAVINGS_WAS, c));
		else
			snprintf(fm, sizeof fm, "=%s+%s", book_ref(a1, d + C_FORECAST, c - 1),
			         book_ref(a2, fl + F_SAVINGS_WAS, c));
		book_formula(b, ws, d + C_FORECAST, c, fm, was, f);
		if (t < x->k) {
			if (t == 0)
				snprintf(fm, sizeof fm, "=%s", book_ref(a1, fl + F_SAVINGS_NOW, c));
			else
				snprintf(fm, sizeof fm, "=%s+%s",
				         book_ref(a1, d + C_OUTCOME, c - 1),
				         book_ref(a2, fl + F_SAVINGS_NOW, c));
			book_formula(b, ws, d + C_OUTCOME, c, fm, now, f);
		}
		if (t == from) {
			lxw_rowcol_to_range(range, fl + F_SAVINGS_NOW, COL_FIG, fl + F_SAVINGS_NOW,
			                    c);
			snprintf(fm, sizeof fm, "=SUM(%s)", range);
			book_formula(b, ws, d + C_REFORECAST, c, fm, now, f);
		} else if (t > from) {
			snprintf(fm, sizeof fm, "=%s+%s", book_ref(a1, d + C_REFORECAST, c - 1),
			         book_ref(a2, fl + F_SAVINGS_NOW, c));
			book_formula(b, ws, d + C_REFORECAST, c, fm, now, f);
		}
		if (j >= b->na)
			continue;
		/* the forecast's cost per participant: the follow-up's in the
		 * realised years, beyond them the same quotient of the forecast */
		double cost = t < x->k ? u->forecast_per_participant[(size_t)t * b->na + j]
		                       : *flows_cost(b->f, ARM_INTERVENTION, FLOW_ALL, t, j) /
		                                 cohort_persons(b->s, t);
		book_num(b, ws, d + C_COST_WAS, c, cost, f);
		if (t < x->k)
			book_num(b, ws, d + C_COST_SEEN, c,
			         u->observed_per_participant[(size_t)t * b->na + j], f);
	}
	return d + (lxw_row_t)n + 1;
}

/* One target's chart at (at, 0) moved right by x_offset pixels, over its
 * data at row d (the forecast's row) and the years at row years. */
static void chart_one(fu_sheet *x, size_t j, lxw_row_t d, lxw_row_t years, lxw_row_t at,
                      int x_offset)
{
	book *b = x->b;
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_LINE);
	if (!ch) {
		book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	const char *sheet = b->name[SHEET_FOLLOWUP];
	lxw_col_t last = (lxw_col_t)(COL_FIG + b->T - 1);
	/* the forecast a line, the outcome points without a line, the
	 * re-forecast dashed; an empty cell is a gap */
	const int rows[3] = {C_FORECAST, C_OUTCOME, C_REFORECAST};
	for (int i = 0; i < 3; i++) {
		if ((rows[i] == C_OUTCOME && x->k == 0) ||
		    (rows[i] == C_REFORECAST && x->k == b->T))
			continue; /* nothing realised, or nothing left to project */
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		lxw_row_t row = d + (lxw_row_t)rows[i];
		chart_series_set_categories(se, sheet, years, COL_FIG, years, last);
		chart_series_set_values(se, sheet, row, COL_FIG, row, last);
		chart_series_set_name_range(se, sheet, row, 0);
		if (rows[i] == C_OUTCOME) {
			lxw_chart_line none = {.none = LXW_TRUE};
			lxw_chart_fill dot = {.color = 0xC0504D};
			lxw_chart_line rim = {.color = 0xC0504D};
			chart_series_set_line(se, &none);
			chart_series_set_marker_type(se, LXW_CHART_MARKER_CIRCLE);
			chart_series_set_marker_size(se, 8);
			chart_series_set_marker_fill(se, &dot);
			chart_series_set_marker_line(se, &rim);
		} else {
			lxw_chart_line line = {.color = rows[i] == C_FORECAST ? 0x4F81BD : 0xC0504D,
			                       .width = 2.25,
			                       .dash_type = rows[i] == C_FORECAST
			                                            ? LXW_CHART_LINE_DASH_SOLID
			                                            : LXW_CHART_LINE_DASH_DASH};
			chart_series_set_line(se, &line);
			chart_series_set_marker_type(se, LXW_CHART_MARKER_NONE);
		}
	}
	/* The forecast's 90 % band belongs here, as an area between its low
	 * and high edge under the line, once the follow-up carries intervals
	 * of the savings (fu_outcome.lo and hi, of the shares, are NaN
	 * without draws today). */
	char title[256];
	snprintf(title, sizeof title, words(b->l, W_FUS_CHART_NAME), book_target_label(b, j));
	chart_title_set_name(ch, title);
	lxw_chart_font tf = {.size = 10, .bold = LXW_TRUE};
	chart_title_set_name_font(ch, &tf);
	chart_axis_set_num_format(ch->y_axis, "#,##0;\"\xe2\x88\x92\"#,##0;0");
	chart_axis_set_label_position(ch->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	lxw_chart_line zero = {.color = LXW_COLOR_BLACK, .width = 1};
	chart_axis_set_line(ch->x_axis, &zero);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = {.x_offset = x_offset, .y_offset = 4, .x_scale = 1, .y_scale = 1};
	book_keep(b, worksheet_insert_chart_opt(x->ws, at, 0, ch, &opt));
}

/* Rows a chart takes: 288 pixels at 20 a row, and a blank one. */
#define CHART_ROWS 16

/* The charts two to a row, then their data: the public sector first
 * (what the committee reads first), then society where it differs, then
 * the actors with a saving. The data starts a page of its own.
 *
 * What the charts show: the savings so far, not the cost per participant.
 * The cost per participant of an actor is large beside the forecast's
 * error (Kommunen in the bundled example: 110 000 kr forecast, 112 000
 * observed), so the points sit on the line and say nothing at a glance,
 * and a payer whose participants bring in more than they cost (Staten)
 * has a negative cost a nämnd reads with difficulty. The savings are the
 * difference those costs make, in the figure the table above calls the
 * realised savings: the gap between line and points is the optimism, and
 * the dashed line shows where the re-forecast now leads. The costs per
 * participant are in the data rows. */
static lxw_row_t chart_section(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	book_str(b, x->ws, r++, 0, words(b->l, W_FUS_CHART_TITLE), b->fmt.bold);
	book_str(b, x->ws, r++, 0, words(b->l, W_FUS_CHART_NOTE), b->fmt.note);
	size_t order[SK_MAX_ACTORS + 2], n = 0;
	for (size_t i = 0; i < b->nt; i++) {
		size_t j = i < 2 ? b->na + i : i - 2; /* the totals first */
		if (charted(x, j))
			order[n++] = j;
	}
	lxw_row_t charts = r, d = r + (lxw_row_t)((n + 1) / 2) * CHART_ROWS;
	page_break(x, d);
	book_str(b, x->ws, d++, 0, words(b->l, W_FUS_CHART_DATA), b->fmt.bold);
	lxw_row_t years = d + 1;
	year_header(x, d, words(b->l, W_FU_YEAR));
	d += 2;
	for (size_t i = 0; i < n; i++) {
		chart_one(x, order[i], d + 1, years, charts + (lxw_row_t)(i / 2) * CHART_ROWS,
		          i % 2 ? 500 : 0);
		d = chart_data(x, order[i], d);
	}
	return d;
}

/* The estimated rows of one matrix and sex beside the assumed ones: a
 * from-state's row, then each move assumed or observed from it; the rows
 * without moves, which keep the assumption, listed below. */
static lxw_row_t rows_table(fu_sheet *x, int set, int sex, bool first, lxw_row_t r)
{
	book *b = x->b;
	lxw_worksheet *ws = x->ws;
	const followup_results *u = x->u;
	const profile *p = b->p;
	char head[512], weight[32], a[64], c[64], kept[512];
	snprintf(head, sizeof head, "%s%s%s", words(b->l, set_words[set]),
	         sex == FLOW_ALL ? "" : ", ",
	         sex == FLOW_ALL ? "" : words(b->l, words_of_sex[sex]));
	book_strf(b, ws, r++, 0, b->fmt.bold, words(b->l, W_FU_ESTIMATE_TITLE), head,
	          format_decimal(weight, sizeof weight, u->prior_weight,
	                         u->prior_weight == floor(u->prior_weight) ? 0 : 1, b->l, false));
	if (first)
		book_str(b, ws, r++, 0, words_format(head, sizeof head, b->l, W_FUS_ROWS_NOTE),
		         b->fmt.note);
	book_str(b, ws, r, 0, words(b->l, W_FUS_FROM_TO), b->fmt.head_left);
	book_str(b, ws, r, 1, words(b->l, W_FUS_MOVES), b->fmt.head);
	book_str(b, ws, r, 2, words(b->l, W_FU_ASSUMED), b->fmt.head);
	book_str(b, ws, r, 3, words(b->l, W_FU_ESTIMATE), b->fmt.head);
	book_str(b, ws, r, 4, words_format(head, sizeof head, b->l, W_FUS_LOW), b->fmt.head);
	book_str(b, ws, r, 5, words_format(head, sizeof head, b->l, W_FUS_HIGH), b->fmt.head);
	book_keep(b, worksheet_set_row(ws, r, 48, NULL));
	r++;
	size_t used = 0;
	kept[0] = '\0';
	for (size_t i = 0; i < u->n_rows; i++) {
		const fu_row *row = &u->rows[i];
		if (row->set != set || row->sex != sex)
			continue;
		if (row->kept) {
			used += (size_t)snprintf(kept + used,
			                         used < sizeof kept ? sizeof kept - used : 0,
			                         "%s%s", used ? ", " : "", p->states[row->from].id);
			used = used < sizeof kept ? used : sizeof kept - 1;
			continue;
		}
		book_str(b, ws, r++, 0, p->states[row->from].label, b->fmt.bold);
		for (size_t k = 0; k < p->n_states; k++) {
			if (row->assumed[k] == 0 && row->observed[k] == 0)
				continue;
			book_str(b, ws, r, 0, p->states[k].label, x->indent);
			book_strf(b, ws, r, 1, x->right, "%s/%s",
			          count_words(a, sizeof a, row->observed[k], b->l),
			          count_words(c, sizeof c, row->n, b->l));
			book_num(b, ws, r, 2, row->assumed[k], b->fmt.pct);
			book_num(b, ws, r, 3, row->estimate[k], b->fmt.pct);
			book_num(b, ws, r, 4, row->lo[k], b->fmt.pct);
			book_num(b, ws, r, 5, row->hi[k], b->fmt.pct);
			r++;
		}
	}
	if (kept[0])
		book_strf(b, ws, r++, 0, b->fmt.note, words(b->l, W_FU_KEPT), kept);
	return r + 1;
}

/* The forecast beside the outcome, per intake and year: every state
 * someone is forecast in or seen in. */
static lxw_row_t outcome_table(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	lxw_worksheet *ws = x->ws;
	const followup_results *u = x->u;
	book_str(b, ws, r++, 0, words(b->l, W_FUS_OUTCOME_TITLE), b->fmt.bold);
	book_str(b, ws, r++, 0, words(b->l, W_FUS_OUTCOME_NOTE), b->fmt.note);
	book_str(b, ws, r, 0, words(b->l, W_STATE), b->fmt.head_left);
	book_str(b, ws, r, 1, words(b->l, W_FU_FORECAST), b->fmt.head);
	book_str(b, ws, r, 2, words(b->l, W_FU_OUTCOME), b->fmt.head);
	book_str(b, ws, r, 3, words(b->l, W_FU_COUNT), b->fmt.head);
	r++;
	int intake = -1, year = -1;
	for (size_t i = 0; i < u->n_outcome; i++) {
		const fu_outcome *o = &u->outcome[i];
		if (o->forecast < 0.005 && o->count == 0)
			continue;
		if (o->intake != intake || o->year != year) {
			intake = o->intake;
			year = o->year;
			book_strf(b, ws, r++, 0, b->fmt.bold, words(b->l, W_FUS_OUTCOME_GROUP),
			          o->year, o->year - o->t);
		}
		book_str(b, ws, r, 0, b->p->states[o->state].label, x->indent);
		book_num(b, ws, r, 1, o->forecast, b->fmt.pct);
		book_num(b, ws, r, 2, o->observed, b->fmt.pct);
		book_num(b, ws, r, 3, o->count, NULL);
		r++;
	}
	return r + 1;
}

/* Column A's width: its longest label, a state's indented; only the
 * states the tables show. */
static double label_width(const fu_sheet *x)
{
	const book *b = x->b;
	const followup_results *u = x->u;
	size_t w = 0;
#define WIDEN(s, extra) w = format_width(s) + (extra) > w ? format_width(s) + (extra) : w
	for (size_t j = 0; j < b->nt; j++)
		WIDEN(book_target_label(b, j), 0);
	for (int i = 0; i < N_CHART_ROWS; i++)
		WIDEN(words(b->l, chart_words[i]), 3);
	for (size_t i = 0; i < u->n_rows; i++) {
		const fu_row *row = &u->rows[i];
		if (row->kept)
			continue;
		WIDEN(b->p->states[row->from].label, 0);
		for (size_t k = 0; k < b->ns; k++)
			if (row->assumed[k] > 0 || row->observed[k] > 0)
				WIDEN(b->p->states[k].label, 3);
	}
	for (size_t i = 0; i < u->n_outcome; i++)
		if (u->outcome[i].forecast >= 0.005 || u->outcome[i].count != 0)
			WIDEN(b->p->states[u->outcome[i].state].label, 3);
#undef WIDEN
	w += 2;
	return w < 30 ? 30 : w > 60 ? 60 : (double)w;
}

void sheet_followup(book *b)
{
	fu_sheet x = {.b = b, .ws = b->ws[SHEET_FOLLOWUP], .u = b->c->fu};
	x.k = x.u->realised_years;
	make_formats(&x);
	if (b->err)
		return;
	lxw_worksheet *ws = x.ws;
	book_str(b, ws, 0, 0, words(b->l, W_FUS_TITLE), b->fmt.title);
	book_str(b, ws, 1, 0, words(b->l, W_FUS_NOTE), b->fmt.note);
	lxw_row_t r = header_lines(&x, 3);
	/* the table sums the flows below it: their rows first */
	lxw_row_t flows_at = r + table_rows(b);
	lxw_row_t after = flows_section(&x, flows_at);
	page_break(&x, after);
	reforecast_table(&x, r);
	r = chart_section(&x, after);
	page_break(&x, r);
	bool first = true;
	for (int set = 0; set < N_TR; set++) {
		if (!x.u->estimated[set])
			continue;
		for (int g = x.u->by_sex ? 0 : FLOW_ALL; g < (x.u->by_sex ? N_SEX : FLOW_ALL + 1);
		     g++) {
			r = rows_table(&x, set, g, first, r);
			first = false;
		}
	}
	outcome_table(&x, r);
	worksheet_set_column(ws, 0, 0, label_width(&x), NULL);
	lxw_col_t last = (lxw_col_t)(COL_FIG + (b->T > 7 ? b->T : 7) - 1);
	worksheet_set_column(ws, COL_FIG, last, 15, NULL);
	book_print_setup(b, ws, false);
	book_keep(b, worksheet_set_h_pagebreaks(ws, x.breaks));
}
