/* method.c -- the workbook's sheet of the method in words (issue #4,
 * docs/method.md), and what the calculation leaves out. */
#include "samkalk/report/xlsx/book.h"

void sheet_method(book *b)
{
	lxw_worksheet *ws = b->ws[SHEET_METHOD];
	book_str(b, ws, 0, 0, b->x->method_title, b->fmt.title);
	lxw_row_t r = 2;
	for (const char *const *m = b->x->method; *m; m++, r++)
		book_str(b, ws, r, 0, *m, b->fmt.wrap);
	worksheet_set_column(ws, 0, 0, 120, NULL);
	book_print_setup(b, ws, false);
}
