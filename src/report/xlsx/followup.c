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
 * summary keep the forecast the decision was taken on. In print each
 * section starts a page and no target, chart or group of rows is split
 * across two; a table's header is repeated on the page it continues on. */
#include "samkalk/report/xlsx/book.h"

#include "samkalk/vary/uncertainty.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "samkalk/model/followup.h"
#include "samkalk/report/report.h"

/* The first column of years and of a table's figures; column A holds the
 * labels. FIG_WIDTH: the width of a column of figures, in characters. */
#define COL_FIG   1
#define FIG_WIDTH 15

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

/* Rows a chart takes: 260 pixels (0.9 of libxlsxwriter's 288) at 20 a
 * row, and a blank one. */
#define CHART_ROWS 14
#define N_BREAKS   64

/* The sheet being written: its book, the follow-up, the first row of each
 * target's flows (the table above them sums those cells), the formats of
 * a realised year's cells (shaded) and of sentences, and the print's
 * pages. */
typedef struct fu_sheet {
	book *b;
	lxw_worksheet *ws;
	const followup_results *u;
	int k; /* years 1..k are realised */
	lxw_row_t flows[SK_MAX_ACTORS + 2];
	lxw_format *real_kr, *real_kr_bold, *real_head, *real_note;
	lxw_format *indent, *right, *ratio, *text_wrap, *note_wrap, *head_center;
	double label_width; /* of column A, in characters */
	lxw_col_t last;     /* the last column of figures: sentences span A to it */
	double chars;       /* the characters a line of A to last holds */
	/* print: the rows that start a page (0 after the last), the row the
	 * current page starts at, the rows it has beyond one each, and the
	 * rows a page holds */
	lxw_row_t breaks[N_BREAKS];
	size_t n_breaks;
	lxw_row_t top;
	double extra, page;
} fu_sheet;

/* A page starts at row r in print. */
static void page_break(fu_sheet *x, lxw_row_t r)
{
	if (x->n_breaks + 1 < N_BREAKS)
		x->breaks[x->n_breaks++] = r;
	x->top = r;
	x->extra = 0;
}

/* Whether rows r .. r + h - 1 (h in rows of the default height) would
 * run past the current page; then a page starts at r. Returns whether it
 * did. */
static bool keep(fu_sheet *x, lxw_row_t r, double h)
{
	if (r <= x->top || (double)(r - x->top) + x->extra + h <= x->page)
		return false;
	page_break(x, r);
	return true;
}

/* Row r as high as lines rows of the default 15 points. */
static void tall(fu_sheet *x, lxw_row_t r, double lines)
{
	book_keep(x->b, worksheet_set_row(x->ws, r, 15 * lines, NULL));
	if (r >= x->top)
		x->extra += lines - 1;
}

/* Sentence s at row r, across the columns of figures and wrapped, the row
 * as high as its lines; returns the next row. */
static lxw_row_t sentence(fu_sheet *x, lxw_row_t r, const char *s, lxw_format *f)
{
	book_keep(x->b, worksheet_merge_range(x->ws, r, 0, r, x->last, s, f));
	/* italic and proportional text runs about 0.9 of a column's character */
	double lines = ceil(0.9 * (double)format_width(s) / x->chars);
	if (lines > 1)
		tall(x, r, lines);
	return r + 1;
}

