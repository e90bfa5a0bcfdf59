/* flows.c -- the blocks of the workbook's flow sheets (per actor, women
 * and men; issue #4): per target seven rows by year -- costs without and
 * with, savings, investment, net, cumulative and discounted net -- under a
 * header of years, t, each year's rate and discount factor. A total's
 * costs are sums of its actors' cells and every derived cell is a formula
 * over the cells above it, written with its value. */
#include "samkalk/report/xlsx/book.h"

#include <stdio.h>

/* One row of a target's block: its figure in a year or over the horizon. */
static double row_value(const flow_figures *y, int row)
{
	const double v[BLOCK_ROWS] = {
	        [R_WITHOUT] = y->without,   [R_WITH] = y->with, [R_SAVINGS] = y->savings,
	        [R_INVEST] = y->investment, [R_NET] = y->net,   [R_CUM] = y->cumulative,
	        [R_DISC] = y->discounted};
	return v[row];
}

/* The year header, t and discount-factor rows of a flow sheet. */
static void flow_header(book *b, lxw_worksheet *ws)
{
	lxw_col_t sum = (lxw_col_t)(COL_FIRST_YEAR + b->T);
	book_str(b, ws, ROW_YEARS, 0, words(b->l, W_ACTOR), b->fmt.head_left);
	char unit[64];
	snprintf(unit, sizeof unit, words(b->l, W_UNIT_KR_PRICES), b->s->price_year);
	book_strf(b, ws, ROW_YEARS, 1, b->fmt.head_left, "%s (%s)", words(b->l, W_ITEM), unit);
	for (int t = 0; t < b->T; t++) {
		lxw_col_t c = (lxw_col_t)(COL_FIRST_YEAR + t);
		char cell[16], fm[128];
		book_num(b, ws, ROW_YEARS, c, b->s->start_year + t, b->fmt.head);
		book_num(b, ws, ROW_T, c, t + 1, b->fmt.year);
		/* the year's rate: the named rate, or its band's cell on the
		 * assumptions sheet */
		if (b->s->has_bands) {
			lxw_rowcol_to_cell_abs(cell, b->band_row[t], RATE_COL, LXW_TRUE, LXW_TRUE);
			snprintf(fm, sizeof fm, "=%s!%s", b->quoted[SHEET_ASSUMPTIONS], cell);
		} else {
			snprintf(fm, sizeof fm, "=%s", words(b->l, W_RATE_NAME));
		}
		book_formula(b, ws, ROW_RATE, c, fm, b->s->rate_by_year[t], b->fmt.pct);
		/* the factor: the product of the yearly factors 1/(1+rate) of the
		 * years before (timing start) or up to (end) this one */
		char prev[16], rate[16];
		bool start = b->s->timing == TIMING_START;
		if (t == 0 && start)
			snprintf(fm, sizeof fm, "=1");
		else if (t == 0)
			snprintf(fm, sizeof fm, "=1/(1+%s)", book_ref(rate, ROW_RATE, c));
		else
			snprintf(fm, sizeof fm, "=%s/(1+%s)", book_ref(prev, ROW_FACTOR, c - 1),
			         book_ref(rate, ROW_RATE, start ? c - 1 : c));
		book_formula(b, ws, ROW_FACTOR, c, fm, b->r->discount[t], b->fmt.prob);
	}
	book_strf(b, ws, ROW_YEARS, sum, b->fmt.head, "%s %d–%d", words(b->l, W_TOTAL),
	          b->s->start_year, b->s->start_year + b->T - 1);
	book_str(b, ws, ROW_T, 1, words(b->l, W_T_LABEL), b->fmt.note);
	book_str(b, ws, ROW_RATE, 1, words(b->l, W_RATE_LABEL), b->fmt.note);
	book_str(b, ws, ROW_FACTOR, 1, words(b->l, W_FACTOR_LABEL), b->fmt.note);
}

/* The rows of a block by name. */
static const word_key row_words[BLOCK_ROWS] = {
        [R_WITHOUT] = W_ROW_WITHOUT,   [R_WITH] = W_ROW_WITH, [R_SAVINGS] = W_SAVINGS,
        [R_INVEST] = W_ROW_INVESTMENT, [R_NET] = W_ROW_NET,   [R_CUM] = W_ROW_CUMULATIVE,
        [R_DISC] = W_ROW_DISCOUNTED};

