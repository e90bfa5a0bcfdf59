/* method.c -- the workbook's sheet of the method in words (issue #4,
 * docs/method.md), and what the calculation leaves out; with [followup],
 * how the re-forecast counts the years lived (issue #15). */
#include "samkalk/report/xlsx/book.h"

/* The paragraphs, a row each: how, then (after a blank row) what the
 * calculation leaves out. */
static const word_key how[] = {W_METHOD_COHORT,     W_METHOD_STATES,    W_METHOD_TRANSITIONS,
                               W_METHOD_UNIT_COST,  W_METHOD_YEAR_COST, W_METHOD_SAVINGS,
                               W_METHOD_INVESTMENT, W_METHOD_NET,       W_METHOD_DISCOUNTING,
                               W_METHOD_PAYBACK,    W_METHOD_RETURN,    W_METHOD_BREAK_EVEN,
                               W_METHOD_TOTALS,     W_METHOD_SEXES};
static const word_key left_out[] = {W_METHOD_LEFT_OUT,
                                    W_METHOD_LEFT_OUT_COSTS,
                                    W_METHOD_LEFT_OUT_AFTER,
                                    W_METHOD_LEFT_OUT_DISPLACEMENT,
                                    W_METHOD_LEFT_OUT_UNCERTAINTY,
                                    W_METHOD_FORMULAS};

void sheet_method(book *b)
{
	lxw_worksheet *ws = b->ws[SHEET_METHOD];
	book_str(b, ws, 0, 0, words(b->l, W_SHEET_METHOD), b->fmt.title);
	lxw_row_t r = 2;
	for (size_t i = 0; i < sizeof how / sizeof *how; i++, r++)
		book_str(b, ws, r, 0, words(b->l, how[i]), b->fmt.wrap);
	if (b->c->fu) /* the follow-up sheet's re-forecast, in a paragraph */
		book_str(b, ws, r++, 0, words(b->l, W_FUS_METHOD), b->fmt.wrap);
	book_keep(b, worksheet_write_blank(ws, r++, 0, b->fmt.wrap));
	for (size_t i = 0; i < sizeof left_out / sizeof *left_out; i++, r++)
		book_str(b, ws, r, 0, words(b->l, left_out[i]), b->fmt.wrap);
	worksheet_set_column(ws, 0, 0, 120, NULL);
	book_print_setup(b, ws, false);
}
