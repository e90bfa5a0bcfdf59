/* per_actor.c -- the workbook's sheet of yearly flows per actor and for
 * the public sector and society, both sexes together (issue #4): one
 * block of rows per target (flows.c), every derived row a live formula. */
#include "samkalk/report/xlsx/book.h"

void sheet_per_actor(book *b)
{
	lxw_worksheet *ws = book_flow_sheet(b, SHEET_PER_ACTOR);
	lxw_row_t r = ROW_FIRST_BLOCK;
	for (size_t j = 0; j < b->nt; j++, r += BLOCK_ROWS + 1)
		book_flow_block(b, ws, FLOW_ALL, j, r);
}