static lxw_row_t sentencef(fu_sheet *x, lxw_row_t r, lxw_format *f, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
static lxw_row_t sentencef(fu_sheet *x, lxw_row_t r, lxw_format *f, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return sentence(x, r, buf, f);
}

static lxw_format *add_format(book *b)
{
	lxw_format *f = workbook_add_format(b->wb);
	if (!f)
		book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	return f;
}

/* A realised year's cell: shaded, bold or with number format num. */
static lxw_format *shaded(book *b, const char *num, bool bold)
{
	lxw_format *f = add_format(b);
	if (!f)
		return NULL;
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
	x->real_kr = shaded(b, BOOK_KR_FORMAT, false);
	x->real_kr_bold = shaded(b, BOOK_KR_FORMAT, true);
	x->real_head = shaded(b, NULL, true);
	x->real_note = shaded(b, NULL, false);
	x->indent = add_format(b);
	x->right = add_format(b);
	x->ratio = add_format(b);
	x->text_wrap = add_format(b);
	x->note_wrap = add_format(b);
	x->head_center = add_format(b);
	if (b->err)
		return;
	/* as b->fmt.head and b->fmt.note_right */
	format_set_align(x->real_head, LXW_ALIGN_RIGHT);
	format_set_bottom(x->real_head, LXW_BORDER_THIN);
	format_set_italic(x->real_note);
	format_set_font_color(x->real_note, 0x595959);
	format_set_align(x->real_note, LXW_ALIGN_RIGHT);
	format_set_indent(x->indent, 2);
	format_set_align(x->right, LXW_ALIGN_RIGHT);
	format_set_num_format(x->ratio, "0.00");
	format_set_text_wrap(x->text_wrap);
	format_set_align(x->text_wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(x->note_wrap); /* as b->fmt.note */
	format_set_align(x->note_wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_italic(x->note_wrap);
	format_set_font_color(x->note_wrap, 0x595959);
	format_set_bold(x->head_center); /* a heading over two columns */
	format_set_align(x->head_center, LXW_ALIGN_CENTER);
	format_set_bottom(x->head_center, LXW_BORDER_THIN);
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
	lxw_format *f = x->text_wrap;
	char a[64], c[64], e[64], g[64], what[256], amounts[128], rate[512];
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
	r = sentencef(x, r, f, words(b->l, W_FU_DATA), d->path, what);
	if (d->persons_comparison)
		r = sentencef(
		        x, r, f, words(b->l, W_FU_COMPARISON),
		        format_amount(a, sizeof a, (double)d->persons_comparison, b->l, false));
	if (d->converted)
		r = sentence(x, r, words(b->l, W_FU_CONVERTED), f);
	if (d->n_suppressed)
		r = sentencef(x, r, f, words(b->l, W_FU_SUPPRESSED),
		              format_amount(a, sizeof a, (double)d->n_suppressed, b->l, false));
	if (u->observed_persons > u->planned_persons)
		r = sentencef(x, r, f, words(b->l, W_FU_MORE_THAN_PLANNED),
		              count_words(a, sizeof a, u->observed_persons, b->l),
		              count_words(c, sizeof c, u->planned_persons, b->l));
	if (u->by_sex_asked && !u->by_sex)
		r = sentence(x, r, words(b->l, W_FU_NO_SEX_COLUMN), f);
	if (u->mixed)
		r = sentence(x, r, words(b->l, W_FU_MIXED), f);
	if (d->shape == FU_STATES)
		r = sentence(x, r, words(b->l, W_FU_STATES_ONLY), f);
	snprintf(amounts, sizeof amounts, words(b->l, W_AMOUNTS), s->price_year);
	snprintf(rate, sizeof rate, words(b->l, W_RATE),
	         format_rates(what, sizeof what, s->rate_by_year, b->T, b->l),
	         words(b->l, words_of_timing[s->timing]));
	r = sentencef(x, r, f, "%s %s", amounts, rate);
	char reforecast[512], baseline[256];
	report_followup_sentences(b->c, b->l, reforecast, sizeof reforecast, baseline,
	                          sizeof baseline);
	r = sentence(x, r, reforecast, f);
	r = sentence(x, r, baseline, f);
	if (s->attribution != 1)
		r = sentencef(x, r, f, words(b->l, W_FU_ATTRIBUTED),
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
	r = sentencef(x, r, x->note_wrap, words(b->l, W_FUS_TABLE_NOTE), b->s->price_year);
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
	const unc_results *mc = b->c->u && b->c->u->fu_stats ? b->c->u : NULL;
	if (mc) { /* the Monte Carlo before and after the follow-up */
		book_str(b, ws, r, c++, words(b->l, W_FUS_CHANCE_WAS), b->fmt.head);
		book_str(b, ws, r, c++, words(b->l, W_FUS_CHANCE_NOW), b->fmt.head);
	}
	tall(x, r++, 3);
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
		if (mc) {
			book_num(b, ws, r, c++, mc->stats[j].p_positive, b->fmt.pct);
			book_num(b, ws, r, c++, mc->fu_stats[j].p_positive, b->fmt.pct);
		}
	}
	return r + 1;
}

/* The year header of a table of years at row r and r + 1: "realised" or
 * "projected" above each year, a realised year shaded. Returns the row
 * after it. */
static lxw_row_t year_header(fu_sheet *x, lxw_row_t r, const char *label)
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
	return r + 2;
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

/* The re-forecast's flows from row r, a page of their own; the year
 * header again above a target that starts a page. */
static lxw_row_t flows_section(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	page_break(x, r);
	book_str(b, x->ws, r++, 0, words(b->l, W_FUS_FLOWS_TITLE), b->fmt.bold);
	r = sentencef(x, r, x->note_wrap, words(b->l, W_FUS_FLOWS_NOTE), b->s->price_year);
	r = year_header(x, r, words(b->l, W_ITEM));
	for (size_t j = 0; j < b->nt; j++, r += FLOW_BLOCK) {
		if (keep(x, r, FLOW_BLOCK - 1))
			r = year_header(x, r, words(b->l, W_ITEM));
		flows_block(x, j, r);
	}
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

/* Rows of target j's chart data: its label's and the rows below. */
static int chart_rows(const fu_sheet *x, size_t j)
{
	return j < x->b->na ? N_CHART_ROWS : C_COST_WAS;
}

/* Target j's chart data at row r (its label) and the rows below: the
 * savings so far as forecast, as realised and as re-forecast from the last
 * realised year on, running sums of the flows above; for an actor also
 * the cost per participant as forecast and as observed. */
static void chart_data(fu_sheet *x, size_t j, lxw_row_t r)
{
	book *b = x->b;
	lxw_worksheet *ws = x->ws;
	const followup_results *u = x->u;
	int n = chart_rows(x, j);
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
	lxw_chart_options opt = {.x_offset = x_offset, .y_offset = 4, .x_scale = 1, .y_scale = 0.9};
	book_keep(b, worksheet_insert_chart_opt(x->ws, at, 0, ch, &opt));
}

/* The charts two to a row from row r, a page of their own, then their
 * data: the public sector first (what the committee reads first), then
 * society where it differs, then the actors with a saving.
 *
 * What the charts show: the savings so far, not the cost per participant.
 * The cost per participant of an actor is large beside the forecast's
 * error (Kommunen in the bundled example: 110 000 kr forecast, 112 000
 * observed), so the points sit on the line and say nothing at a glance,
 * and a payer whose participants bring in more than they cost (Staten,
 * Regionen) has a negative cost a nämnd reads with difficulty; nor has
 * the public sector a cost per participant of its own. The savings are
 * the difference those costs make, in the figure the table above calls
 * the realised savings: the gap between line and points is the optimism,
 * and the dashed line shows where the re-forecast now leads. The costs
 * per participant are in the data rows. */
static lxw_row_t chart_section(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	page_break(x, r);
	book_str(b, x->ws, r++, 0, words(b->l, W_FUS_CHART_TITLE), b->fmt.bold);
	r = sentence(x, r, words(b->l, W_FUS_CHART_NOTE), x->note_wrap);
	size_t order[SK_MAX_ACTORS + 2], n = 0;
	lxw_row_t at[SK_MAX_ACTORS + 3], data[SK_MAX_ACTORS + 2];
	for (size_t i = 0; i < b->nt; i++) {
		size_t j = i < 2 ? b->na + i : i - 2; /* the totals first */
		if (charted(x, j))
			order[n++] = j;
	}
	if (n == 0) /* nobody saves or loses anything in any year */
		return r;
	for (size_t i = 0; i < n; i += 2, r += CHART_ROWS) {
		keep(x, r, CHART_ROWS);
		at[i] = at[i + 1] = r;
	}
	/* the data: its title and header kept with the first target */
	keep(x, r, 3 + chart_rows(x, order[0]));
	book_str(b, x->ws, r++, 0, words(b->l, W_FUS_CHART_DATA), b->fmt.bold);
	lxw_row_t years = r + 1;
	r = year_header(x, r, words(b->l, W_FU_YEAR));
	for (size_t i = 0; i < n; i++) {
		if (keep(x, r, chart_rows(x, order[i])))
			r = year_header(x, r, words(b->l, W_FU_YEAR));
		data[i] = r + 1;
		chart_data(x, order[i], r);
		r += (lxw_row_t)chart_rows(x, order[i]) + 1;
	}
	for (size_t i = 0; i < n; i++)
		chart_one(x, order[i], data[i], years, at[i], i % 2 ? 500 : 0);
	return r;
}

/* The header of a table of estimated rows at row r and r + 1, the
 * interval's two columns under one heading; returns the next row. */
static lxw_row_t rows_header(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	lxw_worksheet *ws = x->ws;
	char head[64];
	book_keep(b, worksheet_merge_range(ws, r, 4, r, 5,
	                                   words_format(head, sizeof head, b->l, W_FU_INTERVAL),
	                                   x->head_center));
	r++;
	book_str(b, ws, r, 0, words(b->l, W_FUS_FROM_TO), b->fmt.head_left);
	book_str(b, ws, r, 1, words(b->l, W_FUS_MOVES), b->fmt.head);
	book_str(b, ws, r, 2, words(b->l, W_FU_ASSUMED), b->fmt.head);
	book_str(b, ws, r, 3, words(b->l, W_FU_ESTIMATE), b->fmt.head);
	book_str(b, ws, r, 4, words(b->l, W_FUS_LOW), b->fmt.head);
	book_str(b, ws, r, 5, words(b->l, W_FUS_HIGH), b->fmt.head);
	tall(x, r, 3);
	return r + 1;
}

/* The moves shown of a row: those assumed or observed. */
static bool shown(const fu_row *row, size_t k)
{
	return row->assumed[k] > 0 || row->observed[k] > 0;
}

/* The estimated rows of one matrix and sex beside the assumed ones from
 * row r: a from-state's row, then each move shown from it; the rows
 * without moves, which keep the assumption, listed below. The note under
 * the first table only. */
static lxw_row_t rows_table(fu_sheet *x, int set, int sex, bool first, lxw_row_t r)
{
	book *b = x->b;
	lxw_worksheet *ws = x->ws;
	const followup_results *u = x->u;
	const profile *p = b->p;
	char head[512], title[512], weight[32], a[64], c[64], kept[512];
	size_t n = 0;
	for (size_t i = 0; i < u->n_rows; i++)
		if (u->rows[i].set == set && u->rows[i].sex == sex && !u->rows[i].kept) {
			for (size_t k = 0; k < b->ns; k++)
				n += shown(&u->rows[i], k);
			break;
		}
	keep(x, r, (first ? 3 : 1) + 4 + 1 + (double)n); /* title, header, first group */
	snprintf(head, sizeof head, "%s%s%s", words(b->l, set_words[set]),
	         sex == FLOW_ALL ? "" : ", ",
	         sex == FLOW_ALL ? "" : words(b->l, words_of_sex[sex]));
	snprintf(title, sizeof title, words(b->l, W_FU_ESTIMATE_TITLE), head,
	         format_decimal(weight, sizeof weight, u->prior_weight,
	                        u->prior_weight == floor(u->prior_weight) ? 0 : 1, b->l, false));
	book_str(b, ws, r++, 0, title, b->fmt.bold);
	if (first)
		r = sentence(x, r, words_format(head, sizeof head, b->l, W_FUS_ROWS_NOTE),
		             x->note_wrap);
	r = rows_header(x, r);
	report_followup_kept(b->c, set, sex, kept, sizeof kept);
	for (size_t i = 0; i < u->n_rows; i++) {
		const fu_row *row = &u->rows[i];
		if (row->set != set || row->sex != sex)
			continue;
		if (row->kept)
			continue;
		n = 0;
		for (size_t k = 0; k < b->ns; k++)
			n += shown(row, k);
		if (keep(x, r, 2 + (double)n)) { /* the title and header again */
			book_str(b, ws, r++, 0, title, b->fmt.bold);
			r = rows_header(x, r);
		}
		book_str(b, ws, r++, 0, p->states[row->from].label, b->fmt.bold);
		for (size_t k = 0; k < b->ns; k++) {
			if (!shown(row, k))
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
	if (kept[0]) {
		snprintf(head, sizeof head, words(b->l, W_FU_KEPT), kept);
		keep(x, r, 1);
		r = sentence(x, r, head, x->note_wrap);
	}
	return r + 1;
}

/* A line of the forecast beside the outcome worth showing: someone is
 * forecast or seen in its state (as the text summary). */
static bool outcome_shown(const fu_outcome *o)
{
	return o->forecast >= 0.005 || o->count != 0;
}

static lxw_row_t outcome_header(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	book_str(b, x->ws, r, 0, words(b->l, W_STATE), b->fmt.head_left);
	book_str(b, x->ws, r, 1, words(b->l, W_FU_FORECAST), b->fmt.head);
	book_str(b, x->ws, r, 2, words(b->l, W_FU_OUTCOME), b->fmt.head);
	book_str(b, x->ws, r, 3, words(b->l, W_FU_COUNT), b->fmt.head);
	return r + 1;
}

/* The forecast beside the outcome from row r, per intake and year: every
 * state someone is forecast in or seen in. */
static lxw_row_t outcome_table(fu_sheet *x, lxw_row_t r)
{
	book *b = x->b;
	lxw_worksheet *ws = x->ws;
	const followup_results *u = x->u;
	int intake = -1, year = -1; /* of the group shown last */
	for (size_t i = 0; i < u->n_outcome; i++) {
		const fu_outcome *o = &u->outcome[i];
		if (!outcome_shown(o))
			continue;
		if (o->intake != intake || o->year != year) {
			/* a group's heading, kept on a page with its lines */
			size_t n = 0;
			for (size_t e = i; e < u->n_outcome && u->outcome[e].intake == o->intake &&
			                   u->outcome[e].year == o->year;
			     e++)
				n += outcome_shown(&u->outcome[e]);
			if (intake < 0) {
				keep(x, r, 4 + (double)n);
				book_str(b, ws, r++, 0, words(b->l, W_FUS_OUTCOME_TITLE),
				         b->fmt.bold);
				r = sentence(x, r, words(b->l, W_FUS_OUTCOME_NOTE), x->note_wrap);
				r = outcome_header(x, r);
			} else if (keep(x, r, 1 + (double)n)) {
				r = outcome_header(x, r);
			}
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

/* Column A's width in characters: its longest label, a state's indented;
 * only the states the tables show. */
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
			if (shown(row, k))
				WIDEN(b->p->states[k].label, 3);
	}
	for (size_t i = 0; i < u->n_outcome; i++)
		if (outcome_shown(&u->outcome[i]))
			WIDEN(b->p->states[u->outcome[i].state].label, 3);
#undef WIDEN
	w += 2;
	return w < 30 ? 30 : w > 60 ? 60 : (double)w;
}

/* The columns, and from them the rows a printed page holds. A4 landscape
 * is 8.27 in high; less book_print_setup's margins of 0.7 in that leaves
 * 495 pt, 33 rows of 15 pt at full size. The print is fit to the page's
 * width, 11.69 in less margins of 0.5 in, 770 pt, over the columns' width
 * (7 pixels a character and 5 more a column, 0.75 pt a pixel), and a
 * smaller print holds more rows. One row is kept spare. */
static void set_columns(fu_sheet *x)
{
	const book *b = x->b;
	/* the re-forecast table has seven columns, nine with the chances */
	int cols = b->c->u && b->c->u->fu_stats ? 9 : 7;
	int n = b->T > cols ? b->T : cols;
	x->label_width = label_width(x);
	x->last = (lxw_col_t)(COL_FIG + n - 1);
	x->chars = x->label_width + FIG_WIDTH * n;
	double pt = 0.75 * ((7 * x->label_width + 5) + n * (7 * FIG_WIDTH + 5));
	double scale = pt > 770 ? 770 / pt : 1;
	x->page = floor(495 / (15 * scale)) - 1;
	worksheet_set_column(x->ws, 0, 0, x->label_width, NULL);
	worksheet_set_column(x->ws, COL_FIG, x->last, FIG_WIDTH, NULL);
}

void sheet_followup(book *b)
{
	fu_sheet x = {.b = b, .ws = b->ws[SHEET_FOLLOWUP], .u = b->c->fu};
	x.k = x.u->realised_years;
	make_formats(&x);
	if (b->err)
		return;
	set_columns(&x);
	lxw_worksheet *ws = x.ws;
	book_str(b, ws, 0, 0, words(b->l, W_FUS_TITLE), b->fmt.title);
	sentence(&x, 1, words(b->l, W_FUS_NOTE), x.note_wrap);
	lxw_row_t r = header_lines(&x, 3);
	/* the table sums the flows below it: their rows first; the table
	 * takes its title, note and header, a row a target and a blank row */
	lxw_row_t table = r;
	r = flows_section(&x, table + 4 + (lxw_row_t)b->nt);
	reforecast_table(&x, table);
	r = chart_section(&x, r + 1);
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
	/* no panes frozen: the sentences span column A to the last, which a
	 * frozen column would split, and each table has a header of its own */
	book_print_setup(b, ws, false);
	book_keep(b, worksheet_set_h_pagebreaks(ws, x.breaks));
}
