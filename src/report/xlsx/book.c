/* book.c -- the committee workbook (issue #4, SPEC §7) with libxlsxwriter:
 * creates the workbook, its formats and its sheets (enum sheet, one file
 * each beside this one), and holds the helpers they share. Every derived
 * number (savings, net, totals, cumulative and discounted rows, present
 * values, NPV) is a live formula over the cells it summarises, written with
 * its value from the results; the discount rate is one named cell on the
 * assumptions sheet. Text from input files is always written as a string,
 * never as a formula (SPEC §8). */
#include "samkalk/report/xlsx/book.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "samkalk/base/version.h"
#include "samkalk/report/report_xlsx.h"

/* The first libxlsxwriter error is kept; later calls still run, harmlessly. */
void book_keep(book *b, lxw_error e)
{
	if (e && !b->err)
		b->err = e;
}

void book_str(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
	book_keep(b, worksheet_write_string(ws, r, c, s, f));
}

void book_strf(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, lxw_format *f, const char *fmt,
               ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	book_str(b, ws, r, c, buf, f);
}

void book_num(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
{
	book_keep(b, worksheet_write_number(ws, r, c, v == 0 ? 0.0 : v, f));
}

/* A formula with its computed value, so the file shows numbers unopened. */
void book_formula(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *fm, double v,
                  lxw_format *f)
{
	if (b->values_only)
		book_keep(b, worksheet_write_number(ws, r, c, v == 0 ? 0.0 : v, f));
	else
		book_keep(b, worksheet_write_formula_num(ws, r, c, fm, f, v == 0 ? 0.0 : v));
}

char *book_ref(char *buf, lxw_row_t r, lxw_col_t c)
{
	lxw_rowcol_to_cell(buf, r, c);
	return buf;
}

/* "file:line", or the default's word when the key is absent. */
void book_where(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const ini_doc *doc, int line)
{
	if (line > 0)
		book_strf(b, ws, r, c, b->fmt.text, "%s:%d", doc->path, line);
	else
		book_str(b, ws, r, c, words(b->l, W_DEFAULT), b->fmt.note);
}

/* Source and file:line of a scenario input: the comment written above it
 * (or after it) in the file is its source. */
void book_provenance(book *b, lxw_worksheet *ws, lxw_row_t r, const char *section, const char *key)
{
	const ini_entry *e = inifile_find_entry(b->s->doc, section, key);
	book_where(b, ws, r, 3, b->s->doc, e ? e->line : 0);
	if (e && e->comment) /* last, so long text runs on into empty cells */
		book_str(b, ws, r, 4, e->comment, b->fmt.text);
}

const char *book_target_label(const book *b, size_t j)
{
	if (j == TARGET_FISCAL(b->na))
		return words(b->l, W_FISCAL);
	if (j == TARGET_SOCIETY(b->na))
		return words(b->l, W_SOCIETY);
	return b->p->actors[j].label;
}

static void make_formats(book *b)
{
	lxw_workbook *wb = b->wb;
	const char *kr = BOOK_KR_FORMAT;
	b->fmt.title = workbook_add_format(wb);
	format_set_bold(b->fmt.title);
	format_set_font_size(b->fmt.title, 16);
	b->fmt.subtitle = workbook_add_format(wb);
	format_set_font_size(b->fmt.subtitle, 11);
	format_set_italic(b->fmt.subtitle);
	b->fmt.question = workbook_add_format(wb);
	format_set_bold(b->fmt.question);
	format_set_font_size(b->fmt.question, 13);
	b->fmt.head = workbook_add_format(wb);
	format_set_bold(b->fmt.head);
	format_set_text_wrap(b->fmt.head);
	format_set_align(b->fmt.head, LXW_ALIGN_RIGHT);
	format_set_align(b->fmt.head, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_bottom(b->fmt.head, LXW_BORDER_THIN);
	b->fmt.head_left = workbook_add_format(wb);
	format_set_bold(b->fmt.head_left);
	format_set_text_wrap(b->fmt.head_left);
	format_set_align(b->fmt.head_left, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_bottom(b->fmt.head_left, LXW_BORDER_THIN);
	b->fmt.bold = workbook_add_format(wb);
	format_set_bold(b->fmt.bold);
	b->fmt.text = workbook_add_format(wb);
	b->fmt.wrap = workbook_add_format(wb);
	format_set_text_wrap(b->fmt.wrap);
	format_set_align(b->fmt.wrap, LXW_ALIGN_VERTICAL_TOP);
	b->fmt.note = workbook_add_format(wb);
	format_set_italic(b->fmt.note);
	format_set_font_color(b->fmt.note, 0x595959);
	b->fmt.note_right = workbook_add_format(wb); /* words in a column of numbers */
	format_set_italic(b->fmt.note_right);
	format_set_font_color(b->fmt.note_right, 0x595959);
	format_set_align(b->fmt.note_right, LXW_ALIGN_RIGHT);
	b->fmt.kr = workbook_add_format(wb);
	format_set_num_format(b->fmt.kr, kr);
	b->fmt.kr_bold = workbook_add_format(wb);
	format_set_num_format(b->fmt.kr_bold, kr);
	format_set_bold(b->fmt.kr_bold);
	b->fmt.ret = workbook_add_format(wb);
	format_set_num_format(b->fmt.ret, "0.00\" kr\"");
	b->fmt.year = workbook_add_format(wb);
	format_set_num_format(b->fmt.year, "0");
	format_set_align(b->fmt.year, LXW_ALIGN_RIGHT);
	b->fmt.dec1 = workbook_add_format(wb);
	format_set_num_format(b->fmt.dec1, "+#,##0.0;[Red]\"\xe2\x88\x92\"#,##0.0;0.0");
	b->fmt.pct = workbook_add_format(wb);
	format_set_num_format(b->fmt.pct, "0.0%");
	b->fmt.prob = workbook_add_format(wb);
	format_set_num_format(b->fmt.prob, "0.0000");
	b->fmt.persons = workbook_add_format(wb);
	format_set_num_format(b->fmt.persons, "#,##0.0");
	b->fmt.link = workbook_add_format(wb); /* the rate: the one cell to change */
	format_set_num_format(b->fmt.link, "0.0%");
	format_set_bold(b->fmt.link);
	format_set_bg_color(b->fmt.link, 0xFFF2CC);
	format_set_border(b->fmt.link, LXW_BORDER_THIN);
}

/* Print setup shared by every sheet: A4 landscape, one page wide, the
 * scenario's name above and page numbers below. */
void book_print_setup(book *b, lxw_worksheet *ws, bool one_page)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, one_page ? 1 : 0);
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	/* '&' starts a code in headers: a name's own '&' is doubled. */
	char name[200], header[256], footer[300];
	size_t k = 0;
	for (const char *p = b->s->name; *p && k + 2 < sizeof name; p++) {
		if (*p == '&')
			name[k++] = '&';
		name[k++] = *p;
	}
	name[k] = '\0';
	snprintf(header, sizeof header, "&C&\"-,Bold\"%.*s", 200, name);
	book_keep(b, worksheet_set_header(ws, header));
	snprintf(footer, sizeof footer, words(b->l, W_PRINT_FOOTER), b->date);
	book_keep(b, worksheet_set_footer(ws, footer));
}

/* The sheets by enum sheet: each one's name and who writes it. A new
 * sheet is a value of enum sheet, a row here and its file. */
static const struct {
	word_key name;
	void (*write)(book *b);
} sheets[N_SHEETS] = {[SHEET_SUMMARY] = {W_SHEET_SUMMARY, sheet_summary},
                      [SHEET_PER_ACTOR] = {W_SHEET_PER_ACTOR, sheet_per_actor},
                      [SHEET_BY_SEX] = {W_SHEET_BY_SEX, sheet_by_sex},
                      [SHEET_OUTCOMES] = {W_SHEET_OUTCOMES, sheet_outcomes},
                      [SHEET_UNCERTAINTY] = {W_SHEET_UNCERTAINTY, sheet_uncertainty},
                      [SHEET_FOLLOWUP] = {W_SHEET_FOLLOWUP, sheet_followup},
                      [SHEET_ASSUMPTIONS] = {W_SHEET_ASSUMPTIONS, sheet_assumptions},
                      [SHEET_METHOD] = {W_SHEET_METHOD, sheet_method},
                      [SHEET_DATA] = {W_SHEET_DATA, sheet_data}};

/* Writes sheet k when the workbook has it and no error came before. */
static void fill(book *b, enum sheet k)
{
	if (b->ws[k] && !b->err)
		sheets[k].write(b);
}

/* Opens the workbook at path with its formats, libxlsxwriter's temporary
 * files in tmpdir (NULL: the system's); false (why set) when the file
 * cannot be created. */
static bool open_book(book *b, const char *path, const char *tmpdir, time_t run_date, char *why,
                      size_t why_len)
{
	struct tm tm;
	gmtime_r(&run_date, &tm);
	strftime(b->date, sizeof b->date, "%Y-%m-%d", &tm);
	/* libxlsxwriter copies tmpdir (lxw_strdup) and only reads it */
	lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = (char *)tmpdir};
	b->wb = workbook_new_opt(path, &wo);
	if (!b->wb) {
		snprintf(why, why_len, "cannot create the workbook: %s", strerror(errno));
		return false;
	}
	return true;
}