/* One target's block of seven rows from row r for sex g; totals of actors
 * are sums of the actors' cells, everything derived is a formula. */
void book_flow_block(book *b, lxw_worksheet *ws, int g, size_t j, lxw_row_t r)
{
	bool total = j >= b->na;
	lxw_format *kr = total ? b->fmt.kr_bold : b->fmt.kr;
	b->block[g][j] = r;
	book_str(b, ws, r, 0, book_target_label(b, j), b->fmt.bold);
	for (int row = 0; row < BLOCK_ROWS; row++)
		book_str(b, ws, r + (lxw_row_t)row, 1, words(b->l, row_words[row]),
		         total ? b->fmt.bold : b->fmt.text);
	for (int t = 0; t < b->T; t++) {
		lxw_col_t c = (lxw_col_t)(COL_FIRST_YEAR + t);
		char fm[2048], a1[16], a2[16];
		for (int row = 0; row < BLOCK_ROWS; row++) {
			lxw_row_t rr = r + (lxw_row_t)row;
			double v = row_value(results_flow(b->r, j, g, t), row);
			bool input = row == R_WITHOUT || row == R_WITH || row == R_INVEST;
			if (input && !total) {
				book_num(b, ws, rr, c, v, kr);
				continue;
			}
			if (input) { /* a total: the sum of its actors' cells */
				size_t used = 0;
				for (size_t a = 0; a < b->na && used < sizeof fm - 16; a++)
					if (b->r->in_target[j * b->na + a])
						used += (size_t)snprintf(
						        fm + used, sizeof fm - used, "%c%s",
						        used ? '+' : '=',
						        book_ref(a1,
						                 b->block[g][a] + (lxw_row_t)row,
						                 c));
				if (used)
					book_formula(b, ws, rr, c, fm, v, kr);
				else /* a total of no actors */
					book_num(b, ws, rr, c, 0, kr);
				continue;
			}
			if (row == R_SAVINGS)
				snprintf(fm, sizeof fm, "=%s-%s", book_ref(a1, r + R_WITHOUT, c),
				         book_ref(a2, r + R_WITH, c));
			else if (row == R_NET)
				snprintf(fm, sizeof fm, "=%s-%s", book_ref(a1, r + R_SAVINGS, c),
				         book_ref(a2, r + R_INVEST, c));
			else if (row == R_CUM && t == 0)
				snprintf(fm, sizeof fm, "=%s", book_ref(a1, r + R_NET, c));
			else if (row == R_CUM)
				snprintf(fm, sizeof fm, "=%s+%s", book_ref(a1, r + R_CUM, c - 1),
				         book_ref(a2, r + R_NET, c));
			else /* R_DISC */
				snprintf(fm, sizeof fm, "=%s*%s", book_ref(a1, r + R_NET, c),
				         book_ref(a2, ROW_FACTOR, c));
			book_formula(b, ws, rr, c, fm, v, kr);
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
		book_formula(b, ws, r + (lxw_row_t)row, sum, fm,
		             row_value(results_sum(b->r, j, g), row), b->fmt.kr_bold);
	}
}

lxw_worksheet *book_flow_sheet(book *b, enum sheet which)
{
	lxw_worksheet *ws = b->ws[which];
	book_strf(b, ws, 0, 0, b->fmt.title, words(b->l, W_FLOWS_TITLE), b->s->name);
	book_strf(b, ws, 1, 0, b->fmt.note, words(b->l, W_FLOWS_NOTE), b->s->price_year);
	flow_header(b, ws);
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 34, NULL);
	worksheet_set_column(ws, COL_FIRST_YEAR, (lxw_col_t)(COL_FIRST_YEAR + b->T), 14, NULL);
	worksheet_freeze_panes(ws, ROW_YEARS + 1, COL_FIRST_YEAR);
	book_print_setup(b, ws, false);
	book_keep(b, worksheet_repeat_rows(ws, ROW_YEARS, ROW_YEARS));
	return ws;
}
