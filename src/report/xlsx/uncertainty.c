/* uncertainty.c -- the workbook's uncertainty sheet (SPEC §6, issue #4),
 * when the scenario has [sensitivity] or [uncertainty] inputs: the Monte
 * Carlo statistics per target, the payback shares, the histogram of the
 * public sector's NPV, the tornado and the uncertain inputs. Values, not
 * formulas: they come from draws the workbook does not hold. */
#include "samkalk/report/xlsx/book.h"

#include <math.h>
#include <stdio.h>

#include "samkalk/report/report.h"
#include "samkalk/vary/uncertainty.h"

static lxw_row_t unc_stats_table(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const unc_results *u = b->c->u;
	const char *heads[7] = {words(b->l, W_ACTOR),  words(b->l, W_MEAN),
	                        words(b->l, W_P5),     words(b->l, W_P50_MEDIAN),
	                        words(b->l, W_P95),    words(b->l, W_CHANCE_POSITIVE),
	                        words(b->l, W_EVPI_KR)};
	for (int k = 0; k < 7; k++)
		book_str(b, ws, r, (lxw_col_t)k, heads[k], k ? b->fmt.head : b->fmt.head_left);
	r++;
	for (size_t j = 0; j < b->nt; j++) {
		const unc_stats *st = &u->stats[j];
		lxw_format *f = j >= TARGET_FISCAL(b->na) ? b->fmt.kr_bold : b->fmt.kr;
		book_str(b, ws, r, 0, book_target_label(b, j),
		         j >= TARGET_FISCAL(b->na) ? b->fmt.bold : NULL);
		const double v[5] = {st->mean, st->p5, st->p50, st->p95};
		for (int k = 0; k < 4; k++)
			book_num(b, ws, r, (lxw_col_t)(1 + k), v[k], f);
		book_num(b, ws, r, 5, st->p_positive, b->fmt.pct);
		book_num(b, ws, r, 6, st->evpi, f);
		r++;
	}
	char note[512];
	book_str(b, ws, r, 0, words_format(note, sizeof note, b->l, W_UNC_STATS_NOTE), b->fmt.note);
	return r + 2;
}

static lxw_row_t unc_payback_table(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const unc_results *u = b->c->u;
	book_str(b, ws, r++, 0, words(b->l, W_UNC_PAID_BY), b->fmt.bold);
	book_str(b, ws, r, 0, words(b->l, W_ACTOR), b->fmt.head_left);
	for (int t = 0; t < b->T; t++)
		book_num(b, ws, r, (lxw_col_t)(1 + t), b->s->start_year + t, b->fmt.head);
	book_strf(b, ws, r, (lxw_col_t)(1 + b->T), b->fmt.head, words(b->l, W_UNC_NOT_WITHIN_HEAD),
	          b->T);
	book_str(b, ws, r, (lxw_col_t)(2 + b->T), words(b->l, W_NO_INVESTMENT_HEAD), b->fmt.head);
	r++;
	for (size_t j = 0; j < b->nt; j++, r++) {
		const unc_stats *st = &u->stats[j];
		book_str(b, ws, r, 0, book_target_label(b, j),
		         j >= TARGET_FISCAL(b->na) ? b->fmt.bold : NULL);
		for (int t = 0; t < b->T; t++)
			book_num(b, ws, r, (lxw_col_t)(1 + t), st->paid_share[t], b->fmt.pct);
		book_num(b, ws, r, (lxw_col_t)(1 + b->T), st->never_share, b->fmt.pct);
		book_num(b, ws, r, (lxw_col_t)(2 + b->T), st->none_share, b->fmt.pct);
	}
	return r + 1;
}