/* Closes the workbook; SK_EIO with why set on the first error kept. */
static sk_status close_book(book *b, char *why, size_t why_len)
{
	book_keep(b, workbook_close(b->wb));
	if (b->err) {
		snprintf(why, why_len, "%s", lxw_strerror(b->err));
		return SK_EIO;
	}
	return SK_OK;
}

/* Adds the sheets of calculation c that want says, named with prefix
 * ("2 " in a comparison) and in the workbook's order, then fills them. */
static void add_sheets(book *b, const calc *c, const char *prefix, const bool want[N_SHEETS])
{
	b->c = c;
	b->s = c->s;
	b->p = c->s->profile;
	b->r = c->r;
	b->f = c->f;
	b->T = c->f->years;
	b->na = c->f->n_actors;
	b->ns = c->f->n_states;
	b->nt = c->r->n_targets;
	for (int k = 0; k < N_SHEETS; k++) {
		snprintf(b->name[k], sizeof b->name[k], "%s%s", prefix,
		         words(b->l, sheets[k].name));
		snprintf(b->quoted[k], sizeof b->quoted[k], "'%s%s'", prefix,
		         words(b->l, sheets[k].name));
		if (want[k] && !(b->ws[k] = workbook_add_worksheet(b->wb, b->name[k])))
			book_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	}
	/* the assumptions first, since the flow sheets refer to its rate
	 * cells; the summary last, since it refers to the flow sheets' rows;
	 * every other sheet between them in the workbook's order */
	fill(b, SHEET_ASSUMPTIONS);
	for (int k = 0; k < N_SHEETS; k++)
		if (k != SHEET_ASSUMPTIONS && k != SHEET_SUMMARY)
			fill(b, (enum sheet)k);
	fill(b, SHEET_SUMMARY);
}

