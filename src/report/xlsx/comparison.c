/* comparison.c -- the comparison workbook's first sheet (issue #6): the
 * compared figures of every scenario at one price year, their ranks, the
 * person-years gained, and charts of the public sector's cumulative net
 * and of the years to payback. */
#include "samkalk/report/xlsx/book.h"

#include <math.h>
#include <stdio.h>

#include "samkalk/report/report.h"

static const char *union_label(const comparison *cmp, const book *b, size_t u)
{
	if (u == cmp->n_actors)
		return words(b->l, W_FISCAL);
	if (u == cmp->n_actors + 1)
		return words(b->l, W_SOCIETY);
	return cmp->actor_labels[u];
}

void sheet_comparison(book *b, const comparison *cmp, lxw_worksheet *ws)
{
	size_t n = cmp->n, nu = cmp->n_actors + 2;
	char notes[2048];
	book_strf(b, ws, 0, 0, b->fmt.title, words(b->l, W_CMP_SHEET_TITLE), n);
	book_strf(b, ws, 1, 0, b->fmt.note, words(b->l, W_CMP_SHEET_NOTE), cmp->price_year);
	compare_notes(cmp, b->l, notes, sizeof notes);
	lxw_row_t r = 2;
	if (notes[0])
		book_str(b, ws, r++, 0, notes, b->fmt.bold);
	for (size_t k = 0; k < n; k++)
		book_strf(b, ws, r++, 0, b->fmt.text, words(b->l, W_CMP_LEGEND), k + 1,
		          cmp->c[k]->s->name, cmp->c[k]->s->doc->path);
	book_str(b, ws, r++, 0, words(b->l, W_CMP_COPIES), b->fmt.note);
	r++;
	book_str(b, ws, r, 0, words(b->l, W_MEASURE), b->fmt.head_left);
	book_str(b, ws, r, 1, words(b->l, W_ACTOR), b->fmt.head_left);
	for (size_t k = 0; k < n; k++)
		book_strf(b, ws, r, (lxw_col_t)(2 + k), b->fmt.head, "%zu", k + 1);
	lxw_row_t head = r++;
	const int *ranks[2] = {cmp->rank_society, cmp->rank_fiscal};
	const char *rank_names[2] = {words(b->l, W_RANK_SOCIETY), words(b->l, W_RANK_FISCAL)};
	for (int i = 0; i < 2; i++, r++) {
		book_str(b, ws, r, 0, rank_names[i], b->fmt.bold);
		for (size_t k = 0; k < n; k++)
			book_num(b, ws, r, (lxw_col_t)(2 + k), ranks[i][k], b->fmt.year);
	}
	for (size_t i = 0; i < N_COMPARE_SHOWN; i++) {
		measure m = compare_shown[i];
		r++;
		size_t first_u = m == M_COST_PER_WORK_YEAR ? cmp->n_actors : 0;
		for (size_t u = first_u; u < nu; u++, r++) {
			if (u == first_u) /* the measure once, above its rows */
				book_str(b, ws, r, 0, compare_measure_label(m, b->l), b->fmt.bold);
			book_str(b, ws, r, 1, union_label(cmp, b, u),
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
					book_num(b, ws, r, c, v, f);
				else
					book_str(b, ws, r, c, words(b->l, W_DASH),
					         b->fmt.note_right);
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
			book_str(b, ws, r, 0, words(b->l, W_GAINED), b->fmt.bold);
		gained_said = true;
		book_str(b, ws, r, 1, cmp->state_labels[u], b->fmt.text);
		for (size_t k = 0; k < n; k++) {
			if (compare_gained(cmp, k, u, &v))
				book_num(b, ws, r, (lxw_col_t)(2 + k), v, b->fmt.dec1);
			else
				book_str(b, ws, r, (lxw_col_t)(2 + k), words(b->l, W_DASH),
				         b->fmt.note_right);
		}
		r++;
	}

	/* the data of the charts: cumulative public-sector net per year t, and
	 * the years to payback per target, one column per scenario */
	lxw_col_t dc = (lxw_col_t)(2 + n + 1);
	lxw_row_t d0 = head;
	book_str(b, ws, d0, dc, words(b->l, W_CMP_CHART_NET), b->fmt.head_left);
	for (int t = 0; t < cmp->max_years; t++)
		book_strf(b, ws, d0 + 1 + (lxw_row_t)t, dc, b->fmt.text, words(b->l, W_YEAR_T),
		          t + 1);
	for (size_t k = 0; k < n; k++) {
		const calc *c = cmp->c[k];
		/* the scenario's name heads its column: the charts' legends */
		book_strf(b, ws, d0, (lxw_col_t)(dc + 1 + k), b->fmt.head, "%zu %.40s", k + 1,
		          c->s->name);
		for (int t = 0; t < c->s->years; t++)
			book_num(b, ws, d0 + 1 + (lxw_row_t)t, (lxw_col_t)(dc + 1 + k),
			         cmp->cumulative[k][t], b->fmt.kr);
	}
	lxw_row_t p0 = d0 + (lxw_row_t)cmp->max_years + 2;
	book_str(b, ws, p0, dc, words(b->l, W_CMP_CHART_PAYBACK), b->fmt.head_left);
	for (size_t u = 0; u < nu; u++) {
		book_str(b, ws, p0 + 1 + (lxw_row_t)u, dc, union_label(cmp, b, u), b->fmt.text);
		for (size_t k = 0; k < n; k++) {
			double v;
			if (!u)
				book_strf(b, ws, p0, (lxw_col_t)(dc + 1 + k), b->fmt.head,
				          "%zu %.40s", k + 1, cmp->c[k]->s->name);
			if (compare_value(cmp, k, u, M_PAYBACK_YEARS, &v))
				book_num(b, ws, p0 + 1 + (lxw_row_t)u, (lxw_col_t)(dc + 1 + k), v,
				         b->fmt.dec1);
		}
	}
	lxw_chart *net = workbook_add_chart(b->wb, LXW_CHART_LINE);
	lxw_chart *pay = workbook_add_chart(b->wb, LXW_CHART_BAR);
	if (!net || !pay) {
		book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		lxw_col_t c = (lxw_col_t)(dc + 1 + k);
		lxw_chart_series *se = chart_add_series(net, NULL, NULL);
		lxw_chart_series *sp = chart_add_series(pay, NULL, NULL);
		if (!se || !sp) {
			book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		chart_series_set_categories(se, words(b->l, W_SHEET_COMPARISON), d0 + 1, dc,
		                            d0 + (lxw_row_t)cmp->max_years, dc);
		chart_series_set_values(se, words(b->l, W_SHEET_COMPARISON), d0 + 1, c,
		                        d0 + (lxw_row_t)cmp->max_years, c);
		chart_series_set_name_range(se, words(b->l, W_SHEET_COMPARISON), d0, c);
		chart_series_set_marker_type(se, LXW_CHART_MARKER_CIRCLE);
		chart_series_set_categories(sp, words(b->l, W_SHEET_COMPARISON), p0 + 1, dc,
		                            p0 + (lxw_row_t)nu, dc);
		chart_series_set_values(sp, words(b->l, W_SHEET_COMPARISON), p0 + 1, c,
		                        p0 + (lxw_row_t)nu, c);
		chart_series_set_name_range(sp, words(b->l, W_SHEET_COMPARISON), p0, c);
	}
	chart_title_set_name(net, words(b->l, W_CMP_CHART_NET));
	chart_axis_set_name(net->y_axis, words(b->l, W_KR));
	chart_axis_set_num_format(net->y_axis, "#,##0;\"\xe2\x88\x92\"#,##0;0");
	chart_axis_set_label_position(net->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	lxw_chart_line zero = {.color = LXW_COLOR_BLACK, .width = 1.25};
	chart_axis_set_line(net->x_axis, &zero);
	chart_title_set_name(pay, words(b->l, W_CMP_CHART_PAYBACK));
	chart_axis_set_name(pay->y_axis, words(b->l, W_UNIT_YEARS));
	lxw_chart_options opt = {.x_scale = 1.3, .y_scale = 1.2};
	book_keep(b, worksheet_insert_chart_opt(ws, r + 1, 0, net, &opt));
	book_keep(b, worksheet_insert_chart_opt(ws, r + 1, 4, pay, &opt));
	worksheet_set_column(ws, 0, 0, 40, NULL);
	worksheet_set_column(ws, 1, 1, 24, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)(1 + n), 16, NULL);
	worksheet_set_column(ws, dc, dc, 30, NULL);
	worksheet_set_column(ws, dc + 1, (lxw_col_t)(dc + n), 18, NULL);
	worksheet_freeze_panes(ws, head + 1, 2);
	book_print_setup(b, ws, false);
	char header[300];
	snprintf(header, sizeof header, "&C&\"-,Bold\"%s", words(b->l, W_SHEET_COMPARISON));
	book_keep(b, worksheet_set_header(ws, header));
	worksheet_activate(ws);
}