/* The histogram's table at r, its chart at (at, col). */
static lxw_row_t unc_histogram(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_row_t at, lxw_col_t col)
{
	const unc_results *u = b->c->u;
	book_str(b, ws, r++, 0, words(b->l, W_HIST_TITLE), b->fmt.bold);
	const char *heads[4] = {words(b->l, W_HIST_FROM), words(b->l, W_HIST_TO),
	                        words(b->l, W_HIST_COUNT), words(b->l, W_HIST_SHARE)};
	for (int k = 0; k < 4; k++)
		book_str(b, ws, r, (lxw_col_t)k, heads[k], b->fmt.head);
	lxw_row_t first = ++r;
	lxw_chart_point points[UNC_HIST_BINS];
	lxw_chart_fill fills[UNC_HIST_BINS];
	lxw_chart_point *list[UNC_HIST_BINS + 1];
	for (int k = 0; k < u->n_bins; k++, r++) {
		book_num(b, ws, r, 0, u->hist_from[k], b->fmt.kr);
		book_num(b, ws, r, 1, u->hist_to[k], b->fmt.kr);
		book_num(b, ws, r, 2, (double)u->hist[k], b->fmt.year);
		book_num(b, ws, r, 3, u->hist_share[k], b->fmt.pct);
		fills[k] = (lxw_chart_fill){.color = u->hist_to[k] <= 0 ? 0xC0504D : 0x4F81BD};
		points[k] = (lxw_chart_point){.fill = &fills[k]};
		list[k] = &points[k];
	}
	list[u->n_bins] = NULL;
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	lxw_chart_series *se = ch ? chart_add_series(ch, NULL, NULL) : NULL;
	if (!se) {
		book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return r + 1;
	}
	const char *sheet = b->name[SHEET_UNCERTAINTY];
	chart_series_set_categories(se, sheet, first, 0, r - 1, 0);
	chart_series_set_values(se, sheet, first, 3, r - 1, 3);
	book_keep(b, chart_series_set_points(se, list));
	chart_set_series_gap(ch, 10);
	chart_title_set_name(ch, words(b->l, W_HIST_CHART));
	lxw_chart_font tf = {.size = 11, .bold = LXW_TRUE};
	chart_title_set_name_font(ch, &tf);
	chart_axis_set_name(ch->y_axis, words(b->l, W_HIST_AXIS));
	chart_axis_set_num_format(ch->y_axis, "0%");
	chart_axis_set_num_format(ch->x_axis, "#,##0;\"\xe2\x88\x92\"#,##0;0");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	lxw_chart_options opt = {.x_scale = 1.6, .y_scale = 1.2};
	book_keep(b, worksheet_insert_chart_opt(ws, at, col, ch, &opt));
	return r + 1;
}

static lxw_row_t unc_tornado(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_row_t at, lxw_col_t col)
{
	const unc_results *u = b->c->u;
	size_t fi = TARGET_FISCAL(b->na);
	double base = b->r->fig[fi].npv;
	book_str(b, ws, r++, 0, words(b->l, W_TORNADO_SHEET_TITLE), b->fmt.bold);
	book_str(b, ws, r++, 0, words(b->l, W_TORNADO_SHEET_NOTE), b->fmt.note);
	const char *heads[8] = {words(b->l, W_INPUT),      words(b->l, W_SECTION),
	                        words(b->l, W_LINE),       words(b->l, W_LOW),
	                        words(b->l, W_HIGH),       words(b->l, W_AT_LOW_KR),
	                        words(b->l, W_AT_HIGH_KR), words(b->l, W_SWING_KR)};
	for (int k = 0; k < 8; k++)
		book_str(b, ws, r, (lxw_col_t)k, heads[k], k < 2 ? b->fmt.head_left : b->fmt.head);
	lxw_row_t first = ++r;
	for (size_t k = 0; k < u->n_tornado; k++, r++) {
		const unc_tornado_row *row = &u->tornado[k];
		const unc_input *in = &u->spec->v[row->input];
		lxw_format *vf = fabs(row->high) >= 100 ? b->fmt.kr : b->fmt.prob;
		book_str(b, ws, r, 0, in->key, NULL);
		book_str(b, ws, r, 1, in->section, NULL);
		book_num(b, ws, r, 2, in->has_range ? in->range_line : in->dist_line, b->fmt.year);
		book_num(b, ws, r, 3, row->low, vf);
		book_num(b, ws, r, 4, row->high, vf);
		book_num(b, ws, r, 5, row->npv_low[fi], b->fmt.kr);
		book_num(b, ws, r, 6, row->npv_high[fi], b->fmt.kr);
		char fm[64], a1[16], a2[16];
		snprintf(fm, sizeof fm, "=ABS(%s-%s)", book_ref(a1, r, 6), book_ref(a2, r, 5));
		book_formula(b, ws, r, 7, fm, row->swing, b->fmt.kr);
	}
	book_str(b, ws, r, 0, words(b->l, W_BASE_NPV), b->fmt.bold);
	book_num(b, ws, r, 5, base, b->fmt.kr_bold);
	if (u->n_tornado == 0)
		return r + 2;
	/* bars from the calculation's NPV out to each end: the value axis
	 * crosses the category axis at the base NPV */
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_BAR);
	if (!ch) {
		book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return r + 2;
	}
	const char *sheet = b->name[SHEET_UNCERTAINTY];
	size_t shown = u->n_tornado < 15 ? u->n_tornado : 15;
	const lxw_col_t cols[2] = {5, 6};
	const lxw_color_t colors[2] = {0xC0504D, 0x4F81BD};
	for (int e = 0; e < 2; e++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
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
	snprintf(axis, sizeof axis, words(b->l, W_TORNADO_AXIS), money);
	chart_title_set_name(ch, words(b->l, W_TORNADO_CHART));
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
	book_keep(b, worksheet_insert_chart_opt(ws, at, col, ch, &opt));
	return r + 2;
}

