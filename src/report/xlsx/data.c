/* data.c -- the workbook's sheet of flows as a filterable table (issue
 * #4): the columns (report_flow_columns) and rows of the flows CSV
 * (SPEC §7), as numbers. */
#include "samkalk/report/xlsx/book.h"

#include "samkalk/report/report.h"

void sheet_data(book *b)
{
	lxw_worksheet *ws = b->ws[SHEET_DATA];
	lxw_table_column cols[N_FLOW_COLUMNS], *colp[N_FLOW_COLUMNS + 1];
	for (int k = 0; k < N_FLOW_COLUMNS; k++) {
		cols[k] = (lxw_table_column){.header = (char *)report_flow_columns[k]};
		colp[k] = &cols[k];
	}
	colp[N_FLOW_COLUMNS] = NULL;
	lxw_row_t r = 1;
	for (int t = 0; t < b->T; t++)
		for (size_t a = 0; a < b->na; a++)
			for (int g = 0; g < N_FLOW_SEX; g++, r++) {
				const flow_figures *y = results_flow(b->r, a, g, t);
				const double v[] = {y->without, y->with, y->investment,
				                    y->savings, y->net,  y->discounted};
				book_num(b, ws, r, 0, b->s->start_year + t, NULL);
				book_str(b, ws, r, 1, b->p->actors[a].id, NULL);
				book_str(b, ws, r, 2, report_sex_ids[g], NULL);
				for (int k = 0; k < 6; k++)
					book_num(b, ws, r, (lxw_col_t)(3 + k), v[k], NULL);
				book_num(b, ws, r, 9, t + 1, NULL);
				book_num(b, ws, r, 10, b->r->discount[t], NULL);
			}
	lxw_table_options opt = {.name = "Flows",
	                         .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
	                         .style_type_number = 9,
	                         .columns = colp};
	book_keep(b, worksheet_add_table(ws, 0, 0, r - 1, N_FLOW_COLUMNS - 1, &opt));
	worksheet_set_column(ws, 0, 2, 10, NULL);
	worksheet_set_column(ws, 3, N_FLOW_COLUMNS - 1, 18, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	book_print_setup(b, ws, false);
	book_keep(b, worksheet_repeat_rows(ws, 0, 0));
}
