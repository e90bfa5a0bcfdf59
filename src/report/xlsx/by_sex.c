/* by_sex.c -- the workbook's sheet of yearly flows for women and for men
 * (issue #4): the blocks of the per-actor sheet (flows.c) once per sex,
 * each headed by its share of the cohort (the model's). */
#include "samkalk/report/xlsx/book.h"

void sheet_by_sex(book *b)
{
	lxw_worksheet *ws = book_flow_sheet(b, SHEET_BY_SEX);
	lxw_row_t r = ROW_FIRST_BLOCK;
	for (int g = 0; g < N_SEX; g++) {
		book_strf(b, ws, r, 0, b->fmt.question, "%s (%.0f %%)",
		          words(b->l, words_of_sex[g]), 100 * b->c->m->share[g]);
		r += 2;
		for (size_t j = 0; j < b->nt; j++, r += BLOCK_ROWS + 1)
			book_flow_block(b, ws, g, j, r);
		r += 1;
	}
}