sk_status report_xlsx(const calc *c, lang l, const char *path, const char *tmpdir, time_t run_date,
                      char *why, size_t why_len)
{
	book b = {.l = l};
	if (!open_book(&b, path, tmpdir, run_date, why, why_len))
		return SK_EIO;
	char title[256], subject[512], comments[256]; /* libxlsxwriter takes char * */
	snprintf(title, sizeof title, "%s", c->s->name);
	snprintf(subject, sizeof subject, words(l, W_SUBJECT), c->s->intervention_name);
	snprintf(comments, sizeof comments, "%s", words(l, W_DOC_COMMENTS));
	lxw_doc_properties props = {.title = title,
	                            .subject = subject,
	                            .author = "samkalk " SAMKALK_VERSION,
	                            .comments = comments,
	                            .created = run_date};
	book_keep(&b, workbook_set_properties(b.wb, &props));
	make_formats(&b);
	bool want[N_SHEETS];
	for (int k = 0; k < N_SHEETS; k++)
		want[k] = (k != SHEET_UNCERTAINTY || c->u) && (k != SHEET_FOLLOWUP || c->fu);
	add_sheets(&b, c, "", want);
	return close_book(&b, why, why_len);
}

sk_status report_xlsx_compare(const comparison *cmp, lang l, const char *path, const char *tmpdir,
                              time_t run_date, char *why, size_t why_len)
{
	book base = {.c = cmp->c[0], .s = cmp->c[0]->s, .l = l};
	if (!open_book(&base, path, tmpdir, run_date, why, why_len))
		return SK_EIO;
	char title[256];
	snprintf(title, sizeof title, words(l, W_CMP_SHEET_TITLE), cmp->n);
	lxw_doc_properties props = {.title = title,
	                            .subject = title,
	                            .author = "samkalk " SAMKALK_VERSION,
	                            .created = run_date};
	book_keep(&base, workbook_set_properties(base.wb, &props));
	make_formats(&base);
	lxw_worksheet *first = workbook_add_worksheet(base.wb, words(l, W_SHEET_COMPARISON));
	if (!first)
		book_keep(&base, LXW_ERROR_MEMORY_MALLOC_FAILED);
	/* each scenario's own summary and per-actor sheets, values only */
	const bool want[N_SHEETS] = {[SHEET_SUMMARY] = true, [SHEET_PER_ACTOR] = true};
	for (size_t k = 0; k < cmp->n && !base.err; k++) {
		book b = base;
		b.values_only = true;
		char prefix[24];
		snprintf(prefix, sizeof prefix, "%zu ", k + 1);
		add_sheets(&b, cmp->c[k], prefix, want);
		book_keep(&base, b.err);
	}
	if (!base.err)
		sheet_comparison(&base, cmp, first);
	return close_book(&base, why, why_len);
}
