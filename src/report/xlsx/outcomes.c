/* outcomes.c -- the workbook's sheet of outcomes (issue #4): person-years
 * per state without and with the intervention as sums of the yearly
 * occupancy tables below them, and a stacked chart of each arm. */
#include "samkalk/report/xlsx/book.h"

#include <stdio.h>

/* A state x year table of persons for one arm, from row r; returns its
 * first data row. */
static lxw_row_t occupancy_table(book *b, lxw_worksheet *ws, lxw_row_t r, int arm,
                                 const char *title)
{
	book_str(b, ws, r, 0, title, b->fmt.bold);
	book_str(b, ws, r + 1, 0, words(b->l, W_STATE), b->fmt.head_left);
	for (int t = 0; t < b->T; t++)
		book_num(b, ws, r + 1, (lxw_col_t)(1 + t), b->s->start_year + t, b->fmt.head);
	for (size_t st = 0; st < b->ns; st++) {
		book_str(b, ws, r + 2 + (lxw_row_t)st, 0, b->p->states[st].label, b->fmt.text);
		for (int t = 0; t < b->T; t++)
			book_num(b, ws, r + 2 + (lxw_row_t)st, (lxw_col_t)(1 + t),
			         *flows_occupancy(b->f, arm, FLOW_ALL, t, st), b->fmt.persons);
	}
	return r + 2;
}

static void occupancy_chart(book *b, lxw_worksheet *ws, lxw_row_t data, int arm, lxw_row_t at,
                            lxw_col_t col)
{
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN_STACKED);
	if (!ch) {
		book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	const char *sheet = b->name[SHEET_OUTCOMES];
	for (size_t st = 0; st < b->ns; st++) {
		const double *py = b->r->person_years;
		double any = py[ARM_BASELINE * b->ns + st] + py[ARM_INTERVENTION * b->ns + st];
		if (any < 0.05)
			continue; /* nobody there in either arm: no empty legend entry */
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		lxw_row_t row = data + (lxw_row_t)st;
		chart_series_set_categories(se, sheet, data - 1, 1, data - 1, (lxw_col_t)b->T);
		chart_series_set_values(se, sheet, row, 1, row, (lxw_col_t)b->T);
		chart_series_set_name_range(se, sheet, row, 0);
	}
	chart_title_set_name(ch,
	                     arm == ARM_BASELINE ? words(b->l, W_WITHOUT) : words(b->l, W_WITH));
	chart_axis_set_name(ch->y_axis, words(b->l, W_PERSONS));
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = {.x_scale = 1.2, .y_scale = 1.5};
	book_keep(b, worksheet_insert_chart_opt(ws, at, col, ch, &opt));
}

void sheet_outcomes(book *b)
{
	lxw_worksheet *ws = b->ws[SHEET_OUTCOMES];
	book_str(b, ws, 0, 0, words(b->l, W_OUTCOMES_TITLE), b->fmt.title);
	book_strf(b, ws, 1, 0, b->fmt.note, words(b->l, W_OUTCOMES_NOTE), b->s->start_year,
	          b->s->start_year + b->T - 1);
	book_str(b, ws, 3, 0, words(b->l, W_STATE), b->fmt.head_left);
	book_str(b, ws, 3, 1, words(b->l, W_WITHOUT), b->fmt.head);
	book_str(b, ws, 3, 2, words(b->l, W_WITH), b->fmt.head);
	book_str(b, ws, 3, 3, words(b->l, W_DIFFERENCE_WITH_WITHOUT), b->fmt.head);
	lxw_row_t top = 4;
	lxw_row_t base_data = top + (lxw_row_t)b->ns + 2;
	base_data = occupancy_table(b, ws, base_data, ARM_BASELINE, words(b->l, W_YEARLY_WITHOUT));
	lxw_row_t with_data = base_data + (lxw_row_t)b->ns + 1;
	with_data = occupancy_table(b, ws, with_data, ARM_INTERVENTION, words(b->l, W_YEARLY_WITH));
	for (size_t st = 0; st < b->ns; st++) {
		lxw_row_t r = top + (lxw_row_t)st;
		char fm[96], range[32], a1[16], a2[16];
		double pb = b->r->person_years[ARM_BASELINE * b->ns + st];
		double pw = b->r->person_years[ARM_INTERVENTION * b->ns + st];
		book_str(b, ws, r, 0, b->p->states[st].label, b->fmt.text);
		lxw_rowcol_to_range(range, base_data + (lxw_row_t)st, 1, base_data + (lxw_row_t)st,
		                    (lxw_col_t)b->T);
		snprintf(fm, sizeof fm, "=SUM(%s)", range);
		book_formula(b, ws, r, 1, fm, pb, b->fmt.persons);
		lxw_rowcol_to_range(range, with_data + (lxw_row_t)st, 1, with_data + (lxw_row_t)st,
		                    (lxw_col_t)b->T);
		snprintf(fm, sizeof fm, "=SUM(%s)", range);
		book_formula(b, ws, r, 2, fm, pw, b->fmt.persons);
		snprintf(fm, sizeof fm, "=%s-%s", book_ref(a1, r, 2), book_ref(a2, r, 1));
		book_formula(b, ws, r, 3, fm, b->r->gained[st], b->fmt.dec1);
	}
	lxw_col_t chart_col = (lxw_col_t)(b->T + 2 > 5 ? b->T + 2 : 5);
	occupancy_chart(b, ws, base_data, ARM_BASELINE, 3, chart_col);
	occupancy_chart(b, ws, base_data, ARM_INTERVENTION, 26, chart_col);
	(void)with_data;
	worksheet_set_column(ws, 0, 0, 44, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)b->T, 12, NULL);
	worksheet_freeze_panes(ws, 4, 1);
	book_print_setup(b, ws, false);
}
