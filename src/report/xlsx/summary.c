/* summary.c -- the workbook's first sheet, what a nämnd reads without
 * help (issue #4): per target the present values, NPV, payback, return
 * and the snapshots as formulas over the per-actor sheet, what each total
 * covers, a sentence per target, the break-even in words and a chart of
 * the cumulative net per actor. */
#include "samkalk/report/xlsx/book.h"

#include <math.h>
#include <stdio.h>

#include "samkalk/base/version.h"
#include "samkalk/report/report.h"

/* Money in words for sentences: "3,4 mnkr" from a million up, else kr. */
static void money_words(const book *b, double v, char *buf, size_t n)
{
	char d[64];
	if (fabs(v) >= 1e6)
		snprintf(buf, n, words(b->l, W_MONEY_MILLIONS),
		         format_decimal(d, sizeof d, fabs(v) / 1e6, 1, b->l, false));
	else
		snprintf(buf, n, words(b->l, W_MONEY_KR),
		         format_amount(d, sizeof d, fabs(v), b->l, false));
}

/* The sentence of target j, from its figures. */
static void sentence(const book *b, size_t j, char *buf, size_t n)
{
	const figures *g = &b->r->fig[j];
	const char *who = book_target_label(b, j);
	char m1[64], m2[64];
	if (g->nominal.status == PAYBACK_REACHED) {
		money_words(b, g->pv_investment, m1, sizeof m1);
		snprintf(buf, n, words(b->l, W_SENTENCE_PAID), who, m1, g->nominal.year);
	} else if (g->nominal.status == PAYBACK_NOT_REACHED) {
		money_words(b, g->pv_investment, m1, sizeof m1);
		money_words(b, g->npv, m2, sizeof m2);
		char signed_m2[80];
		snprintf(signed_m2, sizeof signed_m2, "%s%s", g->npv < 0 ? FORMAT_MINUS : "", m2);
		snprintf(buf, n, words(b->l, W_SENTENCE_NOT_PAID), who, m1, b->s->years, signed_m2);
	} else if (round(g->npv) > 0) {
		money_words(b, g->npv, m1, sizeof m1);
		snprintf(buf, n, words(b->l, W_SENTENCE_SAVES), who, m1);
	} else if (round(g->npv) < 0) {
		money_words(b, g->npv, m1, sizeof m1);
		snprintf(buf, n, words(b->l, W_SENTENCE_COSTS), who, m1);
	} else {
		snprintf(buf, n, words(b->l, W_SENTENCE_NONE), who);
	}
}

/* Target j's label in mid-sentence: "offentlig sektor", not "Offentlig
 * sektor"; an actor's as written. */
static const char *mid_sentence_label(const book *b, size_t j)
{
	if (j == TARGET_FISCAL(b->na))
		return words(b->l, W_FISCAL_MID);
	if (j == TARGET_SOCIETY(b->na))
		return words(b->l, W_SOCIETY_MID);
	return b->p->actors[j].label;
}

/* "Brytpunkt: insatsen går jämnt ut för offentlig sektor redan vid 53 % av
 * den antagna effekten och för Kommunen vid 84 %." over the investing
 * targets. */