static lxw_row_t unc_inputs(book *b, lxw_worksheet *ws, lxw_row_t r)
{
	const unc_spec *sp = b->c->u->spec;
	book_str(b, ws, r++, 0, words(b->l, W_DIST_TITLE), b->fmt.bold);
	const char *heads[6] = {words(b->l, W_INPUT),     words(b->l, W_SECTION),
	                        words(b->l, W_LINE),      words(b->l, W_DISTRIBUTION),
	                        words(b->l, W_DIST_MEAN), words(b->l, W_DIST_SD)};
	for (int k = 0; k < 6; k++)
		book_str(b, ws, r, (lxw_col_t)k, heads[k], k < 2 ? b->fmt.head_left : b->fmt.head);
	r++;
	for (size_t i = 0; i < sp->n; i++) {
		const unc_input *in = &sp->v[i];
		if (!in->has_dist)
			continue;
		book_str(b, ws, r, 0, in->key, NULL);
		book_str(b, ws, r, 1, in->section, NULL);
		book_num(b, ws, r, 2, in->dist_line, b->fmt.year);
		book_str(b, ws, r, 3, in->dist_text, NULL);
		if (!in->n_parts) {
			lxw_format *vf = fabs(in->mean) >= 100 ? b->fmt.kr : b->fmt.prob;
			book_num(b, ws, r, 4, in->mean, vf);
			book_num(b, ws, r, 5, in->sd, vf);
		}
		r++;
	}
	return r + 1;
}

void sheet_uncertainty(book *b)
{
	const unc_results *u = b->c->u;
	lxw_worksheet *ws = b->ws[SHEET_UNCERTAINTY];
	size_t fi = TARGET_FISCAL(b->na);
	char rates[200], list[400];
	book_str(b, ws, 0, 0, words(b->l, W_UNC_SHEET_TITLE), b->fmt.title);
	report_actor_list(b->c, fi, b->l, list, sizeof list);
	book_strf(b, ws, 1, 0, b->fmt.note, words(b->l, W_UNC_SHEET_NOTE), b->s->price_year,
	          format_rates(rates, sizeof rates, b->s->rate_by_year, b->T, b->l), list,
	          words(b->l, W_UNC_VALUES_NOTE));
	lxw_row_t r = 3;
	if (u->draws > 0) {
		const unc_stats *st = &u->stats[fi];
		char share[32], draws[32], mean[64], p5[64], p95[64];
		format_percent(share, sizeof share, st->p_positive, b->l);
		format_amount(draws, sizeof draws, (double)u->draws, b->l, false);
		char sentence[512];
		snprintf(sentence, sizeof sentence, words(b->l, W_UNC_SENTENCE),
		         book_target_label(b, fi), share, draws,
		         format_amount(mean, sizeof mean, st->mean, b->l, true),
		         format_amount(p5, sizeof p5, st->p5, b->l, true),
		         format_amount(p95, sizeof p95, st->p95, b->l, true));
		lxw_format *big = workbook_add_format(b->wb);
		format_set_bold(big);
		format_set_font_size(big, 13);
		format_set_text_wrap(big);
		format_set_align(big, LXW_ALIGN_VERTICAL_TOP);
		book_keep(b, worksheet_merge_range(ws, r, 0, r, 7, sentence, big));
		book_keep(b, worksheet_set_row(ws, r, 36, NULL));
		r += 2;
		r = unc_stats_table(b, ws, r);
		r = unc_payback_table(b, ws, r);
	} else {
		book_str(b, ws, r, 0, words(b->l, W_UNC_SENTENCE_NONE), b->fmt.bold);
		r += 2;
	}
	lxw_col_t chart_col = (lxw_col_t)(b->T + 4 > 9 ? b->T + 4 : 9);
	lxw_row_t tornado_at = r;
	r = unc_tornado(b, ws, r, 5, chart_col);
	if (u->draws > 0) {
		r = unc_histogram(b, ws, r, tornado_at + 4, chart_col);
		r = unc_inputs(b, ws, r);
	}
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 24, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)(b->T + 2), 15, NULL);
	book_print_setup(b, ws, false);
}