static void break_even_sentence(const book *b, char *buf, size_t n)
{
	size_t used = (size_t)snprintf(buf, n, "%s", words(b->l, W_BREAK_EVEN_INTRO));
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
		snprintf(label, sizeof label, "%s", mid_sentence_label(b, order[i]));
		if (g->break_even_found) {
			snprintf(pct, sizeof pct, "%s %%",
			         format_decimal(part, sizeof part, 100 * g->break_even, 0, b->l,
			                        false));
			int m = snprintf(part, sizeof part, words(b->l, W_BREAK_EVEN_ITEM), label,
			                 pct);
			if (b->s->outcome_mode && m > 0 && (size_t)m < sizeof part) {
				char rate[32], rr[40];
				format_decimal(rate, sizeof rate, 100 * g->break_even_rate, 1, b->l,
				               false);
				snprintf(rr, sizeof rr, "%s %%", rate);
				snprintf(part + m, sizeof part - (size_t)m,
				         words(b->l, W_BREAK_EVEN_RATE), rr,
				         b->p->states[b->s->outcome_target].id);
			}
		} else {
			snprintf(pct, sizeof pct, "%s %%",
			         format_decimal(part, sizeof part, 100 * b->r->lambda_max, 0, b->l,
			                        false));
			snprintf(part, sizeof part, words(b->l, W_BREAK_EVEN_NEVER), label, pct);
		}
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
		                         said ? words(b->l, W_AND) : "", part);
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
		book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	const char *sheet = b->name[SHEET_PER_ACTOR];
	lxw_col_t last = (lxw_col_t)(COL_FIRST_YEAR + b->T - 1);
	for (size_t j = 0; j <= TARGET_FISCAL(b->na); j++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
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
	chart_title_set_name(ch, words(b->l, W_CHART_CUMULATIVE));
	lxw_chart_font tf = {.size = 11, .bold = LXW_TRUE};
	chart_title_set_name_font(ch, &tf);
	chart_axis_set_name(ch->y_axis, words(b->l, W_KR));
	chart_axis_set_num_format(ch->y_axis, "#,##0;\"\xe2\x88\x92\"#,##0;0");
	/* years below the plot, the zero line (where the x axis crosses) drawn */
	chart_axis_set_label_position(ch->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	lxw_chart_line zero = {.color = LXW_COLOR_BLACK, .width = 1.25};
	chart_axis_set_line(ch->x_axis, &zero);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
	lxw_chart_options opt = {.x_scale = 1.9, .y_scale = 1.15, .x_offset = 4, .y_offset = 4};
	book_keep(b, worksheet_insert_chart_opt(ws, r, 0, ch, &opt));
}

void sheet_summary(book *b)
{
	const scenario *s = b->s;
	lxw_worksheet *ws = b->ws[SHEET_SUMMARY];
	char line[1024], unit[64], a1[16], a2[16], range[2][40];
	book_str(b, ws, 0, 0, s->name, b->fmt.title);
	int used = snprintf(line, sizeof line, "%s. %ld %s, ", s->intervention_name, s->size,
	                    words(b->l, W_PER_INTAKE));
	if (s->intakes == 1)
		used += snprintf(line + used, sizeof line - (size_t)used, "%s, ",
		                 words(b->l, W_INTAKES_ONE));
	else
		used += snprintf(line + used, sizeof line - (size_t)used, "%ld %s, ", s->intakes,
		                 words(b->l, W_INTAKES_MANY));
	snprintf(line + used, sizeof line - (size_t)used, "%d %s.", s->intervention_years,
	         words(b->l, W_YEARS_IN));
	book_str(b, ws, 1, 0, line, b->fmt.subtitle);
	book_strf(b, ws, 3, 0, b->fmt.question, words(b->l, W_QUESTION), s->intervention_name);

	snprintf(unit, sizeof unit, words(b->l, W_UNIT_KR_PRICES), s->price_year);
	lxw_row_t h = 5;
	book_str(b, ws, h, 0, words(b->l, W_ACTOR), b->fmt.head_left);
	book_strf(b, ws, h, 1, b->fmt.head, "%s, %s", words(b->l, W_PV_INVESTMENT_HEAD), unit);
	book_strf(b, ws, h, 2, b->fmt.head, "%s, %s", words(b->l, W_PV_SAVINGS_HEAD), unit);
	book_strf(b, ws, h, 3, b->fmt.head, "%s, %s", words(b->l, W_NPV), unit);
	book_str(b, ws, h, 4, words(b->l, W_PAID_BACK_IN), b->fmt.head);
	book_str(b, ws, h, 5, words(b->l, W_RETURN_PER_KRONA), b->fmt.head);
	for (int k = 0; k < 2; k++)
		book_strf(b, ws, h, (lxw_col_t)(6 + k), b->fmt.head, words(b->l, W_NET_AFTER),
		          b->r->fig[0].snapshot_years[k], unit);
	worksheet_set_row(ws, h, 45, NULL);
	const char *pa = b->quoted[SHEET_PER_ACTOR];
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
			book_strf(b, ws, r, 0, b->fmt.bold, "%s%s", book_target_label(b, j),
			          j == TARGET_FISCAL(b->na) ? "\xc2\xb9" : "\xc2\xb2");
		else
			book_str(b, ws, r, 0, book_target_label(b, j), b->fmt.text);
		lxw_rowcol_to_range(range[0], blk + R_INVEST, y0, blk + R_INVEST, y1);
		snprintf(fm, sizeof fm, "=SUMPRODUCT(%s!%s,%s!%s)", pa, range[0], pa, range[1]);
		book_formula(b, ws, r, 1, fm, g->pv_investment, kr);
		lxw_rowcol_to_range(range[0], blk + R_SAVINGS, y0, blk + R_SAVINGS, y1);
		snprintf(fm, sizeof fm, "=SUMPRODUCT(%s!%s,%s!%s)", pa, range[0], pa, range[1]);
		book_formula(b, ws, r, 2, fm, g->pv_savings, kr);
		snprintf(fm, sizeof fm, "=%s!%s", pa,
		         book_ref(a1, blk + R_DISC, (lxw_col_t)(COL_FIRST_YEAR + b->T)));
		book_formula(b, ws, r, 3, fm, g->npv, kr);
		if (g->nominal.status == PAYBACK_REACHED)
			book_num(b, ws, r, 4, g->nominal.year, b->fmt.year);
		else if (g->nominal.status == PAYBACK_NONE)
			book_str(b, ws, r, 4, words(b->l, W_NO_INVESTMENT), b->fmt.note_right);
		else
			book_strf(b, ws, r, 4, b->fmt.note_right, words(b->l, W_NOT_WITHIN),
			          s->years);
		if (g->has_return) {
			snprintf(fm, sizeof fm, "=%s/%s", book_ref(a1, r, 2), book_ref(a2, r, 1));
			book_formula(b, ws, r, 5, fm, g->ret, b->fmt.ret);
		} else {
			book_str(b, ws, r, 5, words(b->l, W_NO_INVESTMENT), b->fmt.note_right);
		}
		for (int k = 0; k < 2; k++) { /* the cumulative net of that year */
			snprintf(fm, sizeof fm, "=%s!%s", pa,
			         book_ref(a1, blk + R_CUM,
			                  (lxw_col_t)(COL_FIRST_YEAR + g->snapshot_years[k] - 1)));
			book_formula(b, ws, r, (lxw_col_t)(6 + k), fm, g->snapshot_net[k], kr);
		}
	}
	char list[512];
	report_actor_list(b->c, TARGET_FISCAL(b->na), b->l, list, sizeof list);
	snprintf(line, sizeof line, words(b->l, W_FISCAL_NOTE),
	         list[0] ? list : words(b->l, W_NOBODY));
	book_strf(b, ws, r++, 0, b->fmt.note, "\xc2\xb9 %s", line);
	report_actor_list(b->c, TARGET_SOCIETY(b->na), b->l, list, sizeof list);
	snprintf(line, sizeof line, words(b->l, W_SOCIETY_NOTE), list);
	book_strf(b, ws, r++, 0, b->fmt.note, "\xc2\xb2 %s", line);
	r++;
	for (size_t j = 0; j < b->nt; j++) {
		if (j == TARGET_SOCIETY(b->na) && b->r->fig[j].npv == b->r->fig[j - 1].npv)
			continue; /* society is the public sector: said once */
		sentence(b, j, line, sizeof line);
		book_str(b, ws, r++, 0, line, j >= b->na ? b->fmt.bold : b->fmt.text);
	}
	break_even_sentence(b, line, sizeof line);
	if (line[0])
		book_str(b, ws, r++, 0, line, b->fmt.bold);
	r++;
	summary_chart(b, ws, r);
	r += 20;
	char pct[160];
	format_rates(pct, sizeof pct, s->rate_by_year, s->years, b->l);
	book_strf(b, ws, r, 0, b->fmt.note, words(b->l, W_FOOTER), s->price_year, pct, s->years,
	          s->start_year, s->start_year + s->years - 1, SAMKALK_VERSION, b->date);
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, 3, 21, NULL);
	worksheet_set_column(ws, 4, 4, 14, NULL);
	worksheet_set_column(ws, 5, 5, 17, NULL);
	worksheet_set_column(ws, 6, 7, 18, NULL);
	book_print_setup(b, ws, true);
	book_keep(b, worksheet_print_area(ws, 0, 0, r, 9));
	if (!b->values_only) /* a comparison opens on its own first sheet */
		worksheet_activate(ws);
}
